/** Housing areas of a plan and the address lookup against their street rules. */
import type { Db } from '../database/database';
import { matchAddress, streetKey, type AddressMatch, type AreaStreetRule } from './address-matcher';

/** A housing area as shown to people. */
export interface HousingAreaView {
  id: string;
  key: string;
  name: string;
}

export class HousingAreaService {
  private readonly rulesByPlan = new Map<string, AreaStreetRule[]>();

  constructor(private readonly db: Db) {}

  /** The housing areas of a plan. */
  async areas(planId: string): Promise<HousingAreaView[]> {
    return this.db.housingArea.findMany({ where: { planId }, select: { id: true, key: true, name: true }, orderBy: { name: 'asc' } });
  }

  // Street rules change only on plan import; cache them per plan for the life of the process.
  private async rules(planId: string): Promise<AreaStreetRule[]> {
    const cached = this.rulesByPlan.get(planId);
    if (cached) return cached;
    const rows = await this.db.streetRule.findMany({ where: { housingArea: { planId } } });
    const rules = rows.map((r) => ({
      areaId: r.housingAreaId,
      // Recomputed so rules stored by an older normalisation still match.
      streetKey: streetKey(r.street),
      parity: r.parity as AreaStreetRule['parity'],
      from: r.fromNumber,
      to: r.toNumber,
    }));
    this.rulesByPlan.set(planId, rules);
    return rules;
  }

  /** The plan's areas with their other names ("Vangdalen" for Vangdalsparken), "|"-joined as stored. */
  async areasWithAliases(planId: string): Promise<(HousingAreaView & { aliases: string })[]> {
    return this.db.housingArea.findMany({ where: { planId }, select: { id: true, key: true, name: true, aliases: true } });
  }

  /** The streets of a plan's areas as written in the plan, for suggesting one when a name is misspelt. */
  async streetNames(planId: string): Promise<string[]> {
    const rows = await this.db.streetRule.findMany({ where: { housingArea: { planId } }, select: { street: true } });
    return [...new Set(rows.map((r) => r.street))];
  }

  /** The name of a housing area, or null when it no longer exists. */
  async areaName(housingAreaId: string): Promise<string | null> {
    return (await this.db.housingArea.findUnique({ where: { id: housingAreaId }, select: { name: true } }))?.name ?? null;
  }

  /** Which of the plan's housing areas an address belongs to. */
  async lookup(planId: string, address: string): Promise<AddressMatch & { area?: HousingAreaView }> {
    const match = matchAddress(address, await this.rules(planId));
    if (match.kind !== 'inside') return match;
    const area = await this.db.housingArea.findUniqueOrThrow({ where: { id: match.areaId }, select: { id: true, key: true, name: true } });
    return { ...match, area };
  }
}
