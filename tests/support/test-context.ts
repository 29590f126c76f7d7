/**
 * One integration-test world: a real database (SQLite or PostgreSQL), the services on a fixed
 * clock, the small plan imported, and helpers to create people and events.
 */
import type { Database, Provider } from '../../src/database/database';
import { importPlan } from '../../src/plan-data/plan-importer';
import type { PlanFile } from '../../src/plan-data/plan-file';
import { createServices, type Services } from '../../src/services';
import { FixedClock } from '../../src/time/clock';
import { SMALL_PLAN } from '../fixtures/small-plan';
import { createTestDatabase, testProviders } from './test-database';

/** "Now" in every integration test: Tuesday 2025-11-18 12:00 Copenhagen (plan year 2 of the small plan). */
export const TEST_NOW = new Date('2025-11-18T11:00:00Z');

export interface TestContext {
  database: Database & { destroy(): Promise<void> };
  services: Services;
  clock: FixedClock;
  planId: string;
  activityId(key: string): Promise<string>;
  person(name?: string, role?: 'resident' | 'staff' | 'coordinator'): Promise<string>;
  event(opts?: { activity?: string; capacity?: number | null; startsAt?: Date; hours?: number; location?: string }): Promise<string>;
}

let counter = 0;

export async function createTestContext(provider: Provider, plan: PlanFile = SMALL_PLAN): Promise<TestContext> {
  const database = await createTestDatabase(provider);
  const clock = new FixedClock(TEST_NOW);
  const services = createServices(database.db, clock);
  const { planId } = await importPlan(database.db, plan);
  const db = database.db;
  const activityId = async (key: string): Promise<string> => (await db.activity.findUniqueOrThrow({ where: { planId_key: { planId, key } } })).id;
  return {
    database,
    services,
    clock,
    planId,
    activityId,
    person: async (name = 'Amina', role = 'resident') => {
      const who = {
        channel: 'console' as const,
        externalId: `test-${++counter}-${Math.random()
          .toString(36)
          .replace(/[^a-z]/g, '')}`,
        firstName: name,
        role,
      };
      const p = await services.people.identify(who);
      if (role !== 'resident') return p.id;
      // A resident's name is kept once they have consented, from their next message.
      await services.people.setConsent(p.id, true);
      return (await services.people.identify(who)).id;
    },
    event: async (opts = {}) => {
      const startsAt = opts.startsAt ?? new Date(TEST_NOW.getTime() + 2 * 86_400_000);
      const location = opts.location ? await db.location.findUnique({ where: { key: opts.location } }) : null;
      const e = await db.event.create({
        data: {
          activityId: await activityId(opts.activity ?? 'faellesspisning'),
          startsAt,
          endsAt: new Date(startsAt.getTime() + (opts.hours ?? 2) * 3_600_000),
          capacity: opts.capacity === undefined ? 40 : opts.capacity,
          locationId: location?.id ?? null,
        },
      });
      return e.id;
    },
  };
}

/** Runs a describe block once per configured database, each with its own fresh context. */
export function describeEachDatabase(name: string, body: (ctx: () => TestContext) => void): void {
  for (const provider of testProviders()) {
    describe(`${name} [${provider}]`, () => {
      let context: TestContext | undefined;
      beforeAll(async () => {
        context = await createTestContext(provider);
      });
      afterAll(async () => {
        await context?.database.destroy();
      });
      body(() => {
        if (!context) throw new Error('test context not ready');
        return context;
      });
    });
  }
}
