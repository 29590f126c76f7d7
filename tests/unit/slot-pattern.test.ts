/**
 * Counselling slots from a weekly pattern: reading "tirsdage 13-16, 30 minutter, BRF Kredit første
 * torsdag i måneden" as staff write it, and the slots it gives over a period, holidays left out and
 * at Copenhagen wall-clock time across the change to summer time.
 */
import { asksForSeries } from '../../src/series/series-intent';
import { patternSlots, readSlotPattern } from '../../src/series/slot-pattern';

const ISSUE = 'tirsdage 13-16, 30 minutter, BRF Kredit første torsdag i måneden';

describe('reading a slot pattern', () => {
  test('the example from the issue: Tuesdays with the staff counsellor, the first Thursday of the month with BRF Kredit, same hours', () => {
    expect(readSlotPattern(ISSUE, '2026-01-02')).toEqual({
      minutes: 30,
      rules: [
        { counsellor: 'Boligsocial medarbejder', weekday: 2, start: [13, 0], end: [16, 0] },
        { counsellor: 'BRF Kredit', weekday: 4, nth: 1, start: [13, 0], end: [16, 0] },
      ],
      from: undefined,
      to: undefined,
    });
  });

  test('own hours per part, minutes written "min", a period and English', () => {
    expect(
      readSlotPattern('rådgivning hver onsdag kl. 9.30-11.30, 45 min, BRF Kredit sidste fredag i måneden 10-12, fra 7. januar til 30. juni', '2025-12-01'),
    ).toEqual({
      minutes: 45,
      rules: [
        { counsellor: 'Boligsocial medarbejder', weekday: 3, start: [9, 30], end: [11, 30] },
        { counsellor: 'BRF Kredit', weekday: 5, nth: -1, start: [10, 0], end: [12, 0] },
      ],
      from: '2026-01-07',
      to: '2026-06-30',
    });
    expect(readSlotPattern('Tuesdays 13-16, 30 minutes', '2026-01-02')?.rules).toEqual([
      { counsellor: 'Boligsocial medarbejder', weekday: 2, start: [13, 0], end: [16, 0] },
    ]);
  });

  test.each(['tirsdage 13-16', 'er der ledige tider på tirsdag?', '30 minutter', 'første torsdag kl. 13-16, 30 minutter'])('"%s" is no pattern', (message) => {
    expect(readSlotPattern(message, '2026-01-02')).toBeNull();
  });

  test('the pattern counts as a calendar request for staff routing; a resident question does not', () => {
    expect(asksForSeries(ISSUE)).toBe(true);
    expect(asksForSeries('kan jeg få en tid til rådgivning på tirsdag?')).toBe(false);
  });
});

describe('the slots of a pattern', () => {
  const pattern = readSlotPattern(ISSUE, '2026-01-02');
  if (!pattern) throw new Error('the issue example must read');

  test('March-April 2026: six slots each Tuesday and BRF Kredit on the first Thursdays, 13.00 Copenhagen time before and after summer time', () => {
    const { slots, skipped } = patternSlots(pattern, '2026-03-01', '2026-04-30');
    const tuesdays = slots.filter((s) => s.counsellor === 'Boligsocial medarbejder');
    const brf = slots.filter((s) => s.counsellor === 'BRF Kredit');
    // Tuesdays 3, 10, 17, 24, 31 March and 7, 14, 21, 28 April; 9 days x 6 slots.
    expect(tuesdays).toHaveLength(54);
    expect(tuesdays[0]?.startsAt.toISOString()).toBe('2026-03-03T12:00:00.000Z');
    expect(tuesdays[5]?.endsAt.toISOString()).toBe('2026-03-03T15:00:00.000Z');
    expect(tuesdays.find((s) => s.startsAt.toISOString().startsWith('2026-03-31'))?.startsAt.toISOString()).toBe('2026-03-31T11:00:00.000Z');
    // First Thursdays: 5 March; 2 April is skærtorsdag, so left out.
    expect(brf.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-05T12:00:00.000Z',
      '2026-03-05T12:30:00.000Z',
      '2026-03-05T13:00:00.000Z',
      '2026-03-05T13:30:00.000Z',
      '2026-03-05T14:00:00.000Z',
      '2026-03-05T14:30:00.000Z',
    ]);
    expect(skipped).toEqual([{ date: '2026-04-02', reason: { kind: 'holiday', holiday: 'maundy_thursday' } }]);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 30 * 60_000)).toBe(true);
  });

  test('a slot that does not fit before closing is not made, and "the last Friday" is the last', () => {
    const p = readSlotPattern('BRF Kredit sidste fredag i måneden 10-11.15, 30 min', '2026-01-02');
    if (!p) throw new Error('must read');
    expect(patternSlots(p, '2026-01-01', '2026-02-28').slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-01-30T09:00:00.000Z',
      '2026-01-30T09:30:00.000Z',
      '2026-02-27T09:00:00.000Z',
      '2026-02-27T09:30:00.000Z',
    ]);
  });
});
