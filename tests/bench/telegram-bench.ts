/**
 * Telegram webhook round trip: the button press that confirms a sign-up (POST /api/telegram →
 * engine → sign-up in the database → the confirmation (an edit of the pressed message) and the .ics
 * carrying the menu reaching a loopback Bot API stub → 200, the press answered in the 200's body), next to a grammY echo bot (webhookCallback → sendMessage to the same stub)
 * on the same restify server in the same run. Each sample is prepared untimed (the resident is
 * walked to the confirm step through the webhook), then the two are timed alternately.
 *
 * Figures per bot: until the webhook answers (every reply has reached the stub by then; this is
 * what Telegram waits for), until the first reply reaches the stub (what the resident sees), and the
 * process's CPU time meanwhile, split into the engine's and the rest; the Bot API calls are counted.
 * Then a typed "what's on this week" from a resident, against the echo bot given the same text.
 * Environment: NABO_BENCH_TELEGRAM_RUNS (60), NABO_BENCH_WARMUPS (3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot, webhookCallback } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type restify from 'restify';
import { createNabo } from '../../bots/composition';
import { startHttpServer } from '../../bots/http/server';
import { startTelegram } from '../../bots/telegram';
import { SECRET_HEADER } from '../../bots/telegram/webhook';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/logging/logger';
import { FixedClock } from '../../src/time/clock';
import { recordResult, type BenchResult } from './results';
import { median, nowMs, percentile } from './stats';

const TOKEN = '424242:BENCH-token';
const WHATS_ON = 'hvad sker der i denne uge';
const SECRET = 'bench-secret-0123456789';
const NOW = new Date('2026-11-18T11:00:00Z');
const BOT_INFO: UserFromGetMe = {
  id: 424242,
  is_bot: true,
  first_name: 'Nabo',
  username: 'NaboBenchBot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

const envNumber = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** A loopback Bot API: answers every method, notes when a reply-carrying call arrives. */
function botApiStub(): Promise<{ server: Server; url: string; firstReply(): Promise<number>; calls: string[] }> {
  let waiter: ((t: number) => void) | null = null;
  let messageId = 1;
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
    calls.push(method);
    if (waiter && (method === 'sendMessage' || method === 'editMessageText')) {
      waiter(nowMs());
      waiter = null;
    }
    req.resume();
    req.on('end', () => {
      const message = { message_id: messageId++, date: 0, chat: { id: 1, type: 'private' } };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: method === 'getMe' ? BOT_INFO : method.startsWith('send') || method === 'editMessageText' ? message : true }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({ server, url: `http://127.0.0.1:${port}`, firstReply: () => new Promise((r) => (waiter = r)), calls });
    }),
  );
}

/** grammY's webhookCallback on restify (the body is already parsed by the server's bodyParser). */
const restifyAdapter = (req: restify.Request, res: restify.Response) => ({
  update: req.body,
  header: req.header(SECRET_HEADER) || undefined,
  end: () => res.send(200),
  respond: (json: string) => res.send(200, JSON.parse(json)),
  unauthorized: () => res.send(401),
});

/**
 * One timed webhook call: until the answer, until the first reply reached the stub, and the
 * process's CPU time meanwhile (client, server, bot and stub share the process, alike for both bots).
 */
interface Sample {
  done: number;
  first: number;
  cpu: number;
}
type NaboSample = Sample & { engine: number; engineCpu: number };

/** Records one comparison against the echo bot and prints it on one line. */
function compare(name: string, a: number[], b: number[], dataSize: BenchResult['data_size']): void {
  recordResult({
    name,
    median_ms: median(a),
    p99_ms: percentile(a, 99),
    baseline_median_ms: median(b),
    ratio: median(a) / median(b),
    data_size: dataSize,
    runs: a.length,
  });
  console.log(
    `${name.padEnd(44)} median ${median(a).toFixed(2)} ms (p99 ${percentile(a, 99).toFixed(2)})  ` +
      `echo ${median(b).toFixed(2)} ms (p99 ${percentile(b, 99).toFixed(2)})  ratio ${(median(a) / median(b)).toFixed(2)}×`,
  );
}

/** Runs the bench and records its results. */
export async function runTelegramBench(): Promise<void> {
  const runs = envNumber('NABO_BENCH_TELEGRAM_RUNS', 60);
  const warmups = envNumber('NABO_BENCH_WARMUPS', 3);
  const dir = mkdtempSync(join(tmpdir(), 'nabo-telegram-bench-'));
  const stub = await botApiStub();
  const clock = new FixedClock(NOW);
  const nabo = await createNabo(loadConfig({ DATABASE_URL: `file:${join(dir, 'nabo.db')}`, NABO_DEMO_CALENDAR: '1', PORT: '0' }), clock, silentLogger);
  const http = await startHttpServer({ port: 0, db: nabo.database.db, logger: silentLogger, provider: nabo.database.provider });
  // The engine's own time per confirm, so the adapter's share can be told apart.
  const engineMs: number[] = [];
  const engineCpu: number[] = [];
  const handle = nabo.engine.handle.bind(nabo.engine);
  // The engine's answer to the last typed message, to check "what's on" really listed something.
  let lastText: unknown;
  nabo.engine.handle = async (turn) => {
    const cpu0 = process.cpuUsage();
    const start = nowMs();
    const batch = await handle(turn);
    if (turn.input.kind === 'text') lastText = batch;
    if (turn.input.kind === 'action' && turn.input.action === 'signup.confirm') {
      engineMs.push(nowMs() - start);
      const cpu = process.cpuUsage(cpu0);
      engineCpu.push((cpu.user + cpu.system) / 1000);
    }
    return batch;
  };
  const telegram = await startTelegram({
    nabo,
    http,
    config: { token: TOKEN, webhook: { url: 'https://bench.invalid/api/telegram', secret: SECRET }, apiRoot: stub.url },
    logger: silentLogger,
    clock,
  });
  const echo = new Bot(TOKEN, { botInfo: BOT_INFO, client: { apiRoot: stub.url } });
  echo.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  http.server.post('/bench/echo', webhookCallback(echo, restifyAdapter, { secretToken: SECRET }));

  try {
    // A dinner with room for every sample, so each confirm is a real confirmed sign-up.
    const template = await nabo.database.db.event.findFirstOrThrow({
      where: { startsAt: { gt: NOW }, activity: { signupRequired: true } },
      orderBy: { startsAt: 'asc' },
    });
    const event = await nabo.database.db.event.create({
      data: {
        activityId: template.activityId,
        locationId: template.locationId,
        startsAt: new Date(NOW.getTime() + 2 * 86_400_000),
        endsAt: new Date(NOW.getTime() + 2 * 86_400_000 + 7_200_000),
        capacity: 100_000,
        isDemo: true,
      },
    });
    const base = `http://127.0.0.1:${http.port()}`;
    let updateId = 1;
    const post = async (path: string, update: Record<string, unknown>): Promise<void> => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
        body: JSON.stringify({ update_id: updateId++, ...update }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    };
    const user = (id: number) => ({ id, is_bot: false, first_name: 'Bench', language_code: 'da' });
    const chat = (id: number) => ({ id, type: 'private' });
    const press = (id: number, data: string) => ({
      callback_query: { id: `q${updateId}`, from: user(id), chat_instance: 'c', data, message: { message_id: 1, date: 1, chat: chat(id), text: '…' } },
    });
    const message = (id: number, text: string, command = false) => ({
      message: {
        message_id: updateId,
        date: 0,
        chat: chat(id),
        from: user(id),
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {}),
      },
    });
    const prepare = async (id: number): Promise<void> => {
      await post('/api/telegram', message(id, '/start', true));
      for (const step of ['welcome.consent', `signup.party|${event.id}`, 'signup.adults|1', 'signup.children|0', 'signup.diet|none'])
        await post('/api/telegram', press(id, step));
    };
    const timed = async (path: string, update: Record<string, unknown>): Promise<Sample> => {
      const reply = stub.firstReply();
      const cpu0 = process.cpuUsage();
      const start = nowMs();
      await post(path, update);
      const end = nowMs();
      const cpu = process.cpuUsage(cpu0);
      return { done: end - start, first: (await reply) - start, cpu: (cpu.user + cpu.system) / 1000 };
    };

    const nabos: NaboSample[] = [];
    const echoes: Sample[] = [];
    // The Bot API calls of the last confirm, and the webhook reply that rode in its answer.
    let confirmCalls: string[] = [];
    for (let i = 0; i < warmups + runs; i++) {
      const id = 10_000 + i;
      await prepare(id);
      // Alternate who goes first, so drift in the machine falls on both alike.
      const one = i % 2 === 0;
      const e1 = one ? null : await timed('/bench/echo', message(id, 'hej'));
      stub.calls.length = 0;
      const n = await timed('/api/telegram', press(id, 'signup.confirm'));
      confirmCalls = [...stub.calls];
      const e2 = one ? await timed('/bench/echo', message(id, 'hej')) : null;
      if (i >= warmups) {
        nabos.push({ ...n, engine: engineMs[engineMs.length - 1] ?? NaN, engineCpu: engineCpu[engineCpu.length - 1] ?? NaN });
        echoes.push((e1 ?? e2) as Sample);
      }
    }
    const confirmed = await nabo.database.db.signUp.count({ where: { eventId: event.id, status: 'confirmed' } });
    if (confirmed !== warmups + runs) throw new Error(`expected ${warmups + runs} confirmed sign-ups, found ${confirmed}`);

    const dataSize = {
      bot_api_calls: confirmCalls.length,
      database: 'sqlite',
      demo_calendar: true,
      bot_api: 'loopback stub',
      server: 'restify 11, shared',
      confirmed_signups: confirmed,
    };
    const report = (name: string, pick: (s: NaboSample) => number, baseline: (s: Sample) => number): void =>
      compare(name, nabos.map(pick), echoes.map(baseline), dataSize);
    console.log(`\nBot API calls per sign-up confirm (besides the webhook reply): ${confirmCalls.length} (${confirmCalls.join(', ')})`);
    console.log(`\nTelegram webhook, sign-up confirm vs grammY echo (${runs} runs, ${warmups} warm-ups; goal ≤ 2×)`);
    report(
      'telegram.webhook.signup-confirm.round-trip',
      (s) => s.done,
      (s) => s.done,
    );
    report(
      'telegram.webhook.signup-confirm.cpu',
      (s) => s.cpu,
      (s) => s.cpu,
    );
    report(
      'telegram.webhook.signup-confirm.first-reply',
      (s) => s.first,
      (s) => s.first,
    );
    // What the adapter adds around the engine (webhook, once-only record, rendering, two Bot API calls), against the echo bot's whole round trip.
    report(
      'telegram.webhook.signup-confirm.adapter-only',
      (s) => s.done - s.engine,
      (s) => s.done,
    );
    // The adapter's CPU time (everything but the engine: webhook, once-only record, rendering, Bot API calls, the client and stub).
    report(
      'telegram.webhook.signup-confirm.cpu-adapter-only',
      (s) => s.cpu - s.engineCpu,
      (s) => s.cpu,
    );
    const engine = nabos.map((s) => s.engine);
    recordResult({
      name: 'telegram.webhook.signup-confirm.engine-only',
      median_ms: median(engine),
      p99_ms: percentile(engine, 99),
      baseline_median_ms: null,
      ratio: null,
      data_size: dataSize,
      runs: engine.length,
    });
    console.log(
      `${'telegram.webhook.signup-confirm.engine-only'.padEnd(44)} median ${median(engine).toFixed(2)} ms (p99 ${percentile(engine, 99).toFixed(2)})`,
    );
    const cpu = nabos.map((s) => s.engineCpu);
    recordResult({
      name: 'telegram.webhook.signup-confirm.cpu-engine-only',
      median_ms: median(cpu),
      p99_ms: percentile(cpu, 99),
      baseline_median_ms: null,
      ratio: null,
      data_size: dataSize,
      runs: cpu.length,
    });
    console.log(`${'telegram.webhook.signup-confirm.cpu-engine-only'.padEnd(44)} median ${median(cpu).toFixed(2)} ms (p99 ${percentile(cpu, 99).toFixed(2)})`);

    // A typed "what's on this week" from each resident who consented above (one message each: the
    // per-person rate limit would drop a burst from one), against the echo bot given the same text.
    const whatsOn: Sample[] = [];
    const echoes2: Sample[] = [];
    for (let i = 0; i < warmups + runs; i++) {
      const resident = 10_000 + i;
      const one = i % 2 === 0;
      const e1 = one ? null : await timed('/bench/echo', message(resident, WHATS_ON));
      lastText = null;
      const n = await timed('/api/telegram', message(resident, WHATS_ON));
      if (!JSON.stringify(lastText).includes('Fællesspisning')) throw new Error(`"what's on" answered ${JSON.stringify(lastText).slice(0, 300)}`);
      const e2 = one ? await timed('/bench/echo', message(resident, WHATS_ON)) : null;
      if (i >= warmups) {
        whatsOn.push(n);
        echoes2.push((e1 ?? e2) as Sample);
      }
    }
    console.log(`\nTelegram webhook, "${WHATS_ON}" vs grammY echo (${runs} runs, ${warmups} warm-ups; goal ≤ 2×)`);
    for (const [name, pick] of [
      ['telegram.webhook.whats-on.round-trip', (x: Sample) => x.done],
      ['telegram.webhook.whats-on.cpu', (x: Sample) => x.cpu],
      ['telegram.webhook.whats-on.first-reply', (x: Sample) => x.first],
    ] as const) {
      compare(name, whatsOn.map(pick), echoes2.map(pick), { ...dataSize, turn: `typed "${WHATS_ON}"` });
    }
  } finally {
    await telegram.stop();
    await http.close();
    await nabo.close();
    await new Promise((r) => stub.server.close(r));
    rmSync(dir, { recursive: true, force: true });
  }
}

// Runnable on its own: npx tsx tests/bench/telegram-bench.ts
if (require.main === module) {
  runTelegramBench().then(
    async () => (await import('./results')).writeResults(),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
