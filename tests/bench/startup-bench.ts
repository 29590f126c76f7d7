/**
 * Cold start to healthy and idle memory, in one run: the compiled server (dist/, built first when
 * missing) on a fresh SQLite database and on an existing one, against the old start (the sources
 * through tsx) on the same two. Each start is a new process; time is from spawn to the first 200
 * of /healthz, RSS is read from /proc two seconds after healthy. Goals: ≤ 2 s to healthy and
 * ≤ 150 MB idle RSS, compiled, on SQLite.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/nabo-processes';
import { recordResult } from './results';
import { median, percentile } from './stats';

const ROOT = join(__dirname, '..', '..');
const RUNS = Number(process.env.NABO_BENCH_START_RUNS ?? 5);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** One start: ms to healthy and RSS (MB) two seconds later. */
async function startOnce(args: string[], dbFile: string): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${args.join(' ')})`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        // not yet
      }
      await sleep(10);
    }
    const ms = performance.now() - started;
    await sleep(2000);
    return { ms, rss: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
}

const COMPILED = [join(ROOT, 'dist', 'bots', 'main.js')];
const SOURCES = ['--import', 'tsx', join(ROOT, 'bots', 'main.ts')];

/** Median and p99 of `RUNS` starts, fresh or on a database created beforehand. */
async function measure(args: string[], fresh: boolean): Promise<{ ms: number[]; rss: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'nabo-start-'));
  const out = { ms: [] as number[], rss: [] as number[] };
  try {
    const existing = join(dir, 'existing.db');
    if (!fresh) await startOnce(args, existing);
    for (let i = 0; i < RUNS; i++) {
      const file = fresh ? join(dir, `fresh-${i}.db`) : existing;
      const r = await startOnce(args, file);
      out.ms.push(r.ms);
      out.rss.push(r.rss);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Runs the startup bench and records its figures. */
export async function runStartupBench(): Promise<void> {
  if (!existsSync(COMPILED[0] ?? '')) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bots', 'start', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  const rows: string[] = [];
  const results: Record<string, { ms: number[]; rss: number[] }> = {};
  for (const [label, args] of [['compiled', COMPILED], ['tsx', SOURCES]] as const) {
    for (const fresh of [false, true]) {
      const key = `${label}.${fresh ? 'fresh-db' : 'existing-db'}`;
      results[key] = await measure([...args], fresh);
    }
  }
  for (const [key, r] of Object.entries(results)) {
    const [label, db] = key.split('.');
    const tsx = results[`tsx.${db}`];
    const ratio = label === 'compiled' && tsx ? median(r.ms) / median(tsx.ms) : null;
    recordResult({ name: `startup.${key}.to-healthy`, median_ms: median(r.ms), p99_ms: percentile(r.ms, 99), baseline_median_ms: ratio === null ? null : median(tsx?.ms ?? []), ratio, data_size: `SQLite, ${db}, ${RUNS} starts`, runs: r.ms.length });
    recordResult({ name: `startup.${key}.idle-rss-mb`, median_ms: median(r.rss), p99_ms: percentile(r.rss, 99), baseline_median_ms: label === 'compiled' && tsx ? median(tsx.rss) : null, ratio: label === 'compiled' && tsx ? median(r.rss) / median(tsx.rss) : null, data_size: 'MB, not ms: resident set two seconds after healthy', runs: r.rss.length });
    rows.push(`| ${key.padEnd(22)} | ${median(r.ms).toFixed(0).padStart(7)} | ${percentile(r.ms, 99).toFixed(0).padStart(7)} | ${median(r.rss).toFixed(0).padStart(9)} | ${ratio === null ? '      -' : `${ratio.toFixed(2)}×`.padStart(7)} |`);
  }
  console.log(`\nStart to healthy and idle RSS (${RUNS} starts each; goals compiled: ≤ 2000 ms, ≤ 150 MB)`);
  console.log('| start                  | median ms | p99 ms | idle RSS MB | vs tsx |');
  console.log('|------------------------|---------|---------|-----------|---------|');
  for (const r of rows) console.log(r);
}

if (require.main === module) {
  runStartupBench().then(
    async () => (await import('./results')).writeResults(),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
