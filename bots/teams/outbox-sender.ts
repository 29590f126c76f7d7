/**
 * Delivers the outbox's Teams rows (handover answers, notices, reminders, offers, attendance prompts
 * and digests the core queues for staff) with the core's OutboxWorker: it claims due rows atomically
 * (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING on PostgreSQL, UPDATE …
 * RETURNING on SQLite; src/outbox/claim.ts), skips what no longer applies, holds non-urgent messages
 * through quiet hours, renders them in the person's language and records 'sent'/'failed'. This
 * worker has only the Teams Messenger, so it claims only 'teams' rows; the scheduler (prompts,
 * digests, offer expiry) is not run here — it belongs to whoever runs the core's worker once.
 */
import type { OutboxWorker } from '../../src/outbox/worker';
import { channelOutboxWorker, type ChannelOutboxDeps } from '../channel-outbox';
import type { ProactiveSender } from './proactive/proactive-sender';
import { TeamsMessenger } from './proactive/teams-messenger';

export interface TeamsOutboxDeps extends ChannelOutboxDeps {
  sender: ProactiveSender;
}

/** The worker that sends 'teams' outbox rows, and the Messenger it uses (for a shared core worker). */
export function teamsOutbox(deps: TeamsOutboxDeps): { worker: OutboxWorker; messenger: TeamsMessenger } {
  const messenger = new TeamsMessenger(deps.sender);
  return { worker: channelOutboxWorker(deps, 'teams', messenger), messenger };
}
