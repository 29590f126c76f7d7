/**
 * A cancel read from staff (src/conversation/engine.ts asStaff): staff have no sign-ups, so the reader's cancel of a
 * booking is the activity's cancel, in the reading, its runners-up and the classifier's view alike; what the decision
 * makes of it follows.
 */
import { asStaff } from '../../src/conversation/engine';
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-12-04T18:00:00Z');
const staffReads = (text: string, language: Language) => {
  const u = asStaff(understand(text, language, NOW));
  return { intent: u.intent, decision: decide(u, () => true), date: u.details.date };
};

describe('a cancel typed by staff', () => {
  test.each([
    ['da', 'aflys lektiecafe imorgen', '2026-12-05'],
    ['da', 'aflys fællesspisning torsdag', '2026-12-10'],
    ['en', 'cancel thursdays dinner', '2026-12-10'],
  ] as const)('%s "%s" cancels the activity of %s, acted on', (language, text, date) => {
    expect(staffReads(text, language)).toEqual({ intent: 'cancel_event', decision: { kind: 'act', intent: 'cancel_event' }, date });
  });

  test('with a staff reason after it ("staff are sick"), it is the activity\'s cancel, acted on (the flow still asks before cancelling)', () => {
    expect(staffReads('cancel homework cafe tomorrow staff are sick', 'en').decision).toEqual({ kind: 'act', intent: 'cancel_event' });
  });

  test("the classifier's two cancels count as one belief", () => {
    const u = asStaff(understand('aflys lektiecafe imorgen', 'da', NOW));
    expect(u.secondOpinion?.intent).toBe('cancel_event');
    expect(u.secondOpinion?.rulesShare).toBeGreaterThan(0.9);
    expect(u.secondOpinion?.next?.intent).not.toBe('cancel_event');
  });

  test('a reading with no cancel in it is left as it is', () => {
    const u = understand('fællesspisning i dag 34 deltagere', 'da', NOW);
    expect(asStaff(u)).toBe(u);
  });
});
