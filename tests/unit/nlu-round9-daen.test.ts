/**
 * Round 9, Danish and English lexicons (and the shared reader where a class could not be fixed in a lexicon): the classes
 * of miss seen on the retired blind sets 2-4, each said in new words that are in no labelled set. Asking what one has on
 * shows one's bookings; news "only about" something chooses topics; a staff member's own events are upcoming events;
 * bumping, switching or a time that does not work moves a booking; putting someone down or bringing them signs up;
 * cancelling "us", unbooking or taking a name off cancels; a ring from someone is talking to a person; erasing one's
 * details deletes them; whether an activity is still running asks what is on; a money topic in a question asks for
 * counselling; of two languages named the last is the one asked for, and not understanding a language asks for another; a
 * household counted for a weekday is a party booked, a count said again replaces the first, and reminders about one's
 * bookings are reminders;
 * whether one must pay for something, or whether men or women may come, asks about the activity.
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
    ['jeg vil kun have nyheder om ældre', 'news_topics', { audience: 'adults' }],
    ['ikke flere nyhedsmails tak', 'news_off', {}],
    ['meld os på babycafeen', 'sign_up', {}],
    ['hvad står jeg for i næste uge', 'upcoming_events', {}],
    ['er mødregruppen stadig i gang', 'find_activities', {}],
    ['kan jeg rykke min samtaletid til mandag', 'move_booking', { date: '2026-11-30' }],
    ['hvornår var det nu jeg havde tid', 'my_bookings', {}],
    ['hvordan beskytter i mine oplysninger', 'privacy', {}],
    ['drop alle de påmindelser', 'reminders_off', {}],
    ['jeg fortryder min tilmelding til babycafe', 'cancel_booking', {}],
    ['jeg vil gerne kigge forbi kontoret', 'talk_to_person', {}],
    ['slet min mail fra jeres system', 'delete_my_data', {}],
    ['jeg fatter ikke hvordan appen virker', 'help', {}],
    ['jeg kan ikke læse dansk, kan du skrive tyrkisk', 'change_language', { language: 'tr' }],
    ['spisning fredag 2 voksne 1 barn', 'sign_up', { date: '2026-11-27', adults: 2, children: 1 }],
    ['vi kommer til maden torsdag 4 børn nej vent 3 børn', 'sign_up', { children: 3, date: '2026-11-26' }],
    ['jeg vil ikke have sms om mine tilmeldinger', 'reminders_off', {}],
    ['skal jeg betale for lektiehjælp', 'find_activities', { asks: 'price' }],
  ],
  en: [
    ['have i got anything on thursday', 'my_bookings', { date: '2026-11-26' }],
    ['i only want news about the children', 'news_topics', { audience: 'children' }],
    ['what events am i in charge of next week', 'upcoming_events', {}],
    ['could you bump my time with the adviser by two days', 'move_booking', {}],
    ['my time doesnt work, can i get a new time', 'move_booking', {}],
    ['put my son down for homework club', 'sign_up', {}],
    ['we would love to bring the kids to the dinner', 'sign_up', {}],
    ['please cancel us for the dinner on friday', 'cancel_booking', { date: '2026-11-27' }],
    ['take our names off the dinner list', 'cancel_booking', {}],
    ['could someone from the office ring me', 'talk_to_person', {}],
    ['erase my name and address', 'delete_my_data', {}],
    ['is the baby cafe still on', 'find_activities', {}],
    ['they stopped my housing benefit, is there anyone who can help', 'book_counselling', { topic: 'housing_benefit' }],
    ['my debt keeps growing, what can i do about it', 'book_counselling', { topic: 'debt' }],
    ['i cant read danish very well, somali please?', 'change_language', { language: 'so' }],
    ["i don't understand danish", 'change_language', {}],
    ['friday dinner 2 adults 2 kids', 'sign_up', { date: '2026-11-27', adults: 2, children: 2 }],
    ['sign us up for dinner thursday 4 kids actually make it 3 kids', 'sign_up', { children: 3, date: '2026-11-26' }],
    ['stop reminding me about my bookings', 'reminders_off', {}],
    ['only send me the news about families', 'news_topics', { audience: 'parents' }],
    ['what events am i running on friday', 'upcoming_events', { date: '2026-11-27' }],
    ['do we need to pay for the baby cafe', 'find_activities', { asks: 'price' }],
    ['can women come to the football', 'find_activities', { asks: 'audience' }],
  ],
};

describe('round 9: the blind2-4 classes said in new Danish and English words', () => {
  for (const language of ['da', 'en'] as const) {
    const cases = CASES[language];
    if (cases.length === 0) continue;
    test.each(cases)(`${language}: "%s" is %s, acted on`, (text, intent, details) => {
      const u = understand(text, language as Language, NOW);
      expect(u.intent).toBe(intent);
      expect(u.details).toMatchObject(details);
      expect(decide(u)).toEqual({ kind: 'act', intent });
    });
  }
});
