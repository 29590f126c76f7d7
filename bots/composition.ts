/**
 * Builds Nabo from configuration: database (migrated, seeded), services, translations and the
 * conversation engine. Every entry point (server, console) uses this one wiring.
 */
import type { Config } from '../src/config/config';
import { openDatabase, type Database } from '../src/database/database';
import type { Logger } from '../src/logging/logger';
import { describeSeed, seed } from '../src/bootstrap/seed';
import { copySeedTemplate } from '../src/bootstrap/seed-template';
import { createServices, type Services } from '../src/services';
import { listenOnPostgres } from '../src/cache/change-feed';
import { Translations } from '../src/i18n/i18n';
import { ConversationEngine } from '../src/conversation/engine';
import { StateStore } from '../src/conversation/state-store';
import { FLOWS } from '../src/flows';
import { understand } from '../src/nlu/reader';
import type { Clock } from '../src/time/clock';
import type { MessagingConfig } from '../src/outbox/config';
import { OutboxWorker } from '../src/outbox/worker';
import { OutboxRenderer } from '../src/outbox/render';
import { OutboxScheduler } from '../src/outbox/scheduler';
import { PrometheusMetrics } from './metrics/prometheus-metrics';
import { allTurnMetrics, TurnsInFlight } from './metrics/turns-in-flight';

/** A running Nabo core. */
export interface Nabo {
  database: Database;
  services: Services;
  translations: Translations;
  engine: ConversationEngine;
  messaging: MessagingConfig;
  /** Delivers the outbox through the channels that register a Messenger; started by the server. */
  outbox: OutboxWorker;
  /** Turns, sign-ups and the outbox backlog for GET /metrics, fed by the engine and the services. */
  metrics: PrometheusMetrics;
  /** Turns being handled, which a graceful stop waits for. */
  turnsInFlight: TurnsInFlight;
  /** Lines for the start banner about the plan data. */
  seedLines: string[];
  close(): Promise<void>;
}

export async function createNabo(config: Config, clock: Clock, logger: Logger): Promise<Nabo> {
  // A first start on SQLite begins from the build's migrated and seeded template when it matches.
  const fromTemplate = config.database.provider === 'sqlite' ? copySeedTemplate(config.database.file, config.planDir) : null;
  if (fromTemplate) logger.info('database created from the build template', { plans: fromTemplate });
  const database = await openDatabase(config.database);
  if (database.applied.length) logger.info('migrations applied', { migrations: database.applied });
  const report = await seed(database.db, { planDir: config.planDir, demoCalendar: config.demoCalendar, clock, logger, fromTemplate });
  const messaging = config.messaging;
  const metrics = new PrometheusMetrics({ db: database.db, clock, logger });
  const turnsInFlight = new TurnsInFlight();
  const services = createServices(database.db, clock, messaging, metrics);
  // Several instances on one PostgreSQL: cached plan data is dropped when another one (or plan:import) changes it.
  const stopListening = config.database.provider === 'postgresql' ? await listenOnPostgres(database.db, config.database.url, logger) : async () => undefined;
  const translations = new Translations(undefined, (lang, key) => logger.error('missing translation', { lang, key }));
  const engine = new ConversationEngine({
    services,
    translations,
    clock,
    logger,
    understand,
    flows: FLOWS,
    stateStore: new StateStore(database.db),
    metrics: allTurnMetrics(metrics, turnsInFlight),
  });
  const outbox = new OutboxWorker({
    db: database.db,
    provider: database.provider,
    clock,
    logger: logger.child({ part: 'outbox' }),
    renderer: new OutboxRenderer({ db: database.db, translations, catalogue: services.catalogue, signUps: services.signUps }),
    scheduler: new OutboxScheduler({ db: database.db, clock, logger, offers: services.offers, config: messaging }),
    quietHours: messaging.quietHours,
  });
  return {
    database,
    services,
    translations,
    engine,
    messaging,
    outbox,
    metrics,
    turnsInFlight,
    seedLines: describeSeed(report, config.planDir),
    close: async () => {
      await outbox.stop();
      await stopListening();
      await database.close();
    },
  };
}
