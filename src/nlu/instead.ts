/**
 * "kan vi tage mandag i stedet for onsdag", "could we do monday instead of wednesday", "الاثنين بدل الاربعاء",
 * "çarşamba yerine pazartesi": of two days, the one "instead of" points at is the day given up, not the one asked for.
 * Most languages put the word before the day given up; Turkish puts "yerine" after it.
 */
import type { Language } from '../plan-data/plan-file';
import { phraseFinder } from './patterns';
import type { Token } from './text';

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

const find = phraseFinder((language) => WORDS[language].phrases);

/**
 * Where an "instead of" stands and on which side of it the day given up is: the token index of the
 * phrase's first and last word, and whether the day given up comes before the phrase (Turkish).
 */
export function insteadOf(tokens: readonly Token[], language: Language): { first: number; last: number; givenUpBefore: boolean } | undefined {
  const m = find(tokens, language)[0];
  if (!m) return undefined;
  return { first: m.tokens[0] as number, last: m.tokens[m.tokens.length - 1] as number, givenUpBefore: WORDS[language].after === true };
}

/**
 * Words that take back what was just said ("torsdag, faktisk fredag", "thursday actually friday", "perşembe aslında
 * cuma", "الخميس قصدي الجمعة", "3 voksne nej 2 voksne"): between two days or two counts of the same people, the later is
 * the one meant.
 */
const CHANGE: Record<Language, readonly string[]> = {
  da: ['nej', 'faktisk', 'hov', 'jeg mener', 'eller rettere', 'rettere sagt', 'undskyld'],
  en: ['no', 'nope', 'actually', 'i mean', 'sorry', 'or rather', 'no wait', 'wait'],
  ar: ['لا', 'قصدي', 'اقصد', 'أقصد', 'استنى', 'لحظه', 'يعني'],
  tr: ['yok', 'hayır', 'aslında', 'yani', 'pardon', 'dur', 'daha doğrusu'],
  uk: ['ні', 'точніше', 'вибачте', 'тобто', 'ой'],
  fa: ['نه', 'ببخشید', 'یعنی', 'منظورم', 'ببخشین'],
  ckb: ['نا', 'نەخێر', 'ببورە', 'واتە', 'مەبەستم'],
  so: ['maya', 'waxaan ula jeeday', 'iga raali ahow', 'sugo'],
};

const findChange = phraseFinder((language) => CHANGE[language]);

/** The token indexes where the message takes back what it said before. */
export function changesOfMind(tokens: readonly Token[], language: Language): number[] {
  return findChange(tokens, language).map((m) => m.tokens[0] as number);
}
