/**
 * Sends rendered messages to a chat. After a button press the pressed message loses its keyboard
 * first, so old buttons cannot be pressed twice; when the answer starts with plain text, that text
 * replaces the pressed message (the confirmation appears where the question was) and the rest
 * follows as new messages.
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

/** Takes the keyboard off the pressed message, or replaces it by the first message; true when the first message was used. */
async function settlePressed(api: Api, chatId: number, messageId: number, first: Outgoing | undefined, log: Logger): Promise<boolean> {
  if (first?.kind === 'message' && !first.keyboard && !first.html) {
    try {
      // An empty keyboard (rather than none) is explicit: the old buttons go with the old text.
      await api.editMessageText(chatId, messageId, first.text, { reply_markup: { inline_keyboard: [] }, link_preview_options: { is_disabled: true } });
      return true;
    } catch (err) {
      if (notModified(err)) return true;
      log.debug('telegram edit in place failed; sending instead', { err });
    }
  }
  try {
    await api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } });
  } catch (err) {
    // Too old to edit, already without keyboard, or deleted: the new messages still go out.
    if (!notModified(err)) log.debug('telegram keyboard removal failed', { err });
  }
  return false;
}

/** Delivers the messages of one turn, in order. */
export async function deliver(api: Api, target: DeliveryTarget, messages: readonly Outgoing[], log: Logger): Promise<void> {
  let rest = messages;
  if (target.pressedMessageId !== undefined) {
    const usedFirst = await settlePressed(api, target.chatId, target.pressedMessageId, messages[0], log);
    if (usedFirst) rest = messages.slice(1);
  }
  for (const m of rest) await sendOne(api, target.chatId, m);
}
