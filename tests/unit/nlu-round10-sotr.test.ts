/**
 * Round 10, Turkish (Somali follows): the classes of miss seen on the retired blind5 set (and the same classes left in older
 * sets), said in other words than any labelled sentence. "How are you?" alone and "what time is it?" are small talk and
 * a clock, not a greeting acted on nor a question about what is on (Turkish acted on both); a hello before "nasılsın" is
 * still the greeting, and an activity asked about with "saat kaç" is still asked about. One day that "does not work" and
 * another asked for ("çarşamba olmuyor perşembe olur mu") moves the booking.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');

type Case = [text: string, intent: string, details: Record<string, unknown>];

const CASES: Record<'tr', Case[]> = {
  tr: [
    ['merhaba nasılsın', 'greet', {}],
    ['anneler grubu saat kaçta', 'find_activities', {}],
    ['akşam yemeği saat kaç', 'find_activities', { category: 'dinner' }],
    ['çarşamba olmuyor perşembe olur mu', 'move_booking', { date: '2026-11-26' }],
    ['cuma olmuyor cumartesi olabilir mi', 'move_booking', { date: '2026-11-28' }],
  ],
};

// Small talk and the clock: never acted on as a greeting or as a question about what is on.
const NOT_ACTED: [language: 'tr', text: string, not: string][] = [
  ['tr', 'nasılsın', 'greet'],
  ['tr', 'şu an saat kaç', 'find_activities'],
  ['tr', 'saat kaç oldu acaba', 'find_activities'],
];

describe.each(Object.keys(CASES) as 'tr'[])('round 10 classes in %s', (language) => {
  test.each(CASES[language])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, language as Language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    // Each of these is plain enough to act on without asking.
    expect(decide(u)).toEqual({ kind: 'act', intent });
  });
});

describe('round 10: small talk and the clock are not acted on', () => {
  test.each(NOT_ACTED)('%s "%s" is not acted on as %s', (language, text, not) => {
    const u = understand(text, language as Language, NOW);
    expect(u.intent).not.toBe(not);
    expect(decide(u)).not.toEqual({ kind: 'act', intent: not });
  });
});
