import { understand } from '../../src/nlu/reader';
import { asciiDigits } from '../../src/nlu/text';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');
const read = (text: string, language: Language = 'da') => understand(text, language, NOW).details;

describe('digits', () => {
  test('Arabic-Indic and Persian digits become ASCII', () => {
    expect(asciiDigits('٣٤ و ۱۲')).toBe('34 و 12');
    expect(asciiDigits('٤٫٥')).toBe('4.5');
    expect(read('٣٤ مشارك', 'ar').participants).toBe(34);
    expect(read('۱۲ نفر', 'fa').participants).toBe(12);
  });

  test('unclaimed numbers are listed in order', () => {
    expect(read('fællesspisning 34').numbers).toEqual([34]);
    expect(read('2').numbers).toEqual([2]);
    expect(read('fra 13 til 17').numbers).toEqual([13, 17]);
  });
});

describe('number words to twenty and the tens', () => {
  test.each([
    ['da', 'lektiecafe i dag femten børn', 'participants', 15],
    ['en', 'homework cafe today fifteen kids', 'participants', 15],
    ['en', 'thirty participants', 'participants', 30],
    ['ar', 'خمسطعش مشارك', 'participants', 15],
    ['tr', 'yirmi katılımcı', 'participants', 20],
    ['uk', 'двадцять учасників', 'participants', 20],
    ['fa', 'بیست نفر', 'participants', 20],
  ] as const)('%s %s → %s %d', (language, text, role, n) => {
    expect(read(text, language)[role]).toBe(n);
  });
});

describe('number words 1-12', () => {
  test.each([
    ['da', 'to voksne', 'adults', 2],
    ['da', 'tre børn', 'children', 3],
    ['da', 'tolv deltagere', 'participants', 12],
    ['en', 'two adults', 'adults', 2],
    ['en', 'twelve kids', 'children', 12],
    ['ar', 'اثنين متطوعين', 'volunteers', 2],
    ['ar', 'ثلاثة أطفال', 'children', 3],
    ['so', 'laba qof', 'participants', 2],
    ['so', 'laba iyo toban qof', 'participants', 12],
    ['tr', 'iki kişi', 'participants', 2],
    ['tr', 'on iki çocuk', 'children', 12],
    ['uk', 'два дорослих', 'adults', 2],
    ['uk', "п'ять дітей", 'children', 5],
    ['fa', 'دو نفر', 'participants', 2],
    ['ckb', 'دوو کەس', 'participants', 2],
    ['ckb', 'سێ منداڵ', 'children', 3],
  ] as const)('%s %s → %s %d', (language, text, field, value) => {
    expect(read(text, language)[field]).toBe(value);
  });

  test('words that also mean "a" count only before a counted word', () => {
    expect(read('2 voksne og et barn').children).toBe(1);
    expect(read('jeg vil tale med en person').participants).toBeUndefined();
    expect(read('jeg har et spørgsmål').numbers).toEqual([]);
    expect(read('a child', 'en').children).toBe(1);
    expect(read('book a spot', 'en').numbers).toEqual([]);
  });

  test('Arabic duals are counts of two', () => {
    expect(read('لشخصين', 'ar').participants).toBe(2);
    expect(read('طفلين', 'ar').children).toBe(2);
    // "متطوعين" is also the plain plural: no number without a digit.
    expect(read('متطوعين', 'ar').volunteers).toBeUndefined();
  });
});

describe('counts tied to words', () => {
  test.each([
    ['da', '34 deltagere', { participants: 34 }],
    ['da', '2 frivillige', { volunteers: 2 }],
    ['da', '5 nye', { newParticipants: 5 }],
    ['da', '2 voksne og 1 barn', { adults: 2, children: 1 }],
    ['da', 'deltagere 34 frivillige 2', { participants: 34, volunteers: 2 }],
    ['da', '34 deltagere, 2 frivillige, 3 nye', { participants: 34, volunteers: 2, newParticipants: 3 }],
    ['da', '12 deltog', { participants: 12 }],
    ['en', '8 came, 2 new', { participants: 8, newParticipants: 2 }],
    ['ar', 'حضر 12 طفل', { children: 12 }],
    ['ar', '2 بالغين و طفل واحد', { adults: 2, children: 1 }],
  ] as const)('%s %s', (language, text, want) => {
    expect(read(text, language)).toMatchObject(want);
  });

  test('a delivery log counts adults and children as participants when not said outright', () => {
    expect(understand('mødregruppe 6 mødre', 'da', NOW).details.participants).toBe(6);
    expect(understand('logged homework club yesterday 12 kids', 'en', NOW).details.participants).toBe(12);
  });

  test('a report\'s one number counts who came; "heraf" and "elever" are understood', () => {
    expect(understand('fællesspisning 52', 'da', NOW).details.participants).toBe(52);
    expect(understand('lektiehjælp i går 11 elever 2 frivillige', 'da', NOW).details).toMatchObject({ participants: 11, volunteers: 2 });
    expect(understand('fællesspisning i går 45 deltagere heraf 6 nye', 'da', NOW).details).toMatchObject({
      participants: 45,
      newParticipants: 6,
      activityText: 'fællesspisning',
    });
  });

  test("a sign-up's one number is its party, and stays among the numbers for a count prompt", () => {
    const u = understand('نحنا خمسة بدنا نجي عالعشا', 'ar', NOW);
    expect(u.intent).toBe('sign_up');
    expect(u.details.participants).toBe(5);
    expect(u.details.numbers).toEqual([5]);
  });

  test('Arabic writes "for" onto the count: "احجز لشخصين الجمعة" books for two, it logs nothing', () => {
    const u = understand('احجز لشخصين الجمعة', 'ar', NOW);
    expect(u.intent).toBe('sign_up');
    expect(u.details).toMatchObject({ participants: 2, date: '2026-11-27' });
  });
});

describe('measurements and years', () => {
  test.each([
    ['klagesager 2022: 49', 2022, 49],
    ['klagesager 2022:49', 2022, 49],
    ['klagesager 2022 = 49', 2022, 49],
    ['klagesager 2022 var 49', 2022, 49],
    ['skolefravær 2023: 4,2', 2023, 4.2],
  ])('%s', (text, year, value) => {
    expect(read(text)).toMatchObject({ year, value });
  });

  test('a lone year is a year, not a count', () => {
    expect(read('status 2024')).toMatchObject({ year: 2024, numbers: [] });
  });

  test('a house number is part of the address', () => {
    expect(read('jeg bor på Husarvej 12')).toMatchObject({ address: 'Husarvej 12', numbers: [] });
    expect(read('Rørhaven 7, 2. th')).toMatchObject({ address: 'Rørhaven 7', numbers: [] });
    expect(read('Husarvej 12B')).toMatchObject({ address: 'Husarvej 12B' });
  });
});
