/**
 * Staff's view of the calendar: today's and the next 7 days' events with sign-ups, one event's
 * sign-up list with the kitchen summary, and cancelling an event (everyone signed up is told
 * through the outbox by EventService.cancel).
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Choice, type Reply } from '../../conversation/replies';
import { done, STAFF_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { DomainError } from '../../errors/domain-error';
import { formatDateTime, formatDay, formatShortDay, formatTime } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import type { Language } from '../../plan-data/plan-file';
import { addDays, copenhagenDate, copenhagenInstant, parseCalendarDate } from '../../time/calendar-date';
import { allergyForStaff, kitchenLine } from '../../outbox/kitchen-digest';

const WINDOW_DAYS = 7;
const MAX_BUTTONS = 10;

/** "tir 18/11 17.30": short enough for a table cell and a button. */
export function shortWhen(instant: Date, language: Language): string {
  // The shared day-first formatter: Dari and Sorani would otherwise print month first.
  return `${formatShortDay(instant, language)} ${formatTime(instant, language)}`;
}

/** First names of people, by id ("—" for someone whose data was erased). */
export async function firstNames(ctx: FlowContext, personIds: readonly string[]): Promise<Map<string, string>> {
  const people = await Promise.all([...new Set(personIds)].map((id) => ctx.services.people.get(id)));
  return new Map(people.map((p) => [p.id, p.firstName ?? '—']));
}

async function list(ctx: FlowContext, u?: Understanding, cancelling = false): Promise<Step> {
  const { t, language } = ctx;
  const today = copenhagenDate(ctx.clock.now());
  const day = u?.details.date ? parseCalendarDate(u.details.date) : undefined;
  const from = copenhagenInstant(day ?? today);
  const to = copenhagenInstant(addDays(day ?? today, day ? 1 : WINDOW_DAYS + 1));
  const events = (await ctx.services.events.between(from, to)).filter((e) => e.status !== 'cancelled' && (!cancelling || e.startsAt > ctx.clock.now()));
  if (events.length === 0) return done(text(t('staff:events.none')), mainMenu(t, ctx.person));
  const table: Reply = {
    kind: 'table',
    title: t('staff:events.title'),
    columns: [
      t('staff:events.col_time'),
      t('staff:events.col_event'),
      t('staff:events.col_place'),
      t('staff:events.col_signed_up'),
      t('staff:events.col_waiting'),
    ],
    rows: events.map((e) => ({
      cells: [shortWhen(e.startsAt, language), e.title, e.location ?? '—', `${e.confirmedPeople}/${e.capacity ?? '∞'}`, String(e.waitingPeople)],
    })),
  };
  const buttons = events
    .slice(0, MAX_BUTTONS)
    .map((e) => choice(`${shortWhen(e.startsAt, language)} ${e.title}`.slice(0, 60), `events.${cancelling ? 'cancel' : 'show'}|${e.id}`));
  return done(table, choices(t(cancelling ? 'staff:events.pick_cancel' : 'staff:events.pick'), buttons));
}

/**
 * "hvor mange skal der laves mad til på torsdag", "how many to cook for tonight": the one dinner of the day asked
 * about, or the next dinner when no day is said, goes straight to its sign-ups and kitchen summary. Undefined when
 * the day has several dinners or none (the list is shown).
 */
async function kitchenEvent(ctx: FlowContext, u?: Understanding): Promise<string | undefined> {
  const now = ctx.clock.now();
  const today = copenhagenDate(now);
  const day = u?.details.date ? parseCalendarDate(u.details.date) : undefined;
  const from = copenhagenInstant(day ?? today);
  const to = copenhagenInstant(addDays(day ?? today, day ? 1 : WINDOW_DAYS + 1));
  const dinners = (await ctx.services.events.between(from, to)).filter((e) => e.status !== 'cancelled' && e.category === 'dinner' && (day || e.endsAt > now));
  if (day) return dinners.length === 1 ? dinners[0]?.id : undefined;
  return dinners[0]?.id;
}

async function show(ctx: FlowContext, eventId: string): Promise<Step> {
  const { t, language } = ctx;
  const e = await ctx.services.catalogue.event(eventId, language);
  const signUps = await ctx.services.signUps.forEvent(eventId);
  const names = await firstNames(
    ctx,
    signUps.map((s) => s.personId),
  );
  const diet = (s: (typeof signUps)[number]): string =>
    [
      s.dietary.noPork ? t('staff:events.no_pork') : '',
      s.dietary.vegetarian ? t('staff:events.vegetarian') : '',
      s.dietary.allergies ? allergyForStaff(t, s.dietary.allergies) : '',
    ]
      .filter(Boolean)
      .join(', ') || '—';
  const header = t('staff:events.header', { title: e.title, when: formatDateTime(e.startsAt, language), place: e.location?.name ?? '—' });
  const replies: Reply[] = [];
  if (signUps.length === 0) replies.push(text(`${header}\n${t('staff:events.nobody')}`));
  else {
    replies.push({
      kind: 'table',
      title: header,
      columns: [t('staff:events.col_name'), t('staff:events.col_adults'), t('staff:events.col_children'), t('staff:events.col_diet')],
      rows: signUps.map((s) => ({
        cells: [
          s.status === 'waiting'
            ? t('staff:events.waiting_name', { name: names.get(s.personId) ?? '—', position: s.waitingPosition ?? 0 })
            : (names.get(s.personId) ?? '—'),
          String(s.adults),
          String(s.children),
          diet(s),
        ],
      })),
    });
    const k = await ctx.services.signUps.kitchenSummary(eventId);
    replies.push(text(kitchenLine(t, k)));
  }
  const buttons: Choice[] = [];
  // Attendance is for a day that has come (DeliveryService refuses future dates); cancelling for one that has not started.
  if (copenhagenDate(e.startsAt) <= copenhagenDate(ctx.clock.now()) && e.status !== 'cancelled')
    buttons.push(choice(t('staff:events.attendance_button'), `attendance.event|${e.id}`));
  if (e.status === 'scheduled' && e.startsAt > ctx.clock.now()) {
    buttons.push(choice(t('staff:events.cancel_button'), `events.cancel|${e.id}`));
    // A date of a season with later dates: the rest of the season can go in one step.
    if (((await ctx.services.series.cancelPreview(e.id))?.eventIds.length ?? 0) > 1)
      buttons.push(choice(t('series:cancel_series_button'), `events.seriescancel|${e.id}`));
  }
  buttons.push(choice(t('staff:events.back'), 'events.list'));
  return done(...replies, choices(t('common:what_next'), buttons));
}

async function askCancel(ctx: FlowContext, eventId: string): Promise<Step> {
  const { t, language } = ctx;
  const e = await ctx.services.catalogue.event(eventId, language);
  if (e.status === 'cancelled') throw new DomainError('event.cancelled');
  const told = (await ctx.services.signUps.forEvent(eventId)).filter(
    (s) => s.status === 'confirmed' || s.status === 'waiting' || s.status === 'offered',
  ).length;
  return done(
    choices(t('staff:events.cancel_question', { title: e.title, when: formatDateTime(e.startsAt, language), count: told }), [
      choice(t('staff:events.cancel_yes'), `events.cancelok|${e.id}`),
      choice(t('staff:events.cancel_no'), `events.show|${e.id}`),
    ]),
  );
}

async function cancel(ctx: FlowContext, eventId: string): Promise<Step> {
  const { t } = ctx;
  const e = await ctx.services.catalogue.event(eventId, ctx.language);
  const told = await ctx.services.events.cancel(eventId, ctx.person.id);
  return done(text(t('staff:events.cancelled', { title: e.title, count: told })), mainMenu(t, ctx.person));
}

/** The season from this date on: how many dates and residents, and the question. */
async function askCancelSeries(ctx: FlowContext, eventId: string): Promise<Step> {
  const { t, language } = ctx;
  const preview = await ctx.services.series.cancelPreview(eventId);
  if (!preview || preview.eventIds.length === 0) return askCancel(ctx, eventId);
  const e = await ctx.services.catalogue.event(eventId, language);
  return done(
    choices(
      t('series:cancel_series_question', { title: e.title, day: formatDay(e.startsAt, language), number: preview.eventIds.length, told: preview.signUps }),
      [
        choice(t('series:cancel_series_confirm', { number: preview.eventIds.length }), `events.seriescancelok|${e.id}`),
        choice(t('series:cancel_series_keep'), `events.show|${e.id}`),
      ],
    ),
  );
}

async function cancelSeries(ctx: FlowContext, eventId: string): Promise<Step> {
  const { t } = ctx;
  const r = await ctx.services.series.cancelFrom(eventId, ctx.person.id, ctx.services.events);
  return done(text(t('series:cancel_series_done', { number: r.events, told: r.notified })), mainMenu(t, ctx.person));
}

export const eventsFlow: Flow = {
  name: 'events',
  roles: STAFF_ROLES,
  // cancel_event belongs here too: "aflys arrangementet på torsdag" lists that day's events to cancel.
  intents: ['upcoming_events', 'kitchen_summary', 'cancel_event'],
  async start(ctx, u) {
    const dinner = u?.intent === 'kitchen_summary' ? await kitchenEvent(ctx, u) : undefined;
    return dinner ? show(ctx, dinner) : list(ctx, u, u?.intent === 'cancel_event');
  },
  async resume(ctx, input) {
    const id = input.kind === 'action' ? (input.arg ?? '') : '';
    switch (input.kind === 'action' ? input.step : '') {
      case 'show':
        return show(ctx, id);
      case 'cancel':
        return askCancel(ctx, id);
      case 'cancelok':
        return cancel(ctx, id);
      case 'seriescancel':
        return askCancelSeries(ctx, id);
      case 'seriescancelok':
        return cancelSeries(ctx, id);
      default:
        return list(ctx);
    }
  },
};
