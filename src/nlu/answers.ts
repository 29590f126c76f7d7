/**
 * Reading a message as the answer to the question a flow just asked, before anything else: a count
 * ("tre voksne", "vi er to", "شخصان", "ثلاثة أطفال", "two adults", "ingen børn", "٣"), a negative
 * number ("-3", which must be re-asked, not read as 3), or a way out ("annuller", "إلغاء"). Counts
 * use the reader (number words, duals, counted nouns in all eight languages; Arabic-Indic and
 * Persian digits are made ASCII by the tokenizer); this file adds what only makes sense as an
 * answer: "en"/"one"/"bir" alone is 1, a word for none is 0.
 */
import type { Language } from '../plan-data/plan-file';
import { ALLERGENS, ALLERGY_STEMS, ALLERGY_WORDS, BACK_WORDS, EXIT_PADDING, EXIT_WORDS, ORDINARY_FOOD_WORDS, ZERO_WORDS } from './answer-words';
import { ARABIC_ONE } from './counts';
import { lexiconFor } from './lexicon';
import { partyOf } from './party';
import { compilePattern, findMatches } from './patterns';
import { fold, tokenize } from './text';
import type { Understanding } from './understanding';

/** What a count prompt got: a number (with the other count, when both were said), a negative, or nothing usable. */
export type CountAnswer = { kind: 'count'; value: number; adults?: number; children?: number } | { kind: 'negative' } | { kind: 'none' };

const foldedSet = (words: readonly string[]): Set<string> => new Set(words.map((w) => fold(w)));
const EXITS = new Map<Language, Set<string>>();
const BACKS = new Map<Language, Set<string>>();
const ZEROS = new Map<Language, Set<string>>();
const PADDING = foldedSet(EXIT_PADDING);
// Exit words everyone understands, whatever their language.
const EVERYWHERE = foldedSet(['stop', 'cancel', 'annuller', 'exit', '/cancel', '/stop']);
const BACK_EVERYWHERE = foldedSet(['back', 'tilbage', '/back']);

function wordsOf(text: string): string[] {
  return tokenize(text, false)
    .filter((t) => t.kind !== 'symbol')
    .map((t) => t.norm);
}

/** Whether the whole message asks to leave the flow in progress ("annuller", "nej glem det", "إلغاء"), or to step back. */
export function isExit(text: string, language: Language): boolean {
  let set = EXITS.get(language);
  if (!set) EXITS.set(language, (set = foldedSet(EXIT_WORDS[language])));
  return isBack(text, language) || isPhrase(text, set, EVERYWHERE);
}

/** Whether the whole message asks to go back one question ("tilbage", "gå tilbage", "رجوع", "back please"). */
export function isBack(text: string, language: Language): boolean {
  let set = BACKS.get(language);
  if (!set) BACKS.set(language, (set = foldedSet(BACK_WORDS[language])));
  return isPhrase(text, set, BACK_EVERYWHERE);
}

// The whole message is one of the phrases, maybe with padding ("nej", "tak", "please") at its ends.
function isPhrase(text: string, set: ReadonlySet<string>, everywhere: ReadonlySet<string>): boolean {
  const words = wordsOf(text.replace(/^\//, ''));
  if (words.length === 0 || words.length > 5) return false;
  // Drop padding at either end, then the rest must be one exit phrase.
  let a = 0;
  let b = words.length;
  const whole = (i: number, j: number): string => words.slice(i, j).join(' ');
  const isExitPhrase = (s: string): boolean => set.has(s) || everywhere.has(s);
  if (isExitPhrase(whole(a, b))) return true;
  while (a < b && PADDING.has(words[a] as string) && !isExitPhrase(whole(a, b))) a++;
  while (b > a && PADDING.has(words[b - 1] as string) && !isExitPhrase(whole(a, b))) b--;
  return a < b && isExitPhrase(whole(a, b));
}

/** Whether a short answer says none ("ingen", "ingen særlige", "no kids", "ولا شي", "çocuk yok"). */
export function isNone(text: string, language: Language): boolean {
  return isZero(text, language);
}

const ORDINARY = new Map<Language, Set<string>>();
const NOTHING_EVERYWHERE: ReadonlySet<string> = new Set();

/** Whether the whole answer to the food question asks for nothing special ("normal mad", "vi spiser alt", "عادي"). */
export function isOrdinaryFood(text: string, language: Language): boolean {
  let set = ORDINARY.get(language);
  if (!set) ORDINARY.set(language, (set = foldedSet(ORDINARY_FOOD_WORDS[language])));
  return isPhrase(text, set, NOTHING_EVERYWHERE);
}

const ALLERGY = ALLERGY_WORDS.map((w) => compilePattern(w, true as const));

/**
 * Whether the message names an allergy (any language's word for it, or a common allergen), also inside a
 * compound ("nøddeallergi", "glutenallergisk").
 */
export function mentionsAllergy(text: string): boolean {
  const tokens = tokenize(text, true);
  return findMatches(ALLERGY, tokens, new Set()).length > 0 || tokens.some((t) => /.allergi/.test(t.norm));
}

/** The words for an allergy itself, compiled once (also read outside a prompt: src/nlu/reader.ts). */
export const ALLERGY_PATTERNS = ALLERGY_STEMS.map((w) => compilePattern(w, true as const));
const ALLERGEN = Object.entries(ALLERGENS).flatMap(([kind, words]) => words.map((w) => compilePattern(w, kind)));

/** The kinds of common allergen a message names ("allergisk over for nødder" → nuts, "حليب وبيض" → milk, eggs), in order. */
export function allergensIn(text: string): string[] {
  return [...new Set(findMatches(ALLERGEN, tokenize(text, true), new Set()).map((m) => m.pattern.value))];
}

/** Whether the message names a common allergen ("allergisk over for nødder", "حساسية من المكسرات", "süt"), not just the word allergy. */
export function namesAllergen(text: string): boolean {
  return allergensIn(text).length > 0;
}

/**
 * Whether a short answer says there is no allergy ("nej ingen allergi", "no allergies", "ما في حساسية"):
 * a word for none and the word for allergy, but no allergen ("ingen nødder" is a nut allergy).
 */
export function deniesAllergy(text: string, language: Language): boolean {
  const tokens = tokenize(text, true);
  const all = findMatches(ALLERGY, tokens, new Set()).length;
  const stems = findMatches(ALLERGY_PATTERNS, tokens, new Set()).length;
  if (stems === 0 || all > stems) return false;
  const words = wordsOf(text);
  if (words.length > 5) return false;
  let set = ZEROS.get(language);
  if (!set) ZEROS.set(language, (set = foldedSet(ZERO_WORDS[language])));
  const none = set;
  return words.some((w, i) => none.has(w) || none.has(`${w} ${words[i + 1] ?? ''}`)) || NO_WORDS.test(text);
}

// Plain "no" words that may stand before "allergy" in any of the eight languages.
const NO_WORDS = /(^|\s)(nej|no|not|none|ingen|la|لا|ما|مافي|مفيش|maya|yok|hayır|ні|немає|نه|نەخێر|نییە)(\s|$)/iu;

function isZero(text: string, language: Language): boolean {
  let set = ZEROS.get(language);
  if (!set) ZEROS.set(language, (set = foldedSet(ZERO_WORDS[language])));
  const words = wordsOf(text);
  if (words.length === 0 || words.length > 4) return false;
  // "ingen", "ingen børn", "no kids", "ولا طفل", "çocuk yok": a short answer with a word for none.
  if (words.length > 3 || /\d/.test(text)) return false;
  return words.some((w, i) => set.has(w) || set.has(`${w} ${words[i + 1] ?? ''}`));
}

// A minus right before a number: "-3", "− 1", "minus 2".
function isNegative(text: string): boolean {
  return /(^|[\s(])[-−–]\s*[\d\u0660-\u0669\u06F0-\u06F9]/.test(text) || /\bminus\s+\d/i.test(text);
}

/** "ingen børn", "no kids", "بدون اطفال", "çocuk yok": a word for none right before or after a word for children. */
export function deniesChildren(text: string, language: Language): boolean {
  const lex = lexiconFor(language);
  const tokens = tokenize(text, lex.arabicClitics);
  let none = ZEROS.get(language);
  if (!none) ZEROS.set(language, (none = foldedSet(ZERO_WORDS[language])));
  const zero = new Set([...none].filter((w) => !/\d/.test(w)));
  const isNone = (i: number): boolean => {
    const t = tokens[i];
    if (!t) return false;
    const two = `${tokens[i - 1]?.norm ?? ''} ${t.norm}`;
    return t.forms.some((f) => zero.has(f)) || zero.has(two) || zero.has(`${t.norm} ${tokens[i + 1]?.norm ?? ''}`);
  };
  return findMatches(lex.counts, tokens, new Set()).some(
    (m) => m.pattern.value === 'children' && (isNone((m.tokens[0] as number) - 1) || isNone((m.tokens[m.tokens.length - 1] as number) + 1)),
  );
}

/**
 * Reads a count prompt's answer. `role` is what was asked: adults (or people in total) or children.
 * The reading `u` of the same text supplies counted nouns and number words.
 */
export function readCount(text: string, language: Language, u: Understanding, role: 'adults' | 'children'): CountAnswer {
  if (isNegative(text)) return { kind: 'negative' };
  const d = u.details;
  // "انا ومرتي و٣ ولاد", "mig og min kone": who comes, told by who they are, at the adults question.
  // (A participants count that is only the children again, as a staff log would read it, is no count of adults.)
  if (role === 'adults' && d.adults === undefined && (d.participants === undefined || d.participants === d.children)) {
    const party = partyOf(tokenize(text, lexiconFor(language).arabicClitics), language);
    const children = d.children ?? (party && party.children > 0 ? party.children : undefined);
    if (party && party.adults > 0) return { kind: 'count', value: party.adults, ...(children !== undefined ? { children } : {}) };
  }
  const other = role === 'adults' ? { children: d.children } : { adults: d.adults };
  // Only the other count was named ("3 børn" at the adults question): not an answer to this one.
  if (role === 'adults' && d.adults === undefined && d.children !== undefined) return { kind: 'none' };
  if (role === 'children' && d.children === undefined && d.adults !== undefined) return { kind: 'none' };
  const said = role === 'adults' ? (d.adults ?? d.participants) : d.children;
  // "1 voksen ingen børn", "2 adults no kids": the children question is answered too.
  if (said !== undefined && role === 'adults' && d.children === undefined && deniesChildren(text, language)) return { kind: 'count', value: said, children: 0 };
  if (said !== undefined) return { kind: 'count', value: said, ...other };
  const n = d.numbers[0];
  if (n !== undefined) return { kind: 'count', value: n, ...other };
  // "ingen", "no kids", and a plain "nej" to how many children: none.
  if (isZero(text, language) || (role === 'children' && u.intent === 'no')) return { kind: 'count', value: 0, ...other };
  // "en", "one", "bir", "یک" alone: a word that is only a number before a noun is one here.
  const tokens = tokenize(text, false);
  const lex = lexiconFor(language);
  if (tokens.length === 1 && findMatches(lex.weakNumbers, tokens, new Set()).length > 0) return { kind: 'count', value: 1, ...other };
  // "وبنت", "ولد" alone at the children question: an Arabic singular is one.
  if (language === 'ar' && tokens.length === 1 && (tokenize(text, true)[0]?.forms ?? []).some((f) => ARABIC_ONE[role].has(f)))
    return { kind: 'count', value: 1, ...other };
  return { kind: 'none' };
}
