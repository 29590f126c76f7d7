/**
 * The outbox: messages Nabo sends by itself are rows, written in the same transaction as the change
 * that caused them, and delivered later by a worker (worker.ts) through the person's channel. The
 * message is a translation key and parameters, rendered in the person's language at delivery, so a
 * message waiting overnight shows the event's current title and time.
 */
import type { Db, Tx } from '../database/database';
import { newRowId } from '../database/row-id';
import type { Clock } from '../time/clock';

export const OUTBOX_KINDS = [
  'handover_answer',
  'handover_reply',
  'event_cancelled',
  'event_moved',
  // Written by the auto-promotion before offers existed; old rows are still delivered.
  'signup_promoted',
  'reminder',
  'offer',
  'attendance_prompt',
  'kitchen_digest',
  // One row per recipient of a staff broadcast (src/broadcasts), refId "broadcast:<id>:<person>".
  'broadcast',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** A button of an outbox message: its label's translation key and the flow action it runs. */
export interface OutboxChoice {
  key: string;
  action: string;
}

/** The content of an outbox message: a translation key, its parameters and optional buttons. */
export interface OutboxPayload {
  key: string;
  params: Record<string, string | number>;
  choices?: OutboxChoice[];
}

/** A message to queue. `refId` (with `kind`) names it, so it exists once; `urgent` ignores quiet hours. */
export interface OutboxMessageInput {
  personId: string;
  channel: string;
  kind: OutboxKind;
  payload: OutboxPayload;
  dueAt?: Date;
  refId?: string;
  urgent?: boolean;
}

function rowData(clock: Clock, message: OutboxMessageInput) {
  return {
    personId: message.personId,
    channel: message.channel,
    kind: message.kind,
    payload: JSON.stringify(message.payload),
    dueAt: message.dueAt ?? clock.now(),
    refId: message.refId ?? null,
    urgent: message.urgent ?? false,
  };
}

/** Queues a message for a person on their channel (inside the caller's transaction when given). */
export async function enqueue(tx: Tx | Db, clock: Clock, message: OutboxMessageInput): Promise<string> {
  const row = await tx.outboxMessage.create({ data: rowData(clock, message) });
  return row.id;
}

/**
 * Plans a named message for its time, replacing whatever was planned under the same kind and
 * refId (a reminder after the event moved, an offer made again). Call under the lock of the thing
 * it is about (event or slot), so two transactions never plan the same message at once.
 */
export async function schedule(tx: Tx, clock: Clock, message: OutboxMessageInput & { refId: string; dueAt: Date }): Promise<void> {
  const data = rowData(clock, message);
  // createdAt as Prisma's @default(now()) stamps it: wall time, whatever the clock says.
  const now = new Date();
  // One statement sent as SQL: every sign-up schedules its reminder in its transaction, and Prisma's
  // upsert costs about three times the same statement in CPU (issue 15). What it writes is what the
  // upsert wrote: a new row, or the planned one replaced and made pending again (createdAt kept).
  await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "personId", "channel", "kind", "payload", "status", "dueAt", "attempts", "refId", "urgent", "createdAt")
    VALUES (${newRowId(now.getTime())}, ${data.personId}, ${data.channel}, ${data.kind}, ${data.payload}, 'pending', ${data.dueAt}, 0, ${data.refId}, ${data.urgent}, ${now})
    ON CONFLICT ("kind", "refId") DO UPDATE SET
      "personId" = excluded."personId", "channel" = excluded."channel", "payload" = excluded."payload", "dueAt" = excluded."dueAt",
      "urgent" = excluded."urgent", "status" = 'pending', "attempts" = 0, "lastError" = NULL, "sentAt" = NULL`;
}

/**
 * Queues a named message unless it already exists (sent or not): the scheduler's "once" for
 * attendance prompts and digests. Safe from any number of instances: the unique (kind, refId)
 * index lets exactly one insert win. Not for use inside a transaction (a failed insert would
 * abort it on PostgreSQL). Returns whether this call created it.
 */
export async function enqueueOnce(db: Db, clock: Clock, message: OutboxMessageInput & { refId: string }): Promise<boolean> {
  if (await db.outboxMessage.findUnique({ where: { kind_refId: { kind: message.kind, refId: message.refId } }, select: { id: true } })) return false;
  try {
    await db.outboxMessage.create({ data: rowData(clock, message) });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/** Withdraws a named message that has not gone out yet (the sign-up was cancelled, the offer declined). */
export async function unschedule(tx: Tx | Db, kind: OutboxKind, refId: string): Promise<number> {
  const r = await tx.outboxMessage.deleteMany({ where: { kind, refId, status: 'pending' } });
  return r.count;
}

/** Prisma's "unique constraint failed" (P2002), from either generated client. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}

/** Channels tried, in order, when a message goes to one channel of a person. */
const CHANNEL_PREFERENCE = ['telegram', 'teams', 'console'];

/**
 * The one channel a person's reminders and offers go to: the first reachable identity in
 * CHANNEL_PREFERENCE order (residents have one identity in practice; staff testing in both get
 * one message, not two). Null when the person cannot be reached at all.
 */
export async function preferredChannel(tx: Tx | Db, personId: string): Promise<string | null> {
  const identities = await tx.channelIdentity.findMany({ where: { personId }, select: { channel: true, blockedAt: true } });
  const rank = (c: string): number => {
    const i = CHANNEL_PREFERENCE.indexOf(c);
    return i < 0 ? CHANNEL_PREFERENCE.length : i;
  };
  const sorted = identities.sort((a, b) => Number(a.blockedAt !== null) - Number(b.blockedAt !== null) || rank(a.channel) - rank(b.channel));
  return sorted[0]?.channel ?? null;
}

/** Pending messages for a person (for tests and "what is waiting for me"). */
export async function pendingFor(db: Db, personId: string): Promise<{ id: string; kind: string; payload: OutboxPayload; channel: string }[]> {
  const rows = await db.outboxMessage.findMany({ where: { personId, status: 'pending' }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({ id: r.id, kind: r.kind, channel: r.channel, payload: JSON.parse(r.payload) as OutboxPayload }));
}
