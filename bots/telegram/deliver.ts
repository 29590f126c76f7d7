/**
 * Sends rendered messages to a chat. After a button press the pressed message loses its keyboard
 * first, so old buttons cannot be pressed twice; when the answer starts with plain text, that text
 * (and its buttons, if it has any) replaces the pressed message (the confirmation appears where the
 * question was, the menu under it) and the rest follows as new messages, sent while the edit is under way.
 */
import { GrammyError, InputFile, type Api } from 'grammy';
import type { Logger } from '../../src/logging/logger';
import type { Outgoing } from './render';

/** Where the answer goes: the chat, and the message whose button was pressed, if any. */
export interface DeliveryTarget {
  chatId: number;
  pressedMessageId?: number;
}

/** Sends one rendered message. */
export async function sendOne(api: Api, chatId: number | string, m: Outgoing): Promise<void> {
  if (m.kind === 'document') {
    await api.sendDocument(chatId, new InputFile(Buffer.from(m.content, 'utf8'), m.fileName), {
      ...(m.caption ? { caption: m.caption } : {}),
      ...(m.keyboard ? { reply_markup: m.keyboard } : {}),
    });
    return;
  }
  await api.sendMessage(chatId, m.text, {
    ...(m.html ? { parse_mode: 'HTML' as const } : {}),
    ...(m.keyboard ? { reply_markup: m.keyboard } : {}),
    link_preview_options: { is_disabled: true },
  });
}

// "message is not modified": the message already shows this (a double tap); nothing is wrong.
const notModified = (err: unknown): boolean => err instanceof GrammyError && /not modified/i.test(err.description);

/**
 * Whether a message can replace the pressed one: plain text, alone or with buttons joined below it (a confirmation and
 * the menu). A bare question with buttons ("Hvor mange voksne?") follows the pressed message instead, which stays.
 */
const fitsInPlace = (m: Outgoing | undefined): m is Extract<Outgoing, { kind: 'message' }> =>
  m?.kind === 'message' && !m.html && (!m.keyboard || m.textFirst === true);

/** Replaces the pressed message's text and buttons (the new message's, or none); false when Telegram refused. */
async function editInPlace(api: Api, chatId: number, messageId: number, m: Extract<Outgoing, { kind: 'message' }>, log: Logger): Promise<boolean> {
  try {
    // An empty keyboard (rather than none) is explicit: the old buttons go with the old text.
    await api.editMessageText(chatId, messageId, m.text, { reply_markup: m.keyboard ?? { inline_keyboard: [] }, link_preview_options: { is_disabled: true } });
    return true;
  } catch (err) {
    if (notModified(err)) return true;
    log.debug('telegram edit in place failed; sending instead', { err });
    return false;
  }
}

/** Takes the keyboard off the pressed message. */
async function removeKeyboard(api: Api, chatId: number, messageId: number, log: Logger): Promise<void> {
  try {
    await api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } });
  } catch (err) {
    // Too old to edit, already without keyboard, or deleted: the new messages still go out.
    if (!notModified(err)) log.debug('telegram keyboard removal failed', { err });
  }
}

async function sendAll(api: Api, chatId: number, messages: readonly Outgoing[]): Promise<void> {
  for (const m of messages) await sendOne(api, chatId, m);
}

/** Delivers the messages of one turn, in order. */
export async function deliver(api: Api, target: DeliveryTarget, messages: readonly Outgoing[], log: Logger): Promise<void> {
  const { chatId, pressedMessageId } = target;
  if (pressedMessageId === undefined) return sendAll(api, chatId, messages);
  const [first, ...rest] = messages;
  if (!fitsInPlace(first)) {
    await removeKeyboard(api, chatId, pressedMessageId, log);
    return sendAll(api, chatId, messages);
  }
  // The edit changes a message already on screen, above anything sent now, so the new messages
  // need not wait for it: the resident sees the whole answer one Bot API round trip sooner.
  const [edited] = await Promise.all([editInPlace(api, chatId, pressedMessageId, first, log), sendAll(api, chatId, rest)]);
  if (edited) return;
  // Rare (the pressed message was deleted or cannot be edited): the text comes as a message of its own.
  await removeKeyboard(api, chatId, pressedMessageId, log);
  await sendOne(api, chatId, first);
}
