/** Form answers as people write them: days and clock times for the staff forms that plan events. */
import { understand } from '../../src/nlu/reader';
import { readFormDay, readFormTime } from '../../src/series/form-values';

// Wednesday 2 December 2026 in Copenhagen.
const TODAY = '2026-12-02';
const NOW = new Date('2026-12-02T10:00:00Z');
const da = (text: string) => understand(text, 'da', NOW);
const day = (raw: string, read = da) => readFormDay(raw, TODAY, read);

describe('readFormDay', () => {
  test.each([
    ['2026-12-05', '2026-12-05'],
    ['lørdag', '2026-12-05'],
    ['på lørdag', '2026-12-05'],
    ['i morgen', '2026-12-03'],
    ['3/12', '2026-12-03'],
    ['3.12', '2026-12-03'],
    ['3/12/2027', '2027-12-03'],
    ['3. december', '2026-12-03'],
    ['24/6', '2027-06-24'],
    ['7. januar', '2027-01-07'],
    // A date just gone means next year's: a form plans what is coming.
    ['1/12', '2027-12-01'],
    ['1. december', '2027-12-01'],
  ])('%s → %s', (raw, expected) => {
    expect(day(raw)).toBe(expected);
  });

  test('words in other languages are read by their reader', () => {
    expect(day('saturday', (t) => understand(t, 'en', NOW))).toBe('2026-12-05');
    expect(day('السبت', (t) => understand(t, 'ar', NOW))).toBe('2026-12-05');
    expect(day('٣/١٢')).toBe('2026-12-03');
  });

  test.each(['', 'snart', '31/2', '2026-02-30', '18.30'])('%s is no day', (raw) => {
    expect(day(raw)).toBeNull();
  });
});

describe('readFormTime', () => {
  test.each([
    ['18', [18, 0]],
    ['18.30', [18, 30]],
    ['18:30', [18, 30]],
    ['18,30', [18, 30]],
    ['kl. 18', [18, 0]],
    ['kl 17.30', [17, 30]],
    ['klokken 9', [9, 0]],
    ['1830', [18, 30]],
    ['930', [9, 30]],
    ['6 pm', [18, 0]],
    ['6.30pm', [18, 30]],
    ['12 am', [0, 0]],
    ['0', [0, 0]],
    ['١٨', [18, 0]],
  ])('%s → %j', (raw, expected) => {
    expect(readFormTime(raw)).toEqual(expected);
  });

  test.each(['', '24', '18.75', 'seks', '13 pm', '18-20', 'lørdag'])('%s is no time', (raw) => {
    expect(readFormTime(raw)).toBeNull();
  });
});
