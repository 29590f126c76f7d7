/**
 * The hand-written SQL baseline for plan progress: the actual value of every target of a plan in a
 * period, as a good SQL programmer would write it on SQLite with better-sqlite3 — one prepared
 * statement for the plan's dates and one for all targets at once (delivery sums rolled up from
 * sub-activities, distinct attendees, latest level), no ORM.
 *
 * It replicates ProgressService's semantics exactly (see progress-service.ts `actual()`,
 * progress-queries.ts and target-evaluation.ts):
 * - deliveries count when not deleted and dated in [period.from, end) by calendar date, where end is
 *   the day after the as-of date, at most the period's end;
 * - a target covers its activity and that activity's direct sub-activities, and only deliveries of
 *   its deliveryKind when it names one;
 * - event_count sums occurrences of every kind but "level";
 * - unique_participants = distinct people with attendance "attended" at events of the covered
 *   activities starting in the range's instants, plus the sum of newParticipants of deliveries not tied to an event (NULL as 0);
 * - average_attendance = participants / occurrences over kinds event/course/session (or over the
 *   target's own kind when it names one); null without occurrences;
 * - share_completing / share_satisfied = 100 × completed / participants, satisfied / respondents,
 *   over the deliveries that registered them; null when the denominator is 0;
 * - level_maintained = participants of the latest "level" delivery before the end (no lower bound),
 *   latest by date, then the target's own activity before its sub-activities (in position order),
 *   then the latest created;
 * - qualitative has no actual.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { periodOf, type PeriodKind } from '../../src/progress/periods';
import { addDays, copenhagenDate, copenhagenInstant } from '../../src/time/calendar-date';
import { sqliteDate } from './synthetic-data';

/** One target's actual value, as the baseline computes it. */
export interface BaselineTarget {
  id: string;
  key: string;
  activityKey: string;
  kind: string;
  /** Rounded to one decimal like ProgressService's output. */
  actual: number | null;
}

const PLAN_SQL = `SELECT "startDate", "endDate", "planYearStartMonth" FROM "Plan" WHERE "id" = ?`;

const ACTUALS_SQL = `
WITH
targets AS (
  SELECT t."id", t."key", t."kind", t."deliveryKind", t."activityId", a."key" AS "activityKey"
  FROM "Target" t JOIN "Activity" a ON a."id" = t."activityId"
  WHERE a."planId" = @planId
),
-- Each target's activities: its own (ord 0) and its direct sub-activities (in position order).
cover AS (
  SELECT t."id" AS "targetId", t."activityId", 0 AS ord FROM targets t
  UNION ALL
  SELECT t."id", c."id", 1 + c."position" FROM targets t JOIN "Activity" c ON c."parentId" = t."activityId"
),
-- Delivery sums per activity and kind in the range (one pass over the plan's deliveries).
sums AS (
  SELECT d."activityId", d."kind",
         SUM(d."occurrences") AS occ,
         SUM(d."participants") AS part,
         SUM(CASE WHEN d."eventId" IS NULL THEN d."newParticipants" ELSE 0 END) AS newp,
         SUM(CASE WHEN d."completed" IS NOT NULL THEN d."completed" END) AS compl,
         SUM(CASE WHEN d."completed" IS NOT NULL THEN d."participants" END) AS complOf,
         SUM(CASE WHEN d."satisfied" IS NOT NULL THEN d."satisfied" END) AS sat,
         SUM(CASE WHEN d."satisfied" IS NOT NULL THEN d."respondents" END) AS satOf
  FROM "Delivery" d JOIN "Activity" a ON a."id" = d."activityId"
  WHERE a."planId" = @planId AND d."deletedAt" IS NULL AND d."date" >= @from AND d."date" < @to
  GROUP BY d."activityId", d."kind"
),
rolled AS (
  SELECT t."id",
         COALESCE(SUM(CASE WHEN s."kind" <> 'level' THEN s.occ END), 0) AS "eventCount",
         COALESCE(SUM(s.newp), 0) AS newp,
         SUM(CASE WHEN t."deliveryKind" IS NOT NULL OR s."kind" IN ('event', 'course', 'session') THEN s.occ END) AS "heldOcc",
         SUM(CASE WHEN t."deliveryKind" IS NOT NULL OR s."kind" IN ('event', 'course', 'session') THEN s.part END) AS "heldPart",
         SUM(s.compl) AS compl, SUM(s.complOf) AS "complOf",
         SUM(s.sat) AS sat, SUM(s.satOf) AS "satOf"
  FROM targets t
  JOIN cover cv ON cv."targetId" = t."id"
  LEFT JOIN sums s ON s."activityId" = cv."activityId" AND (t."deliveryKind" IS NULL OR s."kind" = t."deliveryKind")
  GROUP BY t."id"
)
SELECT t."id", t."key", t."activityKey", t."kind",
  CASE t."kind"
    WHEN 'event_count' THEN r."eventCount"
    -- Correlated subqueries: evaluated only for the targets of their kind.
    WHEN 'unique_participants' THEN r.newp + (
      SELECT COUNT(DISTINCT at."personId")
      FROM cover cv
      JOIN "Event" e ON e."activityId" = cv."activityId" AND e."startsAt" >= @fromInstant AND e."startsAt" < @toInstant
      JOIN "Attendance" at ON at."eventId" = e."id" AND at."status" = 'attended'
      WHERE cv."targetId" = t."id")
    WHEN 'average_attendance' THEN CASE WHEN r."heldOcc" <> 0 THEN CAST(r."heldPart" AS REAL) / r."heldOcc" END
    WHEN 'share_completing' THEN CASE WHEN r."complOf" <> 0 THEN 100.0 * r.compl / r."complOf" END
    WHEN 'share_satisfied' THEN CASE WHEN r."satOf" <> 0 THEN 100.0 * r.sat / r."satOf" END
    WHEN 'level_maintained' THEN (
      SELECT d."participants"
      FROM cover cv
      JOIN "Delivery" d ON d."activityId" = cv."activityId" AND d."kind" = 'level' AND d."deletedAt" IS NULL AND d."date" < @to
      WHERE cv."targetId" = t."id"
      ORDER BY d."date" DESC, cv.ord, d."createdAt" DESC
      LIMIT 1)
  END AS actual
FROM targets t
JOIN rolled r ON r."id" = t."id"`;

type PlanRow = { startDate: string; endDate: string; planYearStartMonth: number };
type ActualRow = { id: string; key: string; activityKey: string; kind: string; actual: number | null };

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/** The baseline, with its statements prepared once on an open better-sqlite3 connection. */
export class ProgressBaseline {
  private readonly planStatement: BetterSqlite3.Statement<[string], PlanRow>;
  private readonly actualsStatement: BetterSqlite3.Statement<[Record<string, string>], ActualRow>;

  constructor(raw: BetterSqlite3.Database) {
    this.planStatement = raw.prepare<[string], PlanRow>(PLAN_SQL);
    this.actualsStatement = raw.prepare<[Record<string, string>], ActualRow>(ACTUALS_SQL);
  }

  /** Every target's actual value for the period of `kind` containing `asOf`. */
  actuals(planId: string, kind: PeriodKind, asOf: Date): BaselineTarget[] {
    const plan = this.planStatement.get(planId);
    if (!plan) throw new Error(`no plan ${planId}`);
    const dates = { startDate: new Date(plan.startDate), endDate: new Date(plan.endDate), planYearStartMonth: plan.planYearStartMonth };
    const on = copenhagenDate(asOf);
    const period = periodOf(dates, kind, on);
    const next = addDays(on, 1);
    const end = next < period.toExclusive ? next : period.toExclusive;
    const rows = this.actualsStatement.all({
      planId,
      from: sqliteDate(period.from),
      to: sqliteDate(end),
      fromInstant: sqliteDate(period.fromInstant),
      toInstant: sqliteDate(copenhagenInstant(end)),
    });
    return rows.map((r) => ({ id: r.id, key: r.key, activityKey: r.activityKey, kind: r.kind, actual: r.kind === 'qualitative' ? null : round(r.actual) }));
  }
}
