/**
 * The worker's bookkeeping: retries with back-off then 'failed', a blocked person not retried, a
 * crashed worker's claim taken over after its lease, obsolete messages skipped, messages in the
 * reader's language, and nothing personal in lastError.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { claimDue } from '../../src/outbox/claim';
import { DeliveryError, type Messenger } from '../../src/outbox/messenger';
import { enqueue, type OutboxPayload } from '../../src/outbox/outbox';
import { backoffMs, LEASE_MS, MAX_ATTEMPTS } from '../../src/outbox/worker';
import { drain, RecordingMessenger, workerFor } from '../support/outbox-support';
import { describeEachDatabase, TEST_NOW, type TestContext } from '../support/test-context';

const notice = (eventId: string): OutboxPayload => ({
  key: 'resident:notice.event_cancelled',
  params: { eventId, startsAt: new Date(TEST_NOW.getTime() + 86_400_000).toISOString() },
});

async function queued(c: TestContext, personId: string, urgent = true): Promise<string> {
  return enqueue(c.database.db, c.clock, { personId, channel: 'console', kind: 'event_cancelled', payload: notice(await c.event()), urgent });
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

describeEachDatabase('outbox: delivery', (ctx) => {
  beforeEach(() => ctx().clock.set(TEST_NOW));

  test('a failing send is retried with growing delays, then marked failed without personal data', async () => {
    const c = ctx();
    const personId = await c.person('Amina');
    const id = await queued(c, personId);
    const messenger = new RecordingMessenger((to) => (to.personId === personId ? new Error('chat 4711 of Amina unreachable') : 'sent'));
    const worker = workerFor(c, { console: messenger });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await drain(worker);
      const row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe('pending');
        delays.push(row.dueAt.getTime() - c.clock.now().getTime());
        // Not tried again before its time.
        c.clock.set(new Date(row.dueAt.getTime() - 1000));
        await drain(worker);
        expect((await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(attempt);
        c.clock.set(row.dueAt);
      }
    }
    expect(delays).toEqual([1, 2, 3, 4].map(backoffMs));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000]);
    const row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'Error', sentAt: null });
    c.clock.advance(86_400_000);
    await drain(worker);
    expect(messenger.calls).toBe(MAX_ATTEMPTS + messenger.sent.length);
  });

  test('a permanent failure is not retried; its safe reason is kept', async () => {
    const c = ctx();
    const personId = await c.person();
    const id = await queued(c, personId);
    await drain(
      workerFor(c, {
        console: new RecordingMessenger((to) => (to.personId === personId ? new DeliveryError('telegram 400: chat not found', { permanent: true }) : 'sent')),
      }),
    );
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'telegram 400: chat not found',
    });
  });

  test('a person who blocked Nabo is marked once and not retried, until they write again', async () => {
    const c = ctx();
    const db = c.database.db;
    const personId = await c.person();
    const first = await queued(c, personId);
    const messenger = new RecordingMessenger((to) => (to.personId === personId ? 'blocked' : 'sent'));
    const worker = workerFor(c, { console: messenger });
    await drain(worker);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: 'failed', attempts: 1, lastError: 'blocked' });
    const identity = await db.channelIdentity.findFirstOrThrow({ where: { personId } });
    expect(identity.blockedAt).toEqual(TEST_NOW);

    const callsBefore = messenger.calls;
    const second = await queued(c, personId);
    c.clock.advance(86_400_000);
    await drain(worker);
    await drain(worker);
    expect(messenger.calls).toBe(callsBefore);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ status: 'failed', attempts: 1, lastError: 'blocked' });

    // Writing again clears the mark, and new messages go out.
    await c.services.people.identify({ channel: 'console', externalId: identity.externalId });
    messenger.behaviour = () => 'sent';
    const third = await queued(c, personId);
    await drain(worker);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: third } })).status).toBe('sent');
  });

  test("a crashed worker's claim is taken over after its lease, as the next attempt", async () => {
    const c = ctx();
    const personId = await c.person();
    const id = await queued(c, personId);
    // A worker claims the row and dies before sending.
    const claimed = await claimDue(c.database.db, c.database.provider, { channels: ['console'], now: c.clock.now(), limit: 1000, leaseMs: LEASE_MS });
    expect(claimed.map((r) => r.id)).toContain(id);
    const messenger = new RecordingMessenger();
    const worker = workerFor(c, { console: messenger });
    c.clock.advance(LEASE_MS - 1000);
    await drain(worker);
    expect(messenger.to(personId)).toHaveLength(0);
    c.clock.advance(1000);
    await drain(worker);
    expect(messenger.to(personId)).toHaveLength(1);
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('a live worker renews its lease while it sends, so no other worker sends the same message', async () => {
    const c = ctx();
    const personId = await c.person();
    const id = await queued(c, personId);
    let release: (() => void) | undefined;
    const slow = new RecordingMessenger();
    const blocking: Messenger = {
      send: async (to, message) => {
        await new Promise<void>((r) => (release = r));
        return slow.send(to, message);
      },
    };
    const first = workerFor(c, { console: blocking }, undefined, { leaseMs: 300 });
    const round = first.runOnce();
    // The worker is inside the send (not only past the claim): only then can the test hold and release it.
    await waitFor(async () => release !== undefined);
    expect((await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('sending');
    // The claim's lease ends (by the clock); the heartbeat, every 100 ms, moves it on from "now".
    c.clock.advance(1000);
    await waitFor(async () => (await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).dueAt > c.clock.now());
    const other = new RecordingMessenger();
    await drain(workerFor(c, { console: other }));
    expect(other.to(personId)).toHaveLength(0);
    release?.();
    await round;
    expect(slow.to(personId)).toHaveLength(1);
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('stopping gives back the untried rest of a claim at once, its attempt not counted', async () => {
    const c = ctx();
    const people = [await c.person('A'), await c.person('B'), await c.person('C')];
    const ids = [];
    for (const p of people) ids.push(await queued(c, p));
    let release: (() => void) | undefined;
    const sent = new RecordingMessenger();
    const blocking: Messenger = {
      send: async (to, message) => {
        await new Promise<void>((r) => (release = r));
        return sent.send(to, message);
      },
    };
    const worker = workerFor(c, { console: blocking });
    const round = worker.runOnce();
    await waitFor(async () => release !== undefined);
    expect(await c.database.db.outboxMessage.count({ where: { status: 'sending' } })).toBe(3);
    const stopped = worker.stop();
    release?.();
    await round;
    await stopped;
    const rows = await c.database.db.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1);
    const back = rows.filter((r) => r.status === 'pending');
    expect(back).toHaveLength(2);
    for (const r of back) expect(r).toMatchObject({ attempts: 0, dueAt: c.clock.now() });
    // Another instance sends them straight away.
    const other = new RecordingMessenger();
    await drain(workerFor(c, { console: other }));
    expect(other.sent).toHaveLength(2);
  });

  test('messages are rendered in the reader’s language; obsolete and unreadable ones are not sent', async () => {
    const c = ctx();
    const db = c.database.db;
    const english = await c.services.people.identify({ channel: 'console', externalId: `en-${Math.random()}`, firstName: 'Sam', language: 'en' });
    const eventId = await c.event({ capacity: 10, location: 'parkcafeen' });
    const { signUp } = await c.services.signUps.signUp({ eventId, personId: english.id, adults: 1 });
    const broken = await db.outboxMessage.create({
      data: { personId: english.id, channel: 'console', kind: 'event_cancelled', payload: '{"params":{}}', dueAt: TEST_NOW, urgent: true },
    });
    const messenger = new RecordingMessenger();
    c.clock.set(new Date(TEST_NOW.getTime() + 86_400_000));
    await drain(workerFor(c, { console: messenger }));
    const [reminder] = messenger.to(english.id);
    expect(stripIsolates(reminder?.text ?? '')).toContain('Reminder: Communal dinner on Thursday 20 November at 12:00, ParkCafeen.');
    expect(reminder).toMatchObject({ language: 'en', direction: 'ltr', choices: [{ label: "I can't come", action: `bookings.cancel|s_${signUp.id}` }] });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({ status: 'failed', lastError: 'payload has no key' });

    // A reminder whose sign-up was cancelled behind the outbox's back is skipped, not sent.
    const other = await c.person();
    c.clock.set(TEST_NOW);
    const late = await c.services.signUps.signUp({ eventId, personId: other, adults: 1 });
    await db.signUp.update({ where: { id: late.signUp.id }, data: { status: 'cancelled' } });
    c.clock.set(new Date(TEST_NOW.getTime() + 86_400_000));
    await drain(workerFor(c, { console: messenger }));
    expect(messenger.to(other)).toHaveLength(0);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { kind_refId: { kind: 'reminder', refId: `signup:${late.signUp.id}` } } })).toMatchObject({
      status: 'skipped',
    });
  });
});
