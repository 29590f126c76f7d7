/**
 * `npm run nlu:eval` prints one row per language and set and an "all" row per set, with the second
 * blind set (tests/nlu/blind2) among them; that set's misses stay out of the sentence list unless
 * asked for, so whoever tunes the reader never reads them.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, SETS, type LabelledSet } from '../../src/cli/nlu-eval';
import { LANGUAGES } from '../../src/plan-data/plan-file';

describe('nlu:eval table', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nlu-eval-'));
    // One sentence labelled with an intent no reader gives a greeting, so it is never "right".
    const items = [{ text: 'hej', intent: 'register_measurement' }];
    writeFileSync(join(dir, 'open-da.json'), JSON.stringify(items));
    writeFileSync(join(dir, 'hidden-da.json'), JSON.stringify(items));
    writeFileSync(join(dir, 'hidden-en.json'), JSON.stringify(items));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sets = (): LabelledSet[] => [
    { name: 'tuning', file: (l) => join(dir, `open-${l}.json`) },
    { name: 'blind2', file: (l) => join(dir, `hidden-${l}.json`), hidden: true },
  ];

  it('reads each retired blind set from its folder, one file per language, and lists its misses', () => {
    for (const name of ['blind2', 'blind3', 'blind4']) {
      const set = SETS.find((s) => s.name === name);
      expect([name, set?.hidden]).toEqual([name, undefined]);
      for (const l of LANGUAGES) {
        expect(set?.file(l)).toMatch(new RegExp(`tests[\\\\/]nlu[\\\\/]${name}[\\\\/]${l}\\.json$`));
        expect([l, existsSync(set?.file(l) as string)]).toEqual([l, true]);
      }
    }
  });

  it('prints a row per language and set and an "all" row per set', () => {
    const { lines } = evaluate(sets());
    const rows = lines.slice(1).map((r) => r.split(/\s+/).slice(0, 3));
    expect(rows).toEqual([
      ['da', 'tuning', '1'],
      ['da', 'blind2', '1'],
      ['en', 'blind2', '1'],
      ['all', 'tuning', '1'],
      ['all', 'blind2', '2'],
    ]);
  });

  it('lists the misses of a hidden set only when asked to', () => {
    expect(evaluate(sets()).misses.map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(['tuning da']);
    expect(evaluate(sets(), true).misses.map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(['tuning da', 'blind2 da', 'blind2 en']);
  });
});
