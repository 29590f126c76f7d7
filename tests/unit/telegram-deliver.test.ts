/** Delivery after a button press: the pressed message becomes the answer's first text, the rest goes out meanwhile; what Telegram refuses falls back. */
import { GrammyError, type Api } from 'grammy';
import { deliver } from '../../bots/telegram/deliver';
import type { Outgoing } from '../../bots/telegram/render';
import { silentLogger } from '../../src/logging/logger';

/** A fake Bot API that records each call (method and its text or caption) and can refuse edits. */
function fakeApi(editText: 'ok' | 'gone' | 'not modified' = 'ok') {
  const calls: string[] = [];
  const refuse = (description: string) => new GrammyError(description, { ok: false, error_code: 400, description }, 'editMessageText', {});
  const api = {
    editMessageText: async (_chat: number, id: number, text: string, other: { reply_markup?: { inline_keyboard: unknown[] } }) => {
      calls.push(`editMessageText ${id} ${text}${other.reply_markup?.inline_keyboard.length ? ' +keyboard' : ''}`);
      if (editText === 'gone') throw refuse('Bad Request: message to edit not found');
      if (editText === 'not modified') throw refuse('Bad Request: message is not modified');
      return true;
    },
    editMessageReplyMarkup: async (_chat: number, id: number) => void calls.push(`editMessageReplyMarkup ${id}`),
    sendMessage: async (_chat: number, text: string, other: { reply_markup?: unknown }) =>
      void calls.push(`sendMessage ${text}${other.reply_markup ? ' +keyboard' : ''}`),
    sendDocument: async (_chat: number, _file: unknown, other: { caption?: string; reply_markup?: unknown }) =>
      void calls.push(`sendDocument ${other.caption ?? ''}${other.reply_markup ? ' +keyboard' : ''}`),
  };
  return { api: api as unknown as Api, calls };
}

const keyboard = { inline_keyboard: [[{ text: 'Aktiviteter', callback_data: 'find.week' }]] };
const confirmation: Outgoing[] = [
  { kind: 'message', text: 'Du er tilmeldt', html: false },
  { kind: 'document', fileName: 'nabo.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR', caption: 'Kalender\n\nMenu', keyboard },
];

test('a confirmation after a press costs two calls: the edit of the pressed message and the file with the menu', async () => {
  const { api, calls } = fakeApi();
  await deliver(api, { chatId: 1, pressedMessageId: 7 }, confirmation, silentLogger);
  expect(calls.sort()).toEqual(['editMessageText 7 Du er tilmeldt', 'sendDocument Kalender\n\nMenu +keyboard']);
});

test('a confirmation with the menu joined below it costs one call: the pressed message becomes both, buttons and all', async () => {
  const { api, calls } = fakeApi();
  const answer: Outgoing[] = [{ kind: 'message', text: 'Du er tilmeldt\n\nMenu', html: false, keyboard, textFirst: true }];
  await deliver(api, { chatId: 1, pressedMessageId: 7 }, answer, silentLogger);
  expect(calls).toEqual(['editMessageText 7 Du er tilmeldt\n\nMenu +keyboard']);
});

test('"not modified" (a double tap) counts as edited', async () => {
  const { api, calls } = fakeApi('not modified');
  await deliver(api, { chatId: 1, pressedMessageId: 7 }, confirmation, silentLogger);
  expect(calls).toHaveLength(2);
});

test('a pressed message that cannot be edited loses its keyboard and the text comes as a message of its own', async () => {
  const { api, calls } = fakeApi('gone');
  await deliver(api, { chatId: 1, pressedMessageId: 7 }, confirmation, silentLogger);
  expect(calls.slice(2)).toEqual(['editMessageReplyMarkup 7', 'sendMessage Du er tilmeldt']);
});

test('an answer that starts with buttons leaves the pressed message as it was, without its keyboard, and follows it in order', async () => {
  const { api, calls } = fakeApi();
  const question: Outgoing[] = [
    { kind: 'message', text: 'Hvor mange voksne?', html: false, keyboard },
    { kind: 'message', text: 'Efterskrift', html: false },
  ];
  await deliver(api, { chatId: 1, pressedMessageId: 7 }, question, silentLogger);
  expect(calls).toEqual(['editMessageReplyMarkup 7', 'sendMessage Hvor mange voksne? +keyboard', 'sendMessage Efterskrift']);
});

test('without a press, messages go out one after another', async () => {
  const { api, calls } = fakeApi();
  await deliver(api, { chatId: 1 }, confirmation, silentLogger);
  expect(calls).toEqual(['sendMessage Du er tilmeldt', 'sendDocument Kalender\n\nMenu +keyboard']);
});
