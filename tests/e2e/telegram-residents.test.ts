/**
 * Residents on Telegram, end to end: telegram-test-api as Telegram, Nabo in webhook mode on a real
 * SQLite database with the demo calendar (see telegram-harness.ts for how updates travel). Each
 * scenario checks the messages and the database.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { TelegramHarness } from './telegram-harness';
import { buttonsOf, TestResident } from './telegram-resident';

jest.setTimeout(60_000);

let h: TelegramHarness;
let nextUser = 7000;
const resident = (lang: string): TestResident => new TestResident(h, ++nextUser, lang);
const personOf = async (r: TestResident) =>
  (
    await h.nabo.database.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: String(r.userId) } },
      include: { person: true },
    })
  ).person;
const hasArabic = (s: string): boolean => /[\u0600-\u06FF]/.test(s);

beforeAll(async () => {
  h = await TelegramHarness.start();
});
afterAll(async () => {
  await h?.stop();
});

test('an Arabic resident signs up for a fællesspisning with two adults and a child through buttons', async () => {
  const r = resident('ar');
  expect(await r.command('/start')).toEqual([200]);
  // Greeted in the client's language; the core stored the language and the chat to write to later.
  const ar = h.nabo.translations.translator('ar');
  expect(r.texts()[0]?.startsWith(stripIsolates(ar('common:welcome.intro')))).toBe(true);
  let person = await personOf(r);
  expect(person.language).toBe('ar');
  const identity = await h.nabo.database.db.channelIdentity.findFirstOrThrow({ where: { personId: person.id } });
  expect(identity.address).toBe(String(r.userId));

  await r.press('welcome.consent');
  person = await personOf(r);
  expect(person.consentAt).not.toBeNull();

  await r.press('signup.pick');
  const party = r.offered().find((a) => a.startsWith('signup.party|'));
  expect(party).toBeDefined();
  const eventId = (party as string).split('|')[1] as string;
  await r.press(party as string);
  // Numbers are short labels: several share a row.
  const adultsMessage = [...r.messages()].reverse().find((m) => buttonsOf(m).some((b) => b.callback_data === 'signup.adults|2'));
  const rows = (adultsMessage?.message.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard;
  expect(rows.length).toBeLessThan(6);
  await r.press('signup.adults|2');
  await r.press('signup.children|1');
  await r.press('signup.diet|none');
  const callsBefore = h.apiCalls.length;
  const confirmId = await r.press('signup.confirm');
  // One Bot API call of Nabo's own (the edit, menu and all); the press is answered in the webhook's answer.
  expect(h.apiCalls.slice(callsBefore).filter((m) => /^(send|edit|delete)/.test(m))).toEqual(['editMessageText']);
  expect(h.webhookReplies[h.webhookReplies.length - 1]).toBe('answerCallbackQuery');

  // The confirmation replaces the question it answers; its buttons are now "add it to your calendar" and the menu, in Arabic.
  const confirmed = r.messages().find((m) => m.messageId === confirmId) as NonNullable<ReturnType<typeof r.messages>[number]>;
  const event = await h.nabo.services.catalogue.event(eventId, 'ar');
  const confirmText = stripIsolates(String(confirmed?.message.text));
  expect(confirmText).toContain(stripIsolates(event.title));
  expect(confirmText.endsWith(`\n\n${stripIsolates(ar('common:menu.title'))}`)).toBe(true);
  expect(hasArabic(confirmText)).toBe(true);
  const signUps = await h.nabo.database.db.signUp.findMany({ where: { personId: person.id } });
  expect(signUps).toHaveLength(1);
  expect(signUps[0]).toMatchObject({ eventId, adults: 2, children: 1, status: 'confirmed' });
  expect(buttonsOf(confirmed).map((b) => b.callback_data)).toEqual(
    expect.arrayContaining([`bookings.calendar|s_${signUps[0]?.id}`, 'signup.pick', 'bookings.list', 'find.week']),
  );
  expect(buttonsOf(confirmed)[0]?.text).toBe(ar('resident:calendar_caption'));
  expect(h.documents.filter((d) => d.chatId === String(r.userId))).toHaveLength(0);

  // The calendar file comes when asked for, carrying the menu.
  await r.pressOn(confirmId, `bookings.calendar|s_${signUps[0]?.id}`);
  const ics = h.documents.filter((d) => d.chatId === String(r.userId));
  expect(ics).toHaveLength(1);
  expect(ics[0]?.fileName).toMatch(/\.ics$/);
  expect(ics[0]?.content).toContain('BEGIN:VEVENT');
  expect(ics[0]?.content).toContain(`UID:${signUps[0]?.id}@nabo`);
  expect(stripIsolates(ics[0]?.caption ?? '')).toBe(`${stripIsolates(ar('resident:calendar_caption'))}\n\n${stripIsolates(ar('common:menu.title'))}`);
  const fileMessage = r.messages()[r.messages().length - 1] as typeof confirmed;
  expect(buttonsOf(fileMessage).map((b) => b.callback_data)).toEqual(expect.arrayContaining(['signup.pick', 'bookings.list', 'find.week']));
  expect(buttonsOf(fileMessage)[0]?.text).toBe(ar('common:menu.activities'));

  // The old confirm button pressed again is answered, and books nothing twice.
  await r.pressOn(confirmId, 'signup.confirm');
  expect(stripIsolates(String(r.messages().find((m) => m.messageId === confirmId)?.message.text))).toContain(stripIsolates(ar('errors:action.stale')));
  expect(await h.nabo.database.db.signUp.count({ where: { personId: person.id } })).toBe(1);
});

test('a Danish resident books økonomisk rådgivning and cancels it', async () => {
  const r = resident('da');
  await r.command('/start');
  await r.press('welcome.consent');
  await r.press('counsel.pick');
  await r.press(/^counsel\.slot\|/);
  await r.press(/^counsel\.topic\|budget$/);
  await r.press('counsel.note');
  await r.press('counsel.confirm');
  const person = await personOf(r);
  const booked = await h.nabo.database.db.appointment.findMany({ where: { personId: person.id } });
  expect(booked).toHaveLength(1);
  expect(booked[0]).toMatchObject({ status: 'booked', topic: 'budget' });
  expect(h.documents.filter((d) => d.chatId === String(r.userId))).toHaveLength(0);
  await r.press(`bookings.calendar|a_${booked[0]?.id}`);
  const ics = h.documents.filter((d) => d.chatId === String(r.userId));
  expect(ics).toHaveLength(1);
  expect(ics[0]?.content).toContain(`UID:${booked[0]?.id}@nabo`);

  await r.command('/bookings');
  const cancel = `bookings.cancel|a_${booked[0]?.id}`;
  expect(r.offered()).toContain(cancel);
  await r.press(cancel);
  const da = h.nabo.translations.translator('da');
  expect(r.texts().join('\n\n')).toContain(stripIsolates(da('resident:bookings.cancelled')));
  expect((await h.nabo.database.db.appointment.findUniqueOrThrow({ where: { id: booked[0]?.id } })).status).toBe('cancelled');
});

test('a deep link /start e_<event id> opens that event', async () => {
  const first = await h.nabo.database.db.event.findFirstOrThrow({
    where: { startsAt: { gt: h.clock.now() }, activity: { signupRequired: true } },
    orderBy: { startsAt: 'asc' },
  });
  const r = resident('da');
  await r.command(`/start e_${first.id}`);
  const card = await h.nabo.services.catalogue.event(first.id, 'da', { forResidents: true });
  expect(r.texts().some((t) => t.includes(stripIsolates(card.title)))).toBe(true);
  expect(r.offered()).toContain(`signup.party|${first.id}`);
  // The person exists now, with the chat stored; nothing was booked by opening a link.
  const person = await personOf(r);
  expect(await h.nabo.database.db.signUp.count({ where: { personId: person.id } })).toBe(0);
});

test('a full event offers the waiting list', async () => {
  const db = h.nabo.database.db;
  const template = await db.event.findFirstOrThrow({ where: { startsAt: { gt: h.clock.now() }, capacity: { not: null }, activity: { signupRequired: true } } });
  const startsAt = new Date(h.clock.now().getTime() + 3 * 86_400_000);
  const full = await db.event.create({
    data: {
      activityId: template.activityId,
      locationId: template.locationId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      capacity: 2,
      isDemo: true,
    },
  });
  const other = await h.nabo.services.people.identify({ channel: 'console', externalId: 'e2e-other-family' });
  await h.nabo.services.signUps.signUp({ eventId: full.id, personId: other.id, adults: 2 });

  const r = resident('da');
  await r.command(`/start e_${full.id}`);
  const da = h.nabo.translations.translator('da');
  expect(r.texts().some((t) => t.includes(stripIsolates(da('resident:event.full_waiting'))))).toBe(true);
  await r.press('welcome.consent');
  await r.press(`signup.party|${full.id}`);
  await r.press('signup.adults|1');
  await r.press('signup.children|0');
  await r.press('signup.diet|none');
  expect(r.texts().join('\n\n')).toContain(stripIsolates(da('resident:signup.full_offer')));
  const offer = [...r.messages()].reverse().find((m) => buttonsOf(m).some((b) => b.callback_data === 'signup.confirm'));
  expect(buttonsOf(offer as NonNullable<typeof offer>).find((b) => b.callback_data === 'signup.confirm')?.text).toBe(da('resident:signup.join_waiting'));
  await r.press('signup.confirm');
  const person = await personOf(r);
  const mine = await db.signUp.findFirstOrThrow({ where: { personId: person.id, eventId: full.id } });
  expect(mine.status).toBe('waiting');
  expect(h.documents.filter((d) => d.chatId === String(r.userId))).toHaveLength(0);
});
