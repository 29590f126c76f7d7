/**
 * Words for the communal dinner (fællesspisning) in every language, the way residents name it:
 * the plan's own title and the everyday ones ("العشاء الجماعي", "العشاء المشترك", "عشا", "3asha",
 * "community dinner", "casho wadaag", "ortak yemek", "вечеря", "شام", "نانی ئێوارە"). A message whose
 * activity words are only these means the dinners, whatever their title in the catalogue.
 */
import type { Language } from '../plan-data/plan-file';
import { compilePattern, findMatches, type Pattern } from './patterns';
import type { Token } from './text';

const DINNER: Record<Language, readonly string[]> = {
  da: [
    '*spisning*',
    '*spisningen',
    'fællesspis*',
    'fællespis*',
    'fælles spisning*',
    'aftensmad*',
    'middag*',
    'maden',
    'mad',
    'spise',
    'spise med',
    'fællesmad',
  ],
  en: ['dinner*', 'communal', 'community', 'shared', 'meal*', 'supper', 'food', 'eat'],
  ar: [
    'عشاء',
    'العشاء',
    'عشا',
    'العشا',
    'عالعشا',
    'عالعشاء',
    'الجماعي',
    'جماعي',
    'المشترك',
    'مشترك',
    'وجبه',
    'الوجبه',
    'اكل',
    'الاكل',
    '3asha',
    'el3asha',
    'asha',
  ],
  so: ['casho*', 'cashad*', 'wadaag*', 'wadajir*', 'cunto*'],
  tr: ['yemek*', 'yemeğ*', 'akşam', 'ortak'],
  uk: ['вечер*', 'спільн*', 'обід*'],
  fa: ['شام', 'نان', 'شب', 'مشترک', 'غذا'],
  ckb: ['نانی', 'نان', 'ئێوارە*', 'خواردن*', 'هاوبەش'],
};

const compiled = new Map<Language, Pattern<true>[]>();

function patternsFor(language: Language): Pattern<true>[] {
  let p = compiled.get(language);
  if (!p) {
    // Danish words are met by everyone ("fællesspisning" on the leaflet); English by many.
    const words = [...new Set([...DINNER[language], ...DINNER.da.filter((w) => w.includes('spis')), ...(language === 'ar' ? [] : ['dinner*'])])];
    p = words.map((w) => compilePattern(w, true as const));
    compiled.set(language, p);
  }
  return p;
}

/** Whether the words of the activity text all name the communal dinner (and at least one does). */
export function namesDinner(tokens: readonly Token[], language: Language): boolean {
  if (tokens.length === 0) return false;
  const hits = new Set(findMatches(patternsFor(language), tokens, new Set()).flatMap((m) => m.tokens));
  return tokens.every((t) => hits.has(t.index));
}

/** Whether any word names the communal dinner ("cashada yaa iman kara", "نان شب چند پول است"). */
export function mentionsDinner(tokens: readonly Token[], language: Language): boolean {
  return findMatches(patternsFor(language), tokens, new Set()).length > 0;
}
