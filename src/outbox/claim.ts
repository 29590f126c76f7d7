/**
 * Claims due outbox rows in one statement, so any number of workers never take the same row. A
 * claim is a lease: the row turns 'sending', `dueAt` becomes the lease's end and `attempts` goes
 * up; a row still 'sending' after its lease (its worker died mid-send) is due again and is
 * claimed again, as the next attempt. Delivery is therefore exactly once while workers live, and
 * at least once across a crash between sending and recording.
 *
 * PostgreSQL: FOR UPDATE SKIP LOCKED lets concurrent claimers take different rows instead of
 * queueing on the same ones. SQLite has no SKIP LOCKED and needs none: it runs one write statement
 * at a time, so the UPDATE … RETURNING is atomic; but a SQLite file belongs to one Nabo process,
 * so run the worker in that one instance only.
 */
import type { Db, Provider } from '../database/database';

/** A claimed row, as the worker needs it. `attempts` already counts this attempt. */
export interface ClaimedRow {
  id: string;
  personId: string;
  channel: string;
  kind: string;
  payload: string;
  attempts: number;
  urgent: boolean;
  refId: string | null;
}

type RawRow = Omit<ClaimedRow, 'attempts' | 'urgent'> & { attempts: number | bigint; urgent: boolean | number | bigint };

/** Claims up to `limit` rows due at `now` on the given channels, leased for `leaseMs`. */
export async function claimDue(
  db: Db,
  provider: Provider,
  opts: { channels: readonly string[]; now: Date; limit: number; leaseMs: number },
): Promise<ClaimedRow[]> {
  if (opts.channels.length === 0) return [];
  const pg = provider === 'postgresql';
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return pg ? `$${params.length}` : '?';
  };
  // Placeholders are numbered in the order they are written, which is the order SQLite binds them.
  const lease = p(new Date(opts.now.getTime() + opts.leaseMs));
  const channels = opts.channels.map((c) => p(c)).join(', ');
  const now = p(opts.now);
  const limit = p(opts.limit);
  const sql =
    `UPDATE "OutboxMessage" SET "status" = 'sending', "dueAt" = ${lease}, "attempts" = "attempts" + 1 ` +
    `WHERE "id" IN (SELECT "id" FROM "OutboxMessage" ` +
    `WHERE "status" IN ('pending', 'sending') AND "channel" IN (${channels}) AND "dueAt" <= ${now} ` +
    `ORDER BY "dueAt" LIMIT ${limit}${pg ? ' FOR UPDATE SKIP LOCKED' : ''}) ` +
    `RETURNING "id", "personId", "channel", "kind", "payload", "attempts", "urgent", "refId"`;
  const rows = await db.$queryRawUnsafe<RawRow[]>(sql, ...params);
  // SQLite hands booleans and integers back as numbers.
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts), urgent: Boolean(Number(r.urgent)) }));
}
