/** "Set my area": the resident types an address; the plan's street rules say which area it is in. */
import { mainMenu } from '../../conversation/menu';
import { text } from '../../conversation/replies';
import { done, RESIDENT_ROLES, waitFor, type Flow, type FlowContext, type Step } from '../../conversation/flow';

async function lookup(ctx: FlowContext, address: string): Promise<Step> {
  const { t, person } = ctx;
  const plan = await ctx.services.catalogue.currentPlan();
  const match = await ctx.services.areas.lookup(plan.id, address);
  switch (match.kind) {
    case 'inside': {
      const updated = await ctx.services.people.setHousingArea(person.id, match.areaId);
      return done(text(t('resident:area.set', { area: match.area?.name ?? '' })), mainMenu(t, updated));
    }
    case 'outside':
      return done(text(t('resident:area.outside', { street: match.street })), mainMenu(t, person));
    case 'need_number':
      return waitFor('address', {}, text(t('resident:area.need_number', { street: match.street })));
    case 'unreadable':
      return waitFor('address', {}, text(t('resident:area.unreadable')));
  }
}

export const areaFlow: Flow = {
  name: 'area',
  roles: RESIDENT_ROLES,
  intents: ['set_area'],
  needsConsent: true,
  start: (ctx, u) => (u?.details.address ? lookup(ctx, u.details.address) : Promise.resolve(waitFor('address', {}, text(ctx.t('resident:area.ask'))))),
  async resume(ctx, input) {
    if (input.kind === 'text') return lookup(ctx, input.understanding.details.address ?? input.text);
    return waitFor('address', {}, text(ctx.t('resident:area.ask')));
  },
};
