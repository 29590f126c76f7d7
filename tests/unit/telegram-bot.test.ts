/**
 * The bot's middleware with small fakes (no server): errors are logged with context but without
 * personal data, answered politely, and never stop the next update; buttons are always answered;
 * a redelivered update is handled once.
 */
import type { Update } from 'grammy/types';
import { createTelegramBot } from '../../bots/telegram/bot';
import type { Nabo } from '../../bots/composition';
import type { ConversationEngine } from '../../src/conversation/engine';
import type { ReplyBatch } from '../../src/conversation/replies';
import type { Turn } from '../../src/conversation/turn';
import type { Database } from '../../src/database/database';
import type { UpdateLedger } from '../../src/database/handled-once';
import { Translations } from '../../src/i18n/i18n';
import { createLogger } from '../../src/logging/logger';
import type { Services } from '../../src/services';
import { FixedClock } from '../../src/time/clock';

const USER = 777001;
const translations = new Translations();

function world(opts: { failClaim?: boolean } = {}) {
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  const turns: Turn[] = [];
  const logs: string[] = [];
  // The handled-once record in memory: leased on begin, done on finish.
  const keys = new Map<string, 'leased' | 'done'>();
  const ledger: UpdateLedger = {
    begin: async (key) => {
      if (opts.failClaim) throw new Error('database is down');
      const state = keys.get(key);
      if (state) return state === 'done' ? 'done' : 'busy';
      keys.set(key, 'leased');
      return 'mine';
    },
    finish: async (key) => void keys.set(key, 'done'),
    abandon: async (key) => void keys.delete(key),
  };
  const engine = {
    handle: async (turn: Turn): Promise<ReplyBatch> => {
      turns.push(turn);
      if (turn.input.kind === 'text' && turn.input.text.includes('explode')) throw new Error('engine failed');
      return { language: 'tr', direction: 'ltr', replies: [{ kind: 'text', text: 'Tamam' }] };
    },
  };
  const db = {
    channelIdentity: { findUnique: async () => ({ person: { id: 'person-pseudonym', language: 'tr' } }) },
  };
  const nabo = {
    engine: engine as unknown as ConversationEngine,
    services: {} as Services,
    translations,
    database: { db } as unknown as Database,
  } satisfies Pick<Nabo, 'engine' | 'services' | 'translations' | 'database'>;
  const bot = createTelegramBot({
    nabo,
    config: { token: '1:test' },
    logger: createLogger('debug', (line) => logs.push(line)),
    clock: new FixedClock(new Date('2026-01-01T00:00:00Z')),
    ledger,
    botInfo: {
      id: 1,
      is_bot: true,
      first_name: 'Nabo',
      username: 'NaboBot',
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    },
  });
  // Stands in for Telegram: records every call and answers ok.
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    return { ok: true, result: true as never };
  });
  return { bot, calls, turns, logs, ledger };
}

const from = { id: USER, is_bot: false, first_name: 'Ayşe', language_code: 'tr' };
const chat = { id: USER, type: 'private' as const, first_name: 'Ayşe' };
const text = (updateId: number, t: string): Update => ({ update_id: updateId, message: { message_id: updateId, date: 0, chat, from, text: t } });
const press = (updateId: number, data: string): Update => ({
  update_id: updateId,
  callback_query: { id: `q${updateId}`, from, chat_instance: 'c', data, message: { message_id: 5, date: 1, chat, text: 'old' } },
});

test('an engine failure is logged without personal data, apologised for, and the next update still runs', async () => {
  const w = world();
  await w.bot.handleUpdate(text(10, 'please explode my secret text'));
  const error = w.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['msg'] === 'telegram update failed');
  expect(error).toMatchObject({ update: 10, person: 'person-pseudonym', kind: 'message' });
  const all = w.logs.join('\n');
  expect(all).not.toContain('secret text');
  expect(all).not.toContain(String(USER));
  expect(all).not.toContain('Ayşe');
  const apology = w.calls.find((c) => c.method === 'sendMessage');
  expect(apology?.payload['text']).toBe(translations.translator('tr')('common:error.unexpected'));

  await w.bot.handleUpdate(text(11, 'merhaba'));
  expect(w.calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload['text'])).toContain('Tamam');
});

test('a pressed button is always answered, also when handling fails', async () => {
  const w = world();
  await w.bot.handleUpdate(press(20, 'signup.confirm'));
  expect(w.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
  expect(w.turns[0]).toMatchObject({
    channel: 'telegram',
    externalId: String(USER),
    address: String(USER),
    clientLanguage: 'tr',
    input: { kind: 'action', action: 'signup.confirm' },
  });
  // The answer replaced the pressed message (its buttons go with it).
  expect(w.calls.find((c) => c.method === 'editMessageText')?.payload).toMatchObject({ message_id: 5, text: 'Tamam', reply_markup: { inline_keyboard: [] } });

  const failing = world({ failClaim: true });
  await expect(failing.bot.handleUpdate(press(21, 'signup.confirm'))).rejects.toThrow();
  expect(failing.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
});

test('a redelivered update reaches the engine once', async () => {
  const w = world();
  await w.bot.handleUpdate(text(30, 'merhaba'));
  await w.bot.handleUpdate(text(30, 'merhaba'));
  expect(w.turns).toHaveLength(1);
});

test('an update another handler still holds is refused (the webhook answers 500, Telegram redelivers), not dropped', async () => {
  const w = world();
  await w.ledger.begin('telegram:1:31');
  await expect(w.bot.handleUpdate(text(31, 'merhaba'))).rejects.toThrow(/handled elsewhere/);
  expect(w.turns).toHaveLength(0);
  // The holder died; its lease is given up: the redelivery is handled.
  await w.ledger.abandon('telegram:1:31');
  await w.bot.handleUpdate(text(31, 'merhaba'));
  expect(w.turns).toHaveLength(1);
});

test('/start passes its deep-link payload; a forged payload is dropped', async () => {
  const w = world();
  const command = (id: number, t: string): Update => ({
    update_id: id,
    message: { message_id: id, date: 0, chat, from, text: t, entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
  });
  await w.bot.handleUpdate(command(40, '/start e_ckevent1'));
  await w.bot.handleUpdate(command(41, '/start <script>'));
  expect(w.turns.map((t) => t.input)).toEqual([
    { kind: 'start', payload: 'e_ckevent1' },
    { kind: 'start', payload: undefined },
  ]);
});
