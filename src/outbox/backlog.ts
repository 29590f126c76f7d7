/**
 * The outbox backlog per channel, for monitoring: how many messages wait (pending) or are being
 * sent (sending, leased), and how long the oldest due message has waited. A backlog that grows or
 * ages means delivery is stuck (a channel down, no worker running).
 */
import type { Db } from '../database/database';

/** One channel's backlog. */
export interface OutboxBacklog {
  channel: string;
  pending: number;
  sending: number;
  /** Seconds since the oldest pending message fell due; 0 when none is due. */
  oldestDueSeconds: number;
}

/** Reads the backlog of every channel that has pending or leased messages. */
export async function outboxBacklog(db: Db, now: Date): Promise<OutboxBacklog[]> {
  const counts = await db.outboxMessage.groupBy({ by: ['channel', 'status'], where: { status: { in: ['pending', 'sending'] } }, _count: { _all: true } });
  const oldest = await db.outboxMessage.groupBy({ by: ['channel'], where: { status: 'pending', dueAt: { lte: now } }, _min: { dueAt: true } });
  const byChannel = new Map<string, OutboxBacklog>();
  const entry = (channel: string): OutboxBacklog => {
    const found = byChannel.get(channel) ?? { channel, pending: 0, sending: 0, oldestDueSeconds: 0 };
    byChannel.set(channel, found);
    return found;
  };
  for (const c of counts) {
    if (c.status === 'pending') entry(c.channel).pending = c._count._all;
    else entry(c.channel).sending = c._count._all;
  }
  for (const o of oldest) {
    if (o._min.dueAt) entry(o.channel).oldestDueSeconds = Math.max(0, (now.getTime() - o._min.dueAt.getTime()) / 1000);
  }
  return [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel));
}
