/**
 * A local stand-in for the Bot Connector service (activity.serviceUrl), for tests, the bench and
 * offline demos: it records what Nabo posts (replies, proactive messages) and puts (card updates),
 * answers with an id, and can be told to refuse a conversation (403, as Teams does when the bot
 * was removed or blocked).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** One call Nabo made to the connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST …/activities/:id) or updated (PUT); undefined for a new message. */
  activityId: string | undefined;
  /** The id the connector gave the activity (POST) or the updated one's id (PUT). */
  id: string;
  activity: Partial<Activity>;
}

export interface FakeConnector {
  url: string;
  calls: ConnectorCall[];
  /** Conversations that answer 403 from now on. */
  refuse: Set<string>;
  /** Waits until at least `n` calls were recorded (or fails after `ms`). */
  waitFor(n: number, ms?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const refuse = new Set<string>();
  let next = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://connector.local').pathname;
      const m = ROUTE.exec(path);
      const method = req.method === 'PUT' ? 'PUT' : req.method === 'POST' ? 'POST' : undefined;
      // restify (loaded in the same process) patches ServerResponse; its writeHead does not chain.
      const answer = (status: number, payload?: unknown): void => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(payload === undefined ? undefined : JSON.stringify(payload));
      };
      if (!m || !method) return answer(404);
      const conversationId = decodeURIComponent(m[1] as string);
      const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
      const activity = (await body(req)) as Partial<Activity>;
      if (refuse.has(conversationId)) {
        return answer(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
      }
      const id = method === 'PUT' && activityId ? activityId : `act-${++next}`;
      calls.push({ method, conversationId, activityId, id, activity });
      answer(200, { id });
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    refuse,
    async waitFor(n, ms = 5000) {
      const until = Date.now() + ms;
      while (calls.length < n) {
        if (Date.now() > until) throw new Error(`connector saw ${calls.length} calls, expected ${n}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
