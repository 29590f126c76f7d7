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
  const parts: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    y: parts['year'] ?? NaN,
    m: parts['month'] ?? NaN,
    d: parts['day'] ?? NaN,
    h: parts['hour'] ?? NaN,
    mi: parts['minute'] ?? NaN,
    s: parts['second'] ?? NaN,
  };
}

/** The offset as the time-zone data gives it, through Intl (slow: a formatToParts per call). */
function zoneOffsetMinutes(instant: Date): number {
  const p = zonedParts(instant);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const HOUR_MS = 3_600_000;
/**
 * Offsets by UTC hour. Copenhagen changes its offset on whole UTC hours (01:00 UTC), so the offset
 * at an hour's first and last millisecond is the offset of the whole hour; an hour where they differ
 * (none since 1894) is never cached. Progress and every turn ask this hundreds of times for a few
 * hours, and Intl costs ~10 µs a call.
 */
const offsetByHour = new Map<number, number>();
const MAX_CACHED_HOURS = 20_000;

/** Minutes Copenhagen is ahead of UTC at `instant` (60 or 120). */
export function copenhagenOffsetMinutes(instant: Date): number {
  const t = instant.getTime();
  const hour = Math.floor(t / HOUR_MS);
  const cached = offsetByHour.get(hour);
  if (cached !== undefined) return cached;
  if (Number.isNaN(t)) return zoneOffsetMinutes(instant);
  const first = zoneOffsetMinutes(new Date(hour * HOUR_MS));
  const last = zoneOffsetMinutes(new Date(hour * HOUR_MS + HOUR_MS - 1));
  if (first !== last) return zoneOffsetMinutes(instant);
  if (offsetByHour.size >= MAX_CACHED_HOURS) offsetByHour.clear();
  offsetByHour.set(hour, first);
  return first;
}

/** The calendar date (UTC midnight) of `instant` in Copenhagen. */
export function copenhagenDate(instant: Date): Date {
  const local = instant.getTime() + copenhagenOffsetMinutes(instant) * 60_000;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS);
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
