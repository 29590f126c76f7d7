/**
 * Clock times in a message ("kl 15", "kl. 14.30", "15:00", "3 pm", "الساعة ٣"), for a question that offers times: a
 * resident answers the list of counselling times in words ("kan jeg komme kl 15 på tirsdag"). The reader itself only
 * sets times aside so they are not counted (./dates claimTimes); this reads their value.
 */
import type { Language } from '../plan-data/plan-file';
import { lexiconFor } from './lexicon';
import { findMatches } from './patterns';
import { fold, tokenize } from './text';

/** A time of day as said: `hour` 0-23, or 1-12 when it may be either half of the day ("kl 3", "الساعة ٣"). */
export interface ClockTime {
  hour: number;
  minute: number;
  /** Said with am/pm or as 13-23, or with minutes after a colon: no other reading. */
  exact: boolean;
}

const HM = /^(\d{1,2})(?:[:.](\d{2}))?$/;

/** The clock times of `text`, in order. */
export function clockTimes(text: string, language: Language): ClockTime[] {
  const lex = lexiconFor(language);
  const tokens = tokenize(text, lex.arabicClitics);
  const out: { at: number; time: ClockTime }[] = [];
  const seen = new Set<number>();
  const add = (at: number, raw: string, suffix?: string): void => {
    const m = HM.exec(raw);
    if (!m || seen.has(at)) return;
    let hour = Number(m[1]);
    const minute = m[2] ? Number(m[2]) : 0;
    if (hour > 23 || minute > 59) return;
    if (suffix === 'pm' && hour < 12) hour += 12;
    if (suffix === 'am' && hour === 12) hour = 0;
    seen.add(at);
    out.push({ at, time: { hour, minute, exact: suffix !== undefined || hour >= 13 || hour === 0 } });
  };
  for (const t of tokens) {
    const glued = /^(\d{1,2}(?:[:.]\d{2})?)(am|pm)$/.exec(t.norm);
    if (glued) add(t.index, glued[1] as string, glued[2]);
    if (t.kind !== 'number') continue;
    const next = tokens[t.index + 1];
    if (next && (next.norm === 'pm' || next.norm === 'am')) add(t.index, t.raw, next.norm);
    else if (/^\d{1,2}:\d{2}$/.test(t.raw)) add(t.index, t.raw);
  }
  for (const m of findMatches(lex.timeMarkers, tokens, new Set())) {
    const n = tokens[(m.tokens[m.tokens.length - 1] as number) + 1];
    if (n && n.kind === 'number') add(n.index, n.raw);
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.time);
}

/** Whether a slot starting at `hour`:`minute` (Copenhagen) is the time said: "kl 3" is 3 or 15. */
export function sameClock(said: ClockTime, hour: number, minute: number): boolean {
  if (said.minute !== minute) return false;
  return said.hour === hour || (!said.exact && said.hour < 12 && said.hour + 12 === hour);
}

/** A part of the day said instead of a clock time ("om formiddagen", "afternoon", "المسا"), as the hours it spans. */
export type DayPart = 'morning' | 'afternoon' | 'evening';

const PART_HOURS: Record<DayPart, [number, number]> = { morning: [5, 12], afternoon: [12, 18], evening: [18, 24] };

// Folded words (and two-word phrases) per language. "morgen" alone is left out: "i morgen" is tomorrow.
const DAY_PARTS: Record<Language, Record<DayPart, readonly string[]>> = {
  da: {
    morning: ['formiddag', 'formiddagen', 'morgenen', 'tidligt', 'om morgenen'],
    afternoon: ['eftermiddag', 'eftermiddagen', 'efter frokost'],
    evening: ['aften', 'aftenen', 'sent'],
  },
  en: { morning: ['morning', 'mornings', 'early'], afternoon: ['afternoon', 'afternoons', 'after lunch'], evening: ['evening', 'evenings', 'late', 'night'] },
  ar: {
    morning: ['الصبح', 'صباحا', 'صباح', 'الصباح', 'بدري'],
    afternoon: ['الظهر', 'العصر', 'ظهرا', 'بعد الظهر'],
    evening: ['المسا', 'المساء', 'مساء', 'مسا', 'بالليل'],
  },
  so: { morning: ['subax', 'subaxda', 'aroor'], afternoon: ['galab', 'galabta', 'duhur'], evening: ['fiid', 'fiidkii', 'habeen'] },
  tr: { morning: ['sabah', 'sabahleyin', 'öğleden önce'], afternoon: ['öğleden sonra', 'öğlen', 'öğleden'], evening: ['akşam', 'akşamleyin', 'akşamüstü'] },
  uk: {
    morning: ['вранці', 'зранку', 'ранок', 'зранка'],
    afternoon: ['вдень', 'після обіду', 'пообідні'],
    evening: ['ввечері', 'увечері', 'вечір', 'вечором'],
  },
  fa: { morning: ['صبح', 'صبحها', 'قبل از ظهر'], afternoon: ['بعد از ظهر', 'بعدازظهر', 'عصر', 'ظهر'], evening: ['شب', 'غروب'] },
  ckb: { morning: ['بەیانی', 'بەیانیان'], afternoon: ['دوای نیوەڕۆ', 'نیوەڕۆ', 'عەسر'], evening: ['ئێوارە', 'ئێوارێ', 'شەو'] },
};

/** The parts of the day `text` names, in the order of DayPart. */
export function dayParts(text: string, language: Language): DayPart[] {
  const lex = lexiconFor(language);
  const words = tokenize(text, lex.arabicClitics).map((t) => t.norm);
  const said = new Set<string>();
  words.forEach((w, i) => {
    // "good morning", "god aften", "صباح الخير", "صبح بخیر", "subax wanaagsan", "بەیانی باش" greet; they ask for no time of day.
    if (GREETING_AFTER.has(words[i + 1] ?? '') || words[i - 1] === 'good' || words[i - 1] === 'god') return;
    said.add(w);
    if (i + 1 < words.length) said.add(`${w} ${words[i + 1]}`);
  });
  return (Object.keys(PART_HOURS) as DayPart[]).filter((p) => DAY_PARTS[language][p].some((w) => said.has(fold(w))));
}

const GREETING_AFTER = new Set(['الخير', 'خير', 'بخير', 'بخیر', 'wanaagsan', 'باش', 'النور'].map(fold));

/** Whether a slot starting at `hour` (Copenhagen) lies in the part of the day. */
export function inDayPart(part: DayPart, hour: number): boolean {
  const [from, to] = PART_HOURS[part];
  return hour >= from && hour < to;
}
