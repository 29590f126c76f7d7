/** "What's on": upcoming events by day, week, audience, area or name, with details on a tap. */
import { addDays, copenhagenDate, copenhagenInstant, parseCalendarDate } from '../../time/calendar-date';
import { formatCalendarDay } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, RESIDENT_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { eventButton, eventLine } from '../shared/event-text';
import { activityAnswer } from './activity-answer';
import { eventDetails } from './event-details';

const MAX_LISTED = 8;

// Read more than are shown, so events in the person's own area can come first without hiding the rest.
const READ_AHEAD = 40;

async function list(ctx: FlowContext, from: Date, toExclusive: Date, u?: Understanding): Promise<Step> {
  const { t, language, person } = ctx;
  const dinner = u?.details.category === 'dinner';
  const read = (words: string | undefined) =>
    ctx.services.catalogue.upcomingEvents(
      {
        from: copenhagenInstant(from),
        to: copenhagenInstant(toExclusive),
        ...(dinner ? { category: 'dinner' as const } : { text: words }),
        audience: u?.details.audience,
        forResidents: true,
        limit: READ_AHEAD,
      },
      language,
    );
  const named = u?.details.activityText || undefined;
  let found = await read(named);
  // "har i noget for unge, min søn er 15": words left over beside whom it is for ("søn") name no activity; whom it is for decides.
  if (found.length === 0 && named !== undefined && !dinner && u?.details.audience !== undefined) found = await read(undefined);
  // "My area first": the person's area (and events with no area) sorts first, nothing is hidden.
  const own = (e: (typeof found)[number]): boolean => person.housingAreaId !== null && e.location?.housingAreaId === person.housingAreaId;
  const events = [...found.filter(own), ...found.filter((e) => !own(e))].slice(0, MAX_LISTED);
  if (events.length === 0) {
    return done(
      text(t('resident:find.none')),
      choices(t('common:what_next'), [choice(t('resident:find.next_week'), 'find.nextweek'), choice(t('common:menu.title'), 'welcome.menu')]),
    );
  }
  return done(
    text([t('resident:find.header'), ...events.map((e) => `• ${eventLine(e, t, language)}`)].join('\n')),
    choices(t('resident:find.tap_for_details'), [
      ...events.map((e) => choice(eventButton(e, language), `find.event|${e.id}`)),
      choice(t('resident:find.next_week'), 'find.nextweek'),
    ]),
  );
}

/** "Det var i går – vil du se de næste?": a day that has gone is answered as gone. */
export function pastDay(ctx: FlowContext, day: Date, today: Date): Step {
  const { t, language } = ctx;
  const said =
    addDays(day, 1).getTime() === today.getTime() ? t('resident:past.yesterday') : t('resident:past.day', { date: formatCalendarDay(day, language) });
  return done(text(said), choices(t('common:what_next'), [choice(t('resident:past.show_next'), 'find.week'), choice(t('common:menu.title'), 'welcome.menu')]));
}

export const findFlow: Flow = {
  name: 'find',
  roles: RESIDENT_ROLES,
  intents: ['find_activities'],
  async start(ctx, u) {
    // "hvad koster fællesspisning?", "وين مكان العشا": the answer, with the coming events a tap away.
    const answer = u ? await activityAnswer(ctx, u) : [];
    if (answer.length === 0) return listFor(ctx, u);
    const offered = answer.flatMap((r) => (r.kind === 'choices' ? r.choices : []));
    const more = [...offered, choice(ctx.t('common:menu.activities'), 'find.week'), choice(ctx.t('common:menu.title'), 'welcome.menu')];
    return done(...answer.filter((r) => r.kind !== 'choices'), choices(ctx.t('common:what_next'), more));
  },
  async resume(ctx, input) {
    const today = copenhagenDate(ctx.clock.now());
    if (input.kind === 'text') return this.start(ctx, input.understanding);
    switch (input.step) {
      case 'event':
        return done(...(await eventDetails(ctx, input.arg ?? '')));
      case 'today':
        return list(ctx, today, addDays(today, 1));
      case 'nextweek':
        return list(ctx, addDays(today, 7), addDays(today, 14));
      case 'week':
        return list(ctx, today, addDays(today, 7));
      default:
        return done(mainMenu(ctx.t, ctx.person));
    }
  },
};

/** The events a reading asks for: its day, its span, or the coming week. */
async function listFor(ctx: FlowContext, u?: Understanding): Promise<Step> {
  const today = copenhagenDate(ctx.clock.now());
  if (u?.details.date) {
    const day = parseCalendarDate(u.details.date);
    if (day < today) return pastDay(ctx, day, today);
    return list(ctx, day, addDays(day, 1), u);
  }
  if (u?.details.dateRange) return list(ctx, parseCalendarDate(u.details.dateRange.from), addDays(parseCalendarDate(u.details.dateRange.to), 1), u);
  // "har i noget for unge?", "when is the language café": something named with no day is looked for in the coming weeks,
  // not only this one (the soonest come first, so a busy week still shows its own).
  const named = u !== undefined && (u.details.audience !== undefined || u.details.category !== undefined || Boolean(u.details.activityText));
  return list(ctx, today, addDays(today, named ? NAMED_AHEAD_DAYS : 7), u);
}

// How far ahead something named with no day is looked for.
const NAMED_AHEAD_DAYS = 56;
