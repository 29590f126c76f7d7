/**
 * What the core reports for operations (turns, sign-ups), as a small interface the composition
 * root implements (bots/metrics/prometheus-metrics.ts). The core never imports a metrics library:
 * services and the engine receive an object of this shape, and tests may pass a fake.
 */

/** How a turn ended: answered, refused with a DomainError the person caused, or failed unexpectedly. */
export type TurnOutcome = 'ok' | 'refused' | 'error';

/** Reports conversation turns. */
export interface TurnMetrics {
  /** Marks a turn as started on `channel`; call the returned function once, when it ends. */
  turnStarted(channel: string): (outcome: TurnOutcome) => void;
}

/** Reports capacity changes from the sign-up service. */
export interface SignUpMetrics {
  /** A sign-up request finished: confirmed, put on the waiting list, or an existing sign-up returned. */
  signUp(outcome: 'confirmed' | 'waiting' | 'existing'): void;
  /** A sign-up was cancelled; `offered` places went to people on the waiting list. */
  cancelled(offered: number): void;
}

/** Everything the core reports. */
export interface Metrics extends TurnMetrics, SignUpMetrics {}

/** Reports nothing: the default wherever no metrics are wired (tools, unit tests). */
export const NO_METRICS: Metrics = {
  turnStarted: () => () => undefined,
  signUp: () => undefined,
  cancelled: () => undefined,
};
