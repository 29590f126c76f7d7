/**
 * What GET /api/progress answers: the plan's progress for one period next to the period before,
 * trimmed to what the dashboard draws, with the periods the selector offers and the area
 * indicators' measurements. Shared by the server and the browser bundle (imports nothing).
 */
import type { TabStatus } from './texts';

export interface TargetDto {
  text: string;
  unit: string;
  kind: string;
  actual: number | null;
  /** The period's own value (equals actual unless basis is year-to-date). */
  inPeriod: number | null;
  basis: 'period' | 'year-to-date';
  target: number | null;
  expected: number | null;
  status: TabStatus;
  /** The same figure (the period's own value) in the previous period, and the change; null when there is none. */
  previous: number | null;
  change: number | null;
}

export interface ActivityDto {
  name: string;
  status: TabStatus;
  volunteers: { people: number; hours: number };
  targets: TargetDto[];
  subActivities: ActivityDto[];
}

export interface FocusAreaDto {
  name: string;
  status: TabStatus;
  activities: ActivityDto[];
}

/** A period the selector offers: its code for ?period= and its dates (YYYY-MM-DD, inclusive). */
export interface PeriodOptionDto {
  code: string;
  kind: 'plan-year' | 'reporting-period' | 'whole-plan' | 'custom';
  /** Plan year (1-based) and, for a reporting period, its number over the plan (1-12). */
  year: number;
  index: number | null;
  from: string;
  to: string;
}

export interface IndicatorDto {
  focusArea: string;
  name: string;
  unit: string | null;
  baseline: number | null;
  baselineLabel: string | null;
  target: number | null;
  targetText: string;
  status: TabStatus;
  /** Oldest first, YYYY-MM-DD. */
  measurements: { date: string; value: number }[];
}

export interface ProgressDto {
  planKey: string;
  planName: string;
  isDemo: boolean;
  period: PeriodOptionDto & { label: string };
  previous: (PeriodOptionDto & { label: string; counts: Record<TabStatus, number> }) | null;
  /** Plan years, reporting periods and the whole plan, for the selector. */
  periods: PeriodOptionDto[];
  /** Every plan, for the plan selector (newest first; a demo copy says so). */
  plans: { key: string; name: string; isDemo: boolean }[];
  /** Whether this caller may download the report (coordinators and admins). */
  canDownload: boolean;
  /** YYYY-MM-DD. */
  asOf: string;
  elapsed: number;
  status: TabStatus;
  counts: Record<TabStatus, number>;
  focusAreas: FocusAreaDto[];
  indicators: IndicatorDto[];
}
