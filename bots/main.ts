/**
 * Nabo's server: configuration → core (database migrated and seeded, services, engine) → HTTP.
 * Channel adapters (Telegram, Teams) mount their routes on the same server.
 */
// First: V8 settings that must be in place before modules load and the heap grows (see the file).
import './start/v8-flags';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { systemClock } from '../src/time/clock';
import { startRetention } from '../src/retention/retention-job';
import { createNabo } from './composition';
import { listenHost, startHttpServer } from './http/server';
import { stopGracefully } from './shutdown';
import { loadTelegramConfig, startTelegram, WEBHOOK_PATH } from './telegram';
import { mountMediaRoute } from './telegram/media-route';
import { loadTeamsConfig, startTeams } from './teams';

async function main(): Promise<void> {
  const config = loadConfig();
  const telegramConfig = loadTelegramConfig(process.env);
  const teamsConfig = loadTeamsConfig(process.env);
  const logger = createLogger(config.logLevel);
  const nabo = await createNabo(config, systemClock, logger);
  const host = listenHost(config.host, Boolean(teamsConfig.appId));
  const http = await startHttpServer({
    port: config.port,
    host,
    db: nabo.database.db,
    logger,
    provider: nabo.database.provider,
    metrics: nabo.metrics,
    metricsToken: config.metricsToken,
  });
  // A channel that cannot start (a wrong token, Telegram unreachable) must not stop the others.
  const telegram = telegramConfig
    ? await startTelegram({ nabo, http, config: telegramConfig, logger, clock: systemClock }).catch((err: unknown) => {
        logger.error('telegram not started', { err: err instanceof Error ? err : new Error(String(err)) });
        return null;
      })
    : null;
  // The core worker prompts each staff member to take attendance; the channel post would repeat it.
  const teams = startTeams({ nabo, http, config: teamsConfig, logger, clock: systemClock });
  // Staff open a resident's voice message or photo through a short-lived signed link (bytes stay with Telegram).
  if (telegram && telegramConfig) {
    mountMediaRoute(http.server, {
      media: nabo.services.handoverMedia,
      api: telegram.bot.api,
      token: telegramConfig.token,
      apiRoot: telegramConfig.apiRoot,
      secret: teamsConfig.tabSecret,
      clock: systemClock,
      logger,
    });
  }
  // One worker delivers reminders, offers and notices for every channel (on SQLite: this instance only).
  nabo.outbox.start();
  // Personal data kept no longer than the README's privacy section says (src/retention).
  const retention = startRetention({
    db: nabo.database.db,
    clock: systemClock,
    people: nabo.services.people,
    config: config.retention,
    logger: logger.child({ part: 'retention' }),
  });
  console.log(
    [
      `Nabo is running on http://localhost:${http.port()} (GET /healthz), listening on ${host}${config.host ? '' : teamsConfig.appId ? '' : ' only (set HOST=0.0.0.0 to open it)'}`,
      `Database: ${nabo.database.where}`,
      ...nabo.seedLines,
      !telegramConfig
        ? 'Telegram: off (set TELEGRAM_BOT_TOKEN to turn it on)'
        : !telegram
          ? 'Telegram: failed to start (see the log)'
          : telegramConfig.webhook
            ? `Telegram: webhook POST ${WEBHOOK_PATH}`
            : 'Telegram: long polling',
      `Teams: POST /api/messages (${teamsConfig.appId ? 'Bot Framework authentication' : 'UNAUTHENTICATED – local use only'}), ` +
        `dashboard ${teamsConfig.publicUrl ?? `http://localhost:${http.port()}`}/tab`,
      'Talk to Nabo in a terminal: npm run chat -- --role resident --lang da',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    // A second signal while stopping (an impatient Ctrl-C) ends at once.
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('stopping', { signal });
    retention.stop();
    try {
      await stopGracefully({ http, channels: [telegram, teams], nabo, logger });
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error('stop failed', { err: err instanceof Error ? err : new Error(String(err)) });
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
