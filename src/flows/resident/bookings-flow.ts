/** "My bookings": upcoming sign-ups and appointments, each cancelled with one tap. */
import { formatDateTime } from '../../i18n/format';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Choice } from '../../conversation/replies';
import { done, RESIDENT_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { offerChoices, offerLine } from './offer-flow';
import { appointmentCounsellor } from './plan-terms';

async function list(ctx: FlowContext): Promise<Step> {
  const { t, language, person } = ctx;
  const [signUps, appointments] = await Promise.all([ctx.services.signUps.upcomingFor(person.id), ctx.services.appointments.upcomingFor(person.id)]);
  if (signUps.length === 0 && appointments.length === 0) return done(text(t('resident:bookings.none')), mainMenu(t, person));
  const lines: string[] = [t('resident:bookings.header')];
  const buttons: Choice[] = [];
  for (const s of signUps) {
    if (s.status === 'offered') {
      // An open offer is answered here too, in case the message was missed.
      lines.push(`• ${await offerLine(ctx, s)}`);
      buttons.push(...offerChoices(ctx, s.id));
      continue;
    }
    const e = await ctx.services.catalogue.event(s.eventId, language, { forResidents: true });
    const when = formatDateTime(e.startsAt, language);
    const key = s.status === 'waiting' ? 'resident:bookings.signup_waiting' : 'resident:bookings.signup';
    lines.push(`• ${t(key, { title: e.title, when, adults: s.adults, children: s.children, position: s.waitingPosition ?? 0 })}`);
    buttons.push(choice(`${t('resident:bookings.cancel_button')}: ${e.title}`.slice(0, 60), `bookings.cancel|s_${s.id}`));
  }
  for (const a of appointments) {
    const when = formatDateTime(a.slot.startsAt, language);
    lines.push(`• ${t('resident:bookings.appointment', { when, counsellor: await appointmentCounsellor(ctx, a.slot) })}`);
    buttons.push(choice(t('resident:bookings.move_button'), `counsel.move|${a.id}`));
    buttons.push(choice(`${t('resident:bookings.cancel_button')}: ${t('resident:counsel.calendar_title')}`.slice(0, 60), `bookings.cancel|a_${a.id}`));
  }
  return done(text(lines.join('\n')), choices(t('common:what_next'), [...buttons, choice(t('common:menu.title'), 'welcome.menu')]));
}

export const bookingsFlow: Flow = {
  name: 'bookings',
  roles: RESIDENT_ROLES,
  intents: ['my_bookings', 'cancel_booking'],
  start: (ctx) => list(ctx),
  async resume(ctx, input) {
    const { t, person } = ctx;
    if (input.kind === 'action' && input.step === 'cancel' && input.arg) {
      if (input.arg.startsWith('s_')) {
        await ctx.services.signUps.cancel({ signUpId: input.arg.slice(2), personId: person.id });
      } else if (input.arg.startsWith('a_')) {
        await ctx.services.appointments.cancel({ appointmentId: input.arg.slice(2), personId: person.id });
      }
      const rest = await list(ctx);
      return done(text(t('resident:bookings.cancelled')), ...rest.replies);
    }
    return list(ctx);
  },
};
