/**
 * Clock times read from words (src/nlu/clock.ts), for answering a list of times: "kl 15", "14.30" after a
 * marker, "15:00", "3 pm" and "3pm", Arabic-Indic digits after "الساعة"; a count is no time.
 */
import { clockTimes, dayParts, inDayPart, sameClock } from '../../src/nlu/clock';
import type { Language } from '../../src/plan-data/plan-file';

describe('clock times in a message', () => {
  test.each<[string, Language, [number, number][]]>([
    ['kan jeg komme kl 15 på tirsdag', 'da', [[15, 0]]],
    ['klokken 9.30', 'da', [[9, 30]]],
    ['tirsdag 15:00', 'da', [[15, 0]]],
    ['tuesday 2pm', 'en', [[14, 0]]],
    ['at 3.30 pm', 'en', [[15, 30]]],
    ['الثلاثاء الساعة ٣', 'ar', [[3, 0]]],
    ['saat 14', 'tr', [[14, 0]]],
    ['vi er 3 voksne', 'da', []],
    ['ring på 12345678', 'da', []],
    ['kl 25', 'da', []],
  ])('%s (%s)', (text, language, expected) => {
    expect(clockTimes(text, language).map((c) => [c.hour, c.minute])).toEqual(expected);
  });

  test('"kl 3" is 3 or 15; "15:00" and "3 pm" only 15', () => {
    const [three] = clockTimes('kl 3', 'da');
    expect(three && sameClock(three, 15, 0)).toBe(true);
    expect(three && sameClock(three, 3, 0)).toBe(true);
    expect(three && sameClock(three, 15, 30)).toBe(false);
    const [pm] = clockTimes('3 pm', 'en');
    expect(pm && sameClock(pm, 3, 0)).toBe(false);
    expect(pm && sameClock(pm, 15, 0)).toBe(true);
  });
});

describe('parts of the day', () => {
  test.each([
    ['da', 'kan jeg komme om formiddagen', ['morning']],
    ['da', 'tirsdag eftermiddag', ['afternoon']],
    ['en', 'thursday evening please', ['evening']],
    ['ar', 'الثلاثاء بعد الظهر', ['afternoon']],
    ['ar', 'بكرة المسا', ['evening']],
    ['so', 'berri galabta', ['afternoon']],
    ['tr', 'salı öğleden sonra', ['afternoon']],
    ['uk', 'у вівторок вранці', ['morning']],
    ['fa', 'سه شنبه بعد از ظهر', ['afternoon']],
    ['ckb', 'سێشەممە ئێوارە', ['evening']],
  ] as const)('%s "%s" → %j', (language, text, want) => {
    expect(dayParts(text, language)).toEqual(want);
  });

  test.each([
    // "i morgen" is tomorrow, not the morning; greetings ask for no time of day.
    ['da', 'i morgen kl 10'],
    ['da', 'god aften, onsdag passer'],
    ['en', 'good morning, is tuesday free'],
    ['ar', 'صباح الخير بدي موعد'],
    ['fa', 'صبح بخیر'],
    ['so', 'subax wanaagsan'],
    ['ckb', 'بەیانی باش'],
  ] as const)('%s "%s" names none', (language, text) => {
    expect(dayParts(text, language)).toEqual([]);
  });

  test('the hours of each part', () => {
    expect([inDayPart('morning', 9), inDayPart('morning', 12), inDayPart('afternoon', 13), inDayPart('afternoon', 18), inDayPart('evening', 19)]).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });
});
