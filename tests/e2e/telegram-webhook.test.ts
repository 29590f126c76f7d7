/**
 * The Telegram channel's plumbing, end to end against telegram-test-api: the webhook's secret,
 * once-only handling of redelivered updates, the command menus, blocking, the rate limit and
 * delivery through the core outbox worker (nabo.outbox, where startTelegram registers the
 * Telegram Messenger, as on the server). Each test checks the database as well as the messages.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { slowDown } from '../../bots/telegram/rate-limit';
import { E2E_NOW, SECRET, TelegramHarness } from './telegram-harness';
import { TestResident } from './telegram-resident';

jest.setTimeout(60_000);

let h: TelegramHarness;
let nextUser = 8000;
const resident = (lang: string): TestResident => new TestResident(h, ++nextUser, lang);
const personIdOf = async (r: TestResident): Promise<string> =>
  (await h.nabo.database.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'telegram', externalId: String(r.userId) } } }))
    .personId;

beforeAll(async () => {
  h = await TelegramHarness.start();
});
afterAll(async () => {
  await h?.stop();
});

test('start-up registers the webhook with its secret and a command menu per language', async () => {
  expect(h.webhooks).toHaveLength(1);
  // The menus are registered in the background, after start-up.
  await h.until(() => h.commandMenus.length === 9, 'nine command menus');
  expect(h.webhooks[0]?.secret_token).toBe(SECRET);
  const codes = h.commandMenus.map((m) => m.language_code ?? 'default').sort();
  expect(codes).toEqual(['ar', 'da', 'default', 'en', 'fa', 'ku', 'so', 'tr', 'uk']);
  const danish = h.commandMenus.find((m) => m.language_code === undefined);
  expect(danish?.commands.map((c) => c.command)).toEqual(['start', 'activities', 'bookings', 'language', 'help', 'person', 'privacy']);
});

test('a webhook call without the secret, or with a wrong one, is refused and changes nothing', async () => {
  const db = h.nabo.database.db;
  const before = await db.processedUpdate.count();
  const update = {
    update_id: 990001,
    message: { message_id: 1, date: 0, chat: { id: 424242, type: 'private' }, from: { id: 424242, is_bot: false, first_name: 'X' }, text: 'hej' },
  };
  expect(await h.post(update, null)).toBe(401);
  expect(await h.post(update, 'wrong-secret-0123456789')).toBe(401);
  expect(await h.post({ nonsense: true })).toBe(400);
  expect(await db.processedUpdate.count()).toBe(before);
  expect(await db.channelIdentity.count({ where: { externalId: '424242' } })).toBe(0);
  expect(h.botMessages(424242)).toHaveLength(0);
});

test('a redelivered update is acknowledged and changes nothing', async () => {
  const db = h.nabo.database.db;
  const r = resident('da');
  await r.command('/start');
  await r.press('welcome.consent');
  await r.press('signup.pick');
  await r.press(/^signup\.party\|/);
  await r.press('signup.adults|1');
  await r.press('signup.children|0');
  await r.press('signup.diet|none');
  // The confirming press, as Nabo received it: handled once, then delivered again twice.
  await r.press('signup.confirm');
  const [pressed] = r.lastDelivered;
  expect(pressed?.status).toBe(200);
  const personId = await personIdOf(r);
  const state = {
    signUps: await db.signUp.count({ where: { personId } }),
    messages: r.messages().length,
    documents: h.documents.length,
    processed: await db.processedUpdate.count(),
  };
  expect(state.signUps).toBe(1);
  expect(await db.processedUpdate.count({ where: { key: `telegram:${h.channel.bot.botInfo.id}:${pressed?.update.update_id}` } })).toBe(1);

  expect(await h.post(pressed?.update)).toBe(200);
  expect(await h.post(pressed?.update)).toBe(200);
  expect({
    signUps: await db.signUp.count({ where: { personId } }),
    messages: r.messages().length,
    documents: h.documents.length,
    processed: await db.processedUpdate.count(),
  }).toEqual(state);
});

test('a button press is answered inside the webhook answer, after the press was handled', async () => {
  const r = resident('da');
  await r.command('/start');
  const before = h.webhookReplies.length;
  await r.press('welcome.consent');
  expect(h.webhookReplies.slice(before)).toEqual(['answerCallbackQuery']);
  // Handled before that answer went out: the consent is stored.
  const person = await h.nabo.database.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'telegram', externalId: String(r.userId) } },
    include: { person: true },
  });
  expect(person.person.consentAt).not.toBeNull();
  // A typed message has no press to answer: the webhook answers a plain ok.
  await r.say('hej');
  expect(h.webhookReplies.slice(before)).toEqual(['answerCallbackQuery']);
});

test('an outbox message (a staff answer) is delivered to the right chat and marked sent', async () => {
  const db = h.nabo.database.db;
  const r = resident('da');
  await r.command('/start');
  await r.press('welcome.consent');
  await r.command('/person');
  await r.say('Kan jeg få hjælp til at søge boligstøtte?');
  const personId = await personIdOf(r);
  const request = await db.handoverRequest.findFirstOrThrow({ where: { personId, status: 'open' } });
  const staff = await h.nabo.services.people.identify({ channel: 'console', externalId: 'e2e-staff', role: 'staff' });
  await h.nabo.services.handovers.answer({ requestId: request.id, staffId: staff.id, answer: 'Ja, kom forbi på tirsdag kl. 10.' });

  const expected = stripIsolates(h.nabo.translations.translator('da')('resident:handover.answer', { answer: 'Ja, kom forbi på tirsdag kl. 10.' }));
  h.nabo.outbox.start(50);
  await h.until(() => r.texts().includes(expected), 'the answer to reach the chat');
  await h.nabo.outbox.stop();
  const row = await h.until(async () => {
    const m = await db.outboxMessage.findFirst({ where: { personId, kind: 'handover_answer' } });
    return m?.status === 'sent' ? m : null;
  }, 'the outbox row to be marked sent');
  expect(row.sentAt?.getTime()).toBe(E2E_NOW.getTime());
  expect(row.lastError).toBeNull();
  // Nobody else got it.
  expect(h.emulator.storage.botMessages.filter((m) => String(m.message.text ?? '').includes('tirsdag kl. 10')).map((m) => String(m.message.chat_id))).toEqual([
    String(r.userId),
  ]);
});

test('blocking the bot marks the identity, and writing again clears it', async () => {
  const db = h.nabo.database.db;
  const r = resident('en');
  await r.command('/start');
  const update = {
    update_id: 990100 + r.userId,
    my_chat_member: {
      chat: { id: r.userId, type: 'private' },
      from: { id: r.userId, is_bot: false, first_name: 'T' },
      date: 0,
      old_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'Nabo' } },
      new_chat_member: { status: 'kicked', until_date: 0, user: { id: 1, is_bot: true, first_name: 'Nabo' } },
    },
  };
  expect(await h.post(update)).toBe(200);
  const blocked = await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'telegram', externalId: String(r.userId) } } });
  expect(blocked.blockedAt).not.toBeNull();
  await r.say('hello again');
  const back = await db.channelIdentity.findUniqueOrThrow({ where: { id: blocked.id } });
  expect(back.blockedAt).toBeNull();
});

test('a flood gets one friendly slow-down message in the resident’s language', async () => {
  const r = resident('tr');
  for (let i = 0; i < 20; i++) await r.say(`merhaba ${i}`);
  const answered = r.messages().length;
  expect(r.texts()).not.toContain(slowDown('tr'));
  // Beyond 20 in 10 s: one slow-down message, then silence for the rest of the burst.
  for (let i = 0; i < 4; i++) expect(await r.say(`merhaba ${20 + i}`)).toEqual([200]);
  expect(r.texts().slice(answered)).toEqual([slowDown('tr')]);
  const personId = await personIdOf(r);
  expect(await h.nabo.database.db.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({ language: 'tr' });
});
