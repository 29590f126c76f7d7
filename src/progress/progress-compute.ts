/**
 * The computation behind ProgressService: every target of a plan judged for one period as of one
 * date, rolled up per activity, focus area and plan. The figures behind each target (events held,
 * attendances, unique/new/returning people, volunteers) are added when asked for (the report).
 * Values a coordinator registered for a target Nabo cannot count (external sources) take the place
 * of the computed actual.
 */
import type { Db } from '../database/database';
import type { TargetKind } from '../plan-data/plan-file';
import { addDays, copenhagenInstant } from '../time/calendar-date';
import { periodOf, planYears, type Period } from './periods';
import { anchorFor, keptWindow, planAnchors, type Anchor } from './progress-totals';

/** A set of activities as one key, whatever its order. */
const familyKey = (set: readonly string[]): string => [...set].sort().join(',');
import { attendeeCounts, deliverySums, distinctAttendees, latestLevels, type AttendeeCounts, type DeliverySums, type Range } from './progress-queries';
import type { ActivityProgress, FocusAreaProgress, PlanProgress, TargetFigures, TargetProgress } from './progress-types';
import { notComputableReason } from './target-reasons';
import { CUMULATIVE_KINDS, expectedValue, parseThresholds, statusOf, targetForPeriod, worstStatus, STATUSES, type ProgressStatus } from './target-evaluation';

/** A plan as read for progress. */
export interface PlanRow {
  id: string;
  key: string;
  name: string;
  isDemo: boolean;
  startDate: Date;
  endDate: Date;
  planYearStartMonth: number;
  /** JSON { onTrack, atRisk }; null: Nabo's defaults. */
  statusThresholds?: string | null;
  focusAreas: { id: string; key: string; name: string }[];
  activities: { id: string; key: string; name: string; parentId: string | null; focusAreaId: string; targets: TargetRow[] }[];
}

type TargetRow = {
  id: string;
  key: string;
  text: string;
  kind: string;
  perYear: number | null;
  wholePeriod: number | null;
  unit: string;
  dataSource: string;
  deliveryKind: string | null;
};

/** A value registered for a target from another source, summed or latest over the period. */
export interface ExternalFigure {
  value: number;
  source: string;
}

export interface ComputeOptions {
  /** Add the figures behind each target (one more query per set of activities). */
  figures?: boolean;
  /** Registered values by target id, for this period. */
  externals?: ReadonlyMap<string, ExternalFigure>;
  /** Count from the deliveries and attendance themselves instead of the totals kept on write (tests compare the two). */
  live?: boolean;
}

/** Kinds that count towards average attendance when a target names no kind. */
const ATTENDANCE_KINDS = new Set(['event', 'course', 'session']);

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/**
 * How a target is judged when Nabo cannot count it itself but a value was registered: a share
 * when it is in per cent, a count when the plan gives numbers per year or for the whole plan.
 */
function effectiveKind(t: TargetRow, external: boolean): TargetKind {
  const kind = t.kind as TargetKind;
  if (kind !== 'qualitative' || !external) return kind;
  if (t.unit.trim() === '%') return 'share_completing';
  return t.perYear !== null || t.wholePeriod !== null ? 'event_count' : 'qualitative';
}

/** One date range with its sums: the period itself, or (for a reporting period) its plan year to date. */
interface Window {
  range: Range;
  elapsed: number;
  yearFraction: number;
  wholePlan: boolean;
  sums: DeliverySums[];
  levels: Map<string, { participants: number; date: Date }>;
  countAttendees(set: string[]): Promise<number>;
  countReturning(set: string[]): Promise<number>;
}

/**
 * The window of `period` as of `on`. With `figureSets` (the report), the attendees and returning
 * people of every one of those sets of activities are read in one grouped statement on first use;
 * otherwise each set asked about is counted on its own.
 */
/** What one progress question may read from the totals kept on write: the plan's standard periods (none when counting live) and its activity families. */
interface Kept {
  anchors: readonly Anchor[];
  /** Each activity with its sub-activities, as a sorted key: the sets whose people are kept. */
  families: ReadonlySet<string>;
}

async function windowOf(db: Db, plan: PlanRow, period: Period, on: Date, levelActivities: string[], kept: Kept, figureSets?: string[][]): Promise<Window> {
  const endEx = addDays(on, 1) < period.toExclusive ? addDays(on, 1) : period.toExclusive;
  const range: Range = { from: period.from, toExclusive: endEx, fromInstant: period.fromInstant, toInstant: copenhagenInstant(endEx) };
  const span = period.toExclusive.getTime() - period.from.getTime();
  // A standard period is read from what is kept on write (progress-totals.ts); a custom range is counted live.
  const anchor = anchorFor(kept.anchors, range);
  // One statement for the sums, the people and the levels of a kept period; a live count otherwise.
  const fromKept = anchor ? await keptWindow(db, plan.id, anchor, range, levelActivities) : null;
  const [sums, levels] = fromKept
    ? [fromKept.sums, fromKept.levels]
    : await Promise.all([deliverySums(db, plan.id, range), latestLevels(db, levelActivities, endEx)]);
  const keyOf = familyKey;
  // Targets over the same activities share one count.
  const cache = new Map<string, Promise<number>>();
  const once = (key: string, run: () => Promise<number>): Promise<number> => {
    let p = cache.get(key);
    if (!p) cache.set(key, (p = run()));
    return p;
  };
  // Kept people: an activity with its sub-activities, read with the sums.
  const keptCount = (set: readonly string[]): Promise<number> | undefined => {
    if (!fromKept || !set[0] || !kept.families.has(keyOf(set))) return undefined;
    return Promise.resolve(fromKept.people.get(set[0]) ?? 0);
  };
  const index = new Map((figureSets ?? []).map((set, i) => [keyOf(set), i]));
  let grouped: Promise<AttendeeCounts[]> | undefined;
  const countsOf = (set: readonly string[]): Promise<AttendeeCounts> | undefined => {
    const i = index.get(keyOf(set));
    if (i === undefined || !figureSets) return undefined;
    grouped ??= attendeeCounts(db, figureSets, range);
    return grouped.then((all) => all[i] ?? { attendees: 0, returning: 0 });
  };
  return {
    range,
    elapsed: Math.min(1, Math.max(0, (endEx.getTime() - period.from.getTime()) / span)),
    yearFraction: period.yearFraction,
    wholePlan: period.kind === 'whole-plan',
    sums,
    levels,
    countAttendees: (set) => keptCount(set) ?? countsOf(set)?.then((c) => c.attendees) ?? once(`a:${keyOf(set)}`, () => distinctAttendees(db, set, range)),
    countReturning: (set) => countsOf(set)?.then((c) => c.returning) ?? attendeeCounts(db, [set], range).then((all) => all[0]?.returning ?? 0),
  };
}

/**
 * The progress of `plan` in `period` as of calendar date `on`. In a 4-month reporting period a
 * count reads against the year: its actual is the plan year to date (the period's own share is
 * `inPeriod`), its target the year's and "expected" what the year should have reached by now, so
 * a coordinator never sees "target 1.7 courses".
 */
export async function computeProgress(db: Db, plan: PlanRow, period: Period, on: Date, options: ComputeOptions = {}): Promise<PlanProgress> {
  const years = planYears(plan);
  const thresholds = parseThresholds(plan.statusThresholds);
  const children = new Map<string, string[]>();
  for (const a of plan.activities) if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  const levelActivities = plan.activities
    .filter((a) => a.targets.some((t) => t.kind === 'level_maintained'))
    .flatMap((a) => [a.id, ...(children.get(a.id) ?? [])]);
  // The report's figures count people for every activity with its sub-activities: one statement for all.
  const figureSets = options.figures ? plan.activities.map((a) => [a.id, ...(children.get(a.id) ?? [])]) : undefined;
  const kept: Kept = {
    anchors: options.live ? [] : planAnchors(plan.id, plan),
    families: new Set(plan.activities.map((a) => familyKey([a.id, ...(children.get(a.id) ?? [])]))),
  };
  const own = await windowOf(db, plan, period, on, levelActivities, kept, figureSets);
  const periodEnd = addDays(period.toExclusive, -1);
  const year =
    period.kind === 'reporting-period' ? await windowOf(db, plan, periodOf(plan, 'plan-year', period.from), on < periodEnd ? on : periodEnd, [], kept) : own;

  const evaluate = async (activityId: string, t: TargetRow): Promise<TargetProgress> => {
    const external = options.externals?.get(t.id);
    // A qualitative target with a number in the plan shows that number; it is judged once a value is registered.
    const shape = effectiveKind(t, true);
    const kind = external ? shape : (t.kind as TargetKind);
    const cumulative = CUMULATIVE_KINDS.includes(shape);
    const set = [activityId, ...(children.get(activityId) ?? [])];
    const rowsOf = (w: Window): DeliverySums[] => w.sums.filter((s) => set.includes(s.activityId) && (t.deliveryKind === null || s.kind === t.deliveryKind));
    const inPeriod = external ? external.value : await actualOf(kind, rowsOf(own), set, own.countAttendees, own.levels, t.deliveryKind !== null);
    const w = cumulative && !external ? year : own;
    const actual = w === own ? inPeriod : await actualOf(kind, rowsOf(w), set, w.countAttendees, w.levels, t.deliveryKind !== null);
    const target = targetForPeriod({ kind: shape, perYear: t.perYear, wholePeriod: t.wholePeriod }, w.yearFraction, years, w.wholePlan);
    const expected = expectedValue(shape, target, w.elapsed);
    const status = statusOf(kind, actual, target, expected, thresholds);
    return {
      id: t.id,
      key: t.key,
      activityId,
      text: t.text,
      kind: t.kind as TargetKind,
      cumulative,
      basis: w === own ? 'period' : 'year-to-date',
      unit: t.unit,
      dataSource: t.dataSource,
      target: round(target),
      actual: round(actual),
      inPeriod: round(inPeriod),
      expected: round(expected),
      status,
      reason: status === 'not_computable' ? notComputableReason({ kind, text: t.text, dataSource: t.dataSource }, target !== null, actual !== null) : null,
      source: external ? 'external' : 'registrations',
      externalSource: external?.source ?? null,
      figures: options.figures ? await figuresOf(rowsOf(own), set, own.countAttendees, own.countReturning) : null,
    };
  };

  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  const activityProgress = async (a: PlanRow['activities'][number]): Promise<ActivityProgress> => {
    const targets = await Promise.all(a.targets.map((t) => evaluate(a.id, t)));
    for (const t of targets) counts[t.status]++;
    const subs = await Promise.all(plan.activities.filter((s) => s.parentId === a.id).map(activityProgress));
    const status = worstStatus([...targets.map((t) => t.status), ...subs.map((s) => s.status)]);
    // From the sums already read: no query of its own.
    const set = [a.id, ...(children.get(a.id) ?? [])];
    const rows = own.sums.filter((s) => set.includes(s.activityId) && s.kind !== 'level');
    const volunteers = {
      people: rows.reduce((n, r) => n + r.volunteers, 0),
      hours: Math.round(rows.reduce((n, r) => n + r.volunteerHours, 0) * 10) / 10,
    };
    return { id: a.id, key: a.key, name: a.name, status, volunteers, targets, subActivities: subs };
  };

  const focusAreas: FocusAreaProgress[] = [];
  for (const fa of plan.focusAreas) {
    const activities = await Promise.all(plan.activities.filter((a) => a.focusAreaId === fa.id && a.parentId === null).map(activityProgress));
    focusAreas.push({ id: fa.id, key: fa.key, name: fa.name, status: worstStatus(activities.map((a) => a.status)), activities });
  }
  return {
    planId: plan.id,
    planKey: plan.key,
    planName: plan.name,
    isDemo: plan.isDemo,
    period,
    // A past period is judged, and dated, at its last day.
    asOf: on < periodEnd ? on : periodEnd,
    elapsed: own.elapsed,
    status: worstStatus(focusAreas.map((f) => f.status)),
    counts,
    focusAreas,
  };
}

async function figuresOf(
  rows: DeliverySums[],
  set: string[],
  countAttendees: (s: string[]) => Promise<number>,
  countReturning: (s: string[]) => Promise<number>,
): Promise<TargetFigures> {
  const held = rows.filter((r) => r.kind !== 'level');
  const [attendees, returning] = await Promise.all([countAttendees(set), countReturning(set)]);
  const unique = attendees + held.reduce((a, r) => a + r.newParticipants, 0);
  return {
    eventsHeld: held.reduce((a, r) => a + r.occurrences, 0),
    attendances: held.reduce((a, r) => a + r.participants, 0),
    unique,
    newPeople: unique - returning,
    returning,
    volunteers: held.reduce((a, r) => a + r.volunteers, 0),
    volunteerHours: Math.round(held.reduce((a, r) => a + r.volunteerHours, 0) * 10) / 10,
  };
}

async function actualOf(
  kind: TargetKind,
  rows: DeliverySums[],
  set: string[],
  countAttendees: (set: string[]) => Promise<number>,
  levels: Map<string, { participants: number; date: Date }>,
  kindChosen: boolean,
): Promise<number | null> {
  const sum = (f: (r: DeliverySums) => number): number => rows.reduce((acc, r) => acc + f(r), 0);
  switch (kind) {
    case 'event_count':
      return sum((r) => (r.kind === 'level' ? 0 : r.occurrences));
    case 'unique_participants':
      return (await countAttendees(set)) + sum((r) => r.newParticipants);
    case 'average_attendance': {
      // Outreach contacts and levels are no gatherings, unless the target names that kind itself.
      const held = kindChosen ? rows : rows.filter((r) => ATTENDANCE_KINDS.has(r.kind));
      const occ = held.reduce((a, r) => a + r.occurrences, 0);
      return occ === 0 ? null : held.reduce((a, r) => a + r.participants, 0) / occ;
    }
    case 'share_completing': {
      const of = sum((r) => r.completedOf);
      return of === 0 ? null : (100 * sum((r) => r.completed)) / of;
    }
    case 'share_satisfied': {
      const of = sum((r) => r.satisfiedOf);
      return of === 0 ? null : (100 * sum((r) => r.satisfied)) / of;
    }
    case 'level_maintained': {
      const latest = set
        .map((id) => levels.get(id))
        .filter((l) => l !== undefined)
        .sort((a, b) => b.date.getTime() - a.date.getTime())[0];
      return latest ? latest.participants : null;
    }
    case 'qualitative':
      return null;
  }
}
