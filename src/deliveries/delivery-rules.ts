/** Validation of delivery counts and dates, shared by logging, correcting and attendance. */
import { DomainError } from '../errors/domain-error';
import { copenhagenDate, formatCalendarDate } from '../time/calendar-date';
import { MAX_HOURS_PER_VOLUNTEER } from './volunteer-hours';

/** More than this many people at one occurrence is taken as a typing mistake. */
export const MAX_PARTICIPANTS_PER_OCCURRENCE = 500;
export const MAX_VOLUNTEERS_PER_OCCURRENCE = 100;
export const MAX_OCCURRENCES = 366;

/** The counts of a delivery. */
export interface DeliveryCounts {
  occurrences: number;
  participants: number;
  newParticipants?: number | null;
  volunteers?: number | null;
  /** All volunteers' hours together; may be a fraction ("3,5 timer"). */
  volunteerHours?: number | null;
  completed?: number | null;
  satisfied?: number | null;
  respondents?: number | null;
}

/** Throws delivery.count_invalid / count_absurd when counts are not whole, negative or implausible. */
export function checkCounts(c: DeliveryCounts): void {
  const fields: [string, number | null | undefined][] = [
    ['occurrences', c.occurrences],
    ['participants', c.participants],
    ['newParticipants', c.newParticipants],
    ['volunteers', c.volunteers],
    ['completed', c.completed],
    ['satisfied', c.satisfied],
    ['respondents', c.respondents],
  ];
  for (const [field, v] of fields) {
    if (v === null || v === undefined) continue;
    if (!Number.isInteger(v) || v < 0) throw new DomainError('delivery.count_invalid', { field });
  }
  if (c.occurrences < 1 || c.occurrences > MAX_OCCURRENCES) throw new DomainError('delivery.count_absurd', { field: 'occurrences', max: MAX_OCCURRENCES });
  if (c.participants > MAX_PARTICIPANTS_PER_OCCURRENCE * c.occurrences) {
    throw new DomainError('delivery.count_absurd', { field: 'participants', max: MAX_PARTICIPANTS_PER_OCCURRENCE * c.occurrences });
  }
  if ((c.volunteers ?? 0) > MAX_VOLUNTEERS_PER_OCCURRENCE * c.occurrences) {
    throw new DomainError('delivery.count_absurd', { field: 'volunteers', max: MAX_VOLUNTEERS_PER_OCCURRENCE * c.occurrences });
  }
  if (c.volunteerHours !== null && c.volunteerHours !== undefined) {
    // Hours need not be whole, but at most a day per volunteer (one volunteer when none are counted).
    const max = MAX_HOURS_PER_VOLUNTEER * Math.max(1, c.volunteers ?? 1) * c.occurrences;
    if (!Number.isFinite(c.volunteerHours) || c.volunteerHours < 0) throw new DomainError('delivery.count_absurd', { field: 'volunteerHours', max });
    if (c.volunteerHours > max) throw new DomainError('delivery.count_absurd', { field: 'volunteerHours', max });
  }
  for (const field of ['newParticipants', 'completed', 'respondents'] as const) {
    if ((c[field] ?? 0) > c.participants) throw new DomainError('delivery.count_absurd', { field, max: c.participants });
  }
  if ((c.satisfied ?? 0) > (c.respondents ?? c.participants)) {
    throw new DomainError('delivery.count_absurd', { field: 'satisfied', max: c.respondents ?? c.participants });
  }
}

/** Throws when a delivery date is in the future (Copenhagen) or outside the plan. */
export function checkDate(date: Date, plan: { startDate: Date; endDate: Date }, now: Date): void {
  if (date > copenhagenDate(now)) throw new DomainError('delivery.date_future');
  if (date < plan.startDate || date > plan.endDate) {
    throw new DomainError('delivery.date_outside_plan', { from: formatCalendarDate(plan.startDate), to: formatCalendarDate(plan.endDate) });
  }
}
