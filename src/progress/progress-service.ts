/**
 * Progress of a plan: for each target its actual value as of a date, the target for the period,
 * the value expected by then and a status, rolled up per activity, focus area and plan (the
 * computation is progress-compute.ts). Any plan and any period: the plan year, the 4-month
 * reporting period, the whole plan or a date range, each next to the period before it. Also which
 * plan a date or a name points to.
 */
import { planDataCache } from '../cache/plan-data-cache';
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { copenhagenDate } from '../time/calendar-date';
import type { Clock } from '../time/clock';
import { ActivityCommentService } from './activity-comments';
import { ExternalValueService, valuesInPeriod, type RegisteredValue } from './external-values';
import { periodOf, previousPeriod, type Period, type PeriodKind } from './periods';
import { computeProgress, type PlanRow } from './progress-compute';
import type { ActivityProgress, FocusAreaProgress, PlanProgress } from './progress-types';
import { findPlanByName, planHolding, type PlanSummary } from './plan-names';
import { planRowFromSnapshot, readPlanRow } from './plan-row';

export type { ActivityProgress, FocusAreaProgress, PlanProgress, TargetFigures, TargetProgress } from './progress-types';

/** A period given by kind (the one holding the as-of date) or exactly. */
export type PeriodChoiceArg = PeriodKind | Period;

/** Options of a progress question. */
export interface ProgressOptions {
  /** Calendar date or instant to judge on; today by default. A past period is judged at its end. */
  asOf?: Date;
  /** Add the figures behind each target (events, attendances, unique/new/returning, volunteers). */
  figures?: boolean;
}

/** A period's progress next to the previous period's (null for the first period and the whole plan). */
export interface ProgressComparison {
  current: PlanProgress;
  previous: PlanProgress | null;
}

export class ProgressService {
  /** Values registered for targets Nabo cannot count itself. */
  readonly externals: ExternalValueService;
  /** "Status og næste skridt" per activity and period. */
  readonly comments: ActivityCommentService;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.externals = new ExternalValueService(db);
    this.comments = new ActivityCommentService(db);
  }

  /** The plan from the plan-data snapshot (no statement when it is current), else read. */
  private async planRow(planId: string): Promise<PlanRow> {
    return planRowFromSnapshot(await planDataCache(this.db).snapshot(), planId) ?? readPlanRow(this.db, planId);
  }

  private compute(plan: PlanRow, values: readonly RegisteredValue[], period: Period, on: Date, figures: boolean): Promise<PlanProgress> {
    return computeProgress(this.db, plan, period, on, { figures, externals: valuesInPeriod(values, period) });
  }

  /** The plan and its registered values, read side by side. */
  private planAndValues(planId: string): Promise<[PlanRow, RegisteredValue[]]> {
    return Promise.all([this.planRow(planId), this.externals.forPlan(planId)]);
  }

  /** Progress of the whole plan for `period` (by default the plan year holding the as-of date). */
  async forPlan(planId: string, period: PeriodChoiceArg = 'plan-year', asOf?: Date | ProgressOptions): Promise<PlanProgress> {
    const options: ProgressOptions = asOf instanceof Date ? { asOf } : (asOf ?? {});
    const [plan, values] = await this.planAndValues(planId);
    const on = copenhagenDate(options.asOf ?? this.clock.now());
    const p = typeof period === 'string' ? periodOf(plan, period, on) : period;
    return this.compute(plan, values, p, on, options.figures ?? false);
  }

  /** The period's progress and the previous period's, judged at its end. */
  async compare(planId: string, period: Period, options: ProgressOptions = {}): Promise<ProgressComparison> {
    const [plan, values] = await this.planAndValues(planId);
    const on = copenhagenDate(options.asOf ?? this.clock.now());
    const before = previousPeriod(plan, period);
    const [current, previous] = await Promise.all([
      this.compute(plan, values, period, on, options.figures ?? false),
      before ? this.compute(plan, values, before, new Date(before.toExclusive.getTime() - 86_400_000), options.figures ?? false) : Promise.resolve(null),
    ]);
    return { current, previous };
  }

  /** Progress of one activity (with its sub-activities). */
  async forActivity(activityId: string, period: PeriodChoiceArg = 'plan-year', asOf?: Date): Promise<{ plan: PlanProgress; activity: ActivityProgress }> {
    const a = await this.db.activity.findUnique({ where: { id: activityId }, select: { planId: true } });
    if (!a) throw new DomainError('delivery.activity_unknown');
    const plan = await this.forPlan(a.planId, period, asOf);
    const all = plan.focusAreas.flatMap((f) => f.activities.flatMap((x) => [x, ...x.subActivities]));
    return { plan, activity: all.find((x) => x.id === activityId) as ActivityProgress };
  }

  /** Progress of one focus area. */
  async forFocusArea(focusAreaId: string, period: PeriodChoiceArg = 'plan-year', asOf?: Date): Promise<{ plan: PlanProgress; focusArea: FocusAreaProgress }> {
    const fa = await this.db.focusArea.findUnique({ where: { id: focusAreaId }, select: { planId: true } });
    if (!fa) throw new DomainError('plan.not_found');
    const plan = await this.forPlan(fa.planId, period, asOf);
    return { plan, focusArea: plan.focusAreas.find((f) => f.id === focusAreaId) as FocusAreaProgress };
  }

  /** The plan an activity ('a'), a focus area ('f') or a plan ('p') belongs to; throws plan.not_found. */
  async planOf(scope: 'a' | 'f' | 'p', id: string): Promise<PlanSummary> {
    const planId =
      scope === 'p'
        ? id
        : scope === 'a'
          ? (await this.db.activity.findUnique({ where: { id }, select: { planId: true } }))?.planId
          : (await this.db.focusArea.findUnique({ where: { id }, select: { planId: true } }))?.planId;
    const found = planId ? (await this.plans()).find((p) => p.id === planId) : undefined;
    if (!found) throw new DomainError('plan.not_found');
    return found;
  }

  /** One target with what the notes flow shows; throws target_value.target_unknown. */
  async target(targetId: string): Promise<{ id: string; text: string; unit: string; dataSource: string; activityId: string; planId: string }> {
    const t = await this.db.target.findUnique({ where: { id: targetId }, include: { activity: { select: { planId: true } } } });
    if (!t) throw new DomainError('target_value.target_unknown');
    return { id: t.id, text: t.text, unit: t.unit, dataSource: t.dataSource, activityId: t.activityId, planId: t.activity.planId };
  }

  /** Every plan, newest first. */
  async plans(): Promise<PlanSummary[]> {
    // From the plan-data snapshot: staff turns ask for the plans on every delivery and progress question.
    const { plans } = await planDataCache(this.db).snapshot();
    return [...plans]
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime() || Number(a.isDemo) - Number(b.isDemo))
      .map((p) => ({
        id: p.id,
        key: p.key,
        name: p.name,
        startDate: p.startDate,
        endDate: p.endDate,
        planYearStartMonth: p.planYearStartMonth,
        isDemo: p.isDemo,
      }));
  }

  /** One plan by id or key. */
  async plan(idOrKey: string): Promise<PlanSummary> {
    const found = (await this.plans()).find((p) => p.id === idOrKey || p.key === idOrKey);
    if (!found) throw new DomainError('progress.plan_unknown');
    return found;
  }

  /**
   * The plan a calendar date belongs to: the real plan whose period holds it (a demo copy only
   * when no real plan does), so back-filled lists count towards the plan of their year; null when
   * no plan covers the date.
   */
  async planOn(date: Date): Promise<PlanSummary | null> {
    return planHolding(await this.plans(), date);
  }

  /** The plan a text names ("helhedsplanen 2017-21", "2017-2021", a key), or null when it names none. */
  async planNamed(text: string): Promise<PlanSummary | null> {
    return findPlanByName(await this.plans(), text);
  }
}
