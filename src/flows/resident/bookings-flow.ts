/** "My bookings": upcoming sign-ups and appointments, each cancelled with one tap. */
import { formatDateTime } from '../../i18n/format';
import { mainMenu } from '../../conversation/menu';
import { calendarFile } from '../../conversation/calendar-file';
import { DomainError } from '../../errors/domain-error';
import { choice, choices, text, type Choice, type Reply } from '../../conversation/replies';
import { done, RESIDENT_ROLES, waitForAnswer, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import type { Understanding } from '../../nlu/understanding';
import { addDays, copenhagenDate, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';
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

/**
 * "jeg kan ikke komme tirsdag alligevel": when the words point at one booking (the only one, or the only one on the day
 * named), it is shown and asked about, so a typed "ja" cancels it and "nej" keeps it. Otherwise the list, each with its
 * own cancel button. Offers and waiting places are left to the list.
 */
async function cancelOne(ctx: FlowContext, u: Understanding): Promise<Step> {
  const { t, language, person } = ctx;
  const [signUps, appointments] = await Promise.all([ctx.services.signUps.upcomingFor(person.id), ctx.services.appointments.upcomingFor(person.id)]);
  const candidates: { id: string; line: string; day: string }[] = [];
  for (const s of signUps) {
    if (s.status !== 'confirmed') continue;
    const e = await ctx.services.catalogue.event(s.eventId, language, { forResidents: true });
    const line = t('resident:bookings.signup', {
      title: e.title,
      when: formatDateTime(e.startsAt, language),
      adults: s.adults,
      children: s.children,
      position: 0,
    });
    candidates.push({ id: `s_${s.id}`, line, day: formatCalendarDate(copenhagenDate(e.startsAt)) });
  }
  for (const a of appointments) {
    const line = t('resident:bookings.appointment', { when: formatDateTime(a.slot.startsAt, language), counsellor: await appointmentCounsellor(ctx, a.slot) });
    candidates.push({ id: `a_${a.id}`, line, day: formatCalendarDate(copenhagenDate(a.slot.startsAt)) });
  }
  const day = u.details.date;
  // "aflys tirsdag" with nothing booked that day (said on a Tuesday, it reads as today) means the same day a week on;
  // the booking is shown with its date and asked about, so a wrong guess cancels nothing.
  const onDay = (d: string) => candidates.filter((c) => c.day === d);
  const weekOn = day ? formatCalendarDate(addDays(parseCalendarDate(day), 7)) : undefined;
  const meant = day ? (onDay(day).length > 0 || !weekOn ? onDay(day) : onDay(weekOn)) : candidates;
  const all = signUps.length + appointments.length;
  const one = meant.length === 1 && (day !== undefined || all === 1) ? meant[0] : undefined;
  if (!one) return list(ctx);
  return askCancel(ctx, one.id, one.line);
}

function askCancel(ctx: FlowContext, id: string, line: string): Step {
  const { t } = ctx;
  return waitForAnswer(
    'confirm_cancel',
    'yesno',
    { id, line },
    text(`• ${line}`),
    choices(t('resident:bookings.cancel_question'), [
      choice(t('resident:bookings.cancel_yes'), `bookings.cancel|${id}`),
      // An appointment one cannot come to may rather be moved.
      ...(id.startsWith('a_') ? [choice(t('resident:bookings.move_button'), `counsel.move|${id.slice(2)}`)] : []),
      choice(t('resident:bookings.cancel_no'), 'bookings.keep'),
    ]),
  );
}

/**
 * The calendar file of one of the person's own upcoming bookings (the button under a confirmation): `s_<sign-up id>` or
 * `a_<appointment id>`. Someone else's, a cancelled or a past one is a stale button.
 */
async function calendarOf(ctx: FlowContext, booking: string): Promise<Reply> {
  const { t, language, person } = ctx;
  const now = ctx.clock.now();
  const caption = t('resident:calendar_caption');
  if (booking.startsWith('s_')) {
    const s = (await ctx.services.signUps.upcomingFor(person.id)).find((x) => x.id === booking.slice(2) && x.status === 'confirmed');
    if (s) {
      const e = await ctx.services.catalogue.event(s.eventId, language, { forResidents: true });
      return calendarFile({ uid: s.id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, location: e.location?.address, now }, caption);
    }
  } else if (booking.startsWith('a_')) {
    const a = (await ctx.services.appointments.upcomingFor(person.id)).find((x) => x.id === booking.slice(2));
    if (a) {
      const { startsAt, endsAt, location } = a.slot;
      return calendarFile({ uid: a.id, title: t('resident:counsel.calendar_title'), startsAt, endsAt, location: location?.address, now }, caption);
    }
  }
  throw new DomainError('action.stale');
}

export const bookingsFlow: Flow = {
  name: 'bookings',
  roles: RESIDENT_ROLES,
  intents: ['my_bookings', 'cancel_booking'],
  start: (ctx, u) => (u?.intent === 'cancel_booking' ? cancelOne(ctx, u) : list(ctx)),
  async resume(ctx, input) {
    const { t, person } = ctx;
    const kept = (): Step => done(text(t('resident:bookings.kept')), mainMenu(t, person));
    if (input.kind === 'text' && input.step === 'confirm_cancel') {
      const d = ctx.data as { id?: unknown; line?: unknown };
      if (typeof d.id !== 'string' || typeof d.line !== 'string') return list(ctx);
      if (input.understanding.intent === 'no') return kept();
      if (input.understanding.intent !== 'yes') return askCancel(ctx, d.id, d.line);
      return this.resume(ctx, { kind: 'action', step: 'cancel', arg: d.id });
    }
    if (input.kind === 'action' && input.step === 'keep') return kept();
    if (input.kind === 'action' && input.step === 'calendar' && input.arg) return done(await calendarOf(ctx, input.arg), mainMenu(t, person));
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
