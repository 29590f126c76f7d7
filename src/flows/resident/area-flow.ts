/**
 * "Set my area": the resident types an address or the name of their area ("Vangdalsparken",
 * "Vangdalen"); the plan's street rules say which area an address is in. A misspelt street gets a
 * suggestion ("Husavej 12" → "Mente du Husarvej 12?") instead of "not in our areas".
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, RESIDENT_ROLES, waitFor, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { parseAddress } from '../../areas/address-matcher';
import { closestName } from '../../nlu/fuzzy';

// Words around an area's name that say nothing more: "jeg bor i Vangdalsparken".
const AROUND = /^(?:jeg|vi|i|we|ana|انا|نحن)?\s*(?:bor|live|lives|living|ساكن|اسكن|أسكن|ساكنه)?\s*(?:i|på|in|at|في|ب)?\s+/iu;

async function setArea(ctx: FlowContext, areaId: string, name: string): Promise<Step> {
  const updated = await ctx.services.people.setHousingArea(ctx.person.id, areaId);
  return done(text(ctx.t('resident:area.set', { area: name })), mainMenu(ctx.t, updated));
}

/** The area an area name names ("Vangdalsparken", "Vangdalen", "Gl. Jennum"), typos allowed. */
async function areaByName(ctx: FlowContext, planId: string, typed: string): Promise<{ id: string; name: string } | undefined> {
  const words = typed.replace(AROUND, '').trim();
  if (!words || /\d/.test(words)) return undefined;
  const areas = await ctx.services.areas.areasWithAliases(planId);
  const names = areas.flatMap((a) => [a.name, ...a.aliases.split('|').filter(Boolean)].map((n) => ({ n, a })));
  const hit = closestName(
    words,
    names.map((x) => x.n),
  );
  const area = hit ? names.find((x) => x.n === hit)?.a : undefined;
  return area ? { id: area.id, name: area.name } : undefined;
}

/** "Husavej 12" → "Husarvej 12" when one of the plan's streets is a letter or two away. */
async function suggestion(ctx: FlowContext, planId: string, address: string): Promise<string | undefined> {
  const parsed = parseAddress(address);
  if (!parsed) return undefined;
  const street = closestName(parsed.street, await ctx.services.areas.streetNames(planId));
  if (!street) return undefined;
  const fixed = parsed.number === null ? street : `${street} ${parsed.number}`;
  // The suggestion travels in a button; Telegram allows 64 bytes of action.
  return Buffer.byteLength(`area.use|${fixed}`) <= 64 ? fixed : undefined;
}

async function lookup(ctx: FlowContext, address: string, typed = address): Promise<Step> {
  const { t, person } = ctx;
  const plan = await ctx.services.catalogue.currentPlan();
  const byName = await areaByName(ctx, plan.id, typed);
  if (byName) return setArea(ctx, byName.id, byName.name);
  const match = await ctx.services.areas.lookup(plan.id, address);
  switch (match.kind) {
    case 'inside':
      return setArea(ctx, match.areaId, match.area?.name ?? '');
    case 'outside': {
      const fixed = await suggestion(ctx, plan.id, address);
      if (fixed) {
        return done(
          choices(t('resident:area.suggest', { street: match.street, suggestion: fixed }), [
            choice(t('resident:area.suggest_yes', { suggestion: fixed }), `area.use|${fixed}`),
            choice(t('resident:area.suggest_no'), 'area.ask'),
          ]),
        );
      }
      return done(text(t('resident:area.outside', { street: match.street })), mainMenu(t, person));
    }
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
  async start(ctx, u) {
    if (u?.details.address) return lookup(ctx, u.details.address);
    // "jeg bor i Vangdalsparken": an area's own name is enough.
    if (u?.details.activityText) {
      const plan = await ctx.services.catalogue.currentPlan();
      const area = await areaByName(ctx, plan.id, u.details.activityText);
      if (area) return setArea(ctx, area.id, area.name);
    }
    return waitFor('address', {}, text(ctx.t('resident:area.ask')));
  },
  async resume(ctx, input) {
    if (input.kind === 'text') return lookup(ctx, input.understanding.details.address ?? input.text, input.text);
    if (input.step === 'use' && input.arg) return lookup(ctx, input.arg);
    return waitFor('address', {}, text(ctx.t('resident:area.ask')));
  },
};
