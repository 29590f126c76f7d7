/**
 * Why a target has no value (read from what the plan says about it), how an area indicator is
 * judged against its target or baseline, and how registered values add up within a period.
 */
import { valuesInPeriod, type RegisteredValue } from '../../src/progress/external-values';
import { indicatorStatus } from '../../src/progress/indicator-status';
import { notComputableReason } from '../../src/progress/target-reasons';
import { parseCalendarDate as d } from '../../src/time/calendar-date';

describe('reasons a target cannot be computed', () => {
  test.each([
    [
      { kind: 'qualitative', text: 'Oplevet forandring hos frontpersonale.', dataSource: 'Egen leverance og måling: Kvalitative fokusgruppeinterview' },
      'survey',
    ],
    [{ kind: 'qualitative', text: '95 % overgår til en ungdomsuddannelse', dataSource: 'Ranpro' }, 'external'],
    [{ kind: 'qualitative', text: 'Stigende antal besøgende på hjemmesiden', dataSource: 'Egen leverance og målinger' }, 'qualitative'],
    // Satisfaction logged with deliveries counts; none logged yet is "no data", not a survey to run.
    [{ kind: 'share_satisfied', text: 'Mindst 75 % vurderer at have fået redskaber', dataSource: 'Egen måling' }, 'no_data'],
    [{ kind: 'share_satisfied', text: 'Mindst 75 % er tilfredse', dataSource: 'Selvevalueringsskema' }, 'survey'],
    [{ kind: 'average_attendance', text: 'Mindst 25 deltagere', dataSource: 'Egen leverance og måling' }, 'no_data'],
  ] as const)('%j → %s', (target, reason) => {
    expect(notComputableReason(target, true, false)).toBe(reason);
  });

  test('no number in the plan, and no reason when there is a status', () => {
    expect(notComputableReason({ kind: 'unique_participants', text: 'Børn i forløb', dataSource: 'Egne leverancer' }, false, true)).toBe('no_target');
    expect(notComputableReason({ kind: 'event_count', text: '5 forløb', dataSource: 'Egen måling' }, true, true)).toBeNull();
  });
});

describe('area indicators', () => {
  const complaints = { baselineValue: 57, targetValue: 57, direction: 'lower' as const };
  test('against the target first, then the baseline in the better direction', () => {
    expect(indicatorStatus(complaints, 49)).toBe('achieved');
    expect(indicatorStatus({ ...complaints, targetValue: 45 }, 50)).toBe('on_track');
    expect(indicatorStatus({ ...complaints, targetValue: 45 }, 60)).toBe('at_risk');
    expect(indicatorStatus({ ...complaints, targetValue: 45 }, 70)).toBe('behind');
    expect(indicatorStatus({ baselineValue: 40, targetValue: null, direction: 'higher' }, 44)).toBe('on_track');
    expect(indicatorStatus(complaints, null)).toBe('not_computable');
  });
});

describe('registered values within a period', () => {
  const value = (targetId: string, from: string, to: string, v: number, source: string, kind = 'qualitative', unit = 'unge'): RegisteredValue => ({
    targetId,
    periodFrom: d(from),
    periodTo: d(to),
    value: v,
    source,
    target: { kind, unit },
  });
  const rows = [
    value('count', '2019-06-01', '2019-10-01', 12, 'Produktionshøjskolen'),
    value('count', '2019-10-01', '2020-02-01', 6, 'Produktionshøjskolen'),
    value('share', '2019-06-01', '2020-02-01', 88, 'Ranpro', 'qualitative', '%'),
    value('share', '2019-06-01', '2020-06-01', 90, 'Ranpro', 'qualitative', '%'),
  ];
  test('counts add up, shares take the latest; values outside the period are left out', () => {
    const year = valuesInPeriod(rows, { from: d('2019-06-01'), toExclusive: d('2020-06-01') });
    expect(year.get('count')).toEqual({ value: 18, source: 'Produktionshøjskolen' });
    expect(year.get('share')).toEqual({ value: 90, source: 'Ranpro' });
    const first = valuesInPeriod(rows, { from: d('2019-06-01'), toExclusive: d('2019-10-01') });
    expect(first.get('count')?.value).toBe(12);
    expect(first.has('share')).toBe(false);
  });
});
