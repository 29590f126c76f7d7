/**
 * Counselling slots from a weekly pattern in one staff message ("tirsdage 13-16, 30 minutter, BRF
 * Kredit første torsdag i måneden"): Nabo shows how many slots each part gives, from which day, and
 * the holidays it leaves out, and creates them only on "yes". Steps of the create flow, so its
 * buttons are "create.patternconfirm" and "create.patterncancel".
 */
import { z } from 'zod';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, waitForAnswer, type FlowContext, type FlowInput, type Step } from '../../conversation/flow';
import { isDomainError } from '../../errors/domain-error';
import { seriesRefusal } from './series-steps';
import { formatDay, formatTime } from '../../i18n/format';
import { normalizeText } from '../../text/normalize';
import { defaultFrom } from '../../series/series-request';
import { DEFAULT_PATTERN_WEEKS, MAX_PATTERN_SLOTS, patternSlots, readSlotPattern, type SlotRule } from '../../series/slot-pattern';
import { addDays, copenhagenDate, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';

/** The draft kept between the preview and the answer. */
const pair = z.tuple([z.number().int(), z.number().int()]);
const draftSchema = z.object({
  activityId: z.string().min(1),
  locationId: z.string().nullable(),
  // The pattern and period, not the slots: a season of slots is hundreds of rows, and they follow from these.
  pattern: z.object({
    minutes: z.number().int(),
    rules: z.array(z.object({ counsellor: z.string(), weekday: z.number().int(), nth: z.number().int().optional(), start: pair, end: pair })).min(1),
  }),
  from: z.string(),
  to: z.string(),
});

const EXAMPLE = 'rådgivning tirsdage 13-16, 30 minutter, BRF Kredit første torsdag i måneden, fra 5. januar til 30. juni';

/** The preview of the slots a pattern gives, or null when the message names no pattern. */
export async function slotPatternPreview(ctx: FlowContext): Promise<Step | null> {
  const { t, language } = ctx;
  const today = formatCalendarDate(copenhagenDate(ctx.clock.now()));
  const pattern = readSlotPattern(ctx.message ?? '', today);
  if (!pattern) return null;
  const again = (line: string): Step => done(text(`${line}\n${t('series:example', { example: EXAMPLE })}`));
  const [counselling] = await ctx.services.catalogue.findActivities({ category: 'counselling' }, language);
  if (!counselling) return done(text(t('staff:create.no_counselling')), mainMenu(t, ctx.person));
  if (pattern.minutes < 10 || pattern.minutes > 240) return again(t('staff:form.number', { field: t('staff:create.slot_minutes'), min: 10, max: 240 }));
  if (pattern.rules.some((r) => r.end[0] * 60 + r.end[1] <= r.start[0] * 60 + r.start[1])) return again(t('staff:create.end_before_start'));
  const from = pattern.from ?? defaultFrom(today);
  const to = pattern.to ?? formatCalendarDate(addDays(parseCalendarDate(from), DEFAULT_PATTERN_WEEKS * 7 - 1));
  const { slots, skipped } = patternSlots(pattern, from, to);
  if (slots.length === 0) return again(t('series:slots_none'));
  if (slots.length > MAX_PATTERN_SLOTS) return again(t('series:slots_over_limit', { number: slots.length, max: MAX_PATTERN_SLOTS }));
  if (slots.some((s) => s.startsAt <= ctx.clock.now())) return again(t('series:in_past'));
  const message = normalizeText(ctx.message ?? '');
  // Each place once, as the plan's events use it (a demo copy of a place is not a second choice).
  const location = (await ctx.services.series.places((await ctx.services.catalogue.currentPlan()).id)).find((l) => message.includes(normalizeText(l.name)));
  const ruleLine = (r: SlotRule): string | null => {
    const own = patternSlots({ ...pattern, rules: [r] }, from, to).slots;
    const first = own[0];
    if (!first) return null;
    const params = {
      first: formatDay(first.startsAt, language),
      from: formatTime(first.startsAt, language),
      to: formatTime(lastOfDay(own, first.startsAt), language),
      counsellor: r.counsellor,
      number: own.length,
    };
    return t(r.nth === undefined ? 'series:slots_rule_weekly' : 'series:slots_rule_monthly', params);
  };
  const lines = [
    t('series:slots_preview', {
      number: slots.length,
      minutes: pattern.minutes,
      from: formatDay(parseCalendarDate(from), language),
      to: formatDay(parseCalendarDate(to), language),
      place: location?.name ?? t('series:no_place'),
    }),
    ...pattern.rules
      .map(ruleLine)
      .filter((l) => l !== null)
      .map((l) => `• ${l}`),
    ...(skipped.length
      ? [
          t('series:skipped'),
          ...skipped.map(
            (s) =>
              `• ${t('series:skipped_holiday', { day: formatDay(parseCalendarDate(s.date), language), holiday: s.reason.kind === 'holiday' ? t(`series:holiday.${s.reason.holiday}`) : '' })}`,
          ),
        ]
      : []),
  ];
  const draft = { activityId: counselling.id, locationId: location?.id ?? null, pattern: { minutes: pattern.minutes, rules: pattern.rules }, from, to };
  return waitForAnswer(
    'patternanswer',
    'yesno',
    draft,
    text(lines.join('\n')),
    choices(t('series:confirm_question'), [
      choice(t('series:slots_confirm', { number: slots.length }), 'create.patternconfirm'),
      choice(t('common:cancel'), 'create.patterncancel'),
    ]),
  );
}

/** The end of the last slot on the day a slot starts (the rule's closing hour as the slots reach it). */
function lastOfDay(slots: readonly { startsAt: Date; endsAt: Date }[], day: Date): Date {
  const sameDay = slots.filter((s) => formatCalendarDate(copenhagenDate(s.startsAt)) === formatCalendarDate(copenhagenDate(day)));
  return sameDay[sameDay.length - 1]?.endsAt ?? day;
}

/** The answer to the pattern preview: a button or a typed yes/no. */
export async function slotPatternAnswer(ctx: FlowContext, input: FlowInput): Promise<Step> {
  const { t } = ctx;
  const yes = input.kind === 'action' ? input.step === 'patternconfirm' : input.understanding.intent === 'yes';
  const parsed = draftSchema.safeParse(ctx.data);
  if (!yes || !parsed.success) return done(text(t('series:cancelled')), mainMenu(t, ctx.person));
  const d = parsed.data;
  try {
    const r = await ctx.services.series.createSlots({
      activityId: d.activityId,
      locationId: d.locationId,
      slots: patternSlots(d.pattern, d.from, d.to).slots,
      actorId: ctx.person.id,
    });
    const lines = [t('series:slots_created', { number: r.created }), ...(r.existing > 0 ? [t('series:slots_existing', { number: r.existing })] : [])];
    return done(text(lines.join(' ')), mainMenu(t, ctx.person));
  } catch (err) {
    if (isDomainError(err)) return done(text(seriesRefusal(t, err)), mainMenu(t, ctx.person));
    throw err;
  }
}
