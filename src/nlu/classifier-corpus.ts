/**
 * What the second-opinion classifier (./classifier) learns from: the labelled tuning sentences of
 * tests/nlu/<lang>.json, the sets the rules are tuned on (never the blind sets). They are compiled
 * into the build with the code, so a deployed server trains from the same sentences as a checkout.
 * Danish and English sentences help every other language at a lower weight, as residents mix in
 * the Danish words they meet every day.
 */
import type { Language } from '../plan-data/plan-file';
import ar from '../../tests/nlu/ar.json';
import ckb from '../../tests/nlu/ckb.json';
import da from '../../tests/nlu/da.json';
import en from '../../tests/nlu/en.json';
import fa from '../../tests/nlu/fa.json';
import so from '../../tests/nlu/so.json';
import tr from '../../tests/nlu/tr.json';
import uk from '../../tests/nlu/uk.json';
import { LEXICON_SOURCES } from './lexicon';
import { INTENTS, type Intent } from './understanding';

/** One training sentence with the intent it was labelled with and how much it counts. */
export interface Example {
  text: string;
  intent: Intent;
  weight: number;
}

const SETS: Record<Language, readonly { text: string; intent: string }[]> = { da, ar, en, so, tr, uk, fa, ckb };
const MIXED_IN = 0.25;

const known = (intent: string): intent is Intent => (INTENTS as readonly string[]).includes(intent);

/** The sentences a language's classifier is trained on. */
export function examplesFor(language: Language): Example[] {
  const from = (l: Language, weight: number): Example[] =>
    SETS[l].filter((x) => known(x.intent)).map((x) => ({ text: x.text, intent: x.intent as Intent, weight }));
  const extra = language === 'da' ? ['en' as const] : language === 'en' ? ['da' as const] : (['da', 'en'] as const);
  return [...from(language, 1), ...extra.flatMap((l) => from(l, MIXED_IN)), ...phrasesOf(language)];
}

const PHRASE_WEIGHT = 0.5;

// The lexicon's intent phrases as short sentences: "tilmeld* .. fællesspisning=4" → "tilmeld fællesspisning".
function phrasesOf(language: Language): Example[] {
  const out: Example[] = [];
  for (const [intent, entries] of Object.entries(LEXICON_SOURCES[language].intents) as [Intent, readonly string[]][]) {
    for (const e of entries) {
      const text = e
        .replace(/^~/, '')
        .replace(/=[\d.]+$/, '')
        .replace(/\.\.|\*/g, ' ')
        .trim();
      if (text) out.push({ text, intent, weight: PHRASE_WEIGHT });
    }
  }
  return out;
}
