import { RateLimiter, slowDown } from '../../bots/telegram/rate-limit';
import { LANGUAGES } from '../../src/plan-data/plan-file';

describe('RateLimiter', () => {
  let now = 0;
  const limiter = (): RateLimiter => new RateLimiter({ limit: 20, windowMs: 10_000 }, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  test('lets 20 updates in 10 s through, then refuses, notifying once', () => {
    const l = limiter();
    for (let i = 0; i < 20; i++) expect(l.hit('a')).toEqual({ allowed: true });
    expect(l.hit('a')).toEqual({ allowed: false, notify: true });
    expect(l.hit('a')).toEqual({ allowed: false, notify: false });
    expect(l.hit('a')).toEqual({ allowed: false, notify: false });
  });

  test('counts each person on their own', () => {
    const l = limiter();
    for (let i = 0; i < 20; i++) l.hit('a');
    expect(l.hit('b')).toEqual({ allowed: true });
    expect(l.hit('a').allowed).toBe(false);
  });

  test('lets the person in again once the window has slid past', () => {
    const l = limiter();
    for (let i = 0; i < 20; i++) {
      l.hit('a');
      now += 100;
    }
    expect(l.hit('a').allowed).toBe(false);
    now += 10_000;
    expect(l.hit('a')).toEqual({ allowed: true });
    // A new burst later gets a new notice.
    for (let i = 0; i < 19; i++) l.hit('a');
    expect(l.hit('a')).toEqual({ allowed: false, notify: true });
  });

  test('a slow, steady writer is never limited', () => {
    const l = limiter();
    for (let i = 0; i < 200; i++) {
      expect(l.hit('a').allowed).toBe(true);
      now += 600;
    }
  });

  test('forgets quiet people, so memory follows active users', () => {
    const l = limiter();
    for (let i = 0; i < 999; i++) l.hit(`user-${i}`);
    now += 20_000;
    l.hit('last');
    expect(l.size()).toBe(1);
  });

  test('has a real sentence in every language', () => {
    for (const lang of LANGUAGES) expect(slowDown(lang).length).toBeGreaterThan(20);
    expect(new Set(LANGUAGES.map((l) => slowDown(l))).size).toBe(LANGUAGES.length);
  });
});
