/**
 * `npm run progress:rebuild`: recomputes the progress kept on write (src/progress/progress-totals.ts)
 * for every plan in the database DATABASE_URL names, from the deliveries and attendance themselves,
 * and says how many kept rows differed from the rebuilt ones (0 unless something wrote around the
 * triggers, such as a restore of a partial backup). Safe while Nabo runs: each plan is one transaction.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/database';
import { rebuildAllTotals } from '../progress/progress-totals';

const USAGE = 'usage: npm run progress:rebuild   (rebuilds the kept progress of every plan in the database DATABASE_URL names)';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: false, options: { help: { type: 'boolean', short: 'h', default: false } } });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const database = await openDatabase(loadConfig().database);
  try {
    const started = performance.now();
    const { plans, differing } = await rebuildAllTotals(database.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Rebuilt the kept progress of ${plans} plan${plans === 1 ? '' : 's'} in ${seconds} s (${database.where}). ` +
        (differing === 0
          ? 'Every kept row was already right.'
          : `${differing} kept row${differing === 1 ? '' : 's'} differed and ${differing === 1 ? 'is' : 'are'} now right.`),
    );
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
