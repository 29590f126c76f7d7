/**
 * A season of weekly events: Danish holidays by year, ISO week numbers, the dates of a series
 * across the summer-time changes (same Copenhagen wall-clock time, different UTC), holidays and
 * named weeks left out, and reading a series from one message as staff write it.
 */
import { danishHolidays, easterSunday } from '../../src/series/danish-holidays';
import { isoWeek, seriesDates } from '../../src/series/series-dates';
import { asksForSeries } from '../../src/series/series-intent';
import { looksLikeSeries, readSeriesChange, readSeriesRequest } from '../../src/series/series-request';
import { parseCalendarDate } from '../../src/time/calendar-date';

describe('Danish holidays', () => {
  test.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(date);
  });

  test('2026: the movable feasts follow Easter, the fixed days are there', () => {
    expect(Object.fromEntries(danishHolidays(2026))).toEqual({
      '2026-04-02': 'maundy_thursday',
      '2026-04-03': 'good_friday',
      '2026-04-05': 'easter_sunday',
      '2026-04-06': 'easter_monday',
      '2026-05-14': 'ascension_day',
      '2026-05-24': 'whit_sunday',
      '2026-05-25': 'whit_monday',
      '2026-01-01': 'new_years_day',
      '2026-06-05': 'constitution_day',
      '2026-12-24': 'christmas_eve',
      '2026-12-25': 'christmas_day',
      '2026-12-26': 'boxing_day',
      '2026-12-31': 'new_years_eve',
    });
  });

  test('store bededag is a holiday until 2023 and not after', () => {
    expect(danishHolidays(2023).get('2023-05-05')).toBe('great_prayer_day');
    expect([...danishHolidays(2024).values()]).not.toContain('great_prayer_day');
  });
});

test.each([
  ['2026-01-01', 1],
  ['2026-02-12', 7],
  ['2026-10-15', 42],
  ['2026-12-31', 53],
  ['2027-01-01', 53],
  ['2027-01-04', 1],
])('%s is in ISO week %i', (date, week) => {
  expect(isoWeek(parseCalendarDate(date))).toBe(week);
});

describe('the dates of a series', () => {
  test('Thursdays 17.30 from January to June 2026: holidays and weeks 7 and 42 left out, 17.30 Copenhagen time on both sides of summer time', () => {
    const { occurrences, skipped } = seriesDates({ weekday: 4, from: '2026-01-07', to: '2026-06-24', start: [17, 30], end: [19, 30], skipWeeks: [7, 42] });
    expect(skipped).toEqual([
      { date: '2026-02-12', reason: { kind: 'week', week: 7 } },
      { date: '2026-04-02', reason: { kind: 'holiday', holiday: 'maundy_thursday' } },
      { date: '2026-05-14', reason: { kind: 'holiday', holiday: 'ascension_day' } },
    ]);
    expect(occurrences).toHaveLength(21);
    expect(occurrences[0]?.date).toBe('2026-01-08');
    expect(occurrences[occurrences.length - 1]?.date).toBe('2026-06-18');
    const at = (date: string) => occurrences.find((o) => o.date === date);
    // Summer time begins on Sunday 29 March 2026: 17.30 is 16.30 UTC before and 15.30 UTC after.
    expect(at('2026-03-26')?.startsAt.toISOString()).toBe('2026-03-26T16:30:00.000Z');
    expect(at('2026-04-09')?.startsAt.toISOString()).toBe('2026-04-09T15:30:00.000Z');
    expect(at('2026-04-09')?.endsAt.toISOString()).toBe('2026-04-09T17:30:00.000Z');
  });

  test('a Sunday series across the end of summer time (25 October 2026) keeps its wall-clock time', () => {
    const { occurrences } = seriesDates({ weekday: 7, from: '2026-10-18', to: '2026-11-01', start: [10, 0], end: [12, 0], skipWeeks: [] });
    expect(occurrences.map((o) => o.startsAt.toISOString())).toEqual(['2026-10-18T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-11-01T09:00:00.000Z']);
  });

  test('Christmas and New Year fall out of a December series; the first date is the first weekday on or after "from"', () => {
    const { occurrences, skipped } = seriesDates({ weekday: 4, from: '2026-12-01', to: '2027-01-14', start: [17, 0], end: [19, 0], skipWeeks: [] });
    expect(occurrences.map((o) => o.date)).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2027-01-07', '2027-01-14']);
    expect(skipped.map((s) => s.reason)).toEqual([
      { kind: 'holiday', holiday: 'christmas_eve' },
      { kind: 'holiday', holiday: 'new_years_eve' },
    ]);
  });
});

describe('reading a series from one message', () => {
  const TODAY = '2026-12-02';

  test('the example from the issue', () => {
    expect(readSeriesRequest('fællesspisning hver torsdag kl. 17.30 i ParkCafeen, 40 pladser, fra 7. januar til 24. juni, ikke i uge 7 og 42', TODAY)).toEqual({
      activityText: 'fællesspisning',
      weekday: 4,
      start: [17, 30],
      capacity: 40,
      from: '2027-01-07',
      to: '2027-06-24',
      skipWeeks: [7, 42],
    });
  });

  test('a time range, numeric dates with a year, and a plural weekday', () => {
    expect(readSeriesRequest('Lektiecafé alle tirsdage 15.00-17.00 fra 5/1 til 22/6 2027', TODAY)).toEqual({
      activityText: 'lektiecafé',
      weekday: 2,
      start: [15, 0],
      end: [17, 0],
      from: '2027-01-05',
      to: '2027-06-22',
      skipWeeks: [],
    });
  });

  test('"kl. 18 til 20" and a period that runs into the next year', () => {
    expect(readSeriesRequest('babycafé hver onsdag kl. 10 til 12 fra 2. december til 27. januar', TODAY)).toMatchObject({
      weekday: 3,
      start: [10, 0],
      end: [12, 0],
      from: '2026-12-02',
      to: '2027-01-27',
    });
  });

  test('a command before a colon is not part of the activity', () => {
    expect(readSeriesRequest('Opret arrangementer: fællesspisning hver torsdag kl. 17.30 fra 7. januar til 24. juni', TODAY)).toMatchObject({
      activityText: 'fællesspisning',
      weekday: 4,
    });
  });

  test('English', () => {
    expect(readSeriesRequest('dinner every thursday at 17:30, 30 seats, from 7 january to 24 june', TODAY)).toMatchObject({
      activityText: 'dinner',
      weekday: 4,
      start: [17, 30],
      capacity: 30,
      from: '2027-01-07',
      to: '2027-06-24',
    });
  });

  test('a message without a weekly pattern is not a series', () => {
    expect(readSeriesRequest('fællesspisning på torsdag kl. 17.30', TODAY)).toBeNull();
    expect(readSeriesRequest('hver gang der er fællesspisning', TODAY)).toBeNull();
  });
});

describe('what counts as asking for a series', () => {
  test.each([
    'fællesspisning hver torsdag kl. 17.30 i ParkCafeen, 40 pladser, fra 7. januar til 24. juni, ikke i uge 7 og 42',
    'lektiehjælp alle tirsdage kl 15, fra 6. januar til 16. juni',
    'babycafé hver onsdag fra 7/1 til 24/6',
    'homework club every Tuesday at 15.00 until 16 June',
  ])('"%s" is a series', (message) => {
    expect(looksLikeSeries(message)).toBe(true);
  });

  test.each([
    'er der ledige pladser?',
    'er der fællesspisning hver torsdag?',
    'hvad sker der alle dage i næste uge',
    'fællesspisning på torsdag kl. 17.30',
    'hver gang kl. 17.30',
  ])('"%s" is not', (message) => {
    expect(looksLikeSeries(message)).toBe(false);
  });
});

describe('a change to a series, as staff write it', () => {
  test('"ændr fællesspisning fra 5. marts: kl. 18-20, i Vangdalen, 30 pladser"', () => {
    expect(readSeriesChange('ændr fællesspisning fra 5. marts: kl. 18-20, i Vangdalen, 30 pladser', '2026-01-10')).toEqual({
      activityText: 'fællesspisning',
      from: '2026-03-05',
      start: [18, 0],
      end: [20, 0],
      capacity: 30,
      rest: ': kl. 18-20, i vangdalen, 30 pladser',
    });
    expect(readSeriesChange('flyt lektiehjælp fra 2/2 til kl. 15.30', '2026-12-01')).toMatchObject({
      activityText: 'lektiehjælp',
      from: '2027-02-02',
      start: [15, 30],
    });
  });

  test.each([
    ['ændr fællesspisning fra 5. marts: kl. 18', true],
    ['flyt fællesspisning fra 5. marts til Vangdalen', true],
    ['ændr leverancen fra 5. marts: 34 deltagere', false],
    ['ret fællesspisning fra 5. marts: 34 deltagere', false],
    ['ændr fællesspisning fra 5. marts', false],
    ['kan jeg ændre min tilmelding fra 5. marts?', false],
  ])('"%s" asks for a series change: %s', (message, expected) => {
    expect(asksForSeries(message)).toBe(expected);
  });
});
