/**
 * Runs what a Teams user did through the conversation engine. One inbound is one engine turn, except
 * for the adapter's own cards that carry `followText` (the handover announcement's reply field):
 * the button's action opens the flow step that waits for typed text, and the field's content is then
 * given as that text — but only when the flow really waits for it, so a stale card cannot send
 * words into some other conversation.
 */
import { parseAction } from '../../src/conversation/actions';
import type { ReplyBatch } from '../../src/conversation/replies';
import { StateStore } from '../../src/conversation/state-store';
import { parseTurn, type Turn } from '../../src/conversation/turn';
import type { KnownIdentity } from '../../src/people/people-service';
import type { Nabo } from '../composition';
import type { Inbound } from './activity-input';

/** The parts of a Turn every input of one activity shares. */
export type TurnBase = Omit<Turn, 'input'>;

export class TurnRunner {
  private readonly states: StateStore;

  constructor(private readonly nabo: Pick<Nabo, 'engine' | 'database'>) {
    this.states = new StateStore(nabo.database.db);
  }

  /** One engine turn, validated like any channel's input; `known` as ConversationEngine.handle takes it. */
  turn(base: TurnBase, input: Turn['input'], known?: KnownIdentity | null): Promise<ReplyBatch> {
    return this.nabo.engine.handle(parseTurn({ ...base, input }), known);
  }

  /**
   * The replies to an inbound text or action. `known` is the sender's identity as read for the access
   * check of this activity; only the first engine turn may use it (a follow-up reads afresh).
   */
  async run(base: TurnBase, inbound: Exclude<Inbound, { kind: 'ignore' }>, known?: KnownIdentity | null): Promise<ReplyBatch> {
    if (inbound.kind === 'text') return this.turn(base, { kind: 'text', text: inbound.text }, known);
    const values = Object.keys(inbound.values).length ? inbound.values : undefined;
    const first = await this.turn(base, { kind: 'action', action: inbound.action, values }, known);
    const follow = inbound.followText ? inbound.values[inbound.followText]?.trim() : undefined;
    if (!follow) return first;
    const identity = await this.nabo.database.db.channelIdentity.findUnique({
      where: { channel_externalId: { channel: base.channel, externalId: base.externalId } },
    });
    const state = identity ? await this.states.load(identity.personId, base.channel) : null;
    const waiting = state?.step !== null && state?.step !== undefined && state.flow === parseAction(inbound.action)?.flow;
    return waiting ? this.turn(base, { kind: 'text', text: follow }) : first;
  }
}
