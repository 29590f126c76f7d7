/**
 * Per-person rate limit for inbound updates: more than `limit` updates in `windowMs` and the person
 * gets one friendly "slow down" message; the rest of that burst is dropped. It lives in memory, so
 * behind a load balancer each instance counts its own share (a flood still gets cut, only later).
 */
import { sharedTranslations, type Translations } from '../../src/i18n/i18n';
import type { Language } from '../../src/plan-data/plan-file';

/** What to do with one update. */
export type RateDecision = { allowed: true } | { allowed: false; notify: boolean };

/** A sliding-window counter per key (the Telegram user id). */
export class RateLimiter {
  private readonly hits = new Map<string, { times: number[]; notifiedAt: number | null }>();
  private calls = 0;

  constructor(
    private readonly opts: { limit: number; windowMs: number } = { limit: 20, windowMs: 10_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one update for `key`; `notify` is true once per burst, for the first refused one. */
  hit(key: string): RateDecision {
    const now = this.now();
    const since = now - this.opts.windowMs;
    if (++this.calls % 1000 === 0) this.sweep(since);
    const entry = this.hits.get(key) ?? { times: [], notifiedAt: null };
    // Times are kept in arrival order: the expired ones are at the front.
    let expired = 0;
    while (expired < entry.times.length && (entry.times[expired] as number) <= since) expired++;
    if (expired > 0) entry.times.splice(0, expired);
    this.hits.set(key, entry);
    if (entry.times.length < this.opts.limit) {
      entry.times.push(now);
      return { allowed: true };
    }
    // Refused updates are not counted, so the person is let in again once the window has passed.
    const notify = entry.notifiedAt === null || entry.notifiedAt <= since;
    if (notify) entry.notifiedAt = now;
    return { allowed: false, notify };
  }

  /** How many keys are tracked (for tests: the map must not grow without bound). */
  size(): number {
    return this.hits.size;
  }

  // Forget people who have been quiet for a whole window, so memory follows active users only.
  private sweep(since: number): void {
    for (const [key, entry] of this.hits) {
      if (!entry.times.some((t) => t > since) && (entry.notifiedAt === null || entry.notifiedAt <= since)) this.hits.delete(key);
    }
  }
}

/** The one sentence a flooding person gets, in their language (locales/<language>/channel.json). */
export function slowDown(language: Language, translations: Translations = sharedTranslations()): string {
  return translations.translator(language)('channel:rateLimit.slowDown');
}
