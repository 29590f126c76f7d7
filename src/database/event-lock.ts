/**
 * Serialises capacity changes of one event or slot. The first statement of such a transaction
 * bumps the row's `lockVersion`: on PostgreSQL that takes the row lock until commit, so concurrent
 * transactions from any number of instances queue behind it; on SQLite the write makes the
 * transaction the single writer. Everything read after it is therefore current.
 */
import type { Tx } from './database';

/** Locks an event row for the rest of the transaction; returns false when it does not exist. */
export async function lockEvent(tx: Tx, eventId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "Event" SET "lockVersion" = "lockVersion" + 1 WHERE "id" = ${eventId}`;
  return n === 1;
}

/** Locks an appointment slot row for the rest of the transaction; false when it does not exist. */
export async function lockSlot(tx: Tx, slotId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "AppointmentSlot" SET "lockVersion" = "lockVersion" + 1 WHERE "id" = ${slotId}`;
  return n === 1;
}

/** Transaction options for capacity changes: many may queue on one popular event. */
export const QUEUED_TRANSACTION = { maxWait: 20_000, timeout: 20_000 } as const;
