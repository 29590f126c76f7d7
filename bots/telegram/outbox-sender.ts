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
import type { Logger } from '../../src/logging/logger';
import { DEFAULT_MESSAGING_CONFIG, type QuietHours } from '../../src/outbox/config';
import { OutboxRenderer } from '../../src/outbox/render';
import { OutboxWorker } from '../../src/outbox/worker';
import type { Clock } from '../../src/time/clock';
import type { Nabo } from '../composition';
import { TelegramMessenger } from './messenger';
import type { Pacer } from './pacer';

export interface TelegramOutboxDeps {
  nabo: Pick<Nabo, 'database' | 'services' | 'translations'>;
  api: Api;
  clock: Clock;
  logger: Logger;
  /** Non-urgent messages wait through these hours (NABO_QUIET_HOURS); null: never. */
  quietHours?: QuietHours | null;
  /** Spaces the sends within Telegram's limits (default: 25 a second, one a second per chat). */
  pacer?: Pacer;
  /** Round interval (default 3 s). */
  intervalMs?: number;
}

/** The worker that sends 'telegram' outbox rows, and the Messenger it uses (for a shared core worker). */
export function telegramOutbox(deps: TelegramOutboxDeps): { worker: OutboxWorker; messenger: TelegramMessenger } {
  const { db, provider } = deps.nabo.database;
  const messenger = new TelegramMessenger(deps.api, deps.pacer);
  const renderer = new OutboxRenderer({ db, translations: deps.nabo.translations, catalogue: deps.nabo.services.catalogue, signUps: deps.nabo.services.signUps });
  const worker = new OutboxWorker({
    db,
    provider,
    clock: deps.clock,
    logger: deps.logger,
    renderer,
    messengers: { telegram: messenger },
    quietHours: deps.quietHours === undefined ? DEFAULT_MESSAGING_CONFIG.quietHours : deps.quietHours,
    intervalMs: deps.intervalMs,
  });
  return { worker, messenger };
}
