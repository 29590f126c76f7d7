import { layoutKeyboard } from '../../bots/telegram/keyboard';
import { choice } from '../../src/conversation/replies';

const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => choice(String(from + i), `signup.adults|${from + i}`));
const shape = (rows: unknown[][]): number[] => rows.map((r) => r.length);

describe('layoutKeyboard', () => {
  test('puts short labels several to a row, balanced', () => {
    expect(shape(layoutKeyboard(numbers(1, 6)))).toEqual([3, 3]);
    expect(shape(layoutKeyboard(numbers(0, 6)))).toEqual([4, 3]);
    expect(shape(layoutKeyboard(numbers(1, 4)))).toEqual([4]);
    expect(shape(layoutKeyboard([choice('Ja', 'x.yes'), choice('Nej', 'x.no')]))).toEqual([2]);
  });

  test('gives long labels a row each, keeping the order', () => {
    const rows = layoutKeyboard([
      choice('Aktiviteter denne uge', 'find.week'),
      choice('Ja', 'a.yes'),
      choice('Nej', 'a.no'),
      choice('Tilmeld fællesspisning', 'signup.pick'),
    ]);
    expect(rows.map((r) => r.map((b) => b.text))).toEqual([['Aktiviteter denne uge'], ['Ja', 'Nej'], ['Tilmeld fællesspisning']]);
  });

  test('counts characters, not bytes, and ignores isolates (Arabic labels stay short)', () => {
    const rows = layoutKeyboard([choice('\u2068نعم\u2069', 'a.yes'), choice('لا', 'a.no'), choice('العربية والكثير من الكلمات', 'a.long')]);
    expect(shape(rows)).toEqual([2, 1]);
    // The label is sent as given; Telegram lays it out right to left itself.
    expect(rows[0]?.[0]?.text).toBe('\u2068نعم\u2069');
  });

  test('carries the action as callback_data and drops what cannot fit in 64 bytes', () => {
    const rows = layoutKeyboard([
      { label: 'ok', action: 'signup.party|abc' },
      { label: 'too long', action: `x.y|${'ø'.repeat(40)}` },
    ]);
    expect(rows).toEqual([[{ text: 'ok', callback_data: 'signup.party|abc' }]]);
  });

  test('is empty for no choices', () => {
    expect(layoutKeyboard([])).toEqual([]);
  });
});
