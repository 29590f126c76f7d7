/**
 * Changing a season from a date on, from one staff message ("ændr fællesspisning fra 5. marts:
 * kl. 18, i Vangdalen, 30 pladser"): Nabo shows how many events change, to what, and how many
 * signed-up residents will be told, and changes them only on "yes". Steps of the create flow, so
 * its buttons are "create.changeconfirm" and "create.changecancel".
 */
import { z } from 'zod';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, waitForAnswer, type FlowContext, type FlowInput, type Step } from '../../conversation/flow';
import { isDomainError } from '../../errors/domain-error';
import { seriesRefusal } from './series-steps';
import { formatDay } from '../../i18n/format';
import { MAX_CAPACITY } from '../../events/event-service';
import { normalizeText } from '../../text/normalize';
import { readSeriesChange } from '../../series/series-request';
import { copenhagenDate, copenhagenInstant, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';

const pair = z.tuple([z.number().int(), z.number().int()]);
/** The draft kept between the preview and the answer. */
const draftSchema = z.object({
  eventId: z.string().min(1),
  count: z.number().int(),
  start: pair.optional(),
  end: pair.optional(),
  locationId: z.string().optional(),
  capacity: z.number().int().optional(),
});

const EXAMPLE = 'ændr fællesspisning fra 5. marts: kl. 18, i Vangdalen, 30 pladser';
const hhmm = (p: [number, number]): string => `${String(p[0]).padStart(2, '0')}.${String(p[1]).padStart(2, '0')}`;

/** The preview of a change the message asks for, or null when it asks for none. */
export async function seriesChangePreview(ctx: FlowContext): Promise<Step | null> {
  const { t, language } = ctx;
  const request = readSeriesChange(ctx.message ?? '', formatCalendarDate(copenhagenDate(ctx.clock.now())));
  if (!request) return null;
  const again = (line: string): Step => done(text(`${line}\n${t('series:example', { example: EXAMPLE })}`));
  const [activity] = request.activityText ? await ctx.services.catalogue.findActivities({ text: request.activityText }, language) : [];
  if (!activity) return again(t('series:no_activity', { text: request.activityText || '—' }));
  const rest = normalizeText(request.rest);
  // Each place once, as the plan's events use it (a demo copy of a place is not a second choice).
  const location = (await ctx.services.series.places((await ctx.services.catalogue.currentPlan()).id)).find((l) => rest.includes(normalizeText(l.name)));
  if (!request.start && request.capacity === undefined && !location) return again(t('series:change_nothing'));
  if (request.capacity !== undefined && (request.capacity < 1 || request.capacity > MAX_CAPACITY)) return again(t('series:capacity', { max: MAX_CAPACITY }));
  if (request.start && request.end && request.end[0] * 60 + request.end[1] <= request.start[0] * 60 + request.start[1])
    return again(t('staff:create.end_before_start'));
  const fromDay = parseCalendarDate(request.from);
  const first = await ctx.services.series.firstFrom(activity.id, copenhagenInstant(fromDay));
  if (!first) return again(t('series:change_none', { title: activity.title, day: formatDay(fromDay, language) }));
  const { eventIds, signUps } = await ctx.services.series.changePreview(first.id);
  const changes = [
    ...(request.start ? [t('series:change_time', { time: hhmm(request.start) + (request.end ? `–${hhmm(request.end)}` : '') })] : []),
    ...(location ? [t('series:change_place', { place: location.name })] : []),
    ...(request.capacity !== undefined ? [t('series:change_capacity', { number: request.capacity })] : []),
  ];
  const draft = { eventId: first.id, count: eventIds.length, start: request.start, end: request.end, locationId: location?.id, capacity: request.capacity };
  return waitForAnswer(
    'changeanswer',
    'yesno',
    draft,
    text(t('series:change_preview', { title: activity.title, number: eventIds.length, day: formatDay(first.startsAt, language), changes: changes.join(', ') })),
    choices(t('series:change_told', { number: signUps }), [
      choice(t('series:change_confirm', { number: eventIds.length }), 'create.changeconfirm'),
      choice(t('common:cancel'), 'create.changecancel'),
    ]),
  );
}

/** The answer to the change preview: a button or a typed yes/no. */
export async function seriesChangeAnswer(ctx: FlowContext, input: FlowInput): Promise<Step> {
  const { t } = ctx;
  const yes = input.kind === 'action' ? input.step === 'changeconfirm' : input.understanding.intent === 'yes';
  const parsed = draftSchema.safeParse(ctx.data);
  if (!yes || !parsed.success) return done(text(t('series:change_cancelled')), mainMenu(t, ctx.person));
  const d = parsed.data;
  try {
    const r = await ctx.services.series.changeFrom(d.eventId, { start: d.start, end: d.end, locationId: d.locationId, capacity: d.capacity }, ctx.person.id);
    return done(text(t('series:changed', { number: r.events, told: r.notified })), mainMenu(t, ctx.person));
  } catch (err) {
    if (isDomainError(err)) return done(text(seriesRefusal(t, err)), mainMenu(t, ctx.person));
    throw err;
  }
}
