/**
 * The series form: a season of weekly events filled in field by field (activity, weekday, times,
 * first and last date, place, places, weeks to skip) for staff who would rather not write it in one
 * message, or whose message missed something (then it comes filled in with what was understood).
 * Answers are read as people write them, each field is checked on its own and named by its label,
 * the right answers are kept when one is wrong, and each place is offered once. On submit Nabo
 * shows the dates (series-preview.ts) and saves only on "yes", as for the message.
 */
import { choice, type FormField, type Reply } from '../../conversation/replies';
import { done, type FlowContext, type Step } from '../../conversation/flow';
import { MAX_CAPACITY } from '../../events/event-service';
import { intlLocale } from '../../i18n/format';
import { readFormDay } from '../../series/form-values';
import { defaultEnd, weekdayOf } from '../../series/series-request';
import { parseCalendarDate } from '../../time/calendar-date';
import { clockOf, dayCheck, placeOptions, timeCheck } from './event-form';
import { checkFields, choiceCheck, countCheck, repairStep, type FieldCheck } from './form-answers';
import { activityOptions, todayOf } from './form-readers';
import { seriesPlanPreview } from './series-preview';

type Options = { activities: { label: string; value: string }[]; places: { label: string; value: string }[]; weekdays: { label: string; value: string }[] };

/** Monday … Sunday in the reader's language, valued 1 … 7 (ISO). */
function weekdayOptions(ctx: FlowContext): { label: string; value: string }[] {
  const f = new Intl.DateTimeFormat(intlLocale(ctx.language), { weekday: 'long', timeZone: 'UTC' });
  // 5 January 2026 is a Monday.
  return Array.from({ length: 7 }, (_, i) => ({ label: f.format(new Date(Date.UTC(2026, 0, 5 + i))), value: String(i + 1) }));
}

async function options(ctx: FlowContext): Promise<Options> {
  return { activities: await activityOptions(ctx, 100), places: await placeOptions(ctx), weekdays: weekdayOptions(ctx) };
}

const label = (ctx: FlowContext, key: string): string => ctx.t(`series:form.${key}`);

/** "torsdag", "torsdage", "Thursday", a day's date, or the choice's value → ISO weekday. */
function weekdayCheck(ctx: FlowContext, o: Options): FieldCheck {
  const name = label(ctx, 'weekday_label');
  return {
    name: 'weekday',
    label: name,
    check(raw) {
      const s = raw?.trim().toLocaleLowerCase('da') ?? '';
      const problem = { ok: false as const, problem: ctx.t('series:form.weekday', { field: name }) };
      if (!s) return problem;
      if (/^[1-7]$/.test(s)) return { ok: true, value: s };
      const byLabel = o.weekdays.find((w) => w.label.toLocaleLowerCase(intlLocale(ctx.language)) === s);
      if (byLabel) return { ok: true, value: byLabel.value };
      const word = weekdayOf(s.replace(/^(?:hver|alle|every|om)\s+/, ''));
      if (word !== undefined) return { ok: true, value: String(word) };
      // Any other language: the reader finds the next such day; its weekday is the answer.
      const day = readFormDay(s, todayOf(ctx), (x) => ctx.understand(x));
      return day ? { ok: true, value: String(parseCalendarDate(day).getUTCDay() || 7) } : problem;
    },
  };
}

/** "7, 42", "uge 7 og 42", "7 42": week numbers; empty is none. */
function weeksCheck(ctx: FlowContext): FieldCheck {
  const name = label(ctx, 'skip_label');
  return {
    name: 'skip',
    label: name,
    check(raw) {
      const s = raw?.trim().toLocaleLowerCase('da') ?? '';
      if (!s) return { ok: true, value: undefined };
      const rest = s
        .replace(/\b(?:uge|ugerne|uger|week|weeks|og|and|i|in|ikke|not)\b/gu, ' ')
        .replace(/[\s,;.]+/g, ' ')
        .trim();
      const weeks = rest.split(' ').map(Number);
      return rest && weeks.every((w) => Number.isInteger(w) && w >= 1 && w <= 53)
        ? { ok: true, value: [...new Set(weeks)].join(', ') }
        : { ok: false, problem: ctx.t('series:form.weeks', { field: name }) };
    },
  };
}

function seriesChecks(ctx: FlowContext, o: Options): FieldCheck[] {
  const { t } = ctx;
  const activity = t('staff:create.activity');
  const place = t('staff:create.location');
  const capacity = t('staff:create.capacity');
  return [
    choiceCheck('activity', activity, o.activities, t('staff:form.choose', { field: activity }), true),
    weekdayCheck(ctx, o),
    timeCheck(ctx, 'start', t('staff:create.start')),
    timeCheck(ctx, 'end', t('staff:create.end')),
    dayCheck(ctx, 'from', label(ctx, 'from_label')),
    dayCheck(ctx, 'to', label(ctx, 'to_label')),
    choiceCheck('location', place, o.places, t('staff:form.choose', { field: place }), false),
    countCheck('capacity', capacity, 1, MAX_CAPACITY, t('staff:form.number', { field: capacity, min: 1, max: MAX_CAPACITY })),
    weeksCheck(ctx),
  ];
}

/** The form with `values` (right answers only) filled in. */
export async function seriesForm(ctx: FlowContext, values: Record<string, string>, o?: Options, suggest = true): Promise<Reply> {
  const { t } = ctx;
  const { activities, places, weekdays } = o ?? (await options(ctx));
  const start = values['start'] ?? (suggest ? '17:30' : undefined);
  const fields: FormField[] = [
    { name: 'activity', label: t('staff:create.activity'), type: 'choice', required: true, options: activities, value: values['activity'] },
    { name: 'weekday', label: label(ctx, 'weekday_label'), type: 'choice', required: true, options: weekdays, value: values['weekday'] },
    { name: 'start', label: t('staff:create.start'), type: 'time', required: true, value: start },
    {
      name: 'end',
      label: t('staff:create.end'),
      type: 'time',
      required: true,
      value: values['end'] ?? (start && suggest ? defaultEndValue(start) : undefined),
    },
    { name: 'from', label: label(ctx, 'from_label'), type: 'date', required: true, value: values['from'] },
    { name: 'to', label: label(ctx, 'to_label'), type: 'date', required: true, value: values['to'] },
    { name: 'location', label: t('staff:create.location'), type: 'choice', options: places, value: values['location'] },
    { name: 'capacity', label: t('staff:create.capacity'), type: 'number', min: 1, max: MAX_CAPACITY, value: values['capacity'] },
    { name: 'skip', label: label(ctx, 'skip_label'), type: 'text', value: values['skip'] },
  ];
  return { kind: 'form', text: label(ctx, 'series_title'), submit: choice(label(ctx, 'show_dates'), 'create.seriesformsubmit'), fields };
}

function defaultEndValue(start: string): string {
  const [h, m] = defaultEnd(clockOf(start));
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The empty form (from the button under the one-event form). */
export async function seriesFormStep(ctx: FlowContext, values: Record<string, string>): Promise<Step> {
  return done(await seriesForm(ctx, values));
}

/** The form's fields as a typed answer reads them (the "fix" step of the create flow). */
export async function seriesFieldChecks(ctx: FlowContext): Promise<FieldCheck[]> {
  return seriesChecks(ctx, await options(ctx));
}

/** The submitted form: the dates to confirm, or what to fix with the rest kept. */
export async function createSeriesFromForm(ctx: FlowContext, values: Record<string, string>): Promise<Step> {
  const { t } = ctx;
  const o = await options(ctx);
  const fields = seriesChecks(ctx, o);
  const checked = checkFields(values, fields);
  const { kept } = checked;
  const wrong = (name: string, problem: string): void => {
    delete kept[name];
    checked.wrong.push({ name, label: fields.find((f) => f.name === name)?.label ?? '', problem });
  };
  const start = kept['start'] ? clockOf(kept['start']) : null;
  const end = kept['end'] ? clockOf(kept['end']) : null;
  if (start && end && end[0] * 60 + end[1] <= start[0] * 60 + start[1]) wrong('end', t('staff:create.end_before_start'));
  if (kept['from'] && kept['to'] && kept['to'] < kept['from'])
    wrong('to', t('series:form.to_before_from', { to: label(ctx, 'to_label'), from: label(ctx, 'from_label') }));
  const again = async (): Promise<Step> => repairStep(ctx, 'series', checked, await seriesForm(ctx, kept, o, false));
  const activity = o.activities.find((a) => a.value === kept['activity']);
  const place = o.places.find((p) => p.value === kept['location']);
  if (checked.wrong.length || !activity || !start || !kept['end'] || !kept['from'] || !kept['to'] || !kept['weekday']) return again();
  const preview = seriesPlanPreview(ctx, {
    activityId: activity.value,
    title: activity.label,
    weekday: Number(kept['weekday']),
    start,
    end: clockOf(kept['end']),
    from: kept['from'],
    to: kept['to'],
    skipWeeks: (kept['skip'] ?? '').split(', ').filter(Boolean).map(Number),
    location: place ? { id: place.value, name: place.label } : null,
    capacity: kept['capacity'] ? Number(kept['capacity']) : null,
  });
  if (!('problem' in preview)) return preview;
  wrong(preview.field, preview.problem);
  return again();
}
