/**
 * Real Nabo server processes for the chaos and topology tests: a free loopback port, and an
 * instance started (compiled dist/ when built, else the sources through tsx) and waited for
 * until /healthz answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { seed } from '../../src/bootstrap/seed';
import type { DatabaseTarget } from '../../src/config/config';
import { openDatabase } from '../../src/database/database';
import { createLogger } from '../../src/logging/logger';
import { createServices } from '../../src/services';
import { systemClock } from '../../src/time/clock';

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

/** The environment of a Nabo process on `databaseUrl` with Telegram in webhook mode against `apiRoot`. */
export function naboEnv(o: { databaseUrl: string; token: string; secret: string; apiRoot: string; extra?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    DATABASE_URL: o.databaseUrl,
    NABO_DEMO_CALENDAR: 'off',
    NABO_QUIET_HOURS: 'off',
    LOG_LEVEL: 'error',
    TELEGRAM_BOT_TOKEN: o.token,
    TELEGRAM_WEBHOOK_SECRET: o.secret,
    TELEGRAM_API_ROOT: o.apiRoot,
    ...o.extra,
  };
}

/**
 * A world for process tests: the real plans, one fællesspisning of the 2017-21 plan three days
 * ahead with `capacity` places, and `residents` Telegram residents (ids from `firstUserId`) who
 * have said yes to the terms.
 */
export async function seedDinnerWorld(
  target: DatabaseTarget,
  o: { capacity: number; residents: number; firstUserId: number; language?: (i: number) => 'da' | 'ar' },
): Promise<{ eventId: string; residents: { userId: number; personId: string }[] }> {
  const setup = await openDatabase(target);
  try {
    await seed(setup.db, { planDir: join(ROOT, 'prisma', 'plans'), demoCalendar: false, clock: systemClock, logger: createLogger('error') });
    const activity = await setup.db.activity.findFirstOrThrow({ where: { key: 'faellesspisning', plan: { key: 'randers-nordby-2017-21' } } });
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const event = await setup.db.event.create({
      data: { activityId: activity.id, startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000), capacity: o.capacity },
    });
    const services = createServices(setup.db, systemClock);
    const residents: { userId: number; personId: string }[] = [];
    for (let i = 0; i < o.residents; i++) {
      const userId = o.firstUserId + i;
      const p = await services.people.identify({ channel: 'telegram', externalId: String(userId), firstName: `R${i}`, language: o.language?.(i) ?? 'da' });
      await services.people.setConsent(p.id, true);
      residents.push({ userId, personId: p.id });
    }
    return { eventId: event.id, residents };
  } finally {
    await setup.close();
  }
}
