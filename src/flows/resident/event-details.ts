/** An event's details in the reader's language: what, for whom, when, where, contact, sign-up. */
import { formatDateTime, formatTime } from '../../i18n/format';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { priceLines } from './price-text';
import type { FlowContext } from '../../conversation/flow';
import { eventButton } from '../shared/event-text';
import { contactText, summaryLine, targetGroupsText } from './plan-terms';

export async function eventDetails(ctx: FlowContext, eventId: string): Promise<Reply[]> {
  const { t, language } = ctx;
  const e = await ctx.services.catalogue.event(eventId, language, { forResidents: true });
  const contact = contactText(e.activity, t);
  const lines = [
    t('resident:details.title', { title: e.title }) + (e.activity.fallback ? ` ${t('common:in_danish')}` : ''),
    ...(e.activity.summary ? [summaryLine(e.activity, t)] : []),
    ...(e.activity.targetGroups.length ? [t('resident:details.for_whom', { groups: targetGroupsText(e.activity, t) })] : []),
    t('resident:details.when', { when: formatDateTime(e.startsAt, language), end: formatTime(e.endsAt, language) }),
    ...(e.location ? [t('resident:details.where', { place: e.location.name, address: e.location.address })] : []),
    ...(contact ? [t('resident:details.contact', { contact })] : []),
    ...priceLines(e.activity, t, language),
    e.activity.signupRequired ? t('resident:details.signup_needed') : t('resident:details.signup_not_needed'),
    ...(e.capacity !== null ? [e.placesLeft === 0 ? t('resident:event.full_waiting') : t('resident:event.places_left', { count: e.placesLeft ?? 0 })] : []),
    ...(e.status === 'cancelled' ? [t('resident:event.cancelled')] : []),
    ...(e.isDemo ? [t('common:demo_marker')] : []),
  ];
  const buttons = [];
  if (e.activity.signupRequired && e.status !== 'cancelled' && e.startsAt > ctx.clock.now())
    buttons.push(choice(t('resident:details.sign_up'), `signup.party|${e.id}`));
  buttons.push(choice(t('common:back'), 'find.week'));
  return [text(lines.join('\n')), choices(t('common:what_next'), buttons)];
}

/** An activity's details and its next events, for a deep link from the printed leaflet ("a_<id>"). */
export async function activityDetails(ctx: FlowContext, activityId: string): Promise<Reply[]> {
  const { t, language } = ctx;
  const a = await ctx.services.catalogue.activity(activityId, language, { forResidents: true });
  const contact = contactText(a, t);
  const lines = [
    t('resident:details.title', { title: a.title }) + (a.fallback ? ` ${t('common:in_danish')}` : ''),
    ...(a.summary ? [summaryLine(a, t)] : []),
    ...(a.targetGroups.length ? [t('resident:details.for_whom', { groups: targetGroupsText(a, t) })] : []),
    ...(contact ? [t('resident:details.contact', { contact })] : []),
    ...priceLines(a, t, language),
    a.signupRequired ? t('resident:details.signup_needed') : t('resident:details.signup_not_needed'),
  ];
  const events = await ctx.services.catalogue.upcomingEvents(
    { planId: a.planId, activityId: a.id, forResidents: true, to: new Date(ctx.clock.now().getTime() + 28 * 86_400_000), limit: 5 },
    language,
  );
  const buttons = events.map((e) => choice(eventButton(e, language), `find.event|${e.id}`));
  buttons.push(choice(t('common:back'), 'find.week'));
  return [text(lines.join('\n')), choices(events.length ? t('resident:find.tap_for_details') : t('resident:find.none'), buttons)];
}
