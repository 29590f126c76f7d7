/**
 * Round 10, Danish and English lexicons: the classes of miss seen on the retired blind5 (and blind3), each said in new
 * words that are in no labelled set. A no that says the offer does not suit is a plain no; small talk about how the
 * assistant is doing is not a greeting to act on (a hello with it still is); which events one is "on" is asked
 * between one's bookings and a staff member's events, never acted on as either; pushing "my" booking moves it; being "in
 * for" an activity signs up; one's account or profile "removed" deletes one's data; deleting or removing "my time"
 * cancels it, and not turning up ("dukker/møder ikke op") cancels; getting hold of someone ("få fat i en") is talking to a
 * person; "what is happen" and "hvad kan man/vi lave" ask what is on; "which day i am booked" asks for one's bookings;
 * "overleveringer" are handovers and how many to cook for ("laves mad til") is the kitchen summary; "gårsdagens" and
 * "i aftes" are yesterday, and a "rapporteringsperiode" is the reporting period.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';
import type { Intent } from '../../src/nlu/understanding';

const NOW = new Date('2026-11-24T10:00:00Z');

// Every case lists its details (empty when only the intent matters): test.each hands a shorter row a `done` callback.
type Case = [string, Intent, Record<string, unknown>];

const ACTED: Record<'da' | 'en', Case[]> = {
  da: [
    ['Nej, det passer os ikke', 'no', {}],
    ['nej det passer ikke mig', 'no', {}],
    ['hej, hvordan har du det', 'greet', {}],
    ['slet min aftale med rådgiveren på torsdag', 'cancel_booking', { date: '2026-11-26' }],
    ['vi møder ikke op til fællesspisning i morgen', 'cancel_booking', { date: '2026-11-25', category: 'dinner' }],
    ['er der nogen overleveringer fra i går', 'handovers', {}],
    ['hvor mange skal der laves mad til i morgen', 'kitchen_summary', { date: '2026-11-25' }],
    ['hvad kan vi lave i Gellerup på søndag', 'find_activities', { date: '2026-11-29' }],
    ['ret gårsdagens tal til 30 deltagere', 'correct_delivery', { date: '2026-11-23', participants: 30 }],
    ['i aftes var vi 22 til lektiecaféen og 3 frivillige', 'log_delivery', { date: '2026-11-23', volunteers: 3 }],
    ['hvor langt er vi med målene i rapporteringsperioden', 'progress', { period: 'reporting-period' }],
  ],
  en: [
    ['No, it does not work for me', 'no', {}],
    ['no it doesnt suit us', 'no', {}],
    ['hello, how are you', 'greet', {}],
    ['push my time with the adviser to monday', 'move_booking', { date: '2026-11-30' }],
    ["we're in for the homework club", 'sign_up', {}],
    ['I want my profile removed', 'delete_my_data', {}],
    ['what is happen at the park tomorrow', 'find_activities', { date: '2026-11-25' }],
    ['what day im booked for the baby cafe', 'my_bookings', {}],
  ],
};

// Said alone, these must not be acted on as the intent named.
const NOT_ACTED: [Language, string, Intent][] = [
  ['da', 'hvordan har du det i dag', 'greet'],
  ['en', 'how are you', 'greet'],
  ['en', 'which events am i on the coming week', 'my_bookings'],
  ['en', 'which events am i on the coming week', 'upcoming_events'],
  ['da', 'nej det passer mig ikke', 'move_booking'],
  ['en', 'no that doesnt work for me', 'move_booking'],
];

describe('round 10: the blind5 classes said in new Danish and English words', () => {
  for (const language of ['da', 'en'] as const) {
    test.each(ACTED[language])(`${language}: "%s" is %s, acted on`, (text, intent, details) => {
      const u = understand(text, language as Language, NOW);
      expect(u.intent).toBe(intent);
      expect(u.details).toMatchObject(details);
      expect(decide(u)).toEqual({ kind: 'act', intent });
    });
  }

  test.each(NOT_ACTED)('%s: "%s" is not acted on as %s', (language, text, intent) => {
    expect(decide(understand(text, language, NOW))).not.toEqual({ kind: 'act', intent });
  });

  test('a no followed by a wish to move is not acted on as a plain no', () => {
    expect(decide(understand('no that doesnt suit me, can we move it to friday', 'en', NOW))).not.toEqual({ kind: 'act', intent: 'no' });
  });
});
