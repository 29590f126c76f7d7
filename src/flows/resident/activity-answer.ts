/**
 * Answers a question about an activity from the plan data and the calendar: where it is (the next
 * event's place), who may come (its target groups, through the plan's glossary), what it costs (the
 * plan's price per adult and child; where the plan states none, that it does not say, and a person
 * is offered). The activity is the one named, or the communal dinner.
 */
import type { ActivityCard } from '../../catalogue/activity-card';
import { formatDateTime } from '../../i18n/format';
import { isolate } from '../../i18n/i18n';
import type { Understanding } from '../../nlu/understanding';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import type { FlowContext } from '../../conversation/flow';
import { normalizeText } from '../../text/normalize';
import { targetGroupsText } from './plan-terms';
import { priceSentence } from './price-text';

const AHEAD_MS = 28 * 86_400_000;

/** The answer replies, or none when the activity or its next event cannot be found. */
export async function activityAnswer(ctx: FlowContext, u: Understanding): Promise<Reply[]> {
  const { t, language } = ctx;
  const asks = u.details.asks;
  if (!asks) return [];
  const to = new Date(ctx.clock.now().getTime() + AHEAD_MS);
  const named = u.details.activityText && u.details.category !== 'dinner' ? u.details.activityText : undefined;
  const which = named ? { text: named } : { category: 'dinner' as const };
  let events = await ctx.services.catalogue.upcomingEvents({ to, ...which, forResidents: true, limit: 1 }, language);
  if (events.length === 0 && named) {
    // "hvor er ParkCafeen": a place's name rather than an activity's.
    const wanted = normalizeText(named);
    events = (await ctx.services.catalogue.upcomingEvents({ to, forResidents: true, limit: 40 }, language))
      .filter((e) => e.location && normalizeText(e.location.name).includes(wanted))
      .slice(0, 1);
  }
  const e = events[0];
  if (asks === 'place') {
    return e?.location
      ? [
          text(
            t('resident:asks.place', {
              title: marked(ctx, e.title, e.activity),
              place: e.location.name,
              address: e.location.address,
              when: formatDateTime(e.startsAt, language),
            }),
          ),
        ]
      : [];
  }
  // Who may come and what it costs are the plan's, so they are answered with no event on the calendar too.
  const activity = e?.activity ?? (await ctx.services.catalogue.findActivities({ ...which, forResidents: true }, language))[0];
  if (!activity) return [];
  const title = marked(ctx, e?.title ?? activity.title, activity);
  return asks === 'audience' ? audienceAnswer(ctx, activity, title) : priceAnswer(ctx, activity, title);
}

/** The title, with the "(på dansk)" mark when the activity has no title in the reader's language. */
function marked(ctx: FlowContext, title: string, a: ActivityCard): string {
  return a.fallback ? `${isolate(title)} ${ctx.t('common:in_danish')}` : title;
}

function audienceAnswer(ctx: FlowContext, a: ActivityCard, title: string): Reply[] {
  const { t } = ctx;
  const groups = targetGroupsText(a, t);
  return [text(groups ? t('resident:asks.audience', { title, groups }) : t('resident:asks.audience_all', { title }))];
}

function priceAnswer(ctx: FlowContext, a: ActivityCard, title: string): Reply[] {
  const { t, language } = ctx;
  const stated = priceSentence(a, title, t, language);
  if (stated) return [text(stated)];
  return [
    text(t('resident:asks.price', { title, button: t('common:menu.person') })),
    choices(t('common:what_next'), [choice(t('common:menu.person'), 'handover.ask')]),
  ];
}
