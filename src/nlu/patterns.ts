/**
 * Phrase patterns: the small language the lexicons are written in, and the matcher.
 *
 * A pattern is words separated by spaces (hyphens count as spaces, like in messages):
 *   "tilmeld*"   a word starting with "tilmeld" ("tilmelde", "tilmelding")
 *   "*tider"     a word ending in "tider"
 *   "*خواه*"     a word containing the stem (Persian verbs take prefixes and suffixes)
 *   ".."         up to five words of anything in between ("aflys .. tilmelding")
 *   anything else: the whole word.
 * Prefixes on the whole entry: "~" keeps the matched words in the residual activity text (the word
 * names an activity as well as signalling the intent, e.g. "rådgivning"); "=N" at the end gives the
 * entry a weight (default 2). Words are folded like messages, so lexicons are written naturally.
 */
import { fold, PERSIAN_VERB_PREFIXES, type Token } from './text';
import type { Language } from '../plan-data/plan-file';

type Part = { kind: 'exact' | 'prefix' | 'suffix' | 'contains'; text: string } | { kind: 'gap' };

export interface Pattern<T> {
  parts: Part[];
  /** Number of non-gap parts: longer phrases win over shorter ones they overlap. */
  size: number;
  weight: number;
  keep: boolean;
  value: T;
  source: string;
}

/** A match: which tokens the pattern's words took. */
export interface Match<T> {
  pattern: Pattern<T>;
  tokens: number[];
}

const MAX_GAP = 5;

/** Compiles one lexicon entry. */
export function compilePattern<T>(entry: string, value: T): Pattern<T> {
  let text = entry.trim();
  let keep = false;
  let weight = 2;
  if (text.startsWith('~')) {
    keep = true;
    text = text.slice(1);
  }
  const w = /=(\d+(?:\.\d+)?)$/.exec(text);
  if (w) {
    weight = Number(w[1]);
    text = text.slice(0, w.index);
  }
  const parts: Part[] = text
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word): Part => {
      if (word === '..') return { kind: 'gap' };
      const pre = word.startsWith('*');
      const post = word.endsWith('*') && word.length > 1;
      const core = fold(word.replace(/^\*|\*$/g, ''));
      return { kind: pre && post ? 'contains' : pre ? 'suffix' : post ? 'prefix' : 'exact', text: core };
    });
  // Persian "نمی توانم" in a lexicon is one word in a message (../text joinVerbPrefixes).
  for (let i = parts.length - 2; i >= 0; i--) {
    const a = parts[i] as Part;
    const b = parts[i + 1] as Part;
    if (a.kind === 'exact' && PERSIAN_VERB_PREFIXES.has(a.text) && b.kind !== 'gap' && (b.kind === 'exact' || b.kind === 'prefix'))
      parts.splice(i, 2, { kind: b.kind, text: a.text + b.text });
  }
  return { parts, size: parts.filter((p) => p.kind !== 'gap').length, weight, keep, value, source: entry };
}

/** Compiles a table of entries: value → entries. */
export function compileTable<K extends string>(table: Partial<Record<K, readonly string[]>>): Pattern<K>[] {
  const out: Pattern<K>[] = [];
  for (const [value, entries] of Object.entries(table) as [K, readonly string[] | undefined][]) {
    for (const e of entries ?? []) out.push(compilePattern(e, value));
  }
  return out;
}

function partMatches(part: Part, token: Token): boolean {
  // Plain loops: this is the innermost step of reading every message.
  const forms = token.forms;
  const text = part.kind === 'gap' ? '' : part.text;
  switch (part.kind) {
    case 'exact':
      for (const f of forms) if (f === text) return true;
      return false;
    case 'prefix':
      for (const f of forms) if (f.startsWith(text)) return true;
      return false;
    case 'suffix':
      for (const f of forms) if (f.endsWith(text)) return true;
      return false;
    case 'contains':
      for (const f of forms) if (f.includes(text)) return true;
      return false;
    default:
      return false;
  }
}

// Matches parts[p..] starting at token i; returns the taken token indices or null.
function matchFrom<T>(pattern: Pattern<T>, tokens: readonly Token[], taken: ReadonlySet<number>, p: number, i: number): number[] | null {
  const part = pattern.parts[p];
  if (!part) return [];
  if (part.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP && i + skip <= tokens.length; skip++) {
      const rest = matchFrom(pattern, tokens, taken, p + 1, i + skip);
      if (rest) return rest;
    }
    return null;
  }
  const token = tokens[i];
  if (!token || taken.has(i) || !partMatches(part, token)) return null;
  const rest = matchFrom(pattern, tokens, taken, p + 1, i + 1);
  return rest ? [i, ...rest] : null;
}

// Patterns by how their first word can start a match, so a token is only tried against patterns that
// can start with it: a whole first word by that word, a first word's start by its first two letters
// (one letter when it is that short), and patterns starting with "*x" or a gap everywhere. Each
// pattern keeps its place in the list, and the candidates for a token are tried in that order, so
// the matches come out as if every pattern of the list had been tried.
interface Placed<T> {
  pattern: Pattern<T>;
  place: number;
}
interface PatternIndex<T> {
  anywhere: Pattern<T>[];
  /** By the whole first word. */
  exact: Map<string, Placed<T>[]>;
  /** By the first two letters of a first word's start. */
  prefix: Map<string, Placed<T>[]>;
  /** By the first letter of a one-letter start. */
  short: Map<string, Placed<T>[]>;
}
const indexes = new WeakMap<readonly Pattern<unknown>[], PatternIndex<unknown>>();

function add<T>(map: Map<string, Placed<T>[]>, key: string, placed: Placed<T>): void {
  const list = map.get(key);
  if (list) list.push(placed);
  else map.set(key, [placed]);
}

function indexOf<T>(patterns: readonly Pattern<T>[]): PatternIndex<T> {
  const cached = indexes.get(patterns) as PatternIndex<T> | undefined;
  if (cached) return cached;
  const index: PatternIndex<T> = { anywhere: [], exact: new Map(), prefix: new Map(), short: new Map() };
  patterns.forEach((pattern, place) => {
    const first = pattern.parts[0];
    if (!first || first.kind === 'gap' || first.kind === 'suffix' || first.kind === 'contains' || !first.text) index.anywhere.push(pattern);
    else if (first.kind === 'exact') add(index.exact, first.text, { pattern, place });
    else if (first.text.length >= 2) add(index.prefix, first.text.slice(0, 2), { pattern, place });
    else add(index.short, first.text, { pattern, place });
  });
  indexes.set(patterns, index as PatternIndex<unknown>);
  return index;
}

/** Every place each pattern matches, ignoring tokens already taken. */
export function findMatches<T>(patterns: readonly Pattern<T>[], tokens: readonly Token[], taken: ReadonlySet<number>): Match<T>[] {
  const index = indexOf(patterns);
  const out: Match<T>[] = [];
  const candidates: Placed<T>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const token = tokens[i] as Token;
    tryAll(index.anywhere, tokens, taken, i, out);
    // Forms of one token (Arabic clitics off) mostly start alike: each first letter once, in the forms' order.
    const forms = token.forms.length > 0 ? token.forms : [token.norm];
    const firstLetters = token.forms.length <= 1 ? [token.norm[0] ?? ''] : [...new Set(forms.map((f) => f[0] ?? ''))];
    for (const letter of firstLetters) {
      candidates.length = 0;
      const starts = new Set<string>();
      for (const f of forms) {
        if (f[0] !== letter) continue;
        const exact = index.exact.get(f);
        if (exact) candidates.push(...exact);
        if (f.length >= 2) starts.add(f.slice(0, 2));
      }
      for (const start of starts) {
        const prefix = index.prefix.get(start);
        if (prefix) candidates.push(...prefix);
      }
      const short = index.short.get(letter);
      if (short) candidates.push(...short);
      if (candidates.length > 1) candidates.sort((a, b) => a.place - b.place);
      for (const { pattern } of candidates) {
        const got = matchFrom(pattern, tokens, taken, 0, i);
        if (got && got.length) out.push({ pattern, tokens: got });
      }
    }
  }
  return out;
}

/** Tries each pattern at token `i` (a plain loop: this runs for every token of every message). */
function tryAll<T>(patterns: readonly Pattern<T>[], tokens: readonly Token[], taken: ReadonlySet<number>, i: number, out: Match<T>[]): void {
  for (const pattern of patterns) {
    const got = matchFrom(pattern, tokens, taken, 0, i);
    if (got && got.length) out.push({ pattern, tokens: got });
  }
}

/**
 * Keeps matches that do not overlap, longest phrase first (then heaviest, then earliest), and marks
 * their tokens taken: "mine tilmeldinger" wins over "tilmeld*" inside it.
 */
export function claimMatches<T>(matches: Match<T>[], taken: Set<number>): Match<T>[] {
  const sorted = [...matches].sort((a, b) => b.pattern.size - a.pattern.size || b.pattern.weight - a.pattern.weight || (a.tokens[0] ?? 0) - (b.tokens[0] ?? 0));
  const kept: Match<T>[] = [];
  for (const m of sorted) {
    if (m.tokens.some((t) => taken.has(t))) continue;
    for (const t of m.tokens) taken.add(t);
    kept.push(m);
  }
  return kept.sort((a, b) => (a.tokens[0] ?? 0) - (b.tokens[0] ?? 0));
}

/** Finds and claims in one step. */
export function claim<T>(patterns: readonly Pattern<T>[], tokens: readonly Token[], taken: Set<number>): Match<T>[] {
  return claimMatches(findMatches(patterns, tokens, taken), taken);
}

/**
 * A per-language phrase list ("i stedet for", "ولا لا"), compiled on first use per language: the matches of a
 * language's phrases in the tokens, with nothing taken.
 */
export function phraseFinder(phrases: (language: Language) => readonly string[]): (tokens: readonly Token[], language: Language) => Match<true>[] {
  const compiled = new Map<Language, Pattern<true>[]>();
  const nothingTaken: ReadonlySet<number> = new Set();
  return (tokens, language) => {
    let patterns = compiled.get(language);
    if (!patterns) compiled.set(language, (patterns = phrases(language).map((p) => compilePattern(p, true as const))));
    return findMatches(patterns, tokens, nothingTaken);
  };
}
