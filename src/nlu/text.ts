/**
 * Folding and tokenizing for the reader. Folding makes what people type meet the lexicons whatever
 * the spelling: Danish letters spelled out (æ→ae, like src/text/normalize.ts), accents and Turkish
 * dotless i dropped, Arabic vowel marks, tatweel and hamza seats removed, Persian/Arabic letter
 * variants (ی/ي, ک/ك, ة/ه) made one, so "faellesspisning", "شُكْرًا" and "شكرا" all match.
 */

import { spellOutDanishLetters } from '../text/normalize';

/** Longest message the reader looks at: chat messages are short; a pasted essay is cut. */
export const MAX_INPUT_CHARS = 1000;

/** One word, number or meaningful emoji of a message. */
export interface Token {
  /** Position in the message's token list. */
  index: number;
  /** As typed (digits already made ASCII). */
  raw: string;
  /** Folded form for lexicon look-ups. */
  norm: string;
  /** Forms to try against the lexicons: `norm`, and for Arabic the word without attached "و", "ب", "ال"… */
  forms: string[];
  kind: 'word' | 'number' | 'symbol';
  /** The characters between the previous token and this one (spaces, punctuation). */
  before: string;
}

const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII, Arabic decimal comma to a point. */
export function asciiDigits(text: string): string {
  return text
    .replace(EASTERN_DIGITS, (d) => String((d.codePointAt(0) as number) & 0xf))
    .replace(/(\d)\u066B(\d)/g, '$1.$2')
    .replace(/(\d)\u066C(\d)/g, '$1$2');
}

// Marks stripped after NFKD: Latin accents, Arabic harakat/tanwin/shadda, Quranic signs, superscript alef.
const MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;

/** The folded form of one word (or a whole phrase: spaces are kept). */
export function fold(word: string): string {
  return (
    spellOutDanishLetters(word.toLowerCase())
      .replace(/ı/g, 'i')
      .normalize('NFKD')
      .replace(MARKS, '')
      .replace(/\u0640|\u200c|\u200d|['’ʼ`´]/g, '') // tatweel, zero-width (non-)joiners, apostrophes inside words
      .replace(/ى/g, 'ي')
      .replace(/ی/g, 'ي')
      .replace(/ک/g, 'ك')
      .replace(/ة/g, 'ه')
      .replace(/ھ/g, 'ه')
      // Sorani typed on an Arabic or Persian keyboard lacks its own letters: "ئەمڕۆ" comes as "ئهمرو".
      .replace(/ە/g, 'ه')
      .replace(/ێ/g, 'ي')
      .replace(/ڕ/g, 'ر')
      .replace(/ۆ/g, 'و')
      .replace(/ڵ/g, 'ل')
  );
}

// Arabic clitics written onto the next word: "وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك".
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'ولل', 'لل', 'ال', 'وب', 'ول', 'و', 'ب', 'ل', 'ف', 'ك'];

/** The folded word and, for Arabic, the same word with attached clitics removed ("للاطفال" → "اطفال"). */
export function formsOf(norm: string, arabicClitics: boolean): string[] {
  if (!arabicClitics || !/^[\u0600-\u06ff]/.test(norm)) return [norm];
  // "ولدين" (two boys), "ولادي" (my kids) are words of their own, not "و" + "لدين" (+ "دين", debt).
  if (/^(ولد|ولاد)/.test(norm)) return [norm];
  const forms = [norm];
  for (const p of ARABIC_PREFIXES) {
    if (norm.startsWith(p) && norm.length - p.length >= 2) {
      const rest = norm.slice(p.length);
      if (!forms.includes(rest)) forms.push(rest);
      // "لل" stands for ل + ال: "للاطفال" is also "الاطفال".
      if (p.endsWith('لل') && !forms.includes(`ال${rest}`)) forms.push(`ال${rest}`);
    }
  }
  return forms;
}

// Emoji that carry an answer; others are ignored like punctuation.
const SYMBOLS = '👍👎🙏👋';
// Arabic written in Latin letters uses digits for sounds Latin lacks: "3asha", "mar7aba", "a7jez".
// Such a word is one token; house numbers ("12B") and ordinals ("2nd", "5th") are not such words.
const ARABIZI = '(?<![\\p{L}\\d])(?:[2-9](?!(?:st|nd|rd|th)(?![a-zA-Z]))[a-zA-Z]{2,}|[a-zA-Z]+[2-9][a-zA-Z]+)(?:[2-9][a-zA-Z]+)*';
// In Arabic messages such a word may also end in the digit: "rou7" (go), "ra7" (will), "sho3".
const ARABIZI_END = '(?<![\\p{L}\\d])[a-zA-Z]{2,}[3579](?![\\p{L}\\d])';
const tokenPattern = (arabic: boolean): RegExp =>
  new RegExp(
    [
      `(${arabic ? `${ARABIZI_END}|` : ''}${ARABIZI})`,
      '(\\d+(?:[.,/:]\\d+)*(?:(?:st|nd|rd|th)(?!\\p{L}))?)', // numbers, dates (24/11, 24.11.2026), times (17:30), decimals (4,2), ordinals (24th)
      "([\\p{L}\\p{M}\\u200c\\u200d]+(?:['’ʼ][\\p{L}\\p{M}\\u200c\\u200d]+)*)", // words, apostrophes inside ("п'ять", "can't")
      `([${SYMBOLS}])`,
    ].join('|'),
    'gu',
  );
const TOKEN = tokenPattern(false);
const TOKEN_AR = tokenPattern(true);

/** The forms a token is read as: its forms (Arabic clitics off), else its folded text. */
export function wordForms(t: Token): readonly string[] {
  return t.forms.length > 0 ? t.forms : [t.norm];
}

/** Cuts, cleans and splits a message into tokens. */
export function tokenize(text: string, arabicClitics: boolean): Token[] {
  const clean = asciiDigits(text.slice(0, MAX_INPUT_CHARS).normalize('NFC'));
  const tokens: Token[] = [];
  let last = 0;
  for (const m of clean.matchAll(arabicClitics ? TOKEN_AR : TOKEN)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const kind = m[2] !== undefined ? 'number' : m[1] !== undefined || m[3] !== undefined ? 'word' : 'symbol';
    const norm = kind === 'word' ? fold(raw) : raw;
    if (!norm) continue;
    tokens.push({ index: tokens.length, raw, norm, forms: formsOf(norm, arabicClitics), kind, before: clean.slice(last, start) });
    last = start + raw.length;
  }
  return tokens;
}

/** Whether the message is asked as a question (Latin or Arabic question mark). */
export function hasQuestionMark(text: string): boolean {
  return /[?؟]/.test(text.slice(0, MAX_INPUT_CHARS));
}

// Persian verb prefixes typed as a word of their own ("نمی تونم", "می خواهم") instead of joined by a
// zero-width non-joiner ("نمی‌تونم"): folded, both spellings meet as one word.
export const PERSIAN_VERB_PREFIXES: ReadonlySet<string> = new Set(['مي', 'نمي']);

/** Joins a Persian "می"/"نمی" typed apart to the word after it, as the joined spelling reads. */
export function joinVerbPrefixes(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.kind === 'word' && PERSIAN_VERB_PREFIXES.has(t.norm) && next?.kind === 'word' && next.before.trim() === '') {
      const norm = t.norm + next.norm;
      out.push({ ...next, index: out.length, raw: `${t.raw} ${next.raw}`, norm, forms: [norm], before: t.before });
      i++;
    } else out.push({ ...t, index: out.length });
  }
  return out;
}
