/** The places events and counselling slots can be held, for staff's "create" forms. */
import type { Db } from '../database/database';

/** A location as a form offers it. */
export interface LocationOption {
  id: string;
  name: string;
  address: string;
}

/** Every known location, by name. Locations belong to no plan (they outlive plans), so all are offered. */
export async function listLocations(db: Db): Promise<LocationOption[]> {
  return db.location.findMany({ select: { id: true, name: true, address: true }, orderBy: { name: 'asc' } });
}
