/**
 * Staff create things residents can book: an event (form: activity, date, times, place, capacity)
 * and counselling slots (form: date, first slot, how many, how long, counsellor). A form that does
 * not validate comes back with the entered values and what to fix. Also holds the small readers of
 * form values the other staff forms share.
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type FormField, type Reply } from '../../conversation/replies';
import { COUNSELLORS } from '../../series/slot-pattern';
import { done, STAFF_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { isDomainError } from '../../errors/domain-error';
import { formatDateTime, formatDay, formatTime } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import { addDays, copenhagenDate, copenhagenInstant, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';
import { announceAction } from './broadcast-announce';
import { seriesChangeAnswer, seriesChangePreview } from './series-change-steps';
import { seriesAnswer, seriesPreview } from './series-steps';
import { slotPatternAnswer, slotPatternPreview } from './slot-pattern-steps';

// ---------------------------------------------------------------- shared form readers

/** A whole number from a form or a message: undefined when empty, null when not a number in range. */
export function wholeNumber(raw: string | undefined, min: number, max: number): number | undefined | null {
  const s = raw?.trim() ?? '';
  if (!s) return undefined;
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isDay(raw: string | undefined): raw is string {
  try {
    parseCalendarDate(raw?.trim() ?? '');
    return true;
  } catch {
    return false;
  }
}

/** "17:30" or "17.30" → [17, 30]; null otherwise. */
export function readTime(raw: string | undefined): [number, number] | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(raw?.trim() ?? '');
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h < 24 && mi < 60 ? [h, mi] : null;
}

/** Today in Copenhagen as YYYY-MM-DD. */
export const todayOf = (ctx: FlowContext): string => formatCalendarDate(copenhagenDate(ctx.clock.now()));

/** The plan's activities for a form's choice field: those with targets first, at most `limit`. */
export async function activityOptions(ctx: FlowContext, limit = 25): Promise<{ label: string; value: string }[]> {
  const plan = await ctx.services.catalogue.currentPlan();
  const progress = await ctx.services.progress.forPlan(plan.id, 'plan-year');
  const withTargets = new Set(
    progress.focusAreas
      .flatMap((f) => f.activities.flatMap((a) => [a, ...a.subActivities]))
      .filter((a) => a.targets.length > 0)
      .map((a) => a.id),
  );
  const all = await ctx.services.catalogue.findActivities({ planId: plan.id }, ctx.language);
  const ordered = [...all.filter((a) => withTargets.has(a.id)), ...all.filter((a) => !withTargets.has(a.id))];
  return ordered.slice(0, limit).map((a) => ({ label: a.title, value: a.id }));
}

/** A form again, with the entered values and what to fix. */
export function formAgain(ctx: FlowContext, problems: string[], form: Reply): Step {
  return done(text([ctx.t('staff:form.fix'), ...problems].join('\n')), form);
}

/** Whether a form value names one of the options. */
const oneOf = (value: string | undefined, options: { value: string }[]): boolean => options.some((o) => o.value === value);

// ---------------------------------------------------------------- events

const MAX_SLOTS = 20;

async function eventForm(ctx: FlowContext, values: Record<string, string>): Promise<Reply> {
  const { t } = ctx;
  const locations = await ctx.services.indicators.locations();
  const fields: FormField[] = [
    { name: 'activity', label: t('staff:create.activity'), type: 'choice', required: true, options: await activityOptions(ctx), value: values['activity'] },
    {
      name: 'date',
      label: t('staff:create.date'),
      type: 'date',
      required: true,
      value: values['date'] ?? formatCalendarDate(addDays(copenhagenDate(ctx.clock.now()), 1)),
    },
    { name: 'start', label: t('staff:create.start'), type: 'time', required: true, value: values['start'] ?? '17:30' },
    { name: 'end', label: t('staff:create.end'), type: 'time', required: true, value: values['end'] ?? '19:30' },
    {
      name: 'location',
      label: t('staff:create.location'),
      type: 'choice',
      options: locations.map((l) => ({ label: l.name, value: l.id })),
      value: values['location'],
    },
    { name: 'capacity', label: t('staff:create.capacity'), type: 'number', min: 1, max: 500, value: values['capacity'] },
  ];
  return { kind: 'form', text: t('staff:create.event_title'), submit: choice(t('staff:create.create'), 'create.eventsubmit'), fields };
}

async function prefill(ctx: FlowContext, u?: Understanding): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  if (u?.details.date) values['date'] = u.details.date;
  if (u?.details.activityText) {
    const [best] = await ctx.services.catalogue.findActivities({ text: u.details.activityText }, ctx.language);
    if (best) values['activity'] = best.id;
  }
  return values;
}

async function createEvent(ctx: FlowContext, values: Record<string, string>): Promise<Step> {
  const { t } = ctx;
  const form = await eventForm(ctx, values);
  const problems: string[] = [];
  const start = readTime(values['start']);
  const end = readTime(values['end']);
  const capacity = wholeNumber(values['capacity'], 1, 500);
  const locations = await ctx.services.indicators.locations();
  if (!values['activity']) problems.push(t('staff:form.choose', { field: t('staff:create.activity') }));
  if (!isDay(values['date'])) problems.push(t('staff:form.date', { field: t('staff:create.date') }));
  if (!start) problems.push(t('staff:form.time', { field: t('staff:create.start') }));
  if (!end) problems.push(t('staff:form.time', { field: t('staff:create.end') }));
  if (start && end && end[0] * 60 + end[1] <= start[0] * 60 + start[1]) problems.push(t('staff:create.end_before_start'));
  if (
    values['location'] &&
    !oneOf(
      values['location'],
      locations.map((l) => ({ value: l.id })),
    )
  )
    problems.push(t('staff:form.choose', { field: t('staff:create.location') }));
  if (capacity === null) problems.push(t('staff:form.number', { field: t('staff:create.capacity'), min: 1, max: 500 }));
  if (problems.length || !start || !end || !isDay(values['date'])) return formAgain(ctx, problems, form);
  const day = parseCalendarDate(values['date']);
  const startsAt = copenhagenInstant(day, start[0], start[1]);
  try {
    const id = await ctx.services.events.create({
      activityId: values['activity'] ?? '',
      startsAt,
      endsAt: copenhagenInstant(day, end[0], end[1]),
      capacity: capacity ?? null,
      locationId: values['location'] || null,
      actorId: ctx.person.id,
    });
    const e = await ctx.services.catalogue.event(id, ctx.language);
    return done(
      text(
        t('staff:create.event_created', {
          title: e.title,
          when: formatDateTime(e.startsAt, ctx.language),
          place: e.location?.name ?? '—',
          capacity: e.capacity ?? '∞',
        }),
      ),
      choices(t('common:what_next'), [
        choice(t('staff:events.show_button'), `events.show|${id}`),
        choice(t('broadcast:announce.button'), announceAction(id)),
        choice(t('staff:create.another'), 'create.event'),
        choice(t('common:menu.title'), 'welcome.menu'),
      ]),
    );
  } catch (err) {
    if (isDomainError(err)) return formAgain(ctx, [t(`errors:${err.code}`, err.params)], form);
    throw err;
  }
}

// ---------------------------------------------------------------- counselling slots

async function slotsForm(ctx: FlowContext, values: Record<string, string>): Promise<Reply> {
  const { t } = ctx;
  const locations = await ctx.services.indicators.locations();
  const fields: FormField[] = [
    {
      name: 'date',
      label: t('staff:create.date'),
      type: 'date',
      required: true,
      value: values['date'] ?? formatCalendarDate(addDays(copenhagenDate(ctx.clock.now()), 1)),
    },
    { name: 'first', label: t('staff:create.first_slot'), type: 'time', required: true, value: values['first'] ?? '13:00' },
    { name: 'count', label: t('staff:create.slot_count'), type: 'number', required: true, min: 1, max: MAX_SLOTS, value: values['count'] ?? '4' },
    { name: 'minutes', label: t('staff:create.slot_minutes'), type: 'number', required: true, min: 10, max: 240, value: values['minutes'] ?? '45' },
    {
      name: 'counsellor',
      label: t('staff:create.counsellor'),
      type: 'choice',
      required: true,
      options: COUNSELLORS.map((c) => ({ label: c, value: c })),
      value: values['counsellor'] ?? COUNSELLORS[0],
    },
    {
      name: 'location',
      label: t('staff:create.location'),
      type: 'choice',
      options: locations.map((l) => ({ label: l.name, value: l.id })),
      value: values['location'],
    },
  ];
  return { kind: 'form', text: t('staff:create.slots_title'), submit: choice(t('staff:create.create'), 'create.slotssubmit'), fields };
}

async function createSlots(ctx: FlowContext, values: Record<string, string>): Promise<Step> {
  const { t, language } = ctx;
  const form = await slotsForm(ctx, values);
  const [counselling] = await ctx.services.catalogue.findActivities({ category: 'counselling' }, language);
  if (!counselling) return done(text(t('staff:create.no_counselling')), mainMenu(t, ctx.person));
  const first = readTime(values['first']);
  const count = wholeNumber(values['count'], 1, MAX_SLOTS);
  const minutes = wholeNumber(values['minutes'], 10, 240);
  const locations = await ctx.services.indicators.locations();
  const problems: string[] = [];
  if (!isDay(values['date'])) problems.push(t('staff:form.date', { field: t('staff:create.date') }));
  if (!first) problems.push(t('staff:form.time', { field: t('staff:create.first_slot') }));
  if (!count) problems.push(t('staff:form.number', { field: t('staff:create.slot_count'), min: 1, max: MAX_SLOTS }));
  if (!minutes) problems.push(t('staff:form.number', { field: t('staff:create.slot_minutes'), min: 10, max: 240 }));
  if (!(COUNSELLORS as readonly string[]).includes(values['counsellor'] ?? '')) problems.push(t('staff:form.choose', { field: t('staff:create.counsellor') }));
  if (values['location'] && !locations.some((l) => l.id === values['location'])) problems.push(t('staff:form.choose', { field: t('staff:create.location') }));
  if (problems.length || !first || !count || !minutes || !isDay(values['date'])) return formAgain(ctx, problems, form);
  const startsAt = copenhagenInstant(parseCalendarDate(values['date']), first[0], first[1]);
  if (startsAt <= ctx.clock.now()) return formAgain(ctx, [t('staff:create.in_past')], form);
  const slots = Array.from({ length: count }, (_, i) => ({
    startsAt: new Date(startsAt.getTime() + i * minutes * 60_000),
    endsAt: new Date(startsAt.getTime() + (i + 1) * minutes * 60_000),
  }));
  const n = await ctx.services.appointments.createSlots({
    activityId: counselling.id,
    counsellor: values['counsellor'] ?? COUNSELLORS[0],
    locationId: values['location'] || undefined,
    slots,
  });
  const last = slots[slots.length - 1]?.endsAt ?? startsAt;
  return done(
    text(
      t('staff:create.slots_created', {
        count: n,
        day: formatDay(startsAt, language),
        from: formatTime(startsAt, language),
        to: formatTime(last, language),
        counsellor: values['counsellor'] ?? '',
      }),
    ),
    mainMenu(t, ctx.person),
  );
}

export const createFlow: Flow = {
  name: 'create',
  roles: STAFF_ROLES,
  intents: ['create_event', 'create_slots'],
  async start(ctx, u) {
    // A season of events ("… hver torsdag kl. 17.30 …"), a change to one, or a pattern of slots: shown first, saved on "yes".
    const series =
      u?.intent === 'create_event' || u?.intent === 'create_slots'
        ? ((await slotPatternPreview(ctx)) ?? (await seriesChangePreview(ctx)) ?? (await seriesPreview(ctx)))
        : null;
    if (series) return series;
    const values = await prefill(ctx, u);
    return done(u?.intent === 'create_slots' ? await slotsForm(ctx, values) : await eventForm(ctx, values));
  },
  async resume(ctx, input) {
    const values = input.kind === 'action' ? (input.values ?? {}) : {};
    switch (input.step) {
      case 'eventsubmit':
        return createEvent(ctx, values);
      case 'slots':
        return done(await slotsForm(ctx, {}));
      case 'slotssubmit':
        return createSlots(ctx, values);
      case 'seriesanswer':
      case 'seriesconfirm':
      case 'seriescancel':
        return seriesAnswer(ctx, input);
      case 'patternanswer':
      case 'patternconfirm':
      case 'patterncancel':
        return slotPatternAnswer(ctx, input);
      case 'changeanswer':
      case 'changeconfirm':
      case 'changecancel':
        return seriesChangeAnswer(ctx, input);
      default:
        return done(await eventForm(ctx, {}));
    }
  },
};
