/**
 * "Handled once" keys in ProcessedUpdate: an inbound activity ("teams:<conversation>:<activity>"),
 * an announced handover ("teams:handover:<id>"), a sent attendance reminder
 * ("teams:attendance:<event>"). Claiming is one INSERT … ON CONFLICT DO NOTHING, so two instances
 * (or a redelivered activity) cannot both win, on SQLite and PostgreSQL alike.
 */
import type { Database } from '../../src/database/database';

/** Parameter placeholders of the database's dialect: "?" (SQLite) or "$1…" (PostgreSQL). */
export function placeholder(provider: Database['provider'], index: number): string {
  return provider === 'postgresql' ? `$${index}` : '?';
}

/** Records `key`; true when this call recorded it, false when it was there already. */
export async function claimKey(database: Pick<Database, 'db' | 'provider'>, key: string, now: Date): Promise<boolean> {
  const p = (i: number): string => placeholder(database.provider, i);
  const inserted = await database.db.$executeRawUnsafe(`INSERT INTO "ProcessedUpdate" ("key", "createdAt") VALUES (${p(1)}, ${p(2)}) ON CONFLICT DO NOTHING`, key, now);
  return inserted > 0;
}

/** Forgets a key, so the work it guards is tried again (after a send that failed). */
export async function releaseKey(database: Pick<Database, 'db'>, key: string): Promise<void> {
  await database.db.processedUpdate.deleteMany({ where: { key } });
}

/** Which of `keys` are recorded already (one query for a batch of candidates). */
export async function claimedKeys(database: Pick<Database, 'db'>, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await database.db.processedUpdate.findMany({ where: { key: { in: [...keys] } }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

/** How long an inbound activity's key is kept: the Bot Connector retries within minutes, not days. */
export const KEEP_ACTIVITY_KEYS_MS = 3 * 86_400_000;

/**
 * Forgets inbound-activity keys older than three days. Announcement keys (handover, attendance)
 * stay: pruning them would announce an old request again.
 */
export async function pruneActivityKeys(database: Pick<Database, 'db'>, now: Date): Promise<number> {
  const r = await database.db.processedUpdate.deleteMany({
    where: {
      key: { startsWith: 'teams:' },
      NOT: [{ key: { startsWith: 'teams:handover:' } }, { key: { startsWith: 'teams:attendance:' } }],
      createdAt: { lt: new Date(now.getTime() - KEEP_ACTIVITY_KEYS_MS) },
    },
  });
  return r.count;
}
