/**
 * Calendar dates and the Europe/Copenhagen time zone. A calendar date (a delivery's date, a plan's
 * first day) is stored as UTC midnight of that date; an instant (an event's start) is a real time.
 */
export const TIME_ZONE = 'Europe/Copenhagen';
const DAY_MS = 86_400_000;

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function zonedParts(instant: Date): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const get = (t: string): number => Number(partsFormatter.formatToParts(instant).find((p) => p.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
}

/** Minutes Copenhagen is ahead of UTC at `instant` (60 or 120). */
export function copenhagenOffsetMinutes(instant: Date): number {
  const p = zonedParts(instant);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar date (UTC midnight) of `instant` in Copenhagen. */
export function copenhagenDate(instant: Date): Date {
  const p = zonedParts(instant);
  return new Date(Date.UTC(p.y, p.m - 1, p.d));
}

/** The instant a Copenhagen wall-clock time happens (date given as UTC midnight, plus hh:mm). */
export function copenhagenInstant(date: Date, hours = 0, minutes = 0): Date {
  const wall = date.getTime() + (hours * 60 + minutes) * 60_000;
  let guess = wall - copenhagenOffsetMinutes(new Date(wall)) * 60_000;
  guess = wall - copenhagenOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

/** `date` plus `days` calendar days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `date` plus `months` calendar months (day clamped to the month's length). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date.getUTCDate(), last)));
}

/** Parses YYYY-MM-DD into a calendar date; throws on anything else. */
export function parseCalendarDate(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(NaN);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw new Error(`not a calendar date: ${text}`);
  }
  return d;
}

/** YYYY-MM-DD of a calendar date. */
export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole days from calendar date `a` to `b`. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}
