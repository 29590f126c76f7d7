/**
 * `npm run test:topology`: the production shape without containers. Two compiled Nabo instances
 * on one PostgreSQL database behind nginx on loopback (with the `location /` block of
 * deploy/nginx/nabo.conf, so the shipped proxy settings are the ones tested), a stand-in Bot API,
 * Telegram updates and Teams activities sent through the proxy. Checked: a sign-up burst keeps the
 * capacity and gives each resident one sign-up, each update is handled once (the instances'
 * /metrics turn counts add up to the updates sent), a Teams activity delivered twice is answered
 * once, and each waiting-list offer freed by cancels is sent once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../src/database/database';
import { startFakeBotApi } from '../chaos/fake-bot-api';
import { freePort, naboEnv, seedDinnerWorld, startInstance, stopInstances, type Instance } from '../support/nabo-processes';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'topology-secret-0123456789';
const PG_BASE = process.env.NABO_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const RESIDENTS = 80;
const CAPACITY = 30;
const CANCELLING = 15;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function nginxBinary(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', 'command -v nginx']);
  return r.status === 0 ? r.stdout.toString().trim() : null;
}

/** The deployment's `location / { … }` block, for a loopback server block of the test's own. */
function shippedLocationBlock(): string {
  const conf = readFileSync(join(ROOT, 'deploy', 'nginx', 'nabo.conf'), 'utf8');
  const start = conf.indexOf('location / {\n');
  if (start < 0) throw new Error('deploy/nginx/nabo.conf has no "location / {" block');
  let depth = 0;
  for (let i = start; i < conf.length; i++) {
    if (conf[i] === '{') depth++;
    if (conf[i] === '}' && --depth === 0) return conf.slice(start, i + 1);
  }
  throw new Error('unbalanced braces in deploy/nginx/nabo.conf');
}

async function startNginx(dir: string, port: number, upstreams: number[]): Promise<ChildProcess> {
  const bin = nginxBinary();
  if (!bin) throw new Error('nginx is not installed (apt-get install -y nginx)');
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d), { recursive: true });
  const conf = `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
daemon off;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream nabo {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=2 fail_timeout=10s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 1m;
    location = /metrics { return 404; }
    ${shippedLocationBlock()}
  }
}`;
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  const check = spawnSync(bin, ['-t', '-c', file, '-p', dir]);
  if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr.toString()}`);
  const child = spawn(bin, ['-c', file, '-p', dir], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      return child;
    } catch {
      await sleep(50);
    }
  }
  throw new Error('nginx did not start');
}

/** The sum of a counter over the instances' /metrics (read directly, not through the proxy). */
async function metricSum(instances: Instance[], name: string, labels: string): Promise<number> {
  let total = 0;
  for (const inst of instances) {
    const text = await (await fetch(`http://127.0.0.1:${inst.port}/metrics`)).text();
    for (const line of text.split('\n')) if (line.startsWith(`${name}{`) && line.includes(labels)) total += Number(line.split(' ').pop());
  }
  return total;
}

async function main(): Promise<void> {
  const pg = new Client({ connectionString: PG_BASE });
  if (
    !(await pg.connect().then(
      () => true,
      () => false,
    ))
  ) {
    console.log(`topology: no PostgreSQL at ${PG_BASE}; not run`);
    console.log('topology: 0 passed, 0 failed');
    return;
  }
  const schema = `nabo_topology_${process.pid}`;
  const url = new URL(PG_BASE);
  url.searchParams.set('schema', schema);
  const databaseUrl = url.toString();
  const dir = mkdtempSync(join(tmpdir(), 'nabo-topology-'));
  const problems: string[] = [];
  const instances: Instance[] = [];
  let nginx: ChildProcess | null = null;
  const fake = await startFakeBotApi();
  try {
    const world = await seedDinnerWorld(
      { provider: 'postgresql', url: databaseUrl },
      { capacity: CAPACITY, residents: RESIDENTS, firstUserId: 800_000, language: (i) => (i % 2 ? 'ar' : 'da') },
    );
    const event = { id: world.eventId };
    const residents = world.residents;

    const proxyPort = await freePort();
    const env = naboEnv({
      databaseUrl,
      token: '4242:topology',
      secret: SECRET,
      apiRoot: fake.url,
      extra: { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${proxyPort}/api/telegram` },
    });
    for (let i = 0; i < 2; i++) instances.push({ name: `nabo-${i + 1}`, port: await freePort(), up: false, child: null });
    const logFile = join(dir, 'instances.log');
    await Promise.all(instances.map((inst) => startInstance(inst, env, logFile)));
    nginx = await startNginx(
      dir,
      proxyPort,
      instances.map((i) => i.port),
    );
    const proxy = `http://127.0.0.1:${proxyPort}`;

    // ---- Telegram through the proxy: a burst of sign-ups, then cancels that free places.
    let updateId = 50_000;
    let updates = 0;
    let refused = 0;
    const press = async (userId: number, data: string): Promise<void> => {
      const id = ++updateId;
      updates++;
      const from = { id: userId, is_bot: false, first_name: 'T', language_code: 'da' };
      const body = JSON.stringify({
        update_id: id,
        callback_query: { id: String(id), from, chat_instance: 'c', data, message: { message_id: 1, date: 0, chat: { id: userId, type: 'private' } } },
      });
      const r = await fetch(`${proxy}/api/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body,
      });
      await r.text();
      if (r.status !== 200) refused++;
    };
    const started = Date.now();
    await Promise.all(
      residents.map(async (r) => {
        for (const step of [`signup.party|${event.id}`, 'signup.adults|1', 'signup.children|0', 'signup.diet|none', 'signup.confirm'])
          await press(r.userId, step);
      }),
    );
    const burstMs = Date.now() - started;
    // Residents holding a place cancel (a waiting one may get an offer meanwhile, with buttons of its own).
    const afterBurst = await openDatabase({ provider: 'postgresql', url: databaseUrl });
    const confirmedIds = new Set(
      (await afterBurst.db.signUp.findMany({ where: { eventId: event.id, status: 'confirmed' }, select: { personId: true } })).map((s) => s.personId),
    );
    await afterBurst.close();
    for (const r of residents.filter((x) => confirmedIds.has(x.personId)).slice(0, CANCELLING)) {
      await press(r.userId, 'bookings.list');
      const button = fake.newestButton(r.userId, /^bookings\.cancel\|s_/);
      if (button) await press(r.userId, button);
      else problems.push(`resident ${r.userId} saw no cancel button`);
    }
    if (refused) problems.push(`${refused} Telegram updates not answered 200 through the proxy`);

    // ---- Teams through the proxy: a staff message, then the same activity again (a redelivery).
    const activity1 = {
      type: 'message',
      id: 'topology-activity-1',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      text: 'hvilke arrangementer er der?',
      from: { id: '29:staff-1', name: 'Mette Staff', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
      recipient: { id: '28:nabo', name: 'Nabo' },
      conversation: { id: 'a:personal-staff-1', conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      locale: 'da-DK',
      deliveryMode: 'expectReplies',
    };
    const teams = async (): Promise<number> => {
      const r = await fetch(`${proxy}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity1) });
      const body = (await r.json().catch(() => ({}))) as { activities?: unknown[] };
      if (r.status !== 200) problems.push(`Teams activity answered ${r.status} through the proxy`);
      return body.activities?.length ?? 0;
    };
    const firstReplies = await teams();
    const secondReplies = await teams();
    if (firstReplies === 0) problems.push('the Teams activity got no reply');
    if (secondReplies !== 0) problems.push(`the redelivered Teams activity was answered again (${secondReplies} replies)`);

    // ---- Let both instances' outbox workers send the offers.
    const check = await openDatabase({ provider: 'postgresql', url: databaseUrl });
    for (let i = 0; i < 100; i++) {
      // Due and waiting, or in a worker's hands right now (its lease lies in the future).
      if ((await check.db.outboxMessage.count({ where: { OR: [{ status: 'pending', dueAt: { lte: new Date() } }, { status: 'sending' }] } })) === 0) break;
      await sleep(300);
    }
    const signUps = await check.db.signUp.findMany({ where: { eventId: event.id } });
    for (const r of residents) {
      const n = signUps.filter((s) => s.personId === r.personId).length;
      if (n !== 1) problems.push(`resident ${r.userId} has ${n} sign-ups`);
    }
    const holding = signUps.filter((s) => s.status === 'confirmed' || s.status === 'offered');
    const taken = holding.reduce((n, s) => n + s.adults + s.children, 0);
    if (taken > CAPACITY) problems.push(`capacity exceeded: ${taken} > ${CAPACITY}`);
    const cancelled = signUps.filter((s) => s.status === 'cancelled').length;
    if (cancelled !== CANCELLING) problems.push(`${cancelled} cancelled, expected ${CANCELLING}`);
    const offersSent = await check.db.outboxMessage.count({ where: { kind: 'offer', status: 'sent' } });
    const offerMessages = new Map<string, number>();
    for (const m of fake.sent) for (const b of m.buttons) if (b.startsWith('offer.accept|')) offerMessages.set(b, (offerMessages.get(b) ?? 0) + 1);
    const twice = [...offerMessages.values()].filter((n) => n > 1).length;
    if (twice) problems.push(`${twice} offers sent more than once`);
    if (offerMessages.size !== offersSent) problems.push(`${offersSent} offers marked sent, ${offerMessages.size} reached the Bot API`);
    if (offersSent !== CANCELLING) problems.push(`${offersSent} offers sent for ${CANCELLING} freed places (each cancel frees one place for the waiting list)`);
    const notDone = await check.db.processedUpdate.count({ where: { key: { startsWith: 'telegram:' }, NOT: { leaseUntil: null } } });
    if (notDone) problems.push(`${notDone} Telegram updates left leased`);
    await check.close();
    const turns = await metricSum(instances, 'nabo_turns_total', 'channel="telegram"');
    if (turns !== updates) problems.push(`the instances counted ${turns} Telegram turns for ${updates} updates`);
    const perInstance = await Promise.all(instances.map((i) => metricSum([i], 'nabo_turns_total', 'channel="telegram"')));

    console.log(
      `topology: 2 instances behind nginx on PostgreSQL; ${updates} Telegram updates (${perInstance.join(' + ')} turns per instance), ` +
        `burst of ${RESIDENTS} sign-ups in ${burstMs} ms; ${holding.length} holding ${taken}/${CAPACITY} places, ${cancelled} cancelled, ` +
        `${offersSent} offers sent once each; Teams activity answered ${firstReplies > 0 ? 'once' : 'never'} of 2 deliveries`,
    );
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  } finally {
    nginx?.kill('SIGQUIT');
    await stopInstances(instances);
    await fake.close();
    await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pg.end();
  }
  if (problems.length) {
    console.log(`PROBLEMS:\n- ${problems.slice(0, 30).join('\n- ')}\nlogs in ${dir}`);
    console.log('topology: 0 passed, 1 failed');
    process.exit(1);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log('topology: 1 passed, 0 failed');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
