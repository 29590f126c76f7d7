/**
 * Where the whole-plan report's time goes (`npx tsx tests/bench/report-profile.ts [factor]`): times
 * its parts one by one on the synthetic data, for finding hot spots; not part of `npm run bench`.
 * NABO_BENCH_DB=<copy of a generated file> reuses a data set.
 */
import { Translations } from '../../src/i18n/i18n';
import { wholePlanPeriod } from '../../src/progress/periods';
import { ProgressService } from '../../src/progress/progress-service';
import { ReportService } from '../../src/reports/report-model';
import { reportXlsx } from '../../src/reports/xlsx-report';
import { FixedClock } from '../../src/time/clock';
import { timeMs } from './stats';
import { openDatabase } from '../../src/database/database';
import { createSyntheticDatabase, type SyntheticDatabase } from './synthetic-data';

/** NABO_BENCH_DB: a data set kept from an earlier run (a copy of the generated file), to skip generation. */
async function dataSet(factor: number): Promise<Pick<SyntheticDatabase, 'db' | 'planId' | 'destroy'>> {
  const file = process.env.NABO_BENCH_DB;
  if (!file) return createSyntheticDatabase(factor);
  const { db } = await openDatabase({ provider: 'sqlite', file });
  const plan = await db.plan.findFirstOrThrow({ select: { id: true } });
  return { db, planId: plan.id, destroy: () => Promise.resolve() };
}

const AS_OF = new Date('2021-05-31T10:00:00Z');

async function main(): Promise<void> {
  const factor = Number(process.argv[2] ?? 10);
  const data = await dataSet(factor);
  try {
    const clock = new FixedClock(AS_OF);
    const progress = new ProgressService(data.db, clock);
    const report = new ReportService(data.db, clock);
    const plan = await data.db.plan.findUniqueOrThrow({ where: { id: data.planId } });
    const period = wholePlanPeriod(plan);
    const t = new Translations().translator('da');
    for (let i = 0; i < 2; i++) {
      const p = await timeMs(() => progress.forPlan(data.planId, period, { asOf: AS_OF }));
      const f = await timeMs(() => progress.forPlan(data.planId, period, { asOf: AS_OF, figures: true }));
      const m = await timeMs(() => report.build(data.planId, period, AS_OF));
      const x = await timeMs(() => reportXlsx(m.value, t, 'da'));
      console.log(`progress ${p.ms.toFixed(0)} ms, with figures ${f.ms.toFixed(0)} ms, model ${m.ms.toFixed(0)} ms, xlsx ${x.ms.toFixed(0)} ms`);
    }
  } finally {
    await data.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
