/**
 * Reads a weekly series from one staff message, as staff write it: "fællesspisning hver torsdag
 * kl. 17.30 i ParkCafeen, 40 pladser, fra 7. januar til 24. juni, ikke i uge 7 og 42". Danish and
 * English words (the languages staff write in); the place is found by the caller among the
 * known locations, the activity from the words before "hver".
 */
import { da } from '../nlu/lexicon/da';
import { en } from '../nlu/lexicon/en';
import { addDays, formatCalendarDate, parseCalendarDate } from '../time/calendar-date';

export interface SeriesRequest {
  /** The words naming the activity ("fællesspisning"). */
  activityText: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  start?: [number, number];
  end?: [number, number];
  capacity?: number;
  from?: string;
  to?: string;
  skipWeeks: number[];
}

const words = (lists: readonly (readonly string[])[]): string[][] => lists.map((l, i) => [...l, ...(en.dates.weekdays[i] ?? [])]);
const WEEKDAYS = words(da.dates.weekdays);
const MONTHS = da.dates.months.map((l, i) => [...l, ...(en.dates.months[i] ?? [])]);
const EVERY = /\b(?:hver|hveranden|alle|every)\s+(\p{L}+)/u;
const TIME = /(?:\b(?:kl|klokken|at)\.?\s*)?\b([01]?\d|2[0-3])[.:]([0-5]\d)(?:\s*(?:-|–|til|to)\s*([01]?\d|2[0-3])[.:]([0-5]\d))?/u;
const TIME_HOUR = /\b(?:kl|klokken|at)\.?\s*([01]?\d|2[0-3])\b(?![.:/]\d)(?:\s*(?:-|–|til|to)\s*([01]?\d|2[0-3])\b(?![.:/]\d))?/u;
const CAPACITY = /\b(\d{1,3})\s*(?:pladser|plads|personer|deltagere|places|seats|people)\b/u;
const SKIP = /\b(?:ikke|undtagen|men ikke|except|not)\s+(?:i\s+|in\s+)?(?:uge|ugerne|week|weeks)\s+([\d\s,og and]+)/u;
const DATE = String.raw`(\d{1,2})(?:\.\s*|\s+|/)(\p{L}+|\d{1,2})\.?(?:[\s./]+(\d{4}))?`;
const FROM = new RegExp(String.raw`\b(?:fra|from|starting)\s+(?:d\.\s*|den\s+|the\s+)?${DATE}`, 'u');
const TO = new RegExp(String.raw`\b(?:til og med|til|to|until)\s+(?:d\.\s*|den\s+|the\s+)?${DATE}`, 'u');

/** The ISO weekday a word names ("torsdag", "torsdage", "thursdays"), if any. */
export function weekdayOf(word: string): number | undefined {
  const w = word.replace(/(?<=dag)e$|(?<=day)s$/, '');
  const i = WEEKDAYS.findIndex((spellings) => spellings.some((s) => s === word || s === w || `${s}e` === word));
  return i < 0 ? undefined : i + 1;
}

function monthOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word) >= 1 && Number(word) <= 12 ? Number(word) : undefined;
  const i = MONTHS.findIndex((spellings) => spellings.includes(word));
  return i < 0 ? undefined : i + 1;
}

/** The date a day and month (groups `at`…`at + 2`) mean: with its year, or the first such date on or after `notBefore`. */
function dateOf(m: RegExpExecArray, notBefore: string, at = 1): string | undefined {
  const day = Number(m[at]);
  const month = monthOf(m[at + 1] ?? '');
  if (month === undefined) return undefined;
  const build = (year: number): string | undefined => {
    const d = new Date(Date.UTC(year, month - 1, day));
    return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? formatCalendarDate(d) : undefined;
  };
  if (m[at + 2]) return build(Number(m[at + 2]));
  const year = Number(notBefore.slice(0, 4));
  const same = build(year);
  return same !== undefined && same >= notBefore ? same : build(year + 1);
}

/** The series a message asks for, or null when it names no weekly pattern ("hver torsdag"). */
export function readSeriesRequest(message: string, today: string): SeriesRequest | null {
  const text = message.toLocaleLowerCase('da').replace(/\s+/g, ' ');
  const every = EVERY.exec(text);
  const weekday = every ? weekdayOf(every[1] ?? '') : undefined;
  if (!every || weekday === undefined) return null;
  // "opret arrangementer: fællesspisning hver …": the activity is what comes after the colon.
  const before = text.slice(0, every.index);
  const activityText = before
    .slice(before.lastIndexOf(':') + 1)
    .replace(/[,.;:]+\s*$/, '')
    .trim();
  const request: SeriesRequest = { activityText, weekday, skipWeeks: [] };
  const rest = text.slice(every.index + every[0].length);
  Object.assign(request, timesAndCapacity(rest));
  const skip = SKIP.exec(rest);
  if (skip) request.skipWeeks = [...(skip[1] ?? '').matchAll(/\d{1,2}/g)].map((n) => Number(n[0])).filter((n) => n >= 1 && n <= 53);
  const from = FROM.exec(rest);
  if (from) request.from = dateOf(from, today);
  const to = TO.exec(from ? rest.slice(from.index + from[0].length) : rest);
  if (to) request.to = dateOf(to, request.from ?? today);
  return request;
}

/** The start (and end) time and the number of places written in `rest`, where given ("kl. 17.30-19", "40 pladser"). */
function timesAndCapacity(rest: string): { start?: [number, number]; end?: [number, number]; capacity?: number } {
  const out: { start?: [number, number]; end?: [number, number]; capacity?: number } = {};
  const time = TIME.exec(rest);
  const hour = time ? null : TIME_HOUR.exec(rest);
  if (time) {
    out.start = [Number(time[1]), Number(time[2])];
    if (time[3]) out.end = [Number(time[3]), Number(time[4])];
  } else if (hour) {
    out.start = [Number(hour[1]), 0];
    if (hour[2]) out.end = [Number(hour[2]), 0];
  }
  const capacity = CAPACITY.exec(rest);
  if (capacity) out.capacity = Number(capacity[1]);
  return out;
}

/** A change to a series from a date on, as staff write it: "ændr fællesspisning fra 5. marts: kl. 18, 30 pladser". */
export interface SeriesChangeRequest {
  activityText: string;
  /** The first date changed, YYYY-MM-DD. */
  from: string;
  start?: [number, number];
  end?: [number, number];
  capacity?: number;
  /** The words after the date, where the caller looks for a new place. */
  rest: string;
}

const CHANGE = new RegExp(
  String.raw`^\s*(?:ændr|ændre|flyt|change|move)\s+(?:rækken\s+|the\s+series\s+)?(.+?)\s+(?:fra og med|fra|from)\s+(?:d\.\s*|den\s+|the\s+)?${DATE}`,
  'u',
);

/** The change a message asks for, or null when it is not "change <activity> from <date> …". */
export function readSeriesChange(message: string, today: string): SeriesChangeRequest | null {
  const text = message.toLocaleLowerCase('da').replace(/\s+/g, ' ');
  const m = CHANGE.exec(text);
  // Group 1 is the activity; the date's groups follow it.
  const from = m ? dateOf(m, today, 2) : undefined;
  if (!m || !from) return null;
  const rest = text.slice(m.index + m[0].length);
  const request: SeriesChangeRequest = { activityText: (m[1] ?? '').trim(), from, rest };
  Object.assign(request, timesAndCapacity(rest));
  return request;
}

/**
 * Whether a staff message asks for a weekly series rather than anything else: a recurrence
 * ("hver torsdag", "alle torsdage", "every Thursday") together with a time or a start or end date.
 * A recurrence alone ("er der noget hver torsdag?") stays a question.
 */
export function looksLikeSeries(message: string): boolean {
  const text = message.toLocaleLowerCase('da').replace(/\s+/g, ' ');
  const every = EVERY.exec(text);
  if (!every || weekdayOf(every[1] ?? '') === undefined) return false;
  const rest = text.slice(every.index + every[0].length);
  return TIME.test(rest) || TIME_HOUR.test(rest) || FROM.test(rest) || TO.test(rest);
}

/** The period a message names ("fra 5. januar til 30. juni"), as far as it names one. */
export function readPeriod(message: string, today: string): { from?: string; to?: string } {
  const text = message.toLocaleLowerCase('da').replace(/\s+/g, ' ');
  const from = FROM.exec(text);
  const to = TO.exec(from ? text.slice(from.index + from[0].length) : text);
  const start = from ? dateOf(from, today) : undefined;
  return { from: start, to: to ? dateOf(to, start ?? today) : undefined };
}

/** The end time when none is given: two hours after the start. */
export function defaultEnd(start: [number, number]): [number, number] {
  return [Math.min(start[0] + 2, 23), start[1]];
}

/** The first day a series may start on when none is given: tomorrow. */
export function defaultFrom(today: string): string {
  return formatCalendarDate(addDays(parseCalendarDate(today), 1));
}
