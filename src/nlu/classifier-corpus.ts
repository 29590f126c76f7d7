/**
 * What the second-opinion classifier (./classifier) learns from: the labelled sentences the rules are
 * tuned on, tests/nlu/<lang>.json, the four fresh sets tests/nlu/fresh/, fresh2/, fresh3/ and fresh4/, and the retired blind
 * sets blind/ to blind7/ (never the current blind set, blind8/, which judges it). Each set was measured unseen before it joined. They are compiled
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
import arb7 from '../../tests/nlu/blind7/ar.json';
import ckbb7 from '../../tests/nlu/blind7/ckb.json';
import dab7 from '../../tests/nlu/blind7/da.json';
import enb7 from '../../tests/nlu/blind7/en.json';
import fab7 from '../../tests/nlu/blind7/fa.json';
import sob7 from '../../tests/nlu/blind7/so.json';
import trb7 from '../../tests/nlu/blind7/tr.json';
import ukb7 from '../../tests/nlu/blind7/uk.json';
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
import arb2 from '../../tests/nlu/blind2/ar.json';
import ckbb2 from '../../tests/nlu/blind2/ckb.json';
import dab2 from '../../tests/nlu/blind2/da.json';
import enb2 from '../../tests/nlu/blind2/en.json';
import fab2 from '../../tests/nlu/blind2/fa.json';
import sob2 from '../../tests/nlu/blind2/so.json';
import trb2 from '../../tests/nlu/blind2/tr.json';
import ukb2 from '../../tests/nlu/blind2/uk.json';
import arb3 from '../../tests/nlu/blind3/ar.json';
import ckbb3 from '../../tests/nlu/blind3/ckb.json';
import dab3 from '../../tests/nlu/blind3/da.json';
import enb3 from '../../tests/nlu/blind3/en.json';
import fab3 from '../../tests/nlu/blind3/fa.json';
import sob3 from '../../tests/nlu/blind3/so.json';
import trb3 from '../../tests/nlu/blind3/tr.json';
import ukb3 from '../../tests/nlu/blind3/uk.json';
import arb1 from '../../tests/nlu/blind/ar.json';
import ckbb1 from '../../tests/nlu/blind/ckb.json';
import dab1 from '../../tests/nlu/blind/da.json';
import enb1 from '../../tests/nlu/blind/en.json';
import fab1 from '../../tests/nlu/blind/fa.json';
import sob1 from '../../tests/nlu/blind/so.json';
import trb1 from '../../tests/nlu/blind/tr.json';
import ukb1 from '../../tests/nlu/blind/uk.json';
import arb4 from '../../tests/nlu/blind4/ar.json';
import ckbb4 from '../../tests/nlu/blind4/ckb.json';
import dab4 from '../../tests/nlu/blind4/da.json';
import enb4 from '../../tests/nlu/blind4/en.json';
import fab4 from '../../tests/nlu/blind4/fa.json';
import sob4 from '../../tests/nlu/blind4/so.json';
import trb4 from '../../tests/nlu/blind4/tr.json';
import ukb4 from '../../tests/nlu/blind4/uk.json';
import arb5 from '../../tests/nlu/blind5/ar.json';
import ckbb5 from '../../tests/nlu/blind5/ckb.json';
import dab5 from '../../tests/nlu/blind5/da.json';
import enb5 from '../../tests/nlu/blind5/en.json';
import fab5 from '../../tests/nlu/blind5/fa.json';
import sob5 from '../../tests/nlu/blind5/so.json';
import trb5 from '../../tests/nlu/blind5/tr.json';
import ukb5 from '../../tests/nlu/blind5/uk.json';
import arb6 from '../../tests/nlu/blind6/ar.json';
import ckbb6 from '../../tests/nlu/blind6/ckb.json';
import dab6 from '../../tests/nlu/blind6/da.json';
import enb6 from '../../tests/nlu/blind6/en.json';
import fab6 from '../../tests/nlu/blind6/fa.json';
import sob6 from '../../tests/nlu/blind6/so.json';
import trb6 from '../../tests/nlu/blind6/tr.json';
import ukb6 from '../../tests/nlu/blind6/uk.json';
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
  da: [...da, ...da1, ...da2, ...da3, ...da4, ...dab1, ...dab2, ...dab3, ...dab4, ...dab5, ...dab6, ...dab7],
  ar: [...ar, ...ar1, ...ar2, ...ar3, ...ar4, ...arb1, ...arb2, ...arb3, ...arb4, ...arb5, ...arb6, ...arb7],
  en: [...en, ...en1, ...en2, ...en3, ...en4, ...enb1, ...enb2, ...enb3, ...enb4, ...enb5, ...enb6, ...enb7],
  so: [...so, ...so1, ...so2, ...so3, ...so4, ...sob1, ...sob2, ...sob3, ...sob4, ...sob5, ...sob6, ...sob7],
  tr: [...tr, ...tr1, ...tr2, ...tr3, ...tr4, ...trb1, ...trb2, ...trb3, ...trb4, ...trb5, ...trb6, ...trb7],
  uk: [...uk, ...uk1, ...uk2, ...uk3, ...uk4, ...ukb1, ...ukb2, ...ukb3, ...ukb4, ...ukb5, ...ukb6, ...ukb7],
  fa: [...fa, ...fa1, ...fa2, ...fa3, ...fa4, ...fab1, ...fab2, ...fab3, ...fab4, ...fab5, ...fab6, ...fab7],
  ckb: [...ckb, ...ckb1, ...ckb2, ...ckb3, ...ckb4, ...ckbb1, ...ckbb2, ...ckbb3, ...ckbb4, ...ckbb5, ...ckbb6, ...ckbb7],
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
