/**
 * Counts the turns being handled, so a stopping server can wait for them to finish before it
 * closes the database (graceful shutdown) instead of cutting a sign-up off halfway.
 */
import type { TurnMetrics, TurnOutcome } from '../../src/metrics/metrics';

export class TurnsInFlight implements TurnMetrics {
  private count = 0;
  private waiters: (() => void)[] = [];

  /** Turns started and not yet ended. */
  get size(): number {
    return this.count;
  }

  turnStarted(_channel: string): (outcome: TurnOutcome) => void {
    this.count++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Resolves true when no turn is in flight, or false after `timeoutMs` with turns still running. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(done);
    });
  }
}

/** One TurnMetrics that reports to several. */
export function allTurnMetrics(...targets: TurnMetrics[]): TurnMetrics {
  return {
    turnStarted(channel) {
      const ends = targets.map((t) => t.turnStarted(channel));
      return (outcome) => ends.forEach((end) => end(outcome));
    },
  };
}
