/**
 * Nabo's composition root: configuration → database (migrated, seeded) → services → HTTP server.
 * Channels (Telegram, Teams) attach here in later steps.
 */
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/database';
import { createLogger } from '../src/logging/logger';
import { describeSeed, seed } from '../src/bootstrap/seed';
import { systemClock } from '../src/time/clock';
import { startHttpServer } from './http/server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  if (database.applied.length) logger.info('migrations applied', { migrations: database.applied });
  const report = await seed(database.db, { planDir: config.planDir, demoCalendar: config.demoCalendar, clock: systemClock, logger });
  const http = await startHttpServer({ port: config.port, db: database.db, logger, provider: database.provider });
  const banner = [
    `Nabo is running on http://localhost:${http.port()} (GET /healthz)`,
    `Database: ${database.where}`,
    ...describeSeed(report, config.planDir),
  ];
  console.log(banner.join('\n'));
  const stop = async (signal: string): Promise<void> => {
    logger.info('stopping', { signal });
    await http.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
