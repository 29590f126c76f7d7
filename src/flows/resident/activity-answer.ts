/**
 * Answers a question about an activity from the plan data and the calendar: where it is (the next
 * event's place), who may come (its target groups), what it costs (the plan holds no prices, so a
 * person is offered). The activity is the one named, or the communal dinner.
 */
import { formatDateTime } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import type { FlowContext } from '../../conversation/flow';
import { normalizeText } from '../../text/normalize';

const AHEAD_MS = 28 * 86_400_000;

/** The answer replies, or none when the activity or its next event cannot be found. */
export async function activityAnswer(ctx: FlowContext, u: Understanding): Promise<Reply[]> {
  const { t, language } = ctx;
  const asks = u.details.asks;
  if (!asks) return [];
  const to = new Date(ctx.clock.now().getTime() + AHEAD_MS);
  const named = u.details.activityText && u.details.category !== 'dinner' ? u.details.activityText : undefined;
  let events = await ctx.services.catalogue.upcomingEvents({ to, ...(named ? { text: named } : { category: 'dinner' as const }), limit: 1 }, language);
  if (events.length === 0 && named) {
    // "hvor er ParkCafeen": a place's name rather than an activity's.
    const wanted = normalizeText(named);
    events = (await ctx.services.catalogue.upcomingEvents({ to, limit: 40 }, language))
      .filter((e) => e.location && normalizeText(e.location.name).includes(wanted))
      .slice(0, 1);
  }
  const e = events[0];
  if (!e) return [];
  switch (asks) {
    case 'place':
      return e.location
        ? [text(t('resident:asks.place', { title: e.title, place: e.location.name, address: e.location.address, when: formatDateTime(e.startsAt, language) }))]
        : [];
    case 'audience': {
      const groups = e.activity.targetGroups.map((g) => g.label).join('; ');
      return [text(groups ? t('resident:asks.audience', { title: e.title, groups }) : t('resident:asks.audience_all', { title: e.title }))];
    }
    case 'price':
      return [
        text(t('resident:asks.price', { title: e.title, button: t('common:menu.person') })),
        choices(t('common:what_next'), [choice(t('common:menu.person'), 'handover.ask')]),
      ];
  }
}
