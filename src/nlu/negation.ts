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
  da: ['ikke', 'ik', 'aldrig', 'hvorfor', 'ikk', 'hvordan'],
  en: ['not', 'dont', 'didnt', 'doesnt', 'never', 'cant', 'cannot', 'wont', 'why', 'couldnt', 'havent', 'how'],
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
  ],
  so: ['rabo', 'maxaa', 'sababta', 'sidee'],
  tr: ['değil', 'neden', 'niye', 'istemiyorum', 'hayır', 'niçin', 'nasıl'],
  uk: ['не', 'ні', 'чому', 'ніколи', 'навіщо', 'як'],
  fa: ['نه', 'چرا', 'نمیخواهم', 'نمیخوام', 'نمی', 'هرگز', 'چطور', 'چگونه'],
  ckb: ['نا', 'نەخێر', 'بۆچی', 'نامەوێت', 'هەرگیز', 'چۆن'],
};
const folded = new Map<Language, Set<string>>();

/** How many words before a request's phrase are looked at. */
const WINDOW = 3;

/** Whether a negation, "why" or "how" comes just before any of `matches` (the phrases of the chosen intent). */
export function negatedBefore(tokens: readonly Token[], matches: readonly Match<unknown>[], language: Language): boolean {
  let words = folded.get(language);
  if (!words) folded.set(language, (words = new Set(WORDS[language].map((w) => fold(w)))));
  const set = words;
  return matches.some((m) => {
    const first = m.tokens[0] ?? 0;
    for (let i = Math.max(0, first - WINDOW); i < first; i++) if (tokens[i]?.forms.some((f) => set.has(f))) return true;
    return false;
  });
}
