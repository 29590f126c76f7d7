/**
 * "er vi skrevet på torsdag eller ej", "are we signed up or not", "نحنا مسجلين ولا لا", "ми записані чи ні", "ثبت نامیم یا نه":
 * a question that ends in "or not". Its "ej", "not", "لا", "ні", "نه" answers nothing; it asks.
 */
import type { Language } from '../plan-data/plan-file';
import { phraseFinder } from './patterns';
import type { Token } from './text';

const WORDS: Record<Language, readonly string[]> = {
  da: ['eller ej', 'eller ikke', 'eller hvad', 'ja eller nej'],
  en: ['or not', 'or no', 'yes or no'],
  ar: ['ولا لا', 'ولا لأ', 'والا لا', 'او لا', 'أو لا', 'ام لا', 'أم لا', 'wala la', 'wla la', 'walla la', 'wala la2', 'wla la2', 'aw la'],
  so: ['mise maya', 'mise ma aha', 'haa mise maya'],
  tr: ['değil mi', 'degil mi', 'yoksa değil mi', 'yoksa degil mi', 'mı değil mi', 'mi değil mi', 'mi degil mi', 'mu değil mu'],
  uk: ['чи ні', 'чи нi', 'або ні', 'чи нє', 'или нет', 'чи не'],
  fa: ['یا نه', 'يا نه', 'یا نخیر', 'ya na'],
  ckb: ['یان نا', 'یان نە', 'يان نا', 'یاخود نا', 'یان نەخێر'],
};

const find = phraseFinder((language) => WORDS[language]);

/** The token indexes of an "or not" that ends the message (a question mark may follow), if there is one. */
export function orNotTag(tokens: readonly Token[], language: Language): number[] | undefined {
  const words = tokens.filter((t) => t.kind !== 'symbol');
  const lastWord = words[words.length - 1]?.index;
  if (lastWord === undefined || words.length < 3) return undefined;
  const m = find(tokens, language).find((x) => x.tokens[x.tokens.length - 1] === lastWord);
  return m ? [...m.tokens] : undefined;
}
