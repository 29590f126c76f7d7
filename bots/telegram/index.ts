/**
 * The Telegram channel: `loadTelegramConfig(env)` reads the environment (null → channel off),
 * `startTelegram(deps)` runs the bot — webhook on the shared HTTP server when a webhook URL is
 * configured, long polling otherwise — with the command menus, the pruning of processed updates
 * and the outbox worker (the core's OutboxWorker with the Telegram Messenger). `stop()` ends all of it.
 */
import type { Bot } from 'grammy';
import type { Logger } from '../../src/logging/logger';
import type { QuietHours } from '../../src/outbox/config';
import type { Messenger } from '../../src/outbox/messenger';
import type { OutboxWorker } from '../../src/outbox/worker';
import type { Clock } from '../../src/time/clock';
import type { Nabo } from '../composition';
import type { HttpServer } from '../http/server';
import { ALLOWED_UPDATES, createTelegramBot } from './bot';
import { registerCommands } from './commands';
import type { TelegramConfig } from './config';
import { telegramOutbox } from './outbox-sender';
import { pruneUpdates } from './processed-updates';
import { mountWebhook } from './webhook';

export { loadTelegramConfig, type TelegramConfig } from './config';
export { WEBHOOK_PATH } from './webhook';

const HOUR = 3_600_000;

export interface TelegramDeps {
  nabo: Nabo;
  /** The shared server; required in webhook mode. */
  http: HttpServer | null;
  config: TelegramConfig;
  logger: Logger;
  clock: Clock;
  /** Outbox round interval (default 3 s). */
  outboxIntervalMs?: number;
  /** Quiet hours for non-urgent proactive messages (loadMessagingConfig(env).quietHours); default 21-8. */
  quietHours?: QuietHours | null;
  /** false: do not start this channel's outbox worker (a shared core worker uses `messenger` instead). */
  runOutbox?: boolean;
}

/** A running Telegram channel. */
export interface TelegramChannel {
  stop(): Promise<void>;
  /** The grammY bot (tests and benches reach its API through it). */
  bot: Bot;
  /** The core's OutboxWorker with only the Telegram Messenger; started unless runOutbox is false. */
  outbox: OutboxWorker;
  /** Sends one rendered outbox message (the core's Messenger interface). */
  messenger: Messenger;
}

/** Starts the channel; throws a readable error when Telegram refuses the token or cannot be reached. */
export async function startTelegram(deps: TelegramDeps): Promise<TelegramChannel> {
  const { nabo, config, clock } = deps;
  const logger = deps.logger.child({ channel: 'telegram' });
  const db = nabo.database.db;
  const bot = createTelegramBot({ nabo, config, logger, clock, ...(config.updateLeaseMs ? { updateLeaseMs: config.updateLeaseMs } : {}) });
  try {
    await bot.init();
  } catch (err) {
    throw new Error(`Telegram did not accept the bot token or could not be reached (${err instanceof Error ? err.message : String(err)}). Check TELEGRAM_BOT_TOKEN${config.apiRoot ? ' and TELEGRAM_API_ROOT' : ''}.`, { cause: err });
  }

  const prune = (): void => {
    pruneUpdates(nabo.database, clock.now()).then(
      (n) => n && logger.info('telegram processed updates pruned', { rows: n }),
      (err: unknown) => logger.warn('telegram prune failed', { err }),
    );
  };
  prune();
  const pruneTimer = setInterval(prune, HOUR);
  pruneTimer.unref();
  // The menus are a convenience: start without waiting for nine API calls.
  void registerCommands(bot.api, logger);

  let accepting = true;
  let polling: Promise<void> | null = null;
  if (config.webhook) {
    if (!deps.http) throw new Error('TELEGRAM_WEBHOOK_URL is set, but no HTTP server is running to receive the webhook.');
    mountWebhook(deps.http.server, { secret: config.webhook.secret, handle: (u) => bot.handleUpdate(u), logger, accepting: () => accepting });
    await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info('telegram webhook set', { bot: bot.botInfo.username });
  } else {
    polling = bot.start({ allowed_updates: [...ALLOWED_UPDATES], onStart: () => logger.info('telegram long polling', { bot: bot.botInfo.username }) }).catch((err: unknown) => {
      logger.error('telegram polling stopped', { err: err instanceof Error ? err : new Error(String(err)) });
    });
  }

  const { worker: outbox, messenger } = telegramOutbox({ nabo, api: bot.api, clock, logger, quietHours: deps.quietHours, intervalMs: deps.outboxIntervalMs });
  if (deps.runOutbox !== false) outbox.start();

  return {
    bot,
    outbox,
    messenger,
    async stop() {
      // The webhook stays registered: other instances behind the load balancer keep receiving.
      accepting = false;
      clearInterval(pruneTimer);
      await outbox.stop();
      if (polling) {
        await bot.stop();
        await polling;
      }
    },
  };
}
