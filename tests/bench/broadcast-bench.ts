/**
 * Broadcast bench (part of `npm run bench`; alone: `npx tsx tests/bench/broadcast-bench.ts`): the time to queue one broadcast to
 * NABO_BENCH_RESIDENTS (10 000) opted-in residents in four languages (one transaction: audience,
 * Broadcast row, one outbox row each), and the send rate of the core outbox worker through a
 * Messenger paced by Telegram's Pacer (25/s overall) for NABO_BENCH_SENDS (250) of them.
 * SQLite always; PostgreSQL too when NABO_BENCH_POSTGRES_URL is set. Prints one line per figure
 * and records them in bench/results.json: broadcast.queue.<db> (ms for the whole queueing, with
 * the audience read beside it) and broadcast.send-rate.<db> (ms per message; ratio against the
 * pace's 40 ms, so 1.0 means the configured pace is reached and not exceeded).
 */
import { selectAudience } from '../../src/broadcasts/audience';
import { createServices } from '../../src/services';
import { FixedClock } from '../../src/time/clock';
import type { Provider } from '../../src/database/database';
import { Pacer } from '../../bots/telegram/pacer';
import type { Messenger } from '../../src/outbox/messenger';
import { RecordingMessenger, workerFor } from '../support/outbox-support';
import { createTestDatabase } from '../support/test-database';
import type { TestContext } from '../support/test-context';
import { recordResult, writeResults } from './results';

const N = Number(process.env.NABO_BENCH_RESIDENTS ?? 10_000);
const SENDS = Number(process.env.NABO_BENCH_SENDS ?? 250);
const NOW = new Date('2025-11-18T11:00:00Z');
const LANGS = ['da', 'ar', 'so', 'uk'];
/** Telegram's Pacer lets 25 messages a second out overall. */
const PACE_PER_S = 25;

async function bench(provider: Provider): Promise<void> {
  const database = await createTestDatabase(provider);
  try {
    const clock = new FixedClock(NOW);
    const services = createServices(database.db, clock);
    const db = database.db;
    const staff = await db.person.create({ data: { role: 'staff' } });
    for (let i = 0; i < N; i += 500) {
      const batch = Array.from({ length: Math.min(500, N - i) }, (_, k) => ({
        id: `p${String(i + k).padStart(6, '0')}`,
        role: 'resident',
        language: LANGS[(i + k) % 4] as string,
        consentAt: NOW,
        topics: 'news,dinner',
      }));
      await db.person.createMany({ data: batch });
      await db.channelIdentity.createMany({ data: batch.map((p) => ({ personId: p.id, channel: 'console', externalId: p.id, address: p.id })) });
    }
    const ta = performance.now();
    const members = await selectAudience(db, { topic: 'dinner' }, NOW);
    const audienceMs = performance.now() - ta;
    console.log(`${provider}: audience of ${members.length} read in ${audienceMs.toFixed(0)} ms`);
    const t0 = performance.now();
    const r = await services.broadcasts.send({
      createdById: staff.id,
      texts: { da: 'Fællesspisning er flyttet til i aften.', ar: 'تم نقل العشاء المشترك إلى الليلة.' },
      audience: { topic: 'dinner' },
    });
    const queueMs = performance.now() - t0;
    console.log(`${provider}: queued a broadcast to ${r.recipients} residents in ${queueMs.toFixed(0)} ms`);

    // Send SENDS of them through the Pacer, as the Telegram Messenger does.
    const pacer = new Pacer();
    const recorder = new RecordingMessenger();
    const paced: Messenger = { send: async (to, m) => (await pacer.wait(to.address ?? to.externalId), recorder.send(to, m)) };
    const ctx = { database, services, clock } as unknown as TestContext;
    const worker = workerFor(ctx, { console: paced }, undefined, { batchSize: 50 });
    const t1 = performance.now();
    while (recorder.sent.length < SENDS && (await worker.runOnce()) > 0);
    const s = (performance.now() - t1) / 1000;
    const rate = recorder.sent.length / s;
    console.log(`${provider}: sent ${recorder.sent.length} in ${s.toFixed(1)} s = ${rate.toFixed(1)}/s (pace ${PACE_PER_S}/s)`);
    const size = { residents: N, recipients: r.recipients, languages: LANGS.join(','), database: provider };
    recordResult({
      name: `broadcast.queue.${provider}`,
      median_ms: queueMs,
      p99_ms: queueMs,
      baseline_median_ms: audienceMs,
      ratio: queueMs / audienceMs,
      data_size: size,
      runs: 1,
    });
    const perMessage = (s * 1000) / Math.max(1, recorder.sent.length);
    recordResult({
      name: `broadcast.send-rate.${provider}`,
      median_ms: perMessage,
      p99_ms: perMessage,
      baseline_median_ms: 1000 / PACE_PER_S,
      ratio: perMessage / (1000 / PACE_PER_S),
      data_size: { ...size, sent: recorder.sent.length, per_second: Math.round(rate * 10) / 10, pace_per_second: PACE_PER_S },
      runs: 1,
    });
  } finally {
    await database.destroy();
  }
}

/** Runs the broadcast bench on SQLite (and PostgreSQL when NABO_BENCH_POSTGRES_URL is set) and records its figures. */
export async function runBroadcastBench(): Promise<void> {
  await bench('sqlite');
  if (process.env.NABO_BENCH_POSTGRES_URL) {
    process.env.NABO_TEST_POSTGRES_URL = process.env.NABO_BENCH_POSTGRES_URL;
    await bench('postgresql');
  }
}

if (require.main === module) {
  runBroadcastBench()
    .then(() => writeResults())
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
