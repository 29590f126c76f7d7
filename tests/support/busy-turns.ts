/**
 * The world the busy turns are measured in (statement counts, the bench's storage floor): the small
 * plan imported, two dinners at ParkCafeen two and four days after TEST_NOW, and an engine on it
 * whose missing translations fail loudly.
 */
import { ConversationEngine } from '../../src/conversation/engine';
import { StateStore } from '../../src/conversation/state-store';
import type { Db } from '../../src/database/database';
import { FLOWS } from '../../src/flows';
import { Translations } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { understand } from '../../src/nlu/reader';
import { importPlan } from '../../src/plan-data/plan-importer';
import { createServices } from '../../src/services';
import { FixedClock } from '../../src/time/clock';
import { SMALL_PLAN } from '../fixtures/small-plan';
import { TEST_NOW } from './test-context';

const DAY = 86_400_000;

/** Imports the small plan, adds the two dinners with `capacity` places and returns an engine on `db`. */
export async function busyTurnWorld(db: Db, capacity: number): Promise<ConversationEngine> {
  const clock = new FixedClock(TEST_NOW);
  const services = createServices(db, clock);
  const { planId } = await importPlan(db, SMALL_PLAN);
  const activity = await db.activity.findUniqueOrThrow({ where: { planId_key: { planId, key: 'faellesspisning' } } });
  const location = await db.location.findUniqueOrThrow({ where: { key: 'parkcafeen' } });
  for (const days of [2, 4]) {
    const startsAt = new Date(TEST_NOW.getTime() + days * DAY);
    await db.event.create({
      data: { activityId: activity.id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), capacity, locationId: location.id },
    });
  }
  const translations = new Translations(undefined, (lang, key) => {
    throw new Error(`missing translation ${lang} ${key}`);
  });
  return new ConversationEngine({ services, translations, clock, logger: silentLogger, understand, flows: FLOWS, stateStore: new StateStore(db) });
}
