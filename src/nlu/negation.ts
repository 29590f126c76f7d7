/**
 * Words that turn a request around, into a complaint or into a question about how it is done: "jeg
 * vil ikke tilmelde mig", "i don't want to sign up", "ما بدي اسجل", "why can't I sign up", "how do I sign up". Said just before the words of a request that
 * changes something, they make the reading doubtful, so the conversation asks instead of acting
 * (./decision). Phrases that hold their own negation ("kan ikke komme", "no more reminders") are
 * matched whole by the lexicons and are not affected: only words before a phrase count.
 */
import type { Language } from '../plan-data/plan-file';
import type { Match } from './patterns';
import { fold, type Token } from './text';

const WORDS: Record<Language, readonly string[]> = {
  // Besides the no, why and how: "if" (a what-if question), "one" (a question about the rules) and
  // "already" (a report of what was done) before a change say it is not asked for now.
  da: ['ikke', 'ik', 'aldrig', 'hvorfor', 'ikk', 'hvordan', 'hvis', 'man', 'allerede', 'hvornår'],
  en: ['not', 'dont', 'didnt', 'doesnt', 'never', 'cant', 'cannot', 'wont', 'why', 'couldnt', 'havent', 'how', 'if', 'already', 'one'],
  ar: [
    'ما',
    'مش',
    'مو',
    'لا',
    'لم',
    'لن',
    'ليش',
    'لماذا',
    'ليه',
    'ليش',
    'مابدي',
    'مبدي',
    'مش عايز',
    'ma',
    'msh',
    'mish',
    'laish',
    'lesh',
    'كيف',
    'كيفاش',
    'ازاي',
    'شلون',
    'اذا',
    'ازا',
    'بالفعل',
  ],
  so: ['rabo', 'maxaa', 'sababta', 'sidee', 'haddii', 'horay', 'ha'],
  tr: ['değil', 'neden', 'niye', 'istemiyorum', 'hayır', 'niçin', 'nasıl', 'eğer', 'zaten'],
  uk: ['не', 'ні', 'чому', 'ніколи', 'навіщо', 'як', 'якщо', 'вже', 'уже'],
  fa: ['نه', 'چرا', 'نمیخواهم', 'نمیخوام', 'نمی', 'هرگز', 'چطور', 'چگونه', 'اگر', 'اگه', 'قبلا', 'نمیتوانم', 'نمیتونم'],
  ckb: ['نا', 'نەخێر', 'بۆچی', 'نامەوێت', 'هەرگیز', 'چۆن', 'ئەگەر', 'پێشتر', 'ناتوانم', 'ناتوانین'],
};
// Verb-final languages say "not want" after the verb: "iptal etmek istemiyorum", "لغو کردن نمیخواهم",
// "kaydolmak istemiyorum". Only separate words of not wanting count: a negated verb ("gelemiyorum") is
// matched whole by the lexicons.
const AFTER: Partial<Record<Language, readonly string[]>> = {
  // …and "don't!" ("etmeyin", "نکنید"), "was it?" ("mi", "شده"), a done thing rather than a wish.
  tr: [
    'istemiyorum',
    'istemiyoruz',
    'istemem',
    'istemeyiz',
    'değil',
    'degil',
    'istemedim',
    'etmeyin',
    'etme',
    'etmeyiniz',
    'silmeyin',
    'silme',
    'mi',
    'mı',
    'mu',
    'mü',
    'edilmiş',
    'edildi',
    'edilmis',
  ],
  fa: ['نمیخواهم', 'نمیخوام', 'نمیخواهیم', 'نمیخوایم', 'نمیخواستم', 'نخواستم', 'نمیخاهم', 'نمیخام', 'نکنید', 'نکن', 'نکنین', 'شده', 'شد'],
  ckb: ['نامەوێت', 'نامانەوێت', 'نامەویست', 'ناکەم', 'ناکەین'],
  so: ['rabo', 'doonayo', 'rabno', 'doonayno'],
};
// Turkish "don't!" is an ending on the verb a lexicon stem ("sil*", "iptal et*") matches whole.
const DONT: ReadonlySet<string> = new Set(['silmeyin', 'silme', 'silmeyiniz', 'etmeyin', 'etme', 'etmeyiniz', 'yapmayin', 'yapma'].map((w) => fold(w)));
const folded = new Map<Language, Set<string>>();
const foldedAfter = new Map<Language, Set<string>>();

/** How many words before a request's phrase are looked at. */
const WINDOW = 3;
/** How many words after it, in the languages that say "not want" after the verb. */
const WINDOW_AFTER = 2;

/**
 * Whether a negation, "why" or "how" comes just before any of `matches` (the phrases of the chosen
 * intent), or, in a verb-final language, a word of not wanting just after one. `stopping`: the intent is itself a
 * request to stop something (reminders, news), whose own "don't" is no doubt about it.
 */
export function negatedBefore(tokens: readonly Token[], matches: readonly Match<unknown>[], language: Language, stopping = false): boolean {
  let words = folded.get(language);
  if (!words) folded.set(language, (words = new Set(WORDS[language].map((w) => fold(w)))));
  let after = foldedAfter.get(language);
  if (!after) foldedAfter.set(language, (after = new Set((AFTER[language] ?? []).map((w) => fold(w)))));
  const set = words;
  const late = after;
  // A no inside the request's own words is part of it: "نمی تونم بیام لغو کنید" (can't come, cancel).
  const own = new Set(matches.flatMap((m) => m.tokens));
  const has = (i: number, words: Set<string>): boolean => !own.has(i) && (tokens[i]?.forms.some((f) => words.has(f)) ?? false);
  return matches.some((m) => {
    const first = m.tokens[0] ?? 0;
    const last = m.tokens[m.tokens.length - 1] ?? first;
    for (let i = Math.max(0, first - WINDOW); i < first; i++) if (has(i, set)) return true;
    for (let i = last + 1; i <= last + WINDOW_AFTER; i++) if (has(i, late)) return true;
    // A verb stem read with its "don't" ending ("silmeyin", "etmeyin"): the phrase took the negative form itself.
    // Not for a request to stop ("hatırlatma yapmayın", don't send reminders): there the "don't" is the request.
    return !stopping && m.tokens.some((i) => tokens[i]?.forms.some((f) => DONT.has(f)));
  });
}

/** Whether any word of the message is a no, a "not" or a can't ("jeg kan ikke torsdag", "в четвер не можу", "نمیتونم"). */
export function hasNegation(tokens: readonly Token[], language: Language): boolean {
  let words = folded.get(language);
  if (!words) folded.set(language, (words = new Set(WORDS[language].map((w) => fold(w)))));
  const set = words;
  return tokens.some((t) => t.forms.some((f) => set.has(f) || CANT.some((c) => f.startsWith(c))));
}
// Verbs of not being able, written as one word: Persian "نمیتونم", Sorani "ناتوانم", Turkish "olmuyor".
const CANT = ['نمیتون', 'نمیتوان', 'ناتوان', 'olmuyor', 'olmaz', 'uymuyor', 'uymaz', 'gelemi', 'gelemem', 'gelemey'].map((w) => fold(w));
