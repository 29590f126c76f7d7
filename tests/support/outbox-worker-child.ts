/**
 * One outbox worker process for tests/integration/outbox-two-workers.test.ts:
 *   tsx tests/support/outbox-worker-child.ts <name>   (NABO_CHILD_DATABASE_URL = PostgreSQL URL with ?schema=)
 * Connects, prints "ready", waits for "go" on stdin (so both workers start together), then runs
 * rounds until nothing has been due for a while. Its Messenger records each delivered text in the
 * "TestDelivery" table with the worker's name, so the parent can count duplicates.
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '../../src/database/database';
import { Translations } from '../../src/i18n/i18n';
import { createLogger } from '../../src/logging/logger';
import type { Messenger } from '../../src/outbox/messenger';
import { OutboxRenderer } from '../../src/outbox/render';
import { OutboxWorker } from '../../src/outbox/worker';
import { createServices } from '../../src/services';
import { systemClock } from '../../src/time/clock';

const IDLE_ROUNDS = 10;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'worker';
  const url = process.env['NABO_CHILD_DATABASE_URL'];
  if (!url) throw new Error('NABO_CHILD_DATABASE_URL is not set');
  const database = await openDatabase({ provider: 'postgresql', url });
  const services = createServices(database.db, systemClock);
  const renderer = new OutboxRenderer({ db: database.db, translations: new Translations(), catalogue: services.catalogue, signUps: services.signUps });
  const messenger: Messenger = {
    async send(_to, message) {
      // A little latency, like a real channel, so the two workers' rounds interleave.
      await sleep(Math.random() * 2);
      await database.db.$executeRawUnsafe('INSERT INTO "TestDelivery" ("text", "worker") VALUES ($1, $2)', message.text, name);
      return 'sent';
    },
  };
  const worker = new OutboxWorker({
    db: database.db,
    provider: 'postgresql',
    clock: systemClock,
    logger: createLogger('error'),
    renderer,
    messengers: { telegram: messenger },
    quietHours: null,
    batchSize: 25,
  });

  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.on('line', (l) => l.trim() === 'go' && resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();
  let handled = 0;
  for (let idle = 0; idle < IDLE_ROUNDS;) {
    const n = await worker.runOnce();
    handled += n;
    idle = n === 0 ? idle + 1 : 0;
    if (n === 0) await sleep(20);
  }
  process.stdout.write(`${JSON.stringify({ name, handled })}\n`);
  await database.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
