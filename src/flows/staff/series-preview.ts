/**
 * The preview of a planned season, whether it came from one staff message (series-steps.ts) or
 * from the series form (series-form.ts): the dates, the ones left out (holidays, weeks named),
 * and a yes or no; the draft it keeps is what "yes" saves.
 */
import { z } from 'zod';
import { choice, choices, text } from '../../conversation/replies';
import { waitForAnswer, type FlowContext, type Step } from '../../conversation/flow';
import { formatDay, formatShortDay, formatTime } from '../../i18n/format';
import { MAX_SERIES_EVENTS, seriesDates, type SkippedDate } from '../../series/series-dates';
import { parseCalendarDate } from '../../time/calendar-date';

/** The draft kept between the preview and the answer. */
export const draftSchema = z.object({
  activityId: z.string().min(1),
  title: z.string(),
  locationId: z.string().nullable(),
  capacity: z.number().int().nullable(),
  occurrences: z.array(z.object({ date: z.string(), startsAt: z.string(), endsAt: z.string() })).min(1),
});
export type Draft = z.infer<typeof draftSchema>;

function skippedLine(ctx: FlowContext, s: SkippedDate): string {
  const day = formatDay(parseCalendarDate(s.date), ctx.language);
  return s.reason.kind === 'holiday'
    ? ctx.t('series:skipped_holiday', { day, holiday: ctx.t(`series:holiday.${s.reason.holiday}`) })
    : ctx.t('series:skipped_week', { day, week: s.reason.week });
}

/** A season as planned, from a message or the series form. */
export interface SeriesPlan {
  activityId: string;
  title: string;
  weekday: number;
  start: [number, number];
  end: [number, number];
  from: string;
  to: string;
  skipWeeks: readonly number[];
  location: { id: string; name: string } | null;
  capacity: number | null;
}

/**
 * The dates of a planned season shown for a yes or no; or, when its period gives none that can be
 * made, the sentence why and the field to change ('from' for dates already gone, else 'to').
 */
export function seriesPlanPreview(ctx: FlowContext, plan: SeriesPlan): Step | { field: 'from' | 'to'; problem: string } {
  const { t, language } = ctx;
  const { occurrences, skipped } = seriesDates({
    weekday: plan.weekday,
    from: plan.from,
    to: plan.to,
    start: plan.start,
    end: plan.end,
    skipWeeks: plan.skipWeeks,
  });
  if (occurrences.length === 0) return { field: 'to', problem: t('series:none') };
  if (occurrences.length > MAX_SERIES_EVENTS) return { field: 'to', problem: t('series:over_limit', { number: occurrences.length, max: MAX_SERIES_EVENTS }) };
  if (occurrences.some((o) => o.startsAt <= ctx.clock.now())) return { field: 'from', problem: t('series:in_past') };
  const first = occurrences[0] as (typeof occurrences)[number];
  const draft: Draft = {
    activityId: plan.activityId,
    title: plan.title,
    locationId: plan.location?.id ?? null,
    capacity: plan.capacity,
    occurrences: occurrences.map((o) => ({ date: o.date, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() })),
  };
  const lines = [
    t('series:preview', {
      title: plan.title,
      number: occurrences.length,
      from: formatTime(first.startsAt, language),
      to: formatTime(first.endsAt, language),
      place: plan.location?.name ?? t('series:no_place'),
      capacity: plan.capacity ?? '∞',
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
