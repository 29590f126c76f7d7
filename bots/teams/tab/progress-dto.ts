/**
 * What GET /api/progress answers: the plan's progress for one period, trimmed to what the
 * dashboard draws. Shared by the server and the browser bundle (imports nothing).
 */
import type { TabPeriod, TabStatus } from './texts';

export interface TargetDto {
  text: string;
  unit: string;
  kind: string;
  actual: number | null;
  target: number | null;
  expected: number | null;
  status: TabStatus;
}

export interface ActivityDto {
  name: string;
  status: TabStatus;
  targets: TargetDto[];
  subActivities: ActivityDto[];
}

export interface FocusAreaDto {
  name: string;
  status: TabStatus;
  activities: ActivityDto[];
}

export interface ProgressDto {
  planName: string;
  period: { kind: TabPeriod; label: string; year: number; part: number | null };
  /** YYYY-MM-DD. */
  asOf: string;
  elapsed: number;
  status: TabStatus;
  counts: Record<TabStatus, number>;
  focusAreas: FocusAreaDto[];
}
