/**
 * The outbox worker: every few seconds it runs the scheduler (offer deadlines, attendance prompts,
 * digests), claims the due rows of the channels it has a Messenger for (claim.ts), and for each
 * holds it through quiet hours, checks the person can be reached and the message still makes
 * sense, renders it in the person's language and sends it. Outcomes are recorded on the row:
 * 'sent' (sentAt), 'skipped' (obsolete), back to 'pending' with a growing delay after a transient
 * failure, 'failed' after MAX_ATTEMPTS or a permanent one. lastError and logs hold no personal
 * data: reasons are fixed phrases or a DeliveryError's safe reason, people appear by pseudonymous id.
 */
import type { Db, Provider } from '../database/database';
import type { Logger } from '../logging/logger';
import { asLanguage } from '../people/people-service';
import type { Clock } from '../time/clock';
import { claimDue, type ClaimedRow } from './claim';
import type { QuietHours } from './config';
import { DeliveryError, type Messenger } from './messenger';
import type { OutboxPayload } from './outbox';
import { quietUntil } from './quiet-hours';
import { stillRelevant } from './relevance';
import { InvalidPayload, parsePayload, type OutboxRenderer } from './render';
import { releaseClaims } from './release';

export const MAX_ATTEMPTS = 5;
/**
 * A claim's lease. Short, because a live worker renews it (a heartbeat) while it still holds the
 * rows: rows of a worker that died come back within this time instead of minutes later.
 */
export const LEASE_MS = 30_000;

/** Delay after the `attempts`-th failed try: 30 s, 1 min, 2 min, 4 min … at most an hour. */
export const backoffMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

export interface OutboxWorkerDeps {
  db: Db;
  provider: Provider;
  clock: Clock;
  logger: Logger;
  renderer: OutboxRenderer;
  /** One Messenger per channel; rows of other channels are left for another worker. */
  messengers?: Record<string, Messenger>;
  quietHours: QuietHours | null;
  /** Runs before each round's claim (offer expiry, prompts, digests); its failures never stop delivery. */
  scheduler?: { runOnce(): Promise<unknown> };
  batchSize?: number;
  intervalMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
}

/** What happened to one claimed row. */
type Outcome = 'sent' | 'held' | 'skipped' | 'retry' | 'failed';

export class OutboxWorker {
  private readonly messengers = new Map<string, Messenger>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopping = false;
  /** Rows claimed by this worker and not yet recorded: id → the attempt number of the claim. */
  private readonly inHand = new Map<string, number>();

  constructor(private readonly deps: OutboxWorkerDeps) {
    for (const [channel, m] of Object.entries(deps.messengers ?? {})) this.messengers.set(channel, m);
  }

  /** Adds (or replaces) the Messenger of a channel; adapters register as they start. */
  register(channel: string, messenger: Messenger): void {
    this.messengers.set(channel, messenger);
  }

  /** Starts a round every `intervalMs` (default: the configured one, else 3 s); the timer never keeps the process alive. */
  start(intervalMs: number = this.deps.intervalMs ?? 3000): void {
    if (this.timer) return;
    this.stopping = false;
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  /**
   * Stops the rounds: the message being sent is finished, the rest of the round's claim is given
   * back at once (due now, its attempt not counted), so another instance sends it without waiting
   * for the lease.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.stopping = false;
  }

  /** One round; returns how many rows it handled. Never throws; overlapping calls share the round. */
  runOnce(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.round()
      .catch((err: unknown) => {
        this.deps.logger.error('outbox round failed', { err: err instanceof Error ? err : new Error(String(err)) });
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async round(): Promise<number> {
    const { deps } = this;
    if (deps.scheduler) {
      await deps.scheduler
        .runOnce()
        .catch((err: unknown) => deps.logger.error('outbox scheduler failed', { err: err instanceof Error ? err : new Error(String(err)) }));
    }
    const rows = await claimDue(deps.db, deps.provider, {
      channels: [...this.messengers.keys()],
      now: deps.clock.now(),
      limit: deps.batchSize ?? 25,
      leaseMs: deps.leaseMs ?? LEASE_MS,
    });
    for (const row of rows) this.inHand.set(row.id, row.attempts);
    const leaseMs = deps.leaseMs ?? LEASE_MS;
    const heartbeat = rows.length ? setInterval(() => void this.renew(leaseMs), Math.max(50, Math.floor(leaseMs / 3))) : null;
    heartbeat?.unref();
    try {
      for (const [i, row] of rows.entries()) {
        if (this.stopping) {
          const released = await releaseClaims(deps.db, rows.slice(i), deps.clock.now());
          deps.logger.info('outbox claims released on stop', { rows: released });
          break;
        }
        await this.deliverLogged(row);
        this.inHand.delete(row.id);
      }
    } finally {
      if (heartbeat) clearInterval(heartbeat);
      this.inHand.clear();
    }
    return rows.length;
  }

  /** Extends the lease of the rows this worker still holds (only while they are still its claim). */
  private async renew(leaseMs: number): Promise<void> {
    const held = [...this.inHand.entries()].map(([id, attempts]) => ({ id, attempts }));
    if (held.length === 0) return;
    const dueAt = new Date(this.deps.clock.now().getTime() + leaseMs);
    await this.deps.db.outboxMessage.updateMany({ where: { status: 'sending', OR: held }, data: { dueAt } }).catch((err: unknown) => {
      this.deps.logger.warn('outbox lease renewal failed', { err: err instanceof Error ? err : new Error(String(err)) });
    });
  }

  private async deliverLogged(row: ClaimedRow): Promise<void> {
    const { logger } = this.deps;
    const log = { outbox: row.id, person: row.personId, kind: row.kind, channel: row.channel, attempt: row.attempts };
    try {
      const outcome = await this.deliver(row);
      if (outcome === 'sent') logger.info('outbox sent', log);
      else if (outcome !== 'held') logger.warn(`outbox ${outcome}`, log);
    } catch (err) {
      // Recording failed (database hiccup, row erased meanwhile): the lease brings the row back.
      logger.error('outbox row failed', { ...log, err: err instanceof Error ? err : new Error(String(err)) });
    }
  }

  private async deliver(row: ClaimedRow): Promise<Outcome> {
    const { db, clock } = this.deps;
    const now = clock.now();
    if (!row.urgent) {
      const until = quietUntil(now, this.deps.quietHours);
      // Held, not tried: the claim's attempt is given back.
      if (until) return this.finish(row, 'held', { status: 'pending', dueAt: until, attempts: row.attempts - 1 });
    }
    let payload: OutboxPayload;
    try {
      payload = parsePayload(row.payload);
    } catch (err) {
      return this.fail(row, err instanceof InvalidPayload ? err.message : 'invalid payload');
    }
    const identity = await db.channelIdentity.findFirst({
      where: { personId: row.personId, channel: row.channel },
      include: { person: { select: { language: true } } },
    });
    if (!identity) return this.fail(row, `no ${row.channel} identity`);
    if (identity.blockedAt) return this.fail(row, 'blocked');
    const messenger = this.messengers.get(row.channel);
    if (!messenger) return this.finish(row, 'retry', { status: 'pending', dueAt: now, attempts: row.attempts - 1 });
    try {
      if (!(await stillRelevant(db, row.kind, payload, now))) return this.finish(row, 'skipped', { status: 'skipped', lastError: 'no longer relevant' });
      const message = await this.deps.renderer.render(payload, asLanguage(identity.person.language));
      const result = await messenger.send(
        { personId: row.personId, channel: row.channel, externalId: identity.externalId, address: identity.address },
        message,
      );
      if (result === 'blocked') {
        await db.channelIdentity.update({ where: { id: identity.id }, data: { blockedAt: clock.now() } });
        return this.fail(row, 'blocked');
      }
      return this.finish(row, 'sent', { status: 'sent', sentAt: clock.now(), lastError: null });
    } catch (err) {
      const reason = err instanceof DeliveryError ? err.reason.slice(0, 200) : err instanceof Error ? err.name : 'unknown error';
      if ((err instanceof DeliveryError && err.permanent) || row.attempts >= (this.deps.maxAttempts ?? MAX_ATTEMPTS)) return this.fail(row, reason);
      return this.finish(row, 'retry', { status: 'pending', dueAt: new Date(clock.now().getTime() + backoffMs(row.attempts)), lastError: reason });
    }
  }

  private fail(row: ClaimedRow, reason: string): Promise<Outcome> {
    return this.finish(row, 'failed', { status: 'failed', lastError: reason });
  }

  /**
   * Records an outcome, only if the row is still this worker's claim: had the lease run out and
   * another worker claimed it meanwhile, its record wins.
   */
  private async finish(
    row: ClaimedRow,
    outcome: Outcome,
    data: { status: string; dueAt?: Date; attempts?: number; sentAt?: Date; lastError?: string | null },
  ): Promise<Outcome> {
    await this.deps.db.outboxMessage.updateMany({ where: { id: row.id, status: 'sending', attempts: row.attempts }, data });
    return outcome;
  }
}
