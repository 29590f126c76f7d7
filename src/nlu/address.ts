/**
 * Street addresses in messages: "jeg bor på Husarvej 12", "my address is Rørhaven 7, 2. th",
 * "Gl. Jennumvej 5", "Husarvej 12'de oturuyorum". A street is a Latin-script word followed by a
 * house number, and either ends like a Danish street name (-vej, -gade, -haven…) or follows an
 * address word ("bor på", "address", "عنواني"). A number followed by a counted word ("Vangdalsparken
 * 6 mødre") is a count, not a house number. The housing area is found later by the address matcher.
 */
import type { CompiledLexicon } from './lexicon';
import { findMatches } from './patterns';
import type { Token } from './text';

const STREET_ENDING = /(vej|gade|alle|haven|parken|vaenget|straede|plads|torv|boulevard|bakken|toften|marken|engen|hoej|road|street|avenue|lane)$/;
// Words that start a street name: "Gl. Jennumvej", "Ved Byskellet", "Sankt Peders Gade".
const STREET_PREFIX = new Set(['gl', 'gml', 'gammel', 'ved', 'store', 'lille', 'nordre', 'soendre', 'oestre', 'vestre', 'sankt', 'skt', 'ny']);
// Floor and side after the number: "2. th", "st. tv", "1 sal".
const FLOOR = new Set(['st', 'th', 'tv', 'mf', 'sal', 'etage', 'floor', 'lejl']);

const latinWord = (t: Token | undefined): t is Token => !!t && t.kind === 'word' && /^[\p{Script=Latin}]{3,}$/u.test(t.raw);

/** Finds a street address and takes its tokens; returns it as "Street 12" (with letter, "12B"). */
export function findAddress(tokens: readonly Token[], lex: CompiledLexicon, taken: Set<number>): string | null {
  const markers = findMatches(lex.addressMarkers, tokens, new Set());
  const markerEnd = markers.length ? Math.min(...markers.map((m) => m.tokens[m.tokens.length - 1] as number)) : Infinity;
  const counted = [...findMatches(lex.counts, tokens, taken), ...findMatches(lex.countVerbs, tokens, taken)];
  for (const n of tokens) {
    if (n.kind !== 'number' || taken.has(n.index) || !/^\d{1,4}$/.test(n.raw)) continue;
    const street = tokens[n.index - 1];
    if (!latinWord(street) || taken.has(street.index)) continue;
    const byEnding = STREET_ENDING.test(street.norm);
    const byMarker = street.index > markerEnd && (/^\p{Lu}/u.test(street.raw) || street.index - markerEnd <= 2);
    if (!byEnding && !byMarker) continue;
    if (counted.some((m) => m.tokens[0] === n.index + 1)) continue;

    const parts: Token[] = [street];
    const prefix = tokens[street.index - 1];
    if (prefix && !taken.has(prefix.index) && STREET_PREFIX.has(prefix.norm)) parts.unshift(prefix);
    let house = n.raw;
    const use = [...parts.map((p) => p.index), n.index];
    let i = n.index + 1;
    const letter = tokens[i];
    if (letter && letter.kind === 'word' && letter.before === '' && /^\p{L}$/u.test(letter.raw)) {
      house += letter.raw.toUpperCase();
      use.push(i++);
    }
    // Floor and side are taken so they are not read as numbers or activity words.
    for (let k = 0; k < 3; k++) {
      const t = tokens[i];
      if (!t || taken.has(i)) break;
      if (FLOOR.has(t.norm) || (t.kind === 'number' && /^\d{1,2}$/.test(t.raw) && FLOOR.has(tokens[i + 1]?.norm ?? ''))) use.push(i++);
      else break;
    }
    for (const u of use) taken.add(u);
    // "Gl. Jennumvej": the abbreviation's point is in the next token's `before`.
    const name = parts.map((p, k) => (k < parts.length - 1 && (parts[k + 1] as Token).before.startsWith('.') ? `${p.raw}.` : p.raw)).join(' ');
    return `${name} ${house}`;
  }
  return null;
}
