/**
 * Graceful shutdown of the outbox: a worker stopped in the middle of a round finishes the message
 * it is sending, gives the rest of its claim back at once (pending, due now, attempt returned),
 * and another worker sends those right away, each message exactly once.
 */
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
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
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
