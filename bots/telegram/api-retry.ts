/**
 * How Nabo retries Bot API calls, with grammY's auto-retry plugin: a 429 is tried again after
 * Telegram's `retry_after` (up to 30 s; a longer wait is returned as the 429, since a webhook turn
 * cannot hang that long), a 5xx at most twice more with the plugin's back-off. A network error is
 * not retried here: in a turn it is logged by the error boundary, and outbox messages have the
 * outbox's own back-off, so a send Telegram may have received is not repeated blindly.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import type { Transformer } from 'grammy';

/** The options Nabo gives auto-retry. */
export const RETRY_OPTIONS = { maxRetryAttempts: 2, maxDelaySeconds: 30, rethrowHttpErrors: true, rethrowInternalServerErrors: false } as const;

/** The transformer; install with `bot.api.config.use(apiRetry())`. */
export function apiRetry(): Transformer {
  return autoRetry(RETRY_OPTIONS);
}
