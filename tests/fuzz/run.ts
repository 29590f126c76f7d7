/**
 * `npm run fuzz`: at least 10 000 malformed or hostile inputs against a running Nabo — the Telegram
 * webhook, POST /api/messages, the dashboard's routes and the engine as the console drives it —
 * then checks that nothing crashed, nothing answered 5xx, nothing logged an error, the database
 * holds nothing it should not (plan data untouched, no place oversold, no CPR number, no control
 * characters in a name, no markdown link on a staff card), and memory came back near its start.
 * Bounded (about a minute on two cores) so CI runs it; FUZZ_SEED replays a run, FUZZ_SCALE sizes it.
 */
import { createHash } from 'node:crypto';
import { render } from '../../bots/console/render';
import { parseTurn } from '../../src/conversation/turn';
import type { Db } from '../../src/database/database';
import { Random } from './hostile';
import { consoleTurn, tabInput, teamsInput, telegramInput, type Request } from './inputs';
import { startWorld, TELEGRAM_SECRET, type World } from './world';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const PLAN = { telegram: 2600, teams: 2900, tab: 2500, console: 2200 };
const CONCURRENCY = 4;
/** Growth of the heap after everything, garbage collected, that still counts as "back near the start". */
const MEMORY_SLACK_MB = 40;
const NOW = new Date('2026-11-18T11:00:00Z');

/** Tables no hostile input may change: the plan, its calendar and everything staff registered. */
const PROTECTED = [
  'Plan',
  'FocusArea',
  'Activity',
  'ActivityTranslation',
  'Event',
  'Location',
  'HousingArea',
  'StreetRule',
  'Target',
  'TargetGroup',
  'Indicator',
  'Measurement',
  'Delivery',
  'Attendance',
  'AppointmentSlot',
];
const CPR = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[ ./-]?\d{4}(?!\d)/;
const UNSAFE_NAME = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

interface Tally {
  sent: number;
  byStatus: Map<number, number>;
  crashes: string[];
  problems: string[];
}

async function snapshot(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of PROTECTED) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}" ORDER BY "id"`);
    out[table] = `${rows.length}:${createHash('sha256')
      .update(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)))
      .digest('hex')
      .slice(0, 16)}`;
  }
  return out;
}

async function send(world: World, req: Request, tally: Tally): Promise<void> {
  tally.sent++;
  try {
    const res = await fetch(`${world.h.url}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
    await res.arrayBuffer();
    tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
    if (res.status >= 500) tally.problems.push(`${res.status} for ${req.method} ${req.path.slice(0, 60)} ${req.body?.slice(0, 200) ?? ''}`);
  } catch (err) {
    tally.crashes.push(`${req.method} ${req.path.slice(0, 60)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function consoleStep(world: World, r: Random, tally: Tally): Promise<void> {
  tally.sent++;
  let turn;
  try {
    turn = parseTurn(consoleTurn(r));
  } catch {
    tally.byStatus.set(400, (tally.byStatus.get(400) ?? 0) + 1);
    return;
  }
  try {
    const batch = await world.h.nabo.engine.handle(turn);
    const lines = render(batch).lines.join('\n');
    if (/(?![\t\n])\p{Cc}/u.test(lines)) tally.problems.push(`console wrote a control character for ${JSON.stringify(turn.input).slice(0, 120)}`);
    tally.byStatus.set(200, (tally.byStatus.get(200) ?? 0) + 1);
  } catch (err) {
    tally.crashes.push(`engine threw for ${JSON.stringify(turn.input).slice(0, 120)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Runs `count` steps `CONCURRENCY` at a time. */
async function pool(count: number, step: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await step(next++);
    }),
  );
}

/** Card texts the connector got: none may carry a live markdown link or bold. */
function checkCards(world: World, tally: Tally): void {
  for (const call of world.h.connector.calls.splice(0)) {
    const json = JSON.stringify(call.activity ?? {});
    for (const m of json.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)) {
      const text = JSON.parse(`"${m[1]}"`) as string;
      if (/(^|[^\\])\[[^\]]*[^\\]\]\(/.test(text) || /(^|[^\\])\*\*[^*]+[^\\]\*\*/.test(text))
        tally.problems.push(`live markdown on a card: ${text.slice(0, 120)}`);
    }
  }
}

async function checkDatabase(db: Db, before: Record<string, string>, tally: Tally): Promise<void> {
  const after = await snapshot(db);
  for (const table of PROTECTED) if (after[table] !== before[table]) tally.problems.push(`table ${table} changed: ${before[table]} → ${after[table]}`);
  const events = await db.event.findMany({
    where: { capacity: { not: null } },
    select: { id: true, capacity: true, signUps: { where: { status: { in: ['confirmed', 'offered'] } }, select: { adults: true, children: true } } },
  });
  for (const e of events) {
    const taken = e.signUps.reduce((n, s) => n + s.adults + s.children, 0);
    if (taken > (e.capacity ?? 0)) tally.problems.push(`event ${e.id} holds ${taken} for ${e.capacity} places`);
  }
  const texts = [
    ...(await db.handoverRequest.findMany({ select: { question: true, answer: true } })).flatMap((h) => [h.question ?? '', h.answer ?? '']),
    ...(await db.conversation.findMany({ select: { data: true } })).map((c) => c.data),
    ...(await db.signUp.findMany({ select: { dietary: true } })).map((s) => s.dietary),
    ...(await db.appointment.findMany({ select: { note: true } })).map((a) => a.note ?? ''),
    ...(await db.outboxMessage.findMany({ select: { payload: true } })).map((o) => o.payload),
  ];
  const cpr = texts.filter((t) => CPR.test(t));
  if (cpr.length) tally.problems.push(`${cpr.length} stored texts hold a CPR number, e.g. ${cpr[0]?.slice(0, 80)}`);
  const names = (await db.person.findMany({ select: { firstName: true } })).filter((p) => p.firstName && UNSAFE_NAME.test(p.firstName));
  if (names.length) tally.problems.push(`${names.length} names keep control or direction characters`);
}

function heapMb(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

async function main(): Promise<void> {
  if (!global.gc) throw new Error('run with node --expose-gc (npm run fuzz does)');
  const started = Date.now();
  const tally: Tally = { sent: 0, byStatus: new Map(), crashes: [], problems: [] };
  process.on('uncaughtException', (err) => tally.crashes.push(`uncaught: ${err.message}`));
  process.on('unhandledRejection', (err) => tally.crashes.push(`unhandled rejection: ${err instanceof Error ? err.message : String(err)}`));
  const world = await startWorld(NOW);
  const db = world.h.nabo.database.db;
  const r = new Random(SEED);
  const serviceUrl = world.h.connector.url;
  const coordinator = await world.h.nabo.services.people.identify({
    channel: 'teams',
    externalId: '0c000000-0000-0000-0000-000000000002',
    firstName: 'Karen',
    role: 'coordinator',
  });
  const tabSecret = 'test-secret-test-secret-test-secret-0123';

  // Warm up (caches, JIT, prepared statements), then measure.
  await pool(100, () => send(world, teamsInput(r, serviceUrl), tally));
  await pool(100, () => send(world, telegramInput(r, TELEGRAM_SECRET), tally));
  await pool(100, () => consoleStep(world, r, tally));
  checkCards(world, tally);
  const before = await snapshot(db);
  const heapStart = heapMb();
  const per = {
    telegram: Math.round(PLAN.telegram * SCALE),
    teams: Math.round(PLAN.teams * SCALE),
    tab: Math.round(PLAN.tab * SCALE),
    console: Math.round(PLAN.console * SCALE),
  };
  const timings: Record<string, number> = {};

  let t = Date.now();
  await pool(per.telegram, () => send(world, telegramInput(r, TELEGRAM_SECRET), tally));
  timings.telegram = Date.now() - t;
  t = Date.now();
  await pool(per.teams, async (i) => {
    await send(world, teamsInput(r, serviceUrl), tally);
    if (i % 200 === 0) checkCards(world, tally);
  });
  checkCards(world, tally);
  timings.teams = Date.now() - t;
  t = Date.now();
  await pool(per.tab, () => send(world, tabInput(r, tabSecret, coordinator.id, NOW), tally));
  timings.tab = Date.now() - t;
  t = Date.now();
  await pool(per.console, () => consoleStep(world, r, tally));
  timings.console = Date.now() - t;

  // Let background work (Teams replies, outbox) settle, then check.
  await new Promise((resolve) => setTimeout(resolve, 500));
  checkCards(world, tally);
  await checkDatabase(db, before, tally);
  const heapEnd = heapMb();
  const errors = [...world.errors];
  await world.close();

  const total = per.telegram + per.teams + per.tab + per.console;
  const status = [...tally.byStatus.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  const fiveXx = [...tally.byStatus.entries()].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  console.log(
    `fuzz seed ${SEED}: ${total} inputs (Telegram ${per.telegram} in ${timings.telegram} ms, /api/messages ${per.teams} in ${timings.teams} ms, ` +
      `tab ${per.tab} in ${timings.tab} ms, console ${per.console} in ${timings.console} ms), ${tally.sent} sent with warm-up`,
  );
  console.log(`answers: ${status}`);
  console.log(
    `crashes: ${tally.crashes.length}, 5xx: ${fiveXx}, error log lines: ${errors.length}, warnings: ${world.warnings}, wrong database changes and other problems: ${tally.problems.length}`,
  );
  console.log(`Telegram Bot API calls by Nabo: ${world.botApi.sent.length}`);
  console.log(
    `heap after warm-up ${heapStart.toFixed(1)} MB, after the run ${heapEnd.toFixed(1)} MB ` +
      `(${(heapEnd - heapStart).toFixed(1)} MB, allowed ${MEMORY_SLACK_MB}); ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
  );
  for (const c of tally.crashes.slice(0, 10)) console.log(`  crash: ${c}`);
  for (const p of [...new Set(tally.problems)].slice(0, 10)) console.log(`  problem: ${p}`);
  for (const e of [...new Set(errors)].slice(0, 10)) console.log(`  error logged: ${e}`);
  const failed =
    total < 10_000 * Math.min(1, SCALE) ||
    tally.crashes.length > 0 ||
    fiveXx > 0 ||
    tally.problems.length > 0 ||
    errors.length > 0 ||
    heapEnd - heapStart > MEMORY_SLACK_MB;
  // The closing line CI's summary reads (.ci/run): "<name>: N passed, N failed".
  console.log(`fuzz: ${failed ? 0 : 1} passed, ${failed ? 1 : 0} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
