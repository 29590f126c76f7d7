/**
 * Delivers the outbox's Telegram rows (handover answers, cancellations, reminders, offers) with the
 * core's OutboxWorker: it claims due rows atomically (src/outbox/claim.ts), skips what no longer
 * applies, holds non-urgent messages through quiet hours, renders them in the person's language,
 * sends them through the TelegramMessenger (messenger.ts) and records the outcome — back-off,
 * giving up after MAX_ATTEMPTS, blocked people marked, no personal data in lastError. This worker
 * has only the Telegram Messenger, so it claims only 'telegram' rows; the scheduler (prompts,
 * digests, offer expiry) is not run here — it belongs to whoever runs the core's worker once.
 */
import type { Api } from 'grammy';
import type { OutboxWorker } from '../../src/outbox/worker';
import { channelOutboxWorker, type ChannelOutboxDeps } from '../channel-outbox';
import { TelegramMessenger } from './messenger';
import type { Pacer } from './pacer';

export interface TelegramOutboxDeps extends ChannelOutboxDeps {
  api: Api;
  /** Spaces the sends within Telegram's limits (default: 25 a second, one a second per chat). */
  pacer?: Pacer;
}

/** The worker that sends 'telegram' outbox rows, and the Messenger it uses (for a shared core worker). */
export function telegramOutbox(deps: TelegramOutboxDeps): { worker: OutboxWorker; messenger: TelegramMessenger } {
  const messenger = new TelegramMessenger(deps.api, deps.pacer);
  return { worker: channelOutboxWorker(deps, 'telegram', messenger), messenger };
}
