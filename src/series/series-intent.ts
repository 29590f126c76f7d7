/**
 * Whether a staff message is about the season's calendar: a series to create ("fællesspisning hver
 * torsdag kl. 17.30 …"), a series to change from a date on ("ændr fællesspisning fra 5. marts: kl.
 * 18"), or a pattern of counselling slots ("tirsdage 13-16, 30 minutter"). The engine asks only for
 * staff; residents' messages are never read this way.
 */
import { looksLikeSeries, readSeriesChange } from './series-request';
import { readSlotPattern } from './slot-pattern';

// The readers need a "today" only to place dates in a year; whether a message matches does not depend on it.
const ANY_DAY = '2000-01-01';

// "ændr leverancen fra 5. marts: 34 deltagere" corrects a registration, not a series.
const NOT_A_SERIES = /\b(?:leverance|registrering|måling|tilmelding|booking|delivery|measurement|sign-?up)/u;

/** Whether a change names an activity and says something after its date (a time, a place, places). */
function asksForChange(message: string): boolean {
  const change = readSeriesChange(message, ANY_DAY);
  return change !== null && !NOT_A_SERIES.test(change.activityText) && /\p{L}|\d/u.test(change.rest);
}

/** Whether a staff message asks to create a series, to change one from a date on, or for a pattern of slots. */
export const asksForSeries = (message: string): boolean => looksLikeSeries(message) || asksForChange(message) || readSlotPattern(message, ANY_DAY) !== null;
