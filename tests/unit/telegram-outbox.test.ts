/**
 * The outbox sender against a real database (SQLite; PostgreSQL too when NABO_TEST_PROVIDERS says
 * so) and a fake Bot API: delivery, rendering in the person's language, failures and back-off,
 * blocked people, and two senders never sending the same row.
 */
import { GrammyError, HttpError, type Api } from 'grammy';
import { deliveryFailure } from '../../bots/telegram/messenger';
import { backoffMs, MAX_ATTEMPTS, OutboxSender } from '../../bots/telegram/outbox-sender';
import { Pacer } from '../../bots/telegram/pacer';
import { enqueue } from '../../src/outbox/outbox';
import { formatDateTime } from '../../src/i18n/format';
import { stripIsolates, Translations } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { describeEachDatabase, TEST_NOW, type TestContext } from '../support/test-context';

const translations = new Translations();
const noWait = (): Pacer => new Pacer({ perSecond: 25, perChatMs: 1000 }, () => 0, async () => undefined);
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

const grammyError = (code: number, description: string): GrammyError => new GrammyError(`Call to 'sendMessage' failed! (${code}: ${description})`, { ok: false, error_code: code, description }, 'sendMessage', {});

async function telegramResident(ctx: TestContext, language: 'da' | 'ar' = 'da'): Promise<{ personId: string; chatId: number }> {
  const chatId = ++chat;
  const p = await ctx.services.people.identify({ channel: 'telegram', externalId: String(chatId), language, address: String(chatId) });
  return { personId: p.id, chatId };
}

function sender(ctx: TestContext, api: Api): OutboxSender {
  return new OutboxSender({ nabo: { database: ctx.database, services: ctx.services, translations }, api, clock: ctx.clock, logger: silentLogger, pacer: noWait() });
}

describeEachDatabase('Telegram outbox sender', (ctx) => {
  test('delivers a due message to the chat, in the person’s language, and marks it sent', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c, 'ar');
    const id = await enqueue(c.database.db, c.clock, { personId, channel: 'telegram', kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer: 'نعم' } } });
    const { api, sent } = fakeApi();
    expect(await sender(c, api).tick()).toBeGreaterThanOrEqual(1);
    expect(sent.filter((s) => s.chatId === chatId).map((s) => s.text)).toEqual([translations.translator('ar')('resident:handover.answer', { answer: 'نعم' })]);
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: c.clock.now() });
  });

  test('a cancellation notice names the event and its time', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    const eventId = await c.event({ capacity: 10 });
    await c.services.signUps.signUp({ eventId, personId, adults: 1 });
    const staff = await c.person('Staff', 'staff');
    await c.services.events.cancel(eventId, staff);
    const { api, sent } = fakeApi();
    await sender(c, api).tick();
    const e = await c.services.catalogue.event(eventId, 'da');
    const text = stripIsolates(sent.find((s) => s.chatId === chatId)?.text ?? '');
    expect(text).toContain(stripIsolates(e.title));
    expect(text).toContain(formatDateTime(e.startsAt, 'da'));
  });

  test('a person who blocked the bot is marked and not tried again', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    const id = await enqueue(c.database.db, c.clock, { personId, channel: 'telegram', kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer: 'x' } } });
    await sender(c, fakeApi(() => grammyError(403, 'Forbidden: bot was blocked by the user')).api).tick();
    const row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'person blocked the bot' });
    const identity = await c.database.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'telegram', externalId: String(chatId) } } });
    expect(identity.blockedAt).not.toBeNull();
  });

  test('a passing failure backs off, and after five tries the message is given up', async () => {
    const c = ctx();
    const { personId } = await telegramResident(c);
    const id = await enqueue(c.database.db, c.clock, { personId, channel: 'telegram', kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer: 'x' } } });
    const s = sender(c, fakeApi(() => new HttpError('Network request failed', new Error('ECONNRESET'))).api);
    const start = c.clock.now().getTime();
    await s.tick();
    let row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'network error' });
    expect(row.dueAt.getTime()).toBe(start + backoffMs(0));
    // Not due yet: nothing happens.
    await s.tick();
    expect((await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      c.clock.advance(backoffMs(i));
      await s.tick();
    }
    row = await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  test('without a Telegram chat the message fails at once, with no personal data in lastError', async () => {
    const c = ctx();
    const p = await c.services.people.identify({ channel: 'telegram', externalId: `no-address-${++chat}` });
    const id = await enqueue(c.database.db, c.clock, { personId: p.id, channel: 'telegram', kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer: 'x' } } });
    await sender(c, fakeApi().api).tick();
    expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'failed', lastError: 'no telegram chat to send to' });
  });

  test('buttons of a message become an inline keyboard', async () => {
    const c = ctx();
    const { personId, chatId } = await telegramResident(c);
    await enqueue(c.database.db, c.clock, { personId, channel: 'telegram', kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer: 'x' }, choices: [{ key: 'common:menu.bookings', action: 'bookings.list' }] } });
    const { api, sent } = fakeApi();
    await sender(c, api).tick();
    expect(sent.find((s) => s.chatId === chatId)?.keyboard).toEqual({ inline_keyboard: [[{ text: translations.translator('da')('common:menu.bookings'), callback_data: 'bookings.list' }]] });
  });

  test('quiet hours hold a non-urgent message until morning; an urgent one goes at once', async () => {
    const c = ctx();
    const night = new Date('2025-11-18T22:30:00Z'); // 23:30 in Copenhagen
    c.clock.set(night);
    try {
      const { personId } = await telegramResident(c);
      const calm = await enqueue(c.database.db, c.clock, { personId, channel: 'telegram', kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer: 'x' } } });
      const urgent = await enqueue(c.database.db, c.clock, { personId, channel: 'telegram', kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer: 'y' } }, urgent: true });
      await new OutboxSender({ nabo: { database: c.database, services: c.services, translations }, api: fakeApi().api, clock: c.clock, logger: silentLogger, pacer: noWait(), quietHours: { start: 21, end: 8 } }).tick();
      expect(await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id: calm } })).toMatchObject({ status: 'pending', attempts: 0, dueAt: new Date('2025-11-19T07:00:00Z') });
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
    const id = await enqueue(c.database.db, c.clock, { personId, channel: 'telegram', kind: 'handover_reply', payload: { key: 'resident:handover.answer', params: { requestId: request.id, answer: 'x' } } });
    const { api, sent } = fakeApi();
    await sender(c, api).tick();
    expect((await c.database.db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('skipped');
    expect(sent.filter((s) => s.chatId === chatId)).toEqual([]);
  });

  test('two senders at once send each message exactly once', async () => {
    const c = ctx();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { personId } = await telegramResident(c);
      ids.push(await enqueue(c.database.db, c.clock, { personId, channel: 'telegram', kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer: `svar ${i}` } } }));
    }
    const a = fakeApi();
    const b = fakeApi();
    await Promise.all([sender(c, a.api).tick(), sender(c, b.api).tick()]);
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
    expect(deliveryFailure(grammyError(400, 'Bad Request: chat not found'))).toMatchObject({ permanent: true, reason: 'telegram 400: Bad Request: chat not found' });
    expect(deliveryFailure(grammyError(429, 'Too Many Requests'))).toMatchObject({ permanent: false });
    expect(deliveryFailure(new HttpError('x', new Error('y')))).toMatchObject({ permanent: false, reason: 'network error' });
    expect(deliveryFailure(new TypeError('the text of a message'))).toMatchObject({ permanent: false, reason: 'TypeError' });
  });

  test('one message a second per chat, 25 a second overall', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = new Pacer({ perSecond: 25, perChatMs: 1000 }, () => now, async (ms) => void waits.push(ms));
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
