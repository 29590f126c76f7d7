/**
 * A period as people name it: "planår 2", "2. planår", "leverancemåling 3", "tertial-5",
 * "2. tertial 2019", "hele planen", "whole", "2019-06-01..2019-09-30". Read from the report's
 * --period option and from chat messages, then resolved against a plan's dates.
 *
 * "N. tertial YYYY" is the N-th 4-month period of the plan year that starts in YYYY (the plan
 * year 2019/20 of a June plan: 1 = Jun-Sep 2019, 2 = Oct 2019-Jan 2020, 3 = Feb-May 2020), since
 * leverancemålinger follow the plan year, not the calendar year.
 */
import { DomainError } from '../errors/domain-error';
import { normalizeText } from '../text/normalize';
import { addMonths, parseCalendarDate } from '../time/calendar-date';
import { customPeriod, periodOf, planYearPeriod, reportingPeriodByIndex, wholePlanPeriod, type Period, type PeriodKind, type PlanDates } from './periods';

/** What was asked for, before it is tied to a plan. */
export type PeriodSpec =
  | { kind: 'current'; of: PeriodKind }
  | { kind: 'plan-year'; year: number }
  | { kind: 'reporting-period'; index: number }
  | { kind: 'tertial-of-year'; part: number; startYear: number }
  | { kind: 'whole-plan' }
  | { kind: 'custom'; from: string; to: string };

const DAY = String.raw`(\d{4}-\d{2}-\d{2})`;
const RANGE = new RegExp(String.raw`${DAY}\s*(?:\.\.|–|—|\s-\s|\s+til\s+|\s+to\s+)\s*${DAY}`);
const TERTIAL_OF_YEAR = /\b([1-3])\s*\.?\s*(?:tertial|leverancemåling|leverancemaling|periode)\s+(?:i\s+|of\s+)?(\d{4})\b/;
const PLAN_YEAR = [/\b(?:planår|planar|plan-year|plan year|plan-år|year)\s*-?\s*([1-9])\b/, /\b([1-9])\s*\.\s*planår\b/];
const REPORTING = [
  /\b(?:tertial|leverancemåling|leverancemaling|reporting-period|reporting period|period)\s*-?\s*(\d{1,2})\b/,
  /\b(\d{1,2})\s*\.\s*(?:tertial|leverancemåling)\b/,
];
const WHOLE = /\b(?:whole|whole-plan|whole plan|hele planen|hele planperioden|hele perioden|planperioden)\b/;

/** Reads a period from text; null when the text names none. Dates must be real (YYYY-MM-DD). */
export function parsePeriodSpec(input: string): PeriodSpec | null {
  const text = input.toLowerCase().replace(/\s+/g, ' ').trim();
  const range = RANGE.exec(text);
  if (range) {
    try {
      parseCalendarDate(range[1] as string);
      parseCalendarDate(range[2] as string);
    } catch {
      return null;
    }
    return { kind: 'custom', from: range[1] as string, to: range[2] as string };
  }
  const ofYear = TERTIAL_OF_YEAR.exec(text);
  if (ofYear) return { kind: 'tertial-of-year', part: Number(ofYear[1]), startYear: Number(ofYear[2]) };
  for (const re of PLAN_YEAR) {
    const m = re.exec(text);
    if (m) return { kind: 'plan-year', year: Number(m[1]) };
  }
  for (const re of REPORTING) {
    const m = re.exec(text);
    if (m) return { kind: 'reporting-period', index: Number(m[1]) };
  }
  if (WHOLE.test(text) || /^(?:hele|all)$/.test(normalizeText(text))) return { kind: 'whole-plan' };
  return null;
}

/**
 * The plan's period for a spec; `today` (a calendar date) places the "current" ones. Throws
 * progress.period_outside when the plan has no such period.
 */
export function resolvePeriod(plan: PlanDates, spec: PeriodSpec, today: Date): Period {
  let p: Period | null;
  switch (spec.kind) {
    case 'current':
      p = periodOf(plan, spec.of, today);
      break;
    case 'plan-year':
      p = planYearPeriod(plan, spec.year);
      break;
    case 'reporting-period':
      p = reportingPeriodByIndex(plan, spec.index);
      break;
    case 'tertial-of-year': {
      // The plan year that starts in that calendar year, then its part.
      let year = 0;
      for (let y = 1; planYearPeriod(plan, y); y++) if (addMonths(plan.startDate, 12 * (y - 1)).getUTCFullYear() === spec.startYear) year = y;
      p = year ? reportingPeriodByIndex(plan, (year - 1) * 3 + spec.part) : null;
      break;
    }
    case 'whole-plan':
      p = wholePlanPeriod(plan);
      break;
    case 'custom':
      p = customPeriod(plan, parseCalendarDate(spec.from), parseCalendarDate(spec.to));
      break;
  }
  if (!p) throw new DomainError('progress.period_outside');
  return p;
}

/** A spec as a short code for buttons (at most ~24 characters): y2, r5, w, c20190601-20190930, cy/cr/cw. */
export function specCode(spec: PeriodSpec): string {
  switch (spec.kind) {
    case 'current':
      return `c${spec.of === 'plan-year' ? 'y' : spec.of === 'reporting-period' ? 'r' : 'w'}`;
    case 'plan-year':
      return `y${spec.year}`;
    case 'reporting-period':
      return `r${spec.index}`;
    case 'tertial-of-year':
      return `t${spec.part}-${spec.startYear}`;
    case 'whole-plan':
      return 'w';
    case 'custom':
      return `d${spec.from.replace(/-/g, '')}-${spec.to.replace(/-/g, '')}`;
  }
}

/** Reads a code written by specCode; null when it is not one. */
export function specFromCode(code: string): PeriodSpec | null {
  const c = /^c([yrw])$/.exec(code);
  if (c) return { kind: 'current', of: c[1] === 'y' ? 'plan-year' : c[1] === 'r' ? 'reporting-period' : 'whole-plan' };
  const y = /^y(\d{1,2})$/.exec(code);
  if (y) return { kind: 'plan-year', year: Number(y[1]) };
  const r = /^r(\d{1,2})$/.exec(code);
  if (r) return { kind: 'reporting-period', index: Number(r[1]) };
  const t = /^t([1-3])-(\d{4})$/.exec(code);
  if (t) return { kind: 'tertial-of-year', part: Number(t[1]), startYear: Number(t[2]) };
  if (code === 'w') return { kind: 'whole-plan' };
  const d = /^d(\d{4})(\d{2})(\d{2})-(\d{4})(\d{2})(\d{2})$/.exec(code);
  if (d) return { kind: 'custom', from: `${d[1]}-${d[2]}-${d[3]}`, to: `${d[4]}-${d[5]}-${d[6]}` };
  return null;
}

/** The spec that names an already resolved period exactly. */
export function specOf(p: Period): PeriodSpec {
  if (p.kind === 'plan-year') return { kind: 'plan-year', year: p.year };
  if (p.kind === 'reporting-period' && p.index !== null) return { kind: 'reporting-period', index: p.index };
  if (p.kind === 'whole-plan') return { kind: 'whole-plan' };
  const last = new Date(p.toExclusive.getTime() - 86_400_000);
  return { kind: 'custom', from: p.from.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
