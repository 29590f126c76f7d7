/**
 * The Telegram outbox — the core's OutboxWorker with the Telegram Messenger, as startTelegram registers it —
 * against a real database (SQLite; PostgreSQL too when NABO_TEST_PROVIDERS says so) and a fake Bot
 * API: delivery, rendering in the person's language, failures and back-off, blocked people, pacing,
 * and two workers never sending the same row.
 */
import { GrammyError, HttpError, type Api } from 'grammy';
import { deliveryFailure, TelegramMessenger } from '../../bots/telegram/messenger';
import { Pacer } from '../../bots/telegram/pacer';
import { DEFAULT_MESSAGING_CONFIG, type QuietHours } from '../../src/outbox/config';
import { OutboxRenderer } from '../../src/outbox/render';
import { enqueue } from '../../src/outbox/outbox';
import { backoffMs, MAX_ATTEMPTS, OutboxWorker } from '../../src/outbox/worker';
import { formatDateTime } from '../../src/i18n/format';
import { stripIsolates, Translations } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { describeEachDatabase, TEST_NOW, type TestContext } from '../support/test-context';

const translations = new Translations();
const noWait = (): Pacer =>
  new Pacer(
    { perSecond: 25, perChatMs: 1000 },
    () => 0,
    async () => undefined,
  );
let chat = 900_000;

/** A fake Bot API: sendMessage succeeds, or fails as told. */
function fakeApi(fail?: () => Error) {
  const sent: { chatId: number | string; text: string; keyboard?: unknown }[] = [];
  const api = {
    sendMessage: async (chatId: number | string, text: string, other?: { reply_markup?: unknown }) => {
      if (fail) throw fail();
      sent.push({ chatId, text, keyboard: other?.reply_markup });
      return { message_id: sent.length };
    },
  };
  return { api: api as unknown as Api, sent };
}

const grammyError = (code: number, description: string): GrammyError =>
  new GrammyError(`Call to 'sendMessage' failed! (${code}: ${description})`, { ok: false, error_code: code, description }, 'sendMessage', {});

async function telegramResident(ctx: TestContext, language: 'da' | 'ar' = 'da'): Promise<{ personId: string; chatId: number }> {
  const chatId = ++chat;
  const p = await ctx.services.people.identify({ channel: 'telegram', externalId: String(chatId), language, address: String(chatId) });
  return { personId: p.id, chatId };
}

function worker(ctx: TestContext, api: Api, opts: { pacer?: Pacer; quietHours?: QuietHours | null } = {}): OutboxWorker {
  const { database, services } = ctx;
  return new OutboxWorker({
    db: database.db,
    provider: database.provider,
    clock: ctx.clock,
    logger: silentLogger,
    renderer: new OutboxRenderer({ db: database.db, translations, catalogue: services.catalogue, signUps: services.signUps }),
    messengers: { telegram: new TelegramMessenger(api, opts.pacer ?? noWait()) },
    quietHours: opts.quietHours === undefined ? DEFAULT_MESSAGING_CONFIG.quietHours : opts.quietHours,
  });
}

describeEachDatabase('Telegram outbox (core worker, Telegram messenger)', (ctx) => {
  test('delivers a due message to the chat, in the person’s language, and marks it sent', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c, 'ar');
    const id = await enqueue(c.database.db, c.clock, {
      personId,
      channel: 'telegram',
      kind: 'handover_answer',
      payload: { key: 'resident:handover.answer', params: { answer: 'نعم' } },
    });
    const { api, sent } = fakeApi();
    expect(await worker(c, api).runOnce()).toBeGreaterThanOrEqual(1);
    expect(sent.filter((s) => s.chatId === chatId).map((s) => s.text)).toEqual([translations.translator('ar')('resident:handover.answer', { answer: 'نعم' })]);
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      sentAt: c.clock.now(),
    });
  });

  test('a cancellation notice names the event and its time', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    const eventId = await c.event({ capacity: 10 });
    await c.services.signUps.signUp({ eventId, personId, adults: 1 });
    const staff = await c.person('Staff', 'staff');
    await c.services.events.cancel(eventId, staff);
    const { api, sent } = fakeApi();
    await worker(c, api).runOnce();
    const e = await c.services.catalogue.event(eventId, 'da');
    const text = stripIsolates(sent.find((s) => s.chatId === chatId)?.text ?? '');
    expect(text).toContain(stripIsolates(e.title));
    expect(text).toContain(formatDateTime(e.startsAt, 'da'));
  });

  test('a person who blocked the bot is marked and not tried again', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    const id = await enqueue(c.database.db, c.clock, {
      personId,
      channel: 'telegram',
      kind: 'handover_answer',
      payload: { key: 'resident:handover.answer', params: { answer: 'x' } },
    });
    const w = worker(c, fakeApi(() => grammyError(403, 'Forbidden: bot was blocked by the user')).api);
    await w.runOnce();
    const row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'blocked' });
    const identity = await c.database.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: String(chatId) } },
    });
    expect(identity.blockedAt).toEqual(c.clock.now());
    // Not tried again, and a later message to the same person is not sent either.
    const { api, sent } = fakeApi();
    const later = await enqueue(c.database.db, c.clock, {
      personId,
      channel: 'telegram',
      kind: 'handover_answer',
      payload: { key: 'resident:handover.answer', params: { answer: 'y' } },
    });
    c.clock.advance(backoffMs(MAX_ATTEMPTS));
    try {
      await worker(c, api).runOnce();
    } finally {
      c.clock.set(TEST_NOW);
    }
    expect(sent.filter((s) => s.chatId === chatId)).toEqual([]);
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id: later } })).toMatchObject({ status: 'failed', lastError: 'blocked' });
  });

  test('a passing failure backs off, and after five tries the message is given up', async () => {
    const c = ctx();
    const { personId } = await telegramResident(c);
    const id = await enqueue(c.database.db, c.clock, {
      personId,
      channel: 'telegram',
      kind: 'handover_answer',
      payload: { key: 'resident:handover.answer', params: { answer: 'x' } },
    });
    const w = worker(c, fakeApi(() => new HttpError('Network request failed', new Error('ECONNRESET'))).api);
    const start = c.clock.now().getTime();
    try {
      await w.runOnce();
      let row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'network error' });
      expect(row.dueAt.getTime()).toBe(start + backoffMs(1));
      // Not due yet: nothing happens.
      await w.runOnce();
      expect((await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        c.clock.advance(backoffMs(attempt));
        await w.runOnce();
        row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
        expect(row).toMatchObject({ attempts: attempt + 1, status: attempt + 1 < MAX_ATTEMPTS ? 'pending' : 'failed' });
      }
      expect(MAX_ATTEMPTS).toBe(5);
      // Given up: never tried again.
      c.clock.advance(backoffMs(MAX_ATTEMPTS));
      await w.runOnce();
      expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        lastError: 'network error',
      });
    } finally {
      c.clock.set(TEST_NOW);
    }
  });

  test('a refused message fails at once; lastError holds Telegram’s answer, not the text or the chat id', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    const id = await enqueue(c.database.db, c.clock, {
      personId,
      channel: 'telegram',
      kind: 'handover_answer',
      payload: { key: 'resident:handover.answer', params: { answer: 'hemmeligt svar' } },
    });
    await worker(c, fakeApi(() => grammyError(400, 'Bad Request: chat not found')).api).runOnce();
    const row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'telegram 400: Bad Request: chat not found' });
    expect(row.lastError).not.toContain(String(chatId));
    expect(row.lastError).not.toContain('hemmeligt');
  });

  test('without a Telegram chat the message fails at once, with no personal data in lastError', async () => {
    const c = ctx();
    const p = await c.services.people.identify({ channel: 'telegram', externalId: `no-address-${++chat}` });
    const id = await enqueue(c.database.db, c.clock, {
      personId: p.id,
      channel: 'telegram',
      kind: 'handover_answer',
      payload: { key: 'resident:handover.answer', params: { answer: 'x' } },
    });
    await worker(c, fakeApi().api).runOnce();
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'no telegram chat to send to',
    });
  });

  test('buttons of a message become an inline keyboard', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    await enqueue(c.database.db, c.clock, {
      personId,
      channel: 'telegram',
      kind: 'handover_answer',
      payload: { key: 'resident:handover.answer', params: { answer: 'x' }, choices: [{ key: 'common:menu.bookings', action: 'bookings.list' }] },
    });
    const { api, sent } = fakeApi();
    await worker(c, api).runOnce();
    expect(sent.find((s) => s.chatId === chatId)?.keyboard).toEqual({
      inline_keyboard: [[{ text: translations.translator('da')('common:menu.bookings'), callback_data: 'bookings.list' }]],
    });
  });

  test('quiet hours hold a non-urgent message until morning; an urgent one goes at once', async () => {
    const c = ctx();
    const night = new Date('2025-11-18T22:30:00Z'); // 23:30 in Copenhagen
    c.clock.set(night);
    try {
      const { personId } = await telegramResident(c);
      const calm = await enqueue(c.database.db, c.clock, {
        personId,
        channel: 'telegram',
        kind: 'handover_answer',
        payload: { key: 'resident:handover.answer', params: { answer: 'x' } },
      });
      const urgent = await enqueue(c.database.db, c.clock, {
        personId,
        channel: 'telegram',
        kind: 'handover_answer',
        payload: { key: 'resident:handover.answer', params: { answer: 'y' } },
        urgent: true,
      });
      await worker(c, fakeApi().api, { quietHours: { start: 21, end: 8 } }).runOnce();
      expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id: calm } })).toMatchObject({
        status: 'pending',
        attempts: 0,
        dueAt: new Date('2025-11-19T07:00:00Z'),
      });
      expect((await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id: urgent } })).status).toBe('sent');
    } finally {
      c.clock.set(TEST_NOW);
    }
  });

  test('a message that no longer applies is skipped, not sent', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    const request = await c.services.handovers.open({ personId, channel: 'telegram', language: 'da', question: 'hjælp' });
    await c.database.db.handoverRequest.update({ where: { id: request.id }, data: { status: 'answered' } });
    const id = await enqueue(c.database.db, c.clock, {
      personId,
      channel: 'telegram',
      kind: 'handover_reply',
      payload: { key: 'resident:handover.answer', params: { requestId: request.id, answer: 'x' } },
    });
    const { api, sent } = fakeApi();
    await worker(c, api).runOnce();
    expect((await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('skipped');
    expect(sent.filter((s) => s.chatId === chatId)).toEqual([]);
  });

  test('only Telegram rows are claimed; other channels are left for their own worker', async () => {
    const c = ctx();
    const { personId } = await telegramResident(c);
    await c.database.db.channelIdentity.create({ data: { personId, channel: 'teams', externalId: `teams-${chat}` } });
    const id = await enqueue(c.database.db, c.clock, {
      personId,
      channel: 'teams',
      kind: 'handover_answer',
      payload: { key: 'resident:handover.answer', params: { answer: 'x' } },
    });
    await worker(c, fakeApi().api).runOnce();
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'pending', attempts: 0 });
    await c.database.db.outboxMessage.delete({ where: { id } });
  });

  test('sends to one chat are paced a second apart', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    for (const answer of ['første', 'anden']) {
      await enqueue(c.database.db, c.clock, {
        personId,
        channel: 'telegram',
        kind: 'handover_answer',
        payload: { key: 'resident:handover.answer', params: { answer } },
      });
    }
    const waits: { chat: string; ms: number }[] = [];
    const pacer = new Pacer(
      { perSecond: 25, perChatMs: 1000 },
      () => 0,
      async () => undefined,
    );
    const wait = pacer.wait.bind(pacer);
    pacer.wait = async (chat) => {
      const ms = await wait(chat);
      waits.push({ chat, ms });
      return ms;
    };
    const { api, sent } = fakeApi();
    await worker(c, api, { pacer }).runOnce();
    expect(sent.filter((s) => s.chatId === chatId)).toHaveLength(2);
    expect(waits.filter((w) => w.chat === String(chatId)).map((w) => w.ms)).toEqual([0, 1000]);
  });

  test('two workers at once send each message exactly once', async () => {
    const c = ctx();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { personId } = await telegramResident(c);
      ids.push(
        await enqueue(c.database.db, c.clock, {
          personId,
          channel: 'telegram',
          kind: 'handover_answer',
          payload: { key: 'resident:handover.answer', params: { answer: `svar ${i}` } },
        }),
      );
    }
    const a = fakeApi();
    const b = fakeApi();
    await Promise.all([worker(c, a.api).runOnce(), worker(c, b.api).runOnce()]);
    const texts = [...a.sent, ...b.sent].map((s) => stripIsolates(s.text)).filter((t) => /svar \d+$/.test(t));
    expect(texts).toHaveLength(12);
    expect(new Set(texts).size).toBe(12);
    expect(await c.database.db.outboxMessage.count({ where: { id: { in: ids }, status: 'sent' } })).toBe(12);
  });
});

describe('delivery failures and pacing', () => {
  test('Telegram errors become blocked, give up or try again', () => {
    expect(deliveryFailure(grammyError(403, 'Forbidden: bot was blocked by the user'))).toBe('blocked');
    expect(deliveryFailure(grammyError(403, 'Forbidden: user is deactivated'))).toBe('blocked');
    expect(deliveryFailure(grammyError(400, 'Bad Request: chat not found'))).toMatchObject({
      permanent: true,
      reason: 'telegram 400: Bad Request: chat not found',
    });
    expect(deliveryFailure(grammyError(429, 'Too Many Requests'))).toMatchObject({ permanent: false });
    expect(deliveryFailure(new HttpError('x', new Error('y')))).toMatchObject({ permanent: false, reason: 'network error' });
    expect(deliveryFailure(new TypeError('the text of a message'))).toMatchObject({ permanent: false, reason: 'TypeError' });
  });

  test('one message a second per chat, 25 a second overall', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = new Pacer(
      { perSecond: 25, perChatMs: 1000 },
      () => now,
      async (ms) => void waits.push(ms),
    );
    expect(await pacer.wait('a')).toBe(0);
    expect(await pacer.wait('a')).toBe(1000);
    expect(await pacer.wait('b')).toBe(1040);
    now = 5000;
    const overall = [];
    for (let i = 0; i < 50; i++) overall.push(await pacer.wait(`chat-${i}`));
    // 50 different chats take two seconds: 25 a second.
    expect(overall[49]).toBeCloseTo(49 * 40, 5);
  });
});
