/**
 * Round 8, Danish and English lexicons: the classes of miss seen on tests/nlu/fresh4, each said in new words that are in
 * no labelled set. A booking no longer needed is cancelled; an appointment someone else moved or cancelled elsewhere is
 * told, not asked for; asking whether one has a time shows one's bookings; "take me off" an activity cancels; negated
 * reminders turn them off; shops and the weather ask for nothing here; a party said as "we are 4 people" signs up; the
 * price of an activity is no money trouble; who reads the messages is privacy; a staff member's slip corrects a log.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';
import type { Intent } from '../../src/nlu/understanding';

const NOW = new Date('2026-11-24T10:00:00Z');

// Every case lists its details (empty when only the intent matters): test.each hands a shorter row a `done` callback.
type Case = [string, Intent, Record<string, unknown>];

const CASES: Record<'da' | 'en', Case[]> = {
  da: [
    ['jeg har ikke brug for min tid hos rådgiveren mere', 'cancel_booking', {}],
    ['har i givet mig en tid', 'my_bookings', {}],
    ['fjern mig fra listen til fællesspisning', 'cancel_booking', {}],
    ['lad være med at sende mig påmindelser', 'reminders_off', {}],
    ['vi er 4 personer til spisning torsdag', 'sign_up', { participants: 4, date: '2026-11-26' }],
    ['koster fællesspisningen penge', 'find_activities', { asks: 'price' }],
    ['hvem har adgang til mine beskeder', 'privacy', {}],
    ['fejl i registreringen, der var 12 børn', 'correct_delivery', { participants: 12 }],
    ['kan jeg få rykket min tid til næste uge', 'move_booking', {}],
    ['nej tak ikke denne gang', 'no', {}],
  ],
  en: [
    ['i no longer need my appointment with the adviser', 'cancel_booking', {}],
    ['do i have a time with the counsellor', 'my_bookings', {}],
    ['remove my daughter from the homework club', 'cancel_booking', {}],
    ['no need to remind me about the dinner', 'reminders_off', {}],
    ['we are 4 people for dinner on thursday', 'sign_up', { participants: 4, date: '2026-11-26' }],
    ['do we have to pay money for the dinner', 'find_activities', {}],
    ['can other people see what i write here', 'privacy', {}],
    ['i typed it wrong, there were 20 participants', 'correct_delivery', { participants: 20 }],
    ['could my appointment be moved to friday', 'move_booking', { date: '2026-11-27' }],
    ['maybe next time thanks', 'no', {}],
  ],
};

describe('round 8: the fresh4 classes said in new Danish and English words', () => {
  for (const language of ['da', 'en'] as const) {
    test.each(CASES[language])(`${language}: "%s" is %s, acted on`, (text, intent, details) => {
      const u = understand(text, language as Language, NOW);
      expect(u.intent).toBe(intent);
      expect(u.details).toMatchObject(details);
      expect(decide(u)).toEqual({ kind: 'act', intent });
    });
  }

  // Someone else moved or cancelled an appointment, or a shop's hours: life elsewhere, neither acted on nor asked about.
  test.each<[Language, string]>([
    ['da', 'tandlægen har rykket min tid til på mandag'],
    ['da', 'min søns fodbold er flyttet til søndag'],
    ['da', 'hvornår lukker føtex i dag'],
    ['en', 'the hospital moved my scan to next week'],
    ['en', "my son's football got moved to sunday"],
    ['en', 'when does lidl close today'],
  ])('%s: "%s" asks for nothing here', (language, text) => {
    const u = understand(text, language, NOW);
    expect(u.intent).toBe('unknown');
    expect(decide(u)).toEqual({ kind: 'none' });
  });
});
