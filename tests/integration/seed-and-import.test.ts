import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config';
import { DEMO_PLAN_KEY } from '../../src/plan-data/demo-calendar';
import { loadPlanFile } from '../../src/plan-data/plan-loader';
import { importPlan } from '../../src/plan-data/plan-importer';
import { describeSeed, seed } from '../../src/bootstrap/seed';
import { createServices } from '../../src/services';
import { silentLogger } from '../../src/logging/logger';
import { FixedClock } from '../../src/time/clock';
import { parseCalendarDate } from '../../src/time/calendar-date';
import { createTestDatabase, testProviders } from '../support/test-database';

const planDir = join(PROJECT_ROOT, 'prisma', 'plans');
const NOW = new Date('2026-11-22T10:00:00Z');

for (const provider of testProviders()) {
  describe(`first start and plan import [${provider}]`, () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    const clock = new FixedClock(NOW);
    beforeAll(async () => {
      database = await createTestDatabase(provider);
    });
    afterAll(async () => database.destroy());

    test('a new database gets the shipped plans and a clearly marked demo calendar', async () => {
      const report = await seed(database.db, { planDir, demoCalendar: true, clock, logger: silentLogger });
      expect(report.imported).toEqual(['randers-nordby-2013-17.json', 'randers-nordby-2017-21.json', 'randers-nordby-2021-25.json']);
      expect(report.demo).toBe('created');
      const lines = describeSeed(report, planDir);
      expect(lines.join('\n')).toContain('001_49da9f1d2f304679.txt');
      expect(lines.join('\n')).toContain('[DEMO]');
      const demo = await database.db.plan.findUniqueOrThrow({ where: { key: DEMO_PLAN_KEY } });
      expect(demo.isDemo).toBe(true);
      expect(demo.name.startsWith('DEMO')).toBe(true);
      // Today falls in the demo plan's second plan year.
      expect(demo.startDate).toEqual(parseCalendarDate('2025-06-01'));
      const services = createServices(database.db, clock);
      expect((await services.catalogue.currentPlan()).key).toBe(DEMO_PLAN_KEY);
      const dinners = await services.catalogue.upcomingEvents({ text: 'fællesspisning', to: new Date(NOW.getTime() + 8 * 86_400_000) }, 'da');
      expect(new Set(dinners.map((e) => e.location?.name))).toEqual(new Set(['ParkCafeen', 'Vangdalen', 'Glarbjergvejområdet']));
      expect(dinners.every((e) => e.isDemo && e.capacity !== null && e.startsAt > NOW)).toBe(true);
      const slots = await services.appointments.freeSlots({ to: new Date(NOW.getTime() + 42 * 86_400_000), limit: 100 });
      expect(slots.length).toBeGreaterThan(10);
      expect(slots.some((s) => s.counsellor === 'BRF Kredit')).toBe(true);
      const progress = await services.progress.forPlan(demo.id, 'plan-year');
      expect(progress.counts.not_computable).toBeLessThan(Object.values(progress.counts).reduce((a, b) => a + b, 0));
    });

    test('starting again imports nothing twice; turning the demo off removes it and only it', async () => {
      const plansBefore = await database.db.plan.count();
      const again = await seed(database.db, { planDir, demoCalendar: true, clock, logger: silentLogger });
      expect(again).toMatchObject({ imported: [], demo: 'kept' });
      expect(await database.db.plan.count()).toBe(plansBefore);
      const off = await seed(database.db, { planDir, demoCalendar: false, clock, logger: silentLogger });
      expect(off.demo).toBe('removed');
      expect(await database.db.plan.findUnique({ where: { key: DEMO_PLAN_KEY } })).toBeNull();
      expect(await database.db.event.count({ where: { isDemo: true } })).toBe(0);
      expect(await database.db.plan.count()).toBe(plansBefore - 1);
      expect(await database.db.delivery.count({ where: { isHistorical: true } })).toBeGreaterThan(0);
    });

    test('re-importing a plan updates it in place and keeps what people registered', async () => {
      const file = loadPlanFile(join(planDir, 'randers-nordby-2017-21.json'));
      const plan = await database.db.plan.findUniqueOrThrow({ where: { key: file.key } });
      const activity = await database.db.activity.findFirstOrThrow({ where: { planId: plan.id, key: 'faellesspisning' } });
      const services = createServices(database.db, new FixedClock(new Date('2019-03-01T12:00:00Z')));
      const staff = await services.people.identify({ channel: 'console', externalId: 'staff-1', role: 'staff' });
      await services.deliveries.log({
        planId: plan.id,
        activityId: activity.id,
        date: parseCalendarDate('2019-02-28'),
        participants: 31,
        loggedById: staff.id,
        channel: 'console',
      });
      const changed = structuredClone(file);
      changed.name = 'Helhedsplan Randers Nordby 2017-21 (rev.)';
      const counts = {
        activities: await database.db.activity.count({ where: { planId: plan.id } }),
        targets: await database.db.target.count({ where: { activity: { planId: plan.id } } }),
      };
      const s = await importPlan(database.db, changed);
      expect(s.planId).toBe(plan.id);
      expect((await database.db.plan.findUniqueOrThrow({ where: { id: plan.id } })).name).toContain('(rev.)');
      expect(await database.db.activity.count({ where: { planId: plan.id } })).toBe(counts.activities);
      expect(await database.db.target.count({ where: { activity: { planId: plan.id } } })).toBe(counts.targets);
      expect(await database.db.delivery.count({ where: { activityId: activity.id, isHistorical: false } })).toBe(1);
    });
  });
}
