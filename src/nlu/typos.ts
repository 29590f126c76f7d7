/**
 * Typing slips in the words the reader knows: "tilmled" for "tilmeld", "fællespisning" for
 * "fællesspisning", "aflyss", "rådgivnig". A word no lexicon knows, five letters or more, one edit
 * (insert, delete, substitute, swap neighbours) from exactly the known words or word starts it is
 * closest to, is also read as them. The reading remembers which words it corrected: what rests on
 * a corrected word is a guess, and a guess never changes anything without asking (./decision).
 */
import { editDistance } from './fuzzy';
import type { CompiledLexicon } from './lexicon';
import type { Pattern } from './patterns';
import type { Token } from './text';

interface Vocabulary {
  words: Set<string>;
  starts: string[];
  /** Stems a word may contain or end in ("*تذكير*", "*خواه*"): a word holding one is known, not a slip. */
  inner: string[];
  ends: string[];
  filler: ReadonlySet<string>;
}

const MIN_LENGTH = 5;
const vocabularies = new WeakMap<CompiledLexicon, Vocabulary>();

function vocabularyOf(lex: CompiledLexicon): Vocabulary {
  const cached = vocabularies.get(lex);
  if (cached) return cached;
  const words = new Set<string>();
  const starts = new Set<string>();
  const inner = new Set<string>();
  const ends = new Set<string>();
  const tables: readonly (readonly Pattern<unknown>[])[] = [
    lex.intents,
    lex.counts,
    lex.countVerbs,
    lex.duals,
    lex.numbers,
    lex.audience,
    lex.topics,
    lex.dietary,
    lex.periods,
    lex.languages,
    lex.question,
    lex.past,
    lex.activityWords,
    lex.dateWords,
    lex.dateModifiers,
  ];
  for (const table of tables)
    for (const p of table)
      for (const part of p.parts) {
        if (part.kind === 'exact') words.add(part.text);
        else if (part.kind === 'prefix' && part.text.length >= MIN_LENGTH - 1) starts.add(part.text);
        else if (part.kind === 'contains' && part.text.length >= MIN_LENGTH - 1) inner.add(part.text);
        else if (part.kind === 'suffix' && part.text.length >= MIN_LENGTH - 1) ends.add(part.text);
      }
  const v = { words, starts: [...starts], inner: [...inner], ends: [...ends], filler: lex.filler };
  vocabularies.set(lex, v);
  return v;
}

function known(form: string, v: Vocabulary): boolean {
  return (
    v.words.has(form) ||
    v.filler.has(form) ||
    v.starts.some((s) => form.startsWith(s)) ||
    v.inner.some((s) => form.includes(s)) ||
    v.ends.some((s) => form.endsWith(s))
  );
}

/** The known words and word starts one edit from `form` (a start keeps the rest of the word: "tilmledning" → "tilmeldning"). */
function corrections(form: string, v: Vocabulary): string[] {
  const out = new Set<string>();
  // One edit leaves the first or the second letter in one of the first two places.
  const near = (w: string): boolean => w[0] === form[0] || w[1] === form[1] || w[1] === form[0] || w[0] === form[1];
  for (const w of v.words) if (w.length >= MIN_LENGTH && Math.abs(w.length - form.length) <= 1 && near(w) && editDistance(form, w) <= 1) out.add(w);
  for (const s of v.starts) {
    if (!near(s)) continue;
    for (const cut of [s.length - 1, s.length, s.length + 1]) {
      if (cut < MIN_LENGTH - 1 || cut > form.length) continue;
      if (editDistance(form.slice(0, cut), s) <= 1) out.add(s + form.slice(cut));
    }
  }
  return [...out];
}

/**
 * Adds the corrected forms of unknown words to their tokens (the typed form stays first) and
 * returns the indices of the tokens it corrected. Words with several equally close readings get
 * them all; the lexicons' own phrases decide which one fits.
 */
export function correctTypos(tokens: readonly Token[], lex: CompiledLexicon): Set<number> {
  const v = vocabularyOf(lex);
  const corrected = new Set<number>();
  for (const t of tokens) {
    if (t.kind !== 'word' || t.norm.length < MIN_LENGTH || t.forms.some((f) => known(f, v))) continue;
    const found = [...new Set(t.forms.flatMap((f) => (f.length >= MIN_LENGTH ? corrections(f, v) : [])))];
    if (found.length === 0 || found.length > 3) continue;
    t.forms.push(...found.filter((f) => !t.forms.includes(f)));
    corrected.add(t.index);
  }
  return corrected;
}
