/**
 * `npm run plan:verify -- DIR`: checks the shipped plan files against the plan documents in DIR
 * (the documents are not in the repository, so this is its own command and not part of npm test).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { run } from 'jest';

const dir = process.argv[2];
if (!dir || !existsSync(resolve(dir))) {
  console.error('usage: npm run plan:verify -- DIR   (DIR: the folder of plan documents, e.g. ../shared/seeds)');
  process.exit(2);
}
process.env.NABO_SEEDS_DIR = resolve(dir);
await run(['--roots', '<rootDir>/tests/plan-verify', '--testMatch', '**/*.verify.ts', ...process.argv.slice(3)]);
