/**
 * The Telegram channel: `loadTelegramConfig(env)` reads the environment (null → channel off),
 * `startTelegram(deps)` runs the bot — webhook on the shared HTTP server when a webhook URL is
 * configured, long polling otherwise — with the command menus and the pruning of processed
 * updates, and registers its Messenger with the core's outbox worker. `stop()` ends all of it.
 */
import type { Bot } from 'grammy';
import type { Logger } from '../../src/logging/logger';
import type { Messenger } from '../../src/outbox/messenger';
import type { Clock } from '../../src/time/clock';
import type { Nabo } from '../composition';
import type { HttpServer } from '../http/server';
import { ALLOWED_UPDATES, createTelegramBot } from './bot';
import { registerCommands } from './commands';
import type { TelegramConfig } from './config';
import { TelegramMessenger } from './messenger';
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
}

/** A running Telegram channel. */
export interface TelegramChannel {
  stop(): Promise<void>;
  /** The grammY bot (tests and benches reach its API through it). */
  bot: Bot;
  /** Sends one rendered outbox message; registered with the core's outbox worker (nabo.outbox). */
  messenger: Messenger;
}

/** Starts the channel; throws a readable error when Telegram refuses the token or cannot be reached. */
export async function startTelegram(deps: TelegramDeps): Promise<TelegramChannel> {
  const { nabo, config, clock } = deps;
  const logger = deps.logger.child({ channel: 'telegram' });
  const bot = createTelegramBot({ nabo, config, logger, clock, ...(config.updateLeaseMs ? { updateLeaseMs: config.updateLeaseMs } : {}) });
  try {
    await bot.init();
  } catch (err) {
    throw new Error(
      `Telegram did not accept the bot token or could not be reached (${err instanceof Error ? err.message : String(err)}). ` +
        `Check TELEGRAM_BOT_TOKEN${config.apiRoot ? ' and TELEGRAM_API_ROOT' : ''}.`,
      { cause: err },
    );
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
    mountWebhook(deps.http.server, { secret: config.webhook.secret, handle: (u, reply) => bot.handleUpdate(u, reply), logger, accepting: () => accepting });
    await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info('telegram webhook set', { bot: bot.botInfo.username });
  } else {
    polling = bot
      .start({ allowed_updates: [...ALLOWED_UPDATES], onStart: () => logger.info('telegram long polling', { bot: bot.botInfo.username }) })
      .catch((err: unknown) => {
        logger.error('telegram polling stopped', { err: err instanceof Error ? err : new Error(String(err)) });
      });
  }

  // The one core worker delivers every channel's messages (and runs the scheduler); this channel lends it a Messenger.
  const messenger = new TelegramMessenger(bot.api);
  nabo.outbox.register('telegram', messenger);

  return {
    bot,
    messenger,
    async stop() {
      // The webhook stays registered: other instances behind the load balancer keep receiving.
      accepting = false;
      clearInterval(pruneTimer);
      if (polling) {
        await bot.stop();
        await polling;
      }
    },
  };
}
