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

/** Whether a staff message asks to create a series, to change one from a date on, or for a pattern of slots. */
export const asksForSeries = (message: string): boolean => looksLikeSeries(message) || readSeriesChange(message, ANY_DAY) !== null || readSlotPattern(message, ANY_DAY) !== null;
