/**
 * Numbers in messages: digits (Arabic-Indic and Persian digits are made ASCII when tokenizing),
 * decimals with comma or point ("4,2"), ordinals ("24th"), and number words 1-12 of the chosen
 * language ("to", "tre", "two", "اثنين", "laba", "iki", "два", "دو", "دوو"). Words that also mean
 * "a"/"an" ("en", "et", "bir", "یک") count only right before a counted word ("et barn").
 * Also "year: value" measurements ("klagesager 2022: 49").
 */
import type { CompiledLexicon } from './lexicon';
import { claimMatches, findMatches } from './patterns';
import type { Token } from './text';

/** The value of a number token ("34", "4,2", "4.2", "24th"), or null. */
export function numberOf(token: Token): number | null {
  if (token.kind !== 'number') return null;
  const raw = token.raw.replace(/(st|nd|rd|th)$/, '');
  if (/^\d+$/.test(raw)) return Number(raw);
  const dec = /^(\d+)[.,](\d+)$/.exec(raw);
  return dec ? Number(`${dec[1]}.${dec[2]}`) : null;
}

/** The value of a whole-number token, or null. */
export function integerOf(token: Token): number | null {
  const n = numberOf(token);
  return n !== null && Number.isInteger(n) && !/[.,]/.test(token.raw) ? n : null;
}

/** A number found in a message: its value and the tokens it spans. */
export interface Quantity {
  value: number;
  first: number;
  last: number;
  /** A word like "en"/"a" that is a number only before a counted word. */
  weak: boolean;
}

/** Digits and number words not yet taken, in order. Their tokens are not taken here: counting decides. */
export function findQuantities(tokens: readonly Token[], lex: CompiledLexicon, taken: ReadonlySet<number>): Quantity[] {
  const out: Quantity[] = [];
  for (const t of tokens) {
    if (taken.has(t.index)) continue;
    const v = numberOf(t);
    if (v !== null) out.push({ value: v, first: t.index, last: t.index, weak: false });
  }
  const scratch = new Set(taken);
  for (const m of claimMatches([...findMatches(lex.numbers, tokens, taken), ...findMatches(lex.weakNumbers, tokens, taken)], scratch)) {
    const weak = lex.weakNumbers.includes(m.pattern);
    out.push({ value: m.pattern.value, first: m.tokens[0] as number, last: m.tokens[m.tokens.length - 1] as number, weak });
  }
  return out.sort((a, b) => a.first - b.first);
}

const isYear = (n: number | null): n is number => n !== null && Number.isInteger(n) && n >= 1990 && n <= 2100;
// Words between a year and its value: "klagesager 2022 var 49", "complaints 2022 was 49".
const YEAR_VALUE_GLUE = new Set(['var', 'er', 'blev', 'was', 'is', 'were', 'kan', 'كان', 'كانت', 'idi', 'oldu', 'bylo', 'bud']);

/** "2022: 49", "2022 = 49", "2022:49", "2022 var 49": a measurement's year and value; takes their tokens. */
export function findMeasurement(tokens: readonly Token[], taken: Set<number>): { year: number; value: number } | null {
  for (const t of tokens) {
    if (taken.has(t.index) || t.kind !== 'number') continue;
    const joined = /^(\d{4}):(\d+(?:[.,]\d+)?)$/.exec(t.raw);
    if (joined && isYear(Number(joined[1]))) {
      taken.add(t.index);
      return { year: Number(joined[1]), value: Number((joined[2] as string).replace(',', '.')) };
    }
    const year = integerOf(t);
    if (!isYear(year)) continue;
    let next = tokens[t.index + 1];
    let glue: Token | undefined;
    if (next && next.kind === 'word' && YEAR_VALUE_GLUE.has(next.norm)) {
      glue = next;
      next = tokens[t.index + 2];
    }
    if (!next || taken.has(next.index)) continue;
    const value = numberOf(next);
    const separated = glue !== undefined || /[:=]/.test(next.before);
    if (value === null || !separated) continue;
    taken.add(t.index);
    taken.add(next.index);
    if (glue) taken.add(glue.index);
    return { year, value };
  }
  return null;
}

/** A lone year ("status 2023", "i 2022") not used by a date; takes its token. */
export function findYear(tokens: readonly Token[], taken: Set<number>): number | null {
  for (const t of tokens) {
    if (taken.has(t.index)) continue;
    const y = integerOf(t);
    if (isYear(y) && t.raw.length === 4) {
      taken.add(t.index);
      return y;
    }
  }
  return null;
}
