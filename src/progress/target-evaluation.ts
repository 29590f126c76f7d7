/**
 * How a target is judged for a period: the value it should reach, the value expected by now (pro
 * rata for what accumulates, the target itself for averages, shares and levels) and a status.
 */
import type { TargetKind } from '../plan-data/plan-file';

export const STATUSES = ['achieved', 'on_track', 'at_risk', 'behind', 'not_computable'] as const;
export type ProgressStatus = (typeof STATUSES)[number];

/** Kinds whose actual value grows with each registration over the period. */
export const CUMULATIVE_KINDS: readonly TargetKind[] = ['event_count', 'unique_participants'];

/** Below this share of the expected value a target is "behind" rather than "at risk". */
export const AT_RISK_FLOOR = 0.8;

/** The target's numbers as imported. */
export interface TargetNumbers {
  kind: TargetKind;
  perYear: number | null;
  wholePeriod: number | null;
}

/** The value a target asks for in a period covering `yearFraction` plan years of a `years`-year plan. */
export function targetForPeriod(t: TargetNumbers, yearFraction: number, years: number, wholePlan: boolean): number | null {
  if (t.kind === 'qualitative') return null;
  if (!CUMULATIVE_KINDS.includes(t.kind)) return t.perYear ?? t.wholePeriod;
  if (wholePlan) return t.wholePeriod ?? (t.perYear !== null ? t.perYear * years : null);
  const perYear = t.perYear ?? (t.wholePeriod !== null ? t.wholePeriod / years : null);
  return perYear === null ? null : perYear * yearFraction;
}

/** The value expected at a point `elapsed` (0-1) through the period. */
export function expectedValue(kind: TargetKind, target: number | null, elapsed: number): number | null {
  if (target === null) return null;
  if (!CUMULATIVE_KINDS.includes(kind)) return target;
  return target * Math.min(1, Math.max(0, elapsed));
}

/** The status of a target from its actual, target and expected values. */
export function statusOf(kind: TargetKind, actual: number | null, target: number | null, expected: number | null): ProgressStatus {
  if (kind === 'qualitative' || actual === null || target === null || expected === null) return 'not_computable';
  if (actual >= target) return 'achieved';
  if (actual >= expected) return 'on_track';
  if (actual >= expected * AT_RISK_FLOOR) return 'at_risk';
  return 'behind';
}

const SEVERITY: Record<ProgressStatus, number> = { behind: 4, at_risk: 3, on_track: 2, achieved: 1, not_computable: 0 };

/** The roll-up of several statuses: the most serious computable one. */
export function worstStatus(statuses: readonly ProgressStatus[]): ProgressStatus {
  let worst: ProgressStatus = 'not_computable';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}
