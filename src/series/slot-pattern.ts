/**
 * A pattern of counselling slots as staff write it: "tirsdage 13-16, 30 minutter, BRF Kredit
 * første torsdag i måneden" = every Tuesday 13-16 with the staff counsellor and the first Thursday
 * of each month with BRF Kredit (at the same hours, unless the part names its own), cut into
 * 30-minute slots, over a period ("fra 5. januar til 30. juni", else the next eight weeks). Danish
 * holidays are left out; each slot is at its Copenhagen wall-clock time on both sides of summer time.
 */
import { addDays, copenhagenInstant, formatCalendarDate, parseCalendarDate } from '../time/calendar-date';
import { holidayOn } from './danish-holidays';
import { isoWeekday, type SkippedDate } from './series-dates';
import { readPeriod, weekdayOf } from './series-request';

/** Who gives counselling: the secretariat's own staff member and the bank's adviser. */
export const COUNSELLORS = ['Boligsocial medarbejder', 'BRF Kredit'] as const;
/** At most this many slots from one pattern (a half-year of two afternoons a week). */
export const MAX_PATTERN_SLOTS = 400;
/** The period when the message names none. */
export const DEFAULT_PATTERN_WEEKS = 8;

/** One part of a pattern: a weekday every week, or its nth (1-4, or -1 for the last) of the month. */
export interface SlotRule {
  counsellor: string;
  weekday: number;
  nth?: number;
  start: [number, number];
  end: [number, number];
}

export interface SlotPattern {
  rules: SlotRule[];
  minutes: number;
  from?: string;
  to?: string;
}

export interface PatternSlot {
  counsellor: string;
  startsAt: Date;
  endsAt: Date;
}

const NTH: Record<string, number> = {
  første: 1,
  '1.': 1,
  first: 1,
  anden: 2,
  '2.': 2,
  second: 2,
  tredje: 3,
  '3.': 3,
  third: 3,
  fjerde: 4,
  '4.': 4,
  fourth: 4,
  sidste: -1,
  last: -1,
};
const MINUTES = /\b(\d{1,3})\s*(?:minutter|minutes|mins?)\b/u;
const RANGE = /(?:\bkl\.?\s*|\bat\s+)?\b([01]?\d|2[0-3])(?:[.:]([0-5]\d))?\s*(?:-|–|til|to)\s*([01]?\d|2[0-3])(?:[.:]([0-5]\d))?\b/u;
const MONTHLY = /\b(?:i|om|hver)\s+måned(?:en)?\b|\b(?:of|in|each)\s+(?:the\s+)?month\b/u;

/** One comma-separated part: its weekday, ordinal, counsellor and hours, as far as it names them. */
function readPart(part: string): { weekday: number; nth?: number; counsellor?: string; range?: [[number, number], [number, number]] } | null {
  const words = [...part.matchAll(/[\p{L}\d.]+/gu)];
  const at = words.findIndex((w) => weekdayOf(w[0]) !== undefined);
  const word = words[at];
  const weekday = word ? weekdayOf(word[0]) : undefined;
  if (!word || weekday === undefined) return null;
  const nth = at > 0 ? NTH[words[at - 1]?.[0] ?? ''] : undefined;
  const counsellor = COUNSELLORS.find((c) => part.includes(c.toLocaleLowerCase('da')));
  const r = RANGE.exec(part.slice((word.index ?? 0) + word[0].length));
  const range: [[number, number], [number, number]] | undefined = r
    ? [
        [Number(r[1]), Number(r[2] ?? 0)],
        [Number(r[3]), Number(r[4] ?? 0)],
      ]
    : undefined;
  if (nth !== undefined && !MONTHLY.test(part)) return null;
  return { weekday, nth, counsellor, range };
}

/** The pattern a message names, or null when it names no weekday with hours and a slot length. */
export function readSlotPattern(message: string, today: string): SlotPattern | null {
  const text = message.toLocaleLowerCase('da').replace(/\s+/g, ' ');
  const minutes = MINUTES.exec(text);
  if (!minutes) return null;
  const parts = text
    .split(/[,;]/)
    .map(readPart)
    .filter((p) => p !== null);
  const hours = parts.find((p) => p.range)?.range;
  if (!hours || parts.length === 0) return null;
  const rules = parts.map((p) => ({
    counsellor: p.counsellor ?? COUNSELLORS[0],
    weekday: p.weekday,
    ...(p.nth !== undefined ? { nth: p.nth } : {}),
    start: (p.range ?? hours)[0],
    end: (p.range ?? hours)[1],
  }));
  return { rules, minutes: Number(minutes[1]), ...readPeriod(text, today) };
}

/** Whether a day is the rule's nth weekday of its month (or the last one, for -1). */
function nthOfMonth(day: Date, nth: number): boolean {
  if (nth > 0) return Math.ceil(day.getUTCDate() / 7) === nth;
  return addDays(day, 7).getUTCMonth() !== day.getUTCMonth();
}

/** The slots of a pattern from one day to another (inclusive), and the holidays left out. */
export function patternSlots(pattern: SlotPattern, from: string, to: string): { slots: PatternSlot[]; skipped: SkippedDate[] } {
  const slots: PatternSlot[] = [];
  const skipped: SkippedDate[] = [];
  const last = parseCalendarDate(to);
  for (let day = parseCalendarDate(from); day <= last; day = addDays(day, 1)) {
    const rules = pattern.rules.filter((r) => r.weekday === isoWeekday(day) && (r.nth === undefined || nthOfMonth(day, r.nth)));
    if (rules.length === 0) continue;
    const date = formatCalendarDate(day);
    const holiday = holidayOn(date);
    if (holiday) {
      skipped.push({ date, reason: { kind: 'holiday', holiday } });
      continue;
    }
    for (const r of rules) {
      const startMinute = r.start[0] * 60 + r.start[1];
      const endMinute = r.end[0] * 60 + r.end[1];
      for (let m = startMinute; m + pattern.minutes <= endMinute; m += pattern.minutes) {
        const end = m + pattern.minutes;
        slots.push({
          counsellor: r.counsellor,
          startsAt: copenhagenInstant(day, Math.floor(m / 60), m % 60),
          endsAt: copenhagenInstant(day, Math.floor(end / 60), end % 60),
        });
      }
    }
  }
  return { slots, skipped };
}
