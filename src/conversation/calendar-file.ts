/**
 * Calendar files (.ics, RFC 5545) for confirmations, so a booking lands in the phone's calendar, and
 * the text of whole calendars (the signed feed per activity, src/calendar-feed).
 */
import type { Reply } from './replies';

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
// RFC 5545 text: escape backslash, semicolon, comma and newlines.
const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds content lines at 75 octets as the RFC asks. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut)) > 75) cut--;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}

/** One event of a calendar. */
export interface CalendarEvent {
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string | null;
  description?: string;
  /** Set for an event that no longer takes place, so subscribed calendars remove it. */
  cancelled?: boolean;
}

/** The VEVENT lines of one event (unfolded). */
export function veventLines(input: CalendarEvent, now: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${input.uid}@nabo`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(input.startsAt)}`,
    `DTEND:${stamp(input.endsAt)}`,
    `SUMMARY:${esc(input.title)}`,
    ...(input.location ? [`LOCATION:${esc(input.location)}`] : []),
    ...(input.description ? [`DESCRIPTION:${esc(input.description)}`] : []),
    ...(input.cancelled ? ['STATUS:CANCELLED'] : []),
    'END:VEVENT',
  ];
}

/** A whole calendar (folded, CRLF) with the given events and optional calendar-level lines (its name). */
export function calendarText(events: readonly CalendarEvent[], now: Date, header: readonly string[] = []): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nabo//Boligsocial helhedsplan//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...header,
    ...events.flatMap((e) => veventLines(e, now)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** An .ics file with one event, as a file reply. */
export function calendarFile(input: CalendarEvent & { now: Date }, caption?: string): Reply {
  return { kind: 'file', fileName: 'nabo.ics', mimeType: 'text/calendar', content: calendarText([input], input.now), caption };
}
