/**
 * What a turn's first read hands on (src/cache/turn-prefetch.ts): a value is taken once and only while
 * fresh; with many people at once, expired values are swept from the front and fresh ones are kept,
 * including one put again after it first went in.
 */
import { PREFETCH_TTL_MS, turnPrefetch } from '../../src/cache/turn-prefetch';
import type { Db } from '../../src/database/database';

const fresh = (): ReturnType<typeof turnPrefetch> => turnPrefetch({} as Db);
const row = (n: number) => ({ flow: 'f', step: String(n), data: '{}', updatedAt: new Date(0) });

test('a value is taken once, and not when it is older than the time a turn may take', () => {
  const { conversations } = fresh();
  conversations.put('a', row(1), conversations.mark(), 1_000);
  expect(conversations.take('a', 1_500)?.step).toBe('1');
  expect(conversations.take('a', 1_500)).toBeUndefined();
  conversations.put('b', row(2), conversations.mark(), 1_000);
  expect(conversations.take('b', 1_000 + PREFETCH_TTL_MS + 1)).toBeUndefined();
});

test('a write between mark and put keeps the older read out', () => {
  const { conversations } = fresh();
  const mark = conversations.mark();
  conversations.drop('a');
  conversations.put('a', row(1), mark, 1_000);
  expect(conversations.take('a', 1_000)).toBeUndefined();
});

test('with hundreds waiting, the expired are swept and the fresh kept, a value put again included', () => {
  const { conversations } = fresh();
  // 400 people early, then "early-0" read again later, then 300 more later on.
  for (let i = 0; i < 400; i++) conversations.put(`early-${i}`, row(i), conversations.mark(), 1_000);
  conversations.put('early-0', row(9999), conversations.mark(), 1_000 + PREFETCH_TTL_MS);
  for (let i = 0; i < 300; i++) conversations.put(`late-${i}`, row(i), conversations.mark(), 1_000 + PREFETCH_TTL_MS + 10);
  const now = 1_000 + PREFETCH_TTL_MS + 20;
  expect(conversations.take('early-0', now)?.step).toBe('9999');
  expect(conversations.take('late-0', now)?.step).toBe('0');
  expect(conversations.take('late-299', now)?.step).toBe('299');
  expect(conversations.take('early-1', now)).toBeUndefined();
});
