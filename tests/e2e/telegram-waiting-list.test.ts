/**
 * Waiting-list offers on Telegram, end to end: cancel → offer to the next → answer → everyone sees
 * the right state. Residents press buttons in telegram-test-api; Nabo runs in webhook mode on a real
 * SQLite file with the fixed clock (see telegram-harness.ts). The offers go out the way the server
 * sends them: the core OutboxWorker (nabo.outbox) with the Telegram channel's Messenger registered,
 * one round at a time (runOnce), so each step of the test says exactly when messages leave.
 * Every step is checked in the chats and in the database.
 */
import type { Language } from '../../src/plan-data/plan-file';
import { formatDateTime } from '../../src/i18n/format';
import { stripIsolates } from '../../src/i18n/i18n';
import { quietUntil } from '../../src/outbox/quiet-hours';
import { signUpReminderRef } from '../../src/outbox/reminders';
import { offerRef } from '../../src/sign-ups/offers';
import { E2E_NOW, TelegramHarness } from './telegram-harness';
import { buttonsOf, TestResident } from './telegram-resident';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const CAPACITY = 2;

let h: TelegramHarness;
let nextUser = 8000;
const resident = (lang: string): TestResident => new TestResident(h, ++nextUser, lang);
const db = () => h.nabo.database.db;
const hasArabic = (s: string): boolean => /[\u0600-\u06FF]/.test(s);

const personOf = async (r: TestResident) =>
  (
    await db().channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: String(r.userId) } },
      include: { person: true },
    })
  ).person;

const signUpOf = async (r: TestResident, eventId: string) => db().signUp.findFirstOrThrow({ where: { eventId, personId: (await personOf(r)).id } });

const offerRow = (signUpId: string) => db().outboxMessage.findUnique({ where: { kind_refId: { kind: 'offer', refId: offerRef(signUpId) } } });

/** Every webhook call of the resident's last step was accepted. */
function expectHandled(r: TestResident): void {
  expect(r.lastDelivered.length).toBeGreaterThan(0);
  expect(r.lastDelivered.map((d) => d.status)).toEqual(r.lastDelivered.map(() => 200));
}

/** A fresh fællesspisning in three days with `CAPACITY` places, modelled on the demo calendar's next one. */
async function dinnerWithTwoPlaces(): Promise<string> {
  const template = await db().event.findFirstOrThrow({
    where: { startsAt: { gt: h.clock.now() }, capacity: { not: null }, activity: { signupRequired: true, category: 'dinner' } },
    orderBy: { startsAt: 'asc' },
  });
  const startsAt = new Date(h.clock.now().getTime() + 3 * 24 * HOUR);
  const e = await db().event.create({
    data: {
      activityId: template.activityId,
      locationId: template.locationId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      capacity: CAPACITY,
      isDemo: true,
    },
  });
  return e.id;
}

/** The places held (confirmed, attended, offered) and the confirmed ones; neither may pass the capacity. */
async function expectWithinCapacity(eventId: string): Promise<{ held: number; confirmed: number }> {
  const rows = await db().signUp.findMany({ where: { eventId } });
  const sum = (statuses: string[]): number => rows.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s.adults + s.children, 0);
  const held = sum(['confirmed', 'attended', 'offered']);
  const confirmed = sum(['confirmed', 'attended']);
  expect(held).toBeLessThanOrEqual(CAPACITY);
  expect(confirmed).toBeLessThanOrEqual(held);
  return { held, confirmed };
}

/** The event's title and start as the resident reads them. */
async function eventWords(eventId: string, language: Language): Promise<{ title: string; when: string }> {
  const e = await h.nabo.services.catalogue.event(eventId, language);
  return { title: e.title, when: formatDateTime(e.startsAt, language) };
}

const translate = (language: Language, key: string, params?: Record<string, string | number>): string =>
  stripIsolates(h.nabo.translations.translator(language)(key, params));

/**
 * Signs a resident up for the event through the chat: deep link, consent, party, no dietary
 * needs, confirm. Returns the id of the message whose confirm button was pressed (it now holds the answer).
 */
async function signUpByButtons(r: TestResident, eventId: string, adults: number, beforeConfirm?: () => void): Promise<number> {
  await r.command(`/start e_${eventId}`);
  expectHandled(r);
  for (const action of ['welcome.consent', `signup.party|${eventId}`, `signup.adults|${adults}`, 'signup.children|0', 'signup.diet|none']) {
    await r.press(action);
    expectHandled(r);
  }
  beforeConfirm?.();
  const pressed = await r.press('signup.confirm');
  expectHandled(r);
  return pressed;
}

/** The text of a message the resident has, as shown (isolates removed). */
const textOf = (r: TestResident, messageId: number): string => stripIsolates(String(r.messages().find((m) => m.messageId === messageId)?.message.text ?? ''));

/** Runs outbox rounds (the core worker, as the server does) until `check` holds. */
async function runOutboxUntil<T>(what: string, check: () => Promise<T | undefined | null | false> | T | undefined | null | false): Promise<T> {
  return h.until(async () => {
    await h.nabo.outbox.runOnce();
    return check();
  }, what);
}

/** The offer message in the resident's chat: the newest message carrying the offer's buttons. */
function offerMessageIn(r: TestResident, signUpId: string) {
  return [...r.messages()].reverse().find((m) => buttonsOf(m).some((b) => b.callback_data === `offer.accept|${signUpId}`));
}

/** Checks the offer the resident received: text in their language, Accept and Decline. Returns its message id. */
async function expectOfferReceived(r: TestResident, language: Language, eventId: string, signUpId: string): Promise<number> {
  const message = await runOutboxUntil(`the offer in chat ${r.userId}`, () => offerMessageIn(r, signUpId));
  const signUp = await db().signUp.findUniqueOrThrow({ where: { id: signUpId } });
  expect(signUp.offerExpiresAt).not.toBeNull();
  const words = await eventWords(eventId, language);
  expect(stripIsolates(String(message.message.text))).toBe(
    translate(language, 'resident:offer.made', { ...words, expiresAt: formatDateTime(signUp.offerExpiresAt as Date, language) }),
  );
  expect(buttonsOf(message)).toEqual([
    { text: translate(language, 'resident:offer.accept_button'), callback_data: `offer.accept|${signUpId}` },
    { text: translate(language, 'resident:offer.decline_button'), callback_data: `offer.decline|${signUpId}` },
  ]);
  // Recorded as sent, once, by this round.
  const row = await offerRow(signUpId);
  expect(row).toMatchObject({ status: 'sent', channel: 'telegram', attempts: 1, lastError: null });
  expect(row?.sentAt?.getTime()).toBe(h.clock.now().getTime());
  return message.messageId;
}

/** The offer a cancellation or a "no" just made: status, deadline and a pending outbox row with both buttons. */
async function expectOfferMade(eventId: string, signUpId: string, personId: string): Promise<void> {
  const now = h.clock.now().getTime();
  const { offerHours, offerCutoffHours } = h.nabo.messaging;
  const event = await db().event.findUniqueOrThrow({ where: { id: eventId } });
  const offered = await db().signUp.findUniqueOrThrow({ where: { id: signUpId } });
  expect(offered).toMatchObject({ status: 'offered', waitingPosition: null });
  expect(offered.offerExpiresAt?.getTime()).toBe(Math.min(now + offerHours * HOUR, event.startsAt.getTime() - offerCutoffHours * HOUR));
  const row = await offerRow(signUpId);
  expect(row).toMatchObject({ personId, channel: 'telegram', kind: 'offer', status: 'pending', attempts: 0, urgent: false, sentAt: null });
  expect(row?.dueAt.getTime()).toBeLessThanOrEqual(now);
  expect(JSON.parse(String(row?.payload))).toEqual({
    key: 'resident:offer.made',
    params: { eventId, signUpId, expiresAt: offered.offerExpiresAt?.toISOString() },
    choices: [
      { key: 'resident:offer.accept_button', action: `offer.accept|${signUpId}` },
      { key: 'resident:offer.decline_button', action: `offer.decline|${signUpId}` },
    ],
  });
}

/** A opens "Mine tilmeldinger" (/bookings) and cancels the dinner with one tap. */
async function cancelFromBookings(a: TestResident, eventId: string, signUpId: string): Promise<void> {
  const before = a.messages().length;
  await a.command('/bookings');
  expectHandled(a);
  const words = await eventWords(eventId, 'da');
  const shown = a.texts().slice(before).join('\n\n');
  expect(shown).toContain(
    `${translate('da', 'resident:bookings.header')}\n• ${translate('da', 'resident:bookings.signup', { ...words, adults: 2, children: 0 })}`,
  );
  const cancel = `bookings.cancel|s_${signUpId}`;
  expect(a.offered()).toContain(cancel);
  const pressed = await a.press(cancel);
  expectHandled(a);
  // The confirmation replaces the list, the list now empty below it, and the menu under both.
  expect(textOf(a, pressed)).toBe(
    [translate('da', 'resident:bookings.cancelled'), translate('da', 'resident:bookings.none'), translate('da', 'common:menu.title')].join('\n\n'),
  );
  expect(
    buttonsOf(a.messages().find((m) => m.messageId === pressed) as NonNullable<ReturnType<TestResident['messages']>[number]>).map((b) => b.callback_data),
  ).toContain('bookings.list');
  const cancelled = await db().signUp.findUniqueOrThrow({ where: { id: signUpId } });
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.cancelledAt?.getTime()).toBe(h.clock.now().getTime());
  // Its reminder went with it.
  expect(await db().outboxMessage.count({ where: { kind: 'reminder', refId: signUpReminderRef(signUpId) } })).toBe(0);
}

beforeAll(async () => {
  h = await TelegramHarness.start();
  // The core worker (nabo.outbox, with the channel's Messenger registered as on the server) runs
  // here by hand, round by round.
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.clock.set(E2E_NOW);
  // Offers are not urgent by day; a quiet-hours setting covering the harness's noon would hold them.
  expect(quietUntil(h.clock.now(), h.nabo.messaging.quietHours)).toBeNull();
});
afterEach(() => {
  h.clock.set(E2E_NOW);
});

test('A cancels, the place is offered to B on the waiting list, B accepts in Arabic, and both see the right bookings', async () => {
  const eventId = await dinnerWithTwoPlaces();
  const a = resident('da');
  const b = resident('ar');

  // A books both places.
  const aConfirm = await signUpByButtons(a, eventId, 2);
  const aSignUp = await signUpOf(a, eventId);
  expect(aSignUp).toMatchObject({ status: 'confirmed', adults: 2, children: 0 });
  expect(textOf(a, aConfirm)).toContain(stripIsolates((await eventWords(eventId, 'da')).title));
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 2, confirmed: 2 });

  // B finds it full and joins the waiting list.
  const bWaitingId = await signUpByButtons(b, eventId, 1, () => {
    // The event card says it is full; the summary's question offers the waiting list.
    expect(b.texts().some((t) => t.includes(translate('ar', 'resident:event.full_waiting')))).toBe(true);
    expect(b.texts().join('\n\n')).toContain(translate('ar', 'resident:signup.full_offer'));
    const join = [...b.messages()]
      .reverse()
      .flatMap(buttonsOf)
      .find((x) => x.callback_data === 'signup.confirm');
    expect(join?.text).toBe(translate('ar', 'resident:signup.join_waiting'));
  });
  const bWords = await eventWords(eventId, 'ar');
  expect(textOf(b, bWaitingId)).toBe(`${translate('ar', 'resident:signup.waiting', { ...bWords, position: 1 })}\n\n${translate('ar', 'common:menu.title')}`);
  const bPerson = await personOf(b);
  expect(bPerson.language).toBe('ar');
  const bSignUp = await signUpOf(b, eventId);
  expect(bSignUp).toMatchObject({ status: 'waiting', waitingPosition: 1, adults: 1, children: 0 });
  expect(h.documents.filter((d) => d.chatId === String(b.userId))).toHaveLength(0);
  expect(await offerRow(bSignUp.id)).toBeNull();

  // A cancels; B's sign-up is offered the place at once, and its message waits in the outbox.
  const bMessagesBefore = b.messages().length;
  await cancelFromBookings(a, eventId, aSignUp.id);
  await expectOfferMade(eventId, bSignUp.id, bPerson.id);
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 1, confirmed: 0 });
  expect(b.messages()).toHaveLength(bMessagesBefore);

  // One round of the core worker sends it to B, in Arabic, with Accept and Decline.
  const offerId = await expectOfferReceived(b, 'ar', eventId, bSignUp.id);
  expect(hasArabic(textOf(b, offerId))).toBe(true);
  expect(b.messages()).toHaveLength(bMessagesBefore + 1);
  // Sent is sent: another round sends nothing again.
  expect(await h.nabo.outbox.runOnce()).toBe(0);
  expect(b.messages()).toHaveLength(bMessagesBefore + 1);

  // B accepts: the offer turns into the confirmation, with the menu and "add it to your calendar" for its buttons.
  const pressed = await b.press(`offer.accept|${bSignUp.id}`);
  expectHandled(b);
  expect(pressed).toBe(offerId);
  const event = await h.nabo.services.catalogue.event(eventId, 'ar');
  const place = event.location ? `${event.location.name}, ${event.location.address}` : '—';
  expect(textOf(b, offerId)).toBe(`${translate('ar', 'resident:offer.accepted', { ...bWords, place })}\n\n${translate('ar', 'common:menu.title')}`);
  const offerButtons = buttonsOf(b.messages().find((m) => m.messageId === offerId) as NonNullable<ReturnType<typeof offerMessageIn>>);
  expect(offerButtons[0]?.callback_data).toBe(`bookings.calendar|s_${bSignUp.id}`);
  expect(offerButtons.map((x) => x.callback_data)).not.toContain(`offer.accept|${bSignUp.id}`);
  await b.press(`bookings.calendar|s_${bSignUp.id}`);
  const ics = h.documents.filter((d) => d.chatId === String(b.userId));
  expect(ics).toHaveLength(1);
  expect(ics[0]?.fileName).toMatch(/\.ics$/);
  expect(ics[0]?.content).toContain('BEGIN:VEVENT');

  const accepted = await db().signUp.findUniqueOrThrow({ where: { id: bSignUp.id } });
  expect(accepted).toMatchObject({ status: 'confirmed', offerExpiresAt: null, adults: 1 });
  expect((await offerRow(bSignUp.id))?.status).toBe('sent');
  expect((await db().signUp.findUniqueOrThrow({ where: { id: aSignUp.id } })).status).toBe('cancelled');
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 1, confirmed: 1 });
  // B's place now has its reminder, as any confirmed place does.
  const activity = await db().activity.findUniqueOrThrow({ where: { id: (await db().event.findUniqueOrThrow({ where: { id: eventId } })).activityId } });
  const hours = activity.reminderHoursBefore ?? h.nabo.messaging.reminderHours.event;
  const reminderDue = new Date(event.startsAt.getTime() - hours * HOUR);
  const reminder = await db().outboxMessage.findUnique({ where: { kind_refId: { kind: 'reminder', refId: signUpReminderRef(bSignUp.id) } } });
  if (hours > 0 && reminderDue > h.clock.now()) expect(reminder).toMatchObject({ status: 'pending', personId: bPerson.id, dueAt: reminderDue });
  else expect(reminder).toBeNull();

  // Pressing Accept again books nothing twice.
  await b.pressOn(offerId, `offer.accept|${bSignUp.id}`);
  expectHandled(b);
  expect(b.texts().join('\n\n')).toContain(translate('ar', 'resident:offer.already', bWords));
  expect(await db().signUp.count({ where: { eventId, personId: bPerson.id } })).toBe(1);
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 1, confirmed: 1 });

  // "Mine tilmeldinger": A has nothing left; B has the dinner, with a cancel button and no offer.
  let before = a.messages().length;
  await a.command('/bookings');
  expectHandled(a);
  expect(a.texts().slice(before).join('\n\n')).toContain(translate('da', 'resident:bookings.none'));
  expect(
    a
      .messages()
      .slice(before)
      .flatMap((m) => buttonsOf(m).map((x) => x.callback_data))
      .some((x) => x.startsWith('bookings.cancel|') || x.startsWith('offer.')),
  ).toBe(false);

  before = b.messages().length;
  await b.command('/bookings');
  expectHandled(b);
  const bookingsText = `${translate('ar', 'resident:bookings.header')}\n• ${translate('ar', 'resident:bookings.signup', { ...bWords, adults: 1, children: 0 })}`;
  expect(b.texts().slice(before).join('\n\n')).toContain(bookingsText);
  const fresh = b
    .messages()
    .slice(before)
    .flatMap((m) => buttonsOf(m).map((x) => x.callback_data));
  expect(fresh).toContain(`bookings.cancel|s_${bSignUp.id}`);
  expect(fresh.some((x) => x.startsWith('offer.'))).toBe(false);
});

test('B declines the offer, and the place passes on to C, the next on the waiting list', async () => {
  const eventId = await dinnerWithTwoPlaces();
  const a = resident('da');
  const b = resident('ar');
  const c = resident('uk');

  await signUpByButtons(a, eventId, 2);
  await signUpByButtons(b, eventId, 2);
  await signUpByButtons(c, eventId, 1);
  const aSignUp = await signUpOf(a, eventId);
  const bSignUp = await signUpOf(b, eventId);
  const cSignUp = await signUpOf(c, eventId);
  expect([aSignUp.status, bSignUp.status, cSignUp.status]).toEqual(['confirmed', 'waiting', 'waiting']);
  expect([bSignUp.waitingPosition, cSignUp.waitingPosition]).toEqual([1, 2]);

  // The two freed places go to B's party of two; C keeps waiting, unasked.
  await cancelFromBookings(a, eventId, aSignUp.id);
  await expectOfferMade(eventId, bSignUp.id, bSignUp.personId);
  expect(await signUpOf(c, eventId)).toMatchObject({ status: 'waiting', waitingPosition: 2 });
  expect(await offerRow(cSignUp.id)).toBeNull();
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 2, confirmed: 0 });
  const cMessagesBefore = c.messages().length;
  const offerId = await expectOfferReceived(b, 'ar', eventId, bSignUp.id);
  expect(c.messages()).toHaveLength(cMessagesBefore);

  // B says no thanks: told kindly, the buttons gone, and C is offered the place in the same step.
  await b.press(`offer.decline|${bSignUp.id}`);
  expectHandled(b);
  expect(textOf(b, offerId)).toBe(`${translate('ar', 'resident:offer.declined')}\n\n${translate('ar', 'common:menu.title')}`);
  expect(
    buttonsOf(b.messages().find((m) => m.messageId === offerId) as NonNullable<ReturnType<typeof offerMessageIn>>).map((x) => x.callback_data),
  ).not.toContain(`offer.decline|${bSignUp.id}`);
  expect(await db().signUp.findUniqueOrThrow({ where: { id: bSignUp.id } })).toMatchObject({ status: 'cancelled', offerExpiresAt: null });
  expect((await offerRow(bSignUp.id))?.status).toBe('sent');
  await expectOfferMade(eventId, cSignUp.id, cSignUp.personId);
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 1, confirmed: 0 });
  expect(c.messages()).toHaveLength(cMessagesBefore);
  expect(h.documents.filter((d) => d.chatId === String(b.userId))).toHaveLength(0);

  // The worker sends C the offer in Ukrainian; B gets nothing more.
  const bMessages = b.messages().length;
  const cOfferId = await expectOfferReceived(c, 'uk', eventId, cSignUp.id);
  expect(b.messages()).toHaveLength(bMessages);

  // B's old Decline, pressed again, changes nothing; C accepts.
  await b.pressOn(offerId, `offer.decline|${bSignUp.id}`);
  expectHandled(b);
  expect(b.texts().join('\n\n')).toContain(translate('ar', 'resident:offer.gone'));
  expect(await signUpOf(c, eventId)).toMatchObject({ status: 'offered' });

  expect(await c.press(`offer.accept|${cSignUp.id}`)).toBe(cOfferId);
  expectHandled(c);
  expect(textOf(c, cOfferId)).toContain(stripIsolates((await eventWords(eventId, 'uk')).title));
  expect(await signUpOf(c, eventId)).toMatchObject({ status: 'confirmed', offerExpiresAt: null });
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 1, confirmed: 1 });
});

test('an offer nobody answers expires on the scheduler, passes on, and a late "yes" is told kindly', async () => {
  const eventId = await dinnerWithTwoPlaces();
  const a = resident('da');
  const b = resident('da');
  const c = resident('so');

  await signUpByButtons(a, eventId, 2);
  await signUpByButtons(b, eventId, 2);
  await signUpByButtons(c, eventId, 2);
  const aSignUp = await signUpOf(a, eventId);
  const bSignUp = await signUpOf(b, eventId);
  const cSignUp = await signUpOf(c, eventId);
  expect([aSignUp.status, bSignUp.status, cSignUp.status]).toEqual(['confirmed', 'waiting', 'waiting']);

  await cancelFromBookings(a, eventId, aSignUp.id);
  await expectOfferMade(eventId, bSignUp.id, bSignUp.personId);
  const bOfferId = await expectOfferReceived(b, 'da', eventId, bSignUp.id);
  const expiresAt = (await db().signUp.findUniqueOrThrow({ where: { id: bSignUp.id } })).offerExpiresAt as Date;

  // A minute before the deadline nothing moves.
  h.clock.set(new Date(expiresAt.getTime() - 60_000));
  await h.nabo.outbox.runOnce();
  expect((await db().signUp.findUniqueOrThrow({ where: { id: bSignUp.id } })).status).toBe('offered');
  expect((await signUpOf(c, eventId)).status).toBe('waiting');

  // A minute after it, one round of the worker ends B's offer (its scheduler) and sends C the place.
  h.clock.set(new Date(expiresAt.getTime() + 60_000));
  expect(quietUntil(h.clock.now(), h.nabo.messaging.quietHours)).toBeNull();
  const cMessage = await runOutboxUntil('the offer to C', () => offerMessageIn(c, cSignUp.id));
  const expired = await db().signUp.findUniqueOrThrow({ where: { id: bSignUp.id } });
  expect(expired).toMatchObject({ status: 'cancelled', offerExpiresAt: expiresAt });
  expect((await offerRow(bSignUp.id))?.status).toBe('sent');
  expect(await signUpOf(c, eventId)).toMatchObject({ status: 'offered', waitingPosition: null });
  expect(await expectOfferReceived(c, 'so', eventId, cSignUp.id)).toBe(cMessage.messageId);
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 2, confirmed: 0 });

  // B's "yes" comes too late: the offer message says so and offers to join the list again.
  const bWords = await eventWords(eventId, 'da');
  expect(await b.press(`offer.accept|${bSignUp.id}`)).toBe(bOfferId);
  expectHandled(b);
  expect(textOf(b, bOfferId)).toBe(
    `${translate('da', 'resident:offer.expired', { ...bWords, expiresAt: formatDateTime(expiresAt, 'da') })}\n\n${translate('da', 'common:what_next')}`,
  );
  expect(b.offered()).toContain(`signup.party|${eventId}`);
  expect((await db().signUp.findUniqueOrThrow({ where: { id: bSignUp.id } })).status).toBe('cancelled');
  expect((await signUpOf(c, eventId)).status).toBe('offered');
  expect(await expectWithinCapacity(eventId)).toEqual({ held: 2, confirmed: 0 });
});
