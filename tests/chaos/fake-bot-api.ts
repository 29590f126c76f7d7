/**
 * A stand-in for the Telegram Bot API on loopback, for the chaos test: answers every method as
 * Telegram would (ok, with a message where one is expected) and records what Nabo sent, per chat,
 * with the inline buttons, so the driver can press them and count duplicates.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message Nabo sent or edited. */
export interface SentMessage {
  method: string;
  chatId: number;
  text: string;
  buttons: string[];
}

export interface FakeBotApi {
  url: string;
  sent: SentMessage[];
  /** The callback data of the newest button in `chatId` matching `pattern`. */
  newestButton(chatId: number, pattern: RegExp): string | undefined;
  close(): Promise<void>;
}

const BOT = {
  id: 4242,
  is_bot: true,
  first_name: 'Nabo',
  username: 'NaboChaosBot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

type Body = Record<string, unknown>;

function buttonsOf(body: Body): string[] {
  const markup = typeof body.reply_markup === 'string' ? (JSON.parse(body.reply_markup) as unknown) : body.reply_markup;
  const rows = (markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  return rows.flat().map((b) => b.callback_data ?? '');
}

/** Starts the fake on a free loopback port. */
export async function startFakeBotApi(): Promise<FakeBotApi> {
  const sent: SentMessage[] = [];
  let nextId = 1;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Body = {};
      if ((req.headers['content-type'] ?? '').includes('json') && raw) body = JSON.parse(raw) as Body;
      // Multipart (a calendar file): only the chat id matters here.
      const multipartChat = /name="chat_id"\r\n\r\n(-?\d+)/.exec(raw)?.[1];
      const chatId = Number(body.chat_id ?? multipartChat ?? 0);
      let result: unknown = true;
      if (method === 'getMe') result = BOT;
      else if (['sendMessage', 'editMessageText', 'sendDocument', 'editMessageReplyMarkup'].includes(method)) {
        sent.push({ method, chatId, text: String(body.text ?? ''), buttons: buttonsOf(body) });
        result = { message_id: nextId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: String(body.text ?? '') };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    newestButton(chatId, pattern) {
      for (let i = sent.length - 1; i >= 0; i--) {
        const m = sent[i];
        if (m?.chatId !== chatId) continue;
        const b = m.buttons.find((x) => pattern.test(x));
        if (b) return b;
      }
      return undefined;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
