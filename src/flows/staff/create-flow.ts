/**
 * Staff create things residents can book: an event (event-form.ts), a season of events (from a
 * message, series-steps.ts, or a form, series-form.ts) and counselling slots (form: date, first
 * slot, how many, how long, counsellor). A form with wrong fields comes back with the right answers
 * kept, and the wrong ones can be typed one at a time ("fix", form-answers.ts). The small readers of
 * form values the other staff forms share live in form-readers.ts and are re-exported here.
 */
import { mainMenu } from '../../conversation/menu';
import { choice, text, type FormField, type Reply } from '../../conversation/replies';
import { COUNSELLORS } from '../../series/slot-pattern';
import { done, STAFF_ROLES, type Flow, type FlowContext, type FlowInput, type Step } from '../../conversation/flow';
import { formatDay, formatTime } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import { addDays, copenhagenDate, copenhagenInstant, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';
import { seriesChangeAnswer, seriesChangePreview } from './series-change-steps';
import { seriesAnswer, seriesPreview } from './series-steps';
import { slotPatternAnswer, slotPatternPreview } from './slot-pattern-steps';
import { createEvent, eventFieldChecks, eventFormStep } from './event-form';
import { createSeriesFromForm, seriesFieldChecks, seriesFormStep } from './series-form';
import { repairAnswer, repairDraftSchema } from './form-answers';
import { formAgain, todayOf, wholeNumber } from './form-readers';
import { placeOptions } from './event-form';
import { readFormDay, readFormTime, timeValue } from '../../series/form-values';

export { activityOptions, formAgain, isDay, readTime, todayOf, wholeNumber } from './form-readers';

const MAX_SLOTS = 20;

async function prefill(ctx: FlowContext, u?: Understanding): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  if (u?.details.date) values['date'] = u.details.date;
  if (u?.details.activityText) {
    const [best] = await ctx.services.catalogue.findActivities({ text: u.details.activityText }, ctx.language);
    if (best) values['activity'] = best.id;
  }
  return values;
}

/** A typed answer to a form field that was wrong: checked at once (form-answers.ts). */
async function fixAnswer(ctx: FlowContext, input: FlowInput): Promise<Step> {
  const draft = repairDraftSchema.safeParse(ctx.data);
  if (!draft.success || input.kind !== 'text') return eventFormStep(ctx, {});
  if (draft.data.form === 'series')
    return repairAnswer(ctx, draft.data, input.text, await seriesFieldChecks(ctx), (values) => createSeriesFromForm(ctx, values));
  return repairAnswer(ctx, draft.data, input.text, await eventFieldChecks(ctx), (values) => createEvent(ctx, values));
}

// ---------------------------------------------------------------- counselling slots

async function slotsForm(ctx: FlowContext, values: Record<string, string>): Promise<Reply> {
  const { t } = ctx;
  const places = await placeOptions(ctx);
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
      options: places,
      value: values['location'],
    },
  ];
  return { kind: 'form', text: t('staff:create.slots_title'), submit: choice(t('staff:create.create'), 'create.slotssubmit'), fields };
}

async function createSlots(ctx: FlowContext, values: Record<string, string>): Promise<Step> {
  const { t, language } = ctx;
  const [counselling] = await ctx.services.catalogue.findActivities({ category: 'counselling' }, language);
  if (!counselling) return done(text(t('staff:create.no_counselling')), mainMenu(t, ctx.person));
  // Days and times as people write them ("tirsdag", "13"); the right answers stay in the form shown again.
  const day = readFormDay(values['date'], todayOf(ctx), (x) => ctx.understand(x));
  const first = readFormTime(values['first']);
  const count = wholeNumber(values['count'], 1, MAX_SLOTS);
  const minutes = wholeNumber(values['minutes'], 10, 240);
  const places = await placeOptions(ctx);
  const problems: string[] = [];
  if (!day) problems.push(t('series:form.date', { field: t('staff:create.date') }));
  if (!first) problems.push(t('series:form.time', { field: t('staff:create.first_slot') }));
  if (!count) problems.push(t('staff:form.number', { field: t('staff:create.slot_count'), min: 1, max: MAX_SLOTS }));
  if (!minutes) problems.push(t('staff:form.number', { field: t('staff:create.slot_minutes'), min: 10, max: 240 }));
  if (!(COUNSELLORS as readonly string[]).includes(values['counsellor'] ?? '')) problems.push(t('staff:form.choose', { field: t('staff:create.counsellor') }));
  if (values['location'] && !places.some((l) => l.value === values['location'])) problems.push(t('staff:form.choose', { field: t('staff:create.location') }));
  const kept = { ...values, date: day ?? '', first: first ? timeValue(first) : '' };
  if (problems.length || !first || !count || !minutes || !day) return formAgain(ctx, problems, await slotsForm(ctx, kept));
  const startsAt = copenhagenInstant(parseCalendarDate(day), first[0], first[1]);
  if (startsAt <= ctx.clock.now()) return formAgain(ctx, [t('staff:create.in_past')], await slotsForm(ctx, kept));
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
    return u?.intent === 'create_slots' ? done(await slotsForm(ctx, values)) : eventFormStep(ctx, values);
  },
  async resume(ctx, input) {
    const values = input.kind === 'action' ? (input.values ?? {}) : {};
    switch (input.step) {
      case 'eventsubmit':
        return createEvent(ctx, values);
      case 'seriesform':
        return seriesFormStep(ctx, {});
      case 'seriesformsubmit':
        return createSeriesFromForm(ctx, values);
      case 'fix':
        return fixAnswer(ctx, input);
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
        return eventFormStep(ctx, {});
    }
  },
};
