/**
 * The Teams channel's background jobs: the outbox every few seconds, new handover requests every
 * few seconds, attendance reminders every few minutes. A job never overlaps itself, an error is
 * logged and the next tick tries again, and the timers do not keep the process alive.
 */
import type { Logger } from '../../../src/logging/logger';

/** One periodic job. */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export class Workers {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly jobs: readonly Job[],
    private readonly logger: Logger,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      const timer = setInterval(() => void this.tick(job), job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Runs a job now unless it is already running (also used by tests). */
  tick(job: Job): Promise<unknown> {
    const busy = this.running.get(job.name);
    if (busy) return busy;
    const run = job
      .run()
      .catch((err: unknown) => this.logger.error('teams job failed', { job: job.name, err }))
      .finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
    return run;
  }

  /** Runs every job once, in order (tests, and a clean shutdown's last flush). */
  async runAll(): Promise<void> {
    for (const job of this.jobs) await this.tick(job);
  }

  /** Stops the timers and waits for jobs in progress. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    await Promise.all(this.running.values());
  }
}
