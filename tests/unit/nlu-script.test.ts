/** The alphabet of a message and the languages to read it in (src/nlu/script.ts). */
import { alphabetOf, otherAlphabetLanguages } from '../../src/nlu/script';

test('a message is in the alphabet of at least three in five of its letters, and three letters at least', () => {
  expect(alphabetOf('أريد التسجيل في العشاء')).toBe('arabic');
  expect(alphabetOf('що відбувається')).toBe('cyrillic');
  expect(alphabetOf('hvad sker der')).toBe('latin');
  // A Danish word in an Arabic sentence still leaves it Arabic; half and half is unclear.
  expect(alphabetOf('أريد التسجيل في العشاء المشترك في ParkCafeen')).toBe('arabic');
  expect(alphabetOf('hello مرحبا')).toBeUndefined();
  // Digits, signs and two letters say nothing.
  expect(alphabetOf('٣ 😊 !!')).toBeUndefined();
  expect(alphabetOf('ok')).toBeUndefined();
});

test('Arabic letters to a Danish conversation are read in Arabic, Dari and Sorani; Cyrillic in Ukrainian; Latin letters never switch', () => {
  expect(otherAlphabetLanguages('أريد التسجيل', 'da')).toEqual(['ar', 'fa', 'ckb']);
  expect(otherAlphabetLanguages('що відбувається', 'en')).toEqual(['uk']);
  expect(otherAlphabetLanguages('що відбувається', 'ar')).toEqual(['uk']);
  expect(otherAlphabetLanguages('أريد التسجيل', 'fa')).toEqual([]);
  expect(otherAlphabetLanguages('hvad sker der', 'ar')).toEqual([]);
});
