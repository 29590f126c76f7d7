/**
 * The Microsoft Teams channel. `loadTeamsConfig(env)` validates its variables; `startTeams(deps)`
 * mounts POST /api/messages (CloudAdapter, standard Bot Framework authentication), the dashboard
 * (GET /tab, /tab/app.js, /api/progress) and the signed calendar feeds (GET /calendar/<activity>.ics)
 * on the shared restify server, and starts the proactive
 * jobs (outbox, new handover requests, attendance reminders).
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logging/logger';
import type { Clock } from '../../src/time/clock';
import type { Nabo } from '../composition';
import type { HttpServer } from '../http/server';
import type { TeamsConfig } from './config';
import { announceHandovers } from './proactive/handover-announcer';
import { adapterSender, type ProactiveSender } from './proactive/proactive-sender';
import { StaffChannel } from './proactive/staff-channel';
import { Workers, type Job } from './proactive/workers';
import { TeamsMessenger } from './proactive/teams-messenger';
import { pruneActivityKeys } from './processed-updates';
import { mountCalendarFeed } from '../http/calendar-feed-routes';
import { tabBundle } from './tab/bundle';
import { dashboardLink } from './tab/signed-link';
import { mediaOpenerUrl } from '../../src/handovers/media-link';
import { createSsoVerifier, type KeyResolver } from './tab/sso';
import { tabTexts } from './tab/server-texts';
import { mountTabRoutes } from './tab/tab-routes';
import { TeamsBot } from './teams-bot';
import { isActivityBody } from './activity-input';
import { RateLimiter, rateLimitedTurn } from './rate-limit';
import { botbuilder } from './sdk';

export { loadTeamsConfig, type TeamsConfig } from './config';

/** How often the background jobs run (milliseconds). */
export interface TeamsIntervals {
  handoversMs: number;
}
export const DEFAULT_INTERVALS: TeamsIntervals = { handoversMs: 5_000 };

export interface TeamsDeps {
  nabo: Nabo;
  http: HttpServer;
  config: TeamsConfig;
  logger: Logger;
  clock: Clock;
  /** Tests: run the jobs by hand (`workers.runAll()`) instead of on timers. */
  startWorkers?: boolean;
  intervals?: Partial<TeamsIntervals>;
  /** Tests: another way to send proactive messages, or SSO keys that need no network. */
  sender?: ProactiveSender;
  ssoKeys?: KeyResolver;
  /** Per-person limit on inbound activities (default 20 per 10 seconds, like Telegram); the tab API gets its own. */
  rateLimiter?: RateLimiter;
}

/** The running channel. */
export interface TeamsChannel {
  /** The Bot Framework adapter, created (and botbuilder loaded) on first use. */
  adapter(): CloudAdapter;
  bot: TeamsBot;
  workers: Workers;
  staffChannel: StaffChannel;
  /** The core Messenger for Teams, registered with the core's outbox worker (nabo.outbox). */
  messenger: TeamsMessenger;
  /** A fresh signed dashboard link for a person (coordinator or admin). */
  dashboardLink(personId: string, language?: string): string;
  stop(): Promise<void>;
}

/** The CloudAdapter with standard Bot Framework authentication (unauthenticated without an app id). */
function createAdapter(config: TeamsConfig, logger: Logger): CloudAdapter {
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = botbuilder();
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context: TurnContext, err: Error) => logger.error('teams adapter error', { err });
  return adapter;
}

export function startTeams(deps: TeamsDeps): TeamsChannel {
  const { nabo, http, config, clock } = deps;
  const logger = deps.logger.child({ channel: 'teams' });
  for (const w of config.warnings) logger.warn(w);
  // Created at the first /api/messages request or proactive send: an idle server does not hold botbuilder.
  let created: CloudAdapter | undefined;
  const adapter = (): CloudAdapter => (created ??= createAdapter(config, logger));
  const dashboardBase = (): string => config.publicUrl ?? `http://localhost:${http.port()}`;
  const staffChannel = new StaffChannel({ nabo, pinned: config.staffChannel, clock, logger });
  const bot = new TeamsBot({ nabo, config, logger, clock, staffChannel, dashboardBase });

  const limiter = deps.rateLimiter ?? new RateLimiter();
  const turn = rateLimitedTurn(limiter, logger, (context) => bot.onTurn(context));
  http.server.post('/api/messages', async (req, res) => {
    // Checked at the edge: botbuilder answers 500 to a malformed activity, and Teams would retry it.
    if (!isActivityBody(req.body)) return void res.json(400, { error: 'not a Bot Framework activity' });
    await adapter().process(req, res, turn);
  });
  const sso = config.ssoAudience ? createSsoVerifier({ audience: config.ssoAudience, allowedTenants: config.allowedTenants, keys: deps.ssoKeys }) : undefined;
  mountTabRoutes(http.server, {
    nabo,
    config,
    clock,
    logger,
    sso,
    privacyText: (language) => nabo.translations.translator(language)('common:privacy.full'),
    tabTexts: (language) => tabTexts(nabo.translations.translator(language)),
  });
  mountCalendarFeed(http.server, { db: nabo.database.db, clock, secret: config.tabSecret, logger });
  void tabBundle().catch((err: unknown) => logger.error('tab bundle failed', { err }));

  const sender = deps.sender ?? adapterSender(adapter, config.appId);
  const announcer = { database: nabo.database, people: nabo.services.people, staffChannel, sender, clock, logger };
  // The one core worker delivers every channel's messages, staff prompts and digests included.
  const messenger = new TeamsMessenger(sender);
  nabo.outbox.register('teams', messenger);
  // A resident's voice message or photo: the card's button mints a fresh 15-minute link each time it is
  // pressed, while the request is open (src/handovers/media-link.ts, served by bots/telegram/media-route.ts).
  const mediaLink = (requestId: string): string => mediaOpenerUrl(dashboardBase(), config.tabSecret, requestId, clock.now());
  const every = { ...DEFAULT_INTERVALS, ...deps.intervals };
  const jobs: Job[] = [
    { name: 'handovers', everyMs: every.handoversMs, run: () => announceHandovers({ ...announcer, handovers: nabo.services.handovers, mediaLink }) },
    { name: 'prune', everyMs: 3_600_000, run: () => pruneActivityKeys(nabo.database, clock.now()) },
  ];
  const workers = new Workers(jobs, logger);
  if (deps.startWorkers !== false) workers.start();
  logger.info('teams channel ready', { authenticated: Boolean(config.appId), tenants: config.allowedTenants.length, sso: Boolean(sso) });

  return {
    adapter,
    bot,
    workers,
    staffChannel,
    messenger,
    dashboardLink: (personId, language = 'da') => dashboardLink({ base: dashboardBase(), secret: config.tabSecret, personId, language, now: clock.now() }),
    stop: async () => {
      await workers.stop();
      await bot.close();
    },
  };
}
