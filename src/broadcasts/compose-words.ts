/**
 * Reads a broadcast written in plain words by staff ("send til alle i Vangdalen på arabisk og
 * dansk om fællesspisning: …"): everything after the first colon is the Danish text; before it,
 * housing areas (by name or alias), languages (by their Danish names), a topic and a time ("i morgen
 * kl. 9", with the date found by the reader). What is not found is asked for step by step.
 */
import { normalizeText } from '../text/normalize';
import type { Language } from '../plan-data/plan-file';
import type { Topic } from './topics';

/** What a compose message said; every field optional. */
export interface ComposeWords {
  areaIds: string[];
  languages: Language[];
  topic?: Topic;
  body?: string;
  hour?: number;
  minute?: number;
}

/** Danish names of the languages (normalised, so "ukrainsk" and "Ukrainsk" meet). */
const LANGUAGE_WORDS: [string, Language][] = [
  ['dansk', 'da'],
  ['arabisk', 'ar'],
  ['engelsk', 'en'],
  ['somali', 'so'],
  ['somalisk', 'so'],
  ['tyrkisk', 'tr'],
  ['ukrainsk', 'uk'],
  ['persisk', 'fa'],
  ['dari', 'fa'],
  ['farsi', 'fa'],
  ['kurdisk', 'ckb'],
  ['sorani', 'ckb'],
];

/** Word stems that name a topic (normalised: æ→ae, ø→oe). */
const TOPIC_STEMS: [string, Topic][] = [
  ['faellesspisning', 'dinner'],
  ['spisning', 'dinner'],
  ['boern', 'children_youth'],
  ['unge', 'children_youth'],
  ['lektiehjaelp', 'children_youth'],
  ['aktivitet', 'activities'],
  ['nyhed', 'news'],
];

/** Reads a compose message against the plan's housing areas. */
export function readComposeWords(message: string, areas: readonly { id: string; name: string; aliases: string }[]): ComposeWords {
  const colon = message.indexOf(':');
  const head = colon >= 0 ? message.slice(0, colon) : message;
  const body = colon >= 0 ? message.slice(colon + 1).trim() : '';
  const words = normalizeText(head).split(' ').filter(Boolean);
  const padded = ` ${words.join(' ')} `;
  const out: ComposeWords = { areaIds: [], languages: [] };
  for (const a of areas) {
    const names = [a.name, ...a.aliases.split(/[,;|]/)].map(normalizeText).filter((n) => n.length >= 3);
    if (names.some((n) => padded.includes(` ${n} `))) out.areaIds.push(a.id);
  }
  for (const [word, lang] of LANGUAGE_WORDS) if (words.includes(word) && !out.languages.includes(lang)) out.languages.push(lang);
  for (const [stem, topic] of TOPIC_STEMS) {
    if (words.some((w) => w.startsWith(stem))) {
      out.topic = topic;
      break;
    }
  }
  const clock = /\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?/i.exec(head);
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2] ?? 0);
    if (hour <= 23 && minute <= 59) Object.assign(out, { hour, minute });
  }
  if (body) out.body = body;
  return out;
}
