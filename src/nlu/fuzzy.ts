/**
 * Tolerant name matching for what residents type from memory: "Husavej" for Husarvej,
 * "Vangdalsparkn" for Vangdalsparken. Optimal string alignment distance (a swap of two letters is
 * one edit), on names folded like everything else the reader compares.
 */
import { streetKey } from '../areas/address-matcher';

/** Edits (insert, delete, substitute, swap neighbours) between two strings. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** How many edits a name of this length may be off by and still be the same name. */
function allowance(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

/** The one candidate closest to `typed` within the allowance (none if two are equally close). */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  const key = streetKey(typed);
  if (!key) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    const dist = editDistance(key, streetKey(c));
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
      tie = false;
    } else if (dist === bestDistance && streetKey(c) !== streetKey(best ?? '')) tie = true;
  }
  return best !== undefined && !tie && bestDistance <= allowance(key.length) ? best : undefined;
}
