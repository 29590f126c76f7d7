/**
 * Delivers the core's proactive messages (handover answers, cancellations, reminders, offers) to
 * Telegram: every few seconds it claims due rows (outbox-claim.ts), skips what no longer applies
 * (src/outbox/relevance.ts), holds non-urgent ones through quiet hours, renders each in the
 * person's language (src/outbox/render.ts), sends it through the TelegramMessenger and records the
 * outcome. Failures back off and end as 'failed' after MAX_ATTEMPTS; a person who blocked the bot
 * is marked and not retried. lastError never holds personal data (no text, no chat id).
 */
import type { Api } from 'grammy';
import type { Logger } from '../../src/logging/logger';
import { DEFAULT_MESSAGING_CONFIG, type QuietHours } from '../../src/outbox/config';
import { DeliveryError } from '../../src/outbox/messenger';
import { quietUntil } from '../../src/outbox/quiet-hours';
import { stillRelevant } from '../../src/outbox/relevance';
import { InvalidPayload, OutboxRenderer, parsePayload } from '../../src/outbox/render';
import { asLanguage } from '../../src/people/people-service';
import type { Clock } from '../../src/time/clock';
import type { Nabo } from '../composition';
import { claimOutbox } from './outbox-claim';
import { TelegramMessenger } from './messenger';
import type { Pacer } from './pacer';

export const MAX_ATTEMPTS = 5;
const CHANNEL = 'telegram';

export interface OutboxSenderDeps {
  nabo: Pick<Nabo, 'database' | 'services' | 'translations'>;
  api: Api;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
  batchSize?: number;
  pacer?: Pacer;
  /** Non-urgent messages wait through these hours (NABO_QUIET_HOURS); null: never. */
  quietHours?: QuietHours | null;
}

/** What became of one row. */
type Outcome = { status: 'sent' } | { status: 'skipped' } | { status: 'quiet'; until: Date } | { status: 'blocked' } | { status: 'error'; reason: string; permanent: boolean };

/** Back-off before the next try: 30 s, 1 min, 2 min, 4 min … at most an hour. */
export const backoffMs = (attempts: number): number => Math.min(30_000 * 2 ** attempts, 3_600_000);

export class OutboxSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  /** The sending half, for a core outbox worker that does the rest itself. */
  readonly messenger: TelegramMessenger;
  private readonly renderer: OutboxRenderer;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.messenger = new TelegramMessenger(deps.api, deps.pacer);
    const { database, translations, services } = deps.nabo;
    this.renderer = new OutboxRenderer({ db: database.db, translations, catalogue: services.catalogue, signUps: services.signUps });
  }

  /** Starts ticking every intervalMs (default 3 s). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs ?? 3000);
    // The HTTP server or the polling loop keeps the process alive; this timer must not.
    this.timer.unref();
  }

  /** Stops ticking and waits for a round in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round: claims and handles what is due. Returns how many rows it handled. Never throws. */
  tick(): Promise<number> {
    // A slow round (many messages to one chat) is not overlapped by the next one.
    if (this.running) return this.running;
    this.running = this.round()
      .catch((err: unknown) => {
        this.deps.logger.error('telegram outbox round failed', { err: err instanceof Error ? err : new Error(String(err)) });
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async round(): Promise<number> {
    const { nabo, clock } = this.deps;
    const db = nabo.database.db;
    const ids = await claimOutbox(db, nabo.database.provider, { channel: CHANNEL, now: clock.now(), limit: this.deps.batchSize ?? 25 });
    if (ids.length === 0) return 0;
    const rows = await db.outboxMessage.findMany({
      where: { id: { in: ids } },
      orderBy: { dueAt: 'asc' },
      include: { person: { select: { language: true, identities: { where: { channel: CHANNEL } } } } },
    });
    for (const row of rows) {
      const log = { outbox: row.id, person: row.personId, kind: row.kind };
      try {
        const identity = row.person.identities[0];
        const outcome = await this.handle(row, identity);
        await this.record(row.id, row.attempts, outcome);
        if (outcome.status === 'blocked' && identity) await nabo.services.people.markBlocked(CHANNEL, identity.externalId);
        if (outcome.status === 'error') this.deps.logger.warn('telegram outbox failed', { ...log, error: outcome.reason, final: outcome.permanent || row.attempts + 1 >= MAX_ATTEMPTS });
        else this.deps.logger.info(`telegram outbox ${outcome.status}`, log);
      } catch (err) {
        // Recording failed (the row was erased meanwhile, the database hiccuped): the lease brings it back.
        this.deps.logger.error('telegram outbox row failed', { ...log, err: err instanceof Error ? err : new Error(String(err)) });
      }
    }
    return rows.length;
  }

  private async handle(
    row: { kind: string; payload: string; urgent: boolean; personId: string; person: { language: string } },
    identity: { externalId: string; address: string | null; blockedAt: Date | null } | undefined,
  ): Promise<Outcome> {
    const now = this.deps.clock.now();
    try {
      const payload = parsePayload(row.payload);
      if (!(await stillRelevant(this.deps.nabo.database.db, row.kind, payload, now))) return { status: 'skipped' };
      const quiet = row.urgent ? null : quietUntil(now, this.deps.quietHours === undefined ? DEFAULT_MESSAGING_CONFIG.quietHours : this.deps.quietHours);
      if (quiet) return { status: 'quiet', until: quiet };
      if (!identity) return { status: 'error', reason: 'no telegram identity', permanent: true };
      if (identity.blockedAt) return { status: 'error', reason: 'person blocked the bot', permanent: true };
      const message = await this.renderer.render(payload, asLanguage(row.person.language));
      const result = await this.messenger.send({ personId: row.personId, channel: CHANNEL, externalId: identity.externalId, address: identity.address }, message);
      return { status: result };
    } catch (err) {
      if (err instanceof InvalidPayload) return { status: 'error', reason: err.message, permanent: true };
      if (err instanceof DeliveryError) return { status: 'error', reason: err.reason, permanent: err.permanent };
      return { status: 'error', reason: err instanceof Error ? err.name : 'unknown error', permanent: false };
    }
  }

  private async record(id: string, attempts: number, outcome: Outcome): Promise<void> {
    const db = this.deps.nabo.database.db;
    const now = this.deps.clock.now();
    switch (outcome.status) {
      case 'sent':
        await db.outboxMessage.update({ where: { id }, data: { status: 'sent', sentAt: now, attempts: attempts + 1, lastError: null } });
        return;
      case 'skipped':
        await db.outboxMessage.update({ where: { id }, data: { status: 'skipped' } });
        return;
      case 'quiet':
        // Not a failed try: back in the queue for the morning.
        await db.outboxMessage.update({ where: { id }, data: { status: 'pending', dueAt: outcome.until } });
        return;
      case 'blocked':
        await db.outboxMessage.update({ where: { id }, data: { status: 'failed', attempts: attempts + 1, lastError: 'person blocked the bot', dueAt: now } });
        return;
      case 'error': {
        const final = outcome.permanent || attempts + 1 >= MAX_ATTEMPTS;
        await db.outboxMessage.update({
          where: { id },
          data: { status: final ? 'failed' : 'pending', attempts: attempts + 1, lastError: outcome.reason, dueAt: final ? now : new Date(now.getTime() + backoffMs(attempts)) },
        });
      }
    }
  }
}
