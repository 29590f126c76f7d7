/**
 * Fremmøde: pick an event that has started (today or the last 3 days), tick who came on a form
 * (signed-up parties pre-ticked), add walk-ins and volunteers. AttendanceService saves it and makes
 * it the event's delivery, so taking attendance again corrects rather than double-counts.
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type FormField, type Reply } from '../../conversation/replies';
import { done, STAFF_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { isDomainError } from '../../errors/domain-error';
import { formatDateTime } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import { addDays, copenhagenDate, copenhagenInstant } from '../../time/calendar-date';
import { compactText } from '../../text/normalize';
import { formAgain, wholeNumber } from './create-flow';
import { firstNames, shortWhen } from './events-flow';

const DAYS_BACK = 3;
const MAX_WALK_INS = 500;
const MAX_VOLUNTEERS = 100;
/** What channels send for a ticked toggle (Teams: "true"; others may say "on"). */
const TICKED = new Set(['true', 'on', '1', 'yes', 'ja']);

async function pick(ctx: FlowContext, u?: Understanding): Promise<Step> {
  const { t, language } = ctx;
  const now = ctx.clock.now();
  const from = copenhagenInstant(addDays(copenhagenDate(now), -DAYS_BACK));
  const wanted = u?.details.activityText ? compactText(u.details.activityText) : '';
  const events = (await ctx.services.events.between(from, now))
    .filter((e) => e.status !== 'cancelled')
    .filter((e) => !wanted || compactText(e.title).includes(wanted) || compactText(e.activityName).includes(wanted))
    .reverse();
  if (events.length === 0) return done(text(t('staff:attendance.none', { days: DAYS_BACK })), mainMenu(t, ctx.person));
  if (events.length === 1 && events[0]) return done(await form(ctx, events[0].id, {}));
  return done(
    choices(
      t('staff:attendance.pick'),
      events.slice(0, 10).map((e) => choice(`${shortWhen(e.startsAt, language)} ${e.title}`.slice(0, 60), `attendance.event|${e.id}`)),
    ),
  );
}

/** The attendance form; `values` are what was entered before (kept when something must be fixed). */
async function form(ctx: FlowContext, eventId: string, values: Record<string, string>): Promise<Reply> {
  const { t, language } = ctx;
  const e = await ctx.services.catalogue.event(eventId, language);
  const signUps = await ctx.services.signUps.forEvent(eventId);
  const names = await firstNames(
    ctx,
    signUps.map((s) => s.personId),
  );
  const toggles: FormField[] = signUps.map((s) => ({
    name: s.personId,
    label: t(s.status === 'waiting' ? 'staff:attendance.party_waiting' : 'staff:attendance.party', {
      name: names.get(s.personId) ?? '—',
      count: s.adults + s.children,
    }),
    type: 'toggle',
    // Confirmed parties are expected; a no-show from an earlier round stays unticked.
    value: values[s.personId] ?? String(s.status === 'confirmed' || s.status === 'attended'),
  }));
  return {
    kind: 'form',
    text: t('staff:attendance.form_title', { title: e.title, when: formatDateTime(e.startsAt, language) }),
    submit: choice(t('staff:attendance.save'), `attendance.submit|${eventId}`),
    fields: [
      ...toggles,
      { name: 'walkIns', label: t('staff:attendance.walk_ins'), type: 'number', min: 0, max: MAX_WALK_INS, value: values['walkIns'] ?? '0' },
      { name: 'volunteers', label: t('staff:attendance.volunteers'), type: 'number', min: 0, max: MAX_VOLUNTEERS, value: values['volunteers'] ?? '0' },
    ],
  };
}

async function submit(ctx: FlowContext, eventId: string, values: Record<string, string>): Promise<Step> {
  const { t } = ctx;
  const walkIns = wholeNumber(values['walkIns'], 0, MAX_WALK_INS);
  const volunteers = wholeNumber(values['volunteers'], 0, MAX_VOLUNTEERS);
  const problems: string[] = [];
  if (walkIns === null) problems.push(t('staff:form.number', { field: t('staff:attendance.walk_ins'), min: 0, max: MAX_WALK_INS }));
  if (volunteers === null) problems.push(t('staff:form.number', { field: t('staff:attendance.volunteers'), min: 0, max: MAX_VOLUNTEERS }));
  if (problems.length) return formAgain(ctx, problems, await form(ctx, eventId, values));
  // Only the event's own sign-ups can be marked: other names in `values` are ignored.
  const signUps = await ctx.services.signUps.forEvent(eventId);
  const marks = signUps.map((s) => ({ personId: s.personId, attended: TICKED.has((values[s.personId] ?? '').trim().toLowerCase()) }));
  try {
    const r = await ctx.services.attendance.take({
      eventId,
      marks,
      walkIns: walkIns ?? 0,
      volunteers: volunteers ?? 0,
      markedById: ctx.person.id,
      channel: ctx.channel,
    });
    const signedUp = r.participants - r.walkIns;
    return done(text(t('staff:attendance.saved', { count: r.participants, signedUp, walkIns: r.walkIns, volunteers: r.volunteers })), mainMenu(t, ctx.person));
  } catch (err) {
    if (isDomainError(err) && err.code !== 'event.not_found') return formAgain(ctx, [t(`errors:${err.code}`, err.params)], await form(ctx, eventId, values));
    throw err;
  }
}

export const attendanceFlow: Flow = {
  name: 'attendance',
  roles: STAFF_ROLES,
  intents: ['take_attendance'],
  start: (ctx, u) => pick(ctx, u),
  async resume(ctx, input) {
    if (input.kind === 'text') return pick(ctx, input.understanding);
    switch (input.step) {
      case 'event':
        return done(await form(ctx, input.arg ?? '', {}));
      case 'submit':
        return submit(ctx, input.arg ?? '', input.values ?? {});
      default:
        return pick(ctx);
    }
  },
};
