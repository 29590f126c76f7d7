/**
 * Each Telegram update is handled once, however many instances run and however often Telegram
 * redelivers it: its key is inserted into ProcessedUpdate before handling, and the primary key
 * makes a second insert fail. Rows older than three days are pruned (Telegram gives up
 * redelivering long before that).
 */
import type { Db } from '../../src/database/database';

export const KEEP_MS = 3 * 24 * 3600 * 1000;

/** The row key of one update of one bot. */
export const updateKey = (botId: number, updateId: number): string => `telegram:${botId}:${updateId}`;

// Prisma's unique-constraint error, whatever the driver adapter underneath.
const isDuplicate = (err: unknown): boolean => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';

/** Records an update as taken; false when another delivery (or instance) already took it. */
export async function claimUpdate(db: Db, key: string, now: Date): Promise<boolean> {
  try {
    // The time comes from our clock, not the database's default, so pruning compares like with like.
    await db.processedUpdate.create({ data: { key, createdAt: now } });
    return true;
  } catch (err) {
    if (isDuplicate(err)) return false;
    throw err;
  }
}

/** Deletes this channel's records older than KEEP_MS; returns how many. */
export async function pruneUpdates(db: Db, now: Date): Promise<number> {
  const r = await db.processedUpdate.deleteMany({ where: { key: { startsWith: 'telegram:' }, createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
  return r.count;
}
