/**
 * Two worker processes against one PostgreSQL schema deliver 1 000 due messages, each exactly
 * once: the claim (FOR UPDATE SKIP LOCKED) never hands the same row to both. PostgreSQL only
 * (SQLite runs one worker, see src/outbox/claim.ts); skipped unless NABO_TEST_PROVIDERS names it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, testProviders } from '../support/test-database';

const MESSAGES = 1000;
const ROOT = join(__dirname, '..', '..');
const enabled = testProviders().includes('postgresql');

/** Starts a worker process and resolves once it is connected and waiting for "go". */
function startChild(name: string, url: string): { child: ChildProcess; ready: Promise<void>; done: Promise<string> } {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'tests', 'support', 'outbox-worker-child.ts'), name], {
    cwd: ROOT,
    env: { ...process.env, NABO_CHILD_DATABASE_URL: url },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready\n')) markReady();
  });
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker ${name} exited with ${code}: ${err.slice(0, 2000)}`)))),
  );
  return { child, ready, done };
}

if (!enabled) {
  describe('outbox: two worker processes on PostgreSQL', () => {
    test.skip('SKIPPED: needs a PostgreSQL server; run with NABO_TEST_PROVIDERS=postgresql', () => undefined);
  });
} else {
  describe('outbox: two worker processes on PostgreSQL', () => {
    test(`deliver ${MESSAGES} due messages, each exactly once`, async () => {
      const database = await createTestDatabase('postgresql');
      const children: ChildProcess[] = [];
      try {
        const db = database.db;
        await db.$executeRawUnsafe('CREATE TABLE "TestDelivery" ("id" SERIAL PRIMARY KEY, "text" TEXT NOT NULL, "worker" TEXT NOT NULL)');
        const people: { id: string }[] = [];
        for (let i = 0; i < 10; i++) {
          people.push(await db.person.create({ data: { identities: { create: { channel: 'telegram', externalId: `tg-${i}`, address: String(1000 + i) } } } }));
        }
        const due = new Date(Date.now() - 60_000);
        await db.outboxMessage.createMany({
          data: Array.from({ length: MESSAGES }, (_, i) => ({
            personId: people[i % people.length]?.id ?? '',
            channel: 'telegram',
            kind: 'handover_answer',
            payload: JSON.stringify({ key: 'resident:handover.answer', params: { answer: `message ${i}` } }),
            dueAt: due,
            urgent: true,
          })),
        });
        const workers = ['a', 'b'].map((name) => startChild(name, database.url ?? ''));
        children.push(...workers.map((w) => w.child));
        await Promise.all(workers.map((w) => w.ready));
        for (const w of workers) w.child.stdin?.write('go\n');
        const outputs = await Promise.all(workers.map((w) => w.done));

        const rows = await db.$queryRawUnsafe<{ text: string; worker: string }[]>('SELECT "text", "worker" FROM "TestDelivery"');
        const texts = rows.map((r) => r.text);
        expect(rows).toHaveLength(MESSAGES);
        expect(new Set(texts).size).toBe(MESSAGES);
        // Both really worked: the test is about sharing, not about one worker doing it all.
        const byWorker = { a: rows.filter((r) => r.worker === 'a').length, b: rows.filter((r) => r.worker === 'b').length };
        expect(byWorker.a).toBeGreaterThan(0);
        expect(byWorker.b).toBeGreaterThan(0);
        expect(await db.outboxMessage.count({ where: { status: 'sent', attempts: 1 } })).toBe(MESSAGES);
        const handled = outputs.map((o) => (JSON.parse(o.trim().split('\n').pop() ?? '{}') as { handled?: number }).handled ?? 0);
        expect(handled.reduce((a, b) => a + b, 0)).toBe(MESSAGES);
      } finally {
        for (const c of children) if (c.exitCode === null) c.kill();
        await database.destroy();
      }
    }, 180_000);
  });
}
