/**
 * Loads the labelled utterance sets (tests/nlu/<lang>.json) and scores the reader on them. An
 * utterance counts as right when the intent is right AND every detail it lists is equal: text
 * details (activityText, address) compared normalised (normalizeText), objects and arrays deeply,
 * and `null` meaning "must be absent". Shared by the accuracy test and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../../src/plan-data/plan-file';
import { understand } from '../../src/nlu/reader';
import { LABEL_NOW, mismatches, type Labelled } from '../../src/nlu/evaluation';

export { LABEL_NOW, mismatches, type Labelled };

export function loadSet(language: Language): Labelled[] {
  return JSON.parse(readFileSync(join(__dirname, `${language}.json`), 'utf8')) as Labelled[];
}

export function loadAllSets(): Record<Language, Labelled[]> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, loadSet(l)])) as Record<Language, Labelled[]>;
}

export interface Score {
  language: Language;
  total: number;
  correct: number;
  heldOutTotal: number;
  heldOutCorrect: number;
  failures: { text: string; heldOut: boolean; problems: string[] }[];
}

export function scoreLanguage(language: Language, items: readonly Labelled[], now = LABEL_NOW): Score {
  const s: Score = { language, total: 0, correct: 0, heldOutTotal: 0, heldOutCorrect: 0, failures: [] };
  for (const item of items) {
    const problems = mismatches(item, understand(item.text, language, now));
    const ok = problems.length === 0;
    s.total++;
    if (ok) s.correct++;
    if (item.heldOut) {
      s.heldOutTotal++;
      if (ok) s.heldOutCorrect++;
    }
    if (!ok) s.failures.push({ text: item.text, heldOut: !!item.heldOut, problems });
  }
  return s;
}

export const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);
