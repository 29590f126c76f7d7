/**
 * The Telegram e2e world: Nabo (createNabo on a temp SQLite file with the demo calendar, fixed
 * clock) with its HTTP server and the Telegram channel in webhook mode, pointed at telegram-test-api.
 *
 * How updates reach Nabo: the emulator never sends the secret header, so it is not given the
 * webhook. Our stub answers setWebhook (and records it); user messages stay in the emulator's
 * queue, and `deliver()` fetches them with getUpdates and POSTs each to /api/telegram with the
 * secret header, waiting for the answer. Every step is therefore finished when its call returns —
 * no sleeping. Methods the emulator lacks (sendDocument, setMyCommands, setWebhook) are stubbed by
 * wrapping its request handler, and recorded so tests can assert them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import TelegramServer from 'telegram-test-api';
import type { StoredBotUpdate } from 'telegram-test-api/lib/telegramServer';
import { createNabo, type Nabo } from '../../bots/composition';
import { startHttpServer, type HttpServer } from '../../bots/http/server';
import { loadTelegramConfig, startTelegram, type TelegramChannel } from '../../bots/telegram';
import { loadConfig } from '../../src/config/config';
import { silentLogger, type Logger } from '../../src/logging/logger';
import { FixedClock } from '../../src/time/clock';
import { parseMultipart } from './telegram-multipart';

export const TOKEN = '123456:TEST-token_for-e2e';
export const SECRET = 'e2e-secret_0123456789abcdef';
/** A Wednesday noon in Copenhagen: the demo calendar has dinners on the following days. */
export const E2E_NOW = new Date('2026-11-18T11:00:00Z');

export interface SentDocument {
  chatId: string;
  fileName: string;
  content: string;
  caption?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const json = (res: ServerResponse, body: unknown): void => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

export class TelegramHarness {
  readonly documents: SentDocument[] = [];
  readonly commandMenus: { language_code?: string; commands: { command: string; description: string }[] }[] = [];
  readonly webhooks: { url: string; secret_token?: string }[] = [];
  /** Every Bot API method the emulator was asked for, in order (also the harness's own getUpdates). */
  readonly apiCalls: string[] = [];

  private constructor(
    readonly nabo: Nabo,
    readonly clock: FixedClock,
    readonly emulator: TelegramServer,
    readonly http: HttpServer,
    private readonly dir: string,
  ) {}

  channel!: TelegramChannel;

  /** Starts everything. */
  static async start(opts: { logger?: Logger } = {}): Promise<TelegramHarness> {
    const dir = mkdtempSync(join(tmpdir(), 'nabo-telegram-'));
    const clock = new FixedClock(E2E_NOW);
    const logger = opts.logger ?? silentLogger;
    const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'nabo.db')}`, NABO_DEMO_CALENDAR: '1', PORT: '0' });
    const nabo = await createNabo(config, clock, logger);
    const port = await freePort();
    // A long store timeout: the emulator's clean-up must not drop messages mid-test.
    const emulator = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 3600 });
    const http = await startHttpServer({ port: 0, db: nabo.database.db, logger, provider: nabo.database.provider });
    const h = new TelegramHarness(nabo, clock, emulator, http, dir);
    h.wrapEmulator();
    await emulator.start();
    const telegram = loadTelegramConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${http.port()}/api/telegram`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
    });
    if (!telegram) throw new Error('Telegram configuration missing');
    h.channel = await startTelegram({ nabo, http, config: telegram, logger, clock });
    return h;
  }

  // The emulator's express app is private; wrapping its request handler adds the missing methods.
  private wrapEmulator(): void {
    const holder = this.emulator as unknown as { webServer: RequestListener & { settings?: unknown } };
    const inner = holder.webServer;
    const wrapper: RequestListener = (req, res) => {
      const called = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1];
      if (called) this.apiCalls.push(called);
      const method = /^\/bot[^/]+\/(sendDocument|setMyCommands|setWebhook)$/.exec(req.url ?? '')?.[1];
      if (!method) return inner(req, res);
      void readBody(req).then((body) => this.stub(method, req.headers['content-type'] ?? '', body, res));
    };
    // start() logs the express app's settings; the wrapper carries them along.
    holder.webServer = Object.assign(wrapper, { settings: inner.settings });
  }

  private stub(method: string, contentType: string, body: Buffer, res: ServerResponse): void {
    if (method === 'sendDocument') {
      const parts = parseMultipart(body, contentType);
      const field = (n: string): string | undefined => parts.find((p) => p.name === n && p.fileName === undefined)?.content.toString('utf8');
      const file = parts.find((p) => p.fileName !== undefined);
      const chatId = field('chat_id') ?? '';
      const caption = field('caption');
      const replyMarkup = field('reply_markup');
      this.documents.push({ chatId, fileName: file?.fileName ?? '', content: file?.content.toString('utf8') ?? '', caption });
      // Kept among the chat's bot messages too, so its caption and buttons are on screen like any message's.
      const stored = this.emulator.addBotMessage(
        {
          chat_id: chatId,
          ...(caption !== undefined ? { caption } : {}),
          ...(replyMarkup !== undefined ? { reply_markup: replyMarkup } : {}),
          document: { file_id: 'f', file_unique_id: 'f', file_name: file?.fileName },
        } as unknown as Parameters<TelegramServer['addBotMessage']>[0],
        TOKEN,
      );
      json(res, { ok: true, result: { ...stored, date: Math.floor(Date.now() / 1000) } });
      return;
    }
    const payload = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    if (method === 'setMyCommands') this.commandMenus.push(payload as TelegramHarness['commandMenus'][number]);
    if (method === 'setWebhook') this.webhooks.push(payload as TelegramHarness['webhooks'][number]);
    json(res, { ok: true, result: true });
  }

  /** POSTs one update to Nabo's webhook (with the secret unless told otherwise); returns the status. */
  async post(update: unknown, secret: string | null = SECRET): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${this.http.port()}/api/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }) },
      body: JSON.stringify(update),
    });
    const body = await res.text();
    // As Telegram does: a method in the webhook's answer is carried out (a button press answered).
    const reply = res.status === 200 && body ? (JSON.parse(body) as { method?: string }) : {};
    if (reply.method) {
      this.webhookReplies.push(reply.method);
      const { method, ...params } = reply as { method: string } & Record<string, unknown>;
      await fetch(`${this.emulator.config.apiURL}/bot${TOKEN}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      }).then((r) => r.arrayBuffer());
    }
    return res.status;
  }

  /** Methods Nabo put in webhook answers (for Telegram to carry out), in order. */
  readonly webhookReplies: string[] = [];

  /** Hands every queued user update to Nabo, one after another; returns the updates and statuses. */
  async deliver(): Promise<{ update: { update_id: number }; status: number }[]> {
    const res = await fetch(`${this.emulator.config.apiURL}/bot${TOKEN}/getUpdates`, { method: 'POST' });
    const { result } = (await res.json()) as { result: { update_id: number }[] };
    const out: { update: { update_id: number }; status: number }[] = [];
    for (const update of result) out.push({ update, status: await this.post(update) });
    return out;
  }

  /** Messages the bot sent to a chat, oldest first (edits already applied). */
  botMessages(chatId: number): StoredBotUpdate[] {
    return this.emulator.storage.botMessages.filter((m) => String(m.message.chat_id) === String(chatId));
  }

  /** Polls until `check` holds (for work the bot does by itself, like the outbox). */
  async until<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    await this.channel?.stop();
    await this.http.close();
    await this.emulator.stop();
    await this.nabo.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
