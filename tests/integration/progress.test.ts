import type { TargetProgress } from '../../src/progress/progress-service';
import { parseCalendarDate } from '../../src/time/calendar-date';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

/** A target of the small plan's progress by its key. */
function target(
  p: { focusAreas: { activities: { targets: TargetProgress[]; subActivities: { targets: TargetProgress[] }[] }[] }[] },
  key: string,
): TargetProgress {
  const all = p.focusAreas.flatMap((f) => f.activities.flatMap((a) => [...a.targets, ...a.subActivities.flatMap((s) => s.targets)]));
  const t = all.find((x) => x.key === key);
  if (!t) throw new Error(`no target ${key}`);
  return t;
}

describeEachDatabase('progress', (ctx) => {
  // The small plan runs 2024-06-01..2028-05-31; TEST_NOW (2025-11-18) is in plan year 2 (2025-06-01..2026-05-31),
  // reporting period 2 of that year (2025-10-01..2026-01-31).
  beforeAll(async () => {
    const { services, planId, activityId, person } = ctx();
    const staff = await person('Staff', 'staff');
    const dinner = await activityId('faellesspisning');
    const log = (activity: string, date: string, participants: number, extra: Record<string, number | string> = {}) =>
      services.deliveries.log({ planId, activityId: activity, date: parseCalendarDate(date), participants, loggedById: staff, channel: 'console', ...extra });
    // Plan year 1: 2 dinners. Plan year 2: 4 dinners (one before and three in the current reporting period).
    await log(dinner, '2024-09-10', 30, { newParticipants: 30 });
    await log(dinner, '2025-03-10', 20, { newParticipants: 5 });
    await log(dinner, '2025-08-12', 28, { newParticipants: 10 });
    await log(dinner, '2025-10-07', 24);
    await log(dinner, '2025-10-14', 32);
    await log(dinner, '2025-11-11', 36, { newParticipants: 4 });
    const courses = await activityId('moedregrupper');
    await log(courses, '2025-09-01', 8, { kind: 'course', completed: 7, satisfied: 5, respondents: 8 });
    await log(courses, '2025-10-20', 6, { kind: 'course', completed: 4 });
    // A sub-activity's delivery counts towards its parent's targets.
    await log(await activityId('faedregruppe'), '2025-11-01', 4, { kind: 'course', completed: 4 });
    await log(await activityId('beboerambassadoerer'), '2025-07-01', 15, { kind: 'level' });
    await log(await activityId('beboerambassadoerer'), '2025-11-01', 18, { kind: 'level' });
    // An undone delivery counts for nothing.
    const undone = await log(dinner, '2025-11-12', 400);
    await services.deliveries.undo(undone.id, staff);
  });

  test('plan year: counts, averages, shares and levels computed from the registrations', async () => {
    const p = await ctx().services.progress.forPlan(ctx().planId, 'plan-year');
    expect(p.period).toMatchObject({ kind: 'plan-year', year: 2, label: '2025-06-01–2026-05-31' });
    // 171 of 365 days elapsed on 2025-11-18.
    expect(p.elapsed).toBeCloseTo(171 / 365, 3);
    const count = target(p, 'antal');
    expect(count).toMatchObject({ actual: 4, target: 40, status: 'behind' });
    expect(count.expected).toBeCloseTo((40 * 171) / 365, 1);
    expect(target(p, 'gennemsnit')).toMatchObject({ actual: 30, target: 25, status: 'achieved' });
    expect(target(p, 'unikke')).toMatchObject({ actual: 14, target: 100 });
    expect(target(p, 'forloeb')).toMatchObject({ actual: 3, target: 5, status: 'on_track' });
    // Completion: (7 + 4 + 4) of (8 + 6 + 4) = 83.3 %; satisfaction: 5 of 8 = 62.5 %.
    expect(target(p, 'gennemfoerer')).toMatchObject({ actual: 83.3, target: 80, status: 'achieved' });
    // 62.5 is below 75 but above 80 % of it (60): at risk rather than behind.
    expect(target(p, 'tilfredse')).toMatchObject({ actual: 62.5, target: 75, status: 'at_risk' });
    expect(target(p, 'niveau')).toMatchObject({ actual: 18, target: 17, status: 'achieved' });
    expect(target(p, 'oplevet')).toMatchObject({ actual: null, target: null, status: 'not_computable' });
    expect(p.status).toBe('behind');
    expect(p.counts).toEqual({ achieved: 3, on_track: 1, at_risk: 1, behind: 2, not_computable: 1 });
  });

  test("reporting period: counts read against the year to date, the period's own count beside; averages in the period", async () => {
    const p = await ctx().services.progress.forPlan(ctx().planId, 'reporting-period');
    expect(p.period).toMatchObject({ year: 2, part: 2, index: 5, label: '2025-10-01–2026-01-31' });
    // 3 dinners in the period, 4 in plan year 2 so far, of the year's 40; not "13.3 dinners".
    const count = target(p, 'antal');
    expect(count).toMatchObject({ inPeriod: 3, actual: 4, target: 40, basis: 'year-to-date', status: 'behind' });
    expect(count.expected).toBeCloseTo((40 * 171) / 365, 1);
    expect(target(p, 'gennemsnit')).toMatchObject({ basis: 'period' });
    expect(target(p, 'gennemsnit').actual).toBeCloseTo(30.7, 1);
  });

  test('a past reporting period next to the one before it, each judged at its end', async () => {
    const { services, planId } = ctx();
    const plan = await services.progress.plan(planId);
    const { reportingPeriodByIndex } = await import('../../src/progress/periods');
    const period = reportingPeriodByIndex(plan, 4);
    if (!period) throw new Error('no period 4');
    const { current, previous } = await services.progress.compare(planId, period);
    // Period 4 = 2025-06-01..2025-09-30: one dinner (2025-08-12); period 3 = 2025-02-01..2025-05-31: one dinner.
    expect(current.period.label).toBe('2025-06-01–2025-09-30');
    expect(target(current, 'antal')).toMatchObject({ inPeriod: 1, actual: 1, target: 40 });
    expect(current.elapsed).toBe(1);
    expect(previous?.period.label).toBe('2025-02-01–2025-05-31');
    // Year 1 to the end of period 3: both dinners of plan year 1.
    expect(previous && target(previous, 'antal')).toMatchObject({ inPeriod: 1, actual: 2, target: 40, expected: 40 });
  });

  test('the figures behind a target: events, attendances, unique, new and returning people, volunteers', async () => {
    const { services, planId } = ctx();
    const p = await services.progress.forPlan(planId, 'plan-year', { figures: true });
    // Plan year 2: dinners of 28, 24, 32, 36 (new 10 + 4 on deliveries without an event), no volunteers logged.
    expect(target(p, 'antal').figures).toEqual({ eventsHeld: 4, attendances: 120, unique: 14, newPeople: 14, returning: 0, volunteers: 0, volunteerHours: 0 });
    expect(target(p, 'oplevet')).toMatchObject({ status: 'not_computable', reason: 'survey' });
  });

  test('whole plan: whole-period targets and everything since the start', async () => {
    const p = await ctx().services.progress.forPlan(ctx().planId, 'whole-plan');
    expect(target(p, 'antal')).toMatchObject({ actual: 6, target: 160 });
    expect(target(p, 'unikke')).toMatchObject({ actual: 49, target: 300 });
    expect(target(p, 'gennemsnit').actual).toBeCloseTo(28.3, 1);
  });

  test('as of an earlier date only counts what was registered by then', async () => {
    const p = await ctx().services.progress.forPlan(ctx().planId, 'plan-year', parseCalendarDate('2025-10-10'));
    expect(target(p, 'antal').actual).toBe(2);
    expect(target(p, 'niveau').actual).toBe(15);
  });

  test('unique participants count people by pseudonymous id across events, once each', async () => {
    const { services, event, person, clock, activityId, planId } = ctx();
    const staff = await person('Staff', 'staff');
    const regulars = await Promise.all([person('R1'), person('R2'), person('R3')]);
    const before = target(await services.progress.forPlan(planId, 'plan-year'), 'unikke').actual ?? 0;
    for (let i = 0; i < 2; i++) {
      const startsAt = new Date(TEST_NOW.getTime() - (i + 1) * 86_400_000);
      const eventId = await event({ startsAt });
      await services.attendance.take({
        eventId,
        marks: regulars.map((personId) => ({ personId, attended: true })),
        walkIns: 0,
        markedById: staff,
        channel: 'teams',
      });
    }
    clock.set(TEST_NOW);
    const after = await services.progress.forActivity(await activityId('faellesspisning'), 'plan-year');
    expect(target(after.plan, 'unikke').actual).toBe(before + 3);
    expect(after.activity.key).toBe('faellesspisning');
  });
});
