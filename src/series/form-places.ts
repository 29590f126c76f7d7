/**
 * The places a staff form offers, each once. Locations belong to no plan, so the same place can
 * exist twice (the real "ParkCafeen" and the demo calendar's copy); a form lists it once, as the
 * location the current plan's events use most, so a new event sits beside its neighbours.
 */
import type { Db } from '../database/database';
import { listLocations, type LocationOption } from '../events/locations';
import { normalizeText } from '../text/normalize';

/** Every place once, by name; among same-named locations the one the plan's events use most. */
export async function formPlaces(db: Db, planId: string): Promise<LocationOption[]> {
  const all = await listLocations(db);
  const counts = await db.event.groupBy({ by: ['locationId'], where: { activity: { planId }, locationId: { not: null } }, _count: { _all: true } });
  const used = new Map(counts.map((c) => [c.locationId, c._count._all]));
  const best = new Map<string, LocationOption>();
  for (const l of all) {
    const name = normalizeText(l.name);
    const current = best.get(name);
    if (!current || (used.get(l.id) ?? 0) > (used.get(current.id) ?? 0)) best.set(name, l);
  }
  return [...best.values()];
}
