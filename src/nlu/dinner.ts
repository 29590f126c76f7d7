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
    // "على العشا" run together: "اسجل علعشا".
    'علعشا',
    'علعشاء',
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
  // "نان شب" (Dari: dinner) is the dinner's name as a pair, even among other words ("با خانمم برای نان شب جمعه").
  // Latin spellings too: "sham moshtarak kojast".
  fa: ['شام', 'نان شب', 'نان', 'شب', 'مشترک', 'غذا', 'گروهی', 'sham', 'shaam', 'moshtarak'],
  // Latin spellings too: "nani êware", "nani iwara". "شێو" is supper itself: "شێوی بەکۆمەڵ", "بۆ شێوی پێنجشەممە",
  // "شێوەکە بە پارەیە؟" (the supper); "بەکۆمەڵ" (together) only beside it.
  ckb: [
    'نانی',
    'نان',
    'ئێوارە*',
    'خواردن*',
    'هاوبەش',
    'شێو',
    'شێوی',
    'شێوەکە*',
    'شێوێک',
    'بەکۆمەڵ',
    'nani',
    'êware',
    'eware',
    'iwara',
    'ewara',
    'ewarê',
    'êwarê',
    'shêw',
    'shew',
    'shewi',
  ],
};

/**
 * The dinner words that also say other things ("food", "shared", "akşam", "نان", "شب"): enough when they are all the
 * activity words there are, not among others.
 */
const LOOSE: Record<Language, ReadonlySet<string>> = {
  da: new Set(['mad', 'maden', 'spise', 'spise med']),
  en: new Set(['communal', 'community', 'shared', 'food', 'eat']),
  ar: new Set(['الجماعي', 'جماعي', 'المشترك', 'مشترك', 'اكل', 'الاكل']),
  so: new Set(['wadaag*', 'wadajir*', 'cunto*']),
  tr: new Set(['akşam', 'ortak']),
  uk: new Set(['спільн*']),
  fa: new Set(['نان', 'شب', 'مشترک', 'غذا', 'گروهی', 'moshtarak']),
  ckb: new Set(['نان', 'هاوبەش', 'بەکۆمەڵ']),
};

const compiled = new Map<Language, Pattern<true>[]>();
const compiledFirm = new Map<Language, Pattern<true>[]>();

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

function firmPatternsFor(language: Language): Pattern<true>[] {
  let p = compiledFirm.get(language);
  if (!p) {
    const words = [
      ...new Set([
        ...DINNER[language].filter((w) => !LOOSE[language].has(w)),
        ...DINNER.da.filter((w) => w.includes('spis')),
        ...(language === 'ar' ? [] : ['dinner*']),
      ]),
    ];
    p = words.map((w) => compilePattern(w, true as const));
    compiledFirm.set(language, p);
  }
  return p;
}

/**
 * Whether the activity words name the communal dinner among words that name nothing else ("عشا جماعي .. بفانغدالن",
 * "fællesspisningen i vangdalsparken", "dinner thing"): a word that is only the dinner's ("fællesspisning", "عشا",
 * "casho") is there, and no other word is an activity's (`otherActivity`: "lektiecafé", "klub", "madlavning").
 */
export function namesDinnerAmong(tokens: readonly Token[], language: Language, otherActivity: (rest: ReadonlySet<number>) => boolean): boolean {
  if (findMatches(firmPatternsFor(language), tokens, new Set()).length === 0) return false;
  const dinnerWords = new Set(findMatches(patternsFor(language), tokens, new Set()).flatMap((m) => m.tokens));
  return !otherActivity(dinnerWords);
}

/** Whether any word names the communal dinner ("cashada yaa iman kara", "نان شب چند پول است"). */
export function mentionsDinner(tokens: readonly Token[], language: Language): boolean {
  return findMatches(patternsFor(language), tokens, new Set()).length > 0;
}
