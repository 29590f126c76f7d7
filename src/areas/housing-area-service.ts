/** Housing areas of a plan and the address lookup against their street rules. */
import type { Db } from '../database/database';
import { planDataCache, type PlanDataCache } from '../cache/plan-data-cache';
import type { HousingArea, StreetRule } from '../generated/sqlite/client';
import { matchAddress, streetKey, type AddressMatch, type AreaStreetRule } from './address-matcher';

const NO_RULES: StreetRule[] = [];

/** A housing area as shown to people. */
export interface HousingAreaView {
  id: string;
  key: string;
  name: string;
}

export class HousingAreaService {
  /** The matcher's rules, worked out once per snapshot of the plan data. */
  private readonly rulesOf = new WeakMap<StreetRule[], AreaStreetRule[]>();
  /** Areas and street rules change only with the plan: read from the plan-data cache (src/cache). */
  private readonly planData: PlanDataCache;

  constructor(private readonly db: Db) {
    this.planData = planDataCache(db);
  }

  private async areaRows(planId: string): Promise<HousingArea[]> {
    return (await this.planData.snapshot()).housingAreasByPlan.get(planId) ?? [];
  }

  /** The housing areas of a plan, by name. */
  async areas(planId: string): Promise<HousingAreaView[]> {
    return (await this.areaRows(planId)).map((a) => ({ id: a.id, key: a.key, name: a.name }));
  }

  private async rules(planId: string): Promise<AreaStreetRule[]> {
    const rows = (await this.planData.snapshot()).streetRulesByPlan.get(planId) ?? NO_RULES;
    const cached = this.rulesOf.get(rows);
    if (cached) return cached;
    const rules = rows.map((r) => ({
      areaId: r.housingAreaId,
      // Recomputed so rules stored by an older normalisation still match.
      streetKey: streetKey(r.street),
      parity: r.parity as AreaStreetRule['parity'],
      from: r.fromNumber,
      to: r.toNumber,
    }));
    this.rulesOf.set(rows, rules);
    return rules;
  }

  /** The plan's areas with their other names ("Vangdalen" for Vangdalsparken), "|"-joined as stored. */
  async areasWithAliases(planId: string): Promise<(HousingAreaView & { aliases: string })[]> {
    return (await this.areaRows(planId)).map((a) => ({ id: a.id, key: a.key, name: a.name, aliases: a.aliases }));
  }

  /** The streets of a plan's areas as written in the plan, for suggesting one when a name is misspelt. */
  async streetNames(planId: string): Promise<string[]> {
    const rows = (await this.planData.snapshot()).streetRulesByPlan.get(planId) ?? [];
    return [...new Set(rows.map((r) => r.street))];
  }

  /** The name of a housing area, or null when it no longer exists. */
  async areaName(housingAreaId: string): Promise<string | null> {
    for (const areas of (await this.planData.snapshot()).housingAreasByPlan.values()) {
      const area = areas.find((a) => a.id === housingAreaId);
      if (area) return area.name;
    }
    return null;
  }

  /** Which of the plan's housing areas an address belongs to. */
  async lookup(planId: string, address: string): Promise<AddressMatch & { area?: HousingAreaView }> {
    const match = matchAddress(address, await this.rules(planId));
    if (match.kind !== 'inside') return match;
    const area = (await this.areas(planId)).find((a) => a.id === match.areaId);
    if (!area) throw new Error('street rule of an area that is not in the plan data');
    return { ...match, area };
  }
}
