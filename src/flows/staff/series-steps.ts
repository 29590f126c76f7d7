/**
 * A season of weekly events from one staff message ("fællesspisning hver torsdag kl. 17.30 i
 * ParkCafeen, 40 pladser, fra 7. januar til 24. juni, ikke i uge 7 og 42"): Nabo shows the dates
 * it understood and the ones it leaves out (holidays, weeks named), and saves only on "yes".
 * Steps of the create flow, so its buttons are "create.seriesconfirm" and "create.seriescancel".
 */
import { z } from 'zod';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, waitForAnswer, type FlowContext, type FlowInput, type Step } from '../../conversation/flow';
import { isDomainError, type DomainError } from '../../errors/domain-error';
import { formatDay, formatShortDay, formatTime } from '../../i18n/format';
import { normalizeText } from '../../text/normalize';
import { MAX_CAPACITY } from '../../events/event-service';
import { MAX_SERIES_EVENTS, seriesDates, type SkippedDate } from '../../series/series-dates';
import { defaultEnd, defaultFrom, readSeriesRequest } from '../../series/series-request';
import { copenhagenDate, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';

/** The draft kept between the preview and the answer. */
const draftSchema = z.object({
  activityId: z.string().min(1),
  title: z.string(),
  locationId: z.string().nullable(),
  capacity: z.number().int().nullable(),
  occurrences: z.array(z.object({ date: z.string(), startsAt: z.string(), endsAt: z.string() })).min(1),
});
type Draft = z.infer<typeof draftSchema>;

const EXAMPLE = 'fællesspisning hver torsdag kl. 17.30 i ParkCafeen, 40 pladser, fra 7. januar til 24. juni, ikke i uge 7 og 42';

function skippedLine(ctx: FlowContext, s: SkippedDate): string {
  const day = formatDay(parseCalendarDate(s.date), ctx.language);
  return s.reason.kind === 'holiday'
    ? ctx.t('series:skipped_holiday', { day, holiday: ctx.t(`series:holiday.${s.reason.holiday}`) })
    : ctx.t('series:skipped_week', { day, week: s.reason.week });
}

/**
 * The preview of a series the message asks for, or null when it asks for no weekly series with a
 * time (then the one-event form is the right answer).
 */
export async function seriesPreview(ctx: FlowContext): Promise<Step | null> {
  const { t, language } = ctx;
  const today = formatCalendarDate(copenhagenDate(ctx.clock.now()));
  const request = readSeriesRequest(ctx.message ?? '', today);
  if (!request?.start) return null;
  const again = (line: string): Step => done(text(`${line}\n${t('series:example', { example: EXAMPLE })}`));
  const [activity] = request.activityText ? await ctx.services.catalogue.findActivities({ text: request.activityText }, language) : [];
  if (!activity) return again(t('series:no_activity', { text: request.activityText || '—' }));
  if (!request.to) return again(t('series:need_end'));
  if (request.capacity !== undefined && (request.capacity < 1 || request.capacity > MAX_CAPACITY)) return again(t('series:capacity', { max: MAX_CAPACITY }));
  const end = request.end ?? defaultEnd(request.start);
  if (end[0] * 60 + end[1] <= request.start[0] * 60 + request.start[1]) return again(t('staff:create.end_before_start'));
  const from = request.from ?? defaultFrom(today);
  const { occurrences, skipped } = seriesDates({ weekday: request.weekday, from, to: request.to, start: request.start, end, skipWeeks: request.skipWeeks });
  if (occurrences.length === 0) return again(t('series:none'));
  if (occurrences.length > MAX_SERIES_EVENTS) return again(t('series:over_limit', { number: occurrences.length, max: MAX_SERIES_EVENTS }));
  if (occurrences.some((o) => o.startsAt <= ctx.clock.now())) return again(t('series:in_past'));
  const message = normalizeText(ctx.message ?? '');
  const location = (await ctx.services.indicators.locations()).find((l) => message.includes(normalizeText(l.name)));
  const first = occurrences[0];
  const last = occurrences[occurrences.length - 1];
  if (!first || !last) return null;
  const draft: Draft = {
    activityId: activity.id,
    title: activity.title,
    locationId: location?.id ?? null,
    capacity: request.capacity ?? null,
    occurrences: occurrences.map((o) => ({ date: o.date, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() })),
  };
  const lines = [
    t('series:preview', {
      title: activity.title,
      number: occurrences.length,
      from: formatTime(first.startsAt, language),
      to: formatTime(first.endsAt, language),
      place: location?.name ?? t('series:no_place'),
      capacity: request.capacity ?? '∞',
    }),
    occurrences.map((o) => formatShortDay(o.startsAt, language)).join(', '),
    ...(skipped.length ? [t('series:skipped'), ...skipped.map((s) => `• ${skippedLine(ctx, s)}`)] : []),
  ];
  return waitForAnswer(
    'seriesanswer',
    'yesno',
    draft,
    text(lines.join('\n')),
    choices(t('series:confirm_question'), [
      choice(t('series:confirm', { number: occurrences.length }), 'create.seriesconfirm'),
      choice(t('common:cancel'), 'create.seriescancel'),
    ]),
  );
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
