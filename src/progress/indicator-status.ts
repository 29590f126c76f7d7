/**
 * How an area indicator (lokalt opstillet måling) is doing: its latest registered value against
 * its target value when the plan gives one, else against its baseline in the direction that counts
 * as better ("lower" for klagesager, "higher" for employment). Same status words as targets.
 */
import type { ProgressStatus } from './target-evaluation';

/** Worse than the baseline by less than this share is "at risk" rather than "behind". */
export const INDICATOR_RISK_MARGIN = 0.1;

/** The status of an indicator whose latest value is `latest` (null: none registered after the baseline). */
export function indicatorStatus(
  i: { baselineValue: number | null; targetValue: number | null; direction: 'lower' | 'higher' },
  latest: number | null,
): ProgressStatus {
  if (latest === null) return 'not_computable';
  const better = (a: number, b: number): boolean => (i.direction === 'lower' ? a <= b : a >= b);
  if (i.targetValue !== null && better(latest, i.targetValue)) return 'achieved';
  if (i.baselineValue === null) return 'not_computable';
  if (better(latest, i.baselineValue)) return 'on_track';
  const worseBy = Math.abs(latest - i.baselineValue) / Math.max(Math.abs(i.baselineValue), 1e-9);
  return worseBy <= INDICATOR_RISK_MARGIN ? 'at_risk' : 'behind';
}
