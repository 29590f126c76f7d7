/**
 * Once per jest run: a fresh folder where the classifier keeps the models it trains (src/nlu/classifier.ts), so the
 * test files after the first read them instead of training all eight languages again. Fresh per run, so a change to
 * the sentences or the code is always trained anew; removed by ./jest-global-teardown.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup(): void {
  if (process.env.NABO_CLASSIFIER_CACHE) return;
  const dir = mkdtempSync(join(tmpdir(), 'nabo-classifier-'));
  process.env.NABO_CLASSIFIER_CACHE = dir;
  (globalThis as { naboClassifierCache?: string }).naboClassifierCache = dir;
}
