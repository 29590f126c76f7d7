/** `npm run plan:template -- --out FILE.xlsx`: an empty plan workbook with one example row per sheet. */
import { planTemplateCommand } from '../plan-workbook/commands';
import { runPlanCommand } from './plan-command';

runPlanCommand(planTemplateCommand);
