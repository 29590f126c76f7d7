/** Bot API retries as configured (auto-retry plugin): 429 after retry_after, 5xx twice more, network errors surfaced. */
import { HttpError, type ApiCallFn, type RawApi } from 'grammy';
import { apiRetry } from '../../bots/telegram/api-retry';

type Result = Awaited<ReturnType<ApiCallFn<RawApi>>>;
const ok: Result = { ok: true, result: true };
const tooMany = (retryAfter: number): Result => ({ ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: retryAfter } });
const serverError: Result = { ok: false, error_code: 502, description: 'Bad Gateway' };

/** A fake `prev` that answers from a script and records when each call came (fake time). */
function script(...steps: (Result | Error)[]) {
  const calls: number[] = [];
  const prev = (async () => {
    calls.push(Date.now());
    const step = steps.shift() ?? ok;
    if (step instanceof Error) throw step;
    return step;
  }) as unknown as ApiCallFn<RawApi>;
  return { prev, calls };
}

/** Runs one call to the end while fake time moves on. */
async function run(prev: ApiCallFn<RawApi>): Promise<Result> {
  const pending = apiRetry()(prev, 'sendMessage', { chat_id: 1, text: 'x' });
  let settled = false;
  void pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 100 && !settled; i++) await jest.advanceTimersByTimeAsync(1000);
  return pending;
}

describe('Bot API retries', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  test('a success passes straight through', async () => {
    const s = script(ok);
    await expect(run(s.prev)).resolves.toEqual(ok);
    expect(s.calls).toHaveLength(1);
  });

  test('a 429 is tried again after retry_after seconds', async () => {
    const s = script(tooMany(2), tooMany(1), ok);
    await expect(run(s.prev)).resolves.toEqual(ok);
    expect(s.calls).toEqual([0, 2000, 3000]);
  });

  test('a 429 that keeps coming is returned after three tries', async () => {
    const s = script(tooMany(1), tooMany(1), tooMany(1), ok);
    await expect(run(s.prev)).resolves.toEqual(tooMany(1));
    expect(s.calls).toHaveLength(3);
  });

  test('a retry_after longer than 30 s is not waited for', async () => {
    const s = script(tooMany(120), ok);
    await expect(run(s.prev)).resolves.toEqual(tooMany(120));
    expect(s.calls).toHaveLength(1);
  });

  test('a 5xx is retried with back-off, at most twice more', async () => {
    const s = script(serverError, serverError, serverError, ok);
    await expect(run(s.prev)).resolves.toEqual(serverError);
    expect(s.calls).toEqual([0, 3000, 9000]);
  });

  test('a network error is not retried here (the caller or the outbox decides)', async () => {
    const e = new HttpError('network down', new Error('ECONNRESET'));
    const s = script(e, ok);
    await expect(run(s.prev)).rejects.toBe(e);
    expect(s.calls).toHaveLength(1);
  });

  test('other failures (400) are returned at once', async () => {
    const bad: Result = { ok: false, error_code: 400, description: 'Bad Request: chat not found' };
    const s = script(bad, ok);
    await expect(run(s.prev)).resolves.toEqual(bad);
    expect(s.calls).toHaveLength(1);
  });
});
