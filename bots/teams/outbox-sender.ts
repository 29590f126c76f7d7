/**
 * Delivers the outbox's Teams rows (handover answers, notices, reminders, offers, attendance prompts
 * and digests the core queues for staff) with the core's OutboxWorker: it claims due rows atomically
 * (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING on PostgreSQL, UPDATE …
 * RETURNING on SQLite; src/outbox/claim.ts), skips what no longer applies, holds non-urgent messages
 * through quiet hours, renders them in the person's language and records 'sent'/'failed'. This
 * worker has only the Teams Messenger, so it claims only 'teams' rows; the scheduler (prompts,
 * digests, offer expiry) is not run here — it belongs to whoever runs the core's worker once.
 */
import type { Logger } from '../../src/logging/logger';
import { DEFAULT_MESSAGING_CONFIG, type QuietHours } from '../../src/outbox/config';
import { OutboxRenderer } from '../../src/outbox/render';
import { OutboxWorker } from '../../src/outbox/worker';
import type { Clock } from '../../src/time/clock';
import type { Nabo } from '../composition';
import type { ProactiveSender } from './proactive/proactive-sender';
import { TeamsMessenger } from './proactive/teams-messenger';

export interface TeamsOutboxDeps {
  nabo: Pick<Nabo, 'database' | 'services' | 'translations'>;
  sender: ProactiveSender;
  clock: Clock;
  logger: Logger;
  /** Non-urgent messages wait through these hours (NABO_QUIET_HOURS); null: never. */
  quietHours?: QuietHours | null;
}

/** The worker that sends 'teams' outbox rows, and the Messenger it uses (for a shared core worker). */
export function teamsOutbox(deps: TeamsOutboxDeps): { worker: OutboxWorker; messenger: TeamsMessenger } {
  const { db, provider } = deps.nabo.database;
  const messenger = new TeamsMessenger(deps.sender);
  const renderer = new OutboxRenderer({ db, translations: deps.nabo.translations, catalogue: deps.nabo.services.catalogue, signUps: deps.nabo.services.signUps });
  const worker = new OutboxWorker({
    db,
    provider,
    clock: deps.clock,
    logger: deps.logger,
    renderer,
    messengers: { teams: messenger },
    quietHours: deps.quietHours === undefined ? DEFAULT_MESSAGING_CONFIG.quietHours : deps.quietHours,
  });
  return { worker, messenger };
}
