/**
 * Reminders: planned with the sign-up or booking that caused them, sent once at their time, held
 * through quiet hours, re-planned when the event moves, and "I can't come" frees the place.
 */
import type { Db, Tx } from '../../src/database/database';
import { stripIsolates } from '../../src/i18n/i18n';
import { SignUpService } from '../../src/sign-ups/sign-up-service';
import { copenhagenInstant, parseCalendarDate } from '../../src/time/calendar-date';
import { Chat, engineFor } from '../support/chat';
import { drain, RecordingMessenger, workerFor } from '../support/outbox-support';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A database whose outbox refuses every write inside transactions: to prove all-or-nothing. */
function failingOutbox(db: Db): Db {
  const refuse = (): Promise<never> => Promise.reject(new Error('outbox unavailable'));
  const bound = <T extends object>(target: T, prop: string | symbol): unknown => {
    const v: unknown = Reflect.get(target, prop);
    return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
  };
  const wrapTx = (tx: Tx): Tx =>
    new Proxy(tx, {
      get: (target, prop) =>
        prop === 'outboxMessage'
          ? new Proxy(target.outboxMessage, { get: (o, p) => (['create', 'upsert', 'deleteMany'].includes(String(p)) ? refuse : bound(o, p)) })
          : prop === '$executeRaw'
            ? // schedule() writes the outbox row as SQL.
              (strings: TemplateStringsArray, ...values: unknown[]) =>
                strings.join('').includes('"OutboxMessage"') ? refuse() : target.$executeRaw(strings, ...values)
            : bound(target, prop),
    });
  return new Proxy(db, {
    get: (target, prop) =>
      prop === '$transaction'
        ? (fn: (tx: Tx) => Promise<unknown>, opts?: { maxWait?: number; timeout?: number }) => target.$transaction((tx) => fn(wrapTx(tx)), opts)
        : bound(target, prop),
  });
}

describeEachDatabase('outbox: reminders', (ctx) => {
  beforeEach(() => ctx().clock.set(TEST_NOW));

  test('a reminder is sent once at its time: not before, not twice, not again after a restart', async () => {
    const c = ctx();
    const eventId = await c.event({ capacity: 10, location: 'parkcafeen' });
    const personId = await c.person('Amina');
    const { signUp } = await c.services.signUps.signUp({ eventId, personId, adults: 2 });
    const due = new Date(TEST_NOW.getTime() + DAY);
    const ref = { kind_refId: { kind: 'reminder', refId: `signup:${signUp.id}` } };
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: ref })).toMatchObject({
      personId,
      channel: 'console',
      status: 'pending',
      dueAt: due,
      urgent: false,
    });

    const messenger = new RecordingMessenger();
    const worker = workerFor(c, { console: messenger });
    await drain(worker);
    c.clock.set(new Date(due.getTime() - 60_000));
    await drain(worker);
    expect(messenger.to(personId)).toHaveLength(0);

    c.clock.set(due);
    await drain(worker);
    await drain(worker);
    const sent = messenger.to(personId);
    expect(sent).toHaveLength(1);
    expect(stripIsolates(sent[0]?.text ?? '')).toContain('Husk: Fællesspisning torsdag 20. november kl. 12.00, ParkCafeen.');
    expect(sent[0]?.choices).toEqual([{ label: 'Jeg kan ikke komme', action: `bookings.cancel|s_${signUp.id}` }]);

    // A restart: a new worker with nothing in memory finds nothing left to send.
    const afterRestart = new RecordingMessenger();
    c.clock.advance(HOUR);
    await drain(workerFor(c, { console: afterRestart }));
    expect(afterRestart.to(personId)).toHaveLength(0);
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: ref })).toMatchObject({ status: 'sent', attempts: 1, sentAt: due, lastError: null });
  });

  test('a sign-up and its reminder are written together, and a failure inside the transaction leaves neither', async () => {
    const c = ctx();
    const db = c.database.db;
    const eventId = await c.event({ capacity: 10 });
    const personId = await c.person();
    const broken = new SignUpService(failingOutbox(db), c.clock);
    await expect(broken.signUp({ eventId, personId, adults: 1 })).rejects.toThrow('outbox unavailable');
    expect(await db.signUp.count({ where: { personId } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { personId } })).toBe(0);

    const { signUp } = await c.services.signUps.signUp({ eventId, personId, adults: 1 });
    expect(await db.outboxMessage.count({ where: { personId, kind: 'reminder', refId: `signup:${signUp.id}` } })).toBe(1);
    // Cancelling withdraws the reminder in the same transaction: a failure keeps both as they were.
    await expect(broken.cancel({ signUpId: signUp.id })).rejects.toThrow('outbox unavailable');
    expect((await db.signUp.findUniqueOrThrow({ where: { id: signUp.id } })).status).toBe('confirmed');
    expect(await db.outboxMessage.count({ where: { personId, kind: 'reminder', status: 'pending' } })).toBe(1);
    await c.services.signUps.cancel({ signUpId: signUp.id });
    expect(await db.outboxMessage.count({ where: { personId, kind: 'reminder' } })).toBe(0);
  });

  test('"I can\'t come" on the reminder cancels through the bookings flow and offers the place to the next', async () => {
    const c = ctx();
    const db = c.database.db;
    const eventId = await c.event({ capacity: 2 });
    const chat = new Chat(engineFor(c));
    await chat.start();
    const me = (await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'telegram', externalId: chat.externalId } } })).personId;
    await c.services.signUps.signUp({ eventId, personId: me, adults: 2 });
    const next = await c.person('Next');
    expect((await c.services.signUps.signUp({ eventId, personId: next, adults: 1 })).outcome).toBe('waiting');

    const messenger = new RecordingMessenger();
    c.clock.set(new Date(TEST_NOW.getTime() + DAY));
    await drain(workerFor(c, { telegram: messenger, console: messenger }));
    const action = messenger.to(me)[0]?.choices[0]?.action ?? '';
    await chat.send({ kind: 'action', action });
    expect(chat.text()).toContain('Du er afmeldt');
    expect(await db.outboxMessage.count({ where: { personId: me, kind: 'reminder', status: 'pending' } })).toBe(0);
    expect((await db.signUp.findFirstOrThrow({ where: { personId: next, eventId } })).status).toBe('offered');

    await drain(workerFor(c, { console: messenger }));
    const offer = messenger.to(next)[0];
    expect(stripIsolates(offer?.text ?? '')).toContain('Der er blevet en plads ledig til Fællesspisning');
    expect(offer?.choices.map((ch) => ch.action.split('|')[0])).toEqual(['offer.accept', 'offer.decline']);
  });

  test('quiet hours hold a 06:00 appointment reminder until 08:00', async () => {
    const c = ctx();
    const db = c.database.db;
    const day = parseCalendarDate('2025-11-20');
    const slot = await db.appointmentSlot.create({
      data: {
        activityId: await c.activityId('oekonomisk-raadgivning'),
        startsAt: copenhagenInstant(day, 9),
        endsAt: copenhagenInstant(day, 9, 45),
        counsellor: 'BRF Kredit',
      },
    });
    const personId = await c.person();
    const a = await c.services.appointments.book({ slotId: slot.id, personId, topic: 'budget' });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { kind_refId: { kind: 'reminder', refId: `appointment:${a.id}` } } });
    expect(row.dueAt).toEqual(copenhagenInstant(day, 6));

    const messenger = new RecordingMessenger();
    const worker = workerFor(c, { console: messenger });
    c.clock.set(copenhagenInstant(day, 6));
    await drain(worker);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'pending',
      dueAt: copenhagenInstant(day, 8),
      attempts: 0,
    });
    c.clock.set(copenhagenInstant(day, 7, 59));
    await drain(worker);
    expect(messenger.to(personId)).toHaveLength(0);
    c.clock.set(copenhagenInstant(day, 8));
    await drain(worker);
    const [m] = messenger.to(personId);
    expect(stripIsolates(m?.text ?? '')).toContain('økonomisk rådgivning torsdag 20. november kl. 09.00 med BRF Kredit');
    expect(m?.choices[0]?.action).toBe(`bookings.cancel|a_${a.id}`);
  });

  test('moving an event tells everyone at once (even at night) and re-plans the reminders', async () => {
    const c = ctx();
    const db = c.database.db;
    const eventId = await c.event({ capacity: 1 });
    const [a, b] = [await c.person('A'), await c.person('B')];
    const { signUp } = await c.services.signUps.signUp({ eventId, personId: a, adults: 1 });
    await c.services.signUps.signUp({ eventId, personId: b, adults: 1 });
    const staff = await c.person('Staff', 'staff');
    const newStart = new Date(TEST_NOW.getTime() + 4 * DAY);
    expect(await c.services.events.move(eventId, newStart, new Date(newStart.getTime() + 2 * HOUR), staff)).toBe(2);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { kind_refId: { kind: 'reminder', refId: `signup:${signUp.id}` } } })).dueAt).toEqual(
      new Date(newStart.getTime() - DAY),
    );

    const messenger = new RecordingMessenger();
    c.clock.set(copenhagenInstant(parseCalendarDate('2025-11-18'), 22));
    await drain(workerFor(c, { console: messenger }));
    for (const p of [a, b]) {
      expect(messenger.to(p).map((m) => stripIsolates(m.text))).toEqual([
        'Fællesspisning er flyttet fra torsdag 20. november kl. 12.00 til lørdag 22. november kl. 12.00. ' +
          'Din tilmelding gælder stadig – kan du ikke komme på det nye tidspunkt, kan du afmelde dig under "Mine tilmeldinger".',
      ]);
    }
  });

  test('an activity sets its own reminder time, and 0 turns reminders off', async () => {
    const c = ctx();
    const db = c.database.db;
    const activityId = await c.activityId('moedregrupper');
    const eventId = await c.event({ activity: 'moedregrupper' });
    await db.activity.update({ where: { id: activityId }, data: { reminderHoursBefore: 2 } });
    const first = await c.services.signUps.signUp({ eventId, personId: await c.person(), adults: 1 });
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
    expect((await db.outboxMessage.findFirstOrThrow({ where: { refId: `signup:${first.signUp.id}` } })).dueAt).toEqual(
      new Date(event.startsAt.getTime() - 2 * HOUR),
    );
    await db.activity.update({ where: { id: activityId }, data: { reminderHoursBefore: 0 } });
    const second = await c.services.signUps.signUp({ eventId, personId: await c.person(), adults: 1 });
    expect(await db.outboxMessage.count({ where: { refId: `signup:${second.signUp.id}` } })).toBe(0);
  });
});
