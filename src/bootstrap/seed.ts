/**
 * First start: import the shipped plans when the database has none, and keep the demo calendar in
 * line with NABO_DEMO_CALENDAR (created when on, removed when off). Says where the plan data came
 * from, for the start banner.
 */
import { basename, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Db } from '../database/database';
import type { Logger } from '../logging/logger';
import type { Clock } from '../time/clock';
import { createDemoCalendar, DEMO_PLAN_KEY } from '../plan-data/demo-calendar';
import { loadPlanFile, planFilesIn } from '../plan-data/plan-loader';
import { importPlan } from '../plan-data/plan-importer';
import { planDataChanged } from '../cache/change-feed';

/** The plan that the demo replays, and the plan its counselling activity comes from. */
export const DEMO_SOURCE_FILE = 'randers-nordby-2017-21.json';
export const COUNSELLING_SOURCE_FILE = 'randers-nordby-2013-17.json';
export const COUNSELLING_KEY = 'oekonomisk-raadgivning';

/** One line per plan in the database: its name and the documents it was read from. */
export interface SeedReport {
  imported: string[];
  plans: { key: string; name: string; sources: string[]; isDemo: boolean }[];
  demo: 'created' | 'kept' | 'removed' | 'off';
}

export async function seed(
  db: Db,
  opts: { planDir: string; demoCalendar: boolean; clock: Clock; logger: Logger; fromTemplate?: string[] | null },
): Promise<SeedReport> {
  // A fresh database copied from the build's template already holds these plans (src/bootstrap/seed-template.ts).
  const imported: string[] = [...(opts.fromTemplate ?? [])];
  if ((await db.plan.count({ where: { isDemo: false } })) === 0) {
    for (const file of planFilesIn(opts.planDir)) {
      const s = await importPlan(db, loadPlanFile(file));
      imported.push(basename(file));
      opts.logger.info('plan imported', { file: basename(file), key: s.key, activities: s.activities, targets: s.targets });
    }
  }
  const demoPlan = await db.plan.findUnique({ where: { key: DEMO_PLAN_KEY } });
  let demo: SeedReport['demo'] = opts.demoCalendar ? 'kept' : 'off';
  if (opts.demoCalendar && !demoPlan) {
    const source = join(opts.planDir, DEMO_SOURCE_FILE);
    if (existsSync(source)) {
      const counsellingFile = join(opts.planDir, COUNSELLING_SOURCE_FILE);
      const counselling = existsSync(counsellingFile)
        ? loadPlanFile(counsellingFile)
            .focusAreas.flatMap((f) => f.activities)
            .find((a) => a.key === COUNSELLING_KEY)
        : undefined;
      await createDemoCalendar(db, opts.clock, loadPlanFile(source), counselling);
      demo = 'created';
    }
  } else if (!opts.demoCalendar && demoPlan) {
    await db.plan.delete({ where: { id: demoPlan.id } });
    await db.location.deleteMany({ where: { key: { startsWith: 'demo-' } } });
    await planDataChanged(db);
    demo = 'removed';
  }
  const plans = await db.plan.findMany({ orderBy: { startDate: 'asc' } });
  return {
    imported,
    plans: plans.map((p) => ({ key: p.key, name: p.name, sources: JSON.parse(p.sources) as string[], isDemo: p.isDemo })),
    demo,
  };
}

/** The start banner's lines about plan data. */
export function describeSeed(report: SeedReport, planDir: string): string[] {
  const lines = report.imported.length
    ? [`Plan data imported from ${planDir}: ${report.imported.join(', ')}`]
    : [`Plan data already in the database (shipped files in ${planDir}; re-import with npm run plan:import -- FILE)`];
  for (const p of report.plans) {
    lines.push(`  ${p.isDemo ? '[DEMO] ' : ''}${p.name}${p.isDemo ? ' — demo copy, NABO_DEMO_CALENDAR=off removes it' : ` — from ${p.sources.join(', ')}`}`);
  }
  return lines;
}
