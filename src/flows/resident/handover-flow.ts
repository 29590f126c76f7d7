/** "Talk to a person": the question becomes a handover request staff see in Teams. */
import { mainMenu } from '../../conversation/menu';
import { text } from '../../conversation/replies';
import { done, RESIDENT_ROLES, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';

async function open(ctx: FlowContext, question: string): Promise<Step> {
  const { t, person } = ctx;
  const r = await ctx.services.handovers.open({ personId: person.id, channel: ctx.channel, language: ctx.language, question });
  return done(text(t(r.alreadyOpen ? 'resident:handover.added' : 'resident:handover.opened')), mainMenu(t, person));
}

export const handoverFlow: Flow = {
  name: 'handover',
  roles: RESIDENT_ROLES,
  intents: ['talk_to_person'],
  needsConsent: true,
  async start(ctx, u) {
    const rest = u?.details.activityText?.trim();
    // "I want to talk to someone about my rent" carries the question already.
    if (rest && rest.split(/\s+/).length >= 3) return open(ctx, rest);
    const waiting = await ctx.services.handovers.hasOpen(ctx.person.id);
    return waitForText('question', {}, text(ctx.t(waiting ? 'resident:handover.still_open' : 'resident:handover.ask')));
  },
  async resume(ctx, input) {
    if (input.kind === 'text') return open(ctx, input.text);
    return waitForText('question', {}, text(ctx.t('resident:handover.ask')));
  },
};
