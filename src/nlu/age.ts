/**
 * A child's age, said about the child ("min søn er 15 år", "ابني عمره ١٥", "پسرم ۱۵ سالشه", "کوڕەکەم ١٥ ساڵە",
 * "oğlum 15 yaşında"): the number is how old someone is, never how many come or came. Taken before any counting.
 */
import type { Language } from '../plan-data/plan-file';
import type { CompiledLexicon } from './lexicon';
import { findQuantities } from './numbers';
import { fold, wordForms, type Token } from './text';

// Words after the number ("15 år", "١٥ ساڵە") and before it ("عمره ١٥", "aged 15").
const AFTER: Record<Language, readonly string[]> = {
  da: ['år', 'årig', 'årige', 'aar'],
  en: ['years', 'year', 'yrs', 'yo'],
  ar: ['سنة', 'سنه', 'سنين', 'سنوات', 'عام', 'sana', 'sneen'],
  so: ['jir', 'sano'],
  tr: ['yaşında', 'yasinda', 'yaşındaki', 'yaş', 'yas'],
  uk: ['років', 'роки', 'рік', 'рочки'],
  fa: ['سالشه', 'سالش', 'ساله', 'سالمه', 'سال'],
  ckb: ['ساڵە', 'ساڵ', 'ساڵی', 'ساڵان', 'ساڵیەتی'],
};
const BEFORE: Record<Language, readonly string[]> = {
  da: [],
  en: ['aged', 'age'],
  ar: ['عمره', 'عمرها', 'عمرهم', 'عمري', 'عمرو', 'عمر', 'بعمر', 'بعمره', 'بعمرها', 'omro', 'omrha', '3omro', '3omrha'],
  so: ['da'],
  tr: [],
  uk: [],
  fa: ['سن', 'سنش'],
  ckb: ['تەمەنی', 'تەمەن'],
};

const folded = new Map<Language, { after: Set<string>; before: Set<string> }>();

/** Takes the numbers that tell an age, with their age word; young enough to be a resident's child or grandchild. The ages. */
export function claimAges(tokens: readonly Token[], lex: CompiledLexicon, taken: Set<number>, language: Language): number[] {
  const ages: number[] = [];
  let words = folded.get(language);
  if (!words) folded.set(language, (words = { after: new Set(AFTER[language].map(fold)), before: new Set(BEFORE[language].map(fold)) }));
  const { after, before } = words;
  const is = (t: Token | undefined, set: ReadonlySet<string>): t is Token =>
    t !== undefined && !taken.has(t.index) && t.kind === 'word' && wordForms(t).some((f) => set.has(f));
  for (const q of findQuantities(tokens, lex, taken)) {
    if (q.weak || !Number.isInteger(q.value) || q.value < 0 || q.value > 25) continue;
    const next = tokens[q.last + 1];
    const prev = tokens[q.first - 1];
    const word = is(next, after) ? next : is(prev, before) ? prev : undefined;
    if (!word) continue;
    for (let i = q.first; i <= q.last; i++) taken.add(i);
    taken.add(word.index);
    ages.push(q.value);
  }
  return ages;
}
