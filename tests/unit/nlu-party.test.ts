/**
 * A party named by who comes (src/nlu/party.ts): the speaker and each relative or friend named with
 * "my" count, only in a sign-up, only when the speaker names themselves; numbers said outright win.
 */
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');
const party = (text: string, language: Language) => {
  const u = understand(text, language, NOW);
  return { intent: u.intent, adults: u.details.adults, children: u.details.children };
};

describe('a party named by who comes', () => {
  test.each([
    ['da', 'tilmeld mig og min mand til fællesspisning torsdag', 2, undefined],
    ['da', 'jeg og min kone og vores 2 børn vil gerne tilmelde os spisning fredag', 2, 2],
    ['da', 'tilmeld mig og mine forældre til fællesspisning', 3, undefined],
    ['en', 'sign up me and my wife for the dinner on thursday', 2, undefined],
    ['en', 'book dinner friday for me my husband and my daughter', 2, 1],
    ['ar', 'بدي سجل عالعشا الخميس انا ومرتي وولدين', 2, 2],
    ['ar', 'سجلني انا وامي وبنتي عالعشا الجمعة', 2, 1],
    ['tr', 'ben ve eşim perşembe yemeğine kayıt olmak istiyoruz', 2, undefined],
    ['uk', 'запишіть мене з чоловіком на вечерю в четвер', 2, undefined],
  ] as const)('%s: "%s" is %s adults and %s children', (language, text, adults, children) => {
    expect(party(text, language)).toEqual({ intent: 'sign_up', adults, children });
  });

  test('numbers said outright win: "mig og min mand, 3 voksne" is three adults', () => {
    expect(party('tilmeld mig og min mand til fællesspisning torsdag 3 voksne', 'da').adults).toBe(3);
  });

  test('without the speaker named, no count is guessed ("tilmeld min mand" may be for him alone or for both)', () => {
    expect(party('tilmeld min mand til fællesspisning torsdag', 'da')).toEqual({ intent: 'sign_up', adults: undefined, children: undefined });
  });

  test('a relative that is not "my" someone, or a message that is no sign-up, counts nothing', () => {
    expect(party('jeg vil tilmelde mig fællesspisning på mandag', 'da').adults).toBeUndefined();
    expect(party('jeg og min mand skal til lægen på torsdag', 'da').adults).toBeUndefined();
  });
});

describe('counts in the forms people write them', () => {
  test('uk: "двох дорослих і трьох дітей" (the genitive after "запишіть") is two adults and three children', () => {
    expect(party('запишіть на пʼятницю двох дорослих і трьох дітей на вечерю', 'uk')).toEqual({ intent: 'sign_up', adults: 2, children: 3 });
  });

  test('da: "en voksen" in a sign-up is one adult, not a wish to talk to a grown-up ("snakke med en voksen" still is)', () => {
    expect(party('sæt mig på til fællesspisning d. 3/12 en voksen vegetar', 'da')).toEqual({ intent: 'sign_up', adults: 1, children: undefined });
    expect(understand('jeg vil gerne snakke med en voksen', 'da', NOW).intent).toBe('talk_to_person');
  });
});

describe('people, then who they are', () => {
  const counts = (text: string, language: Language) => {
    const d = understand(text, language, NOW).details;
    return { adults: d.adults, children: d.children };
  };
  test.each([
    // "two persons, adults": the count is of adults, not of people in general.
    ['ar', 'سجلني عالعشا الخميس شخصين كبار و ولد واحد', 2, 1],
    ['fa', 'برای شام پنجشنبه دو نفر بزرگسال و یک بچه ثبت نام کنید', 2, 1],
    ['da', 'tilmeld fællesspisning torsdag 2 personer voksne og 1 barn', 2, 1],
    ['en', 'dinner thursday 2 people adults and 1 kid', 2, 1],
  ] as const)('%s: "%s" is %s adults and %s children', (language, text, adults, children) => {
    expect(counts(text, language)).toEqual({ adults, children });
  });

  test('people said alone stay a count of people; a word of who they are elsewhere does not take it', () => {
    expect(understand('سجلني عالعشا شخصين', 'ar', NOW).details).toMatchObject({ participants: 2 });
    expect(understand('سجلني عالعشا شخصين', 'ar', NOW).details.adults).toBeUndefined();
    expect(understand('vi er 2 personer', 'da', NOW).details).toMatchObject({ participants: 2 });
  });
});

describe('words that only look like a prefix and a word', () => {
  test('ar "ولدين" is two boys, not "and" + "for debt": a sign-up for two children, no counselling', () => {
    const u = understand('أرغب بتسجيل ولدين في العشاء يوم الخميس', 'ar', NOW);
    expect({ intent: u.intent, children: u.details.children, topic: u.details.topic }).toEqual({ intent: 'sign_up', children: 2, topic: undefined });
  });

  test('tr "cuma uymuyor perşembe olabilir mi": the day that does not suit gives way to the other, a move', () => {
    const u = understand('cuma uymuyor perşembe olabilir mi', 'tr', NOW);
    expect({ intent: u.intent, date: u.details.date }).toEqual({ intent: 'move_booking', date: '2026-11-26' });
  });
});

describe('"a" before people who name a kind of group', () => {
  test.each([
    ['en', 'is there a parents group running this week?'],
    ['en', 'is there a kids club on friday'],
  ] as const)('%s "%s" counts no one', (language, text) => {
    expect(party(text, language)).toEqual({ intent: 'find_activities', adults: undefined, children: undefined });
  });

  test('"a child and 2 adults" still counts', () => {
    expect(party('sign up a child and 2 adults for dinner', 'en')).toEqual({ intent: 'sign_up', adults: 2, children: 1 });
  });
});
