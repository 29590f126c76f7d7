/**
 * Lokalt opstillede målinger (area indicators such as "Registrerede klagesager"): coordinators find
 * an indicator by what they type and register a yearly value. A value belongs to a year and is
 * stored on that year's last day; registering the same year again replaces the earlier value.
 */
import type { Db } from '../database/database';
import { audit } from '../audit/audit-log';
import { planDataCache } from '../cache/plan-data-cache';
import { DomainError } from '../errors/domain-error';
import { listLocations, type LocationOption } from '../events/locations';
import { FROM_PLAN_FILE } from '../plan-data/plan-importer';
import { normalizeText } from '../text/normalize';
import { copenhagenDate } from '../time/calendar-date';
import type { Clock } from '../time/clock';

/** Registrations older than this are not area statistics we can check. */
export const FIRST_MEASUREMENT_YEAR = 2000;

/** An indicator as coordinators see it. */
export interface IndicatorView {
  id: string;
  key: string;
  name: string;
  focusAreaName: string;
  unit: string | null;
  baselineValue: number | null;
  baselineLabel: string | null;
  targetText: string;
  targetValue: number | null;
  direction: 'lower' | 'higher';
}

/** A registered value. */
export interface MeasurementView {
  id: string;
  date: Date;
  year: number;
  value: number;
}

type Row = {
  id: string;
  key: string;
  name: string;
  unit: string | null;
  baselineValue: number | null;
  baselineLabel: string | null;
  targetText: string;
  targetValue: number | null;
  direction: string;
  focusArea: { name: string };
};
const toView = (r: Row): IndicatorView => ({
  id: r.id,
  key: r.key,
  name: r.name,
  focusAreaName: r.focusArea.name,
  unit: r.unit,
  baselineValue: r.baselineValue,
  baselineLabel: r.baselineLabel,
  targetText: r.targetText,
  targetValue: r.targetValue,
  direction: r.direction === 'higher' ? 'higher' : 'lower',
});

/** How well `text` names the indicator (0 = not at all); normalised, so "klagesager" finds "Registrerede klagesager". */
function score(text: string, r: Row): number {
  const q = normalizeText(text);
  if (q.length < 3) return 0;
  let best = 0;
  for (const name of [normalizeText(r.name), normalizeText(r.key)]) {
    if (name === q) return 100;
    if (name.includes(q)) best = Math.max(best, 80);
    else if (q.includes(name)) best = Math.max(best, 70);
    else {
      // Every longer word of the text in the name ("sigtet 10-17 årige").
      const words = q.split(' ').filter((w) => w.length >= 4);
      if (words.length && words.every((w) => name.includes(w))) best = Math.max(best, 50);
    }
  }
  return best;
}

/** Throws measurement.invalid unless the year is 2000..this year and the value a number ≥ 0. */
export function checkMeasurement(year: number, value: number, now: Date): void {
  const thisYear = copenhagenDate(now).getUTCFullYear();
  if (!Number.isInteger(year) || year < FIRST_MEASUREMENT_YEAR || year > thisYear || !Number.isFinite(value) || value < 0) {
    throw new DomainError('measurement.invalid');
  }
}

export class IndicatorService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The indicators of a plan, by focus area. */
  async list(planId: string): Promise<IndicatorView[]> {
    const rows = await this.db.indicator.findMany({
      where: { focusArea: { planId } },
      include: { focusArea: true },
      orderBy: [{ focusArea: { position: 'asc' } }, { name: 'asc' }],
    });
    return rows.map(toView);
  }

  /** Indicators of a plan named by `text`, best first; throws indicator.not_found when none. */
  async find(planId: string, text: string): Promise<IndicatorView[]> {
    const rows = await this.db.indicator.findMany({ where: { focusArea: { planId } }, include: { focusArea: true } });
    const hits = rows
      .map((r) => ({ r, s: score(text, r) }))
      .filter((h) => h.s > 0)
      .sort((a, b) => b.s - a.s);
    if (hits.length === 0) throw new DomainError('indicator.not_found');
    // A clearly better name match wins alone; equal matches are for the person to choose between.
    const top = hits[0]?.s ?? 0;
    return hits.filter((h) => h.s === top).map((h) => toView(h.r));
  }

  /** One indicator. */
  async get(indicatorId: string): Promise<IndicatorView> {
    const row = await this.db.indicator.findUnique({ where: { id: indicatorId }, include: { focusArea: true } });
    if (!row) throw new DomainError('indicator.not_found');
    return toView(row);
  }

  /** Registers a value for a year (stored on 31 December) or an exact date; audited. */
  async register(input: {
    indicatorId: string;
    year?: number;
    date?: Date;
    value: number;
    registeredBy: string;
    note?: string;
  }): Promise<{ indicator: IndicatorView; measurement: MeasurementView }> {
    const year = input.date ? input.date.getUTCFullYear() : (input.year ?? NaN);
    checkMeasurement(year, input.value, this.clock.now());
    const indicator = await this.get(input.indicatorId);
    const date = input.date ?? new Date(Date.UTC(year, 11, 31));
    const note = input.note?.trim().slice(0, 500) || null;
    return this.db.$transaction(async (tx) => {
      // Values from the plan file stay as imported (a re-import restores them); ours are replaced.
      const earlier = await tx.measurement.findFirst({ where: { indicatorId: indicator.id, date, registeredBy: { not: FROM_PLAN_FILE } } });
      const row = earlier
        ? await tx.measurement.update({ where: { id: earlier.id }, data: { value: input.value, note, registeredBy: input.registeredBy } })
        : await tx.measurement.create({ data: { indicatorId: indicator.id, date, value: input.value, note, registeredBy: input.registeredBy } });
      await audit(tx, {
        actorId: input.registeredBy,
        action: 'measurement.register',
        entity: 'Measurement',
        entityId: row.id,
        details: { year, value: input.value, replaced: Boolean(earlier) },
      });
      return { indicator, measurement: { id: row.id, date: row.date, year, value: row.value } };
    });
  }

  /** Values registered for an indicator, oldest first. */
  async measurements(indicatorId: string): Promise<MeasurementView[]> {
    const rows = await this.db.measurement.findMany({ where: { indicatorId }, orderBy: { date: 'asc' } });
    return rows.map((r) => ({ id: r.id, date: r.date, year: r.date.getUTCFullYear(), value: r.value }));
  }

  // --- Look-ups the staff forms need that no service offers yet. FlowContext has no Db, and only
  // this service could be added to Services, so they live here until EventService (locations) and
  // DeliveryService (kind) take them over.

  /** Every location, for the "create event" and "create slots" forms. */
  async locations(): Promise<LocationOption[]> {
    return listLocations(this.db);
  }

  /**
   * The kind a logged delivery of this activity should have: 'course' when its count targets (or,
   * for a sub-activity without targets, its parent's) count courses only, otherwise 'event'.
   */
  async deliveryKindFor(activityId: string): Promise<'event' | 'course'> {
    // From the plan-data snapshot (no statement); an activity it does not hold yet is read as before.
    const snap = await planDataCache(this.db).snapshot();
    const cached = snap.activityById.get(activityId);
    if (cached) {
      let kinds = (snap.targetsByActivity.get(activityId) ?? []).map((t) => t.deliveryKind);
      if (kinds.length === 0 && cached.parentId) kinds = (snap.targetsByActivity.get(cached.parentId) ?? []).map((t) => t.deliveryKind);
      return kinds.includes('course') && !kinds.includes('event') ? 'course' : 'event';
    }
    const activity = await this.db.activity.findUnique({ where: { id: activityId }, select: { parentId: true, targets: { select: { deliveryKind: true } } } });
    if (!activity) throw new DomainError('delivery.activity_unknown');
    let kinds = activity.targets.map((t) => t.deliveryKind);
    if (kinds.length === 0 && activity.parentId)
      kinds = (await this.db.target.findMany({ where: { activityId: activity.parentId }, select: { deliveryKind: true } })).map((t) => t.deliveryKind);
    return kinds.includes('course') && !kinds.includes('event') ? 'course' : 'event';
  }
}
