/**
 * A second opinion next to the rules: a small naive-Bayes classifier over words and character
 * n-grams, trained from the labelled tuning sentences (tests/nlu/<lang>.json) the first time a
 * language is read. It knows nothing the rules do not, but it weighs every word of a message, so
 * when it disagrees with the rules about what a message asks for, the reading is doubtful and the
 * conversation asks instead of acting (src/nlu/decision.ts). No model file, no download: a few
 * milliseconds of counting per language, a few hundred kilobytes of counts.
 */
import type { Language } from '../plan-data/plan-file';
import { examplesFor, type Example } from './classifier-corpus';
import { tokenize } from './text';
import type { Intent } from './understanding';

/** The classifier's view of one message: intents by share of belief, best first. */
export interface Opinion {
  intent: Intent;
  /** 0-1, summing to 1 over all intents the classifier knows. */
  share: number;
}

/** Counts per intent and feature. */
export interface Model {
  intents: Intent[];
  /** Per intent: feature → weighted count. */
  counts: Map<string, number>[];
  totals: number[];
  vocabulary: number;
}

// Character n-grams catch typos, inflections and attached clitics ("tilmeldte", "tilmelde",
// "للعشاء"); whole words are the clearer evidence and count double.
const GRAMS = [3, 4] as const;
const WORD_WEIGHT = 2;
const SMOOTHING = 0.3;
// How strongly the posterior is sharpened: naive Bayes is overconfident, the shares are tempered.
const TEMPERATURE = 4;

/** The features of a message: folded words and their character n-grams. */
export function featuresOf(text: string, language: Language): Map<string, number> {
  const out = new Map<string, number>();
  const add = (f: string, w: number): void => void out.set(f, (out.get(f) ?? 0) + w);
  for (const t of tokenize(text, language === 'ar')) {
    if (t.kind === 'number') {
      add('#', 1);
      continue;
    }
    if (t.kind !== 'word') continue;
    const form = t.forms[t.forms.length - 1] ?? t.norm;
    add(`w:${form}`, WORD_WEIGHT);
    const padded = `^${form}$`;
    for (const n of GRAMS) for (let i = 0; i + n <= padded.length; i++) add(padded.slice(i, i + n), 1);
  }
  return out;
}

/** Trains a model from labelled sentences (exported for measuring it on sentences it did not see). */
export function train(examples: readonly Example[], language: Language): Model {
  const intents: Intent[] = [];
  const counts: Map<string, number>[] = [];
  const totals: number[] = [];
  const vocabulary = new Set<string>();
  for (const ex of examples) {
    let k = intents.indexOf(ex.intent);
    if (k < 0) {
      k = intents.push(ex.intent) - 1;
      counts.push(new Map());
      totals.push(0);
    }
    const c = counts[k] as Map<string, number>;
    for (const [f, w] of featuresOf(ex.text, language)) {
      c.set(f, (c.get(f) ?? 0) + w * ex.weight);
      totals[k] = (totals[k] as number) + w * ex.weight;
      vocabulary.add(f);
    }
  }
  return { intents, counts, totals, vocabulary: vocabulary.size };
}

const models = new Map<Language, Model>();

function modelFor(language: Language): Model {
  let m = models.get(language);
  if (!m) models.set(language, (m = train(examplesFor(language), language)));
  return m;
}

/**
 * The classifier's opinion of a message, best first; empty when it has nothing to go on (no
 * feature it has seen). Classes are equally likely beforehand: how often an intent was written
 * down says nothing about what this person wants.
 */
export function classify(text: string, language: Language): Opinion[] {
  return opinionOf(modelFor(language), text, language);
}

/** What one model makes of a message. */
export function opinionOf(m: Model, text: string, language: Language): Opinion[] {
  const features = [...featuresOf(text, language)].filter(([f]) => m.counts.some((c) => c.has(f)));
  if (features.length === 0 || m.intents.length === 0) return [];
  const logs = m.intents.map((_, k) => {
    const c = m.counts[k] as Map<string, number>;
    const denominator = Math.log((m.totals[k] as number) + SMOOTHING * m.vocabulary);
    let sum = 0;
    for (const [f, w] of features) sum += w * (Math.log((c.get(f) ?? 0) + SMOOTHING) - denominator);
    return sum;
  });
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp((l - top) / TEMPERATURE));
  const total = weights.reduce((a, b) => a + b, 0);
  return m.intents.map((intent, k) => ({ intent, share: (weights[k] as number) / total })).sort((a, b) => b.share - a.share);
}

/** For tests and measurements: forgets the trained models, so the next read trains again. */
export function resetClassifier(): void {
  models.clear();
}
