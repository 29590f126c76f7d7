/**
 * What the second-opinion classifier (./classifier) learns from: the labelled sentences the rules are
 * tuned on, tests/nlu/<lang>.json and the four fresh sets tests/nlu/fresh/, fresh2/, fresh3/ and fresh4/ (never
 * the blind sets, which judge it). Each fresh set was measured unseen before it joined. They are compiled
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
import ar1 from '../../tests/nlu/fresh/ar.json';
import ckb1 from '../../tests/nlu/fresh/ckb.json';
import da1 from '../../tests/nlu/fresh/da.json';
import en1 from '../../tests/nlu/fresh/en.json';
import fa1 from '../../tests/nlu/fresh/fa.json';
import so1 from '../../tests/nlu/fresh/so.json';
import tr1 from '../../tests/nlu/fresh/tr.json';
import uk1 from '../../tests/nlu/fresh/uk.json';
import ar2 from '../../tests/nlu/fresh2/ar.json';
import ckb2 from '../../tests/nlu/fresh2/ckb.json';
import da2 from '../../tests/nlu/fresh2/da.json';
import en2 from '../../tests/nlu/fresh2/en.json';
import fa2 from '../../tests/nlu/fresh2/fa.json';
import so2 from '../../tests/nlu/fresh2/so.json';
import tr2 from '../../tests/nlu/fresh2/tr.json';
import uk2 from '../../tests/nlu/fresh2/uk.json';
import ar3 from '../../tests/nlu/fresh3/ar.json';
import ckb3 from '../../tests/nlu/fresh3/ckb.json';
import da3 from '../../tests/nlu/fresh3/da.json';
import en3 from '../../tests/nlu/fresh3/en.json';
import fa3 from '../../tests/nlu/fresh3/fa.json';
import so3 from '../../tests/nlu/fresh3/so.json';
import tr3 from '../../tests/nlu/fresh3/tr.json';
import uk3 from '../../tests/nlu/fresh3/uk.json';
import ar4 from '../../tests/nlu/fresh4/ar.json';
import ckb4 from '../../tests/nlu/fresh4/ckb.json';
import da4 from '../../tests/nlu/fresh4/da.json';
import en4 from '../../tests/nlu/fresh4/en.json';
import fa4 from '../../tests/nlu/fresh4/fa.json';
import so4 from '../../tests/nlu/fresh4/so.json';
import tr4 from '../../tests/nlu/fresh4/tr.json';
import uk4 from '../../tests/nlu/fresh4/uk.json';
import { LEXICON_SOURCES } from './lexicon';
import { INTENTS, type Intent } from './understanding';

/** One training sentence with the intent it was labelled with and how much it counts. */
export interface Example {
  text: string;
  intent: Intent;
  weight: number;
}

type Sentences = readonly { text: string; intent: string }[];
const SETS: Record<Language, Sentences> = {
  da: [...da, ...da1, ...da2, ...da3, ...da4],
  ar: [...ar, ...ar1, ...ar2, ...ar3, ...ar4],
  en: [...en, ...en1, ...en2, ...en3, ...en4],
  so: [...so, ...so1, ...so2, ...so3, ...so4],
  tr: [...tr, ...tr1, ...tr2, ...tr3, ...tr4],
  uk: [...uk, ...uk1, ...uk2, ...uk3, ...uk4],
  fa: [...fa, ...fa1, ...fa2, ...fa3, ...fa4],
  ckb: [...ckb, ...ckb1, ...ckb2, ...ckb3, ...ckb4],
};
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
