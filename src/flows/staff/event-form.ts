/**
 * The one-event form (activity, date, start, end, place, places): answers read as people write
 * them ("lørdag", "3/12", "18", "18.30"), each field checked on its own and named by its label, the
 * right answers kept when one is wrong, each place offered once. A refusal from the event service
 * is put in words too; its internal field names ("startsAt") are never shown.
 */
import { choice, choices, text, type FormField, type Reply } from '../../conversation/replies';
import type { FlowContext, Step } from '../../conversation/flow';
import { done } from '../../conversation/flow';
import { isDomainError, type DomainError } from '../../errors/domain-error';
import { MAX_CAPACITY } from '../../events/event-service';
import { formatDateTime } from '../../i18n/format';
import { readFormDay, readFormTime, timeValue, tomorrowOf } from '../../series/form-values';
import { copenhagenInstant, parseCalendarDate } from '../../time/calendar-date';
import { announceAction } from './broadcast-announce';
import { activityOptions, todayOf } from './form-readers';
import { checkFields, choiceCheck, countCheck, repairStep, type FieldCheck } from './form-answers';

/** The places a form offers, each once (SeriesService.places). */
export async function placeOptions(ctx: FlowContext): Promise<{ label: string; value: string }[]> {
  const plan = await ctx.services.catalogue.currentPlan();
  return (await ctx.services.series.places(plan.id)).map((l) => ({ label: l.name, value: l.id }));
}

/** A day field's check: "lørdag", "3/12", "3. december", "2026-12-03"… → YYYY-MM-DD. */
export function dayCheck(ctx: FlowContext, name: string, label: string, required = true): FieldCheck {
  return {
    name,
    label,
    check(raw) {
      if (!raw?.trim() && !required) return { ok: true, value: undefined };
      const day = readFormDay(raw, todayOf(ctx), (s) => ctx.understand(s));
      return day ? { ok: true, value: day } : { ok: false, problem: ctx.t('series:form.date', { field: label }) };
    },
  };
}

/** A clock field's check: "18", "18.30", "kl. 18" → "18:00". */
export function timeCheck(ctx: FlowContext, name: string, label: string): FieldCheck {
  return {
    name,
    label,
    check(raw) {
      const time = readFormTime(raw);
      return time ? { ok: true, value: timeValue(time) } : { ok: false, problem: ctx.t('series:form.time', { field: label }) };
    },
  };
}

/** [hours, minutes] of a checked time value. */
export const clockOf = (value: string): [number, number] => value.split(':').map(Number) as [number, number];

interface EventFormOptions {
  activities: { label: string; value: string }[];
  places: { label: string; value: string }[];
}

async function options(ctx: FlowContext): Promise<EventFormOptions> {
  return { activities: await activityOptions(ctx, 100), places: await placeOptions(ctx) };
}

/** Every field's check, in the form's order. */
function eventChecks(ctx: FlowContext, o: EventFormOptions): FieldCheck[] {
  const { t } = ctx;
  const label = (key: string): string => t(`staff:create.${key}`);
  return [
    choiceCheck('activity', label('activity'), o.activities, t('staff:form.choose', { field: label('activity') }), true),
    dayCheck(ctx, 'date', label('date')),
    timeCheck(ctx, 'start', label('start')),
    timeCheck(ctx, 'end', label('end')),
    choiceCheck('location', label('location'), o.places, t('staff:form.choose', { field: label('location') }), false),
    countCheck('capacity', label('capacity'), 1, MAX_CAPACITY, t('staff:form.number', { field: label('capacity'), min: 1, max: MAX_CAPACITY })),
  ];
}

/**
 * The form, with `values` (right answers only) filled in. A new form suggests tomorrow 17.30-19.30;
 * a form shown again to fix (`suggest` false) leaves the wrong fields empty, so nothing looks answered that is not.
 */
export async function eventForm(ctx: FlowContext, values: Record<string, string>, o?: EventFormOptions, suggest = true): Promise<Reply> {
  const { t } = ctx;
  const { activities, places } = o ?? (await options(ctx));
  const or = (value: string | undefined, suggestion: string): string | undefined => value ?? (suggest ? suggestion : undefined);
  const fields: FormField[] = [
    { name: 'activity', label: t('staff:create.activity'), type: 'choice', required: true, options: activities, value: values['activity'] },
    { name: 'date', label: t('staff:create.date'), type: 'date', required: true, value: or(values['date'], tomorrowOf(todayOf(ctx))) },
    { name: 'start', label: t('staff:create.start'), type: 'time', required: true, value: or(values['start'], '17:30') },
    { name: 'end', label: t('staff:create.end'), type: 'time', required: true, value: or(values['end'], '19:30') },
    { name: 'location', label: t('staff:create.location'), type: 'choice', options: places, value: values['location'] },
    { name: 'capacity', label: t('staff:create.capacity'), type: 'number', min: 1, max: MAX_CAPACITY, value: values['capacity'] },
  ];
  return { kind: 'form', text: t('staff:create.event_title'), submit: choice(t('staff:create.create'), 'create.eventsubmit'), fields };
}

/** The form with the offer of a series below it: several dates at once. */
export async function eventFormStep(ctx: FlowContext, values: Record<string, string>): Promise<Step> {
  const { t } = ctx;
  return done(await eventForm(ctx, values), choices(t('series:form.offer'), [choice(t('series:form.offer_button'), 'create.seriesform')]));
}

/** The event service's refusal as the wrong field and a sentence, never its internal field name. */
function refusal(ctx: FlowContext, err: DomainError): { name: string; problem: string } {
  const { t } = ctx;
  if (err.code === 'event.invalid') {
    if (err.params['field'] === 'endsAt') return { name: 'end', problem: t('staff:create.end_before_start') };
    if (err.params['field'] === 'capacity')
      return { name: 'capacity', problem: t('staff:form.number', { field: t('staff:create.capacity'), min: 1, max: MAX_CAPACITY }) };
    return { name: 'date', problem: t('series:form.in_past') };
  }
  return { name: 'activity', problem: t(`errors:${err.code}`, err.params) };
}

/** The form's fields as a typed answer reads them (the "fix" step of the create flow). */
export async function eventFieldChecks(ctx: FlowContext): Promise<FieldCheck[]> {
  return eventChecks(ctx, await options(ctx));
}

/** Creates the event the form describes, or says what to fix and keeps the rest. */
export async function createEvent(ctx: FlowContext, values: Record<string, string>): Promise<Step> {
  const { t } = ctx;
  const o = await options(ctx);
  const fields = eventChecks(ctx, o);
  const checked = checkFields(values, fields);
  const { kept } = checked;
  const start = kept['start'] ? clockOf(kept['start']) : null;
  const end = kept['end'] ? clockOf(kept['end']) : null;
  if (start && end && end[0] * 60 + end[1] <= start[0] * 60 + start[1]) {
    delete kept['end'];
    checked.wrong.push({ name: 'end', label: t('staff:create.end'), problem: t('staff:create.end_before_start') });
  }
  const again = async (): Promise<Step> => repairStep(ctx, 'event', checked, await eventForm(ctx, checked.kept, o, false));
  if (checked.wrong.length || !start || !end || !kept['date'] || !kept['activity']) return again();
  const day = parseCalendarDate(kept['date']);
  try {
    const id = await ctx.services.events.create({
      activityId: kept['activity'],
      startsAt: copenhagenInstant(day, start[0], start[1]),
      endsAt: copenhagenInstant(day, end[0], end[1]),
      capacity: kept['capacity'] ? Number(kept['capacity']) : null,
      locationId: kept['location'] ?? null,
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
    if (!isDomainError(err)) throw err;
    const wrong = refusal(ctx, err);
    delete kept[wrong.name];
    // A day in the past: the time fields may be right, but the day or the time must move; ask for the day.
    checked.wrong.push({ name: wrong.name, label: fields.find((f) => f.name === wrong.name)?.label ?? '', problem: wrong.problem });
    return again();
  }
}
