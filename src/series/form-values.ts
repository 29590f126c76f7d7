/**
 * Form answers as people write them, for the staff forms that plan events: days ("lørdag", "i
 * morgen", "3/12", "3.12.2026", "3. december", "2026-12-03") and clock times ("18", "18.30",
 * "18:30", "kl. 18", "1830", "6.30 pm"). A Teams date or time picker sends the ISO forms; the
 * console and a typed answer send words. Days are read by the free-text reader (every language it
 * knows), then moved forward: a form plans what is coming, so "3/12" written on 20 December is next
 * year's, not a date just gone.
 */
import type { Understanding } from '../nlu/understanding';
import { numericDate } from '../nlu/dates';
import { addDays, formatCalendarDate, parseCalendarDate } from '../time/calendar-date';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// Arabic-Indic and Persian digits, as a phone keyboard in those languages writes them.
const toAsciiDigits = (s: string): string => s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

function validIso(s: string): boolean {
  try {
    parseCalendarDate(s);
    return true;
  } catch {
    return false;
  }
}

/** A day and month (and maybe year) as YYYY-MM-DD: the given year, else the first such date from `today` on. */
function calendarDay(day: number, month: number, year: number | null, today: string): string | null {
  const build = (y: number): string | null => {
    const d = new Date(Date.UTC(y, month - 1, day));
    return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? formatCalendarDate(d) : null;
  };
  if (year !== null) return build(year);
  const thisYear = Number(today.slice(0, 4));
  const same = build(thisYear);
  return same !== null && same >= today ? same : build(thisYear + 1);
}

/**
 * The day a form answer names, YYYY-MM-DD, or null when it names none. `today` is Copenhagen's
 * date; `understand` is the free-text reader in the person's language (for words).
 */
export function readFormDay(raw: string | undefined, today: string, understand: (text: string) => Understanding): string | null {
  const text = toAsciiDigits(raw?.trim() ?? '');
  if (!text) return null;
  if (ISO_DAY.test(text)) return validIso(text) ? text : null;
  const numeric = numericDate(text.replace(/^(?:d\.|den|the)\s*/i, '').replace(/\.$/, ''));
  if (numeric) return calendarDay(numeric.day, numeric.month, numeric.year, today);
  const read = understand(text).details;
  if (!read.date) return null;
  // "3. december" without a year: the reader takes the nearest such date; a plan looks ahead.
  const hasYear = /\b\d{4}\b/.test(text);
  if (read.date < today && !hasYear) {
    const [, month, day] = read.date.split('-').map(Number) as [number, number, number];
    return calendarDay(day, month, null, today);
  }
  return read.date;
}

/** The clock time a form answer names, [hours, minutes], or null. */
export function readFormTime(raw: string | undefined): [number, number] | null {
  let text = toAsciiDigits(raw ?? '')
    .trim()
    .toLowerCase()
    .replace(/^(?:klokken|kl\.?|at|ved)\s*/u, '')
    .replace(/\s+/g, ' ');
  const pm = /\s*(pm|p\.m\.)$/.test(text);
  const am = /\s*(am|a\.m\.)$/.test(text);
  text = text.replace(/\s*(?:pm|p\.m\.|am|a\.m\.)$/, '');
  const m = /^(\d{1,2})(?:[.:,](\d{2}))?$/.exec(text) ?? /^(\d{1,2})(\d{2})$/.exec(text);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  if ((pm || am) && (hours < 1 || hours > 12)) return null;
  if (pm && hours < 12) hours += 12;
  if (am && hours === 12) hours = 0;
  return hours < 24 && minutes < 60 ? [hours, minutes] : null;
}

/** [18, 30] → "18:30", as a time input takes it. */
export const timeValue = (t: readonly [number, number]): string => `${String(t[0]).padStart(2, '0')}:${String(t[1]).padStart(2, '0')}`;

/** Tomorrow, as the default day of a form. */
export const tomorrowOf = (today: string): string => formatCalendarDate(addDays(parseCalendarDate(today), 1));
