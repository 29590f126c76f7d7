/**
 * The router: a Telegram update becomes one engine turn (validated with parseTurn), and the
 * engine's replies go back to the same chat. Commands and buttons become actions, /start carries
 * its deep-link payload, anything else is text. No business rule lives here.
 */
import { Composer, type Context } from 'grammy';
import { parseTurn, type Turn } from '../../src/conversation/turn';
import type { Logger } from '../../src/logging/logger';
import type { Nabo } from '../composition';
import { pressedMessageFor } from './broadcast-press';
import { COMMANDS, commandInput, type Command } from './commands';
import { deliver } from './deliver';
import { mediaOf, receiveMedia } from './media';
import { renderBatch } from './render';

/** What the router needs. */
export interface HandlerDeps {
  nabo: Pick<Nabo, 'engine' | 'services' | 'translations'>;
  logger: Logger;
}

/** Telegram's own rule for deep-link payloads; anything else is not ours and is dropped. */
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/** Runs one turn for the sender of `ctx` and delivers the answer. */
export async function converse(ctx: Context, deps: HandlerDeps, input: Turn['input'], pressedMessageId?: number): Promise<void> {
  const from = ctx.from;
  if (!from) return;
  // In a private chat the chat id is the user id; a press on an inaccessible message has no chat.
  const chatId = ctx.chat?.id ?? from.id;
  const turn = parseTurn({
    channel: 'telegram',
    externalId: String(from.id),
    firstName: from.first_name.slice(0, 64) || undefined,
    clientLanguage: from.language_code?.slice(0, 35),
    // Stored by the core on every turn, so the outbox sender can reach the person later.
    address: String(chatId),
    input,
  });
  const batch = await deps.nabo.engine.handle(turn);
  await deliver(ctx.api, { chatId, pressedMessageId }, renderBatch(batch), deps.logger);
}

/** Answers a callback query once, never throwing (the spinner must stop whatever happened). */
export async function answerPress(ctx: Context, logger: Logger, text?: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text ? { text } : undefined);
  } catch (err) {
    logger.debug('telegram answerCallbackQuery failed', { update: ctx.update.update_id, err });
  }
}

/** The middleware that turns updates into turns. */
export function router(deps: HandlerDeps): Composer<Context> {
  const r = new Composer<Context>();

  // A button: always answered, also when the engine or Telegram fails (the error handler apologises).
  // The answer goes out first, so the spinner stops while the engine works.
  r.on('callback_query', async (ctx) => {
    const answered = answerPress(ctx, deps.logger);
    try {
      const q = ctx.callbackQuery;
      if (q.data === undefined) return;
      // An inaccessible message (date 0) can no longer be edited.
      const pressed = pressedMessageFor(q.data, q.message && q.message.date !== 0 ? q.message.message_id : undefined);
      // Not one of our actions (empty, forged): the engine answers it as a stale button.
      const action = q.data.slice(0, 64) || 'stale';
      await converse(ctx, deps, { kind: 'action', action }, pressed);
    } finally {
      await answered;
    }
  });

  // Blocking the bot is a private-chat membership change; the core stops sending until they write.
  r.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (ctx.myChatMember.chat.type === 'private' && status === 'kicked') {
      await deps.nabo.services.people.markBlocked('telegram', String(ctx.myChatMember.from.id));
    }
  });

  // Residents talk to Nabo one to one; in a group their bookings would be read by others.
  const dm = r.chatType('private');
  dm.command([...COMMANDS], async (ctx) => {
    const name = ctx.message?.text?.match(/^\/([a-z]+)/)?.[1] as Command | undefined;
    if (!name) return;
    const payload = PAYLOAD.test(ctx.match) ? ctx.match : undefined;
    await converse(ctx, deps, commandInput(name, payload));
  });
  // A voice message, photo or document is a request to staff (media.ts); other media fall through.
  dm.on(['message:voice', 'message:photo', 'message:document'], async (ctx, nextHandler) => {
    const media = mediaOf(ctx.message);
    if (!media) return nextHandler();
    await receiveMedia(ctx, deps, media);
  });
  dm.on('message', async (ctx) => {
    // Stickers and the like have no text: the engine answers an empty message kindly.
    const text = ctx.message.text ?? ctx.message.caption ?? '';
    await converse(ctx, deps, { kind: 'text', text });
  });
  return r;
}
