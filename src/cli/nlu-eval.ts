/**
 * `npm run nlu:eval [-- --verbose]`: how the free-text reader and the decision policy do on the
 * tuning sets (tests/nlu/<lang>.json), the fresh sets (tests/nlu/fresh/ to fresh4/<lang>.json, each written before its round
 * of changes to the reader), the retired blind sets (blind/ to blind7/: each was scored unseen, reported, and then
 * tuned on like a fresh set) and the current blind set, tests/nlu/blind8/<lang>.json, written in session 13 by a
 * writer who saw no code, no lexicon and no earlier set, and never tuned on, per language: accuracy (right intent and details, acted on), the share that became a question, the share
 * right or asked, and the wrong-action rate (a wrong intent acted on without asking).
 * `--verbose` lists the sentences that were not right, except those of the hidden blind set: they stay unseen by
 * whoever tunes the reader, so only `--show-blind2` lists them (for the final report).
 * Touches no database.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadLabelled, tally, type Tally } from '../nlu/evaluation';
import { understand } from '../nlu/reader';
import { LANGUAGES } from '../plan-data/plan-file';

const SETS_DIR = join(__dirname, '..', '..', 'tests', 'nlu');

const pct = (a: number, b: number): string => (b === 0 ? '    -' : `${((a / b) * 100).toFixed(1).padStart(5)}%`);

/** One table row: language, set, size and the rates. */
export function row(language: string, set: string, t: Tally): string {
  const c = t.counts;
  return [
    language.padEnd(4),
    set.padEnd(6),
    String(t.total).padStart(4),
    pct(c.right, t.total),
    pct(c.asked, t.total),
    pct(c.right + c.asked, t.total),
    pct(c.wrong, t.total),
    pct(c.detail, t.total),
    pct(c.unknown, t.total),
  ].join('  ');
}

/** A labelled set: its name in the table, where each language's file is, and whether its misses stay unlisted. */
export interface LabelledSet {
  name: string;
  file: (language: string) => string;
  /** Kept out of `--verbose` so nobody tunes on it by reading its misses. */
  hidden?: boolean;
}

/** The labelled sets, in table order. */
export const SETS: readonly LabelledSet[] = [
  { name: 'tuning', file: (l) => join(SETS_DIR, `${l}.json`) },
  { name: 'fresh', file: (l) => join(SETS_DIR, 'fresh', `${l}.json`) },
  { name: 'fresh2', file: (l) => join(SETS_DIR, 'fresh2', `${l}.json`) },
  { name: 'fresh3', file: (l) => join(SETS_DIR, 'fresh3', `${l}.json`) },
  { name: 'fresh4', file: (l) => join(SETS_DIR, 'fresh4', `${l}.json`) },
  { name: 'blind', file: (l) => join(SETS_DIR, 'blind', `${l}.json`) },
  { name: 'blind2', file: (l) => join(SETS_DIR, 'blind2', `${l}.json`) },
  { name: 'blind3', file: (l) => join(SETS_DIR, 'blind3', `${l}.json`) },
  { name: 'blind4', file: (l) => join(SETS_DIR, 'blind4', `${l}.json`) },
  { name: 'blind5', file: (l) => join(SETS_DIR, 'blind5', `${l}.json`) },
  { name: 'blind6', file: (l) => join(SETS_DIR, 'blind6', `${l}.json`) },
  { name: 'blind7', file: (l) => join(SETS_DIR, 'blind7', `${l}.json`) },
  { name: 'blind8', file: (l) => join(SETS_DIR, 'blind8', `${l}.json`), hidden: true },
];

/**
 * The table (one row per language and set, then an "all" row per set) and the sentences that were
 * not right, those of hidden sets only with `showHidden`.
 */
export function evaluate(sets: readonly LabelledSet[] = SETS, showHidden = false): { lines: string[]; misses: string[] } {
  const lines = ['lang  set        n   right  asked r|asked  wrong-act detail  not-und.'];
  const misses: string[] = [];
  const sum: Record<string, Tally> = {};
  for (const set of sets) {
    for (const l of LANGUAGES) {
      const file = set.file(l);
      if (!existsSync(file)) continue;
      const t = tally(loadLabelled(file), l, understand);
      lines.push(row(l, set.name, t));
      const s = (sum[set.name] ??= { total: 0, counts: { right: 0, detail: 0, asked: 0, unknown: 0, wrong: 0 }, misses: [] });
      s.total += t.total;
      for (const k of Object.keys(s.counts) as (keyof Tally['counts'])[]) s.counts[k] += t.counts[k];
      if (!set.hidden || showHidden)
        for (const m of t.misses)
          misses.push(`${set.name} ${l} [${m.outcome}] ${JSON.stringify(m.text)}: ${m.problems.join('; ') || 'asked or not understood'}`);
    }
  }
  for (const [set, t] of Object.entries(sum)) lines.push(row('all', set, t));
  return { lines, misses };
}

function main(argv: readonly string[]): number {
  const showHidden = argv.includes('--show-blind2');
  const { lines, misses } = evaluate(SETS, showHidden);
  console.log(lines.join('\n'));
  if (argv.includes('--verbose') || showHidden) console.log(['', ...misses].join('\n'));
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
