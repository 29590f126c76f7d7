/**
 * Volunteer hours said with a delivery: "4 frivillige 12 timer", "12 frivilligtimer", "3,5 t",
 * "10 hours", "١٢ ساعة". The reader (src/nlu) counts people, not hours, so the delivery flow reads
 * the hours from the message itself and keeps the hour word out of the activity's name.
 */

/** Words for hours in the staff languages (da, en, ar, so, tr, uk, fa, ckb). */
const HOUR_WORDS = [
  'frivilligtimer',
  'frivillig-timer',
  'timer',
  'time',
  't',
  'volunteer hours',
  'hours',
  'hour',
  'hrs',
  'h',
  'ساعات',
  'ساعة',
  'ساعه',
  'ساعت',
  'saacadood',
  'saacadaha',
  'saac',
  'saat',
  'годин',
  'години',
  'година',
  'год',
  'کاتژمێر',
  'سەعات',
];

const DIGITS: Record<string, string> = Object.fromEntries(
  [...'٠١٢٣٤٥٦٧٨٩'].map((d, i) => [d, String(i)]).concat([...'۰۱۲۳۴۵۶۷۸۹'].map((d, i) => [d, String(i)])),
);

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "frivilligtimer" wins over "timer" and "hours" over "h".
const WORDS = [...HOUR_WORDS]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
const HOURS = new RegExp(`(?<![\\p{L}\\d])(\\d{1,4}(?:[.,]\\d{1,2})?)\\s*(?:${WORDS})(?![\\p{L}\\d])`, 'iu');
const HOUR_WORD = new RegExp(`(?<![\\p{L}\\d])(?:${WORDS})(?![\\p{L}\\d])`, 'giu');

/** The most hours one delivery may carry per volunteer and occurrence (a day). */
export const MAX_HOURS_PER_VOLUNTEER = 24;

/** Western digits for Arabic-Indic and Persian ones. */
function westernDigits(text: string): string {
  return text.replace(/[٠-٩۰-۹]/g, (d) => DIGITS[d] ?? d);
}

/** The hours a message gives ("12 timer" → 12, "3,5 t" → 3.5); undefined when it gives none. */
export function hoursIn(text: string): number | undefined {
  const m = HOURS.exec(westernDigits(text));
  if (!m) return undefined;
  const hours = Number((m[1] as string).replace(',', '.'));
  return Number.isFinite(hours) ? hours : undefined;
}

/** An answer that is only hours ("12", "3,5", "12 timer"); null when it is not a number of hours. */
export function typedHours(text: string): number | null {
  const plain = westernDigits(text).trim().replace(HOUR_WORD, '').trim();
  if (!/^\d{1,4}(?:[.,]\d{1,2})?$/.test(plain)) return null;
  const n = Number(plain.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The text without the hour words, so "fællesspisning timer" names the activity again. */
export function withoutHourWords(text: string): string {
  return text.replace(HOUR_WORD, ' ').replace(/\s+/g, ' ').trim();
}
