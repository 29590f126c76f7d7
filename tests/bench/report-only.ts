/**
 * Only the report part of the bench (`npx tsx tests/bench/report-only.ts`): generates the
 * synthetic data at each size in NABO_BENCH_SIZES (default "1,10"), times whole-plan progress as
 * the baseline and then the whole-plan report (report-bench.ts), without the rest of `npm run
 * bench`, so the report can be measured on a shared machine. Merges its figures into
 * bench/results.json like the full bench.
 */
import { ProgressService } from '../../src/progress/progress-service';
import { FixedClock } from '../../src/time/clock';
import { reportBench } from './report-bench';
import { writeResults } from './results';
import { measure } from './stats';
import { createSyntheticDatabase } from './synthetic-data';

const AS_OF = new Date('2021-05-31T10:00:00Z');
const SIZES = (process.env.NABO_BENCH_SIZES ?? '1,10')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const RUNS = Number(process.env.NABO_BENCH_RUNS ?? 18) || 18;

async function main(): Promise<void> {
  for (const factor of SIZES) {
    const data = await createSyntheticDatabase(factor);
    try {
      console.log(
        `${factor}×: ${data.size.deliveries} deliveries, ${data.size.attendance} attendance, generated in ${(data.generationMs / 1000).toFixed(1)} s`,
      );
      const service = new ProgressService(data.db, new FixedClock(AS_OF));
      const progress = await measure(() => service.forPlan(data.planId, 'whole-plan', AS_OF), { warmups: 2, runs: RUNS });
      console.log(`  progress ${factor}×: median ${progress.median_ms.toFixed(1)} ms`);
      await reportBench(data, factor, AS_OF, progress.median_ms, { warmups: 1, runs: RUNS });
    } finally {
      await data.destroy();
    }
  }
  writeResults();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
