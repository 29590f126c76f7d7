/**
 * The plan commands (plan:import, plan:export, plan:template) as functions of their arguments and
 * a small `deps` object, so tests run them against a real database without spawning processes.
 * Lines meant for the secretariat are Danish sentences from locales/da/plan-workbook.json.
 */
import { extname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Db } from '../database/database';
import type { Translate } from '../i18n/i18n';
import type { PlanFile } from '../plan-data/plan-file';
import { loadPlanFile, PlanFileError } from '../plan-data/plan-loader';
import { readPlanFromDatabase } from '../plan-data/plan-reader';
import { syncPlan } from '../plan-data/plan-sync';
import { describeChanges, describeRefusals } from './import-report';
import { writePlanWorkbook } from './plan-to-workbook';
import { describeProblem } from './problems';
import { templateWorkbook } from './template';
import { readPlanWorkbook } from './workbook-to-plan';

/** What a command needs from the world. `db` opens the database only when a command needs it. */
export interface CommandDeps {
  db: () => Promise<Db>;
  t: Translate;
  print: (line: string) => void;
  printError: (line: string) => void;
}

const IMPORT_USAGE = 'usage: npm run plan:import -- [--dry-run] FILE.xlsx|FILE.json [more files]';
const EXPORT_USAGE = 'usage: npm run plan:export -- --plan KEY --out FILE.xlsx';
const TEMPLATE_USAGE = 'usage: npm run plan:template -- --out FILE.xlsx';

function parse(argv: string[], options: ParseArgsConfig['options'], allowPositionals: boolean): ReturnType<typeof parseArgs> | null {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch {
    return null;
  }
}

/** Validates every file first (all problems of each), then imports them; exit code 0, 1 or 2. */
export async function planImportCommand(argv: string[], deps: CommandDeps): Promise<number> {
  const args = parse(argv, { 'dry-run': { type: 'boolean' } }, true);
  if (!args || args.positionals.length === 0) {
    deps.printError(IMPORT_USAGE);
    return 2;
  }
  const dryRun = args.values['dry-run'] === true;
  const plans: { file: string; plan: PlanFile }[] = [];
  let invalid = false;
  for (const file of args.positionals) {
    if (extname(file).toLowerCase() === '.xlsx') {
      const result = await readPlanWorkbook(file);
      if (result.ok) plans.push({ file, plan: result.plan });
      else {
        invalid = true;
        deps.printError(deps.t('plan-workbook:cli.invalid', { file, number: result.problems.length }));
        for (const p of result.problems) deps.printError(`  - ${describeProblem(p, deps.t)}`);
      }
      continue;
    }
    try {
      plans.push({ file, plan: loadPlanFile(file) });
    } catch (err) {
      if (!(err instanceof PlanFileError)) throw err;
      invalid = true;
      deps.printError(err.message);
    }
  }
  if (invalid) return 1;
  const db = await deps.db();
  for (const { file, plan } of plans) {
    const result = await syncPlan(db, plan, { dryRun });
    if (result.status === 'refused') {
      for (const line of describeRefusals(result.refusals, deps.t)) deps.printError(line);
      return 1;
    }
    const key = result.status === 'dry-run' ? 'plan-workbook:cli.dryRun' : 'plan-workbook:cli.imported';
    deps.print(deps.t(key, { file, number: result.changes.length }));
    for (const line of describeChanges(result.changes, deps.t)) deps.print(`  ${line}`);
  }
  return 0;
}

/** Writes the database's copy of a plan as a workbook. */
export async function planExportCommand(argv: string[], deps: CommandDeps): Promise<number> {
  const args = parse(argv, { plan: { type: 'string' }, out: { type: 'string' } }, false);
  const key = args?.values['plan'];
  const out = args?.values['out'];
  if (typeof key !== 'string' || typeof out !== 'string') {
    deps.printError(EXPORT_USAGE);
    return 2;
  }
  const db = await deps.db();
  const plan = await readPlanFromDatabase(db, key);
  if (!plan) {
    const keys = (await db.plan.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map((p) => p.key);
    deps.printError(deps.t('plan-workbook:cli.unknownPlan', { key, keys: keys.join(', ') }));
    return 1;
  }
  await writePlanWorkbook(plan, out);
  deps.print(deps.t('plan-workbook:cli.exported', { key, file: out }));
  return 0;
}

/** Writes the empty template. */
export async function planTemplateCommand(argv: string[], deps: CommandDeps): Promise<number> {
  const args = parse(argv, { out: { type: 'string' } }, false);
  const out = args?.values['out'];
  if (typeof out !== 'string') {
    deps.printError(TEMPLATE_USAGE);
    return 2;
  }
  await templateWorkbook().xlsx.writeFile(out);
  deps.print(deps.t('plan-workbook:cli.template', { file: out }));
  return 0;
}
