/**
 * `npm run plan:import -- FILE [FILE…]`: validates plan files and imports them into the configured
 * database (DATABASE_URL), updating a plan of the same key in place.
 */
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/database';
import { PlanFileError, loadPlanFile } from '../plan-data/plan-loader';
import { importPlan } from '../plan-data/plan-importer';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run plan:import -- prisma/plans/FILE.json [more files]');
    return 2;
  }
  const plans = [];
  for (const f of files) {
    try {
      plans.push(loadPlanFile(f));
    } catch (err) {
      console.error(err instanceof PlanFileError ? err.message : String(err));
      return 1;
    }
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    for (const p of plans) {
      const s = await importPlan(database.db, p);
      console.log(`${p.name}: ${s.focusAreas} focus areas, ${s.activities} activities, ${s.targets} targets, ${s.housingAreas} housing areas, ${s.historicalDeliveries} historical deliveries → ${database.where}`);
    }
  } finally {
    await database.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
