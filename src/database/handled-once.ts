/**
 * The one "handled once" store of both channels (Telegram updates, Teams activities, Teams
 * announcements), in the ProcessedUpdate table.
 *
 * Inbound updates are *recorded after success*: `begin` takes a short lease, the handler runs,
 * `finish` marks the key done. A crash between the two leaves a lease that runs out, so the
 * redelivered update is handled again instead of being ignored as a duplicate. That re-run is safe
 * because every write a turn makes is idempotent on its own (a second sign-up for the same event
 * returns the first, a second cancel says it is cancelled already). Recording the key in the same
 * transaction as the turn's effects was the other choice; it would thread one transaction through
 * every flow and service, and a turn's replies (sent outside any transaction) would still need the
 * same idempotency.
 *
 * Announcement keys (`claim`) are plain "done" markers: one INSERT … ON CONFLICT DO NOTHING, so two
 * instances cannot both win.
 */
import type { Clock } from '../time/clock';
import type { Database } from './database';

/** What `begin` found: this caller handles it, it was handled already, or another handler holds it now. */
export type Claim = 'mine' | 'done' | 'busy';

/** How long a handler may hold an update before another delivery may take it over. */
export const DEFAULT_LEASE_MS = 30_000;

type Store = Pick<Database, 'db' | 'provider'>;

const placeholder = (provider: Database['provider'], index: number): string => (provider === 'postgresql' ? `$${index}` : '?');

/** Records `key` as done; true when this call recorded it, false when it was there already. */
export async function claimKey(database: Store, key: string, now: Date): Promise<boolean> {
  const p = (i: number): string => placeholder(database.provider, i);
  const inserted = await database.db.$executeRawUnsafe(
    `INSERT INTO "ProcessedUpdate" ("key", "createdAt") VALUES (${p(1)}, ${p(2)}) ON CONFLICT DO NOTHING`,
    key,
    now,
  );
  return inserted > 0;
}

/** Forgets a key, so the work it guards is tried again (after a send that failed). */
export async function releaseKey(database: Pick<Database, 'db'>, key: string): Promise<void> {
  await database.db.processedUpdate.deleteMany({ where: { key } });
}

/** Which of `keys` are recorded already, done or in hand (one query for a batch of candidates). */
export async function claimedKeys(database: Pick<Database, 'db'>, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await database.db.processedUpdate.findMany({ where: { key: { in: [...keys] } }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

/** Deletes keys starting with `prefix` (but none starting with one of `keep`) recorded before `before`. */
export async function pruneKeys(database: Pick<Database, 'db'>, prefix: string, before: Date, keep: readonly string[] = []): Promise<number> {
  const r = await database.db.processedUpdate.deleteMany({
    where: { key: { startsWith: prefix }, createdAt: { lt: before }, ...(keep.length ? { NOT: keep.map((k) => ({ key: { startsWith: k } })) } : {}) },
  });
  return r.count;
}

/** What a channel needs to handle each inbound update once without losing any. */
export interface UpdateLedger {
  /** Takes the update for this caller, or says why not. */
  begin(key: string): Promise<Claim>;
  /** Marks the update handled: every later delivery of it is a duplicate. */
  finish(key: string): Promise<void>;
  /** Gives the update up after a failure, so its redelivery is handled afresh. */
  abandon(key: string): Promise<void>;
}

/** Inbound updates: leased while handled, done after success. */
export class HandledOnce implements UpdateLedger {
  constructor(
    private readonly database: Store,
    private readonly clock: Clock,
    private readonly leaseMs: number = DEFAULT_LEASE_MS,
  ) {}

  /** Takes the update for this caller, or says why not. */
  async begin(key: string): Promise<Claim> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.leaseMs);
    const p = (i: number): string => placeholder(this.database.provider, i);
    const db = this.database.db;
    const inserted = await db.$executeRawUnsafe(
      `INSERT INTO "ProcessedUpdate" ("key", "createdAt", "leaseUntil") VALUES (${p(1)}, ${p(2)}, ${p(3)}) ON CONFLICT DO NOTHING`,
      key,
      now,
      until,
    );
    if (inserted > 0) return 'mine';
    // A lease that ran out belongs to a handler that died; one conditional update decides who takes over.
    const taken = await db.processedUpdate.updateMany({ where: { key, leaseUntil: { lt: now } }, data: { leaseUntil: until, createdAt: now } });
    if (taken.count > 0) return 'mine';
    const row = await db.processedUpdate.findUnique({ where: { key }, select: { leaseUntil: true } });
    // Gone in between (abandoned by its handler): the next delivery will take it.
    if (!row) return 'busy';
    return row.leaseUntil === null ? 'done' : 'busy';
  }

  /** Marks the update handled: every later delivery of it is a duplicate. */
  async finish(key: string): Promise<void> {
    // Raw like `begin`: it runs on every update, and Prisma's updateMany costs several times a plain UPDATE in CPU.
    const p = placeholder(this.database.provider, 1);
    await this.database.db.$executeRawUnsafe(`UPDATE "ProcessedUpdate" SET "leaseUntil" = NULL WHERE "key" = ${p}`, key);
  }

  /** Gives the update up after a failure, so its redelivery is handled afresh. */
  async abandon(key: string): Promise<void> {
    await releaseKey(this.database, key);
  }
}
