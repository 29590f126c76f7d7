/**
 * Builds Nabo from configuration: database (migrated, seeded), services, translations and the
 * conversation engine. Every entry point (server, console) uses this one wiring.
 */
import type { Config } from '../src/config/config';
import { openDatabase, type Database } from '../src/database/database';
import type { Logger } from '../src/logging/logger';
import { describeSeed, seed } from '../src/bootstrap/seed';
import { createServices, type Services } from '../src/services';
import { Translations } from '../src/i18n/i18n';
import { ConversationEngine } from '../src/conversation/engine';
import { StateStore } from '../src/conversation/state-store';
import { FLOWS } from '../src/flows';
import { understand } from '../src/nlu/reader';
import type { Clock } from '../src/time/clock';

/** A running Nabo core. */
export interface Nabo {
  database: Database;
  services: Services;
  translations: Translations;
  engine: ConversationEngine;
  /** Lines for the start banner about the plan data. */
  seedLines: string[];
  close(): Promise<void>;
}

export async function createNabo(config: Config, clock: Clock, logger: Logger): Promise<Nabo> {
  const database = await openDatabase(config.database);
  if (database.applied.length) logger.info('migrations applied', { migrations: database.applied });
  const report = await seed(database.db, { planDir: config.planDir, demoCalendar: config.demoCalendar, clock, logger });
  const services = createServices(database.db, clock);
  const translations = new Translations(undefined, (lang, key) => logger.error('missing translation', { lang, key }));
  const engine = new ConversationEngine({ services, translations, clock, logger, understand, flows: FLOWS, stateStore: new StateStore(database.db) });
  return { database, services, translations, engine, seedLines: describeSeed(report, config.planDir), close: () => database.close() };
}
