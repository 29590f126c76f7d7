/** `npm run plan:export -- --plan KEY --out FILE.xlsx`: the database's copy of a plan as a workbook. */
import { planExportCommand } from '../plan-workbook/commands';
import { runPlanCommand } from './plan-command';

runPlanCommand(planExportCommand);
