/**
 * Normalises what people type for matching: lower case, Danish letters spelled out (æ→ae, ø→oe,
 * å→aa) so "faellesspisning" finds "fællesspisning", other accents removed, punctuation to spaces.
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Normalised text without spaces, so "fælles spisning" and "fællesspisning" meet. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}
