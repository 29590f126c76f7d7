/** Volunteer hours read from a staff member's delivery message, in the staff languages. */
import { hoursIn, typedHours, withoutHourWords } from '../../src/deliveries/volunteer-hours';

describe('volunteer hours in a message', () => {
  test.each([
    ['fællesspisning i dag 34 deltagere, 4 frivillige 12 timer', 12],
    ['lektiecafé 8 deltagere 2 frivillige 3,5 t', 3.5],
    ['12 frivilligtimer', 12],
    ['homework club 10 kids 2 volunteers 6 hours', 6],
    ['العشاء المشترك ٣٠ مشارك ٤ متطوعين ١٢ ساعة', 12],
    ['شام مشترک ۲۰ نفر ۸ ساعت', 8],
    ['ortak yemek 30 katılımcı 3 gönüllü 9 saat', 9],
    ['спільна вечеря 20 учасників 10 годин', 10],
  ])('%s → %d hours', (text, hours) => {
    expect(hoursIn(text)).toBe(hours);
  });

  test.each(['fællesspisning i dag 34 deltagere', 'kl. 17.30 i ParkCafeen', 'fællesspisning på torsdag', 'tirsdagscafé 12'])('%s has no hours', (text) => {
    expect(hoursIn(text)).toBeUndefined();
  });

  test('a typed answer, and the hour word kept out of the activity name', () => {
    expect([typedHours('12'), typedHours('3,5'), typedHours('3.5 timer'), typedHours('mange'), typedHours('')]).toEqual([12, 3.5, 3.5, null, null]);
    expect(withoutHourWords('fællesspisning timer')).toBe('fællesspisning');
    expect(withoutHourWords('tirsdagscafé')).toBe('tirsdagscafé');
  });
});
