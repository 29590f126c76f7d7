/**
 * Quiet hours: nobody gets a reminder at midnight. Times are Copenhagen wall-clock hours, so the
 * quiet night stays 21–08 across summer time changes.
 */
import { addDays, copenhagenDate, copenhagenInstant, copenhagenOffsetMinutes } from '../time/calendar-date';
import type { QuietHours } from './config';

/** The Copenhagen hour (0–23) at an instant. */
export function copenhagenHour(instant: Date): number {
  return new Date(instant.getTime() + copenhagenOffsetMinutes(instant) * 60_000).getUTCHours();
}

/** When the quiet hours that `now` falls in end; null when `now` is not quiet (or there are none). */
export function quietUntil(now: Date, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const h = copenhagenHour(now);
  const today = copenhagenDate(now);
  if (quiet.start < quiet.end) {
    // A quiet span within one day ("0-6").
    return h >= quiet.start && h < quiet.end ? copenhagenInstant(today, quiet.end) : null;
  }
  // A span across midnight ("21-8"): evening hours end tomorrow, early hours end today.
  if (h >= quiet.start) return copenhagenInstant(addDays(today, 1), quiet.end);
  if (h < quiet.end) return copenhagenInstant(today, quiet.end);
  return null;
}
