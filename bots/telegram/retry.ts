/**
 * An API transformer that retries Bot API calls: on 429 after Telegram's `retry_after`, on network
 * errors with exponential back-off; at most `maxTries` tries in all. (grammY's auto-retry plugin
 * is not installed; this is the small part of it we need.) A network retry may repeat a message
 * Telegram did receive; a rare duplicate beats a lost confirmation.
 */
import { HttpError, type Transformer } from 'grammy';

export interface RetryOptions {
  /** Tries in all, the first included. */
  maxTries: number;
  /** First back-off after a network error; doubled each time. */
  baseDelayMs: number;
  /** A longer retry_after is not waited for (a webhook request cannot hang that long): the 429 is returned. */
  maxRetryAfterS: number;
  sleep(ms: number): Promise<void>;
}

const DEFAULTS: RetryOptions = {
  maxTries: 3,
  baseDelayMs: 300,
  maxRetryAfterS: 30,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The transformer; install with `bot.api.config.use(retryTransformer())`. */
export function retryTransformer(options: Partial<RetryOptions> = {}): Transformer {
  const o: RetryOptions = { ...DEFAULTS, ...options };
  return async (prev, method, payload, signal) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await prev(method, payload, signal);
        const retryAfter = !res.ok && res.error_code === 429 ? (res.parameters?.retry_after ?? 1) : undefined;
        if (retryAfter === undefined || attempt >= o.maxTries || retryAfter > o.maxRetryAfterS) return res;
        await o.sleep(retryAfter * 1000);
      } catch (err) {
        // Only transport failures are retried; an aborted call (bot stopping) is not.
        if (!(err instanceof HttpError) || attempt >= o.maxTries || signal?.aborted) throw err;
        await o.sleep(o.baseDelayMs * 2 ** (attempt - 1));
      }
    }
  };
}
