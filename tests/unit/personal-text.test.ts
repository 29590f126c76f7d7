/** What Nabo does to personal text before keeping it: id numbers masked, names made safe to show. */
import { maskTurn } from '../../src/conversation/masked-turn';
import { cleanName, maskIdNumbers, MASKED_ID } from '../../src/people/personal-text';

describe('id numbers in free text', () => {
  test.each([
    ['mit cpr er 120385-1234 tak', `mit cpr er ${MASKED_ID} tak`],
    ['1203851234', MASKED_ID],
    ['120385 1234', MASKED_ID],
    ['12.03.85-1234', MASKED_ID],
    ['CPR: 311299/0001.', `CPR: ${MASKED_ID}.`],
    ['رقمي ٣١١٢٩٩-١٢٣٤', `رقمي ${MASKED_ID}`],
    ['شماره ۰۱۰۱۹۰۱۲۳۴', `شماره ${MASKED_ID}`],
    ['pas nr. 209876543', `pas nr. ${MASKED_ID}`],
  ])('%s is kept as %s', (typed, kept) => {
    expect(maskIdNumbers(typed).text).toBe(kept);
  });

  test.each([
    'ring på 12345678',
    '+45 12 34 56 78',
    '2 voksne og 1 barn',
    'd. 12/03 kl. 17.30',
    '123456-1234 (no such month)',
    '2025-11-18',
    '12.03.2025 kl. 17',
  ])('%s is left alone', (typed) => {
    expect(maskIdNumbers(typed)).toEqual({ text: typed, masked: false });
  });

  test('typed text and form fields of a turn are masked; buttons and starts are untouched', () => {
    const base = { channel: 'teams' as const, externalId: 'x' };
    expect(maskTurn({ ...base, input: { kind: 'text', text: 'cpr 0101901234' } })).toEqual({
      turn: { ...base, input: { kind: 'text', text: `cpr ${MASKED_ID}` } },
      masked: true,
    });
    const form = maskTurn({
      ...base,
      input: { kind: 'action', action: 'handovers.answer|h1', values: { answer: 'Vi har 010190-1234 på sagen', count: '12' } },
    });
    expect(form).toEqual({
      turn: { ...base, input: { kind: 'action', action: 'handovers.answer|h1', values: { answer: `Vi har ${MASKED_ID} på sagen`, count: '12' } } },
      masked: true,
    });
    expect(maskTurn({ ...base, input: { kind: 'start', payload: 'e_0101901234' } }).masked).toBe(false);
  });

  test("a choice's value that is a record id is left alone, even when its digits look like a CPR number", () => {
    const base = { channel: 'teams' as const, externalId: 'x' };
    // A cuid with "0101901234" inside: chance, not a number someone typed.
    const values = { location: 'cmx7z0101901234p587d9o9ku', note: 'cmx7z0101901234p587d9o9ku er mit cpr' };
    const turn = maskTurn({ ...base, input: { kind: 'action', action: 'create.eventsubmit', values } });
    expect(turn.masked).toBe(true);
    expect(turn.turn.input).toMatchObject({ values: { location: 'cmx7z0101901234p587d9o9ku' } });
    expect((turn.turn.input as { values: Record<string, string> }).values.note).not.toContain('0101901234');
  });
});

describe('names', () => {
  test('controls, direction overrides and isolates go; joiners Persian and Sorani need stay', () => {
    expect(cleanName('\u202eAmina\u202c')).toBe('Amina');
    expect(cleanName('Omar\u0000\u0007\u001b[31m')).toBe('Omar[31m');
    expect(cleanName('\u2067علي\u2069  حسن')).toBe('علي حسن');
    expect(cleanName('نرگس\u200cها')).toBe('نرگس\u200cها');
    expect(cleanName('\u200f\u061c')).toBeNull();
    expect([...(cleanName('ﷺ'.repeat(100)) ?? '')]).toHaveLength(64);
  });
});
