/**
 * Progress kept on write. For each standard period of a plan (the whole plan, each plan year, each
 * 4-month reporting period: a `PeriodAnchor`), the database keeps
 * - `DeliveryTotal`: the delivery sums per activity and kind (what `deliverySums` adds up), and
 * - `AttendeeFirst`: each person's first attended event per activity with its sub-activities (so the
 *   distinct attendees of a period up to a day are the rows whose first event is before that day),
 * maintained by triggers on Delivery, Attendance and Event (src/database/progress-triggers.ts), in
 * the same transaction as the delivery, its correction or deletion, the attendance, or the event
 * moved or deleted; a createMany at import and a cascade are caught the same way.
 *
 * Reading a standard period then costs the same at any data size: one statement for the sums (plus
 * the deliveries dated after the as-of day, when the period is still running) and one for the
 * people. A custom date range is counted live, as before. A plan import rewrites its plan's periods
 * and rebuilds its rows (dates or sub-activities may have changed); `npm run progress:rebuild` and
 * every start that applied a migration rebuild every plan.
 */
import { Prisma } from '../generated/sqlite/client';
import type { Db, Tx } from '../database/database';
import { DELIVERY_TOTAL_COLUMNS, deliveryValues } from '../database/progress-triggers';
import { addMonths, copenhagenInstant, formatCalendarDate } from '../time/calendar-date';
import { planYears, type PlanDates } from './periods';
import type { DeliverySums, Range } from './progress-queries';

/** A standard period as stored: its id is made from the plan, kind and first day, so a reader can name it without a lookup. */
export interface Anchor {
  id: string;
  kind: 'whole-plan' | 'plan-year' | 'reporting-period';
  fromDate: Date;
  toDate: Date;
  fromInstant: Date;
  toInstant: Date;
}

/** The standard periods of a plan: the whole plan, each plan year and each reporting period, clipped to the plan. */
export function planAnchors(planId: string, plan: PlanDates): Anchor[] {
  const end = new Date(plan.endDate.getTime() + 86_400_000);
  const make = (kind: Anchor['kind'], from: Date, to: Date): Anchor => {
    const toDate = to < end ? to : end;
    return {
      id: `${planId}:${kind}:${formatCalendarDate(from)}`,
      kind,
      fromDate: from,
      toDate,
      fromInstant: copenhagenInstant(from),
      toInstant: copenhagenInstant(toDate),
    };
  };
  const out = [make('whole-plan', plan.startDate, end)];
  for (let y = 0; y < planYears(plan); y++) {
    const yearStart = addMonths(plan.startDate, 12 * y);
    if (yearStart >= end) break;
    out.push(make('plan-year', yearStart, addMonths(plan.startDate, 12 * (y + 1))));
    for (let part = 0; part < 3; part++) {
      const from = addMonths(yearStart, 4 * part);
      if (from >= end) break;
      out.push(make('reporting-period', from, addMonths(yearStart, 4 * (part + 1))));
    }
  }
  return out;
}

/**
 * The kept period a range can be read from: one starting on the range's first day and reaching at
 * least to its end (the shortest such, so the fewest deliveries after the as-of day are taken off).
 * Null for a range that starts inside a period (a custom range): it is counted live.
 */
export function anchorFor(anchors: readonly Anchor[], range: Pick<Range, 'from' | 'toExclusive'>): Anchor | null {
  let best: Anchor | null = null;
  for (const a of anchors) {
    if (a.fromDate.getTime() !== range.from.getTime() || a.toDate < range.toExclusive) continue;
    if (!best || a.toDate < best.toDate) best = a;
  }
  return best;
}

/** Writes the plan's standard periods when they are not already those; true when they changed (their rows must be rebuilt). */
export async function writeAnchors(tx: Tx | Db, planId: string, plan: PlanDates): Promise<boolean> {
  const wanted = planAnchors(planId, plan);
  const stored = await tx.periodAnchor.findMany({ where: { planId }, select: { id: true, toDate: true } });
  const same = stored.length === wanted.length && wanted.every((w) => stored.some((s) => s.id === w.id && new Date(s.toDate).getTime() === w.toDate.getTime()));
  if (same) return false;
  await tx.periodAnchor.deleteMany({ where: { planId } });
  await tx.periodAnchor.createMany({ data: wanted.map((a) => ({ ...a, planId })) });
  return true;
}

/** Recomputes the plan's kept rows from the deliveries and attendance themselves. */
export async function rebuildPlanTotals(tx: Tx | Db, planId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "DeliveryTotal" WHERE "anchorId" IN (SELECT "id" FROM "PeriodAnchor" WHERE "planId" = ${planId})`;
  const columns = Prisma.raw(DELIVERY_TOTAL_COLUMNS.map((c) => `"${c}"`).join(', '));
  const sums = Prisma.raw(
    deliveryValues('d')
      .map((v) => `SUM(${v})`)
      .join(', '),
  );
  await tx.$executeRaw`
    INSERT INTO "DeliveryTotal" ("anchorId", "activityId", "kind", ${columns})
    SELECT pa."id", d."activityId", d."kind", ${sums}
    FROM "Delivery" d JOIN "Activity" a ON a."id" = d."activityId"
      JOIN "PeriodAnchor" pa ON pa."planId" = a."planId" AND d."date" >= pa."fromDate" AND d."date" < pa."toDate"
    WHERE a."planId" = ${planId} AND d."deletedAt" IS NULL
    GROUP BY pa."id", d."activityId", d."kind"`;
  // The people counts follow AttendeeFirst by its own triggers: emptied after the rows go, filled as they come back.
  await tx.$executeRaw`DELETE FROM "AttendeeFirst" WHERE "anchorId" IN (SELECT "id" FROM "PeriodAnchor" WHERE "planId" = ${planId})`;
  await tx.$executeRaw`DELETE FROM "AttendeeCount" WHERE "anchorId" IN (SELECT "id" FROM "PeriodAnchor" WHERE "planId" = ${planId})`;
  await tx.$executeRaw`
    INSERT INTO "AttendeeFirst" ("anchorId", "activityId", "personId", "firstAt")
    SELECT pa."id", s."id", r."personId", MIN(e."startsAt")
    FROM "Attendance" r JOIN "Event" e ON e."id" = r."eventId" JOIN "Activity" x ON x."id" = e."activityId"
      JOIN "Activity" s ON (s."id" = x."id" OR s."id" = x."parentId")
      JOIN "PeriodAnchor" pa ON pa."planId" = x."planId" AND e."startsAt" >= pa."fromInstant" AND e."startsAt" < pa."toInstant"
    WHERE x."planId" = ${planId} AND r."status" = 'attended'
    GROUP BY pa."id", s."id", r."personId"`;
}

/** Writes the plan's periods and, when they changed or `always`, rebuilds its rows. */
export async function keepPlanTotals(tx: Tx | Db, planId: string, plan: PlanDates, always = false): Promise<void> {
  const changed = await writeAnchors(tx, planId, plan);
  if (changed || always) await rebuildPlanTotals(tx, planId);
}

type Raw = string | number | bigint | Date | null;

/** Everything kept for a plan, in a fixed order with hours rounded: what a rebuild is compared with. */
export async function keptRows(db: Db | Tx, planId: string): Promise<{ totals: string[]; firsts: string[]; counts: string[] }> {
  const [totals, firsts, counts] = await Promise.all([
    db.$queryRaw<Record<string, Raw>[]>`
      SELECT t.* FROM "DeliveryTotal" t JOIN "PeriodAnchor" pa ON pa."id" = t."anchorId"
      WHERE pa."planId" = ${planId} ORDER BY t."anchorId", t."activityId", t."kind"`,
    db.$queryRaw<Record<string, Raw>[]>`
      SELECT f."anchorId" AS "anchorId", f."activityId" AS "activityId", f."personId" AS "personId", f."firstAt" AS "firstAt"
      FROM "AttendeeFirst" f JOIN "PeriodAnchor" pa ON pa."id" = f."anchorId"
      WHERE pa."planId" = ${planId} ORDER BY f."anchorId", f."activityId", f."personId"`,
    db.$queryRaw<Record<string, Raw>[]>`
      SELECT c."anchorId" AS "anchorId", c."activityId" AS "activityId", c."people" AS "people"
      FROM "AttendeeCount" c JOIN "PeriodAnchor" pa ON pa."id" = c."anchorId"
      WHERE pa."planId" = ${planId} AND c."people" <> 0 ORDER BY c."anchorId", c."activityId"`,
  ]);
  const n = (v: Raw): number => Number(v ?? 0);
  return {
    totals: totals.map((t) =>
      [
        t['anchorId'],
        t['activityId'],
        t['kind'],
        ...DELIVERY_TOTAL_COLUMNS.map((k) => (k === 'volunteerHours' ? n(t[k] as Raw).toFixed(3) : n(t[k] as Raw))),
      ].join(' '),
    ),
    firsts: firsts.map((f) => `${String(f['anchorId'])} ${String(f['activityId'])} ${String(f['personId'])} ${new Date(f['firstAt'] as string).toISOString()}`),
    counts: counts.map((c) => `${String(c['anchorId'])} ${String(c['activityId'])} ${n(c['people'] as Raw)}`),
  };
}

const ZERO = (activityId: string, kind: string): DeliverySums => ({
  activityId,
  kind,
  occurrences: 0,
  participants: 0,
  newParticipants: 0,
  completed: 0,
  completedOf: 0,
  satisfied: 0,
  satisfiedOf: 0,
  volunteers: 0,
  volunteerHours: 0,
});
const SUMMED = DELIVERY_TOTAL_COLUMNS.filter((c): c is Exclude<typeof c, 'deliveries'> => c !== 'deliveries');

/** What one statement reads of a standard period: its delivery sums, its people and the latest levels. */
export interface KeptWindow {
  /** Per activity and kind, as `deliverySums` counts them live. */
  sums: DeliverySums[];
  /** Distinct attendees of each activity with its sub-activities (activity id → people). */
  people: Map<string, number>;
  /** The latest level registered for each asked-for activity before the range's end. */
  levels: Map<string, { participants: number; date: Date }>;
}

/**
 * Everything progress reads of a standard period, in one statement (issue 15: whole-plan progress
 * in at most three). Three parts in one UNION ALL, told apart by `part`:
 * - `a`, the delivery sums of `range` from the kept totals of `anchor` (which starts with the range),
 *   less the deliveries dated from the range's end to the anchor's end (none once the period has
 *   ended); a marker row says the anchor is stored;
 * - `b`, the distinct attendees of every activity with its sub-activities up to the range's end: the
 *   kept count of the whole period less the people whose first event in it lies at or after that
 *   instant (none when the period has ended);
 * - `c`, the newest level delivery of each of `levelActivities` before the range's end (an indexed
 *   lookup per activity).
 * The sums come first, so the SQLite adapter takes the number columns' types from an aggregate
 * (never an integer column, which would truncate volunteer hours). Null when the anchor is not
 * stored (a database its periods were never written for): count live instead.
 */
export async function keptWindow(
  db: Db,
  planId: string,
  anchor: Anchor,
  range: Pick<Range, 'toExclusive' | 'toInstant'>,
  levelActivities: readonly string[],
): Promise<KeptWindow | null> {
  // The deliveries after the range's end, taken off: every kept column but the row count.
  const tail = Prisma.raw(deliveryValues('d', -1).slice(1).join(', '));
  const ids =
    levelActivities.length > 0 ? Prisma.sql`WITH ids(aid) AS (VALUES ${Prisma.join(levelActivities.map((id) => Prisma.sql`(${id})`))}) ` : Prisma.empty;
  const levels =
    levelActivities.length > 0
      ? Prisma.sql`
      UNION ALL
      SELECT 'c', d."activityId", NULL, d."participants", 0, 0, 0, 0, 0, 0, 0, 0, d."date"
      FROM ids JOIN "Delivery" d ON d."id" = (
        SELECT l."id" FROM "Delivery" l
        WHERE l."activityId" = ids.aid AND l."deletedAt" IS NULL AND l."kind" = 'level' AND l."date" < ${range.toExclusive}
        ORDER BY l."date" DESC, l."createdAt" DESC LIMIT 1)`
      : Prisma.empty;
  const rows = await db.$queryRaw<Record<string, Raw>[]>`
    ${ids}SELECT * FROM (
      SELECT 'a' AS part, x."activityId" AS "activityId", x."kind" AS "kind", SUM(x.occ) AS occ, SUM(x.part) AS part_n, SUM(x.newp) AS newp,
        SUM(x.comp) AS comp, SUM(x.compof) AS compof, SUM(x.sat) AS sat, SUM(x.satof) AS satof, SUM(x.vol) AS vol, SUM(x.volh) AS volh, CAST(NULL AS TIMESTAMP) AS at
      FROM (
        SELECT '' AS "activityId", '' AS "kind", 0 AS occ, 0 AS part, 0 AS newp, 0 AS comp, 0 AS compof, 0 AS sat, 0 AS satof, 0 AS vol, 0.0 AS volh
        FROM "PeriodAnchor" WHERE "id" = ${anchor.id}
        UNION ALL
        SELECT t."activityId", t."kind", t."occurrences", t."participants", t."newParticipants", t."completed", t."completedOf", t."satisfied",
          t."satisfiedOf", t."volunteers", t."volunteerHours"
        FROM "DeliveryTotal" t WHERE t."anchorId" = ${anchor.id}
        UNION ALL
        SELECT d."activityId", d."kind", ${tail}
        FROM "Delivery" d JOIN "Activity" a ON a."id" = d."activityId"
        WHERE a."planId" = ${planId} AND d."deletedAt" IS NULL AND d."date" >= ${range.toExclusive} AND d."date" < ${anchor.toDate}
      ) x
      GROUP BY x."activityId", x."kind"
      UNION ALL
      SELECT 'b', c."activityId", NULL,
        c."people" - (SELECT COUNT(*) FROM "AttendeeFirst" f WHERE f."anchorId" = c."anchorId" AND f."activityId" = c."activityId" AND f."firstAt" >= ${range.toInstant}),
        0, 0, 0, 0, 0, 0, 0, 0, NULL
      FROM "AttendeeCount" c WHERE c."anchorId" = ${anchor.id}${levels}
    ) w`;
  if (!rows.some((r) => r['part'] === 'a' && r['activityId'] === '')) return null;
  const out: KeptWindow = { sums: [], people: new Map(), levels: new Map() };
  for (const r of rows) {
    const activityId = String(r['activityId']);
    if (r['part'] === 'b') {
      out.people.set(activityId, Number(r['occ'] ?? 0));
      continue;
    }
    if (r['part'] === 'c') {
      out.levels.set(activityId, { participants: Number(r['occ'] ?? 0), date: new Date(r['at'] as string) });
      continue;
    }
    if (activityId === '') continue;
    const s = ZERO(activityId, String(r['kind']));
    s.occurrences = Number(r['occ'] ?? 0);
    s.participants = Number(r['part_n'] ?? 0);
    s.newParticipants = Number(r['newp'] ?? 0);
    s.completed = Number(r['comp'] ?? 0);
    s.completedOf = Number(r['compof'] ?? 0);
    s.satisfied = Number(r['sat'] ?? 0);
    s.satisfiedOf = Number(r['satof'] ?? 0);
    s.volunteers = Number(r['vol'] ?? 0);
    s.volunteerHours = Number(r['volh'] ?? 0);
    // A pair whose deliveries all lie after the range's end adds nothing (a pair of zeros counts for nothing either way).
    if (!SUMMED.every((k) => Math.abs(s[k]) < 1e-9)) out.sums.push(s);
  }
  return out;
}

/** Every plan's periods written and rows rebuilt; how many kept rows differed from the rebuilt ones. */
export async function rebuildAllTotals(db: Db): Promise<{ plans: number; differing: number }> {
  const plans = await db.plan.findMany({ select: { id: true, startDate: true, endDate: true, planYearStartMonth: true } });
  let differing = 0;
  for (const p of plans) {
    await db.$transaction(
      async (tx) => {
        await writeAnchors(tx, p.id, p);
        const before = await keptRows(tx, p.id);
        await rebuildPlanTotals(tx, p.id);
        const after = await keptRows(tx, p.id);
        differing += diffCount(before.totals, after.totals) + diffCount(before.firsts, after.firsts) + diffCount(before.counts, after.counts);
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
  }
  return { plans: plans.length, differing };
}

function diffCount(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let n = 0;
  for (const x of left) if (!right.has(x)) n++;
  for (const x of right) if (!left.has(x)) n++;
  return n;
}
