/** Conversation state in the database, one row per person and channel. */
import type { Db } from '../database/database';

/** The stored position of a conversation. */
export interface ConversationState {
  flow: string | null;
  step: string | null;
  data: Record<string, unknown>;
}

export const EMPTY_STATE: ConversationState = { flow: null, step: null, data: {} };

export class StateStore {
  constructor(private readonly db: Db) {}

  async load(personId: string, channel: string): Promise<ConversationState> {
    const row = await this.db.conversation.findUnique({ where: { personId_channel: { personId, channel } } });
    if (!row) return EMPTY_STATE;
    return { flow: row.flow, step: row.step, data: JSON.parse(row.data) as Record<string, unknown> };
  }

  async save(personId: string, channel: string, state: ConversationState): Promise<void> {
    const data = { flow: state.flow, step: state.step, data: JSON.stringify(state.data) };
    // Nothing to remember: only clear an existing row (an erased person must not get a new one).
    if (state.flow === null) {
      await this.db.conversation.updateMany({ where: { personId, channel }, data });
      return;
    }
    await this.db.conversation.upsert({ where: { personId_channel: { personId, channel } }, create: { personId, channel, ...data }, update: data });
  }
}
