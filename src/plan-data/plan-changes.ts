/**
 * What importing a plan would change, by key: which focus areas, indicators, activities, targets,
 * housing areas and locations are added, changed or removed. Order alone is not a change.
 */
import { isDeepStrictEqual } from 'node:util';
import { normalizeText } from '../text/normalize';
import type { PlanFile, SubActivityInput } from './plan-file';
import { aliasesOf } from './plan-importer';

export const CHANGE_ENTITIES = ['plan', 'focusArea', 'indicator', 'activity', 'target', 'housingArea', 'location', 'historicalDeliveries'] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];
export type ChangeAction = 'added' | 'changed' | 'removed';

/** One change; keys of targets and indicators are "owner/key". */
export interface PlanChange {
  action: ChangeAction;
  entity: ChangeEntity;
  key: string;
}

type Keyed = Map<string, unknown>;

/** Each thing of the plan by entity and key, with the fields that an import writes. */
function inventory(plan: PlanFile): Record<ChangeEntity, Keyed> {
  const out = Object.fromEntries(CHANGE_ENTITIES.map((e) => [e, new Map()])) as Record<ChangeEntity, Keyed>;
  const { focusAreas, housingAreas, locations, historicalDeliveries, ...head } = plan;
  out.plan.set(plan.key, head);
  for (const fa of focusAreas) {
    const { indicators, activities, ...own } = fa;
    out.focusArea.set(fa.key, own);
    for (const ind of indicators) out.indicator.set(`${fa.key}/${ind.key}`, ind);
    const add = (a: SubActivityInput, parent: string | null): void => {
      // Aliases are compared as stored (normalised, merged with name and titles): case alone is no change.
      const { targets, ...fields } = a;
      out.activity.set(a.key, { ...fields, aliases: aliasesOf(a), focusArea: fa.key, parent });
      for (const t of targets) out.target.set(`${a.key}/${t.key}`, t);
    };
    for (const a of activities) {
      const { subActivities, ...top } = a;
      add(top, null);
      for (const s of subActivities) add(s, a.key);
    }
  }
  for (const h of housingAreas) out.housingArea.set(h.key, { ...h, aliases: h.aliases.map(normalizeText) });
  for (const l of locations) out.location.set(l.key, l);
  if (historicalDeliveries.length) out.historicalDeliveries.set(`${historicalDeliveries.length}`, historicalDeliveries);
  return out;
}

/** The changes from `current` (null: a new plan) to `next`. Locations are never removed: plans share them. */
export function diffPlans(current: PlanFile | null, next: PlanFile): PlanChange[] {
  const before = current ? inventory(current) : null;
  const after = inventory(next);
  const changes: PlanChange[] = [];
  for (const entity of CHANGE_ENTITIES) {
    const old = before?.[entity] ?? new Map<string, unknown>();
    const now = after[entity];
    if (entity === 'historicalDeliveries') {
      const [o] = [...old.values()];
      const [n] = [...now.values()];
      if (!isDeepStrictEqual(o ?? [], n ?? []))
        changes.push({ action: o ? (n ? 'changed' : 'removed') : 'added', entity, key: `${(n as unknown[] | undefined)?.length ?? 0}` });
      continue;
    }
    for (const [key, value] of now) {
      if (!old.has(key)) changes.push({ action: 'added', entity, key });
      else if (!isDeepStrictEqual(old.get(key), value)) changes.push({ action: 'changed', entity, key });
    }
    if (entity === 'location') continue;
    for (const key of old.keys()) if (!now.has(key)) changes.push({ action: 'removed', entity, key });
  }
  return changes;
}
