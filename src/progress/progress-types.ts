/** The shapes progress is reported in: per target, activity, focus area and plan. */
import type { TargetKind } from '../plan-data/plan-file';
import type { Period } from './periods';
import type { NotComputableReason } from './target-reasons';
import type { ProgressStatus } from './target-evaluation';

/** The registrations behind a target's number in a period. */
export interface TargetFigures {
  /** Events, sessions and courses held (occurrences; levels excluded). */
  eventsHeld: number;
  /** Attendances: participants summed over what was held. */
  attendances: number;
  /** Distinct people: attendance by person plus new participants counted on deliveries without an event. */
  unique: number;
  /** Of those, people not seen at these activities before the period. */
  newPeople: number;
  /** People who attended these activities before the period too. */
  returning: number;
  /** Volunteers summed over what was held. */
  volunteers: number;
  /** Their hours summed over what was held. */
  volunteerHours: number;
}

/** One target's progress. */
export interface TargetProgress {
  id: string;
  key: string;
  /** The activity (or sub-activity) the target belongs to. */
  activityId: string;
  text: string;
  kind: TargetKind;
  /** Whether the value accumulates over the period (counts, unique people), so "expected" is pro rata. */
  cumulative: boolean;
  /**
   * What actual, target and expected cover: the period, or (for a count in a 4-month reporting
   * period) the plan year up to the end of the period or today.
   */
  basis: 'period' | 'year-to-date';
  unit: string;
  dataSource: string;
  target: number | null;
  actual: number | null;
  /** The value counted in the period itself (equals actual unless basis is year-to-date). */
  inPeriod: number | null;
  expected: number | null;
  status: ProgressStatus;
  /** Why there is no status (only when status is not_computable). */
  reason: NotComputableReason | null;
  /** Where the actual value comes from: Nabo's registrations, or a value registered from another source. */
  source: 'registrations' | 'external';
  externalSource: string | null;
  /** Only when asked for (the report). */
  figures: TargetFigures | null;
}

/** An activity's progress, with its sub-activities. */
export interface ActivityProgress {
  id: string;
  key: string;
  name: string;
  status: ProgressStatus;
  /** Volunteers in the period (the activity and its sub-activities): people summed over what was held, and their hours. */
  volunteers: { people: number; hours: number };
  targets: TargetProgress[];
  subActivities: ActivityProgress[];
}

export interface FocusAreaProgress {
  id: string;
  key: string;
  name: string;
  status: ProgressStatus;
  activities: ActivityProgress[];
}

/** The whole picture for a plan, period and date. */
export interface PlanProgress {
  planId: string;
  planKey: string;
  planName: string;
  /** A demo copy (NABO_DEMO_CALENDAR): every heading must say so. */
  isDemo: boolean;
  period: Period;
  asOf: Date;
  /** Share of the period elapsed on the as-of date (0-1). */
  elapsed: number;
  status: ProgressStatus;
  counts: Record<ProgressStatus, number>;
  focusAreas: FocusAreaProgress[];
}

/** Every target of a plan's progress, with the activity it belongs to, in plan order. */
export function allTargets(p: Pick<PlanProgress, 'focusAreas'>): { focusArea: FocusAreaProgress; activity: ActivityProgress; target: TargetProgress }[] {
  const out: { focusArea: FocusAreaProgress; activity: ActivityProgress; target: TargetProgress }[] = [];
  const walk = (focusArea: FocusAreaProgress, a: ActivityProgress): void => {
    for (const target of a.targets) out.push({ focusArea, activity: a, target });
    for (const s of a.subActivities) walk(focusArea, s);
  };
  for (const f of p.focusAreas) for (const a of f.activities) walk(f, a);
  return out;
}
