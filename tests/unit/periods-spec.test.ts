/**
 * Any period of a plan by number, by name and by date range, the period before each, and the
 * plan a text names: what the report's --period option and the chat read.
 */
import { customPeriod, planYearPeriod, previousPeriod, reportingPeriodByIndex, wholePlanPeriod } from '../../src/progress/periods';
import { parsePeriodSpec, resolvePeriod, specCode, specFromCode, specOf, type PeriodSpec } from '../../src/progress/period-spec';
import { findPlanByName, yearsNamed, type PlanSummary } from '../../src/progress/plan-names';
import { parseCalendarDate as d } from '../../src/time/calendar-date';

const plan = { startDate: d('2017-06-01'), endDate: d('2021-05-31'), planYearStartMonth: 6 };
const today = d('2019-11-15');
const label = (s: PeriodSpec): string => resolvePeriod(plan, s, today).label;

describe('periods by number', () => {
  test('plan years 1-4 and nothing beyond', () => {
    expect(planYearPeriod(plan, 2)?.label).toBe('2018-06-01–2019-05-31');
    expect(planYearPeriod(plan, 0)).toBeNull();
    expect(planYearPeriod(plan, 5)).toBeNull();
  });

  test('reporting periods 1-12 over the plan, three per plan year', () => {
    expect(reportingPeriodByIndex(plan, 1)).toMatchObject({ year: 1, part: 1, index: 1, label: '2017-06-01–2017-09-30' });
    expect(reportingPeriodByIndex(plan, 5)).toMatchObject({ year: 2, part: 2, index: 5, label: '2018-10-01–2019-01-31' });
    expect(reportingPeriodByIndex(plan, 12)).toMatchObject({ year: 4, part: 3, label: '2021-02-01–2021-05-31' });
    expect(reportingPeriodByIndex(plan, 13)).toBeNull();
  });

  test('a custom range is clipped to the plan and measured in years', () => {
    const p = customPeriod(plan, d('2019-06-01'), d('2019-09-30'));
    expect(p).toMatchObject({ kind: 'custom', label: '2019-06-01–2019-09-30' });
    expect(p?.yearFraction).toBeCloseTo(122 / 365, 5);
    expect(customPeriod(plan, d('2016-01-01'), d('2017-06-30'))?.label).toBe('2017-06-01–2017-06-30');
    expect(customPeriod(plan, d('2022-01-01'), d('2022-02-01'))).toBeNull();
  });

  test('the period before: previous year, previous 4 months (across years), the same length before a range', () => {
    expect(previousPeriod(plan, planYearPeriod(plan, 3)!)?.label).toBe('2018-06-01–2019-05-31');
    expect(previousPeriod(plan, planYearPeriod(plan, 1)!)).toBeNull();
    expect(previousPeriod(plan, reportingPeriodByIndex(plan, 4)!)?.label).toBe('2018-02-01–2018-05-31');
    expect(previousPeriod(plan, wholePlanPeriod(plan))).toBeNull();
    expect(previousPeriod(plan, customPeriod(plan, d('2019-06-01'), d('2019-06-30'))!)?.label).toBe('2019-05-02–2019-05-31');
  });
});

describe('periods as people name them', () => {
  test.each([
    ['planår 2', '2018-06-01–2019-05-31'],
    ['hvordan gik det med mødregrupperne i planår 1?', '2017-06-01–2018-05-31'],
    ['2. planår', '2018-06-01–2019-05-31'],
    ['plan-year-4', '2020-06-01–2021-05-31'],
    ['tertial-5', '2018-10-01–2019-01-31'],
    ['status for planen i leverancemåling 3', '2018-02-01–2018-05-31'],
    ['2. tertial 2019', '2019-10-01–2020-01-31'],
    ['1. leverancemåling 2018', '2018-06-01–2018-09-30'],
    ['whole', '2017-06-01–2021-05-31'],
    ['hele planen', '2017-06-01–2021-05-31'],
    ['2019-06-01..2019-09-30', '2019-06-01–2019-09-30'],
    ['fra 2019-06-01 til 2019-09-30', '2019-06-01–2019-09-30'],
  ])('%s → %s', (text, expected) => {
    const spec = parsePeriodSpec(text);
    expect(spec).not.toBeNull();
    expect(label(spec as PeriodSpec)).toBe(expected);
  });

  test('no period named, an impossible date, or a period the plan does not have', () => {
    expect(parsePeriodSpec('hvordan går det med fællesspisningen?')).toBeNull();
    expect(parsePeriodSpec('2019-02-30..2019-03-01')).toBeNull();
    expect(() => label({ kind: 'plan-year', year: 7 })).toThrow('progress.period_outside');
    expect(() => label({ kind: 'tertial-of-year', part: 1, startYear: 2030 })).toThrow('progress.period_outside');
  });

  test('the current period of a kind holds today', () => {
    expect(label({ kind: 'current', of: 'reporting-period' })).toBe('2019-10-01–2020-01-31');
  });

  test('button codes round-trip and stay short', () => {
    const specs: PeriodSpec[] = [
      { kind: 'current', of: 'whole-plan' },
      { kind: 'plan-year', year: 3 },
      { kind: 'reporting-period', index: 11 },
      { kind: 'tertial-of-year', part: 2, startYear: 2019 },
      { kind: 'whole-plan' },
      { kind: 'custom', from: '2019-06-01', to: '2019-09-30' },
    ];
    for (const s of specs) {
      expect(specFromCode(specCode(s))).toEqual(s);
      expect(specCode(s).length).toBeLessThanOrEqual(20);
    }
    expect(specFromCode('x9')).toBeNull();
    expect(specOf(reportingPeriodByIndex(plan, 7)!)).toEqual({ kind: 'reporting-period', index: 7 });
  });
});

describe('plans by name', () => {
  const p = (key: string, from: string, to: string, isDemo = false): PlanSummary => ({
    id: key,
    key,
    name: key,
    startDate: d(from),
    endDate: d(to),
    planYearStartMonth: 6,
    isDemo,
  });
  const plans = [
    p('randers-nordby-2021-25', '2021-06-01', '2025-05-31'),
    p('randers-nordby-2017-21', '2017-06-01', '2021-05-31'),
    p('demo-2017-21', '2017-06-01', '2021-05-31', true),
  ];
  test('years in several spellings, a key, and a demo copy only when asked', () => {
    expect(yearsNamed('helhedsplanen 2017-21')).toEqual({ first: 2017, last: 2021 });
    expect(yearsNamed('2017–2021')).toEqual({ first: 2017, last: 2021 });
    expect(findPlanByName(plans, 'i helhedsplanen 2017-21')?.key).toBe('randers-nordby-2017-21');
    expect(findPlanByName(plans, 'demo 2017-21')?.key).toBe('demo-2017-21');
    expect(findPlanByName(plans, 'randers-nordby-2021-25')?.key).toBe('randers-nordby-2021-25');
    expect(findPlanByName(plans, 'planen 2009-13')).toBeNull();
    expect(findPlanByName(plans, 'fællesspisning')).toBeNull();
  });
});
