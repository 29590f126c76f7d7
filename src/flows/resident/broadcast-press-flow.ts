/**
 * A resident pressed a button under a broadcast ("bcast.signup|<id>", "bcast.more|<id>"). The
 * press is counted once per person and button (src/broadcasts/broadcast-presses.ts); "Tilmeld"
 * then goes on as the normal sign-up for the broadcast's event (or a choice among its activity's
 * coming events), "Læs mere" shows the event's or activity's details. A press on a withdrawn or
 * unknown broadcast is answered by the engine with the typed error in the resident's language.
 */
import { parsePress, PRESS_FLOW } from '../../broadcasts/broadcast-buttons';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, handOff, RESIDENT_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { eventButton, eventLine } from '../shared/event-text';
import { activityDetails, eventDetails } from './event-details';
import { signupFlow } from './signup-flow';

/** How far ahead an activity's events are offered for "Tilmeld". */
const AHEAD_DAYS = 60;

/** The sign-up for one event, as the sign-up flow does it, with a line saying which event it is. */
async function signUpFor(ctx: FlowContext, eventId: string): Promise<Step> {
  const { t, language } = ctx;
  const e = await ctx.services.catalogue.event(eventId, language);
  if (e.status === 'cancelled' || e.startsAt <= ctx.clock.now())
    return done(text(t('broadcast:press.event_over', { title: e.title })), mainMenu(t, ctx.person));
  const step = await signupFlow.resume(ctx, { kind: 'action', step: 'party', arg: eventId });
  return handOff(signupFlow.name, { ...step, replies: [text(eventLine(e, t, language)), ...step.replies] });
}

/** "Tilmeld" on an activity: its one coming event signs up at once; several are offered to choose from. */
async function signUpForActivity(ctx: FlowContext, activityId: string): Promise<Step> {
  const { t, language } = ctx;
  const now = ctx.clock.now();
  const events = (
    await ctx.services.catalogue.upcomingEvents({ activityId, from: now, to: new Date(now.getTime() + AHEAD_DAYS * 86_400_000), limit: 8 }, language)
  ).filter((e) => e.activity.signupRequired && e.status !== 'cancelled');
  const [only] = events;
  if (events.length === 1 && only) return signUpFor(ctx, only.id);
  if (events.length === 0) return done(text(t('broadcast:press.no_events')), ...(await activityDetails(ctx, activityId)));
  return done(
    choices(
      t('resident:signup.which'),
      events.map((e) => choice(eventButton(e, language), `signup.party|${e.id}`)),
    ),
  );
}

export const broadcastPressFlow: Flow = {
  name: PRESS_FLOW,
  roles: RESIDENT_ROLES,
  intents: [],
  // A press is kept (counted) with the person, so it needs their consent like a sign-up.
  needsConsent: true,
  start: async (ctx) => done(mainMenu(ctx.t, ctx.person)),
  async resume(ctx, input) {
    const { t } = ctx;
    const press = input.kind === 'action' ? parsePress(input.step, input.arg) : null;
    if (!press) return done(text(t('common:stale_button')), mainMenu(t, ctx.person));
    const button = await ctx.services.broadcasts.press(ctx.person.id, press.broadcastId, press.kind);
    if (button.kind === 'more')
      return done(...(button.eventId ? await eventDetails(ctx, button.eventId) : await activityDetails(ctx, button.activityId ?? '')));
    return button.eventId ? signUpFor(ctx, button.eventId) : signUpForActivity(ctx, button.activityId ?? '');
  },
};
