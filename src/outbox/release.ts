/**
 * Gives claimed outbox rows back when a worker stops before sending them (graceful shutdown): they
 * turn 'pending', due now, with the claim's attempt returned, so another instance sends them at
 * once instead of after the lease (claim.ts) runs out. A row another worker has claimed meanwhile
 * is left alone.
 */
import type { Db } from '../database/database';
import type { ClaimedRow } from './claim';

/** Releases the rows still held by these claims; returns how many were released. */
export async function releaseClaims(db: Db, rows: readonly ClaimedRow[], now: Date): Promise<number> {
  let released = 0;
  for (const row of rows) {
    const r = await db.outboxMessage.updateMany({
      where: { id: row.id, status: 'sending', attempts: row.attempts },
      data: { status: 'pending', dueAt: now, attempts: row.attempts - 1 },
    });
    released += r.count;
  }
  return released;
}
