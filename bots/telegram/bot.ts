/**
 * Builds the grammY bot: API client (another Bot API server when configured, grammY's auto-retry
 * for 429 and 5xx), then the middleware in the order that matters — rate limit (in memory, before
 * any database work), once-only record, and the router inside an error boundary.
 */
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { DEFAULT_LEASE_MS, HandledOnce, type UpdateLedger } from '../../src/database/handled-once';
import type { Logger } from '../../src/logging/logger';
import type { Clock } from '../../src/time/clock';
import type { Nabo } from '../composition';
import type { TelegramConfig } from './config';
import { apologise, onlyOnce, rateLimit, updateKind } from './guards';
import { router } from './handlers';
import { RateLimiter } from './rate-limit';
import { apiRetry } from './api-retry';

/** The updates Nabo asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface BotDeps {
  nabo: Pick<Nabo, 'engine' | 'services' | 'translations' | 'database'>;
  config: Pick<TelegramConfig, 'token' | 'apiRoot'>;
  logger: Logger;
  clock: Clock;
  rateLimiter?: RateLimiter;
  /** How long a handler holds an update before a redelivery may take it over (default 30 s). */
  updateLeaseMs?: number;
  /** The handled-once record (default: the ProcessedUpdate table; tests without a database pass a fake). */
  ledger?: UpdateLedger;
  /** Known bot identity (skips getMe; tests and benches). */
  botInfo?: UserFromGetMe;
}

/** A configured bot, not yet started. */
export function createTelegramBot(deps: BotDeps): Bot {
  const { nabo, logger, clock } = deps;
  const db = nabo.database.db;
  const bot = new Bot(deps.config.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: {
      ...(deps.config.apiRoot ? { apiRoot: deps.config.apiRoot } : {}),
      // In webhook mode a button press is answered in the webhook's own answer (see webhook.ts).
      canUseWebhookReply: (method) => method === 'answerCallbackQuery',
    },
  });
  bot.api.config.use(apiRetry());
  bot.use(rateLimit(deps.rateLimiter ?? new RateLimiter(), db, logger));
  bot.use(onlyOnce(deps.ledger ?? new HandledOnce(nabo.database, clock, deps.updateLeaseMs ?? DEFAULT_LEASE_MS), logger));
  bot.errorBoundary(apologise(db, nabo.translations, logger), router({ nabo, logger }));
  // Reached only by failures outside the boundary (the once-only record): log and go on; in
  // polling mode grammY would otherwise stop the bot.
  bot.catch((err) => {
    logger.error('telegram update not handled', {
      update: err.ctx.update.update_id,
      kind: updateKind(err.ctx as Context),
      err: err.error instanceof Error ? err.error : new Error(String(err.error)),
    });
  });
  return bot;
}
