/**
 * Brings the database's copy of a plan in line with a plan file or workbook, in one transaction:
 * adds and updates by key, removes what the file no longer has, and refuses (changing nothing)
 * when a removal would take registrations with it (events, deliveries, counselling slots,
 * measurements entered by staff, residents' housing areas).
 */
import type { Db, Tx } from '../database/database';
import { planDataChanged } from '../cache/change-feed';
import { diffPlans, type PlanChange } from './plan-changes';
import type { PlanFile } from './plan-file';
import { FROM_PLAN_FILE, importPlanInto, type ImportSummary } from './plan-importer';
import { readPlanFromDatabase } from './plan-reader';

/** A removal that would lose registrations, with how many there are. */
export interface Refusal {
  entity: 'activity' | 'indicator' | 'housingArea';
  key: string;
  registrations: number;
}

export type SyncResult =
  | { status: 'refused'; changes: PlanChange[]; refusals: Refusal[] }
  | { status: 'dry-run'; changes: PlanChange[] }
  | { status: 'imported'; changes: PlanChange[]; summary: ImportSummary };

const removed = (changes: PlanChange[], entity: PlanChange['entity']): string[] =>
  changes.filter((c) => c.action === 'removed' && c.entity === entity).map((c) => c.key);

async function refusalsFor(tx: Tx, planId: string, changes: PlanChange[]): Promise<Refusal[]> {
  const refusals: Refusal[] = [];
  for (const key of removed(changes, 'activity')) {
    const where = { activity: { planId, key } };
    const registrations =
      (await tx.event.count({ where })) + (await tx.delivery.count({ where: { ...where, isHistorical: false } })) + (await tx.appointmentSlot.count({ where }));
    if (registrations > 0) refusals.push({ entity: 'activity', key, registrations });
  }
  for (const id of removed(changes, 'indicator')) {
    const [focusArea, key] = id.split('/') as [string, string];
    const registrations = await tx.measurement.count({
      where: { indicator: { key, focusArea: { planId, key: focusArea } }, OR: [{ registeredBy: null }, { registeredBy: { not: FROM_PLAN_FILE } }] },
    });
    if (registrations > 0) refusals.push({ entity: 'indicator', key: id, registrations });
  }
  for (const key of removed(changes, 'housingArea')) {
    const registrations = await tx.person.count({ where: { housingArea: { planId, key } } });
    if (registrations > 0) refusals.push({ entity: 'housingArea', key, registrations });
  }
  return refusals;
}

/** Removes what the plan no longer has; runs after the import, so kept things have moved away first. */
async function removeMissing(tx: Tx, planId: string, changes: PlanChange[]): Promise<void> {
  for (const id of removed(changes, 'target')) {
    const [activity, key] = id.split('/') as [string, string];
    await tx.target.deleteMany({ where: { key, activity: { planId, key: activity } } });
  }
  const activities = removed(changes, 'activity');
  if (activities.length) await tx.activity.deleteMany({ where: { planId, key: { in: activities } } });
  for (const id of removed(changes, 'indicator')) {
    const [focusArea, key] = id.split('/') as [string, string];
    await tx.indicator.deleteMany({ where: { key, focusArea: { planId, key: focusArea } } });
  }
  const focusAreas = removed(changes, 'focusArea');
  if (focusAreas.length) await tx.focusArea.deleteMany({ where: { planId, key: { in: focusAreas } } });
  const areas = removed(changes, 'housingArea');
  if (areas.length) await tx.housingArea.deleteMany({ where: { planId, key: { in: areas } } });
}

/** Compares, checks and (unless dryRun) imports the plan; nothing is written when refused. */
export async function syncPlan(db: Db, plan: PlanFile, options: { dryRun?: boolean } = {}): Promise<SyncResult> {
  const result = await db.$transaction<SyncResult>(
    async (tx) => {
      const existing = await tx.plan.findUnique({ where: { key: plan.key }, select: { id: true, isDemo: true } });
      const changes = diffPlans(existing ? await readPlanFromDatabase(tx, plan.key) : null, plan);
      const refusals = existing ? await refusalsFor(tx, existing.id, changes) : [];
      if (refusals.length) return { status: 'refused', changes, refusals };
      if (options.dryRun) return { status: 'dry-run', changes };
      const summary = await importPlanInto(tx, plan, { isDemo: existing?.isDemo ?? false });
      await removeMissing(tx, summary.planId, changes);
      return { status: 'imported', changes, summary };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  // Cached plan data is read again, here and (PostgreSQL) in every running instance.
  if (result.status === 'imported') await planDataChanged(db);
  return result;
}
