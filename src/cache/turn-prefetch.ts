/**
 * What the first statement of a turn read beside the person, handed on to whoever needs it next in
 * the same turn instead of being read again: the conversation row (the state store's load) and the
 * person's reminder facts (a sign-up's reminder). Each is taken once, and only within a few seconds
 * of being read; a save of the conversation drops what was prefetched for it, so a load never sees
 * a row older than a write this process made.
 */
import type { Db } from '../database/database';

/** How long a prefetched value may wait for its turn to use it. */
export const PREFETCH_TTL_MS = 5_000;
/** Past this many waiting values, the expired ones are swept. */
const SWEEP_AT = 500;

/** The conversation columns the state store reads; null when the person has no row for the channel. */
export type ConversationRow = { flow: string | null; step: string | null; data: string; updatedAt: Date } | null;

/** What planning a reminder needs of the person. */
export interface ReminderFacts {
  remindersOffAt: Date | null;
  /** The channel reminders go to, when the person has only one identity (else it is read under the lock). */
  soleChannel: string | null;
}

class Prefetched<T> {
  private readonly values = new Map<string, { value: T; at: number }>();
  /** Counts drops: a read that started before one may be older than that write, and is not kept. */
  private drops = 0;

  /** Taken before the read whose result will be put. */
  mark(): number {
    return this.drops;
  }

  /** Keeps a value read after `mark`, unless a drop happened meanwhile. */
  put(key: string, value: T, mark: number, now = Date.now()): void {
    if (mark !== this.drops) return;
    // Values are kept in the order they were put (a key put again moves to the end), so the expired ones
    // are at the front: the sweep stops at the first fresh one instead of walking every waiting value on
    // every put while many people write at once.
    if (this.values.size >= SWEEP_AT)
      for (const [k, v] of this.values) {
        if (now - v.at <= PREFETCH_TTL_MS) break;
        this.values.delete(k);
      }
    this.values.delete(key);
    this.values.set(key, { value, at: now });
  }

  /** The value, once; undefined when none is waiting or it is too old. */
  take(key: string, now = Date.now()): T | undefined {
    const v = this.values.get(key);
    if (!v) return undefined;
    this.values.delete(key);
    return now - v.at <= PREFETCH_TTL_MS ? v.value : undefined;
  }

  drop(key: string): void {
    this.drops++;
    this.values.delete(key);
  }
}

interface TurnPrefetch {
  conversations: Prefetched<ConversationRow>;
  reminderFacts: Prefetched<ReminderFacts>;
}

const byDb = new WeakMap<Db, TurnPrefetch>();

/** The prefetch slots of one database client. */
export function turnPrefetch(db: Db): TurnPrefetch {
  let p = byDb.get(db);
  if (!p) {
    p = { conversations: new Prefetched(), reminderFacts: new Prefetched() };
    byDb.set(db, p);
  }
  return p;
}

/** The key of a person's conversation on a channel. */
export const conversationKey = (personId: string, channel: string): string => `${personId}|${channel}`;
