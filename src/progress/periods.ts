/**
 * Reporting periods of a plan: the plan year (starting in the plan's start month, June in the
 * milepælsplan template), the 4-month leverancemåling period inside it, and the whole plan.
 */
import { addMonths, copenhagenInstant, formatCalendarDate } from '../time/calendar-date';

export const PERIOD_KINDS = ['plan-year', 'reporting-period', 'whole-plan'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The dates a plan runs: first day and last day (calendar dates). */
export interface PlanDates {
  startDate: Date;
  endDate: Date;
  planYearStartMonth: number;
}

/** A period: calendar dates [from, toExclusive) and the same bounds as Copenhagen instants. */
export interface Period {
  kind: PeriodKind;
  /** 1-based plan year; the reporting period's number (1-3) within it. */
  year: number;
  part: number | null;
  from: Date;
  toExclusive: Date;
  fromInstant: Date;
  toInstant: Date;
  /** Share of a plan year this period is (1 for a year, 1/3 for a reporting period, years for the whole plan). */
  yearFraction: number;
  label: string;
}

function makePeriod(kind: PeriodKind, year: number, part: number | null, from: Date, toExclusive: Date, yearFraction: number): Period {
  const last = new Date(toExclusive.getTime() - 86_400_000);
  return {
    kind,
    year,
    part,
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
