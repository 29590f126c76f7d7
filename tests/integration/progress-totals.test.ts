/**
 * Progress kept on write (src/progress/progress-totals.ts): after many deliveries, corrections,
 * deletions, attendances, status changes and moved or deleted events, written straight to the
 * database as any code path would, the kept rows equal a rebuild from scratch, and progress read
 * from them equals progress counted live, for every standard period and as of days inside them.
 */
import { rebuildAllTotals, keptRows, rebuildPlanTotals } from '../../src/progress/progress-totals';
import { computeProgress } from '../../src/progress/progress-compute';
import { periodOf, planYearPeriod, reportingPeriodByIndex, wholePlanPeriod, type Period } from '../../src/progress/periods';
import { planRowFromSnapshot, readPlanRow } from '../../src/progress/plan-row';
import { planDataCache } from '../../src/cache/plan-data-cache';
import { addDays, copenhagenInstant, parseCalendarDate } from '../../src/time/calendar-date';
import { describeEachDatabase } from '../support/test-context';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describeEachDatabase('progress kept on write', (ctx) => {
  const PLAN_START = parseCalendarDate('2024-06-01');
  let activities: string[] = [];

  beforeAll(async () => {
    const { database, planId, person } = ctx();
    const db = database.db;
    const rand = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const day = (): Date => addDays(PLAN_START, Math.floor(rand() * 700));
    activities = (await db.activity.findMany({ where: { planId }, select: { id: true } })).map((a) => a.id);
    const people: string[] = [];
    for (let i = 0; i < 12; i++) people.push(await person(`P${i}`));

    // Events with attendance, some people at many events (returning), some once.
    const events: string[] = [];
    for (let i = 0; i < 40; i++) {
      const startsAt = copenhagenInstant(day(), 17, 30);
      const e = await db.event.create({ data: { activityId: pick(activities), startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000), capacity: 30 } });
      events.push(e.id);
      const came = people.filter(() => rand() < 0.4);
      for (const p of came) await db.attendance.create({ data: { eventId: e.id, personId: p, status: rand() < 0.85 ? 'attended' : 'no_show' } });
      if (rand() < 0.7) {
        await db.delivery.create({
          data: {
            activityId: e.activityId,
            eventId: e.id,
            date: day(),
            participants: came.length,
            newParticipants: 2,
            volunteers: 2,
            volunteerHours: 3.5,
            channel: 'test',
          },
        });
      }
    }
    // Deliveries without events, of every kind, some with completion and satisfaction.
    const deliveries: string[] = [];
    for (let i = 0; i < 60; i++) {
      const kind = pick(['event', 'course', 'session', 'level', 'outreach']);
      const d = await db.delivery.create({
        data: {
          activityId: pick(activities),
          date: day(),
          kind,
          occurrences: 1 + Math.floor(rand() * 3),
          participants: Math.floor(rand() * 30),
          newParticipants: rand() < 0.5 ? Math.floor(rand() * 10) : null,
          completed: kind === 'course' ? Math.floor(rand() * 8) : null,
          satisfied: rand() < 0.3 ? Math.floor(rand() * 8) : null,
          respondents: rand() < 0.2 ? 9 : null,
          volunteers: rand() < 0.5 ? 3 : null,
          volunteerHours: rand() < 0.5 ? Math.round(rand() * 100) / 10 : null,
          channel: 'test',
        },
      });
      deliveries.push(d.id);
    }
    await db.delivery.createMany({
      data: Array.from({ length: 15 }, () => ({ activityId: pick(activities), date: day(), participants: 5, newParticipants: 1, channel: 'test' })),
    });

    // Corrections: soft deletes, undeletes, moved dates (across period ends), changed kinds and counts, hard deletes.
    for (const id of deliveries.slice(0, 10)) await db.delivery.update({ where: { id }, data: { deletedAt: new Date() } });
    await db.delivery.update({ where: { id: deliveries[0] as string }, data: { deletedAt: null } });
    for (const id of deliveries.slice(10, 20)) await db.delivery.update({ where: { id }, data: { date: day(), participants: 17, kind: 'event' } });
    for (const id of deliveries.slice(20, 25)) await db.delivery.update({ where: { id }, data: { activityId: pick(activities), completed: 3 } });
    await db.delivery.deleteMany({ where: { id: { in: deliveries.slice(25, 30) } } });

    // Attendance changes: a no-show after all, an attendance withdrawn, an event moved, an event of another activity, an event deleted.
    const attended = await db.attendance.findMany({ where: { status: 'attended' }, take: 8, orderBy: { id: 'asc' } });
    for (const a of attended.slice(0, 3)) await db.attendance.update({ where: { id: a.id }, data: { status: 'no_show' } });
    for (const a of attended.slice(3, 5)) await db.attendance.delete({ where: { id: a.id } });
    const noShows = await db.attendance.findMany({ where: { status: 'no_show' }, take: 2, orderBy: { id: 'desc' } });
    for (const a of noShows) await db.attendance.update({ where: { id: a.id }, data: { status: 'attended' } });
    for (const id of events.slice(0, 4)) await db.event.update({ where: { id }, data: { startsAt: copenhagenInstant(day(), 10) } });
    await db.event.update({ where: { id: events[4] as string }, data: { activityId: pick(activities) } });
    await db.event.update({ where: { id: events[4] as string }, data: { title: 'only a new title' } });
    await db.event.deleteMany({ where: { id: { in: events.slice(5, 8) } } });
  }, 120_000);

  test('the kept rows equal a rebuild from scratch', async () => {
    const { database, planId } = ctx();
    const kept = await keptRows(database.db, planId);
    expect(kept.totals.length).toBeGreaterThan(20);
    expect(kept.firsts.length).toBeGreaterThan(20);
    await rebuildPlanTotals(database.db, planId);
    const rebuilt = await keptRows(database.db, planId);
    expect(kept.totals).toEqual(rebuilt.totals);
    expect(kept.firsts).toEqual(rebuilt.firsts);
    expect(kept.counts.length).toBeGreaterThan(5);
    expect(kept.counts).toEqual(rebuilt.counts);
    // And the command's own comparison says the same.
    expect(await rebuildAllTotals(database.db)).toEqual({ plans: 1, differing: 0 });
  });

  test('progress read from the kept rows equals progress counted live, for every standard period and as of days inside them', async () => {
    const { database, planId } = ctx();
    const db = database.db;
    const plan = await readPlanRow(db, planId);
    const periods: [Period, Date][] = [];
    const whole = wholePlanPeriod(plan);
    periods.push([whole, addDays(whole.toExclusive, -1)], [whole, parseCalendarDate('2025-03-03')]);
    for (const y of [1, 2]) {
      const p = planYearPeriod(plan, y) as Period;
      periods.push([p, addDays(p.toExclusive, -1)], [p, addDays(p.from, 100)], [p, p.from]);
    }
    for (const i of [1, 2, 4, 6]) {
      const p = reportingPeriodByIndex(plan, i) as Period;
      periods.push([p, addDays(p.toExclusive, -1)], [p, addDays(p.from, 40)]);
    }
    periods.push([periodOf(plan, 'plan-year', parseCalendarDate('2026-01-10')), parseCalendarDate('2026-01-10')]);
    let nonZero = 0;
    let levels = 0;
    let fractionalHours = 0;
    for (const [period, on] of periods) {
      for (const figures of [false, true]) {
        const kept = await computeProgress(db, plan, period, on, { figures });
        const live = await computeProgress(db, plan, period, on, { figures, live: true });
        expect({ period: period.label, on, figures, progress: kept }).toEqual({ period: period.label, on, figures, progress: live });
        nonZero += JSON.stringify(kept).match(/"actual":[1-9]/g)?.length ?? 0;
        const targets = kept.focusAreas.flatMap((f) => f.activities.flatMap((a) => [a, ...a.subActivities]));
        levels += targets.flatMap((a) => a.targets).filter((t) => t.kind === 'level_maintained' && t.actual !== null).length;
        fractionalHours += targets.filter((a) => !Number.isInteger(a.volunteers.hours)).length;
      }
    }
    // The comparison is over real figures, not zeros on both sides: levels read with the sums, and
    // hours with decimals (an integer column type taken from a first row would cut them).
    expect(nonZero).toBeGreaterThan(20);
    expect(levels).toBeGreaterThan(0);
    expect(fractionalHours).toBeGreaterThan(0);
  });

  test('a delivery, its correction and its deletion move the kept figures at once', async () => {
    const { database, planId } = ctx();
    const db = database.db;
    const activityId = activities[0] as string;
    const anchor = `${planId}:whole-plan:2024-06-01`;
    const total = async (): Promise<number> =>
      (await db.deliveryTotal.findMany({ where: { anchorId: anchor, activityId } })).reduce((s, t) => s + t.participants, 0);
    const before = await total();
    const d = await db.delivery.create({ data: { activityId, date: parseCalendarDate('2025-02-02'), participants: 1000, channel: 'test' } });
    expect(await total()).toBe(before + 1000);
    await db.delivery.update({ where: { id: d.id }, data: { participants: 10 } });
    expect(await total()).toBe(before + 10);
    await db.delivery.update({ where: { id: d.id }, data: { deletedAt: new Date() } });
    expect(await total()).toBe(before);
  });

  test('a rebuild puts right what was written around the triggers, and says how much it changed', async () => {
    const { database, planId } = ctx();
    const db = database.db;
    const right = await keptRows(db, planId);
    await db.$executeRaw`UPDATE "DeliveryTotal" SET "participants" = "participants" + 999 WHERE "anchorId" = ${`${planId}:whole-plan:2024-06-01`}`;
    await db.$executeRaw`DELETE FROM "AttendeeFirst" WHERE "anchorId" = ${`${planId}:plan-year:2024-06-01`}`;
    const tampered = await keptRows(db, planId);
    expect(tampered).not.toEqual(right);
    const { plans, differing } = await rebuildAllTotals(db);
    expect(plans).toBe(1);
    expect(differing).toBeGreaterThan(10);
    expect(await keptRows(db, planId)).toEqual(right);
  });

  test('the plan progress reads from the plan-data snapshot is the plan read with SQL', async () => {
    const { database, planId } = ctx();
    const fromSnapshot = planRowFromSnapshot(await planDataCache(database.db).snapshot(), planId);
    expect(fromSnapshot).toEqual(await readPlanRow(database.db, planId));
    expect(fromSnapshot?.activities.some((a) => a.parentId !== null)).toBe(true);
    expect(planRowFromSnapshot(await planDataCache(database.db).snapshot(), 'no-such-plan')).toBeNull();
  });
});
