/**
 * The operator's endpoints on a real Nabo (composition root, SQLite file): /readyz answers 200 on a
 * migrated database and 503 when a migration is missing, the database is gone or the instance is
 * stopping; /metrics shows turns, sign-ups and the outbox backlog move after real turns, and asks
 * for the bearer token when one is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNabo, type Nabo } from '../../bots/composition';
import { startHttpServer, type HttpServer } from '../../bots/http/server';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/logging/logger';
import { FixedClock } from '../../src/time/clock';
import { ReadinessCheck } from '../../src/database/readiness';
import { readMigrations } from '../../src/database/migrations';
import { createTestDatabase, testProviders } from '../support/test-database';

const NOW = new Date('2025-11-18T11:00:00Z');

/** The value of one sample line (`name{labels} value`), 0 when the series is absent. */
function sample(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('operator endpoints', () => {
  let dir: string;
  let nabo: Nabo;
  let http: HttpServer;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nabo-ops-'));
    const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'nabo.db')}`, NABO_DEMO_CALENDAR: 'on', PORT: '0' });
    nabo = await createNabo(config, new FixedClock(NOW), silentLogger);
    http = await startHttpServer({ port: 0, db: nabo.database.db, logger: silentLogger, provider: nabo.database.provider, metrics: nabo.metrics });
    base = `http://127.0.0.1:${http.port()}`;
  });

  afterAll(async () => {
    await http.close();
    await nabo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('GET /readyz is 200 on a migrated database and 503 naming the migration when one is missing', async () => {
    const ok = await fetch(`${base}/readyz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ready' });

    const db = nabo.database.db;
    const [last] = await db.$queryRawUnsafe<{ id: string; name: string }[]>(
      'SELECT id, migration_name AS name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1',
    );
    if (!last) throw new Error('no migrations recorded');
    await db.$executeRawUnsafe('UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE id = ?', last.id);
    try {
      const behind = await fetch(`${base}/readyz`);
      expect(behind.status).toBe(503);
      expect(await behind.json()).toEqual({ status: 'unavailable', reason: 'migrations pending', pending: [last.name] });
      // Alive all the same: the process runs, only traffic should go elsewhere.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await db.$executeRawUnsafe('UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = ?', last.id);
    }
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  test('GET /metrics counts turns per channel, sign-ups and the outbox backlog after real turns', async () => {
    const before = await (await fetch(`${base}/metrics`)).text();
    expect(before).toContain('# TYPE nabo_turns_total counter');
    const telegramTurns = sample(before, 'nabo_turns_total{channel="telegram",outcome="ok"}');

    const who = { channel: 'telegram' as const, externalId: `ops-${Date.now()}`, firstName: 'Amina', clientLanguage: 'da' };
    await nabo.engine.handle({ ...who, input: { kind: 'start' } });
    await nabo.engine.handle({ ...who, input: { kind: 'text', text: 'hej' } });
    await nabo.engine.handle({ ...who, channel: 'console', externalId: 'ops-console', input: { kind: 'text', text: 'hej' } });

    // A sign-up through the service the engine uses, on a demo dinner ahead of "now".
    const person = await nabo.services.people.identify({ channel: 'telegram', externalId: who.externalId });
    const event = await nabo.database.db.event.findFirstOrThrow({
      where: { startsAt: { gt: new Date(NOW.getTime() + 2 * 86_400_000) }, capacity: { gt: 2 } },
      orderBy: { startsAt: 'asc' },
    });
    const { outcome } = await nabo.services.signUps.signUp({ eventId: event.id, personId: person.id, adults: 1 });
    expect(outcome).toBe('confirmed');

    const after = await (await fetch(`${base}/metrics`)).text();
    expect(sample(after, 'nabo_turns_total{channel="telegram",outcome="ok"}')).toBe(telegramTurns + 2);
    expect(sample(after, 'nabo_turns_total{channel="console",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'nabo_turn_duration_seconds_count{channel="telegram"}')).toBe(telegramTurns + 2);
    expect(sample(after, 'nabo_turns_in_flight{channel="telegram"}')).toBe(0);
    expect(sample(after, 'nabo_sign_ups_total{outcome="confirmed"}')).toBe(sample(before, 'nabo_sign_ups_total{outcome="confirmed"}') + 1);
    // The confirmed sign-up queued its reminder: the backlog shows it, due later (nothing overdue).
    const pending = await nabo.database.db.outboxMessage.count({ where: { channel: 'telegram', status: 'pending' } });
    expect(pending).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'nabo_outbox_messages{channel="telegram",status="pending"}')).toBe(pending);
    expect(sample(after, 'nabo_outbox_oldest_due_seconds{channel="telegram"}')).toBe(0);
    expect(after).toContain('nabo_process_resident_memory_bytes');
  });

  test('GET /metrics counts HTTP answers by route pattern, unknown paths as one "unmatched" series', async () => {
    const before = await (await fetch(`${base}/metrics`)).text();
    await fetch(`${base}/healthz`);
    await fetch(`${base}/no/such/path/123`);
    await fetch(`${base}/another-unknown`);
    const after = await (await fetch(`${base}/metrics`)).text();
    const series = (route: string, status: number): string => `nabo_http_responses_total{route="${route}",status="${status}"}`;
    expect(sample(after, series('/healthz', 200))).toBe(sample(before, series('/healthz', 200)) + 1);
    expect(sample(after, series('unmatched', 404))).toBe(sample(before, series('unmatched', 404)) + 2);
    expect(after).not.toContain('/no/such/path');
  });

  test('a reminder overdue by an hour shows as the oldest due age', async () => {
    const db = nabo.database.db;
    const row = await db.outboxMessage.findFirstOrThrow({ where: { channel: 'telegram', status: 'pending' } });
    const dueAt = row.dueAt;
    await db.outboxMessage.update({ where: { id: row.id }, data: { dueAt: new Date(NOW.getTime() - 3_600_000) } });
    try {
      const body = await (await fetch(`${base}/metrics`)).text();
      expect(sample(body, 'nabo_outbox_oldest_due_seconds{channel="telegram"}')).toBe(3600);
    } finally {
      await db.outboxMessage.update({ where: { id: row.id }, data: { dueAt } });
    }
  });

  test('with NABO_METRICS_TOKEN set, /metrics answers 401 without the bearer token and 200 with it', async () => {
    const guarded = await startHttpServer({
      port: 0,
      db: nabo.database.db,
      logger: silentLogger,
      provider: 'sqlite',
      metrics: nabo.metrics,
      metricsToken: 'scrape-secret-0123456789',
    });
    const url = `http://127.0.0.1:${guarded.port()}/metrics`;
    try {
      const none = await fetch(url);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await none.text()).not.toContain('nabo_turns_total');
      expect((await fetch(url, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(url, { headers: { Authorization: 'Bearer scrape-secret-0123456789' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await ok.text()).toContain('nabo_turns_total');
    } finally {
      await guarded.close();
    }
  });

  test('a stopping server reports unready and refuses new POSTs with 503, yet stays alive', async () => {
    const stopping = await startHttpServer({ port: 0, db: nabo.database.db, logger: silentLogger, provider: 'sqlite' });
    const url = `http://127.0.0.1:${stopping.port()}`;
    try {
      stopping.stopTakingRequests();
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'stopping' });
      const post = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(post.status).toBe(503);
      expect(post.headers.get('retry-after')).toBe('5');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/metrics`)).status).toBe(404);
    } finally {
      await stopping.close();
    }
  });
});

describe('readiness without a database', () => {
  test('GET /readyz is 503 "database unreachable" when the SQLite file and its folder are gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabo-ops-gone-'));
    const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'db', 'nabo.db')}`, NABO_DEMO_CALENDAR: 'off', PORT: '0' });
    const nabo = await createNabo(config, new FixedClock(NOW), silentLogger);
    const http = await startHttpServer({ port: 0, db: nabo.database.db, logger: silentLogger, provider: 'sqlite' });
    try {
      expect((await fetch(`http://127.0.0.1:${http.port()}/readyz`)).status).toBe(200);
      await nabo.database.db.$disconnect();
      rmSync(join(dir, 'db'), { recursive: true, force: true });
      const res = await fetch(`http://127.0.0.1:${http.port()}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
    } finally {
      await http.close();
      await nabo.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(testProviders())('readiness check [%s]', (provider) => {
  test('ready on a migrated database, not ready while a migration is rolled back', async () => {
    const database = await createTestDatabase(provider);
    try {
      const check = new ReadinessCheck(database.db, database.provider);
      expect(await check.check()).toEqual({ ready: true });
      const names = readMigrations(provider).map((m) => m.name);
      const first = names[0];
      if (!first) throw new Error('no committed migrations');
      await database.db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = '${first}'`);
      expect(await check.check()).toEqual({ ready: false, reason: 'migrations pending', pending: [first] });
    } finally {
      await database.destroy();
    }
  });
});
