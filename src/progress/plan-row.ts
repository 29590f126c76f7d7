/**
 * A plan as progress reads it, in two statements side by side: the plan with its focus areas, and
 * its activities with their targets (an include of the three relations sent four). Raw SQL for
 * both, since Prisma sends one statement per relation; dates come back as strings from SQLite and
 * as dates from PostgreSQL, so both are read with `new Date`.
 */
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import type { PlanDataSnapshot } from '../cache/plan-data-cache';
import type { PlanRow } from './progress-compute';

type Raw = string | number | bigint | boolean | Date | null | undefined;
const str = (v: Raw): string => String(v ?? '');
const num = (v: Raw): number | null => (v === null || v === undefined ? null : Number(v));
const opt = (v: Raw): string | null => (v === null || v === undefined ? null : String(v));
const date = (v: Raw): Date => (v instanceof Date ? v : new Date(typeof v === 'bigint' ? Number(v) : (v as string | number)));

/** The plan `planId` with its focus areas, activities and targets in plan order; throws plan.not_found. */
export async function readPlanRow(db: Db, planId: string): Promise<PlanRow> {
  const [areas, activities] = await Promise.all([
    db.$queryRaw<Record<string, Raw>[]>`
      SELECT p."id" AS "id", p."key" AS "key", p."name" AS "name", p."isDemo" AS "isDemo", p."startDate" AS "startDate", p."endDate" AS "endDate",
        p."planYearStartMonth" AS "planYearStartMonth", p."statusThresholds" AS "statusThresholds",
        f."id" AS "fId", f."key" AS "fKey", f."name" AS "fName"
      FROM "Plan" p LEFT JOIN "FocusArea" f ON f."planId" = p."id"
      WHERE p."id" = ${planId}
      ORDER BY f."position" ASC, f."id" ASC`,
    db.$queryRaw<Record<string, Raw>[]>`
      SELECT a."id" AS "id", a."key" AS "key", a."name" AS "name", a."parentId" AS "parentId", a."focusAreaId" AS "focusAreaId",
        t."id" AS "tId", t."key" AS "tKey", t."text" AS "tText", t."kind" AS "kind", t."perYear" AS "perYear", t."wholePeriod" AS "wholePeriod",
        t."unit" AS "unit", t."dataSource" AS "dataSource", t."deliveryKind" AS "deliveryKind"
      FROM "Activity" a LEFT JOIN "Target" t ON t."activityId" = a."id"
      WHERE a."planId" = ${planId}
      ORDER BY a."position" ASC, a."id" ASC, t."position" ASC, t."id" ASC`,
  ]);
  const p = areas[0];
  if (!p) throw new DomainError('plan.not_found');
  const byId = new Map<string, PlanRow['activities'][number]>();
  for (const r of activities) {
    const id = str(r['id']);
    let a = byId.get(id);
    if (!a) {
      a = { id, key: str(r['key']), name: str(r['name']), parentId: opt(r['parentId']), focusAreaId: str(r['focusAreaId']), targets: [] };
      byId.set(id, a);
    }
    if (r['tId'] === null || r['tId'] === undefined) continue;
    a.targets.push({
      id: str(r['tId']),
      key: str(r['tKey']),
      text: str(r['tText']),
      kind: str(r['kind']),
      perYear: num(r['perYear']),
      wholePeriod: num(r['wholePeriod']),
      unit: str(r['unit']),
      dataSource: str(r['dataSource']),
      deliveryKind: opt(r['deliveryKind']),
    });
  }
  return {
    id: str(p['id']),
    key: str(p['key']),
    name: str(p['name']),
    // SQLite answers 0/1, PostgreSQL a boolean.
    isDemo: p['isDemo'] === true || Number(p['isDemo']) === 1,
    startDate: date(p['startDate']),
    endDate: date(p['endDate']),
    planYearStartMonth: Number(p['planYearStartMonth']),
    statusThresholds: opt(p['statusThresholds']),
    focusAreas: areas
      .filter((r) => r['fId'] !== null && r['fId'] !== undefined)
      .map((r) => ({ id: str(r['fId']), key: str(r['fKey']), name: str(r['fName']) })),
    activities: [...byId.values()],
  };
}

/** Position, then id: the order readPlanRow's SQL gives. */
const byPosition = <T extends { position: number; id: string }>(a: T, b: T): number => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The same plan as readPlanRow, from the plan-data snapshot a turn already holds (no statement); null
 * when the snapshot has no such plan.
 */
export function planRowFromSnapshot(snapshot: PlanDataSnapshot, planId: string): PlanRow | null {
  const p = snapshot.planById.get(planId);
  if (!p) return null;
  return {
    id: p.id,
    key: p.key,
    name: p.name,
    isDemo: p.isDemo,
    startDate: new Date(p.startDate),
    endDate: new Date(p.endDate),
    planYearStartMonth: p.planYearStartMonth,
    statusThresholds: p.statusThresholds,
    focusAreas: [...(snapshot.focusAreasByPlan.get(planId) ?? [])].sort(byPosition).map((f) => ({ id: f.id, key: f.key, name: f.name })),
    activities: [...(snapshot.activitiesByPlan.get(planId) ?? [])].sort(byPosition).map((a) => ({
      id: a.id,
      key: a.key,
      name: a.name,
      parentId: a.parentId,
      focusAreaId: a.focusAreaId,
      targets: [...(snapshot.targetsByActivity.get(a.id) ?? [])].sort(byPosition).map((t) => ({
        id: t.id,
        key: t.key,
        text: t.text,
        kind: t.kind,
        perYear: t.perYear,
        wholePeriod: t.wholePeriod,
        unit: t.unit,
        dataSource: t.dataSource,
        deliveryKind: t.deliveryKind,
      })),
    })),
  };
}
