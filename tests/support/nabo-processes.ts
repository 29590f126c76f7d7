/**
 * Real Nabo server processes for the chaos and topology tests: a free loopback port, and an
 * instance started (compiled dist/ when built, else the sources through tsx) and waited for
 * until /healthz answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** One Nabo process; `up` is false while it is starting or after it died. */
export interface Instance {
  name: string;
  port: number;
  up: boolean;
  child: ChildProcess | null;
}

/** How a Nabo process is started: compiled JavaScript when built, else TypeScript through tsx. */
export function naboCommand(): string[] {
  const compiled = join(ROOT, 'dist', 'bots', 'main.js');
  return existsSync(compiled) ? [compiled] : ['--import', 'tsx', join(ROOT, 'bots', 'main.ts')];
}

/**
 * Starts `inst` with `env` (PORT and, unless given, a webhook URL on its own port are added),
 * appending its output to `logFile`; resolves when /healthz answers.
 */
export async function startInstance(inst: Instance, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, naboCommand(), {
    cwd: ROOT,
    env: { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${inst.port}/api/telegram`, ...env, PORT: String(inst.port) },
    stdio: ['ignore', out, out],
  });
  inst.child = child;
  child.on('exit', () => {
    if (inst.child === child) inst.up = false;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${inst.port}/healthz`);
      if (r.ok) {
        inst.up = true;
        return;
      }
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${inst.name} exited while starting (see ${logFile})`);
    await sleep(100);
  }
  throw new Error(`${inst.name} did not become healthy (see ${logFile})`);
}

/** Stops every instance: SIGTERM, then SIGKILL for any still running after `graceMs`. */
export async function stopInstances(instances: readonly Instance[], graceMs = 3000): Promise<void> {
  for (const inst of instances) inst.child?.kill('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && instances.some((i) => i.child && i.child.exitCode === null && i.child.signalCode === null)) await sleep(50);
  for (const inst of instances) if (inst.child && inst.child.exitCode === null && inst.child.signalCode === null) inst.child.kill('SIGKILL');
}
