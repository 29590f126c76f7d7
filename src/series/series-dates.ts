/**
 * The dates of a weekly series: every given weekday from one date to another, leaving out Danish
 * holidays and the week numbers asked for, each at the same Copenhagen wall-clock time whether or
 * not summer time has begun or ended in between.
 */
import { addDays, copenhagenInstant, formatCalendarDate, parseCalendarDate } from '../time/calendar-date';
import { holidayOn, type HolidayCode } from './danish-holidays';

/** At most this many events in one series (a season of weekly events is about 25). */
export const MAX_SERIES_EVENTS = 60;

export interface SeriesPattern {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** First and last possible day, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Copenhagen wall-clock start and end, [hours, minutes]. */
  start: [number, number];
  end: [number, number];
  /** ISO week numbers to leave out ("ikke i uge 7 og 42"). */
  skipWeeks: readonly number[];
}

export interface SeriesOccurrence {
  date: string;
  startsAt: Date;
  endsAt: Date;
}

export type SkipReason = { kind: 'holiday'; holiday: HolidayCode } | { kind: 'week'; week: number };
export interface SkippedDate {
  date: string;
  reason: SkipReason;
}

/** ISO 8601 week number of a calendar date (UTC midnight). */
export function isoWeek(date: Date): number {
  const thursday = addDays(date, 4 - (date.getUTCDay() || 7));
  const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
  return Math.ceil(((thursday.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export const isoWeekday = (date: Date): number => date.getUTCDay() || 7;

/** The series' events and the dates left out, in date order. */
export function seriesDates(p: SeriesPattern): { occurrences: SeriesOccurrence[]; skipped: SkippedDate[] } {
  const occurrences: SeriesOccurrence[] = [];
  const skipped: SkippedDate[] = [];
  const last = parseCalendarDate(p.to);
  let day = parseCalendarDate(p.from);
  day = addDays(day, (p.weekday - isoWeekday(day) + 7) % 7);
  for (; day <= last; day = addDays(day, 7)) {
    const date = formatCalendarDate(day);
    const holiday = holidayOn(date);
    const week = isoWeek(day);
    if (holiday) skipped.push({ date, reason: { kind: 'holiday', holiday } });
    else if (p.skipWeeks.includes(week)) skipped.push({ date, reason: { kind: 'week', week } });
    else occurrences.push({ date, startsAt: copenhagenInstant(day, p.start[0], p.start[1]), endsAt: copenhagenInstant(day, p.end[0], p.end[1]) });
  }
  return { occurrences, skipped };
}
