/** Dates, times and numbers in the reader's language and the Europe/Copenhagen time zone. */
import type { Language } from '../plan-data/plan-file';
import { copenhagenInstant, parseCalendarDate, TIME_ZONE } from '../time/calendar-date';

// Intl has no data for some of our languages; these are the closest locales it knows. Dari would
// default to the Afghan solar calendar; residents in Denmark live by the Gregorian one.
const INTL_LOCALE: Record<Language, string> = { da: 'da-DK', ar: 'ar', en: 'en-GB', so: 'so', tr: 'tr', uk: 'uk', fa: 'fa-AF-u-ca-gregory', ckb: 'ckb' };

const locales = new Map<Language, string>();

/** The Intl locale Nabo formats a language's dates and numbers with (asked of Intl once per language). */
export function intlLocale(language: Language): string {
  let locale = locales.get(language);
  if (locale === undefined) {
    const wanted = INTL_LOCALE[language];
    locale = Intl.DateTimeFormat.supportedLocalesOf([wanted]).length ? wanted : 'en-GB';
    locales.set(language, locale);
  }
  return locale;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions, key: string, timeZone = TIME_ZONE): Intl.DateTimeFormat {
  const id = `${language}|${key}`;
  let f = cache.get(id);
  if (!f) {
    // The 24-hour clock, as on every Danish timetable, in every language.
    f = new Intl.DateTimeFormat(intlLocale(language), { timeZone, hourCycle: 'h23', ...options });
    cache.set(id, f);
  }
  return f;
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/**
 * Formats with the day before the month, whatever order the locale's data has: Intl writes Somali
 * "Diseembar 2" and "12/2", Dari and Sorani "۱۲/۲" for 2 December, which a resident reads as 12
 * February. The day's and the month's values swap places; the separators stay.
 */
function dayFirst(f: Intl.DateTimeFormat, instant: Date): string {
  // formatToParts is the costliest step of listing events, and the same few start times are listed
  // on turn after turn: each formatter remembers what it wrote for an instant.
  let written = dayFirstWritten.get(f);
  if (!written) dayFirstWritten.set(f, (written = new Map()));
  const at = instant.getTime();
  const known = written.get(at);
  if (known !== undefined) return known;
  if (written.size >= DAY_FIRST_REMEMBERED) written.clear();
  const text = dayFirstUncached(f, instant);
  written.set(at, text);
  return text;
}

/** Per formatter, how many instants' texts are remembered before starting over. */
const DAY_FIRST_REMEMBERED = 2000;
const dayFirstWritten = new WeakMap<Intl.DateTimeFormat, Map<number, string>>();

function dayFirstUncached(f: Intl.DateTimeFormat, instant: Date): string {
  const parts = f.formatToParts(instant);
  const day = parts.findIndex((p) => p.type === 'day');
  const month = parts.findIndex((p) => p.type === 'month');
  if (day < 0 || month < 0 || day < month) return parts.map((p) => p.value).join('');
  const values = parts.map((p) => p.value);
  [values[day], values[month]] = [values[month] as string, values[day] as string];
  return values.join('');
}

/** "torsdag 27. november kl. 17.30" in the reader's language. */
export function formatDateTime(instant: Date, language: Language): string {
  return dayFirst(formatter(language, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }, 'dt'), instant);
}

/** "torsdag 27. november". */
export function formatDay(instant: Date, language: Language): string {
  return dayFirst(formatter(language, { weekday: 'long', day: 'numeric', month: 'long' }, 'd'), instant);
}

/** A YYYY-MM-DD calendar date as its day, "torsdag 27. november". */
export function formatDayOf(date: string, language: Language): string {
  return formatDay(copenhagenInstant(parseCalendarDate(date), 12), language);
}

/** "17.30". */
export function formatTime(instant: Date, language: Language): string {
  return formatter(language, { hour: '2-digit', minute: '2-digit' }, 't').format(instant);
}

/** A calendar date (UTC midnight) as "27. november 2026". */
export function formatCalendarDay(date: Date, language: Language): string {
  return dayFirst(formatter(language, { day: 'numeric', month: 'long', year: 'numeric' }, 'cd', 'UTC'), date);
}

/** A number with the language's digits and separators, at most one decimal. */
export function formatNumber(value: number, language: Language): string {
  let f = numberFormats.get(language);
  if (!f) numberFormats.set(language, (f = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 })));
  return f.format(value);
}

/** "tor. 27.11" — a short day for buttons. */
export function formatShortDay(instant: Date, language: Language): string {
  return dayFirst(formatter(language, { weekday: 'short', day: 'numeric', month: 'numeric' }, 'sd'), instant);
}

/** A span of calendar dates (UTC midnight; the end exclusive) as "1.6.2025–31.5.2026", day first, in the reader's digits. */
export function formatCalendarRange(from: Date, toExclusive: Date, language: Language): string {
  const f = formatter(language, { day: 'numeric', month: 'numeric', year: 'numeric' }, 'cr', 'UTC');
  const last = new Date(toExclusive.getTime() - 86_400_000);
  return `${dayFirst(f, from)}–${dayFirst(f, last)}`;
}

const digitTables = new Map<Language, readonly string[] | null>();

/**
 * A number as the language writes its digits everywhere else (dates, tables): Dari "۲۸", Sorani "٢٨", the rest "28".
 * Only the digits change, no grouping, so counts, years and house numbers read as they are.
 */
export function localDigits(value: number, language: Language): string {
  let table = digitTables.get(language);
  if (table === undefined) {
    const f = new Intl.NumberFormat(intlLocale(language), { useGrouping: false });
    const digits = Array.from({ length: 10 }, (_, d) => f.format(d));
    table = digits.every((d, i) => d === String(i)) ? null : digits;
    digitTables.set(language, table);
  }
  const text = String(value);
  return table === null ? text : text.replace(/[0-9]/g, (d) => (table as readonly string[])[Number(d)] as string);
}
