/**
 * Report generation for a whole plan (`npm run report -- --period whole`) on the synthetic data,
 * next to the progress computation it builds on: the report model (progress with figures for the
 * period and the one before, indicators, comments, values, every delivery counted), then the
 * .xlsx bytes. Prints one line and records `report.whole-plan.sqlite.<n>x` with the progress
 * median as its baseline.
 */
import { Translations } from '../../src/i18n/i18n';
import { wholePlanPeriod } from '../../src/progress/periods';
import { ReportService } from '../../src/reports/report-model';
import { reportXlsx } from '../../src/reports/xlsx-report';
import { FixedClock } from '../../src/time/clock';
import { recordResult } from './results';
import { measure, type Timing } from './stats';
import type { SyntheticDatabase } from './synthetic-data';

/** Times the whole-plan report at this size; `progressMedianMs` is the progress median of the same data. */
export async function reportBench(
  data: SyntheticDatabase,
  factor: number,
  asOf: Date,
  progressMedianMs: number,
  opts: { warmups: number; runs: number },
): Promise<{ model: Timing; workbook: Timing; bytes: number }> {
  const service = new ReportService(data.db, new FixedClock(asOf));
  const plan = await data.db.plan.findUniqueOrThrow({ where: { id: data.planId } });
  const period = wholePlanPeriod(plan);
  const t = new Translations().translator('da');
  // Fewer runs than the progress bench: a whole-plan report takes seconds at 10× (one row per delivery).
  const runs = Math.max(3, Math.round(opts.runs / 6));
  const model = await measure(() => service.build(data.planId, period, asOf), { warmups: 1, runs });
  const report = await service.build(data.planId, period, asOf);
  let bytes = 0;
  const workbook = await measure(
    async () => {
      const b = await service.build(data.planId, period, asOf).then((r) => reportXlsx(r, t, 'da'));
      bytes = b.length;
    },
    { warmups: 0, runs: 3 },
  );
  const size = { factor, deliveries_in_report: report.deliveries.length, targets: report.targets.length, xlsx_bytes: bytes, period: 'whole-plan' };
  recordResult({
    name: `report.whole-plan.model.sqlite.${factor}x`,
    median_ms: model.median_ms,
    p99_ms: model.p99_ms,
    baseline_median_ms: progressMedianMs,
    ratio: model.median_ms / progressMedianMs,
    data_size: size,
    runs: model.runs,
  });
  recordResult({
    name: `report.whole-plan.xlsx.sqlite.${factor}x`,
    median_ms: workbook.median_ms,
    p99_ms: workbook.p99_ms,
    baseline_median_ms: progressMedianMs,
    ratio: workbook.median_ms / progressMedianMs,
    data_size: size,
    runs: workbook.runs,
  });
  console.log(
    `  report ${factor}×: model median ${model.median_ms.toFixed(1)} ms, model + .xlsx median ${workbook.median_ms.toFixed(1)} ms ` +
      `(${report.deliveries.length} deliveries, ${(bytes / 1024).toFixed(0)} KiB) vs progress ${progressMedianMs.toFixed(1)} ms`,
  );
  return { model, workbook, bytes };
}
