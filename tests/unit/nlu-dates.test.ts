import { numericDate, resolveDates } from '../../src/nlu/dates';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

// Tuesday 24 November 2026, 11:00 in Copenhagen.
const TUESDAY = new Date('2026-11-24T10:00:00Z');
const day = (text: string, language: Language = 'da', now = TUESDAY): string | undefined => understand(text, language, now).details.date;
const range = (text: string, language: Language = 'da', now = TUESDAY): { from: string; to: string } | undefined =>
  understand(text, language, now).details.dateRange;

describe('relative days', () => {
  test.each([
    ['da', 'hvad sker der i dag', '2026-11-24'],
    ['da', 'hvad sker der idag', '2026-11-24'],
    ['da', 'i morgen', '2026-11-25'],
    ['da', 'imorgen', '2026-11-25'],
    ['da', 'i overmorgen', '2026-11-26'],
    ['da', 'i går', '2026-11-23'],
    ['en', 'today', '2026-11-24'],
    ['en', 'tonight', '2026-11-24'],
    ['en', 'tomorrow', '2026-11-25'],
    ['en', 'yesterday', '2026-11-23'],
    ['ar', 'غدا', '2026-11-25'],
    ['ar', 'غداً', '2026-11-25'],
    ['ar', 'بكرة', '2026-11-25'],
    ['ar', 'اليوم', '2026-11-24'],
    ['ar', 'أمس', '2026-11-23'],
    ['so', 'berri', '2026-11-25'],
    ['tr', 'yarın', '2026-11-25'],
    ['uk', 'завтра', '2026-11-25'],
    ['fa', 'فردا', '2026-11-25'],
    ['ckb', 'سبەی', '2026-11-25'],
    ['ckb', 'دوێنێ', '2026-11-23'],
  ] as const)('%s %s → %s', (language, text, want) => {
    expect(day(text, language)).toBe(want);
  });

  test('the day is the Copenhagen day, not the UTC one', () => {
    // 23:30 UTC on the 24th is 00:30 on the 25th in Copenhagen.
    expect(day('i dag', 'da', new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
  });
});

describe('a count of days or weeks from today', () => {
  test.each([
    ['da', 'hvad sker der om to dage', '2026-11-26'],
    ['da', 'om 3 dage', '2026-11-27'],
    ['da', 'om en uge', '2026-12-01'],
    ['da', 'for to dage siden', '2026-11-22'],
    ['en', 'in two days', '2026-11-26'],
    ['en', 'in a week', '2026-12-01'],
    ['en', '3 days from now', '2026-11-27'],
    ['en', '2 days ago', '2026-11-22'],
    ['ar', 'بعد يومين', '2026-11-26'],
    ['ar', 'بعد ٣ ايام', '2026-11-27'],
    ['ar', 'ba3d yomen', '2026-11-26'],
    ['ar', 'بعد اسبوع', '2026-12-01'],
    ['so', 'laba maalmood kadib', '2026-11-26'],
    ['tr', 'iki gün sonra', '2026-11-26'],
    ['tr', 'iki gün sonraki yemek', '2026-11-26'],
    ['uk', 'через два дні', '2026-11-26'],
    ['uk', 'через тиждень', '2026-12-01'],
    ['fa', 'دو روز دیگه', '2026-11-26'],
    ['ckb', 'دوو ڕۆژی تر', '2026-11-26'],
  ] as const)('%s %s → %s', (language, text, want) => {
    expect(day(text, language)).toBe(want);
  });

  test.each([
    ['da', 'vi var på lejr i 2 dage'],
    ['fa', 'یه روز دیگه میام'],
  ] as const)('%s %s: a count of days without "in" or "ago" is no date', (language, text) => {
    expect(day(text, language)).toBeUndefined();
  });

  test('"هفته دیگه" stays next week, a span', () => {
    expect(range('هفته دیگه چه برنامه ای هست', 'fa')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });
});

describe('a change of mind between two days', () => {
  test.each([
    ['da', 'skriv mig op til fredag nej torsdag', '2026-11-26'],
    ['en', 'sign me up for friday no wait thursday', '2026-11-26'],
    ['ar', 'سجلني يوم الجمعة لا الخميس', '2026-11-26'],
    ['fa', 'برای جمعه ثبت نام کن نه پنجشنبه', '2026-11-26'],
  ] as const)('%s %s: the day after the no is meant, and the no answers nothing', (language, text, want) => {
    const u = understand(text, language, TUESDAY);
    expect(u.details.date).toBe(want);
    expect(u.intent).toBe('sign_up');
  });
});

describe('weekdays', () => {
  test.each([
    ['da', 'på torsdag', '2026-11-26'],
    ['da', 'torsdag', '2026-11-26'],
    ['da', 'tirsdag', '2026-11-24'], // today counts as "this Tuesday"
    ['da', 'mandag', '2026-11-30'],
    ['da', 'næste tirsdag', '2026-12-01'],
    ['da', 'i torsdags', '2026-11-19'],
    ['en', 'on Thursday', '2026-11-26'],
    ['en', 'last thursday', '2026-11-19'],
    ['ar', 'يوم الخميس', '2026-11-26'],
    ['ar', 'الخميس الماضي', '2026-11-19'],
    ['so', 'khamiista', '2026-11-26'],
    ['tr', 'perşembe günü', '2026-11-26'],
    ['tr', 'cumartesi', '2026-11-28'],
    ['tr', 'cuma', '2026-11-27'],
    ['uk', 'в четвер', '2026-11-26'],
    ['uk', 'у пʼятницю', '2026-11-27'],
    ['fa', 'پنجشنبه', '2026-11-26'],
    ['fa', 'سه شنبه', '2026-11-24'],
    ['ckb', 'پێنجشەممە', '2026-11-26'],
  ] as const)('%s %s → %s', (language, text, want) => {
    expect(day(text, language)).toBe(want);
  });

  test('a delivery log reads a weekday backward (deliveries are logged after they happen)', () => {
    expect(day('fællesspisning torsdag 34 deltagere')).toBe('2026-11-19');
    expect(day('babycafe on Thursday, 8 came', 'en')).toBe('2026-11-19');
    expect(day('fællesspisning tirsdag 30 deltagere')).toBe('2026-11-24');
  });

  test('a sign-up reads a weekday forward even with a past-tense word in it', () => {
    expect(day('tilmeld mig fællesspisning på torsdag, jeg var der sidst')).toBe('2026-11-26');
  });
});

describe('weeks and weekends', () => {
  test.each([
    ['da', 'hvad sker der i denne uge', { from: '2026-11-24', to: '2026-11-29' }],
    ['da', 'denne uge', { from: '2026-11-24', to: '2026-11-29' }],
    ['da', 'næste uge', { from: '2026-11-30', to: '2026-12-06' }],
    ['da', 'i weekenden', { from: '2026-11-28', to: '2026-11-29' }],
    ['da', 'uge 49', { from: '2026-11-30', to: '2026-12-06' }],
    ['en', 'this week', { from: '2026-11-24', to: '2026-11-29' }],
    ['en', 'next week', { from: '2026-11-30', to: '2026-12-06' }],
    ['en', 'this weekend', { from: '2026-11-28', to: '2026-11-29' }],
    ['ar', 'هذا الأسبوع', { from: '2026-11-24', to: '2026-11-29' }],
    ['ar', 'الاسبوع القادم', { from: '2026-11-30', to: '2026-12-06' }],
    ['so', 'toddobaadkan', { from: '2026-11-24', to: '2026-11-29' }],
    ['tr', 'bu hafta', { from: '2026-11-24', to: '2026-11-29' }],
    ['tr', 'hafta sonu', { from: '2026-11-28', to: '2026-11-29' }],
    ['uk', 'наступного тижня', { from: '2026-11-30', to: '2026-12-06' }],
    ['fa', 'این هفته', { from: '2026-11-24', to: '2026-11-29' }],
    ['ckb', 'هەفتەی داهاتوو', { from: '2026-11-30', to: '2026-12-06' }],
  ] as const)('%s %s', (language, text, want) => {
    expect(range(text, language)).toEqual(want);
  });

  test('on a Saturday the weekend is today and tomorrow', () => {
    expect(range('weekend', 'da', new Date('2026-11-28T09:00:00Z'))).toEqual({ from: '2026-11-28', to: '2026-11-29' });
  });
});

describe('calendar dates', () => {
  test.each([
    ['da', '24/11', '2026-11-24'],
    ['da', '24.11', '2026-11-24'],
    ['da', '24/11/2026', '2026-11-24'],
    ['da', '3/12', '2026-12-03'],
    ['da', '24. november', '2026-11-24'],
    ['da', 'den 1. december', '2026-12-01'],
    ['en', '3 December', '2026-12-03'],
    ['en', 'December 3', '2026-12-03'],
    ['en', '24th of November', '2026-11-24'],
    ['ar', '٣/١٢', '2026-12-03'],
    ['fa', '۳/۱۲', '2026-12-03'],
    ['tr', '24 kasım', '2026-11-24'],
    ['uk', '24 листопада', '2026-11-24'],
  ] as const)('%s %s → %s', (language, text, want) => {
    expect(day(text, language)).toBe(want);
  });

  test('a day and month without a year is the nearest such date', () => {
    expect(day('28/12 fællesspisning 30 deltagere', 'da', new Date('2027-01-03T12:00:00Z'))).toBe('2026-12-28');
    expect(day('2/1', 'da', new Date('2026-12-20T12:00:00Z'))).toBe('2027-01-02');
  });

  test('a weekday said with a calendar date only restates it: the date wins, and "d"/"den" go with it', () => {
    const u = understand('opret en fællesspisning fredag d 11 december', 'da', TUESDAY);
    expect(u.details.date).toBe('2026-12-11');
    expect(understand('tilmeld mig spisning torsdag d. 3.12', 'da', TUESDAY).details).toMatchObject({ date: '2026-12-03', activityText: 'spisning' });
    expect(day('sign me up for dinner on friday 27/11', 'en')).toBe('2026-11-27');
  });

  test('impossible dates and decimals are not dates', () => {
    expect(numericDate('31/11')).not.toBeNull(); // shape is a date; resolving drops it
    expect(day('31/11')).toBeUndefined();
    expect(numericDate('4.2')).toBeNull();
    expect(numericDate('13/13')).toBeNull();
  });

  test('a clock time is not a date or a count', () => {
    const u = understand('fællesspisning i morgen kl. 17.30', 'da', TUESDAY);
    expect(u.details.date).toBe('2026-11-25');
    expect(u.details.numbers).toEqual([]);
    expect(understand('dinner 17:30 today', 'en', TUESDAY).details.numbers).toEqual([]);
  });
});

describe('resolveDates directly', () => {
  const today = new Date(Date.UTC(2026, 10, 26)); // a Thursday
  test('on a Thursday "torsdag" is today, forward and backward', () => {
    expect(resolveDates([{ kind: 'weekday', day: 4, modifier: null }], today, false).date).toBe('2026-11-26');
    expect(resolveDates([{ kind: 'weekday', day: 4, modifier: null }], today, true).date).toBe('2026-11-26');
    expect(resolveDates([{ kind: 'weekday', day: 4, modifier: 'last' }], today, false).date).toBe('2026-11-19');
    expect(resolveDates([{ kind: 'weekday', day: 4, modifier: 'next' }], today, false).date).toBe('2026-12-03');
  });
  test('a span and a day together', () => {
    const r = resolveDates(
      [
        { kind: 'week', which: 'next' },
        { kind: 'offset', days: 1 },
      ],
      today,
      false,
    );
    expect(r).toEqual({ date: '2026-11-27', dateRange: { from: '2026-11-30', to: '2026-12-06' } });
  });
});

describe('a month said alone is the month', () => {
  test.each([
    ['da', 'hvad sker der i december', { from: '2026-12-01', to: '2026-12-31' }],
    ['da', 'aktiviteter for børn i januar', { from: '2027-01-01', to: '2027-01-31' }],
    // The month we are in: what is left of it.
    ['da', 'hvad sker der i november', { from: '2026-11-24', to: '2026-11-30' }],
    ['en', 'wat r the activities in december', { from: '2026-12-01', to: '2026-12-31' }],
    ['en', 'anything for kids in february', { from: '2027-02-01', to: '2027-02-28' }],
    ['ar', 'شو في نشاطات بشهر ديسمبر', { from: '2026-12-01', to: '2026-12-31' }],
    ['tr', 'aralık ayında ne etkinlik var', { from: '2026-12-01', to: '2026-12-31' }],
  ] as const)('%s %s', (language, text, want) => {
    expect(range(text, language)).toEqual(want);
  });

  test.each([
    // A day with the month is that day, as before.
    ['da', 'fællesspisning 3 december', '2026-12-03'],
    // A three-letter form is also a name ("Jan") or a word; a word read past a slip ("match" as "march") is no month.
    ['da', 'jan kommer i morgen', '2026-11-25'],
    ['en', 'who won the match yesterday', '2026-11-23'],
  ] as const)('%s %s: no month range, the day %s', (language, text, want) => {
    expect(range(text, language)).toBeUndefined();
    expect(day(text, language)).toBe(want);
  });
});
