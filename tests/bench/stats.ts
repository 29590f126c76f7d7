/**
 * Timing helpers for the benchmark: wall-clock samples from process.hrtime.bigint(), their median
 * and 99th percentile, and a small promise pool for concurrency tests.
 */

/** Milliseconds since an arbitrary origin, with nanosecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds a call takes. */
export async function timeMs<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** The p-th percentile (0-100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The median (mean of the middle two for an even count); NaN for no samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A timed series. */
export interface Timing {
  median_ms: number;
  p99_ms: number;
  min_ms: number;
  max_ms: number;
  runs: number;
  samples: number[];
}

export function summarize(samples: readonly number[]): Timing {
  return {
    median_ms: median(samples),
    p99_ms: percentile(samples, 99),
    min_ms: Math.min(...samples),
    max_ms: Math.max(...samples),
    runs: samples.length,
    samples: [...samples],
  };
}

/** Runs `fn` `warmups` times untimed, then `runs` times timed, one after another. */
export async function measure(fn: () => Promise<unknown> | unknown, opts: { warmups: number; runs: number }): Promise<Timing> {
  for (let i = 0; i < opts.warmups; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) samples.push((await timeMs(fn)).ms);
  return summarize(samples);
}

/**
 * Times two implementations of the same computation alternately (A, B, A, B …) after warming both
 * up, so drift in the machine (GC, caches, other load) affects both series alike.
 */
export async function measurePair(
  a: () => Promise<unknown> | unknown,
  b: () => Promise<unknown> | unknown,
  opts: { warmups: number; runs: number },
): Promise<{ a: Timing; b: Timing }> {
  for (let i = 0; i < opts.warmups; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    sa.push((await timeMs(a)).ms);
    sb.push((await timeMs(b)).ms);
  }
  return { a: summarize(sa), b: summarize(sb) };
}

/** Runs `fn` over `items` with at most `concurrency` calls in flight. */
export async function promisePool<T>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
