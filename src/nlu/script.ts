/**
 * Which alphabet a message is written in, and which of Nabo's languages write that alphabet: a
 * resident whose phone speaks Danish, so Nabo greeted them in Danish, may well write Arabic, Dari,
 * Sorani or Ukrainian. The engine reads such a message in the languages of its alphabet
 * (conversation/engine.ts) instead of answering "not understood".
 */
import { LANGUAGES, type Language } from '../plan-data/plan-file';

export type Alphabet = 'arabic' | 'cyrillic' | 'latin';

/** The alphabet each language is written in. */
export const ALPHABET_OF: Record<Language, Alphabet> = {
  da: 'latin',
  en: 'latin',
  so: 'latin',
  tr: 'latin',
  ar: 'arabic',
  fa: 'arabic',
  ckb: 'arabic',
  uk: 'cyrillic',
};

/** At least this many letters, and this share of them in one alphabet (a place name in Latin letters inside an Arabic sentence leaves it Arabic), before a message is said to be in it. */
const MIN_LETTERS = 3;
const MIN_SHARE = 0.6;

/** The alphabet most of the message's letters are in, or undefined when it is short or mixed. */
export function alphabetOf(text: string): Alphabet | undefined {
  const counts: Record<Alphabet, number> = { arabic: 0, cyrillic: 0, latin: 0 };
  let letters = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (/\p{Script=Arabic}/u.test(ch)) counts.arabic++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
  }
  if (letters < MIN_LETTERS) return undefined;
  const best = (Object.keys(counts) as Alphabet[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] / letters >= MIN_SHARE ? best : undefined;
}

/**
 * The languages to read a message in when it is written in another alphabet than `language` writes
 * (Arabic letters to a Danish conversation: Arabic, Dari, Sorani), in Nabo's order of languages;
 * none when the alphabet is the language's own, or unclear.
 */
export function otherAlphabetLanguages(text: string, language: Language): Language[] {
  const alphabet = alphabetOf(text);
  if (!alphabet || alphabet === ALPHABET_OF[language] || alphabet === 'latin') return [];
  return LANGUAGES.filter((l) => ALPHABET_OF[l] === alphabet);
}
