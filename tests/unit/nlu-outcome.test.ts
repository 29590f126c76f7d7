/**
 * How nlu:eval judges one reading (src/nlu/evaluation.ts): by what the conversation does with it, so a
 * greeting the rules missed and the classifier was sure of, answered as a greeting, is right.
 */
import { outcomeOf } from '../../src/nlu/evaluation';
import type { Understanding } from '../../src/nlu/understanding';

const none: Understanding = { intent: 'unknown', confidence: 0, details: { numbers: [] } };

describe('the outcome of a reading', () => {
  test('a greeting acted on from the classifier is right, also when the rules found nothing', () => {
    const u = { ...none, secondOpinion: { intent: 'greet' as const, share: 0.97, rulesShare: 0 } };
    expect(outcomeOf({ text: 'ئێوارەتان باش', intent: 'greet' }, u)).toBe('right');
    expect(outcomeOf({ text: 'ئێوارەتان باش', intent: 'thanks' }, u)).toBe('wrong');
  });

  test('a listed detail that differs is a detail miss; a question with the intent among its buttons is asked', () => {
    const u: Understanding = {
      intent: 'sign_up',
      confidence: 0.95,
      details: { numbers: [], date: '2026-11-26' },
      alternatives: [{ intent: 'sign_up', score: 4 }],
    };
    expect(outcomeOf({ text: 'x', intent: 'sign_up', details: { date: '2026-11-27' } }, u)).toBe('detail');
    expect(outcomeOf({ text: 'x', intent: 'sign_up', details: { date: '2026-11-26' } }, u)).toBe('right');
    const doubt = { ...none, secondOpinion: { intent: 'news_off' as const, share: 0.7, rulesShare: 0 } };
    expect(outcomeOf({ text: 'x', intent: 'news_off' }, doubt)).toBe('asked');
  });
});
