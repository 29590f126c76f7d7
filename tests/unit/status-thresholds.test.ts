/**
 * Status lines a plan can move (Plan.statusThresholds) and the one look of a status everywhere:
 * the evaluation with default and custom thresholds, what stored JSON is accepted, and that every
 * status has its own symbol and colour ("på sporet" is not the green of "nået").
 */
import { DEFAULT_THRESHOLDS, parseThresholds, statusOf, STATUSES, validThresholds } from '../../src/progress/target-evaluation';
import { STATUS_COLOUR, STATUS_FILL, STATUS_SYMBOL, statusLabel } from '../../src/progress/status-display';
import { STATUS_COLOURS } from '../../bots/teams/cards/table-elements';

describe('status thresholds', () => {
  test('defaults: on track from what is expected, at risk from 80 % of it', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ onTrack: 1, atRisk: 0.8 });
    expect(statusOf('event_count', 10, 10, 5)).toBe('achieved');
    expect(statusOf('event_count', 5, 10, 5)).toBe('on_track');
    expect(statusOf('event_count', 4, 10, 5)).toBe('at_risk');
    expect(statusOf('event_count', 3.9, 10, 5)).toBe('behind');
    expect(statusOf('qualitative', 3, 10, 5)).toBe('not_computable');
  });

  test('a plan that counts 90 % of expected as on track and 70 % as at risk', () => {
    const t = { onTrack: 0.9, atRisk: 0.7 };
    expect(statusOf('event_count', 4.5, 10, 5, t)).toBe('on_track');
    expect(statusOf('event_count', 4.4, 10, 5, t)).toBe('at_risk');
    expect(statusOf('event_count', 3.5, 10, 5, t)).toBe('at_risk');
    expect(statusOf('event_count', 3.4, 10, 5, t)).toBe('behind');
    // Averages and shares are expected at their target all along: 23 of 25 is 92 %.
    expect(statusOf('average_attendance', 23, 25, 25, t)).toBe('on_track');
  });

  test('stored JSON: read when sane, the defaults otherwise', () => {
    expect(parseThresholds('{"onTrack":0.9,"atRisk":0.7}')).toEqual({ onTrack: 0.9, atRisk: 0.7 });
    expect(parseThresholds('{"atRisk":0.5}')).toEqual({ onTrack: 1, atRisk: 0.5 });
    for (const bad of [null, undefined, '', 'not json', '{"onTrack":0.5,"atRisk":0.9}', '{"onTrack":-1,"atRisk":0}', '{"onTrack":"x"}', '{"onTrack":3}'])
      expect(parseThresholds(bad)).toEqual(DEFAULT_THRESHOLDS);
    expect(validThresholds({ onTrack: 1.2, atRisk: 1 })).toBe(true);
    expect(validThresholds({ onTrack: 0.7, atRisk: 0.9 })).toBe(false);
  });
});

describe('one look for a status', () => {
  test('every status has its own symbol, colour and fill; cards colour on track apart from achieved', () => {
    for (const table of [STATUS_SYMBOL, STATUS_COLOUR, STATUS_FILL]) expect(new Set(STATUSES.map((s) => table[s])).size).toBe(STATUSES.length);
    expect(STATUS_COLOURS.on_track.style).not.toBe(STATUS_COLOURS.achieved.style);
    expect(statusLabel('på sporet', 'on_track')).toBe('➜ på sporet');
  });
});
