/**
 * A second opinion next to the rules: a small naive-Bayes classifier over words and character
 * n-grams, trained from the labelled tuning sentences (tests/nlu/<lang>.json) the first time a
 * language is read. It knows nothing the rules do not, but it weighs every word of a message, so
 * when it disagrees with the rules about what a message asks for, the reading is doubtful and the
 * conversation asks instead of acting (src/nlu/decision.ts). No model file, no download: tens of
 * milliseconds of counting per language, about half a megabyte of counts.
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

/**
 * Counts per feature and intent, packed: a feature's row lists the intents it was seen with and
 * how often (weighted). Most features are seen with one or two intents, so rows are short, and
 * typed arrays keep a language's model to about half a megabyte.
 */
export interface Model {
  intents: Intent[];
  /** Feature → row number. */
  rows: Map<string, number>;
  /** Row r's entries are [rowStart[r], rowStart[r + 1]) of `intentOf` and `count`. */
  rowStart: Uint32Array;
  intentOf: Uint8Array;
  count: Float32Array;
  /** Per intent: the weighted count of all its features. */
  totals: Float64Array;
}

// Character n-grams catch typos, inflections and attached clitics ("tilmeldte", "tilmelde",
// "للعشاء"); whole words are the clearer evidence and count double.
const GRAMS = [3, 4] as const;
const WORD_WEIGHT = 2;
const PAIR_WEIGHT = 2;
const SMOOTHING = 0.3;
// How strongly the posterior is sharpened: naive Bayes is overconfident, the shares are tempered.
const TEMPERATURE = 4;

/** The features of a message: folded words and their character n-grams. */
export function featuresOf(text: string, language: Language): Map<string, number> {
  const out = new Map<string, number>();
  const add = (f: string, w: number): void => void out.set(f, (out.get(f) ?? 0) + w);
  let previous = '';
  for (const t of tokenize(text, language === 'ar')) {
    if (t.kind === 'number') {
      add('#', 1);
      previous = '#';
      continue;
    }
    if (t.kind !== 'word') continue;
    const form = t.forms[t.forms.length - 1] ?? t.norm;
    add(`w:${form}`, WORD_WEIGHT);
    // Two words in a row keep what a bag of words loses: "meld af" is not "meld til".
    if (previous) add(`b:${previous} ${form}`, PAIR_WEIGHT);
    previous = form;
    const padded = `^${form}$`;
    for (const n of GRAMS) for (let i = 0; i + n <= padded.length; i++) add(padded.slice(i, i + n), 1);
  }
  return out;
}

/** Trains a model from labelled sentences (exported for measuring it on sentences it did not see). */
export function train(examples: readonly Example[], language: Language): Model {
  const intents: Intent[] = [];
  const cells = new Map<string, Map<number, number>>();
  const totals: number[] = [];
  for (const ex of examples) {
    let k = intents.indexOf(ex.intent);
    if (k < 0) k = intents.push(ex.intent) - 1;
    for (const [f, w] of featuresOf(ex.text, language)) {
      totals[k] = (totals[k] ?? 0) + w * ex.weight;
      let row = cells.get(f);
      if (!row) cells.set(f, (row = new Map()));
      row.set(k, (row.get(k) ?? 0) + w * ex.weight);
    }
  }
  let size = 0;
  for (const row of cells.values()) size += row.size;
  const model: Model = {
    intents,
    rows: new Map(),
    rowStart: new Uint32Array(cells.size + 1),
    intentOf: new Uint8Array(size),
    count: new Float32Array(size),
    totals: Float64Array.from(intents, (_, k) => totals[k] ?? 0),
  };
  let at = 0;
  for (const [f, row] of cells) {
    const r = model.rows.size;
    model.rows.set(f, r);
    model.rowStart[r] = at;
    for (const [k, c] of row) {
      model.intentOf[at] = k;
      model.count[at] = c;
      at++;
    }
  }
  model.rowStart[cells.size] = at;
  return model;
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
  const features = [...featuresOf(text, language)].filter(([f]) => m.rows.has(f));
  if (features.length === 0 || m.intents.length === 0) return [];
  // Every intent first as if it had never seen the message's features, then what it has seen added.
  const weight = features.reduce((a, [, w]) => a + w, 0);
  const logs = m.intents.map((_, k) => weight * (Math.log(SMOOTHING) - Math.log((m.totals[k] as number) + SMOOTHING * m.rows.size)));
  for (const [f, w] of features) {
    const r = m.rows.get(f) as number;
    for (let i = m.rowStart[r] as number; i < (m.rowStart[r + 1] as number); i++) {
      const k = m.intentOf[i] as number;
      logs[k] = (logs[k] as number) + w * (Math.log((m.count[i] as number) + SMOOTHING) - Math.log(SMOOTHING));
    }
  }
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp((l - top) / TEMPERATURE));
  const total = weights.reduce((a, b) => a + b, 0);
  return m.intents.map((intent, k) => ({ intent, share: (weights[k] as number) / total })).sort((a, b) => b.share - a.share);
}

/** For tests and measurements: forgets the trained models, so the next read trains again. */
export function resetClassifier(): void {
  models.clear();
}
