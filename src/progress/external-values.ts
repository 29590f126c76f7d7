/**
 * Values for targets Nabo cannot count from its own registrations: a coordinator registers what
 * an external source (Ranpro, the production school, a survey) reports for a period, with the
 * source and a note. Registering the same target and period again replaces the value; each change
 * is audited. A value counts towards every period that contains its own period: summed for counts,
 * the latest for shares and levels.
 */
import type { Db } from '../database/database';
import { audit } from '../audit/audit-log';
import { DomainError } from '../errors/domain-error';
import type { Period } from './periods';
import type { ExternalFigure } from './progress-compute';

const MAX_SOURCE = 200;
const MAX_NOTE = 500;

/** A registered value as the report lists it. */
export interface TargetValueView {
  id: string;
  targetId: string;
  periodFrom: Date;
  /** Exclusive. */
  periodTo: Date;
  value: number;
  source: string;
  note: string | null;
  registeredBy: string | null;
  updatedAt: Date;
}

/** Whether a target's registered values add up over a period (counts) or the latest stands (shares, levels). */
function adds(t: { kind: string; unit: string }): boolean {
  if (t.unit.trim() === '%') return false;
  return ['event_count', 'unique_participants', 'qualitative'].includes(t.kind);
}

export class ExternalValueService {
  constructor(private readonly db: Db) {}

  /** Registers (or replaces) the value of a target for a period; throws target_value.invalid for a bad value or source. */
  async register(input: {
    targetId: string;
    period: Pick<Period, 'from' | 'toExclusive'>;
    value: number;
    source: string;
    note?: string;
    registeredBy: string;
  }): Promise<TargetValueView> {
    const source = input.source.trim().slice(0, MAX_SOURCE);
    if (!Number.isFinite(input.value) || input.value < 0 || !source) throw new DomainError('target_value.invalid');
    const target = await this.db.target.findUnique({ where: { id: input.targetId }, select: { id: true } });
    if (!target) throw new DomainError('target_value.target_unknown');
    const note = input.note?.trim().slice(0, MAX_NOTE) || null;
    const key = { targetId: target.id, periodFrom: input.period.from, periodTo: input.period.toExclusive };
    return this.db.$transaction(async (tx) => {
      const earlier = await tx.targetValue.findUnique({ where: { targetId_periodFrom_periodTo: key } });
      const row = earlier
        ? await tx.targetValue.update({ where: { id: earlier.id }, data: { value: input.value, source, note, registeredBy: input.registeredBy } })
        : await tx.targetValue.create({ data: { ...key, value: input.value, source, note, registeredBy: input.registeredBy } });
      await audit(tx, {
        actorId: input.registeredBy,
        action: 'target_value.register',
        entity: 'TargetValue',
        entityId: row.id,
        details: { value: input.value, replaced: Boolean(earlier) },
      });
      return row;
    });
  }

  /** The values registered for a plan's targets whose period lies inside `period`, oldest first. */
  async list(planId: string, period: Pick<Period, 'from' | 'toExclusive'>): Promise<TargetValueView[]> {
    return this.db.targetValue.findMany({
      where: { target: { activity: { planId } }, periodFrom: { gte: period.from }, periodTo: { lte: period.toExclusive } },
      orderBy: [{ periodFrom: 'asc' }, { periodTo: 'asc' }, { createdAt: 'asc' }],
    });
  }

  /**
   * Every value registered for a plan's targets, with what summing them needs; few rows, read once
   * per question in one joined statement (a nested select would send a second one, even for none).
   */
  async forPlan(planId: string): Promise<RegisteredValue[]> {
    const rows = await this.db.$queryRaw<
      { targetId: string; periodFrom: Date | string | number; periodTo: Date | string | number; value: number; source: string; kind: string; unit: string }[]
    >`
      SELECT v."targetId" AS "targetId", v."periodFrom" AS "periodFrom", v."periodTo" AS "periodTo", v."value" AS "value", v."source" AS "source",
        t."kind" AS "kind", t."unit" AS "unit"
      FROM "TargetValue" v JOIN "Target" t ON t."id" = v."targetId" JOIN "Activity" a ON a."id" = t."activityId"
      WHERE a."planId" = ${planId}
      ORDER BY v."periodTo" ASC, v."updatedAt" ASC`;
    return rows.map((r) => ({
      targetId: r.targetId,
      periodFrom: new Date(r.periodFrom),
      periodTo: new Date(r.periodTo),
      value: Number(r.value),
      source: r.source,
      target: { kind: r.kind, unit: r.unit },
    }));
  }

  /** What the registered values add up to per target for `period` (only targets that have any). */
  async forPeriod(planId: string, period: Pick<Period, 'from' | 'toExclusive'>): Promise<Map<string, ExternalFigure>> {
    return valuesInPeriod(await this.forPlan(planId), period);
  }
}

/** A registered value as forPlan reads it. */
export interface RegisteredValue {
  targetId: string;
  periodFrom: Date;
  periodTo: Date;
  value: number;
  source: string;
  target: { kind: string; unit: string };
}

/** The values whose own period lies inside `period`, per target: summed for counts, the latest for shares and levels. */
export function valuesInPeriod(rows: readonly RegisteredValue[], period: Pick<Period, 'from' | 'toExclusive'>): Map<string, ExternalFigure> {
  const out = new Map<string, ExternalFigure>();
  for (const r of rows) {
    if (r.periodFrom < period.from || r.periodTo > period.toExclusive) continue;
    const before = out.get(r.targetId);
    const sources = before && !before.source.split('; ').includes(r.source) ? `${before.source}; ${r.source}` : r.source;
    out.set(r.targetId, { value: before && adds(r.target) ? before.value + r.value : r.value, source: sources });
  }
  return out;
}
