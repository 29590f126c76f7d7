/**
 * `npm run test:chaos`: residents sign up for one dinner and some cancel, through the Telegram
 * webhook of real Nabo processes, while instances are killed with SIGKILL at random moments and
 * restarted. Every update that got no 200 is redelivered, as Telegram does (to any instance, as
 * a load balancer would). Afterwards the database must show every confirm as exactly one
 * sign-up, capacity kept, the waiting list in order, and every outbox row a sign-up implies.
 *
 * PostgreSQL runs two instances (killed one at a time); SQLite runs one (killed and restarted,
 * with the driver retrying meanwhile). Options: --providers sqlite,postgresql --residents 150
 * --seed N. Exits non-zero on any lost or doubled sign-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DatabaseTarget } from '../../src/config/config';
import { openDatabase } from '../../src/database/database';
import { signUpReminderRef } from '../../src/outbox/reminders';
import { offerRef } from '../../src/sign-ups/offers';
import { freePort, naboEnv, seedDinnerWorld, startInstance, stopInstances, type Instance } from '../support/nabo-processes';
import { startFakeBotApi, type FakeBotApi } from './fake-bot-api';

const SECRET = 'chaos-secret-0123456789';
const TOKEN = '4242:chaos';
const CAPACITY = 40;
const MAX_KILLS = Number(process.env.NABO_CHAOS_KILLS ?? 10);
const SPREAD_MS = Number(process.env.NABO_CHAOS_SPREAD_MS ?? 25_000);
const PG_BASE = process.env.NABO_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const { values: opts } = parseArgs({
  options: {
    providers: { type: 'string', default: 'sqlite,postgresql' },
    residents: { type: 'string', default: '150' },
    seed: { type: 'string', default: String(Date.now() % 100000) },
  },
});

// A small seeded random, so a failing run can be repeated with --seed.
let state = Number(opts.seed) || 1;
const random = (): number => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Stats {
  updates: number;
  deliveries: number;
  redelivered: number;
  killed: number;
}

/** Updates each instance is handling right now, so a kill can be aimed at turns in progress. */
const inFlight = new Map<Instance, number>();

/** Posts one update the way Telegram does, until some instance answers 200. */
async function deliver(instances: Instance[], update: object, stats: Stats): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const live = instances.filter((i) => i.up);
    const target = (live.length ? live : instances)[Math.floor(random() * (live.length || instances.length))];
    if (!target) throw new Error('no instance');
    stats.deliveries++;
    inFlight.set(target, (inFlight.get(target) ?? 0) + 1);
    let status: number;
    try {
      const r = await fetch(`http://127.0.0.1:${target.port}/api/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(20_000),
      });
      status = r.status;
      await r.text();
    } catch {
      status = 0;
    } finally {
      inFlight.set(target, (inFlight.get(target) ?? 1) - 1);
    }
    if (status === 200) return;
    if (attempt === 0) stats.redelivered++;
    await sleep(400 + random() * 600);
  }
  throw new Error('an update was never accepted');
}

interface Resident {
  userId: number;
  personId: string;
  adults: number;
  children: number;
  cancels: boolean;
  cancelPressed: boolean;
}

async function runOne(provider: 'sqlite' | 'postgresql', residentsCount: number): Promise<{ ok: boolean; line: string }> {
  const dir = mkdtempSync(join(tmpdir(), `nabo-chaos-${provider}-`));
  let target: DatabaseTarget;
  let dropSchema: (() => Promise<void>) | null = null;
  let databaseUrl: string;
  if (provider === 'sqlite') {
    const file = join(dir, 'nabo.db');
    target = { provider: 'sqlite', file };
    databaseUrl = `file:${file}`;
  } else {
    const schema = `nabo_chaos_${process.pid}_${Math.floor(random() * 1e6)}`;
    const u = new URL(PG_BASE);
    u.searchParams.set('schema', schema);
    databaseUrl = u.toString();
    target = { provider: 'postgresql', url: databaseUrl };
    dropSchema = async () => {
      const c = new Client({ connectionString: PG_BASE });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    };
  }

  // The world: the real plans, one dinner with 40 places, residents who have said yes to the terms.
  const world = await seedDinnerWorld(target, { capacity: CAPACITY, residents: residentsCount, firstUserId: 900_000 });
  const event = { id: world.eventId };
  const residents: Resident[] = world.residents.map((r) => ({
    ...r,
    adults: 1 + Math.floor(random() * 2),
    children: Math.floor(random() * 2),
    cancels: random() < 0.3,
    cancelPressed: false,
  }));

  const fake: FakeBotApi = await startFakeBotApi();
  const env = naboEnv({ databaseUrl, token: TOKEN, secret: SECRET, apiRoot: fake.url, extra: { TELEGRAM_UPDATE_LEASE_MS: '2000' } });
  const count = provider === 'postgresql' ? 2 : 1;
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) instances.push({ name: `${provider}-${i + 1}`, port: await freePort(), up: false, child: null });
  const logFile = join(dir, 'instances.log');
  await Promise.all(instances.map((inst) => startInstance(inst, env, logFile)));

  const stats: Stats = { updates: 0, deliveries: 0, redelivered: 0, killed: 0 };
  let updateId = 10_000;
  const press = async (r: Resident, data: string): Promise<void> => {
    await sleep(50 + random() * 250);
    const id = ++updateId;
    stats.updates++;
    const from = { id: r.userId, is_bot: false, first_name: 'R', language_code: 'da' };
    await deliver(
      instances,
      {
        update_id: id,
        callback_query: { id: String(id), from, chat_instance: 'c', data, message: { message_id: 1, date: 0, chat: { id: r.userId, type: 'private' } } },
      },
      stats,
    );
  };

  let driving = true;
  // The killer: while residents press, an instance dies now and then and comes back.
  const killer = (async () => {
    // At most MAX_KILLS per run, at random moments of the burst: enough to hit turns mid-way, bounded for CI.
    while (driving && stats.killed < MAX_KILLS) {
      await sleep(800 + random() * 1700);
      if (!driving) break;
      const up = instances.filter((i) => i.up);
      if (provider === 'postgresql' && up.length < 2) continue;
      const victim = up[Math.floor(random() * up.length)];
      if (!victim?.child) continue;
      // Aim at a turn in progress (wait up to a second for one), so the kill lands mid-turn.
      for (let i = 0; i < 200 && driving && (inFlight.get(victim) ?? 0) === 0; i++) await sleep(5);
      victim.up = false;
      victim.child.kill('SIGKILL');
      stats.killed++;
      await startInstance(victim, env, logFile);
    }
  })();

  const started = Date.now();
  await Promise.all(
    residents.map(async (r, i) => {
      // Residents arrive over SPREAD_MS and take a moment per tap, so kills land in the middle of many turns.
      await sleep(i === 0 ? 0 : random() * SPREAD_MS);
      await press(r, `signup.party|${event.id}`);
      await press(r, `signup.adults|${r.adults}`);
      await press(r, `signup.children|${r.children}`);
      await press(r, 'signup.diet|none');
      await press(r, 'signup.confirm');
      if (r.cancels) {
        await press(r, 'bookings.list');
        const button = fake.newestButton(r.userId, /^bookings\.cancel\|s_/);
        if (button) {
          await press(r, button);
          r.cancelPressed = true;
        }
      }
    }),
  );
  driving = false;
  await killer;
  const drivenMs = Date.now() - started;

  // Offers freed by cancels go out through the outbox: wait until nothing due is pending.
  const check = await openDatabase(target);
  const db = check.db;
  for (let i = 0; i < 100; i++) {
    // Due and waiting, or in a worker's hands right now (its lease lies in the future).
    const due = await db.outboxMessage.count({ where: { OR: [{ status: 'pending', dueAt: { lte: new Date() } }, { status: 'sending' }] } });
    if (due === 0) break;
    await sleep(300);
  }

  // ---- the checks
  const problems: string[] = [];
  const signUps = await db.signUp.findMany({ where: { eventId: event.id }, orderBy: { createdAt: 'asc' } });
  let lost = 0;
  let doubled = 0;
  for (const r of residents) {
    const mine = signUps.filter((s) => s.personId === r.personId);
    if (mine.length === 0) lost++;
    if (mine.length > 1) doubled++;
    const s = mine[0];
    if (!s) continue;
    if (s.adults !== r.adults || s.children !== r.children)
      problems.push(`resident ${r.userId}: party ${s.adults}+${s.children}, pressed ${r.adults}+${r.children}`);
    if (r.cancelPressed && s.status !== 'cancelled') problems.push(`resident ${r.userId}: cancel pressed, sign-up ${s.status}`);
    if (!r.cancelPressed && s.status === 'cancelled') problems.push(`resident ${r.userId}: cancelled without pressing cancel`);
  }
  if (lost) problems.push(`${lost} confirms without a sign-up`);
  if (doubled) problems.push(`${doubled} residents with more than one sign-up`);
  const holding = signUps.filter((s) => s.status === 'confirmed' || s.status === 'offered');
  const taken = holding.reduce((n, s) => n + s.adults + s.children, 0);
  if (taken > CAPACITY) problems.push(`capacity exceeded: ${taken} > ${CAPACITY}`);
  const waiting = signUps.filter((s) => s.status === 'waiting').sort((a, b) => (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0));
  const positions = waiting.map((s) => s.waitingPosition);
  if (new Set(positions).size !== positions.length) problems.push('waiting positions repeat');
  for (let i = 1; i < waiting.length; i++) {
    const before = waiting[i - 1];
    const after = waiting[i];
    if (before && after && before.createdAt > after.createdAt) problems.push(`waiting list out of order at position ${after.waitingPosition}`);
  }
  const outbox = await db.outboxMessage.findMany({ select: { kind: true, refId: true, status: true } });
  const rows = (kind: string, ref: string): number => outbox.filter((o) => o.kind === kind && o.refId === ref).length;
  let missingRows = 0;
  for (const s of signUps) {
    if (s.status === 'confirmed' && rows('reminder', signUpReminderRef(s.id)) !== 1) missingRows++;
    if (s.status === 'offered' && rows('offer', offerRef(s.id)) !== 1) missingRows++;
  }
  if (missingRows) problems.push(`${missingRows} sign-ups without their outbox row`);
  // What went out twice: an offer message sent more than once to its chat.
  const offerSends = new Map<string, number>();
  for (const m of fake.sent) for (const b of m.buttons) if (b.startsWith('offer.accept|')) offerSends.set(b, (offerSends.get(b) ?? 0) + 1);
  const duplicates = [...offerSends.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  const pendingDue = await db.outboxMessage.count({ where: { status: 'pending', dueAt: { lte: new Date() } } });
  if (pendingDue) problems.push(`${pendingDue} due outbox messages never sent`);

  await check.close();
  await stopInstances(instances);
  await fake.close();
  await dropSchema?.();
  const keep = problems.length > 0;
  if (!keep) rmSync(dir, { recursive: true, force: true });

  const line =
    `${provider}: ${residents.length} residents, ${stats.updates} updates sent, ${stats.deliveries} deliveries, ` +
    `${stats.redelivered} updates redelivered, ${stats.killed} instances killed, ${signUps.length} sign-ups ` +
    `(${holding.length} holding ${taken}/${CAPACITY} places, ${waiting.length} waiting, ${signUps.filter((s) => s.status === 'cancelled').length} cancelled), ` +
    `lost ${lost}, doubled ${doubled}, offers sent twice ${duplicates}, ${drivenMs} ms` +
    (keep ? `\n  PROBLEMS:\n  - ${problems.slice(0, 20).join('\n  - ')}\n  logs: ${logFile}` : '');
  return { ok: !keep, line };
}

async function main(): Promise<void> {
  const providers = (opts.providers ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((p): p is 'sqlite' | 'postgresql' => p === 'sqlite' || p === 'postgresql');
  const residents = Number(opts.residents);
  console.log(`chaos test, seed ${opts.seed}`);
  let passed = 0;
  let failed = 0;
  for (const provider of providers) {
    if (provider === 'postgresql') {
      const c = new Client({ connectionString: PG_BASE });
      const reachable = await c.connect().then(
        () => true,
        () => false,
      );
      await c.end().catch(() => undefined);
      if (!reachable) {
        console.log(`postgresql: no server at ${PG_BASE}; not run`);
        continue;
      }
    }
    const r = await runOne(provider, residents);
    console.log(r.line);
    if (r.ok) passed++;
    else failed++;
  }
  console.log(`chaos: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
