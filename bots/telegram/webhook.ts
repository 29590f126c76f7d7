/**
 * POST /api/telegram on the shared restify server: the secret header is checked in constant time
 * (401 otherwise), the update's envelope is validated (400), and the update is handled before the
 * answer, so a failure answers 500 and Telegram delivers it again. A duplicate answers 200. The
 * answer to a button press rides in the 200's body (a webhook reply), saving one Bot API call.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { Logger } from '../../src/logging/logger';

export const WEBHOOK_PATH = '/api/telegram';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
let secretDigest: { secret: string; digest: Buffer } | undefined;

/** Whether the header carries the secret; hashing first makes the comparison length-independent too. */
export function secretMatches(header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  // The secret's digest is the same for every update: kept, so each update hashes once.
  if (secretDigest?.secret !== secret) secretDigest = { secret, digest: digest(secret) };
  return timingSafeEqual(digest(header), secretDigest.digest);
}

const user = z.object({ id: z.number().int(), is_bot: z.boolean(), first_name: z.string(), language_code: z.string().optional() }).passthrough();
const chat = z.object({ id: z.number().int(), type: z.string() }).passthrough();

/** The parts of an update the adapter reads; the rest passes through untouched. */
const updateSchema = z
  .object({
    update_id: z.number().int().nonnegative(),
    message: z
      .object({ message_id: z.number().int(), chat, from: user.optional(), text: z.string().optional(), caption: z.string().optional() })
      .passthrough()
      .optional(),
    callback_query: z
      .object({ id: z.string(), from: user, data: z.string().optional(), message: z.object({ message_id: z.number().int(), chat }).passthrough().optional() })
      .passthrough()
      .optional(),
    my_chat_member: z
      .object({ chat, from: user, new_chat_member: z.object({ status: z.string() }).passthrough() })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** Anything Telegram sends has an update id; built once (a zod schema costs more to build than to use). */
const envelopeSchema = z.object({ update_id: z.number().int().nonnegative() });

/** Validates a webhook body; null when it is not an update. */
export function parseUpdate(body: unknown): Update | null {
  const r = updateSchema.safeParse(body);
  // The schema checked every field the adapter reads; Telegram's full type adds only optional ones.
  return r.success ? (r.data as unknown as Update) : null;
}

/** Mounts the route. `handle` resolves when the update is done (or ignored as a duplicate). */
/**
 * Where the handler may put one Bot API call to be made by Telegram itself, in the webhook's answer
 * (grammY's webhook reply): the press of a button is answered without a call of our own.
 */
export interface WebhookReply {
  send(body: string): Promise<void>;
}

export function mountWebhook(
  server: restify.Server,
  opts: { secret: string; handle(update: Update, reply: WebhookReply): Promise<void>; logger: Logger; accepting(): boolean },
): void {
  server.post(WEBHOOK_PATH, async (req: restify.Request, res: restify.Response) => {
    if (!secretMatches(req.header(SECRET_HEADER) || undefined, opts.secret)) {
      opts.logger.warn('telegram webhook refused: wrong or missing secret');
      res.send(401, { ok: false, error: 'unauthorized' });
      return;
    }
    if (!opts.accepting()) {
      // Stopping: Telegram retries later, on this instance or another one.
      res.send(503, { ok: false, error: 'stopping' });
      return;
    }
    const envelope = envelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      res.send(400, { ok: false, error: 'not a Telegram update' });
      return;
    }
    const update = parseUpdate(req.body);
    if (!update) {
      // From Telegram (the secret matched) but not in a shape we read: acknowledged and dropped,
      // because an error answer would make Telegram redeliver it again and again.
      opts.logger.warn('telegram update ignored: unexpected shape', { update: envelope.data.update_id });
      res.send(200, { ok: true, ignored: true });
      return;
    }
    try {
      let replyBody: string | undefined;
      // Held until the update is handled: the 200 still means "done", so a crash mid-turn is redelivered.
      await opts.handle(update, { send: async (body) => void (replyBody = body) });
      if (replyBody === undefined) res.send(200, { ok: true });
      else {
        res.setHeader('content-type', 'application/json');
        res.sendRaw(200, replyBody);
      }
    } catch (err) {
      opts.logger.error('telegram webhook update failed', { update: update.update_id, err: err instanceof Error ? err : new Error(String(err)) });
      res.send(500, { ok: false });
    }
  });
}
