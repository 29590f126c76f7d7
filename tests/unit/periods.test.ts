import { periodOf, planYears } from '../../src/progress/periods';
import { expectedValue, statusOf, targetForPeriod, worstStatus } from '../../src/progress/target-evaluation';
import { addMonths, copenhagenDate, copenhagenInstant, parseCalendarDate } from '../../src/time/calendar-date';

const plan = { startDate: parseCalendarDate('2017-06-01'), endDate: parseCalendarDate('2021-05-31'), planYearStartMonth: 6 };
const d = parseCalendarDate;

describe('plan years and reporting periods', () => {
  test('a June-May plan of four years', () => {
    expect(planYears(plan)).toBe(4);
    expect(periodOf(plan, 'plan-year', d('2017-06-01'))).toMatchObject({ year: 1, label: '2017-06-01–2018-05-31' });
    expect(periodOf(plan, 'plan-year', d('2019-05-31'))).toMatchObject({ year: 2, label: '2018-06-01–2019-05-31' });
    expect(periodOf(plan, 'plan-year', d('2021-05-31'))).toMatchObject({ year: 4, label: '2020-06-01–2021-05-31' });
  });

  test('three 4-month reporting periods a year: Jun-Sep, Oct-Jan, Feb-May', () => {
    expect(periodOf(plan, 'reporting-period', d('2019-09-30'))).toMatchObject({ year: 3, part: 1, label: '2019-06-01–2019-09-30' });
    expect(periodOf(plan, 'reporting-period', d('2019-10-01'))).toMatchObject({ year: 3, part: 2, label: '2019-10-01–2020-01-31' });
    expect(periodOf(plan, 'reporting-period', d('2020-02-29'))).toMatchObject({ year: 3, part: 3, label: '2020-02-01–2020-05-31' });
  });

  test('dates outside the plan are clamped to its first or last period; whole plan spans it all', () => {
    expect(periodOf(plan, 'plan-year', d('2016-01-01')).year).toBe(1);
    expect(periodOf(plan, 'plan-year', d('2025-01-01')).year).toBe(4);
    expect(periodOf(plan, 'whole-plan', d('2019-01-01'))).toMatchObject({ label: '2017-06-01–2021-05-31', yearFraction: 4 });
  });

  test('period bounds as instants are Copenhagen midnight (summer and winter time)', () => {
    const p = periodOf(plan, 'reporting-period', d('2019-11-15'));
    expect(p.fromInstant.toISOString()).toBe('2019-09-30T22:00:00.000Z');
    expect(p.toInstant.toISOString()).toBe('2020-01-31T23:00:00.000Z');
  });

  test('a plan starting in May keeps May as its plan year start', () => {
    const may = { startDate: d('2013-05-01'), endDate: d('2017-04-30'), planYearStartMonth: 5 };
    expect(periodOf(may, 'plan-year', d('2014-04-30'))).toMatchObject({ year: 1, label: '2013-05-01–2014-04-30' });
  });
});

describe('targets for a period, expected values and statuses', () => {
  const courses = { kind: 'event_count' as const, perYear: 5, wholePeriod: 20 };
  test('cumulative targets scale with the period; averages and shares do not', () => {
    expect(targetForPeriod(courses, 1, 4, false)).toBe(5);
    expect(targetForPeriod(courses, 1 / 3, 4, false)).toBeCloseTo(5 / 3);
    expect(targetForPeriod(courses, 4, 4, true)).toBe(20);
    expect(targetForPeriod({ kind: 'unique_participants', perYear: null, wholePeriod: 100 }, 1, 4, false)).toBe(25);
    expect(targetForPeriod({ kind: 'unique_participants', perYear: 25, wholePeriod: null }, 4, 4, true)).toBe(100);
    expect(targetForPeriod({ kind: 'average_attendance', perYear: null, wholePeriod: 25 }, 1 / 3, 4, false)).toBe(25);
    expect(targetForPeriod({ kind: 'qualitative', perYear: 3, wholePeriod: 12 }, 1, 4, false)).toBeNull();
  });

  test('expected pro rata for what accumulates, the target itself otherwise', () => {
    expect(expectedValue('event_count', 12, 0.5)).toBe(6);
    expect(expectedValue('event_count', 12, 1.5)).toBe(12);
    expect(expectedValue('share_completing', 80, 0.1)).toBe(80);
  });

  test('status from actual, target and expected', () => {
    expect(statusOf('event_count', 5, 5, 2)).toBe('achieved');
    expect(statusOf('event_count', 3, 5, 2.5)).toBe('on_track');
    expect(statusOf('event_count', 2.1, 5, 2.5)).toBe('at_risk');
    expect(statusOf('event_count', 1, 5, 2.5)).toBe('behind');
    expect(statusOf('share_completing', null, 80, 80)).toBe('not_computable');
    expect(statusOf('qualitative', 3, 3, 3)).toBe('not_computable');
    expect(worstStatus(['achieved', 'not_computable', 'at_risk', 'on_track'])).toBe('at_risk');
    expect(worstStatus(['not_computable'])).toBe('not_computable');
  });
});

describe('calendar dates in Copenhagen', () => {
  test('the Copenhagen date of an instant near midnight', () => {
    expect(copenhagenDate(new Date('2025-06-30T22:30:00Z'))).toEqual(d('2025-07-01'));
    expect(copenhagenDate(new Date('2025-12-31T22:59:00Z'))).toEqual(d('2025-12-31'));
  });
  test('wall-clock times across daylight saving', () => {
    expect(copenhagenInstant(d('2025-03-30'), 12).toISOString()).toBe('2025-03-30T10:00:00.000Z');
    expect(copenhagenInstant(d('2025-10-26'), 12).toISOString()).toBe('2025-10-26T11:00:00.000Z');
  });
  test('month arithmetic clamps the day and invalid dates are refused', () => {
    expect(addMonths(d('2024-01-31'), 1)).toEqual(d('2024-02-29'));
    expect(() => parseCalendarDate('2024-02-30')).toThrow();
    expect(() => parseCalendarDate('30/2/2024')).toThrow();
  });
});
