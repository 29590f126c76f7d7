/**
 * The static plan data every turn reads (plans, activities with their translations and target
 * groups, targets, focus areas, locations, housing areas and their street rules) held in memory, one snapshot per
 * database client. It is dropped (and read again, nine statements, on the next use) when:
 * - Nabo's own plan writers (importPlan, syncPlan, the seed) call `planDataChanged` (change-feed.ts);
 * - another PostgreSQL instance or the `plan:import` command line says so by NOTIFY (change-feed.ts);
 * - on SQLite, another process committed to the file: `PRAGMA data_version` moves, read for free in
 *   the statement that starts every turn (see observeDataVersion).
 * A snapshot read while a change is committed is thrown away rather than kept (generation check).
 */
import type { Db } from '../database/database';
import { providerOf } from './provider';
import type { Activity, ActivityTranslation, FocusArea, HousingArea, Location, Plan, StreetRule, Target, TargetGroup } from '../generated/sqlite/client';

/** An activity as the snapshot holds it: the row with its target groups and every translation. */
export type CachedActivity = Activity & { targetGroups: TargetGroup[]; translations: ActivityTranslation[] };

/** One consistent read of the plan data. */
export interface PlanDataSnapshot {
  /** Every plan, newest start first. */
  plans: Plan[];
  planById: ReadonlyMap<string, Plan>;
  activityById: ReadonlyMap<string, CachedActivity>;
  /** A plan's activities in the plan's order (focus area, then position). */
  activitiesByPlan: ReadonlyMap<string, CachedActivity[]>;
  locationById: ReadonlyMap<string, Location>;
  /** A plan's focus areas in the plan's order. */
  focusAreasByPlan: ReadonlyMap<string, FocusArea[]>;
  /** An activity's targets (succeskriterier) in the plan's order. */
  targetsByActivity: ReadonlyMap<string, Target[]>;
  housingAreasByPlan: ReadonlyMap<string, HousingArea[]>;
  streetRulesByPlan: ReadonlyMap<string, StreetRule[]>;
}

async function readSnapshot(db: Db, sqlite: boolean): Promise<PlanDataSnapshot & { dataVersion: number | null }> {
  // Read first: a write by another process after it moves it again, so it cannot go unseen.
  const version = sqlite ? await db.$queryRaw<{ v: number | bigint }[]>`SELECT "data_version" AS "v" FROM pragma_data_version` : [];
  const plans = await db.plan.findMany({ orderBy: { startDate: 'desc' } });
  const activities = await db.activity.findMany({ orderBy: [{ planId: 'asc' }, { focusAreaId: 'asc' }, { position: 'asc' }] });
  const translations = await db.activityTranslation.findMany();
  const groups = await db.targetGroup.findMany({ orderBy: { id: 'asc' } });
  const locations = await db.location.findMany();
  const areas = await db.housingArea.findMany({ orderBy: { name: 'asc' } });
  const rules = await db.streetRule.findMany();
  const focusAreas = await db.focusArea.findMany({ orderBy: [{ planId: 'asc' }, { position: 'asc' }] });
  const targets = await db.target.findMany({ orderBy: [{ activityId: 'asc' }, { position: 'asc' }] });
  const full = new Map<string, CachedActivity>(activities.map((a) => [a.id, { ...a, targetGroups: [], translations: [] }]));
  for (const t of translations) full.get(t.activityId)?.translations.push(t);
  for (const g of groups) full.get(g.activityId)?.targetGroups.push(g);
  const activitiesByPlan = new Map<string, CachedActivity[]>();
  for (const a of full.values()) activitiesByPlan.set(a.planId, [...(activitiesByPlan.get(a.planId) ?? []), a]);
  const housingAreasByPlan = new Map<string, HousingArea[]>();
  for (const a of areas) housingAreasByPlan.set(a.planId, [...(housingAreasByPlan.get(a.planId) ?? []), a]);
  const planOfArea = new Map(areas.map((a) => [a.id, a.planId]));
  const streetRulesByPlan = new Map<string, StreetRule[]>();
  for (const r of rules) {
    const planId = planOfArea.get(r.housingAreaId);
    if (planId) streetRulesByPlan.set(planId, [...(streetRulesByPlan.get(planId) ?? []), r]);
  }
  const group = <T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> => {
    const m = new Map<K, T[]>();
    for (const r of rows) {
      const list = m.get(key(r));
      if (list) list.push(r);
      else m.set(key(r), [r]);
    }
    return m;
  };
  return {
    focusAreasByPlan: group(focusAreas, (f) => f.planId),
    targetsByActivity: group(targets, (t) => t.activityId),
    dataVersion: version[0] ? Number(version[0].v) : null,
    plans,
    planById: new Map(plans.map((p) => [p.id, p])),
    activityById: full,
    activitiesByPlan,
    locationById: new Map(locations.map((l) => [l.id, l])),
    housingAreasByPlan,
    streetRulesByPlan,
  };
}

/** The plan data of one database client, read once and kept until a change is signalled. */
export class PlanDataCache {
  private snapshotPromise: Promise<PlanDataSnapshot> | null = null;
  /** Bumped on every invalidation; a read that started under an older one is not kept. */
  private generation = 0;
  private dataVersion: number | null = null;
  /** When data_version was last seen (Date.now()); SQLite reads outside turns check it when older than versionFreshMs. */
  private versionSeenAt = 0;
  private readonly sqlite: boolean;
  /** How long a data_version seen stays good enough for a read that no turn preceded (SQLite). */
  versionFreshMs = 5_000;
  /** How many times the snapshot was read (for tests and the bench). */
  loads = 0;

  constructor(private readonly db: Db) {
    this.sqlite = providerOf(db) === 'sqlite';
  }

  /**
   * The current snapshot, read from the database when there is none. On SQLite a read that no turn
   * preceded by versionFreshMs (the dashboard, the outbox) first looks at data_version itself, one statement.
   */
  async snapshot(): Promise<PlanDataSnapshot> {
    if (this.sqlite && this.snapshotPromise && Date.now() - this.versionSeenAt > this.versionFreshMs) {
      const [row] = await this.db.$queryRaw<{ v: number | bigint }[]>`SELECT "data_version" AS "v" FROM pragma_data_version`;
      if (row) this.observeDataVersion(Number(row.v));
    }
    return this.current();
  }

  private current(): Promise<PlanDataSnapshot> {
    if (this.snapshotPromise) return this.snapshotPromise;
    const started = this.generation;
    this.loads++;
    const loading = readSnapshot(this.db, this.sqlite).then(
      ({ dataVersion, ...s }) => {
        if (dataVersion !== null && this.generation === started) {
          this.dataVersion = dataVersion;
          this.versionSeenAt = Date.now();
        }
        // Changed while reading: this caller gets what it read, the next one reads again.
        if (this.generation !== started && this.snapshotPromise === loading) this.snapshotPromise = null;
        return s;
      },
      (err: unknown) => {
        if (this.snapshotPromise === loading) this.snapshotPromise = null;
        throw err;
      },
    );
    this.snapshotPromise = loading;
    return loading;
  }

  /** Forgets the snapshot; the next use reads the plan data again. */
  invalidate(): void {
    this.generation++;
    this.snapshotPromise = null;
  }

  /**
   * SQLite only: `PRAGMA data_version` of Nabo's connection, which moves when another connection (a
   * `plan:import` in another process) commits. Any move drops the snapshot; the first value is kept.
   */
  observeDataVersion(version: number): void {
    if (this.dataVersion !== null && this.dataVersion !== version) this.invalidate();
    this.dataVersion = version;
    this.versionSeenAt = Date.now();
  }
}

const caches = new WeakMap<Db, PlanDataCache>();

/** The plan-data cache of a database client (one per client, shared by every service using it). */
export function planDataCache(db: Db): PlanDataCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new PlanDataCache(db);
    caches.set(db, cache);
  }
  return cache;
}

/** Every cache that exists for a client, without creating one (change-feed.ts). */
export function existingPlanDataCache(db: Db): PlanDataCache | undefined {
  return caches.get(db);
}
