/**
 * One Nabo for the fuzzer, wired like bots/main.ts: SQLite file with the demo calendar, the shared
 * HTTP server with the Teams routes (fake Bot Connector) and the Telegram webhook, whose Bot API is
 * a stub on this machine that accepts every call. A recording logger counts error lines.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadTelegramConfig, startTelegram, type TelegramChannel } from '../../bots/telegram';
import { startHarness, type Harness } from '../../bots/teams/testing/harness';
import { createLogger, type Logger } from '../../src/logging/logger';
import { FixedClock } from '../../src/time/clock';

export const TELEGRAM_TOKEN = '123456:FUZZ-token_for-nabo';
export const TELEGRAM_SECRET = 'fuzz-secret_0123456789abcdef';

/** A Bot API that says yes to everything, and counts what Nabo sent. */
async function stubBotApi(): Promise<{ server: Server; url: string; sent: { method: string; bytes: number }[] }> {
  const sent: { method: string; bytes: number }[] = [];
  let messageId = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      sent.push({ method, bytes: body.length });
      const result =
        method === 'getMe'
          ? {
              id: 42,
              is_bot: true,
              first_name: 'Nabo',
              username: 'NaboFuzzBot',
              can_join_groups: false,
              can_read_all_group_messages: false,
              supports_inline_queries: false,
            }
          : /^(send|edit)/.test(method)
            ? { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: 1, type: 'private' }, text: '' }
            : true;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent };
}

export interface World {
  h: Harness;
  telegram: TelegramChannel;
  botApi: { sent: { method: string; bytes: number }[] };
  clock: FixedClock;
  errors: string[];
  warnings: number;
  close(): Promise<void>;
}

export async function startWorld(now: Date): Promise<World> {
  const clock = new FixedClock(now);
  const errors: string[] = [];
  let warnings = 0;
  const logger: Logger = createLogger('warn', (line) => {
    const entry = JSON.parse(line) as { level: string; msg: string; err?: { message?: string } };
    if (entry.level === 'error') errors.push(`${entry.msg}: ${entry.err?.message?.split('\n')[0] ?? ''}`);
    else warnings++;
  });
  const h = await startHarness({ clock, logger });
  const api = await stubBotApi();
  const config = loadTelegramConfig({
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${h.http.port()}/api/telegram`,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_ROOT: api.url,
  });
  if (!config) throw new Error('Telegram configuration missing');
  const telegram = await startTelegram({ nabo: h.nabo, http: h.http, config, logger, clock });
  return {
    h,
    telegram,
    botApi: api,
    clock,
    errors,
    get warnings() {
      return warnings;
    },
    async close() {
      await telegram.stop();
      await h.close();
      await new Promise<void>((resolve) => api.server.close(() => resolve()));
    },
  };
}
