/** "stop" / "start": reminders off and on, stored on the person and honoured by the outbox. */
import { mainMenu } from '../../conversation/menu';
import { text } from '../../conversation/replies';
import { done, RESIDENT_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';

async function set(ctx: FlowContext, off: boolean): Promise<Step> {
  await ctx.services.reminders.setOff(ctx.person.id, off);
  return done(text(ctx.t(off ? 'resident:reminders.off' : 'resident:reminders.on')), mainMenu(ctx.t, ctx.person));
}

export const remindersFlow: Flow = {
  name: 'reminders',
  roles: RESIDENT_ROLES,
  intents: ['reminders_off', 'reminders_on'],
  start: (ctx, u) => set(ctx, u?.intent !== 'reminders_on'),
  resume: (ctx, input) => set(ctx, !(input.kind === 'action' && input.step === 'on')),
};
