/**
 * Benchmark of the free-text reader: time per utterance over every labelled utterance
 * (tests/nlu/<lang>.json), ROUNDS rounds after one warm-up round, and accuracy per language.
 *
 * Results recorded (tests/bench/results.ts):
 * - "nlu: time per utterance": median and p99 over all utterances × rounds; data_size says how many
 *   utterances and languages.
 * - "nlu: accuracy <lang>": median and p99 time per utterance of that language's utterances; the
 *   accuracy is in data_size: { utterances, correct, accuracy, held_out, held_out_correct,
 *   held_out_accuracy } (accuracy as a fraction 0-1, held-out counts 0 for languages without one).
 * - "nlu: classifier training per language": median and p99 of training the second-opinion classifier
 *   (src/nlu/classifier.ts) from scratch, TRAININGS times per language: what the first message in a
 *   language costs once per process.
 * No baseline: baseline_median_ms and ratio are null.
 */
import { LANGUAGES, type Language } from '../../src/plan-data/plan-file';
import { classify, resetClassifier } from '../../src/nlu/classifier';
import { understand } from '../../src/nlu/reader';
import { LABEL_NOW, loadAllSets, ratio, scoreLanguage } from '../nlu/evaluate';
import { recordResult, writeResults, type BenchResult } from './results';
import { median, percentile } from './stats';

const ROUNDS = 20;
const TRAININGS = 3;
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

export async function runNluBench(): Promise<void> {
  const trainings: number[] = [];
  for (let r = 0; r < TRAININGS; r++)
    for (const language of LANGUAGES) {
      resetClassifier();
      const start = process.hrtime.bigint();
      classify('hej', language);
      trainings.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  const sets = loadAllSets();
  const items = LANGUAGES.flatMap((language) => sets[language].map((x) => ({ language, text: x.text })));
  for (const it of items) understand(it.text, it.language, LABEL_NOW); // warm-up: lexicons compiled, code optimised

  const all: number[] = [];
  const perLanguage = new Map<Language, number[]>(LANGUAGES.map((l) => [l, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const it of items) {
      const start = process.hrtime.bigint();
      understand(it.text, it.language, LABEL_NOW);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      all.push(ms);
      perLanguage.get(it.language)?.push(ms);
    }
  }
  const row = (name: string, samples: number[], data_size: BenchResult['data_size']): BenchResult => ({
    name,
    median_ms: median(samples),
    p99_ms: percentile(samples, 99),
    baseline_median_ms: null,
    ratio: null,
    data_size,
    runs: samples.length,
  });
  recordResult(row('nlu: classifier training per language', trainings, { languages: LANGUAGES.length, trainings: TRAININGS }));
  recordResult(row('nlu: time per utterance', all, { utterances: items.length, languages: LANGUAGES.length, rounds: ROUNDS }));
  for (const language of LANGUAGES) {
    const s = scoreLanguage(language, sets[language]);
    recordResult(
      row(`nlu: accuracy ${language}`, perLanguage.get(language) ?? [], {
        utterances: s.total,
        correct: s.correct,
        accuracy: round3(ratio(s.correct, s.total)),
        held_out: s.heldOutTotal,
        held_out_correct: s.heldOutCorrect,
        held_out_accuracy: s.heldOutTotal ? round3(ratio(s.heldOutCorrect, s.heldOutTotal)) : null,
      }),
    );
  }
}

if (require.main === module) {
  runNluBench().then(
    () => {
      for (const r of writeResults().filter((x) => x.name.startsWith('nlu:'))) {
        console.log(`${r.name.padEnd(26)} median ${r.median_ms} ms  p99 ${r.p99_ms} ms  ${JSON.stringify(r.data_size)}`);
      }
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
