/**
 * A season of weekly events from one staff message ("fællesspisning hver torsdag kl. 17.30 i
 * ParkCafeen, 40 pladser, fra 7. januar til 24. juni, ikke i uge 7 og 42"): Nabo shows the dates
 * it understood and the ones it leaves out (holidays, weeks named), and saves only on "yes".
 * Steps of the create flow, so its buttons are "create.seriesconfirm" and "create.seriescancel";
 * the same preview follows the series form (series-form.ts).
 */
import { mainMenu } from '../../conversation/menu';
import { text } from '../../conversation/replies';
import { done, type FlowContext, type FlowInput, type Step } from '../../conversation/flow';
import { isDomainError, type DomainError } from '../../errors/domain-error';
import { formatDay } from '../../i18n/format';
import { normalizeText } from '../../text/normalize';
import { MAX_CAPACITY } from '../../events/event-service';
import { MAX_SERIES_EVENTS } from '../../series/series-dates';
import { defaultEnd, defaultFrom, readSeriesRequest } from '../../series/series-request';
import { copenhagenDate, formatCalendarDate } from '../../time/calendar-date';
import { seriesForm } from './series-form';
import { draftSchema, seriesPlanPreview } from './series-preview';

const EXAMPLE = 'fællesspisning hver torsdag kl. 17.30 i ParkCafeen, 40 pladser, fra 7. januar til 24. juni, ikke i uge 7 og 42';

const hhmm = (p: readonly [number, number]): string => `${String(p[0]).padStart(2, '0')}:${String(p[1]).padStart(2, '0')}`;

/**
 * The preview of a series the message asks for, or null when it asks for no weekly series with a
 * time (then the one-event form is the right answer). When something is missing or wrong (no end
 * date, an unknown activity), the series form comes with what was understood filled in.
 */
export async function seriesPreview(ctx: FlowContext): Promise<Step | null> {
  const { t, language } = ctx;
  const today = formatCalendarDate(copenhagenDate(ctx.clock.now()));
  const request = readSeriesRequest(ctx.message ?? '', today);
  if (!request?.start) return null;
  const [activity] = request.activityText ? await ctx.services.catalogue.findActivities({ text: request.activityText }, language) : [];
  const message = normalizeText(ctx.message ?? '');
  const plan = await ctx.services.catalogue.currentPlan();
  const location = (await ctx.services.series.places(plan.id)).find((l) => message.includes(normalizeText(l.name)));
  const end = request.end ?? defaultEnd(request.start);
  const understood: Record<string, string> = {
    weekday: String(request.weekday),
    start: hhmm(request.start),
    end: hhmm(end),
    from: request.from ?? defaultFrom(today),
    ...(activity ? { activity: activity.id } : {}),
    ...(request.to ? { to: request.to } : {}),
    ...(location ? { location: location.id } : {}),
    ...(request.capacity !== undefined ? { capacity: String(request.capacity) } : {}),
    ...(request.skipWeeks.length ? { skip: request.skipWeeks.join(', ') } : {}),
  };
  // What is missing is said in one line with an example to type, and the form comes filled in with the rest.
  const again = async (line: string): Promise<Step> => done(text(`${line}\n${t('series:example', { example: EXAMPLE })}`), await seriesForm(ctx, understood));
  if (!activity) return again(t('series:no_activity', { text: request.activityText || '—' }));
  if (!request.to) return again(t('series:need_end'));
  if (request.capacity !== undefined && (request.capacity < 1 || request.capacity > MAX_CAPACITY)) return again(t('series:capacity', { max: MAX_CAPACITY }));
  if (end[0] * 60 + end[1] <= request.start[0] * 60 + request.start[1]) return again(t('staff:create.end_before_start'));
  const preview = seriesPlanPreview(ctx, {
    activityId: activity.id,
    title: activity.title,
    weekday: request.weekday,
    start: request.start,
    end,
    from: understood['from'] as string,
    to: request.to,
    skipWeeks: request.skipWeeks,
    location: location ? { id: location.id, name: location.name } : null,
    capacity: request.capacity ?? null,
  });
  return 'problem' in preview ? again(preview.problem) : preview;
}

/**
 * A refusal from the series service in words staff understand: "event.invalid" carries the field
 * that failed, which must never be shown as it is ("tjek startsAt").
 */
export function seriesRefusal(t: FlowContext['t'], err: DomainError): string {
  if (err.code !== 'event.invalid') return t(`errors:${err.code}`, err.params);
  switch (err.params['field']) {
    case 'startsAt':
      return t('series:in_past');
    case 'endsAt':
      return t('staff:create.end_before_start');
    case 'capacity':
      return t('series:capacity', { max: MAX_CAPACITY });
    default:
      return t('series:over_max', { max: err.params['max'] ?? MAX_SERIES_EVENTS });
  }
}

/** The answer to the preview: a button or a typed yes/no. */
export async function seriesAnswer(ctx: FlowContext, input: FlowInput): Promise<Step> {
  const { t } = ctx;
  const yes = input.kind === 'action' ? input.step === 'seriesconfirm' : input.understanding.intent === 'yes';
  const parsed = draftSchema.safeParse(ctx.data);
  if (!yes || !parsed.success) return done(text(t('series:cancelled')), mainMenu(t, ctx.person));
  const d = parsed.data;
  try {
    const ids = await ctx.services.series.create({
      activityId: d.activityId,
      occurrences: d.occurrences.map((o) => ({ date: o.date, startsAt: new Date(o.startsAt), endsAt: new Date(o.endsAt) })),
      capacity: d.capacity,
      locationId: d.locationId,
      actorId: ctx.person.id,
    });
    const first = new Date(d.occurrences[0]?.startsAt ?? 0);
    const last = new Date(d.occurrences[d.occurrences.length - 1]?.startsAt ?? 0);
    return done(
      text(t('series:created', { number: ids.length, title: d.title, first: formatDay(first, ctx.language), last: formatDay(last, ctx.language) })),
      mainMenu(t, ctx.person),
    );
  } catch (err) {
    if (isDomainError(err)) return done(text(seriesRefusal(t, err)), mainMenu(t, ctx.person));
    throw err;
  }
}
