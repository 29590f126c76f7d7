/**
 * The outbox: messages Nabo sends by itself are rows, written in the same transaction as the change
 * that caused them, and delivered later by a worker through the person's channel. The message is a
 * translation key and parameters, rendered in the person's language at delivery.
 */
import type { Db, Tx } from '../database/database';
import type { Clock } from '../time/clock';

export const OUTBOX_KINDS = ['handover_answer', 'event_cancelled', 'signup_promoted'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** The content of an outbox message: a translation key and its parameters. */
export interface OutboxPayload {
  key: string;
  params: Record<string, string | number>;
}

/** Queues a message for a person on their channel (inside the caller's transaction when given). */
export async function enqueue(
  tx: Tx | Db,
  clock: Clock,
  message: { personId: string; channel: string; kind: OutboxKind; payload: OutboxPayload; dueAt?: Date },
): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: {
      personId: message.personId,
      channel: message.channel,
      kind: message.kind,
      payload: JSON.stringify(message.payload),
      dueAt: message.dueAt ?? clock.now(),
    },
  });
  return row.id;
}

/** Pending messages for a person (for tests and "what is waiting for me"). */
export async function pendingFor(db: Db, personId: string): Promise<{ id: string; kind: string; payload: OutboxPayload; channel: string }[]> {
  const rows = await db.outboxMessage.findMany({ where: { personId, status: 'pending' }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({ id: r.id, kind: r.kind, channel: r.channel, payload: JSON.parse(r.payload) as OutboxPayload }));
}
