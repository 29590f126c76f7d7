/**
 * Scores the reader and the decision policy on labelled sentences (tests/nlu/<lang>.json and the
 * blind set tests/nlu/blind/<lang>.json). Each sentence ends in one outcome:
 *   right   acted on the labelled intent with every listed detail equal;
 *   detail  acted on the labelled intent, a listed detail differs;
 *   asked   asked a question whose buttons include the labelled intent;
 *   unknown said it did not understand (or asked without the right option);
 *   wrong   acted on another intent without asking: the outcome that must stay rare.
 * Text details (activityText, address) are compared normalised; `null` means "must be absent".
 */
import { readFileSync } from 'node:fs';
import type { Language } from '../plan-data/plan-file';
import { normalizeText } from '../text/normalize';
import { decide } from './decision';
import type { Understanding } from './understanding';

/** One labelled sentence. */
export interface Labelled {
  text: string;
  intent: string;
  details?: Record<string, unknown>;
  /** Written before tuning and never looked at while tuning. */
  heldOut?: boolean;
}

export type Outcome = 'right' | 'detail' | 'asked' | 'unknown' | 'wrong';

/** The fixed "now" of every labelled set: Tuesday 24 November 2026, 11:00 in Copenhagen. */
export const LABEL_NOW = new Date('2026-11-24T10:00:00Z');

export function loadLabelled(path: string): Labelled[] {
  return JSON.parse(readFileSync(path, 'utf8')) as Labelled[];
}

const TEXT_FIELDS = new Set(['activityText', 'address']);

function sameValue(key: string, want: unknown, got: unknown): boolean {
  if (want === null) return got === undefined;
  if (TEXT_FIELDS.has(key) && typeof want === 'string') return typeof got === 'string' && normalizeText(got) === normalizeText(want);
  return JSON.stringify(want) === JSON.stringify(got);
}

/**
 * The listed details that differ (and the intent, if it differs), as "key: wanted ≠ got". `acted` is the intent the
 * conversation acts on when that is not the reader's own (a greeting the classifier was sure of).
 */
export function mismatches(item: Labelled, u: Understanding, acted: string = u.intent): string[] {
  const out: string[] = [];
  if (acted !== item.intent) out.push(`intent: ${item.intent} ≠ ${acted}`);
  const got = u.details as unknown as Record<string, unknown>;
  for (const [key, want] of Object.entries(item.details ?? {})) {
    if (!sameValue(key, want, got[key])) out.push(`${key}: ${JSON.stringify(want)} ≠ ${JSON.stringify(got[key])}`);
  }
  return out;
}

/** What the conversation would do with the sentence, judged against its label. */
export function outcomeOf(item: Labelled, u: Understanding): Outcome {
  const d = decide(u);
  if (d.kind === 'none') return item.intent === 'unknown' ? 'right' : 'unknown';
  if (d.kind === 'ask') return (d.options as string[]).includes(item.intent) ? 'asked' : 'unknown';
  if (d.intent !== item.intent) return 'wrong';
  return mismatches(item, u, d.intent).length === 0 ? 'right' : 'detail';
}

/** Counts per outcome, with the sentences that were not right. */
export interface Tally {
  total: number;
  counts: Record<Outcome, number>;
  misses: { text: string; outcome: Outcome; problems: string[] }[];
}

/** Scores one language's sentences with a reader (`understand` from ./reader in practice). */
export function tally(
  items: readonly Labelled[],
  language: Language,
  read: (text: string, language: Language, now: Date) => Understanding,
  now = LABEL_NOW,
): Tally {
  const t: Tally = { total: 0, counts: { right: 0, detail: 0, asked: 0, unknown: 0, wrong: 0 }, misses: [] };
  for (const item of items) {
    const u = read(item.text, language, now);
    const o = outcomeOf(item, u);
    t.total++;
    t.counts[o]++;
    if (o !== 'right') t.misses.push({ text: item.text, outcome: o, problems: mismatches(item, u) });
  }
  return t;
}
