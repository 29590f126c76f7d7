import { HttpError, type ApiCallFn, type RawApi } from 'grammy';
import { retryTransformer } from '../../bots/telegram/retry';

type Result = Awaited<ReturnType<ApiCallFn<RawApi>>>;
const ok: Result = { ok: true, result: true };
const tooMany = (retryAfter: number): Result => ({ ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: retryAfter } });

/** A fake `prev` that answers from a script and counts calls. */
function script(...steps: (Result | Error)[]) {
  const calls: string[] = [];
  const prev = (async (method: string) => {
    calls.push(method);
    const step = steps.shift() ?? ok;
    if (step instanceof Error) throw step;
    return step;
  }) as unknown as ApiCallFn<RawApi>;
  return { prev, calls };
}

describe('retryTransformer', () => {
  const sleeps: number[] = [];
  const transformer = (maxRetryAfterS = 30) => retryTransformer({ sleep: async (ms) => void sleeps.push(ms), maxRetryAfterS });
  beforeEach(() => {
    sleeps.length = 0;
  });
  const call = (t: ReturnType<typeof transformer>, prev: ApiCallFn<RawApi>) => t(prev, 'sendMessage', { chat_id: 1, text: 'x' });

  test('passes a success straight through', async () => {
    const s = script(ok);
    await expect(call(transformer(), s.prev)).resolves.toEqual(ok);
    expect(s.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test('waits retry_after seconds on 429 and tries again', async () => {
    const s = script(tooMany(2), tooMany(1), ok);
    await expect(call(transformer(), s.prev)).resolves.toEqual(ok);
    expect(s.calls).toHaveLength(3);
    expect(sleeps).toEqual([2000, 1000]);
  });

  test('gives up after three tries and returns the 429', async () => {
    const s = script(tooMany(1), tooMany(1), tooMany(1), ok);
    await expect(call(transformer(), s.prev)).resolves.toEqual(tooMany(1));
    expect(s.calls).toHaveLength(3);
  });

  test('does not wait for a retry_after longer than allowed', async () => {
    const s = script(tooMany(120));
    await expect(call(transformer(30), s.prev)).resolves.toEqual(tooMany(120));
    expect(sleeps).toEqual([]);
  });

  test('retries network errors with exponential back-off', async () => {
    const s = script(new HttpError('network down', new Error('ECONNRESET')), new HttpError('network down', new Error('ECONNRESET')), ok);
    await expect(call(transformer(), s.prev)).resolves.toEqual(ok);
    expect(sleeps).toEqual([300, 600]);
  });

  test('rethrows a network error after three tries', async () => {
    const e = new HttpError('network down', new Error('ECONNRESET'));
    const s = script(e, e, e);
    await expect(call(transformer(), s.prev)).rejects.toBe(e);
    expect(s.calls).toHaveLength(3);
  });

  test('does not retry other failures (400, programming errors)', async () => {
    const bad: Result = { ok: false, error_code: 400, description: 'Bad Request: chat not found' };
    const s = script(bad);
    await expect(call(transformer(), s.prev)).resolves.toEqual(bad);
    const t = script(new TypeError('boom'));
    await expect(call(transformer(), t.prev)).rejects.toThrow('boom');
    expect(t.calls).toHaveLength(1);
  });
});
