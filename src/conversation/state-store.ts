/**
 * Conversation state in the database, one row per person and channel. A save that would write the
 * row a turn loaded back unchanged is left out, unless the row is old enough that its `updatedAt`
 * (the mark of activity retention reads) should move on.
 */
import type { Db } from '../database/database';
import { newRowId } from '../database/row-id';
import { conversationKey, turnPrefetch } from '../cache/turn-prefetch';
import type { Expectation } from './flow';

/** The stored position of a conversation. */
export interface ConversationState {
  flow: string | null;
  step: string | null;
  data: Record<string, unknown>;
  /** The waiting step takes any text (see Step.next.freeText). */
  freeText?: boolean;
  /** The waiting step asked for a count, a yes/no or a time (see Step.next.expects). */
  expects?: Expectation;
  /** The buttons the waiting step showed, so their label typed out presses them (ConversationEngine). */
  offered?: { label: string; action: string }[];
}

export const EMPTY_STATE: ConversationState = { flow: null, step: null, data: {} };
// Kept inside the data JSON so the table needs no column for it.
const FREE_TEXT = '$freeText';
const EXPECTS = '$expects';
const OFFERED = '$offered';
/**
 * An unchanged row younger than this is not written again. Retention measures inactivity in
 * months, so a last activity up to this much older than the last turn changes nothing there.
 */
export const UNCHANGED_STATE_REFRESH_MS = 60 * 60_000;

/** The columns a state is stored as. */
function columnsOf(state: ConversationState): { flow: string | null; step: string | null; data: string } {
  const marks = {
    ...(state.freeText ? { [FREE_TEXT]: true } : {}),
    ...(state.expects ? { [EXPECTS]: state.expects } : {}),
    ...(state.offered?.length ? { [OFFERED]: state.offered } : {}),
  };
  return { flow: state.flow, step: state.step, data: JSON.stringify({ ...state.data, ...marks }) };
}

const sameColumns = (a: { flow: string | null; step: string | null; data: string }, b: typeof a): boolean =>
  a.flow === b.flow && a.step === b.step && a.data === b.data;

/** What a load found: the row's columns and when it was last written, or no row. */
type Loaded = { flow: string | null; step: string | null; data: string; updatedAt: Date } | null;

export class StateStore {
  /** What each loaded state was read from, until a save writes over it. */
  private readonly loaded = new WeakMap<ConversationState, Loaded>();

  constructor(
    private readonly db: Db,
    /** Wall time, as Prisma stamps `updatedAt` with it. */
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored state; read with the person at the start of the turn when it was (PeopleService.identify). */
  async load(personId: string, channel: string): Promise<ConversationState> {
    const prefetched = turnPrefetch(this.db).conversations.take(conversationKey(personId, channel));
    const row =
      prefetched !== undefined
        ? prefetched
        : await this.db.conversation.findUnique({
            where: { personId_channel: { personId, channel } },
            select: { flow: true, step: true, data: true, updatedAt: true },
          });
    if (!row) {
      const empty: ConversationState = { ...EMPTY_STATE, data: {} };
      this.loaded.set(empty, null);
      return empty;
    }
    const { [FREE_TEXT]: freeText, [EXPECTS]: expects, [OFFERED]: offered, ...data } = JSON.parse(row.data) as Record<string, unknown>;
    const state: ConversationState = {
      flow: row.flow,
      step: row.step,
      data,
      freeText: freeText === true,
      ...(expects === 'count' || expects === 'yesno' || expects === 'time' ? { expects } : {}),
      ...(Array.isArray(offered) ? { offered: offered.filter(isOffer) } : {}),
    };
    this.loaded.set(state, row);
    return state;
  }

  /**
   * Stores `state`. With `previous`, the state this turn loaded, nothing is written when the row
   * would stay as it is: no row and nothing to remember, or the same columns written recently.
   */
  async save(personId: string, channel: string, state: ConversationState, previous?: ConversationState): Promise<void> {
    const data = columnsOf(state);
    // Whatever was read before this write is older than it.
    turnPrefetch(this.db).conversations.drop(conversationKey(personId, channel));
    const before = previous ? this.loaded.get(previous) : undefined;
    if (previous && before !== undefined) {
      if (before === null && state.flow === null) return;
      if (before !== null && sameColumns(before, data) && this.now() - before.updatedAt.getTime() < UNCHANGED_STATE_REFRESH_MS) return;
      // Written over from here on: a later save in the same turn compares with nothing.
      this.loaded.delete(previous);
    }
    // Written as SQL through Prisma: this runs on most turns, and Prisma's upsert costs about three times
    // the same statement sent raw in CPU (issue 15). Same table, same columns, `updatedAt` stamped as
    // Prisma's @updatedAt would.
    const now = new Date(this.now());
    // Nothing to remember: only clear an existing row (an erased person must not get a new one).
    if (state.flow === null) {
      await this.db.$executeRaw`
        UPDATE "Conversation" SET "flow" = ${data.flow}, "step" = ${data.step}, "data" = ${data.data}, "updatedAt" = ${now}
        WHERE "personId" = ${personId} AND "channel" = ${channel}`;
      return;
    }
    await this.db.$executeRaw`
      INSERT INTO "Conversation" ("id", "personId", "channel", "flow", "step", "data", "updatedAt")
      VALUES (${newRowId(now.getTime())}, ${personId}, ${channel}, ${data.flow}, ${data.step}, ${data.data}, ${now})
      ON CONFLICT ("personId", "channel") DO UPDATE SET
        "flow" = excluded."flow", "step" = excluded."step", "data" = excluded."data", "updatedAt" = excluded."updatedAt"`;
  }
}

function isOffer(x: unknown): x is { label: string; action: string } {
  return typeof x === 'object' && x !== null && typeof (x as { label?: unknown }).label === 'string' && typeof (x as { action?: unknown }).action === 'string';
}
