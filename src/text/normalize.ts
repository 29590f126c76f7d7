/**
 * Normalises what people type for matching: lower case, Danish letters spelled out (æ→ae, ø→oe,
 * å→aa) so "faellesspisning" finds "fællesspisning", other accents removed, punctuation to spaces.
 */
export function normalizeText(text: string): string {
  return spellOutDanishLetters(text.toLowerCase())
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Normalised text without spaces, so "fælles spisning" and "fællesspisning" meet. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}

/** æ→ae, ø→oe, å→aa in lower-case text: the one Danish spelling every matcher shares. */
export function spellOutDanishLetters(lowerCase: string): string {
  return lowerCase.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}
