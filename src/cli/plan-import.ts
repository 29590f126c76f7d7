/**
 * `npm run plan:import -- [--dry-run] FILE.xlsx|FILE.json [more]`: validates every file first and
 * imports nothing unless all are valid; then brings each plan in the database (DATABASE_URL) in
 * line with its file, by key. `--dry-run` lists what would be added, changed and removed.
 */
import { planImportCommand } from '../plan-workbook/commands';
import { runPlanCommand } from './plan-command';

runPlanCommand(planImportCommand);
