/**
 * The plan-data cache never serves plan data that changed: through this instance's own import (at
 * once), through another instance or the `plan:import` command line (PostgreSQL: by NOTIFY; SQLite:
 * another connection's commit moves PRAGMA data_version, seen in the next turn's first statement),
 * and it is read once, not per turn, while nothing changes.
 */
import { listenOnPostgres } from '../../src/cache/change-feed';
import { planDataCache } from '../../src/cache/plan-data-cache';
import { openDatabase, type Database } from '../../src/database/database';
import { silentLogger } from '../../src/logging/logger';
import type { PlanFile } from '../../src/plan-data/plan-file';
import { importPlan } from '../../src/plan-data/plan-importer';
import { syncPlan } from '../../src/plan-data/plan-sync';
import { createServices, type Services } from '../../src/services';
import { FixedClock } from '../../src/time/clock';
import { SMALL_PLAN } from '../fixtures/small-plan';
import { createTestDatabase, testProviders } from '../support/test-database';
import { TEST_NOW } from '../support/test-context';

/** The small plan with the dinner's English title and the first area's name changed. */
function renamed(title: string, area: string): PlanFile {
  return {
    ...SMALL_PLAN,
    housingAreas: SMALL_PLAN.housingAreas.map((a, i) => (i === 0 ? { ...a, name: area } : a)),
    focusAreas: SMALL_PLAN.focusAreas.map((f) => ({
      ...f,
      activities: f.activities.map((a) => (a.key === 'faellesspisning' ? { ...a, titles: { ...a.titles, en: title } } : a)),
    })),
  };
}

async function dinnerTitle(services: Services): Promise<string | undefined> {
  return (await services.catalogue.findActivities({ category: 'dinner' }, 'en'))[0]?.title;
}

async function eventually(read: () => Promise<unknown>, expected: unknown, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const got = await read();
    if (got === expected || Date.now() > until) return expect(got).toBe(expected);
    await new Promise((r) => setTimeout(r, 25));
  }
}

for (const provider of testProviders()) {
  describe(`plan-data cache [${provider}]`, () => {
    let first: Database & { destroy(): Promise<void>; url?: string };
    let second: Database;
    let a: Services;
    let b: Services;
    const stops: (() => Promise<void>)[] = [];

    beforeEach(async () => {
      first = await createTestDatabase(provider);
      // A second client on the same database: another instance, or another process (plan:import).
      const file = provider === 'sqlite' ? first.where.replace(/^SQLite file /, '') : '';
      second = await openDatabase(provider === 'sqlite' ? { provider, file } : { provider, url: first.url as string });
      const clock = new FixedClock(TEST_NOW);
      a = createServices(first.db, clock);
      b = createServices(second.db, clock);
      await importPlan(first.db, SMALL_PLAN);
      if (provider === 'postgresql') {
        stops.push(await listenOnPostgres(first.db, first.url as string, silentLogger));
        stops.push(await listenOnPostgres(second.db, first.url as string, silentLogger));
      }
    });

    afterEach(async () => {
      for (const stop of stops.splice(0)) await stop();
      await second.close();
      await first.destroy();
    });

    test('read once while nothing changes, and again at once after this instance imports', async () => {
      const cache = planDataCache(first.db);
      expect(await dinnerTitle(a)).toBe('Communal dinner');
      const loads = cache.loads;
      for (let i = 0; i < 5; i++) await a.catalogue.findActivities({}, 'en');
      expect(cache.loads).toBe(loads);
      const result = await syncPlan(first.db, renamed('Shared supper', 'Jennum Nord'));
      expect(result.status).toBe('imported');
      expect(await dinnerTitle(a)).toBe('Shared supper');
      expect((await a.areas.areas((await a.catalogue.currentPlan()).id)).map((x) => x.name)).toContain('Jennum Nord');
    });

    test('an import through the other instance (or the command line) reaches this one', async () => {
      expect(await dinnerTitle(a)).toBe('Communal dinner');
      const planId = (await a.catalogue.currentPlan()).id;
      expect((await a.areas.lookup(planId, 'Husarvej 3')).area?.name).toBe('Gl. Jennumparken');
      expect(await dinnerTitle(b)).toBe('Communal dinner');
      await syncPlan(second.db, renamed('Neighbours’ dinner', 'Jennum Syd'));
      // The other instance imported: it sees its own change at once.
      expect(await dinnerTitle(b)).toBe('Neighbours’ dinner');
      if (provider === 'sqlite') {
        // Until this instance's next turn it has not looked; its first statement notices the write.
        await a.people.identify({ channel: 'telegram', externalId: 'cache-test' });
        await a.people.identify({ channel: 'telegram', externalId: 'cache-test' });
      }
      await eventually(() => dinnerTitle(a), 'Neighbours’ dinner');
      expect((await a.areas.lookup(planId, 'Husarvej 3')).area?.name).toBe('Jennum Syd');
    });

    test('a read outside any turn (the dashboard, the outbox) sees another process’s import too', async () => {
      expect(await dinnerTitle(a)).toBe('Communal dinner');
      // SQLite: such a read checks data_version itself once the last look is this old (5 s in production).
      planDataCache(first.db).versionFreshMs = 0;
      await syncPlan(second.db, renamed('Dinner together', 'Jennum Vest'));
      await eventually(() => dinnerTitle(a), 'Dinner together');
    });
  });
}
