/**
 * Danish public holidays (helligdage) and the days around Christmas and New Year when nothing is
 * held, by calendar date. Store bededag was a holiday until 2023. Codes are i18n keys
 * (series:holiday.<code>).
 */
import { addDays, formatCalendarDate } from '../time/calendar-date';

export const HOLIDAY_CODES = [
  'new_years_day',
  'maundy_thursday',
  'good_friday',
  'easter_sunday',
  'easter_monday',
  'great_prayer_day',
  'ascension_day',
  'whit_sunday',
  'whit_monday',
  'constitution_day',
  'christmas_eve',
  'christmas_day',
  'boxing_day',
  'new_years_eve',
] as const;
export type HolidayCode = (typeof HOLIDAY_CODES)[number];

/** Easter Sunday of a Gregorian year (UTC midnight), by the anonymous Gregorian algorithm. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The year's holidays by date (YYYY-MM-DD). */
export function danishHolidays(year: number): Map<string, HolidayCode> {
  const easter = easterSunday(year);
  const fromEaster: [number, HolidayCode][] = [
    [-3, 'maundy_thursday'],
    [-2, 'good_friday'],
    [0, 'easter_sunday'],
    [1, 'easter_monday'],
    [39, 'ascension_day'],
    [49, 'whit_sunday'],
    [50, 'whit_monday'],
  ];
  // Store bededag (fourth Friday after Easter) was abolished as a holiday from 2024.
  if (year <= 2023) fromEaster.push([26, 'great_prayer_day']);
  const fixed: [number, number, HolidayCode][] = [
    [1, 1, 'new_years_day'],
    [6, 5, 'constitution_day'],
    [12, 24, 'christmas_eve'],
    [12, 25, 'christmas_day'],
    [12, 26, 'boxing_day'],
    [12, 31, 'new_years_eve'],
  ];
  const out = new Map<string, HolidayCode>();
  for (const [offset, code] of fromEaster) out.set(formatCalendarDate(addDays(easter, offset)), code);
  for (const [month, day, code] of fixed) out.set(formatCalendarDate(new Date(Date.UTC(year, month - 1, day))), code);
  return out;
}

/** The holiday on a date (YYYY-MM-DD), if any. */
export function holidayOn(date: string): HolidayCode | undefined {
  return danishHolidays(Number(date.slice(0, 4))).get(date);
}
