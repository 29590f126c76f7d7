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
import type { Understanding } from '../../src/nlu/understanding';
import { normalizeText } from '../../src/text/normalize';

/** The fixed "now" of every labelled set: Tuesday 24 November 2026, 11:00 in Copenhagen. */
export const LABEL_NOW = new Date('2026-11-24T10:00:00Z');

export interface Labelled {
  text: string;
  intent: string;
  details?: Record<string, unknown>;
  /** Written before tuning and never looked at while tuning. */
  heldOut?: boolean;
}

export function loadSet(language: Language): Labelled[] {
  return JSON.parse(readFileSync(join(__dirname, `${language}.json`), 'utf8')) as Labelled[];
}

export function loadAllSets(): Record<Language, Labelled[]> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, loadSet(l)])) as Record<Language, Labelled[]>;
}

const TEXT_FIELDS = new Set(['activityText', 'address']);

function sameValue(key: string, want: unknown, got: unknown): boolean {
  if (want === null) return got === undefined;
  if (TEXT_FIELDS.has(key) && typeof want === 'string') return typeof got === 'string' && normalizeText(got) === normalizeText(want);
  return JSON.stringify(want) === JSON.stringify(got);
}

/** The listed details that differ, as "key: wanted ≠ got". */
export function mismatches(item: Labelled, u: Understanding): string[] {
  const out: string[] = [];
  if (u.intent !== item.intent) out.push(`intent: ${item.intent} ≠ ${u.intent}`);
  const got = u.details as unknown as Record<string, unknown>;
  for (const [key, want] of Object.entries(item.details ?? {})) {
    if (!sameValue(key, want, got[key])) out.push(`${key}: ${JSON.stringify(want)} ≠ ${JSON.stringify(got[key])}`);
  }
  return out;
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
