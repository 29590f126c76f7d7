/**
 * Whether a staff member's free answer is written in Danish. Staff write Danish; an answer in the
 * resident's own script (Arabic, Cyrillic) is not, nor is an English or Somali sentence. The rule
 * is small and explainable: Danish letters (æ, ø, å) or at least two common Danish words. A
 * Danish answer to a resident of another language gets one line in theirs saying so.
 */

// Short, frequent Danish words that are not words in English, Somali or Turkish.
const DANISH_WORDS = new Set([
  'og',
  'ikke',
  'jeg',
  'du',
  'det',
  'der',
  'til',
  'på',
  'har',
  'kan',
  'vi',
  'din',
  'dit',
  'dine',
  'med',
  'er',
  'skal',
  'kom',
  'komme',
  'hvis',
  'os',
  'vores',
  'dig',
  'hej',
  'tak',
  'ja',
  'nej',
  'kl',
  'kontoret',
  'hjælp',
  'hjælpe',
  'gerne',
  'også',
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
  'forbi',
  'svar',
  'vil',
  'være',
  'fra',
  'om',
  'en',
  'et',
  'må',
  'får',
  'få',
  'bolig',
  'boligstøtte',
]);

/** Whether `text` reads as Danish. */
export function looksDanish(text: string): boolean {
  const lower = text.toLowerCase();
  if (/[æøå]/.test(lower)) return true;
  const words = lower.split(/[^\p{L}]+/u).filter(Boolean);
  if (words.length === 0) return false;
  return words.filter((w) => DANISH_WORDS.has(w)).length >= Math.min(2, words.length);
}
