/** Messaging settings from the environment, quiet hours in Copenhagen time, and offer deadlines. */
import { DEFAULT_MESSAGING_CONFIG, loadMessagingConfig } from '../../src/outbox/config';
import { quietUntil } from '../../src/outbox/quiet-hours';
import { offerTerms } from '../../src/sign-ups/offers';
import { copenhagenInstant, parseCalendarDate } from '../../src/time/calendar-date';

const at = (date: string, h: number, m = 0): Date => copenhagenInstant(parseCalendarDate(date), h, m);

describe('loadMessagingConfig', () => {
  test('defaults without variables, and empty values count as unset', () => {
    expect(loadMessagingConfig({})).toEqual(DEFAULT_MESSAGING_CONFIG);
    expect(loadMessagingConfig({ NABO_OFFER_HOURS: '  ' })).toEqual(DEFAULT_MESSAGING_CONFIG);
  });

  test('reads every variable', () => {
    const c = loadMessagingConfig({
      NABO_QUIET_HOURS: '22-7',
      NABO_OFFER_HOURS: '12',
      NABO_OFFER_CUTOFF_HOURS: '2',
      NABO_DIGEST_HOUR: '14',
      NABO_REMINDER_HOURS_DINNER: '48',
      NABO_REMINDER_HOURS_COUNSELLING: '0',
    });
    expect(c).toEqual({ quietHours: { start: 22, end: 7 }, offerHours: 12, offerCutoffHours: 2, digestHour: 14, reminderHours: { event: 48, counselling: 0 } });
    expect(loadMessagingConfig({ NABO_QUIET_HOURS: 'off' }).quietHours).toBeNull();
  });

  test('names every bad variable', () => {
    expect(() => loadMessagingConfig({ NABO_QUIET_HOURS: '21', NABO_DIGEST_HOUR: '25', NABO_OFFER_HOURS: '0' })).toThrow(
      /Invalid messaging configuration:[\s\S]*NABO_QUIET_HOURS[\s\S]*NABO_OFFER_HOURS[\s\S]*NABO_DIGEST_HOUR/,
    );
    expect(() => loadMessagingConfig({ NABO_QUIET_HOURS: '8-8' })).toThrow(/NABO_QUIET_HOURS/);
  });
});

describe('quiet hours (21–08 Copenhagen)', () => {
  const quiet = { start: 21, end: 8 };
  test('evening and early morning are quiet until 08:00; the day is not', () => {
    expect(quietUntil(at('2025-11-18', 21), quiet)).toEqual(at('2025-11-19', 8));
    expect(quietUntil(at('2025-11-18', 23, 59), quiet)).toEqual(at('2025-11-19', 8));
    expect(quietUntil(at('2025-11-19', 3), quiet)).toEqual(at('2025-11-19', 8));
    expect(quietUntil(at('2025-11-19', 8), quiet)).toBeNull();
    expect(quietUntil(at('2025-11-19', 20, 59), quiet)).toBeNull();
    expect(quietUntil(at('2025-11-19', 3), null)).toBeNull();
  });

  test('follow the wall clock across summer time', () => {
    // The night of 29–30 March 2025 is an hour shorter; 08:00 is still 08:00.
    expect(quietUntil(at('2025-03-29', 22), quiet)).toEqual(at('2025-03-30', 8));
    expect(at('2025-03-30', 8).toISOString()).toBe('2025-03-30T06:00:00.000Z');
  });

  test('a span within one day', () => {
    expect(quietUntil(at('2025-11-19', 3), { start: 0, end: 6 })).toEqual(at('2025-11-19', 6));
    expect(quietUntil(at('2025-11-19', 23), { start: 0, end: 6 })).toBeNull();
  });
});

describe('offer deadlines', () => {
  const config = DEFAULT_MESSAGING_CONFIG;
  test('by day: 24 hours, but never later than three hours before the start', () => {
    expect(offerTerms(at('2025-11-18', 12), at('2025-11-22', 17), config)).toEqual({ expiresAt: at('2025-11-19', 12), urgent: false });
    expect(offerTerms(at('2025-11-18', 12), at('2025-11-19', 10), config)).toEqual({ expiresAt: at('2025-11-19', 7), urgent: false });
  });

  test('at night the message waits for the morning and the clock starts then', () => {
    expect(offerTerms(at('2025-11-18', 22), at('2025-11-22', 17), config)).toEqual({ expiresAt: at('2025-11-20', 8), urgent: false });
  });

  test('at night, when waiting for the morning would leave too little time, it goes out at once', () => {
    expect(offerTerms(at('2025-11-18', 22), at('2025-11-19', 10), config)).toEqual({ expiresAt: at('2025-11-19', 7), urgent: true });
    expect(offerTerms(at('2025-11-18', 22), at('2025-11-19', 11, 30), config)).toEqual({ expiresAt: at('2025-11-19', 8, 30), urgent: true });
  });

  test('a place freed after the cut-off is offered until the start', () => {
    expect(offerTerms(at('2025-11-18', 16), at('2025-11-18', 17, 30), config)).toEqual({ expiresAt: at('2025-11-18', 17, 30), urgent: false });
  });
});
