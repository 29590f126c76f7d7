/**
 * Reporting periods of a plan: the plan year (starting in the plan's start month, June in the
 * milepælsplan template), the 4-month leverancemåling period inside it (numbered 1-3 in its year
 * and 1-12 over a four-year plan), the whole plan, and a custom date range; and the period before
 * each, for comparisons.
 */
import { addDays, addMonths, copenhagenInstant, daysBetween, formatCalendarDate } from '../time/calendar-date';

export const PERIOD_KINDS = ['plan-year', 'reporting-period', 'whole-plan'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** A period kind, or a date range someone chose. */
export type AnyPeriodKind = PeriodKind | 'custom';

/** The dates a plan runs: first day and last day (calendar dates). */
export interface PlanDates {
  startDate: Date;
  endDate: Date;
  planYearStartMonth: number;
}

/** A period: calendar dates [from, toExclusive) and the same bounds as Copenhagen instants. */
export interface Period {
  kind: AnyPeriodKind;
  /** 1-based plan year (0 for the whole plan and a custom range); the reporting period's number (1-3) within it. */
  year: number;
  part: number | null;
  /** The reporting period's number over the whole plan (1-12 in a four-year plan), else null. */
  index: number | null;
  from: Date;
  toExclusive: Date;
  fromInstant: Date;
  toInstant: Date;
  /** Share of a plan year this period is (1 for a year, 1/3 for a reporting period, years for the whole plan). */
  yearFraction: number;
  label: string;
}

function makePeriod(kind: AnyPeriodKind, year: number, part: number | null, from: Date, toExclusive: Date, yearFraction: number): Period {
  const last = new Date(toExclusive.getTime() - 86_400_000);
  return {
    kind,
    year,
    part,
    index: kind === 'reporting-period' && part !== null ? (year - 1) * 3 + part : null,
    from,
    toExclusive,
    fromInstant: copenhagenInstant(from),
    toInstant: copenhagenInstant(toExclusive),
    yearFraction,
    label: `${formatCalendarDate(from)}–${formatCalendarDate(last)}`,
  };
}

/** Number of plan years (rounded up to whole years). */
export function planYears(plan: PlanDates): number {
  let n = 0;
  const end = new Date(plan.endDate.getTime() + 86_400_000);
  while (addMonths(plan.startDate, 12 * n) < end) n++;
  return Math.max(n, 1);
}

/** The period of the given kind that contains calendar date `on` (clamped to the plan). */
export function periodOf(plan: PlanDates, kind: PeriodKind, on: Date): Period {
  const endExclusive = new Date(plan.endDate.getTime() + 86_400_000);
  const years = planYears(plan);
  if (kind === 'whole-plan') return makePeriod(kind, 0, null, plan.startDate, endExclusive, years);
  const date = on < plan.startDate ? plan.startDate : on >= endExclusive ? plan.endDate : on;
  let year = 1;
  while (year < years && addMonths(plan.startDate, 12 * year) <= date) year++;
  const yearStart = addMonths(plan.startDate, 12 * (year - 1));
  const yearEnd = addMonths(plan.startDate, 12 * year);
  if (kind === 'plan-year') return makePeriod(kind, year, null, yearStart, yearEnd < endExclusive ? yearEnd : endExclusive, 1);
  let part = 1;
  while (part < 3 && addMonths(yearStart, 4 * part) <= date) part++;
  const from = addMonths(yearStart, 4 * (part - 1));
  const to = addMonths(yearStart, 4 * part);
  return makePeriod(kind, year, part, from, to < endExclusive ? to : endExclusive, 1 / 3);
}

/** Plan year `year` (1-based); null when the plan has no such year. */
export function planYearPeriod(plan: PlanDates, year: number): Period | null {
  if (!Number.isInteger(year) || year < 1 || year > planYears(plan)) return null;
  return periodOf(plan, 'plan-year', addMonths(plan.startDate, 12 * (year - 1)));
}

/** Reporting period `index` counted over the plan (1 = the first four months); null when there is none. */
export function reportingPeriodByIndex(plan: PlanDates, index: number): Period | null {
  if (!Number.isInteger(index) || index < 1 || index > planYears(plan) * 3) return null;
  const year = Math.ceil(index / 3);
  const from = addMonths(plan.startDate, 12 * (year - 1) + 4 * ((index - 1) % 3));
  if (from > plan.endDate) return null;
  return periodOf(plan, 'reporting-period', from);
}

/** The whole plan. */
export function wholePlanPeriod(plan: PlanDates): Period {
  return periodOf(plan, 'whole-plan', plan.startDate);
}

/**
 * A custom range of calendar dates, `from` to `to` inclusive, clipped to the plan; null when it is
 * empty or lies outside the plan. Its share of a plan year is its days over 365.
 */
export function customPeriod(plan: PlanDates, from: Date, to: Date): Period | null {
  const start = from < plan.startDate ? plan.startDate : from;
  const last = to > plan.endDate ? plan.endDate : to;
  if (last < start) return null;
  const toExclusive = addDays(last, 1);
  return makePeriod('custom', 0, null, start, toExclusive, daysBetween(start, toExclusive) / 365);
}

/**
 * The period just before `p`, of the same kind: the previous plan year or reporting period, or the
 * equally long range before a custom one; null for the first one and for the whole plan.
 */
export function previousPeriod(plan: PlanDates, p: Period): Period | null {
  switch (p.kind) {
    case 'whole-plan':
      return null;
    case 'plan-year':
      return planYearPeriod(plan, p.year - 1);
    case 'reporting-period':
      return p.index === null ? null : reportingPeriodByIndex(plan, p.index - 1);
    case 'custom': {
      const days = daysBetween(p.from, p.toExclusive);
      return p.from <= plan.startDate ? null : customPeriod(plan, addDays(p.from, -days), addDays(p.from, -1));
    }
  }
}
