/**
 * Claims due outbox rows for one channel, atomically, so several instances never send the same
 * message. A claim is a lease: the row turns 'sending' with dueAt pushed to the lease's end, and a
 * row still 'sending' after that (its instance died mid-send) is claimed again.
 */
import type { Db, Provider } from '../../src/database/database';

export const LEASE_MS = 5 * 60 * 1000;

/** Claims up to `limit` due rows; returns their ids. */
export async function claimOutbox(db: Db, provider: Provider, opts: { channel: string; now: Date; limit: number }): Promise<string[]> {
  const leaseUntil = new Date(opts.now.getTime() + LEASE_MS);
  const rows =
    provider === 'postgresql'
      ? // SKIP LOCKED: two instances claiming at once take different rows instead of waiting.
        await db.$queryRaw<{ id: string }[]>`
          UPDATE "OutboxMessage" SET "status" = 'sending', "dueAt" = ${leaseUntil}
          WHERE "id" IN (
            SELECT "id" FROM "OutboxMessage"
            WHERE "channel" = ${opts.channel} AND "status" IN ('pending', 'sending') AND "dueAt" <= ${opts.now}
            ORDER BY "dueAt" LIMIT ${opts.limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING "id"`
      : // SQLite runs one write statement at a time, so a single UPDATE … RETURNING is atomic.
        await db.$queryRaw<{ id: string }[]>`
          UPDATE "OutboxMessage" SET "status" = 'sending', "dueAt" = ${leaseUntil}
          WHERE "id" IN (
            SELECT "id" FROM "OutboxMessage"
            WHERE "channel" = ${opts.channel} AND "status" IN ('pending', 'sending') AND "dueAt" <= ${opts.now}
            ORDER BY "dueAt" LIMIT ${opts.limit})
          RETURNING "id"`;
  return rows.map((r) => r.id);
}
