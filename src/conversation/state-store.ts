/** Conversation state in the database, one row per person and channel. */
import type { Db } from '../database/database';
import type { Expectation } from './flow';

/** The stored position of a conversation. */
export interface ConversationState {
  flow: string | null;
  step: string | null;
  data: Record<string, unknown>;
  /** The waiting step takes any text (see Step.next.freeText). */
  freeText?: boolean;
  /** The waiting step asked for a count or a yes/no (see Step.next.expects). */
  expects?: Expectation;
}

export const EMPTY_STATE: ConversationState = { flow: null, step: null, data: {} };
// Kept inside the data JSON so the table needs no column for it.
const FREE_TEXT = '$freeText';
const EXPECTS = '$expects';

export class StateStore {
  constructor(private readonly db: Db) {}

  async load(personId: string, channel: string): Promise<ConversationState> {
    const row = await this.db.conversation.findUnique({ where: { personId_channel: { personId, channel } } });
    if (!row) return EMPTY_STATE;
    const { [FREE_TEXT]: freeText, [EXPECTS]: expects, ...data } = JSON.parse(row.data) as Record<string, unknown>;
    return { flow: row.flow, step: row.step, data, freeText: freeText === true, ...(expects === 'count' || expects === 'yesno' ? { expects } : {}) };
  }

  async save(personId: string, channel: string, state: ConversationState): Promise<void> {
    const marks = { ...(state.freeText ? { [FREE_TEXT]: true } : {}), ...(state.expects ? { [EXPECTS]: state.expects } : {}) };
    const data = { flow: state.flow, step: state.step, data: JSON.stringify({ ...state.data, ...marks }) };
    // Nothing to remember: only clear an existing row (an erased person must not get a new one).
    if (state.flow === null) {
      await this.db.conversation.updateMany({ where: { personId, channel }, data });
      return;
    }
    await this.db.conversation.upsert({ where: { personId_channel: { personId, channel } }, create: { personId, channel, ...data }, update: data });
  }
}
