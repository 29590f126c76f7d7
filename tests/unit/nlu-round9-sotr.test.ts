/**
 * Round 9, Somali and Turkish: the classes of miss seen on the retired blind sets 2-4, said in other words than any
 * labelled sentence. "When was my appointment" asked in the past tense shows one's bookings; an appointment pushed on or
 * brought forward by a span is moved; only some of the news is a choice of topics; the newsletter named by its own word
 * and not wanted stops the news.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');

type Case = [text: string, intent: string, details: Record<string, unknown>];

const CASES: Record<'tr' | 'so', Case[]> = {
  tr: [
    ['danışmanla görüşmem ne zamandı hatırlamıyorum', 'my_bookings', {}],
    ['danışman görüşmesini öne çekebilir misiniz', 'move_booking', {}],
    ['yalnızca gençlerle ilgili haberleri gönderin', 'news_topics', { audience: 'youth' }],
  ],
  so: [
    ['keliya warka dhallinyarada ayaan rabaa', 'news_topics', { audience: 'youth' }],
    ['warsidaha bishii ha ii soo dirin', 'news_off', {}],
  ],
};

describe.each(Object.keys(CASES) as ('tr' | 'so')[])('round 9 classes in %s', (language) => {
  test.each(CASES[language])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, language as Language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    // Each of these is plain enough to act on without asking.
    if (intent !== 'unknown') expect(decide(u)).toEqual({ kind: 'act', intent });
    else expect(decide(u).kind).not.toBe('act');
  });
});
