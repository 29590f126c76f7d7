/**
 * Teams channel bench: the round trip of POST /api/messages for a delivery-logging turn
 * ("fællesspisning i dag 34 deltagere 2 frivillige" → the summary card with Save/Change/Cancel),
 * with deliveryMode expectReplies so the replies come back in the HTTP response, next to a
 * botbuilder echo bot on the same restify + CloudAdapter setup, measured alternately in the same
 * run. Goal: Nabo ≤ 1.5 × the echo bot. Each timed turn starts from the same state: an untimed
 * "Annullér" press in between ends the draft the previous turn left. Then a coordinator's
 * whole-plan progress question ("fremdrift for hele planperioden" → the progress answer), against
 * the same echo turn, alternately too.
 *
 *   npx tsx tests/bench/teams-bench.ts   (or through npm run bench, which calls runTeamsBench)
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { startHttpServer, type HttpServer } from '../../bots/http/server';
import { COORDINATOR, STAFF, TENANT, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { RateLimiter } from '../../bots/telegram/rate-limit';
import { submitMessage, textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { FixedClock } from '../../src/time/clock';
import { silentLogger } from '../../src/logging/logger';
import { recordResult, writeResults } from './results';
import { summarize, timeMs, type Timing } from './stats';

const GOAL = 1.5;
const TEXT = 'fællesspisning i dag 34 deltagere 2 frivillige';
const PROGRESS_TEXT = 'fremdrift for hele planperioden';
const envNumber = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The reference: an echo bot, CloudAdapter without authentication, on the project's restify server. */
async function startEchoBot(h: Harness): Promise<HttpServer> {
  const http = await startHttpServer({ port: 0, db: h.nabo.database.db, logger: silentLogger, provider: h.nabo.database.provider });
  // Configured exactly like Nabo's adapter without an app id (index.ts).
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  http.server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    });
  });
  return http;
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

/** Replies of an expectReplies response. */
const activitiesOf = (body: unknown): { attachments?: { content?: unknown }[]; text?: string }[] =>
  (body as { activities?: { attachments?: { content?: unknown }[] }[] }).activities ?? [];

const ms = (v: number): string => v.toFixed(2);

/** Wall milliseconds of one turn; its CPU milliseconds (user + system, client and server share the process) go to `cpu`. */
async function timed(fn: () => Promise<void>, cpu: number[]): Promise<number> {
  const before = process.cpuUsage();
  const { ms: wall } = await timeMs(fn);
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
  return wall;
}

/** Runs the bench, prints a table and records teams.delivery-turn (wall), teams.delivery-turn.cpu and teams.echo-baseline. */
export async function runTeamsBench(): Promise<void> {
  const runs = envNumber('NABO_BENCH_TEAMS_RUNS', 200);
  const warmups = envNumber('NABO_BENCH_TEAMS_WARMUPS', 30);
  // A benchmark sends far more turns than a person would: the per-person rate limit would drop them.
  const h = await startHarness({
    clock: new FixedClock(new Date('2026-11-19T19:00:00Z')),
    rateLimiter: new RateLimiter({ limit: 1_000_000, windowMs: 10_000 }),
  });
  const echo = await startEchoBot(h);
  try {
    const user: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
    const serviceUrl = h.connector.url;
    const naboUrl = `${h.url}/api/messages`;
    const echoUrl = `http://127.0.0.1:${echo.port()}/api/messages`;
    // First contact (creates the person) is not what is measured.
    await post(naboUrl, textMessage({ serviceUrl, user, text: 'hej', deliveryMode: 'expectReplies' }));
    const first = activitiesOf(await post(naboUrl, textMessage({ serviceUrl, user, text: TEXT, deliveryMode: 'expectReplies' })));
    if (!JSON.stringify(first).includes('delivery.save')) throw new Error('the delivery turn did not answer with the Save button');
    await post(naboUrl, submitMessage({ serviceUrl, user, value: { action: 'delivery.abort' }, deliveryMode: 'expectReplies' }));

    const nabo = async (): Promise<void> => {
      const replies = activitiesOf(await post(naboUrl, textMessage({ serviceUrl, user, text: TEXT, deliveryMode: 'expectReplies' })));
      if (replies.length === 0) throw new Error('no reply');
    };
    const reset = (): Promise<unknown> =>
      post(naboUrl, submitMessage({ serviceUrl, user, value: { action: 'delivery.abort' }, deliveryMode: 'expectReplies' }));
    const echoTurn = async (): Promise<void> => {
      const replies = activitiesOf(await post(echoUrl, textMessage({ serviceUrl, user, text: TEXT, deliveryMode: 'expectReplies' })));
      if (replies[0]?.text !== `echo: ${TEXT}`) throw new Error('echo bot did not echo');
    };
    // Alternate Nabo and echo turns so drift in the machine affects both alike; the reset is untimed.
    for (let i = 0; i < warmups; i++) {
      await nabo();
      await reset();
      await echoTurn();
    }
    const naboSamples: number[] = [];
    const echoSamples: number[] = [];
    const naboCpu: number[] = [];
    const echoCpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      naboSamples.push(await timed(nabo, naboCpu));
      await reset();
      echoSamples.push(await timed(echoTurn, echoCpu));
    }
    // A coordinator's whole-plan progress question, against the same echo turn, alternating alike.
    const coordinator: TeamsUser = { objectId: COORDINATOR, name: 'Hanne Jensen', tenantId: TENANT };
    await post(naboUrl, textMessage({ serviceUrl, user: coordinator, text: 'hej', deliveryMode: 'expectReplies' }));
    const progress = async (): Promise<void> => {
      const replies = activitiesOf(await post(naboUrl, textMessage({ serviceUrl, user: coordinator, text: PROGRESS_TEXT, deliveryMode: 'expectReplies' })));
      if (!JSON.stringify(replies).includes('planperioden')) throw new Error(`the progress turn answered ${JSON.stringify(replies).slice(0, 300)}`);
    };
    for (let i = 0; i < warmups; i++) {
      await progress();
      await echoTurn();
    }
    const progressSamples: number[] = [];
    const progressCpu: number[] = [];
    const echo2Samples: number[] = [];
    const echo2Cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      progressSamples.push(await timed(progress, progressCpu));
      echo2Samples.push(await timed(echoTurn, echo2Cpu));
    }
    const a = summarize(naboSamples);
    const b = summarize(echoSamples);
    const aCpu = summarize(naboCpu);
    const bCpu = summarize(echoCpu);
    report('Nabo: log a delivery', a, b, aCpu, bCpu);
    const p = summarize(progressSamples);
    const pCpu = summarize(progressCpu);
    const b2 = summarize(echo2Samples);
    const b2Cpu = summarize(echo2Cpu);
    report('Nabo: whole-plan progress', p, b2, pCpu, b2Cpu);
    recordResult({
      name: 'teams.progress-turn',
      median_ms: p.median_ms,
      p99_ms: p.p99_ms,
      baseline_median_ms: b2.median_ms,
      ratio: p.median_ms / b2.median_ms,
      data_size: { turn: `coordinator "${PROGRESS_TEXT}" (demo plan)`, delivery_mode: 'expectReplies', database: 'sqlite (demo calendar)' },
      runs: p.runs,
    });
    recordResult({
      name: 'teams.progress-turn.cpu',
      median_ms: pCpu.median_ms,
      p99_ms: pCpu.p99_ms,
      baseline_median_ms: b2Cpu.median_ms,
      ratio: pCpu.median_ms / b2Cpu.median_ms,
      data_size: { turn: `coordinator "${PROGRESS_TEXT}"`, measure: 'process CPU time (user + system) per turn, client and server in one process' },
      runs: pCpu.runs,
    });
    const dataSize = {
      turn: 'log delivery (free text → summary card)',
      delivery_mode: 'expectReplies',
      database: 'sqlite (demo calendar)',
      server: 'restify 11 + CloudAdapter',
    };
    recordResult({
      name: 'teams.delivery-turn',
      median_ms: a.median_ms,
      p99_ms: a.p99_ms,
      baseline_median_ms: b.median_ms,
      ratio: a.median_ms / b.median_ms,
      data_size: dataSize,
      runs: a.runs,
    });
    recordResult({
      name: 'teams.delivery-turn.cpu',
      median_ms: aCpu.median_ms,
      p99_ms: aCpu.p99_ms,
      baseline_median_ms: bCpu.median_ms,
      ratio: aCpu.median_ms / bCpu.median_ms,
      data_size: { ...dataSize, measure: 'process CPU time (user + system) per turn, client and server in one process' },
      runs: aCpu.runs,
    });
    recordResult({
      name: 'teams.echo-baseline',
      median_ms: b.median_ms,
      p99_ms: b.p99_ms,
      baseline_median_ms: null,
      ratio: null,
      data_size: { turn: 'echo', delivery_mode: 'expectReplies', server: 'restify 11 + CloudAdapter' },
      runs: b.runs,
    });
  } finally {
    await echo.close();
    await h.close();
  }
}

function report(turn: string, nabo: Timing, echo: Timing, naboCpu: Timing, echoCpu: Timing): void {
  const ratio = nabo.median_ms / echo.median_ms;
  const cpuRatio = naboCpu.median_ms / echoCpu.median_ms;
  console.log(`\nTeams /api/messages round trip (expectReplies), same process and server setup: ${turn}`);
  console.log('| turn                         | wall median ms | wall p99 ms | CPU median ms | CPU p99 ms | runs |');
  console.log('|------------------------------|----------------|-------------|---------------|------------|------|');
  const row = (name: string, w: Timing, c: Timing): string =>
    `| ${name.padEnd(28)} | ${ms(w.median_ms).padStart(14)} | ${ms(w.p99_ms).padStart(11)} | ${ms(c.median_ms).padStart(13)} | ${ms(c.p99_ms).padStart(10)} | ${String(w.runs).padStart(4)} |`;
  console.log(row(turn, nabo, naboCpu));
  console.log(row('botbuilder echo bot', echo, echoCpu));
  console.log(`  wall ratio ${ratio.toFixed(2)}×, CPU ratio ${cpuRatio.toFixed(2)}× (goal ≤ ${GOAL}×): ${ratio <= GOAL ? 'met' : 'NOT met'}`);
}

if (require.main === module) {
  runTeamsBench()
    .then(() => {
      writeResults();
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
