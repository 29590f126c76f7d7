/**
 * The fremdriftsrapport as data: one plan and period, every target with its figures next to the
 * previous period's, the area indicators with every measurement, the comments, the values
 * registered from external sources and the deliveries counted, so every number can be traced.
 * Language-free; report-texts.ts and the writers turn it into a workbook or CSV.
 */
import type { Db } from '../database/database';
import type { DeliveryKind, TargetKind } from '../plan-data/plan-file';
import { indicatorStatus } from '../progress/indicator-status';
import type { Period } from '../progress/periods';
import { ProgressService } from '../progress/progress-service';
import { allTargets, type PlanProgress, type TargetFigures } from '../progress/progress-types';
import type { PlanSummary } from '../progress/plan-names';
import type { NotComputableReason } from '../progress/target-reasons';
import { STATUSES, type ProgressStatus } from '../progress/target-evaluation';
import { addDays, copenhagenDate } from '../time/calendar-date';
import type { Clock } from '../time/clock';

/** One target's row. */
export interface ReportTargetRow {
  focusArea: string;
  /** "Aktivitet" or "Aktivitet › Delaktivitet". */
  activity: string;
  activityId: string;
  targetId: string;
  text: string;
  kind: TargetKind;
  unit: string;
  dataSource: string;
  basis: 'period' | 'year-to-date';
  actual: number | null;
  inPeriod: number | null;
  target: number | null;
  expected: number | null;
  status: ProgressStatus;
  reason: NotComputableReason | null;
  /** The same figure (the period's own value) in the previous period, and the change. */
  previous: number | null;
  change: number | null;
  externalSource: string | null;
  figures: TargetFigures;
}

export interface ReportIndicatorRow {
  focusArea: string;
  name: string;
  unit: string | null;
  dataSource: string;
  baselineValue: number | null;
  baselineLabel: string | null;
  targetText: string;
  targetValue: number | null;
  direction: 'lower' | 'higher';
  /** Every measurement up to the end of the period, oldest first. */
  measurements: { date: Date; value: number; note: string | null }[];
  status: ProgressStatus;
}

export interface ReportCommentRow {
  activity: string;
  from: Date;
  /** Inclusive. */
  to: Date;
  text: string;
}

export interface ReportValueRow {
  activity: string;
  target: string;
  from: Date;
  to: Date;
  value: number;
  source: string;
  note: string | null;
}

export interface ReportDeliveryRow {
  date: Date;
  focusArea: string;
  activity: string;
  kind: DeliveryKind;
  occurrences: number;
  participants: number;
  newParticipants: number | null;
  volunteers: number | null;
  volunteerHours: number | null;
  completed: number | null;
  satisfied: number | null;
  respondents: number | null;
  fromEvent: boolean;
  channel: string;
  id: string;
}

/** Status counts of one focus area (or the whole plan). */
export interface ReportStatusCounts {
  name: string;
  counts: Record<ProgressStatus, number>;
}

export interface ProgressReport {
  plan: PlanSummary;
  period: Period;
  previousPeriod: Period | null;
  asOf: Date;
  /** Share of the period elapsed on the as-of date. */
  elapsed: number;
  summary: ReportStatusCounts[];
  total: ReportStatusCounts;
  targets: ReportTargetRow[];
  indicators: ReportIndicatorRow[];
  comments: ReportCommentRow[];
  values: ReportValueRow[];
  deliveries: ReportDeliveryRow[];
}

const EMPTY_FIGURES: TargetFigures = { eventsHeld: 0, attendances: 0, unique: 0, newPeople: 0, returning: 0, volunteers: 0, volunteerHours: 0 };
const zero = (): Record<ProgressStatus, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
const round = (v: number): number => Math.round(v * 10) / 10;

export class ReportService {
  private readonly progress: ProgressService;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.progress = new ProgressService(db, clock);
  }

  /** The report of `planIdOrKey` for `period`, as of today (a past period: as of its last day). */
  async build(planIdOrKey: string, period: Period, asOf?: Date): Promise<ProgressReport> {
    const plan = await this.progress.plan(planIdOrKey);
    const { current, previous } = await this.progress.compare(plan.id, period, { asOf, figures: true });
    const names = activityNames(current);
    const before = new Map(previous ? allTargets(previous).map((x) => [x.target.id, x.target.inPeriod]) : []);
    const targets: ReportTargetRow[] = allTargets(current).map(({ focusArea, target: t }) => {
      const prev = before.get(t.id) ?? null;
      return {
        focusArea: focusArea.name,
        activity: names.get(t.activityId) ?? '',
        activityId: t.activityId,
        targetId: t.id,
        text: t.text,
        kind: t.kind,
        unit: t.unit,
        dataSource: t.dataSource,
        basis: t.basis,
        actual: t.actual,
        inPeriod: t.inPeriod,
        target: t.target,
        expected: t.expected,
        status: t.status,
        reason: t.reason,
        previous: prev,
        change: prev !== null && t.inPeriod !== null ? round(t.inPeriod - prev) : null,
        externalSource: t.externalSource,
        figures: t.figures ?? EMPTY_FIGURES,
      };
    });
    const summary = current.focusAreas.map((f) => ({ name: f.name, counts: zero() }));
    const total = { name: '', counts: zero() };
    for (const row of targets) {
      const s = summary.find((x) => x.name === row.focusArea);
      if (s) s.counts[row.status]++;
      total.counts[row.status]++;
    }
    const end = addDays(current.asOf, 1) < period.toExclusive ? addDays(current.asOf, 1) : period.toExclusive;
    const [indicators, comments, values, deliveries] = await Promise.all([
      this.indicators(plan, period),
      this.progress.comments.list(plan.id, period),
      this.progress.externals.list(plan.id, period),
      this.deliveries(plan.id, period.from, end),
    ]);
    const textOf = new Map(targets.map((t) => [t.targetId, t]));
    return {
      plan,
      period,
      previousPeriod: previous?.period ?? null,
      asOf: current.asOf,
      elapsed: current.elapsed,
      summary,
      total,
      targets,
      indicators,
      comments: comments.map((c) => ({ activity: names.get(c.activityId) ?? '', from: c.periodFrom, to: addDays(c.periodTo, -1), text: c.text })),
      values: values.map((v) => ({
        activity: textOf.get(v.targetId)?.activity ?? '',
        target: textOf.get(v.targetId)?.text ?? '',
        from: v.periodFrom,
        to: addDays(v.periodTo, -1),
        value: v.value,
        source: v.source,
        note: v.note,
      })),
      deliveries,
    };
  }

  /** Every area indicator of the plan with its measurements up to the end of `period` (the dashboard reads them too). */
  async indicators(plan: PlanSummary, period: Pick<Period, 'toExclusive'>): Promise<ReportIndicatorRow[]> {
    const rows = await this.db.indicator.findMany({
      where: { focusArea: { planId: plan.id } },
      include: { focusArea: true, measurements: { where: { date: { lt: period.toExclusive } }, orderBy: { date: 'asc' } } },
      orderBy: [{ focusArea: { position: 'asc' } }, { name: 'asc' }],
    });
    return rows.map((r) => {
      const direction = r.direction === 'higher' ? 'higher' : 'lower';
      // Only a value measured since the plan started says how the plan is doing.
      const since = r.measurements.filter((m) => m.date >= plan.startDate);
      const latest = since[since.length - 1]?.value ?? null;
      return {
        focusArea: r.focusArea.name,
        name: r.name,
        unit: r.unit,
        dataSource: r.dataSource,
        baselineValue: r.baselineValue,
        baselineLabel: r.baselineLabel,
        targetText: r.targetText,
        targetValue: r.targetValue,
        direction,
        measurements: r.measurements.map((m) => ({ date: m.date, value: m.value, note: m.note })),
        status: indicatorStatus({ baselineValue: r.baselineValue, targetValue: r.targetValue, direction }, latest),
      };
    });
  }

  private async deliveries(planId: string, from: Date, toExclusive: Date): Promise<ReportDeliveryRow[]> {
    // Names from one read of the plan's activities; the deliveries themselves as plain columns.
    const [activities, rows] = await Promise.all([
      this.db.activity.findMany({ where: { planId }, select: { id: true, name: true, parentId: true, focusArea: { select: { name: true } } } }),
      this.db.delivery.findMany({
        where: { deletedAt: null, date: { gte: from, lt: toExclusive }, activity: { planId } },
        select: {
          id: true,
          activityId: true,
          eventId: true,
          date: true,
          kind: true,
          occurrences: true,
          participants: true,
          newParticipants: true,
          volunteers: true,
          volunteerHours: true,
          completed: true,
          satisfied: true,
          respondents: true,
          channel: true,
        },
        orderBy: [{ date: 'asc' }, { createdAt: 'asc' }],
      }),
    ]);
    const byId = new Map(activities.map((a) => [a.id, a]));
    return rows.map((d) => {
      const a = byId.get(d.activityId);
      const parent = a?.parentId ? byId.get(a.parentId) : undefined;
      return {
        date: d.date,
        focusArea: a?.focusArea.name ?? '',
        activity: parent ? `${parent.name} › ${a?.name ?? ''}` : (a?.name ?? ''),
        kind: d.kind as DeliveryKind,
        occurrences: d.occurrences,
        participants: d.participants,
        newParticipants: d.newParticipants,
        volunteers: d.volunteers,
        volunteerHours: d.volunteerHours,
        completed: d.completed,
        satisfied: d.satisfied,
        respondents: d.respondents,
        fromEvent: d.eventId !== null,
        channel: d.channel,
        id: d.id,
      };
    });
  }

  /** Today as a calendar date, for callers that name "now". */
  today(): Date {
    return copenhagenDate(this.clock.now());
  }
}

/** Activity names by id, a sub-activity as "Parent › Sub". */
function activityNames(p: PlanProgress): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of p.focusAreas) {
    for (const a of f.activities) {
      out.set(a.id, a.name);
      for (const s of a.subActivities) out.set(s.id, `${a.name} › ${s.name}`);
    }
  }
  return out;
}
