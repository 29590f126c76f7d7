/**
 * The benchmark's results file, bench/results.json (git-ignored): an array of measurements, one per
 * name. Every bench records what it measured and merges it in by name, so measurements written by
 * other benches stay.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the results go: <project>/bench/results.json. */
export const RESULTS_FILE = join(__dirname, '..', '..', 'bench', 'results.json');

/** One measurement. */
export interface BenchResult {
  name: string;
  median_ms: number;
  p99_ms: number;
  /** The same figure for what this is compared with; null when there is no comparison. */
  baseline_median_ms: number | null;
  /** median_ms / baseline_median_ms; null when there is no comparison. */
  ratio: number | null;
  /** What the measurement ran on: row counts, or a description. */
  data_size: Record<string, number | string | boolean | null> | string;
  runs: number;
}

const pending = new Map<string, BenchResult>();

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Keeps a measurement to be written by `writeResults`; a later one of the same name replaces it. */
export function recordResult(result: BenchResult): void {
  pending.set(result.name, {
    ...result,
    median_ms: round3(result.median_ms),
    p99_ms: round3(result.p99_ms),
    baseline_median_ms: result.baseline_median_ms === null ? null : round3(result.baseline_median_ms),
    ratio: result.ratio === null ? null : round3(result.ratio),
  });
}

/** The measurements recorded so far in this process. */
export function recordedResults(): BenchResult[] {
  return [...pending.values()];
}

function isResult(v: unknown): v is BenchResult {
  return typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';
}

/** Reads the results file; an absent or unreadable file counts as empty (and is reported). */
export function readResults(file = RESULTS_FILE): BenchResult[] {
  if (!existsSync(file)) return [];
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(data)) throw new Error('not an array');
    return data.filter(isResult);
  } catch (err) {
    console.warn(`warning: ignoring unreadable ${file}: ${(err as Error).message}`);
    return [];
  }
}

/**
 * Merges the recorded measurements into the results file by name: existing entries of the same
 * name are replaced in place, new ones appended, entries of other names kept. Returns the file's
 * new content.
 */
export function writeResults(file = RESULTS_FILE): BenchResult[] {
  const merged = readResults(file);
  const index = new Map(merged.map((r, i) => [r.name, i]));
  for (const r of pending.values()) {
    const i = index.get(r.name);
    if (i === undefined) {
      index.set(r.name, merged.length);
      merged.push(r);
    } else {
      merged[i] = r;
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(tmp, file);
  return merged;
}
