/**
 * What residents are told an activity costs, from the plan's price per adult and per child: every
 * combination of stated, free and not stated, in Danish and Arabic, and nothing when the plan is silent.
 */
import { priceSentence } from '../../src/flows/resident/price-text';
import { stripIsolates, Translations } from '../../src/i18n/i18n';
import type { Language } from '../../src/plan-data/plan-file';

const translations = new Translations(undefined, (lang, key) => {
  throw new Error(`missing translation ${lang} ${key}`);
});
const say = (priceAdults: number | null, priceChildren: number | null, language: Language = 'da'): string | null => {
  const said = priceSentence({ priceAdults, priceChildren }, 'Fællesspisning', translations.translator(language), language);
  return said === null ? null : stripIsolates(said);
};

test.each([
  [20, 10, 'Fællesspisning koster 20 kr. pr. voksen og 10 kr. pr. barn.'],
  [20, 0, 'Fællesspisning koster 20 kr. pr. voksen. Børn er gratis.'],
  [0, 10, 'Fællesspisning er gratis for voksne og koster 10 kr. pr. barn.'],
  [0, 0, 'Fællesspisning er gratis.'],
  [0, null, 'Fællesspisning er gratis.'],
  [35, null, 'Fællesspisning koster 35 kr. pr. voksen.'],
  [null, 15, 'Fællesspisning koster 15 kr. pr. barn.'],
])('da: adults %p, children %p', (adults, children, expected) => {
  expect(say(adults, children)).toBe(expected);
});

test('the plan states no price: no sentence (the caller says the plan does not say)', () => {
  expect(say(null, null)).toBeNull();
  expect(say(null, null, 'ar')).toBeNull();
});

test('ar: the amounts in the sentence, the title isolated so it keeps its order', () => {
  const said = priceSentence({ priceAdults: 20, priceChildren: 10 }, 'Fællesspisning', translations.translator('ar'), 'ar') ?? '';
  expect(said).toContain('\u2068Fællesspisning\u2069');
  expect(stripIsolates(said)).toMatch(/^سعر Fællesspisning: (20|٢٠) كرونة للشخص البالغ و(10|١٠) كرونة للطفل\.$/);
});

test.each(['en', 'so', 'tr', 'uk', 'fa', 'ckb'] as const)('%s: every combination has its own sentence', (language) => {
  const sentences = [say(20, 10, language), say(20, 0, language), say(0, 10, language), say(0, 0, language), say(35, null, language), say(null, 15, language)];
  expect(new Set(sentences).size).toBe(6);
  for (const s of sentences) expect(s).toContain('Fællesspisning');
});
