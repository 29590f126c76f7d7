/**
 * The server as an operator runs it (`bots/main.ts` in its own process, SQLite file): /readyz is
 * ready, /metrics asks for NABO_METRICS_TOKEN and counts the process's own figures, and SIGTERM
 * ends it cleanly (exit code 0, "stopped" logged) instead of killing it mid-turn.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TOKEN = 'ops-test-token-0123456789';

test('bots/main.ts serves /readyz and a token-protected /metrics, and stops cleanly on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nabo-process-'));
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'bots', 'main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: `file:${join(dir, 'nabo.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      NABO_DEMO_CALENDAR: 'off',
      NABO_METRICS_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    for (let i = 0; i < 600 && !/running on http:\/\/\S+:(\d+)/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
    const port = /running on http:\/\/\S+:(\d+)/.exec(out)?.[1];
    if (!port) throw new Error(`server did not start:\n${out}\n${err}`);
    const base = `http://127.0.0.1:${port}`;

    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^nabo_process_resident_memory_bytes \d+/m);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const messages = err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['stopping', 'turns finished', 'stopped']));
    expect(messages.indexOf('stopping')).toBeLessThan(messages.indexOf('stopped'));
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
