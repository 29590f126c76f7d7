/**
 * The core's Messenger for Telegram (src/outbox/messenger.ts): sends one rendered outbox message to
 * the chat stored on the identity, buttons as an inline keyboard, paced within Telegram's limits.
 * Given to the channel's own OutboxWorker (outbox-sender.ts), or registered with a shared one.
 */
import { GrammyError, HttpError, type Api } from 'grammy';
import { DeliveryError, toReply, type Messenger, type Recipient, type RenderedMessage } from '../../src/outbox/messenger';
import { sendOne } from './deliver';
import { Pacer } from './pacer';
import { renderBatch } from './render';

/** Telegram's answer → the core's vocabulary; the reason holds no text and no chat id. */
export function deliveryFailure(err: unknown): 'blocked' | DeliveryError {
  if (err instanceof GrammyError) {
    const reason = `telegram ${err.error_code}: ${err.description}`.slice(0, 200);
    if (err.error_code === 403 && /blocked|deactivated|kicked/i.test(err.description)) return 'blocked';
    // 400 (chat not found, message refused) and other 403s: trying again gives the same answer.
    return new DeliveryError(reason, { permanent: err.error_code === 400 || err.error_code === 403, cause: err });
  }
  if (err instanceof HttpError) return new DeliveryError('network error', { cause: err });
  if (err instanceof DeliveryError) return err;
  return new DeliveryError(err instanceof Error ? err.name : 'unknown error', { cause: err });
}

export class TelegramMessenger implements Messenger {
  constructor(
    private readonly api: Api,
    private readonly pacer: Pacer = new Pacer(),
  ) {}

  async send(to: Recipient, message: RenderedMessage): Promise<'sent' | 'blocked'> {
    if (!to.address) throw new DeliveryError('no telegram chat to send to', { permanent: true });
    const chatId = /^-?\d+$/.test(to.address) ? Number(to.address) : to.address;
    const messages = renderBatch({ language: message.language, direction: message.direction, replies: [toReply(message)] });
    try {
      for (const m of messages) {
        await this.pacer.wait(to.address);
        await sendOne(this.api, chatId, m);
      }
      return 'sent';
    } catch (err) {
      const failure = deliveryFailure(err);
      if (failure === 'blocked') return 'blocked';
      throw failure;
    }
  }
}
