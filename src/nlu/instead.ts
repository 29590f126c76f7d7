/**
 * "kan vi tage mandag i stedet for onsdag", "could we do monday instead of wednesday", "الاثنين بدل الاربعاء",
 * "çarşamba yerine pazartesi": of two days, the one "instead of" points at is the day given up, not the one asked for.
 * Most languages put the word before the day given up; Turkish puts "yerine" after it.
 */
import type { Language } from '../plan-data/plan-file';
import { fold, type Token } from './text';

const WORDS: Record<Language, { phrases: readonly string[]; after?: boolean }> = {
  da: { phrases: ['i stedet for', 'istedet for', 'i steden for', 'frem for'] },
  en: { phrases: ['instead of', 'rather than', 'in place of'] },
  ar: { phrases: ['بدل', 'بدال', 'بدلا من', 'بدلا عن', 'عوضا عن', 'عوض'] },
  tr: { phrases: ['yerine'], after: true },
  uk: { phrases: ['замість', 'замiсть'] },
  fa: { phrases: ['به جای', 'بجای', 'به جاي', 'عوض'] },
  ckb: { phrases: ['لە جیاتی', 'لەجیاتی', 'لە بری', 'لەبری', 'جیاتی'] },
  so: { phrases: ['halkii', 'beddelkii', 'meeshii'] },
};

const folded = new Map<Language, { phrases: string[][]; after: boolean }>();

function wordsFor(language: Language): { phrases: string[][]; after: boolean } {
  let f = folded.get(language);
  if (!f) {
    const w = WORDS[language];
    folded.set(language, (f = { phrases: w.phrases.map((p) => fold(p).split(/\s+/)), after: w.after === true }));
  }
  return f;
}

/**
 * Where an "instead of" stands and on which side of it the day given up is: the token index of the
 * phrase's first and last word and `after` (the day given up comes before the phrase, as in Turkish).
 */
export function insteadOf(tokens: readonly Token[], language: Language): { first: number; last: number; givenUpBefore: boolean } | undefined {
  const w = wordsFor(language);
  for (let i = 0; i < tokens.length; i++) {
    for (const p of w.phrases) {
      const fits = p.every((word, k) => {
        const t = tokens[i + k];
        return t !== undefined && (t.norm === word || t.forms.includes(word));
      });
      if (fits) return { first: i, last: i + p.length - 1, givenUpBefore: w.after };
    }
  }
  return undefined;
}
