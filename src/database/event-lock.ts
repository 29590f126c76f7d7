/**
 * Serialises capacity changes of one event or slot. The first statement of such a transaction
 * bumps the row's `lockVersion`: on PostgreSQL that takes the row lock until commit, so concurrent
 * transactions from any number of instances queue behind it; on SQLite the write makes the
 * transaction the single writer. Everything read after it is therefore current. lockEventReturning
 * also hands back the locked row, sparing the read after the lock.
 */
import type { Tx } from './database';

/** Locks an event row for the rest of the transaction; returns false when it does not exist. */
export async function lockEvent(tx: Tx, eventId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "Event" SET "lockVersion" = "lockVersion" + 1 WHERE "id" = ${eventId}`;
  return n === 1;
}

/** An event as its lock found it, with what a sign-up needs of its activity. */
export interface LockedEvent {
  id: string;
  activityId: string;
  locationId: string | null;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  status: string;
  activity: { reminderHoursBefore: number | null };
}

type LockedRow = Omit<LockedEvent, 'activity' | 'startsAt' | 'endsAt' | 'capacity'> & {
  startsAt: Date | string;
  endsAt: Date | string;
  capacity: number | bigint | null;
  reminderHoursBefore: number | bigint | null;
};

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const asNumber = (v: number | bigint | null): number | null => (v === null ? null : Number(v));

/**
 * Locks an event row like lockEvent and returns it from the same statement (`UPDATE … RETURNING`),
 * so the transaction needs no second read; null when it does not exist.
 */
export async function lockEventReturning(tx: Tx, eventId: string): Promise<LockedEvent | null> {
  const rows = await tx.$queryRaw<LockedRow[]>`UPDATE "Event" SET "lockVersion" = "lockVersion" + 1 WHERE "id" = ${eventId}
    RETURNING "id", "activityId", "locationId", "title", "startsAt", "endsAt", "capacity", "status",
      (SELECT a."reminderHoursBefore" FROM "Activity" a WHERE a."id" = "Event"."activityId") AS "reminderHoursBefore"`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    activityId: r.activityId,
    locationId: r.locationId,
    title: r.title,
    startsAt: asDate(r.startsAt),
    endsAt: asDate(r.endsAt),
    capacity: asNumber(r.capacity),
    status: r.status,
    activity: { reminderHoursBefore: asNumber(r.reminderHoursBefore) },
  };
}

/** Locks an appointment slot row for the rest of the transaction; false when it does not exist. */
export async function lockSlot(tx: Tx, slotId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "AppointmentSlot" SET "lockVersion" = "lockVersion" + 1 WHERE "id" = ${slotId}`;
  return n === 1;
}

/** Transaction options for capacity changes: many may queue on one popular event. */
export const QUEUED_TRANSACTION = { maxWait: 20_000, timeout: 20_000 } as const;
