/**
 * The Copenhagen offset is cached per UTC hour (calendar-date.ts). Checked against the time-zone
 * data itself (Intl, asked fresh for every instant): around every daylight-saving change from 1996
 * to 2040, at random instants from 1900 to 2100, and for the calendar date of each.
 */
import { copenhagenDate, copenhagenInstant, copenhagenOffsetMinutes } from '../../src/time/calendar-date';

const intl = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Wall-clock parts in Copenhagen, straight from the time-zone data. */
function wall(t: number): { date: string; offset: number } {
  const p = Object.fromEntries(intl.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']));
  return { date: `${p['year']}-${p['month']}-${p['day']}`, offset: Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000) };
}

/** The last Sunday of a month at 01:00 UTC: when EU summer time starts (March) or ends (October). */
const lastSunday = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
};

test('the offset and the date agree with the time-zone data on both sides of every change', () => {
  let checked = 0;
  for (let year = 1996; year <= 2040; year++) {
    for (const change of [lastSunday(year, 2), lastSunday(year, 9)]) {
      for (const delta of [-3_600_001, -60_000, -1, 0, 1, 59_999, 3_599_999, 3_600_000, 23 * 3_600_000]) {
        const t = change + delta;
        const expected = wall(t);
        expect({ t, offset: copenhagenOffsetMinutes(new Date(t)) }).toEqual({ t, offset: expected.offset });
        expect({ t, date: copenhagenDate(new Date(t)).toISOString().slice(0, 10) }).toEqual({ t, date: expected.date });
        checked++;
      }
    }
  }
  // Summer time starts and ends where the rule says.
  expect(copenhagenOffsetMinutes(new Date(lastSunday(2026, 2) - 1))).toBe(60);
  expect(copenhagenOffsetMinutes(new Date(lastSunday(2026, 2)))).toBe(120);
  expect(copenhagenOffsetMinutes(new Date(lastSunday(2026, 9) - 1))).toBe(120);
  expect(copenhagenOffsetMinutes(new Date(lastSunday(2026, 9)))).toBe(60);
  expect(checked).toBe(45 * 2 * 9);
});

test('random instants from 1900 to 2100 agree with the time-zone data, twice (the second time from the cache)', () => {
  let s = 12345;
  const rand = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const from = Date.UTC(1900, 0, 1);
  const to = Date.UTC(2100, 0, 1);
  const instants = Array.from({ length: 3000 }, () => Math.floor(from + rand() * (to - from)));
  for (let pass = 0; pass < 2; pass++) {
    for (const t of instants) {
      const expected = wall(t);
      expect({ t, offset: copenhagenOffsetMinutes(new Date(t)), date: copenhagenDate(new Date(t)).toISOString().slice(0, 10) }).toEqual({
        t,
        offset: expected.offset,
        date: expected.date,
      });
    }
  }
});

test('a wall-clock time becomes the instant it happens, in winter and in summer', () => {
  expect(copenhagenInstant(new Date(Date.UTC(2026, 0, 15)), 17, 30).toISOString()).toBe('2026-01-15T16:30:00.000Z');
  expect(copenhagenInstant(new Date(Date.UTC(2026, 6, 15)), 17, 30).toISOString()).toBe('2026-07-15T15:30:00.000Z');
  expect(copenhagenDate(new Date('2026-07-15T22:30:00Z')).toISOString()).toBe('2026-07-16T00:00:00.000Z');
  expect(copenhagenDate(new Date('2026-01-15T22:30:00Z')).toISOString()).toBe('2026-01-15T00:00:00.000Z');
});
