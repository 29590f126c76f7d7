/**
 * Graceful shutdown. The server: once stopping it answers /readyz and new POSTs with 503, stops
 * the channels, waits for the turn in flight and only then closes the database. The outbox: a
 * worker stopped in the middle of a round finishes the message it is sending, gives the rest of
 * its claim back at once (pending, due now, attempt returned), and another worker sends those
 * right away, each message exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNabo } from '../../bots/composition';
import { startHttpServer } from '../../bots/http/server';
import { stopGracefully } from '../../bots/shutdown';
import { loadConfig } from '../../src/config/config';
import { silentLogger } from '../../src/logging/logger';
import { FixedClock } from '../../src/time/clock';
import type { Messenger, Recipient, RenderedMessage } from '../../src/outbox/messenger';
import { describeEachDatabase } from '../support/test-context';
import { workerFor } from '../support/outbox-support';

/** A messenger whose first send waits until `open()` is called. */
class GatedMessenger implements Messenger {
  readonly sent: string[] = [];
  calls = 0;
  private opened: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.opened = resolve));

  async send(to: Recipient, message: RenderedMessage): Promise<'sent'> {
    this.calls++;
    if (this.calls === 1) await this.gate;
    this.sent.push(`${to.personId}:${message.text}`);
    return 'sent';
  }

  open(): void {
    this.opened();
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('condition not met in time');
}

describeEachDatabase('graceful stop of the outbox worker', (ctx) => {
  test('the message being sent is finished, the rest of the claim is released and sent once by another worker', async () => {
    const c = ctx();
    const db = c.database.db;
    const person = await db.person.create({ data: { identities: { create: { channel: 'telegram', externalId: `tg-stop-${Date.now()}`, address: '4242' } } } });
    const due = new Date(c.clock.now().getTime() - 60_000);
    await db.outboxMessage.createMany({
      data: [1, 2, 3].map((i) => ({
        personId: person.id,
        channel: 'telegram',
        kind: 'handover_answer',
        payload: JSON.stringify({ key: 'resident:handover.answer', params: { answer: `svar ${i}` } }),
        dueAt: due,
        urgent: true,
      })),
    });

    const gated = new GatedMessenger();
    const stopping = workerFor(c, { telegram: gated });
    const round = stopping.runOnce();
    await until(() => gated.calls === 1);
    const stopped = stopping.stop();
    gated.open();
    await stopped;
    expect(await round).toBe(3);

    const rows = await db.outboxMessage.findMany({ where: { personId: person.id }, orderBy: { status: 'asc' } });
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'pending', 'sent']);
    for (const r of rows.filter((x) => x.status === 'pending')) {
      expect(r.attempts).toBe(0);
      expect(r.dueAt.getTime()).toBeLessThanOrEqual(c.clock.now().getTime());
    }
    expect(gated.sent).toHaveLength(1);

    const other = new GatedMessenger();
    other.open();
    expect(await workerFor(c, { telegram: other }).runOnce()).toBe(2);
    const all = [...gated.sent, ...other.sent];
    expect(all).toHaveLength(3);
    expect(new Set(all).size).toBe(3);
    expect(await db.outboxMessage.count({ where: { personId: person.id, status: 'sent' } })).toBe(3);
  });
});

describe('graceful stop of the server', () => {
  test('refuses new work at once, waits for the turn in flight, then closes the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabo-stop-'));
    const nabo = await createNabo(
      loadConfig({ DATABASE_URL: `file:${join(dir, 'nabo.db')}`, NABO_DEMO_CALENDAR: 'off', PORT: '0' }),
      new FixedClock(new Date('2025-11-18T11:00:00Z')),
      silentLogger,
    );
    const http = await startHttpServer({ port: 0, db: nabo.database.db, logger: silentLogger, provider: 'sqlite' });
    const url = `http://127.0.0.1:${http.port()}`;
    const events: string[] = [];
    try {
      // A turn in progress, as the engine reports it while a slow sign-up runs.
      const endTurn = nabo.turnsInFlight.turnStarted('telegram');
      const stopped = stopGracefully({
        http,
        channels: [{ stop: async () => void events.push('telegram stopped') }, null],
        nabo: { turnsInFlight: nabo.turnsInFlight, close: async () => (events.push('database closed'), nabo.close()) },
        logger: silentLogger,
      });
      await until(() => events.includes('telegram stopped'));
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
      expect((await fetch(`${url}/api/telegram`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).status).toBe(503);
      await new Promise((r) => setTimeout(r, 100));
      expect(events).toEqual(['telegram stopped']);
      // The turn still reads and writes: the database is open.
      expect(await nabo.database.db.person.count()).toBeGreaterThanOrEqual(0);
      endTurn('ok');
      events.push('turn ended');
      await stopped;
      expect(events).toEqual(['telegram stopped', 'turn ended', 'database closed']);
      expect(
        await fetch(`${url}/healthz`).then(
          () => 'answered',
          () => 'closed',
        ),
      ).toBe('closed');
    } finally {
      await http.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a turn that never ends does not hold the stop beyond the grace period', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabo-stop-'));
    const nabo = await createNabo(
      loadConfig({ DATABASE_URL: `file:${join(dir, 'nabo.db')}`, NABO_DEMO_CALENDAR: 'off', PORT: '0' }),
      new FixedClock(new Date('2025-11-18T11:00:00Z')),
      silentLogger,
    );
    const http = await startHttpServer({ port: 0, db: nabo.database.db, logger: silentLogger, provider: 'sqlite' });
    try {
      nabo.turnsInFlight.turnStarted('teams');
      const started = Date.now();
      await stopGracefully({ http, channels: [], nabo, logger: silentLogger, turnsGraceMs: 300 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(nabo.turnsInFlight.size).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
