/**
 * Free text from people, made safe to keep: names lose control characters and bidirectional
 * overrides (which can reorder what staff read, or hide text), and national id numbers typed
 * into any text (a CPR number in a question or a note) are masked before anything is stored.
 */

/** C0/C1 controls, bidi embeddings, overrides and isolates, and the lone direction marks. ZWJ/ZWNJ stay: Persian and Sorani names need them. */
const UNSAFE_IN_NAMES = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/gu;

/** A display name as Nabo keeps it: no control or direction characters, spaces collapsed, at most 64 characters. */
export function cleanName(name: string | undefined | null): string | null {
  if (!name) return null;
  const clean = name.replace(UNSAFE_IN_NAMES, '').replace(/\s+/g, ' ').trim();
  return clean ? [...clean].slice(0, 64).join('') : null;
}

/**
 * A Danish CPR number: ddmmyy (or dd.mm.yy), an optional dash, slash, dot or space, then four
 * digits, with a real day and month; not part of a longer number. Arabic-Indic and Persian digits
 * are read too (٠-٩, ۰-۹).
 */
const CPR = /(?<![\p{Nd}])(0[1-9]|[12]\d|3[01])[./]?(0[1-9]|1[0-2])[./]?(\d{2})[ ./-]?(\d{4})(?![\p{Nd}])/gu;
/** Other id-like numbers: nine or more digits in a row (passport, account and foreign id numbers). */
const LONG_NUMBER = /(?<![\p{Nd}])\d{9,}(?![\p{Nd}])/gu;
/** What a masked number is shown as. */
export const MASKED_ID = '******-****';

/** Arabic-Indic and Persian digits as ASCII, so "١٢٠٣٨٥-١٢٣٤" is recognised too. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) - (d >= '\u06f0' ? 0x06f0 : 0x0660)) % 10));
}

/** `text` with CPR and other id numbers masked, and whether anything was masked. */
export function maskIdNumbers(text: string): { text: string; masked: boolean } {
  // Work on an ASCII-digit copy for matching, but keep the person's own digits elsewhere.
  const ascii = asciiDigits(text);
  const spans: [number, number][] = [];
  for (const re of [CPR, LONG_NUMBER]) for (const m of ascii.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  if (spans.length === 0) return { text, masked: false };
  spans.sort((a, b) => b[0] - a[0]);
  let out = text;
  let lastStart = Infinity;
  for (const [start, end] of spans) {
    if (end > lastStart) continue; // overlapping: the later span already covers it
    out = `${out.slice(0, start)}${MASKED_ID}${out.slice(end)}`;
    lastStart = start;
  }
  return { text: out, masked: true };
}
