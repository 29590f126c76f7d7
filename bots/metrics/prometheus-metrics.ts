/**
 * The core's Metrics in Prometheus form (prom-client), served on GET /metrics: turns per channel
 * and outcome, turn latency, sign-ups and cancellations, the outbox backlog (read from the
 * database at scrape time, so every instance reports the shared queue) and the process's own
 * figures (memory, CPU, event-loop lag). Labels hold channel names and outcomes only, never people.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../../src/database/database';
import type { Logger } from '../../src/logging/logger';
import type { Metrics, TurnOutcome } from '../../src/metrics/metrics';
import { outboxBacklog } from '../../src/outbox/backlog';
import type { Clock } from '../../src/time/clock';

/** Seconds; most turns take a few milliseconds, a slow database shows in the upper buckets. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface PrometheusMetricsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Also report Node's process metrics (default true; off in tests that build many registries). */
  processMetrics?: boolean;
}

/** Metrics kept in one prom-client Registry of their own (no global state). */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'channel' | 'outcome'>;
  private readonly turnErrors: Counter<'channel'>;
  private readonly latency: Histogram<'channel'>;
  private readonly inFlight: Gauge<'channel'>;
  private readonly signUps: Counter<'outcome'>;
  private readonly cancellations: Counter;
  private readonly offers: Counter;
  private readonly responses: Counter<'route' | 'status'>;

  constructor(deps: PrometheusMetricsDeps) {
    const registers = [this.registry];
    this.turns = new Counter({
      name: 'nabo_turns_total',
      help: 'Conversation turns handled, by channel and outcome (ok, refused, error).',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    this.turnErrors = new Counter({
      name: 'nabo_turn_errors_total',
      help: 'Turns that failed unexpectedly (answered with an apology), by channel.',
      labelNames: ['channel'],
      registers,
    });
    this.latency = new Histogram({
      name: 'nabo_turn_duration_seconds',
      help: 'Time to answer a turn, by channel.',
      labelNames: ['channel'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.inFlight = new Gauge({ name: 'nabo_turns_in_flight', help: 'Turns being handled right now, by channel.', labelNames: ['channel'], registers });
    this.signUps = new Counter({
      name: 'nabo_sign_ups_total',
      help: 'Sign-up requests, by outcome (confirmed, waiting, existing).',
      labelNames: ['outcome'],
      registers,
    });
    this.cancellations = new Counter({ name: 'nabo_sign_up_cancellations_total', help: 'Sign-ups cancelled.', registers });
    this.offers = new Counter({ name: 'nabo_waiting_list_offers_total', help: 'Freed places offered to people on a waiting list.', registers });
    this.responses = new Counter({
      name: 'nabo_http_responses_total',
      help: 'HTTP answers by route pattern and status code (webhook refusals, errors at the edge).',
      labelNames: ['route', 'status'],
      registers,
    });
    this.backlogGauges(deps);
    if (deps.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'nabo_' });
  }

  turnStarted(channel: string): (outcome: TurnOutcome) => void {
    const stop = this.latency.startTimer({ channel });
    this.inFlight.inc({ channel });
    let ended = false;
    return (outcome) => {
      if (ended) return;
      ended = true;
      stop();
      this.inFlight.dec({ channel });
      this.turns.inc({ channel, outcome });
      if (outcome === 'error') this.turnErrors.inc({ channel });
    };
  }

  signUp(outcome: 'confirmed' | 'waiting' | 'existing'): void {
    this.signUps.inc({ outcome });
  }

  cancelled(offered: number): void {
    this.cancellations.inc();
    if (offered > 0) this.offers.inc(offered);
  }

  /** Counts one HTTP answer; `route` is the route's pattern (never a path with ids in it). */
  countResponse(route: string, status: number): void {
    this.responses.inc({ route, status: String(status) });
  }

  /** The text exposition format and its content type, for GET /metrics. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private backlogGauges(deps: PrometheusMetricsDeps): void {
    // One database read per scrape feeds both gauges; the second collector reuses it.
    let latest: ReturnType<typeof outboxBacklog> | null = null;
    const read = (): ReturnType<typeof outboxBacklog> =>
      (latest ??= outboxBacklog(deps.db, deps.clock.now()).finally(() => setImmediate(() => (latest = null))));
    new Gauge({
      name: 'nabo_outbox_messages',
      help: 'Outbox messages waiting (pending) or being sent (sending), by channel.',
      labelNames: ['channel', 'status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          for (const b of await read()) {
            this.set({ channel: b.channel, status: 'pending' }, b.pending);
            this.set({ channel: b.channel, status: 'sending' }, b.sending);
          }
        } catch (err) {
          deps.logger.warn('metrics: outbox backlog unreadable', { err: err instanceof Error ? err : new Error(String(err)) });
        }
      },
    });
    new Gauge({
      name: 'nabo_outbox_oldest_due_seconds',
      help: 'Seconds the oldest due, unsent outbox message has waited, by channel (0: nothing overdue).',
      labelNames: ['channel'],
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          for (const b of await read()) this.set({ channel: b.channel }, b.oldestDueSeconds);
        } catch {
          // Logged once by the depth gauge.
        }
      },
    });
  }
}
