/**
 * A whole Teams channel on this machine, for end-to-end tests and the bench: Nabo on a fresh SQLite
 * file (with the demo calendar), the shared restify server with the Teams routes, and a fake Bot
 * Connector that records what Nabo sends. `post` sends an activity to /api/messages like Teams.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../../src/config/config';
import { silentLogger, type Logger } from '../../../src/logging/logger';
import type { Clock } from '../../../src/time/clock';
import { createNabo, type Nabo } from '../../composition';
import { startHttpServer, type HttpServer } from '../../http/server';
import type { AdaptiveCard, CardAction, SubmitAction } from '../cards/adaptive-card';
import { actionsOf } from '../cards/adaptive-card';
import { loadTeamsConfig } from '../config';
import { startTeams, type TeamsChannel } from '../index';
import type { RateLimiter } from '../rate-limit';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from './fake-connector';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
export const STAFF = '0a000000-0000-0000-0000-000000000001';
export const COORDINATOR = '0c000000-0000-0000-0000-000000000002';
export const ADMIN = '0ad00000-0000-0000-0000-000000000003';

export interface Harness {
  nabo: Nabo;
  http: HttpServer;
  teams: TeamsChannel;
  connector: FakeConnector;
  url: string;
  post(activity: Partial<Activity>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startHarness(opts: { clock: Clock; env?: Record<string, string>; logger?: Logger; rateLimiter?: RateLimiter }): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'nabo-teams-'));
  const logger = opts.logger ?? silentLogger;
  const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'nabo.db')}`, NABO_DEMO_CALENDAR: 'on', LOG_LEVEL: 'error' });
  const nabo = await createNabo(config, opts.clock, logger);
  const http = await startHttpServer({ port: 0, db: nabo.database.db, logger, provider: nabo.database.provider });
  const connector = await startFakeConnector();
  const teamsConfig = loadTeamsConfig({
    TEAMS_ALLOWED_TENANTS: TENANT,
    NABO_COORDINATORS: COORDINATOR,
    NABO_ADMINS: ADMIN,
    NABO_TAB_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...opts.env,
  });
  const teams = startTeams({ nabo, http, config: teamsConfig, logger, clock: opts.clock, startWorkers: false, rateLimiter: opts.rateLimiter });
  const url = `http://127.0.0.1:${http.port()}`;
  return {
    nabo,
    http,
    teams,
    connector,
    url,
    async post(activity, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async close() {
      await teams.stop();
      await http.close();
      await connector.close();
      await nabo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Adaptive Cards of a recorded call. */
export function cardsOf(call: Pick<ConnectorCall, 'activity'> | Partial<Activity>): AdaptiveCard[] {
  const activity = 'activity' in call && call.activity ? call.activity : (call as Partial<Activity>);
  return (activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as AdaptiveCard);
}

/** All text of a card (TextBlocks and table cells), joined by newlines, isolates removed. */
export function cardText(card: AdaptiveCard): string {
  return (
    JSON.stringify(card.body)
      .match(/"text":"((?:[^"\\]|\\.)*)"/g)
      ?.map((m) => JSON.parse(`{${m}}`) as { text: string })
      .map((o) => o.text.replace(/[\u2068\u2069]/g, ''))
      .join('\n') ?? ''
  );
}

/** The Action.Submit of a card whose action starts with `prefix`. */
export function submitAction(card: AdaptiveCard, prefix: string): SubmitAction | undefined {
  return actionsOf(card.body).find((a: CardAction): a is SubmitAction => a.type === 'Action.Submit' && a.data.action.startsWith(prefix));
}
