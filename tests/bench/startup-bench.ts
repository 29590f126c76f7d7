/**
 * Cold start to healthy and idle memory, in one run: the compiled server (dist/, built first when
 * missing) on a fresh SQLite database and on an existing one, against the old start (the sources
 * through tsx) on the same two, and the compiled server with V8's default settings (NABO_V8_FLAGS=off,
 * see bots/start/v8-flags.ts). Each start is a new process; time is from spawn to the first 200 of
 * /healthz (with the CPU time the server used until then, which a busy machine does not stretch), RSS
 * is read from /proc two seconds after healthy. Then one Teams message is posted to
 * /api/messages (botbuilder loads on that first activity) and its round trip and the RSS after it
 * are recorded too. Goals: ≤ 2 s to healthy and ≤ 150 MB idle RSS, compiled, on SQLite.
 *
 *   npx tsx tests/bench/startup-bench.ts   (or through npm run bench, which calls runStartupBench)
 *
 * NABO_BENCH_START_RUNS (5) starts per row; NABO_BENCH_START_BEFORE=DIR adds the same rows for another
 * checkout whose dist/ is built (an older commit), measured in the same run.
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
const BEFORE = process.env.NABO_BENCH_START_BEFORE;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** CPU time (user + system, ms) a process has used so far: unlike wall time, not stretched by a busy machine. */
function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux), after the name in parentheses.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** What one start is measured with: the program, the folder it runs in, extra environment. */
interface Variant {
  key: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

/** The figures of one start. */
interface Start {
  ms: number;
  cpu: number;
  rss: number;
  teamsMs: number;
  teamsRss: number;
}

/** A staff member's first message in a personal chat, answered in the HTTP response (no connector needed). */
function teamsMessage(): Record<string, unknown> {
  const user = 'b0000000-0000-0000-0000-000000000001';
  return {
    type: 'message',
    id: `bench-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    locale: 'da-DK',
    text: 'hej',
    deliveryMode: 'expectReplies',
    from: { id: `29:${user}`, name: 'Bench', aadObjectId: user },
    recipient: { id: '28:bench-bot', name: 'Nabo' },
    conversation: { id: `a:personal-${user}`, conversationType: 'personal' },
  };
}

/** One start: ms to healthy, RSS (MB) two seconds later, then the first Teams turn and the RSS after it. */
async function startOnce(variant: Variant, dbFile: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, variant.args, {
    cwd: variant.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'error', ...variant.env },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${variant.args.join(' ')})`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        // not yet
      }
      await sleep(10);
    }
    const ms = performance.now() - started;
    const cpu = cpuMs(child.pid ?? 0);
    await sleep(2000);
    const rss = rssMb(child.pid ?? 0);
    const turnStarted = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(teamsMessage()),
    });
    const body = (await res.json()) as { activities?: unknown[] };
    const teamsMs = performance.now() - turnStarted;
    if (res.status !== 200 || !body.activities?.length) throw new Error(`the Teams turn was not answered (${res.status})`);
    await sleep(1000);
    return { ms, cpu, rss, teamsMs, teamsRss: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
}

/** `RUNS` starts, fresh or on a database created beforehand. */
async function measure(variant: Variant, fresh: boolean): Promise<Start[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nabo-start-'));
  const out: Start[] = [];
  try {
    const existing = join(dir, 'existing.db');
    if (!fresh) await startOnce(variant, existing);
    for (let i = 0; i < RUNS; i++) out.push(await startOnce(variant, fresh ? join(dir, `fresh-${i}.db`) : existing));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const COMPILED = (root: string): string[] => [join(root, 'dist', 'bots', 'main.js')];

/** The rows of the run: compiled and tsx on both databases, V8 defaults, and the older checkout if given. */
function variants(): { variant: Variant; fresh: boolean[] }[] {
  const both = [false, true];
  const rows = [
    { variant: { key: 'compiled', args: COMPILED(ROOT), cwd: ROOT }, fresh: both },
    { variant: { key: 'tsx', args: ['--import', 'tsx', join(ROOT, 'bots', 'main.ts')], cwd: ROOT }, fresh: both },
    { variant: { key: 'compiled-v8-defaults', args: COMPILED(ROOT), cwd: ROOT, env: { NABO_V8_FLAGS: 'off' } }, fresh: [false] },
  ];
  if (BEFORE) rows.push({ variant: { key: 'before', args: COMPILED(BEFORE), cwd: BEFORE }, fresh: both });
  return rows;
}

const cell = (v: number, width: number): string => v.toFixed(0).padStart(width);

/** Runs the startup bench and records its figures. */
export async function runStartupBench(): Promise<void> {
  if (!existsSync(COMPILED(ROOT)[0] ?? '')) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bots', 'start', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }
  if (BEFORE && !existsSync(COMPILED(BEFORE)[0] ?? '')) throw new Error(`NABO_BENCH_START_BEFORE: ${BEFORE}/dist/bots/main.js is not built`);
  const results: Record<string, Start[]> = {};
  for (const { variant, fresh } of variants()) {
    for (const f of fresh) results[`${variant.key}.${f ? 'fresh-db' : 'existing-db'}`] = await measure(variant, f);
  }
  const rows: string[] = [];
  for (const [key, starts] of Object.entries(results)) {
    const [label, db] = key.split('.');
    const ms = starts.map((s) => s.ms);
    const rss = starts.map((s) => s.rss);
    const tsx = label === 'tsx' ? undefined : results[`tsx.${db}`];
    const tsxMs = tsx ? median(tsx.map((s) => s.ms)) : null;
    const tsxRss = tsx ? median(tsx.map((s) => s.rss)) : null;
    const versus = (v: number, base: number | null): number | null => (base === null ? null : v / base);
    recordResult({
      name: `startup.${key}.to-healthy`,
      median_ms: median(ms),
      p99_ms: percentile(ms, 99),
      baseline_median_ms: tsxMs,
      ratio: versus(median(ms), tsxMs),
      data_size: `SQLite, ${db}, ${RUNS} starts`,
      runs: ms.length,
    });
    const cpu = starts.map((s) => s.cpu);
    recordResult({
      name: `startup.${key}.cpu-to-healthy`,
      median_ms: median(cpu),
      p99_ms: percentile(cpu, 99),
      baseline_median_ms: tsx ? median(tsx.map((s) => s.cpu)) : null,
      ratio: tsx ? versus(median(cpu), median(tsx.map((s) => s.cpu))) : null,
      data_size: `CPU time (user + system) of the server until healthy: SQLite, ${db}, ${RUNS} starts`,
      runs: cpu.length,
    });
    const rssNote = 'MB, not ms: resident set two seconds after healthy';
    recordResult({
      name: `startup.${key}.idle-rss-mb`,
      median_ms: median(rss),
      p99_ms: percentile(rss, 99),
      baseline_median_ms: tsxRss,
      ratio: versus(median(rss), tsxRss),
      data_size: rssNote,
      runs: rss.length,
    });
    const turn = starts.map((s) => s.teamsMs);
    const turnRss = starts.map((s) => s.teamsRss);
    recordResult({
      name: `startup.${key}.first-teams-turn`,
      median_ms: median(turn),
      p99_ms: percentile(turn, 99),
      baseline_median_ms: null,
      ratio: null,
      data_size: 'first POST /api/messages after start (loads botbuilder), expectReplies',
      runs: turn.length,
    });
    recordResult({
      name: `startup.${key}.rss-after-teams-turn-mb`,
      median_ms: median(turnRss),
      p99_ms: percentile(turnRss, 99),
      baseline_median_ms: null,
      ratio: null,
      data_size: 'MB, not ms: resident set one second after the first Teams turn',
      runs: turnRss.length,
    });
    const ratio = label === 'tsx' || tsxMs === null ? '      -' : `${(median(ms) / tsxMs).toFixed(2)}×`.padStart(7);
    const cells = [key.padEnd(32), cell(median(ms), 9), cell(percentile(ms, 99), 6), cell(median(cpu), 6), cell(median(rss), 11), ratio];
    rows.push(`| ${[...cells, cell(median(turn), 12), cell(median(turnRss), 14)].join(' | ')} |`);
  }
  console.log(`\nStart to healthy and idle RSS (${RUNS} starts each; goals compiled: ≤ 2000 ms, ≤ 150 MB)`);
  console.log('| start                            | median ms | p99 ms | CPU ms | idle RSS MB | vs tsx  | 1st Teams ms | RSS after, MB  |');
  console.log('|----------------------------------|-----------|--------|--------|-------------|---------|--------------|----------------|');
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
