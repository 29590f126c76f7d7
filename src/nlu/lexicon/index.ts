/**
 * Compiles the per-language lexicons into pattern tables, once per language. A message is read
 * with its own language's lexicon first and Danish and English after it at lower weight: residents
 * mix in Danish words they meet every day ("fællesspisning i dag") and staff write English and
 * Danish whatever their interface language. Number words come only from the chosen language
 * ("to" is two in Danish, a preposition in English; "on" is ten in Turkish).
 */
import type { Language } from '../../plan-data/plan-file';
import { compilePattern, compileTable, type Pattern } from '../patterns';
import { fold } from '../text';
import type { Audience, CounsellingTopic, Intent, PeriodChoice } from '../understanding';
import { ar } from './ar';
import { ckb } from './ckb';
import { da } from './da';
import { en } from './en';
import { fa } from './fa';
import { LANGUAGE_NAMES, SHARED_ELSEWHERE, SHARED_INTENTS } from './shared';
import { so } from './so';
import { tr } from './tr';
import type { CountRole, Lexicon } from './types';
import { uk } from './uk';

export type { CountRole, Lexicon } from './types';

const LEXICONS: Record<Language, Lexicon> = { da, ar, en, so, tr, uk, fa, ckb };
/** The lexicons as written, for what learns from their phrases (../classifier-corpus). */
export const LEXICON_SOURCES: Readonly<Record<Language, Lexicon>> = LEXICONS;

/** A word of a relative date ("om to dage", "in two days", "بعد يومين"): a unit of days, a marker, or two units in one word. */
export type RelativeWord = 'day' | 'week' | 'twoDays' | 'twoWeeks' | 'before' | 'after' | 'agoBefore' | 'agoAfter';

/** What a date word says, before it is resolved against today. */
export type DateWord =
  | { kind: 'offset'; days: number }
  | { kind: 'week'; which: 'this' | 'next' | 'last' }
  | { kind: 'weekend' }
  | { kind: 'weekday'; day: number; past: boolean }
  | { kind: 'month'; month: number }
  | { kind: 'weekNumber' };

export interface CompiledLexicon {
  language: Language;
  arabicClitics: boolean;
  intents: Pattern<Intent>[];
  counts: Pattern<CountRole>[];
  countVerbs: Pattern<CountRole>[];
  duals: Pattern<CountRole>[];
  numbers: Pattern<number>[];
  weakNumbers: Pattern<number>[];
  audience: Pattern<Audience>[];
  topics: Pattern<CounsellingTopic>[];
  dietary: Pattern<'halal' | 'vegetarian'>[];
  periods: Pattern<PeriodChoice>[];
  languages: Pattern<Language>[];
  question: Pattern<true>[];
  past: Pattern<true>[];
  addressMarkers: Pattern<true>[];
  activityWords: Pattern<true>[];
  elsewhere: Pattern<true>[];
  family: Pattern<true>[];
  please: Pattern<true>[];
  filler: Set<string>;
  countFor: Set<string>;
  dateWords: Pattern<DateWord>[];
  dateModifiers: Pattern<'next' | 'last'>[];
  relativeWords: Pattern<RelativeWord>[];
  timeMarkers: Pattern<true>[];
}

const flags = (words: readonly string[]): Pattern<true>[] => words.map((w) => compilePattern(w, true as const));

function dateWordsOf(lex: Lexicon): Pattern<DateWord>[] {
  const d = lex.dates;
  const out: Pattern<DateWord>[] = [];
  const add = (words: readonly string[] | undefined, value: DateWord): void => {
    for (const w of words ?? []) out.push(compilePattern(w, value));
  };
  add(d.today, { kind: 'offset', days: 0 });
  add(d.tomorrow, { kind: 'offset', days: 1 });
  add(d.dayAfterTomorrow, { kind: 'offset', days: 2 });
  add(d.yesterday, { kind: 'offset', days: -1 });
  add(d.thisWeek, { kind: 'week', which: 'this' });
  add(d.nextWeek, { kind: 'week', which: 'next' });
  add(d.lastWeek, { kind: 'week', which: 'last' });
  add(d.weekend, { kind: 'weekend' });
  add(d.weekNumber, { kind: 'weekNumber' });
  // Lexicons list Monday first; JavaScript counts Sunday as 0.
  d.weekdays.forEach((words, i) => add(words, { kind: 'weekday', day: (i + 1) % 7, past: false }));
  d.pastWeekdays?.forEach((words, i) => add(words, { kind: 'weekday', day: (i + 1) % 7, past: true }));
  d.months.forEach((words, i) => add(words, { kind: 'month', month: i + 1 }));
  return out;
}

/**
 * Words of the other lexicons mixed in that are everyday words of the chosen language: English "men" (counted adults) is
 * Danish "but" ("det var ikke 12 men 21").
 */
const FALSE_FRIENDS: Partial<Record<Language, readonly string[]>> = { da: ['men'] };

/** Scales a secondary lexicon's weights so the chosen language wins ties. */
const secondary = <T>(patterns: Pattern<T>[]): Pattern<T>[] => patterns.map((p) => ({ ...p, weight: p.weight * 0.75 }));

type Tables = Omit<CompiledLexicon, 'language' | 'arabicClitics' | 'numbers' | 'weakNumbers' | 'languages'>;

function compileOne(lex: Lexicon): Tables {
  return {
    intents: compileTable(lex.intents),
    counts: compileTable(lex.counts),
    countVerbs: lex.countVerbs.map((w) => compilePattern(w, 'participants' as CountRole)),
    duals: compileTable(lex.duals ?? {}),
    audience: compileTable(lex.audience),
    topics: compileTable(lex.topics),
    dietary: compileTable(lex.dietary),
    periods: compileTable(lex.periods),
    question: flags(lex.question),
    past: flags(lex.past),
    addressMarkers: flags(lex.addressMarkers),
    activityWords: flags(lex.activityWords),
    elsewhere: flags(lex.elsewhere ?? []),
    family: flags(lex.family ?? []),
    please: flags(lex.please ?? []),
    filler: new Set(lex.filler.flatMap((w) => fold(w).split(/\s+/))),
    countFor: new Set((lex.countFor ?? []).map(fold)),
    dateWords: dateWordsOf(lex),
    dateModifiers: [...lex.dates.next.map((w) => compilePattern(w, 'next' as const)), ...lex.dates.last.map((w) => compilePattern(w, 'last' as const))],
    relativeWords: compileTable<RelativeWord>(lex.dates.relative ?? {}),
    timeMarkers: flags(lex.dates.timeMarkers),
  };
}

// Turkish softens a stem's last k, p, t before a vowel ending: "çocuk" → "çocuğum", "yemek" → "yemeği",
// "kitap" → "kitabı". A stem entry ("çocuk*") also stands for its softened form.
const SOFTENED: Record<string, string> = { k: 'g', p: 'b', t: 'd' };

function withSoftenedStems<T>(patterns: Pattern<T>[]): Pattern<T>[] {
  const out = [...patterns];
  for (const p of patterns) {
    if (!p.parts.some((x) => x.kind === 'prefix' && SOFTENED[x.text.slice(-1)] !== undefined && x.text.length >= 3)) continue;
    const parts = p.parts.map((x) =>
      x.kind === 'prefix' && SOFTENED[x.text.slice(-1)] !== undefined && x.text.length >= 3
        ? { ...x, text: x.text.slice(0, -1) + (SOFTENED[x.text.slice(-1)] as string) }
        : x,
    );
    out.push({ ...p, parts });
  }
  return out;
}

function softened(t: Tables): Tables {
  const out = { ...t } as Record<string, unknown>;
  for (const [key, value] of Object.entries(t)) if (Array.isArray(value)) out[key] = withSoftenedStems(value as Pattern<unknown>[]);
  return out as unknown as Tables;
}

function build(language: Language): CompiledLexicon {
  const lex = LEXICONS[language];
  const main = language === 'tr' ? softened(compileOne(lex)) : compileOne(lex);
  const extra = (language === 'da' ? [en] : language === 'en' ? [da] : [da, en]).map(compileOne);
  const all = <T>(pick: (t: Tables) => Pattern<T>[]): Pattern<T>[] => [...pick(main), ...extra.flatMap((e) => secondary(pick(e)))];
  const numbers: Pattern<number>[] = [];
  for (const [value, words] of Object.entries(lex.numbers)) for (const w of words) numbers.push(compilePattern(w, Number(value)));
  return {
    language,
    arabicClitics: language === 'ar',
    intents: [...all((t) => t.intents), ...compileTable(SHARED_INTENTS)],
    counts: all((t) => t.counts).filter((p) => !(FALSE_FRIENDS[language] ?? []).includes(p.source.split('=')[0] as string) || main.counts.includes(p)),
    countVerbs: all((t) => t.countVerbs),
    duals: all((t) => t.duals),
    numbers,
    weakNumbers: lex.weakNumbers.map((w) => compilePattern(w, 1)),
    audience: all((t) => t.audience),
    topics: all((t) => t.topics),
    dietary: all((t) => t.dietary),
    periods: all((t) => t.periods),
    languages: compileTable(LANGUAGE_NAMES),
    question: all((t) => t.question),
    // Past-tense words only in the chosen language: Danish "var" (was) is Turkish "var" (there is).
    past: main.past,
    addressMarkers: all((t) => t.addressMarkers),
    activityWords: all((t) => t.activityWords),
    elsewhere: [...all((t) => t.elsewhere), ...SHARED_ELSEWHERE.map((w) => compilePattern(w, true as const))],
    family: all((t) => t.family),
    please: all((t) => t.please),
    filler: new Set([main, ...extra].flatMap((t) => [...t.filler])),
    countFor: new Set([main, ...extra].flatMap((t) => [...t.countFor])),
    dateWords: all((t) => t.dateWords),
    dateModifiers: all((t) => t.dateModifiers),
    // Only the chosen language's: Danish "om" (in) is an English word too, and the numbers are the language's own.
    relativeWords: main.relativeWords,
    timeMarkers: all((t) => t.timeMarkers),
  };
}

const cache = new Map<Language, CompiledLexicon>();

/** The compiled lexicon of a language (built on first use, then kept). */
export function lexiconFor(language: Language): CompiledLexicon {
  let lex = cache.get(language);
  if (!lex) {
    lex = build(language);
    cache.set(language, lex);
  }
  return lex;
}
