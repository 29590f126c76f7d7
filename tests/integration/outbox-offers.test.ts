/**
 * Waiting-list offers: a freed place is offered (and held) for the next who fits, with a deadline;
 * an unanswered offer expires and moves on; a late "yes" is refused politely; a place is never
 * given to two people, however answers, cancellations and sweeps interleave.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { OfferService } from '../../src/sign-ups/offer-service';
import { placesTaken } from '../../src/sign-ups/sign-up-service';
import { DEFAULT_MESSAGING_CONFIG } from '../../src/outbox/config';
import { Chat, engineFor } from '../support/chat';
import { drain, RecordingMessenger, workerFor } from '../support/outbox-support';
import { describeEachDatabase, TEST_NOW, type TestContext } from '../support/test-context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An event of `capacity` places, one confirmed party filling it, and a waiting list of parties. */
async function fullEvent(c: TestContext, capacity: number, waiting: string[]): Promise<{ eventId: string; firstId: string; waitingIds: string[] }> {
  const eventId = await c.event({ capacity });
  const first = await c.services.signUps.signUp({ eventId, personId: await c.person('First'), adults: capacity });
  const waitingIds: string[] = [];
  for (const personId of waiting) {
    const r = await c.services.signUps.signUp({ eventId, personId, adults: 1 });
    expect(r.outcome).toBe('waiting');
    waitingIds.push(r.signUp.id);
  }
  return { eventId, firstId: first.signUp.id, waitingIds };
}

async function chatPerson(c: TestContext): Promise<{ chat: Chat; personId: string }> {
  const chat = new Chat(engineFor(c));
  await chat.start();
  const identity = await c.database.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'telegram', externalId: chat.externalId } },
  });
  return { chat, personId: identity.personId };
}

describeEachDatabase('outbox: waiting-list offers', (ctx) => {
  beforeEach(() => ctx().clock.set(TEST_NOW));

  test('an unanswered offer expires and passes on to the next, and the place is held throughout', async () => {
    const c = ctx();
    const db = c.database.db;
    const [b, d] = [await c.person('B'), await c.person('C')];
    const { eventId, firstId, waitingIds } = await fullEvent(c, 1, [b, d]);
    const [bId, cId] = waitingIds as [string, string];
    const r = await c.services.signUps.cancel({ signUpId: firstId });
    expect(r.offered.map((o) => o.id)).toEqual([bId]);
    expect(await db.signUp.findUniqueOrThrow({ where: { id: bId } })).toMatchObject({ status: 'offered', offerExpiresAt: new Date(TEST_NOW.getTime() + DAY) });
    expect(await placesTaken(db, eventId)).toBe(1);

    const messenger = new RecordingMessenger();
    const worker = workerFor(c, { console: messenger });
    await drain(worker);
    expect(stripIsolates(messenger.to(b)[0]?.text ?? '')).toContain('Svar senest onsdag 19. november kl. 12.00');

    c.clock.set(new Date(TEST_NOW.getTime() + DAY - 60_000));
    await drain(worker);
    expect((await db.signUp.findUniqueOrThrow({ where: { id: cId } })).status).toBe('waiting');

    c.clock.set(new Date(TEST_NOW.getTime() + DAY + 60_000));
    await drain(worker);
    await drain(worker);
    expect((await db.signUp.findUniqueOrThrow({ where: { id: bId } })).status).toBe('cancelled');
    // The next offer runs to three hours before the start, which comes before 24 hours have passed.
    expect(await db.signUp.findUniqueOrThrow({ where: { id: cId } })).toMatchObject({
      status: 'offered',
      offerExpiresAt: new Date(TEST_NOW.getTime() + 2 * DAY - 3 * HOUR),
    });
    expect(messenger.to(d)).toHaveLength(1);
    expect(stripIsolates(messenger.to(d)[0]?.text ?? '')).toContain('Svar senest torsdag 20. november kl. 09.00');
    expect(messenger.to(b)).toHaveLength(1);
    expect(await placesTaken(db, eventId)).toBe(1);
  });

  test('"yes" after the deadline is refused politely through the conversation, and the place moves on', async () => {
    const c = ctx();
    const db = c.database.db;
    const { chat, personId: me } = await chatPerson(c);
    const next = await c.person('Next');
    const { firstId, waitingIds } = await fullEvent(c, 1, [me, next]);
    await c.services.signUps.cancel({ signUpId: firstId });
    const messenger = new RecordingMessenger();
    await drain(workerFor(c, { telegram: messenger }));
    const accept = messenger.to(me)[0]?.choices.find((ch) => ch.action.startsWith('offer.accept'));
    expect(accept?.label).toBe('Ja tak, jeg kommer');

    // Past the deadline, before any sweep has run: the answer itself sees the offer expired.
    c.clock.set(new Date(TEST_NOW.getTime() + DAY + 5 * 60_000));
    await chat.send({ kind: 'action', action: accept?.action ?? '' });
    expect(chat.text()).toContain(
      'Desværre nåede du ikke at svare: tilbuddet om en plads til Fællesspisning torsdag 20. november kl. 12.00 gjaldt til onsdag 19. november kl. 12.00',
    );
    expect(chat.buttons().map((b) => b.label)).toContain('Tilmeld mig igen');
    expect((await db.signUp.findUniqueOrThrow({ where: { id: waitingIds[0] } })).status).toBe('cancelled');
    expect((await db.signUp.findUniqueOrThrow({ where: { id: waitingIds[1] } })).status).toBe('offered');
    // Pressing again changes nothing.
    await chat.send({ kind: 'action', action: accept?.action ?? '' });
    expect(chat.text()).toContain('Desværre nåede du ikke at svare');
  });

  test('"yes" in time confirms with a calendar file and a reminder; "no" passes the place on', async () => {
    const c = ctx();
    const db = c.database.db;
    const { chat, personId: me } = await chatPerson(c);
    const second = await chatPerson(c);
    const third = await c.person('Third');
    const { eventId, firstId, waitingIds } = await fullEvent(c, 1, [me, second.personId, third]);
    await c.services.signUps.cancel({ signUpId: firstId });
    await chat.send({ kind: 'action', action: `offer.accept|${waitingIds[0]}` });
    expect(chat.text()).toContain('Dejligt! Du er nu tilmeldt Fællesspisning torsdag 20. november kl. 12.00');
    await chat.send({ kind: 'action', action: `bookings.calendar|s_${waitingIds[0]}` });
    expect(chat.files()).toHaveLength(1);
    expect(chat.files()[0]?.content).toContain(`UID:${waitingIds[0]}@nabo`);
    expect((await db.signUp.findUniqueOrThrow({ where: { id: waitingIds[0] } })).status).toBe('confirmed');
    expect(await db.outboxMessage.count({ where: { refId: `signup:${waitingIds[0]}`, kind: 'reminder', status: 'pending' } })).toBe(1);
    // The accepted offer's message, had it not gone out yet, is withdrawn.
    expect(await db.outboxMessage.count({ where: { refId: `offer:${waitingIds[0]}`, status: 'pending' } })).toBe(0);

    await c.services.signUps.cancel({ signUpId: waitingIds[0] as string });
    expect((await db.signUp.findUniqueOrThrow({ where: { id: waitingIds[1] } })).status).toBe('offered');
    await second.chat.send({ kind: 'action', action: `offer.decline|${waitingIds[1]}` });
    expect(second.chat.text()).toContain('Pladsen går videre til den næste på ventelisten');
    expect((await db.signUp.findUniqueOrThrow({ where: { id: waitingIds[2] } })).status).toBe('offered');
    // Someone else's offer cannot be answered.
    await chat.send({ kind: 'action', action: `offer.accept|${waitingIds[2]}` });
    expect(chat.text()).toContain('Det tilbud gælder ikke længere');
    expect(await placesTaken(db, eventId)).toBe(1);
  });

  test('a place is never given to two: answers, cancellations, sign-ups and sweeps on two instances at once', async () => {
    const c = ctx();
    const db = c.database.db;
    const eventId = await c.event({ capacity: 4 });
    const confirmed = await Promise.all(
      Array.from({ length: 4 }, async () => (await c.services.signUps.signUp({ eventId, personId: await c.person(), adults: 1 })).signUp),
    );
    const waiting = [];
    for (let i = 0; i < 6; i++) waiting.push((await c.services.signUps.signUp({ eventId, personId: await c.person(), adults: 1 })).signUp);
    const otherInstance = new OfferService(db, c.clock, DEFAULT_MESSAGING_CONFIG);
    await Promise.all([
      ...confirmed.slice(0, 3).map((s) => c.services.signUps.cancel({ signUpId: s.id })),
      ...Array.from({ length: 4 }, async () => c.services.signUps.signUp({ eventId, personId: await c.person(), adults: 1 })),
      ...waiting.slice(0, 3).map((w) => c.services.offers.accept({ signUpId: w.id, personId: w.personId })),
      ...waiting.slice(0, 3).map((w) => otherInstance.accept({ signUpId: w.id, personId: w.personId })),
    ]);
    expect(await placesTaken(db, eventId)).toBe(4);
    c.clock.advance(DAY + 1000);
    await Promise.all([c.services.offers.expireDue(), otherInstance.expireDue(), c.services.offers.expireDue()]);
    const rows = await db.signUp.findMany({ where: { eventId } });
    expect(rows.filter((r) => ['confirmed', 'offered'].includes(r.status)).length).toBe(4);
    // Every live offer has exactly one message; nobody was offered twice.
    const offered = rows.filter((r) => r.status === 'offered').map((r) => `offer:${r.id}`);
    expect(await db.outboxMessage.count({ where: { kind: 'offer', refId: { in: offered } } })).toBe(offered.length);
    // Order is kept: everyone who was offered a place joined the list before everyone still waiting.
    const original = new Set(confirmed.map((s) => s.id));
    const reached = rows.filter((r) => !original.has(r.id) && (r.status === 'offered' || r.status === 'confirmed' || r.offerExpiresAt !== null));
    const stillWaiting = rows.filter((r) => r.status === 'waiting');
    expect(reached.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...reached.map((r) => r.createdAt.getTime()))).toBeLessThanOrEqual(Math.min(...stillWaiting.map((r) => r.createdAt.getTime())));
  });
});
