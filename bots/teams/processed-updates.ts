/**
 * Teams' keys in the shared handled-once store (src/database/handled-once.ts): an inbound activity
 * ("teams:<conversation>:<activity>"), an announced handover ("teams:handover:<id>"), a sent
 * attendance reminder ("teams:attendance:<event>"), and how long each is kept.
 */
import type { Database } from '../../src/database/database';
import { pruneKeys } from '../../src/database/handled-once';

export { claimedKeys, claimKey, releaseKey } from '../../src/database/handled-once';

/** The key of one inbound activity. */
export const activityKey = (conversationId: string, activityId: string): string => `teams:${conversationId}:${activityId}`;

/** How long an inbound activity's key is kept: the Bot Connector retries within minutes, not days. */
export const KEEP_ACTIVITY_KEYS_MS = 3 * 86_400_000;

/**
 * Forgets inbound-activity keys older than three days. Announcement keys (handover, attendance)
 * stay: pruning them would announce an old request again.
 */
export async function pruneActivityKeys(database: Pick<Database, 'db'>, now: Date): Promise<number> {
  return pruneKeys(database, 'teams:', new Date(now.getTime() - KEEP_ACTIVITY_KEYS_MS), ['teams:handover:', 'teams:attendance:']);
}
