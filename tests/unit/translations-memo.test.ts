/**
 * Texts without values are remembered per language (src/i18n/i18n.ts): asked again they are the same
 * text, each language keeps its own, texts with values are still filled in each time, and a missing
 * key is still reported.
 */
import { Translations } from '../../src/i18n/i18n';

test('remembered texts stay per language, values are filled in each time, a missing key is reported', () => {
  const missing: string[] = [];
  const translations = new Translations(
    {
      da: { common: { hello: 'Hej', count: 'Du har {{n}} tilmeldinger' } },
      ar: { common: { hello: 'مرحبا' } },
    },
    (lang, key) => missing.push(`${lang} ${key}`),
  );
  const da = translations.translator('da');
  const ar = translations.translator('ar');
  expect([da('common:hello'), da('common:hello'), ar('common:hello'), ar('common:hello')]).toEqual(['Hej', 'Hej', 'مرحبا', 'مرحبا']);
  // A key only Danish has falls back to Danish in Arabic.
  expect(ar('common:count', { n: 2 })).toBe('Du har \u20682\u2069 tilmeldinger');
  expect(da('common:count', { n: 3 })).toBe('Du har \u20683\u2069 tilmeldinger');
  expect(da('common:count', { n: 4 })).toBe('Du har \u20684\u2069 tilmeldinger');
  // A second translator for the same language shares what was remembered and gives the same text.
  expect(translations.translator('da')('common:hello')).toBe('Hej');
  da('common:nothing');
  da('common:nothing');
  expect(missing).toHaveLength(1);
  expect(missing[0]).toContain('common:nothing');
});

test('numbers take the digits the language writes dates with: Dari and Sorani counts and values in their own digits, the rest unchanged', () => {
  const translations = new Translations();
  const fa = translations.translator('fa');
  const ckb = translations.translator('ckb');
  const da = translations.translator('da');
  expect(fa('resident:event.places_left', { count: 25 })).toBe('(۲۵ جای خالی مانده)');
  expect(da('resident:event.places_left', { count: 25 })).toContain('25');
  expect(fa('resident:signup.party_changed', { adults: 2, children: 1 })).not.toMatch(/[0-9]/);
  expect(fa('resident:signup.party_changed', { adults: 2, children: 1 })).toContain('۲');
  expect(ckb('resident:signup.party_changed', { adults: 2, children: 1 })).toContain('٢');
  // Only the digits change: no grouping, so a year stays a year.
  expect(da('resident:signup.party_changed', { adults: 2022, children: 1 })).toContain('2022');
});
