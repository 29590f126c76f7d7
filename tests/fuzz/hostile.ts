/**
 * The fuzzer's material: a seeded random source and hostile values — texts that try markdown,
 * terminal and bidi tricks, CPR numbers, injection, huge and broken strings, and JSON values of
 * every wrong type and shape. Deterministic for a seed, so a failure can be replayed.
 */

/** A seeded generator (mulberry32) with helpers. */
export class Random {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Texts a hostile or careless person might send. */
export const HOSTILE_TEXTS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'hej',
  'tilmeld fællesspisning 2 voksne 1 barn',
  'Mit cpr er 120385-1234',
  '0101901234',
  '**HASTER** [Klik her](https://evil.example/login)',
  '<script>alert(1)</script>',
  '\'; DROP TABLE "Person"; --',
  '\u001b[2J\u001b[31mrød\u001b]0;pwned\u0007',
  '\u202eAmina\u202c \u2066x\u2069 \u200f\u061c',
  '\ud800 lone surrogate \udfff',
  '🍲'.repeat(500),
  'ﷺ'.repeat(300),
  'a'.repeat(5000),
  '\n'.repeat(200),
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  '${process.exit(1)}',
  '__proto__',
  '/start e_../../etc/passwd',
  '/start ' + 'x'.repeat(200),
  'slet mine data',
  'أريد التسجيل في العشاء',
  'Waxaan rabaa inaan iska diiwaangeliyo',
  'سڵاو',
  '-1 voksne og 999999999999 børn',
  'NaN',
  'tale med en medarbejder',
];

/** Actions, real-looking and forged. */
export const HOSTILE_ACTIONS: readonly string[] = [
  'signup.adults|2',
  'signup.children|0',
  'signup.diet|none',
  'signup.confirm',
  'signup.party|cknonexistent0000000000000',
  'bookings.cancel|s_bogus',
  'offer.accept|bogus',
  'mydata.show',
  'welcome.lang|xx',
  'welcome.consent',
  'events.cancelok|bogus',
  'delivery.save',
  'measure.save|x',
  'attendance.submit|x',
  'handovers.answer|x',
  'progress.period|whenever',
  'x'.repeat(64),
  'signup.adults|' + '9'.repeat(50),
  '',
  '.',
  '|',
  'nope.nope',
];

/** A JSON value of a random wrong type. */
export function wrongValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 7 : 9)) {
    case 0:
      return null;
    case 1:
      return r.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1]);
    case 2:
      return r.pick(HOSTILE_TEXTS);
    case 3:
      return r.chance(0.5);
    case 4:
      return [];
    case 5:
      return {};
    case 6:
      return r.pick(['message', 'invoke', 'conversationUpdate', 'typing', 'messageReaction', 'installationUpdate', 'event']);
    case 7:
      return Array.from({ length: r.int(4) }, () => wrongValue(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [r.pick(['id', 'type', 'text', '__proto__', 'constructor', 'value', 'from', 'name']), wrongValue(r, depth + 1)]),
      );
  }
}

/** `base` with a few fields replaced by wrong values, removed, or nested wrongly. */
export function mutate(r: Random, base: Record<string, unknown>, paths: readonly string[][]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (let i = 0, n = 1 + r.int(3); i < n; i++) {
    const path = r.pick(paths);
    let node: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (!next || typeof next !== 'object' || Array.isArray(next)) {
        node[key] = {};
      }
      node = node[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1] as string;
    if (r.chance(0.2)) delete node[last];
    else node[last] = wrongValue(r);
  }
  return copy;
}

/** Raw bodies that are not JSON objects at all. */
export const RAW_BODIES: readonly string[] = [
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '12',
  '{"a":',
  '\u0000\u0001',
  '{"update_id":1}'.repeat(3),
  `{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
];
