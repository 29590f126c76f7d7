/**
 * "mandag i stedet for onsdag" (src/nlu/instead.ts): of two days, the one "instead of" points at is given up; a word taking it back
 * ("faktisk", "actually", "aslında", "قصدي") between two days or two counts keeps the later one; the dinner named in the
 * request itself ("afmeld mig fællesspisning") is the dinner.
 */
import { understand } from '../../src/nlu/reader';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('"instead of" gives a day up', () => {
  test.each([
    ['da', 'kan vi tage mandag i stedet for onsdag', '2026-11-30'],
    ['en', 'could we do monday instead of wednesday', '2026-11-30'],
    ['ar', 'ممكن موعدي الاثنين بدل الاربعاء', '2026-11-30'],
    ['tr', 'randevum çarşamba yerine pazartesi olsun', '2026-11-30'],
    ['uk', 'перенесіть мій запис на понеділок замість середи', '2026-11-30'],
  ] as const)('%s: "%s" asks for %s', (language, text, date) => {
    expect(understand(text, language, NOW).details.date).toBe(date);
  });
});

describe('a day ruled out, then another named', () => {
  // NOW is a Tuesday: "tirsdag" alone would be today.
  test.each([
    ['da', 'mandag kan jeg ikke, kan vi flytte til tirsdag', '2026-12-01'],
    ['ar', 'يوم الاثنين ما بقدر ممكن ننقلها للثلاثاء', '2026-12-01'],
    // An earlier day than the one ruled out stays in its own week.
    ['en', 'friday doesnt work can we move to thursday', '2026-11-26'],
  ] as const)('%s: "%s" moves to %s', (language, text, date) => {
    const u = understand(text, language, NOW);
    expect(u.intent).toBe('move_booking');
    expect(u.details.date).toBe(date);
  });
});

describe('a day taken back', () => {
  test.each([
    ['tr', 'beni perşembeye kaydet aslında cuma daha iyi', '2026-11-27'],
    ['en', 'sign me up thursday, actually friday is better', '2026-11-27'],
    ['ar', 'سجلني الخميس قصدي الجمعة', '2026-11-27'],
    ['da', 'tilmeld mig torsdag, faktisk fredag', '2026-11-27'],
    // Two days with no word taking one back: the first still counts.
    ['en', 'can i come thursday or friday', '2026-11-26'],
  ] as const)('%s: "%s" is %s', (language, text, date) => {
    expect(understand(text, language, NOW).details.date).toBe(date);
  });
});

describe('a count taken back', () => {
  test.each([
    ['ar', '3 كبار لا لا خليها 2 كبار', { adults: 2 }],
    ['da', '3 voksne nej vent 2 voksne', { adults: 2 }],
    ['en', '3 adults actually make it 2 adults', { adults: 2 }],
    // Said again without taking anything back, counts add up.
    ['da', '2 voksne og 1 barn og 1 barn mere', { adults: 2, children: 2 }],
    ['da', '2 mødre og 1 far', { adults: 3 }],
  ] as const)('%s: "%s"', (language, text, counts) => {
    expect(understand(text, language, NOW).details).toMatchObject(counts);
  });
});

describe('the dinner named inside the request', () => {
  test.each([
    ['da', 'afmeld mig fællesspisning på torsdag', 'cancel_booking'],
    ['en', 'cancel my dinner on thursday', 'cancel_booking'],
    ['ar', 'بدي احجز للعشا بكرة لشخصين', 'sign_up'],
  ] as const)('%s: "%s" is about the dinner', (language, text, intent) => {
    const u = understand(text, language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details.category).toBe('dinner');
  });

  test('another activity named beside it keeps the dinner out: "afmeld mig lektiecafeen"', () => {
    expect(understand('afmeld mig lektiecafeen på torsdag', 'da', NOW).details.category).toBeUndefined();
  });
});
