/**
 * Telegram's keys in the shared handled-once store (src/database/handled-once.ts) and how long
 * they are kept: Telegram gives up redelivering long before three days.
 */
import type { Database } from '../../src/database/database';
import { pruneKeys } from '../../src/database/handled-once';

export const KEEP_MS = 3 * 24 * 3600 * 1000;

/** The row key of one update of one bot. */
export const updateKey = (botId: number, updateId: number): string => `telegram:${botId}:${updateId}`;

/** Deletes this channel's records older than KEEP_MS; returns how many. */
export async function pruneUpdates(database: Pick<Database, 'db'>, now: Date): Promise<number> {
  return pruneKeys(database, 'telegram:', new Date(now.getTime() - KEEP_MS));
}
