/**
 * How the outbox worker reaches a channel. Each adapter (bots/telegram, bots/teams, the console)
 * registers one Messenger for its channel; the worker does the claiming, rendering, quiet hours,
 * retries and bookkeeping, so a Messenger only sends.
 */
import type { Language } from '../plan-data/plan-file';
import { choices as choicesReply, text, type Choice, type Reply } from '../conversation/replies';

/** Who a message goes to: the person and the identity (with its stored address) on that channel. */
export interface Recipient {
  personId: string;
  channel: string;
  externalId: string;
  /** The channel's reply address (Telegram chat id, Teams conversation reference JSON); null if never stored. */
  address: string | null;
}

/** A message ready to send: text in the reader's language and one-tap buttons (flow actions). */
export interface RenderedMessage {
  language: Language;
  direction: 'ltr' | 'rtl';
  text: string;
  choices: Choice[];
}

/**
 * Sends one message. Resolves 'sent', or 'blocked' when the channel says the person can no longer
 * be reached (blocked the bot, left Teams): the identity is then marked and nothing is retried.
 * Throws on failure: a DeliveryError with `permanent` for "trying again gives the same answer"
 * (malformed address, message refused), anything else is retried with back-off.
 */
export interface Messenger {
  send(to: Recipient, message: RenderedMessage): Promise<'sent' | 'blocked'>;
}

/**
 * A send failure with a description safe to store and log (`reason`: no names, no message text,
 * no chat ids). Other errors are recorded by their class name only.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly permanent: boolean;
  constructor(
    readonly reason: string,
    options: { permanent?: boolean; cause?: unknown } = {},
  ) {
    super(reason, { cause: options.cause });
    this.permanent = options.permanent ?? false;
  }
}

/** The message as a channel-neutral reply, so adapters render it with their usual reply renderer. */
export function toReply(message: RenderedMessage): Reply {
  return message.choices.length ? choicesReply(message.text, message.choices) : text(message.text);
}
