/**
 * Accuracy of the free-text reader on the labelled sets (tests/nlu/<lang>.json), with "now" fixed
 * at Tuesday 24 November 2026. Right = intent right and every listed detail equal. Prints a table
 * per language (overall and the held-out part, which was written before tuning and never tuned on).
 */
import { LANGUAGES, type Language } from '../../src/plan-data/plan-file';
import { join } from 'node:path';
import { loadLabelled, tally, type Labelled } from '../../src/nlu/evaluation';
import { understand } from '../../src/nlu/reader';
import { loadAllSets, ratio, scoreLanguage, type Score } from '../nlu/evaluate';

const MAIN: readonly Language[] = ['da', 'ar', 'en'];
const sets = loadAllSets();
const blind = Object.fromEntries(LANGUAGES.map((l) => [l, loadLabelled(join(__dirname, '..', 'nlu', 'blind', `${l}.json`))])) as Record<Language, Labelled[]>;
const scores = new Map<Language, Score>(LANGUAGES.map((l) => [l, scoreLanguage(l, sets[l])]));

const pct = (v: number): string => (Number.isNaN(v) ? '   -  ' : `${(v * 100).toFixed(1).padStart(5)}%`);

afterAll(() => {
  const rows = LANGUAGES.map((l) => {
    const s = scores.get(l) as Score;
    return (
      `${l.padEnd(4)} ${String(s.correct).padStart(3)}/${String(s.total).padEnd(3)} ${pct(ratio(s.correct, s.total))}   ` +
      `held-out ${String(s.heldOutCorrect).padStart(2)}/${String(s.heldOutTotal).padEnd(2)} ${pct(ratio(s.heldOutCorrect, s.heldOutTotal))}`
    );
  });
  const failures = LANGUAGES.flatMap((l) =>
    (scores.get(l) as Score).failures.map((f) => `  ${l}${f.heldOut ? ' (held-out)' : ''} ${JSON.stringify(f.text)}: ${f.problems.join('; ')}`),
  );
  console.log(['NLU accuracy (intent and listed details)', ...rows, ...(failures.length ? ['misread:', ...failures] : [])].join('\n'));
});

describe('free-text reader accuracy on the labelled sets', () => {
  test('the sets are as large as promised and cover the main resident intents in every language', () => {
    for (const l of MAIN) expect(sets[l].length).toBeGreaterThanOrEqual(40);
    for (const l of LANGUAGES) expect(sets[l].length).toBeGreaterThanOrEqual(10);
    // Held out: the marked part of each tuning set and the whole blind set (tests/nlu/blind).
    for (const l of MAIN) {
      const held = (sets[l].filter((x) => x.heldOut).length + blind[l].length) / (sets[l].length + blind[l].length);
      expect(held).toBeGreaterThanOrEqual(0.2);
    }
    for (const l of LANGUAGES) expect([l, blind[l].length >= (MAIN.includes(l) ? 80 : 30)]).toEqual([l, true]);
    const mainIntents = [
      'find_activities',
      'sign_up',
      'book_counselling',
      'my_bookings',
      'cancel_booking',
      'set_area',
      'talk_to_person',
      'delete_my_data',
      'change_language',
      'greet',
      'help',
      'yes',
      'thanks',
    ];
    for (const l of LANGUAGES) {
      const covered = new Set(sets[l].map((x) => x.intent));
      for (const i of mainIntents) expect(`${l}:${covered.has(i) ? i : 'missing ' + i}`).toBe(`${l}:${i}`);
    }
  });

  test.each(MAIN)('%s: at least 90 %% right', (l) => {
    const s = scores.get(l) as Score;
    expect(ratio(s.correct, s.total)).toBeGreaterThanOrEqual(0.9);
  });

  test.each(LANGUAGES.filter((l) => !MAIN.includes(l)))('%s: at least 80 %% right', (l) => {
    const s = scores.get(l) as Score;
    expect(ratio(s.correct, s.total)).toBeGreaterThanOrEqual(0.8);
  });
});

describe('what the conversation does with the readings (src/nlu/decision.ts)', () => {
  // On the tuning sets, a wrong intent is acted on without asking at most 2 % of the time, and
  // at least 95 % are right or asked. The blind set's figures are printed by `npm run nlu:eval`.
  test.each(LANGUAGES)('%s: wrong actions at most 2 %%, right or asked at least 95 %% on the tuning set', (l) => {
    const t = tally(sets[l], l, understand);
    expect(t.counts.wrong / t.total).toBeLessThanOrEqual(0.02);
    expect((t.counts.right + t.counts.asked) / t.total).toBeGreaterThanOrEqual(0.95);
  });
});
