/** `npm run calendar:link -- --activity KEY [--plan KEY]`: the signed .ics feed address of an activity (link-command.ts). */
import { runPlanCommand } from '../cli/plan-command';
import { calendarLinkCommand } from './link-command';

runPlanCommand((argv, deps) => calendarLinkCommand(argv, deps, process.env));
