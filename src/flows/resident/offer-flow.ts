/**
 * The answer to a waiting-list offer: "offer.accept|<sign-up id>" and "offer.decline|<sign-up id>"
 * from the buttons of the offer message (or of "my bookings"). A late "yes" is told kindly that the
 * place has gone on, with a way to join the list again; nothing here is an error.
 */
import { done, RESIDENT_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { calendarChoice, mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Choice } from '../../conversation/replies';
import { formatDateTime } from '../../i18n/format';
import type { SignUpView } from '../../sign-ups/sign-up-service';

/** The accept and decline buttons of an offer. */
export function offerChoices(ctx: FlowContext, signUpId: string): Choice[] {
  return [
    choice(ctx.t('resident:offer.accept_button'), `offer.accept|${signUpId}`),
    choice(ctx.t('resident:offer.decline_button'), `offer.decline|${signUpId}`),
  ];
}

/** "A place is waiting for you, answer by …" for an open offer (bookings, sign-up again). */
export async function offerLine(ctx: FlowContext, s: SignUpView): Promise<string> {
  const e = await ctx.services.catalogue.event(s.eventId, ctx.language, { forResidents: true });
  return ctx.t('resident:offer.pending_line', {
    title: e.title,
    when: formatDateTime(e.startsAt, ctx.language),
    expiresAt: s.offerExpiresAt ? formatDateTime(s.offerExpiresAt, ctx.language) : '—',
  });
}

async function accept(ctx: FlowContext, signUpId: string): Promise<Step> {
  const { t, language, person } = ctx;
  const r = await ctx.services.offers.accept({ signUpId, personId: person.id });
  if (r.outcome === 'gone') return done(text(t('resident:offer.gone')), mainMenu(t, person));
  const e = await ctx.services.catalogue.event(r.signUp.eventId, language, { forResidents: true });
  const when = formatDateTime(e.startsAt, language);
  if (r.outcome === 'expired') {
    const expiresAt = r.signUp.offerExpiresAt ? formatDateTime(r.signUp.offerExpiresAt, language) : '—';
    const again = e.status !== 'cancelled' && e.startsAt > ctx.clock.now() ? [choice(t('resident:offer.join_again'), `signup.party|${e.id}`)] : [];
    return done(
      text(t('resident:offer.expired', { title: e.title, when, expiresAt })),
      choices(t('common:what_next'), [...again, choice(t('common:menu.title'), 'welcome.menu')]),
    );
  }
  if (r.outcome === 'already_confirmed') return done(text(t('resident:offer.already', { title: e.title, when })), mainMenu(t, person));
  return done(
    text(t('resident:offer.accepted', { title: e.title, when, place: e.location ? `${e.location.name}, ${e.location.address}` : '—' })),
    mainMenu(t, person, [calendarChoice(t, `s_${r.signUp.id}`)]),
  );
}

async function decline(ctx: FlowContext, signUpId: string): Promise<Step> {
  const { t, person } = ctx;
  const r = await ctx.services.offers.decline({ signUpId, personId: person.id });
  if (r.outcome === 'declined') return done(text(t('resident:offer.declined')), mainMenu(t, person));
  if (r.outcome === 'gone') return done(text(t('resident:offer.gone')), mainMenu(t, person));
  const e = await ctx.services.catalogue.event(r.signUp.eventId, ctx.language, { forResidents: true });
  const when = formatDateTime(e.startsAt, ctx.language);
  // Already confirmed: saying "no" to the offer is not a cancellation; that is one tap in bookings.
  if (r.outcome === 'already_confirmed')
    return done(
      text(t('resident:offer.already', { title: e.title, when })),
      choices(t('common:what_next'), [choice(t('common:menu.bookings'), 'bookings.list')]),
    );
  return done(
    text(
      t('resident:offer.expired', { title: e.title, when, expiresAt: r.signUp.offerExpiresAt ? formatDateTime(r.signUp.offerExpiresAt, ctx.language) : '—' }),
    ),
    mainMenu(t, person),
  );
}

export const offerFlow: Flow = {
  name: 'offer',
  roles: RESIDENT_ROLES,
  // Reached by buttons only; typed text about bookings goes to the bookings flow.
  intents: [],
  start: (ctx) => Promise.resolve(done(mainMenu(ctx.t, ctx.person))),
  async resume(ctx, input) {
    if (input.kind === 'action' && input.arg) {
      if (input.step === 'accept') return accept(ctx, input.arg);
      if (input.step === 'decline') return decline(ctx, input.arg);
    }
    return done(mainMenu(ctx.t, ctx.person));
  },
};
