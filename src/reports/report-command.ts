/**
 * `npm run report -- --plan KEY --period "planår 2" --out FILE.xlsx [--format csv] [--lang da]
 * [--as-of YYYY-MM-DD]`: checks the options, finds the plan (the current one when none is named)
 * and the period (the current plan year by default), builds the report and writes it. Every answer
 * is translated; the function returns an exit code so the CLI and the tests share it.
 */
import { parseArgs } from 'node:util';
import { isDomainError } from '../errors/domain-error';
import type { Translations } from '../i18n/i18n';
import { stripIsolates } from '../i18n/i18n';
import { LANGUAGES, type Language } from '../plan-data/plan-file';
import type { Db } from '../database/database';
import { parsePeriodSpec, resolvePeriod } from '../progress/period-spec';
import { ProgressService } from '../progress/progress-service';
import { copenhagenDate, parseCalendarDate } from '../time/calendar-date';
import type { Clock } from '../time/clock';
import { CatalogueService } from '../catalogue/catalogue-service';
import { reportCsv } from './csv-report';
import { ReportService } from './report-model';
import { periodText, reportTexts } from './report-sheets';
import { reportXlsx } from './xlsx-report';

export interface ReportCommandDeps {
  db: Db;
  clock: Clock;
  translations: Translations;
  writeFile(path: string, data: Buffer | string): void;
  out(line: string): void;
  err(line: string): void;
}

/** Runs the command with these arguments; 0 written, 1 a problem with the data, 2 wrong options. */
export async function runReportCommand(argv: string[], deps: ReportCommandDeps): Promise<number> {
  let values: { plan?: string; period?: string; out?: string; format?: string; lang?: string; 'as-of'?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        plan: { type: 'string' },
        period: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
        'as-of': { type: 'string' },
      },
      strict: true,
    }));
  } catch {
    values = {};
    argv = [];
  }
  const language = (LANGUAGES as readonly string[]).includes(values.lang ?? 'da') ? ((values.lang ?? 'da') as Language) : 'da';
  const t = deps.translations.translator(language);
  const plain = (key: string, params?: Record<string, string | number>): string => stripIsolates(t(key, params));
  const format = values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
  if (argv.length === 0 || !values.out || !['xlsx', 'csv'].includes(format)) {
    deps.err(plain('coordinator:report.usage'));
    return 2;
  }
  let asOf: Date | undefined;
  if (values['as-of']) {
    try {
      asOf = parseCalendarDate(values['as-of']);
    } catch {
      deps.err(plain('coordinator:report.bad_date', { date: values['as-of'] }));
      return 2;
    }
  }
  const spec = values.period ? parsePeriodSpec(values.period) : { kind: 'current' as const, of: 'plan-year' as const };
  if (!spec) {
    deps.err(plain('coordinator:report.bad_period', { period: values.period ?? '' }));
    return 2;
  }
  try {
    const progress = new ProgressService(deps.db, deps.clock);
    const plan = values.plan ? await progress.plan(values.plan) : await new CatalogueService(deps.db, deps.clock).currentPlan();
    const period = resolvePeriod(plan, spec, asOf ?? copenhagenDate(deps.clock.now()));
    const report = await new ReportService(deps.db, deps.clock).build(plan.id, period, asOf);
    deps.writeFile(values.out, format === 'csv' ? reportCsv(report, t, language) : await reportXlsx(report, t, language));
    const tx = reportTexts(t, language);
    deps.out(
      plain('coordinator:report.written', {
        file: values.out,
        plan: report.plan.name,
        period: periodText(tx, report.period),
        targets: report.targets.length,
        deliveries: report.deliveries.length,
      }),
    );
    return 0;
  } catch (err) {
    if (isDomainError(err)) {
      deps.err(plain(`errors:${err.code}`, err.params));
      return 1;
    }
    throw err;
  }
}
