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

/**
 * Where a plan draws its lines, as shares of the value expected by now: at least `onTrack` is "på
 * sporet", at least `atRisk` "i risiko", below that "bagud". Reaching the target is always "nået".
 */
export interface StatusThresholds {
  onTrack: number;
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 1, atRisk: AT_RISK_FLOOR };

/** Whether two shares make thresholds: between 0 and 2, and "i risiko" not above "på sporet". */
export function validThresholds(v: { onTrack: number; atRisk: number }): boolean {
  const ok = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 2;
  return ok(v.onTrack) && ok(v.atRisk) && v.atRisk <= v.onTrack;
}

/** A plan's stored thresholds (Plan.statusThresholds, JSON); Nabo's defaults when unset or unreadable. */
export function parseThresholds(stored: string | null | undefined): StatusThresholds {
  if (!stored) return DEFAULT_THRESHOLDS;
  try {
    const v = JSON.parse(stored) as { onTrack?: unknown; atRisk?: unknown };
    const t = { onTrack: Number(v.onTrack ?? DEFAULT_THRESHOLDS.onTrack), atRisk: Number(v.atRisk ?? DEFAULT_THRESHOLDS.atRisk) };
    return validThresholds(t) ? t : DEFAULT_THRESHOLDS;
  } catch {
    return DEFAULT_THRESHOLDS;
  }
}

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

/** The status of a target from its actual, target and expected values, with the plan's thresholds. */
export function statusOf(
  kind: TargetKind,
  actual: number | null,
  target: number | null,
  expected: number | null,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): ProgressStatus {
  if (kind === 'qualitative' || actual === null || target === null || expected === null) return 'not_computable';
  if (actual >= target) return 'achieved';
  if (actual >= expected * thresholds.onTrack) return 'on_track';
  if (actual >= expected * thresholds.atRisk) return 'at_risk';
  return 'behind';
}

const SEVERITY: Record<ProgressStatus, number> = { behind: 4, at_risk: 3, on_track: 2, achieved: 1, not_computable: 0 };

/** The roll-up of several statuses: the most serious computable one. */
export function worstStatus(statuses: readonly ProgressStatus[]): ProgressStatus {
  let worst: ProgressStatus = 'not_computable';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}
