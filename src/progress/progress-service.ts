/**
 * Progress of a plan: for each target its actual value as of a date, the target for the period,
 * the value expected by then and a status, rolled up per activity, focus area and plan. Periods:
 * the plan year, the 4-month reporting period, or the whole plan.
 */
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import type { TargetKind } from '../plan-data/plan-file';
import { addDays, copenhagenDate, copenhagenInstant } from '../time/calendar-date';
import type { Clock } from '../time/clock';
import { periodOf, planYears, type Period, type PeriodKind } from './periods';
import { deliverySums, distinctAttendees, latestLevels, type DeliverySums, type Range } from './progress-queries';
import { expectedValue, statusOf, targetForPeriod, worstStatus, STATUSES, type ProgressStatus } from './target-evaluation';

/** One target's progress. */
export interface TargetProgress {
  id: string;
  key: string;
  text: string;
  kind: TargetKind;
  unit: string;
  dataSource: string;
  target: number | null;
  actual: number | null;
  expected: number | null;
  status: ProgressStatus;
}

/** An activity's progress, with its sub-activities. */
export interface ActivityProgress {
  id: string;
  key: string;
  name: string;
  status: ProgressStatus;
  targets: TargetProgress[];
  subActivities: ActivityProgress[];
}

export interface FocusAreaProgress {
  id: string;
  key: string;
  name: string;
  status: ProgressStatus;
  activities: ActivityProgress[];
}

/** The whole picture for a plan, period and date. */
export interface PlanProgress {
  planId: string;
  planName: string;
  period: Period;
  asOf: Date;
  /** Share of the period elapsed on the as-of date (0-1). */
  elapsed: number;
  status: ProgressStatus;
  counts: Record<ProgressStatus, number>;
  focusAreas: FocusAreaProgress[];
}

/** Kinds that count towards average attendance when a target names no kind. */
const ATTENDANCE_KINDS = new Set(['event', 'course', 'session']);

type TargetRow = { id: string; key: string; text: string; kind: string; perYear: number | null; wholePeriod: number | null; unit: string; dataSource: string; deliveryKind: string | null };

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

export class ProgressService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Progress of the whole plan for the period of `kind` containing `asOf` (today by default). */
  async forPlan(planId: string, kind: PeriodKind, asOf?: Date): Promise<PlanProgress> {
    const plan = await this.db.plan.findUnique({
      where: { id: planId },
      include: {
        focusAreas: { orderBy: { position: 'asc' } },
        activities: { include: { targets: { orderBy: { position: 'asc' } } }, orderBy: { position: 'asc' } },
      },
    });
    if (!plan) throw new DomainError('plan.not_found');
    const on = copenhagenDate(asOf ?? this.clock.now());
    const period = periodOf(plan, kind, on);
    const endEx = addDays(on, 1) < period.toExclusive ? addDays(on, 1) : period.toExclusive;
    const range: Range = { from: period.from, toExclusive: endEx, fromInstant: period.fromInstant, toInstant: copenhagenInstant(endEx) };
    const span = period.toExclusive.getTime() - period.from.getTime();
    const elapsed = Math.min(1, Math.max(0, (endEx.getTime() - period.from.getTime()) / span));
    const years = planYears(plan);

    const children = new Map<string, string[]>();
    for (const a of plan.activities) if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
    const levelActivities = plan.activities.filter((a) => a.targets.some((t) => t.kind === 'level_maintained')).flatMap((a) => [a.id, ...(children.get(a.id) ?? [])]);
    const [sums, levels] = await Promise.all([deliverySums(this.db, planId, range), latestLevels(this.db, levelActivities, endEx)]);
    // Two targets over the same activities (and range) share one distinct-attendee count.
    const attendees = new Map<string, Promise<number>>();
    const countAttendees = (set: string[]): Promise<number> => {
      const key = [...set].sort().join(',');
      let p = attendees.get(key);
      if (!p) {
        p = distinctAttendees(this.db, set, range);
        attendees.set(key, p);
      }
      return p;
    };

    const evaluate = async (activityId: string, t: TargetRow): Promise<TargetProgress> => {
      const kindOf = t.kind as TargetKind;
      const set = [activityId, ...(children.get(activityId) ?? [])];
      const rows = sums.filter((s) => set.includes(s.activityId) && (t.deliveryKind === null || s.kind === t.deliveryKind));
      const actual = await this.actual(kindOf, rows, set, countAttendees, levels, t.deliveryKind !== null);
      const target = targetForPeriod({ kind: kindOf, perYear: t.perYear, wholePeriod: t.wholePeriod }, period.yearFraction, years, period.kind === 'whole-plan');
      const expected = expectedValue(kindOf, target, elapsed);
      return {
        id: t.id,
        key: t.key,
        text: t.text,
        kind: kindOf,
        unit: t.unit,
        dataSource: t.dataSource,
        target: round(target),
        actual: round(actual),
        expected: round(expected),
        status: statusOf(kindOf, actual, target, expected),
      };
    };

    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
    const activityProgress = async (a: (typeof plan.activities)[number]): Promise<ActivityProgress> => {
      const targets = await Promise.all(a.targets.map((t) => evaluate(a.id, t)));
      for (const t of targets) counts[t.status]++;
      const subs = await Promise.all(plan.activities.filter((s) => s.parentId === a.id).map(activityProgress));
      const status = worstStatus([...targets.map((t) => t.status), ...subs.map((s) => s.status)]);
      return { id: a.id, key: a.key, name: a.name, status, targets, subActivities: subs };
    };

    const focusAreas: FocusAreaProgress[] = [];
    for (const fa of plan.focusAreas) {
      const activities = await Promise.all(plan.activities.filter((a) => a.focusAreaId === fa.id && a.parentId === null).map(activityProgress));
      focusAreas.push({ id: fa.id, key: fa.key, name: fa.name, status: worstStatus(activities.map((a) => a.status)), activities });
    }
    return {
      planId,
      planName: plan.name,
      period,
      asOf: on,
      elapsed,
      status: worstStatus(focusAreas.map((f) => f.status)),
      counts,
      focusAreas,
    };
  }

  /** Progress of one activity (with its sub-activities). */
  async forActivity(activityId: string, kind: PeriodKind, asOf?: Date): Promise<{ plan: PlanProgress; activity: ActivityProgress }> {
    const a = await this.db.activity.findUnique({ where: { id: activityId }, select: { planId: true } });
    if (!a) throw new DomainError('delivery.activity_unknown');
    const plan = await this.forPlan(a.planId, kind, asOf);
    const all = plan.focusAreas.flatMap((f) => f.activities.flatMap((x) => [x, ...x.subActivities]));
    return { plan, activity: all.find((x) => x.id === activityId) as ActivityProgress };
  }

  /** Progress of one focus area. */
  async forFocusArea(focusAreaId: string, kind: PeriodKind, asOf?: Date): Promise<{ plan: PlanProgress; focusArea: FocusAreaProgress }> {
    const fa = await this.db.focusArea.findUnique({ where: { id: focusAreaId }, select: { planId: true } });
    if (!fa) throw new DomainError('plan.not_found');
    const plan = await this.forPlan(fa.planId, kind, asOf);
    return { plan, focusArea: plan.focusAreas.find((f) => f.id === focusAreaId) as FocusAreaProgress };
  }

  private async actual(
    kind: TargetKind,
    rows: DeliverySums[],
    set: string[],
    countAttendees: (set: string[]) => Promise<number>,
    levels: Map<string, { participants: number; date: Date }>,
    kindChosen: boolean,
  ): Promise<number | null> {
    const sum = (f: (r: DeliverySums) => number): number => rows.reduce((acc, r) => acc + f(r), 0);
    switch (kind) {
      case 'event_count':
        return sum((r) => (r.kind === 'level' ? 0 : r.occurrences));
      case 'unique_participants':
        return (await countAttendees(set)) + sum((r) => r.newParticipants);
      case 'average_attendance': {
        // Outreach contacts and levels are no gatherings, unless the target names that kind itself.
        const held = kindChosen ? rows : rows.filter((r) => ATTENDANCE_KINDS.has(r.kind));
        const occ = held.reduce((a, r) => a + r.occurrences, 0);
        return occ === 0 ? null : held.reduce((a, r) => a + r.participants, 0) / occ;
      }
      case 'share_completing': {
        const of = sum((r) => r.completedOf);
        return of === 0 ? null : (100 * sum((r) => r.completed)) / of;
      }
      case 'share_satisfied': {
        const of = sum((r) => r.satisfiedOf);
        return of === 0 ? null : (100 * sum((r) => r.satisfied)) / of;
      }
      case 'level_maintained': {
        const latest = set.map((id) => levels.get(id)).filter((l) => l !== undefined).sort((a, b) => b.date.getTime() - a.date.getTime())[0];
        return latest ? latest.participants : null;
      }
      case 'qualitative':
        return null;
    }
  }
}
