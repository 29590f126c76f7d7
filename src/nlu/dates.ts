/**
 * Dates in messages: "i dag", "i morgen", "på torsdag", "i torsdags", "næste uge", "weekenden",
 * "24/11", "24.11.2026", "24. november", "uge 48", "غدا", "الخميس", "yarın", "четвер"…
 *
 * Finding and resolving are two steps, because a weekday's direction depends on what the message
 * is for. The rules (all in Europe/Copenhagen calendar dates):
 * - A weekday is the next such day, today included: on a Tuesday "tirsdag" is today, "torsdag" the
 *   day after tomorrow. "næste/next torsdag" is the same day unless that is today (then a week on).
 * - A weekday is the last such day, today included, when the message reports the past: an explicit
 *   past form or modifier ("i torsdags", "last Thursday", "الخميس الماضي"), or a staff delivery
 *   log or correction (deliveries are logged after they happen), or a past-tense word ("deltog",
 *   "came", "حضر") in a message that is not a booking, sign-up or event plan.
 * - "denne uge"/"this week" runs from today to Sunday (what is left of it); "næste uge" is Monday to
 *   Sunday of the next week; "weekend" is the coming Saturday-Sunday (today on a weekend, and the
 *   last one when reporting the past).
 * - A day and month without a year ("24/11", "3. december") is the nearest such date to today,
 *   so logging "28/12" on 3 January means last December.
 * - "uge 48"/"week 48" is that ISO week of this year.
 */
import { addDays, formatCalendarDate } from '../time/calendar-date';
import type { CompiledLexicon, RelativeWord } from './lexicon';
import { claim, findMatches, type Match } from './patterns';
import { integerOf } from './numbers';
import type { Token } from './text';

/** A date mention as found, not yet resolved against today. */
export type DateMention =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; day: number; modifier: 'next' | 'last' | null }
  | { kind: 'calendar'; day: number; month: number; year: number | null }
  | { kind: 'week'; which: 'this' | 'next' | 'last' }
  | { kind: 'weekend'; next: boolean }
  | { kind: 'isoWeek'; week: number }
  | { kind: 'month'; month: number };

const DAY_MS = 86_400_000;

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "24/11", "24/11/2026", "24.11", "3.12.26": a day-month token (a lone "4.2" is a decimal, not a date). */
export function numericDate(raw: string): { day: number; month: number; year: number | null } | null {
  const m = /^(\d{1,2})([./])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(raw);
  if (!m) return null;
  const [, d, sep, mo, y] = m as unknown as [string, string, string, string, string | undefined];
  if (sep === '.' && y === undefined && d.length === 1 && mo.length === 1) return null;
  const day = Number(d);
  const month = Number(mo);
  const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day, month, year };
}

const isFree = (tokens: readonly Token[], taken: ReadonlySet<number>, i: number): Token | undefined => (taken.has(i) ? undefined : tokens[i]);

// Small words allowed between a day number and a month ("24th of November", "den 24. november").
// Sorani joins a day to its month with the ezafe "ی" ("٢٦ی نۆڤەمبەر"), folded to "ي".
const DAY_MONTH_GLUE = new Set(['of', 'den', 'd', 'the', 'ي']);

/** Finds the date mentions of a message and takes their tokens. */
export function findDateMentions(tokens: readonly Token[], lex: CompiledLexicon, taken: Set<number>): DateMention[] {
  return findDatesAt(tokens, lex, taken).map((f) => f.mention);
}

/** The date mentions of a message with the index of the token each starts at, in order; takes their tokens. `slips`: tokens read past a typing slip. */
export function findDatesAt(
  tokens: readonly Token[],
  lex: CompiledLexicon,
  taken: Set<number>,
  slips: ReadonlySet<number> = new Set(),
): { at: number; mention: DateMention }[] {
  const found: { at: number; mention: DateMention }[] = [];
  for (const t of tokens) {
    if (t.kind !== 'number' || taken.has(t.index)) continue;
    const nd = numericDate(t.raw);
    if (nd) {
      taken.add(t.index);
      // "d. 3.12", "den 27/11": the small word before the date belongs to it.
      const before = tokens[t.index - 1];
      if (before && !taken.has(before.index) && DAY_MONTH_GLUE.has(before.norm)) taken.add(before.index);
      found.push({ at: t.index, mention: { kind: 'calendar', ...nd } });
    }
  }
  found.push(...relativeDays(tokens, lex, taken));
  for (const m of claim(lex.dateWords, tokens, taken)) {
    const w = m.pattern.value;
    const first = m.tokens[0] as number;
    const last = m.tokens[m.tokens.length - 1] as number;
    const free = (i: number): Token | undefined => isFree(tokens, taken, i);
    if (w.kind === 'offset') found.push({ at: first, mention: { kind: 'offset', days: w.days } });
    else if (w.kind === 'week') found.push({ at: first, mention: { kind: 'week', which: w.which } });
    else if (w.kind === 'weekend') {
      const mod = modifierAround(tokens, lex, taken, first, last);
      found.push({ at: first, mention: { kind: 'weekend', next: mod === 'next' } });
    } else if (w.kind === 'weekday') {
      const mod = w.past ? 'last' : modifierAround(tokens, lex, taken, first, last);
      found.push({ at: first, mention: { kind: 'weekday', day: w.day, modifier: mod } });
    } else if (w.kind === 'weekNumber') {
      const n = free(last + 1);
      const week = n ? integerOf(n) : null;
      if (week !== null && week >= 1 && week <= 53) {
        taken.add(last + 1);
        found.push({ at: first, mention: { kind: 'isoWeek', week } });
      } else {
        for (const i of m.tokens) taken.delete(i); // "uge" alone is just a word
      }
    } else {
      // A month needs a day next to it: "24. november", "24th of November", else "November 24"
      // (but not "November 30 people": a number before a counted word is a count).
      let dayAt = first - 1;
      const glue = free(dayAt) && DAY_MONTH_GLUE.has(tokens[dayAt]?.norm ?? '') ? dayAt : null;
      if (glue !== null) dayAt -= 1;
      let day = free(dayAt) ? integerOf(tokens[dayAt] as Token) : null;
      if (day === null || day > 31) {
        dayAt = last + 1;
        const counted = findMatches(lex.counts, tokens, taken).some((c) => c.tokens[0] === dayAt + 1);
        day = free(dayAt) && !counted ? integerOf(tokens[dayAt] as Token) : null;
      } else if (glue !== null) taken.add(glue);
      // "fredag d 11 december", "on the 3 december": the small word before the day belongs to the date.
      else if (dayAt === first - 1 && free(dayAt - 1) && DAY_MONTH_GLUE.has(tokens[dayAt - 1]?.norm ?? '')) taken.add(dayAt - 1);
      if (day === null || day < 1 || day > 31) {
        // "hvad sker der i december", "wat r the activities in january": a month said whole, with no day, is the month.
        // Three-letter forms ("jan", "mar", "maj") are also names and words, so only longer ones count alone.
        // A word only read as a month past a typing slip ("match" as "march", "دیسان" as a Sorani December) is no month.
        const said = tokens[first];
        if (said && said.norm.length >= 4 && first === last && !slips.has(first)) found.push({ at: first, mention: { kind: 'month', month: w.month } });
        else for (const i of m.tokens) taken.delete(i);
        continue;
      }
      taken.add(dayAt);
      const after = Math.max(dayAt, last) + 1;
      const y = free(after) ? integerOf(tokens[after] as Token) : null;
      const year = y !== null && y >= 1990 && y <= 2100 ? y : null;
      if (year !== null) taken.add(after);
      found.push({ at: Math.min(first, dayAt), mention: { kind: 'calendar', day, month: w.month, year } });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * "om to dage", "in 3 days", "om en uge", "بعد يومين", "iki gün sonra", "через тиждень", "دو روز دیگه", "2 days ago":
 * a count of days or weeks with a word that says from today forward or back. Without such a word a count of
 * days is no date ("vi var 2 dage på lejr"). Takes the tokens of each one found.
 */
function relativeDays(tokens: readonly Token[], lex: CompiledLexicon, taken: Set<number>): { at: number; mention: DateMention }[] {
  if (lex.relativeWords.length === 0) return [];
  const out: { at: number; mention: DateMention }[] = [];
  const words = findMatches(lex.relativeWords, tokens, taken);
  const at = (i: number, ...kinds: RelativeWord[]): Match<RelativeWord> | undefined =>
    words.find((m) => kinds.includes(m.pattern.value) && m.tokens.includes(i) && m.tokens.every((t) => !taken.has(t)));
  const numbers = [...findMatches(lex.numbers, tokens, taken), ...findMatches(lex.weakNumbers, tokens, taken)];
  for (const unit of words.filter((m) => ['day', 'week', 'twoDays', 'twoWeeks'].includes(m.pattern.value))) {
    if (unit.tokens.some((t) => taken.has(t))) continue;
    const first = unit.tokens[0] as number;
    const last = unit.tokens[unit.tokens.length - 1] as number;
    const v = unit.pattern.value;
    let count: number | null = v === 'twoDays' || v === 'twoWeeks' ? 2 : null;
    let start = first;
    if (count === null) {
      const digit = tokens[first - 1];
      const word = numbers.find((n) => n.tokens[n.tokens.length - 1] === first - 1);
      if (digit && digit.kind === 'number' && !taken.has(digit.index)) {
        count = integerOf(digit);
        start = first - 1;
      } else if (word && (v === 'week' || !lex.weakNumbers.includes(word.pattern))) {
        // A weak "a"/"یه" counts weeks only: "om en uge", "یه هفته دیگه"; "یه روز دیگه" is another day, not tomorrow.
        count = word.pattern.value;
        start = word.tokens[0] as number;
      } else if (v === 'week' && at(first - 1, 'before')) count = 1; // "через тиждень", "بعد اسبوع"
    }
    if (count === null || count < 1 || count > 60) continue;
    const before = at(start - 1, 'before', 'agoBefore');
    const after = at(last + 1, 'after', 'agoAfter');
    if (!before && !after) continue;
    const back = (before ?? after)?.pattern.value.startsWith('ago') === true;
    const days = count * (v === 'week' || v === 'twoWeeks' ? 7 : 1) * (back ? -1 : 1);
    for (const i of [...(before?.tokens ?? []), ...(after?.tokens ?? [])]) taken.add(i);
    for (let i = start; i <= last; i++) taken.add(i);
    out.push({ at: start, mention: { kind: 'offset', days } });
  }
  return out;
}

// "næste torsdag", "الخميس القادم", "geçen perşembe": a modifier right before or after.
function modifierAround(tokens: readonly Token[], lex: CompiledLexicon, taken: Set<number>, first: number, last: number): 'next' | 'last' | null {
  for (const m of findMatches(lex.dateModifiers, tokens, taken)) {
    const a = m.tokens[0] as number;
    const b = m.tokens[m.tokens.length - 1] as number;
    if (b === first - 1 || a === last + 1) {
      for (const i of m.tokens) taken.add(i);
      return m.pattern.value;
    }
  }
  return null;
}

/** Clock times ("kl. 17", "17:30", "5 pm", "الساعة 5") are taken so they are not read as counts. */
export function claimTimes(tokens: readonly Token[], lex: CompiledLexicon, taken: Set<number>): void {
  for (const t of tokens) {
    if (t.kind !== 'number' || taken.has(t.index)) continue;
    const hm = /^(\d{1,2})[:.](\d{2})$/.exec(t.raw);
    if (hm && t.raw.includes(':') && Number(hm[1]) < 24 && Number(hm[2]) < 60) taken.add(t.index);
    const next = tokens[t.index + 1];
    if (next && (next.norm === 'pm' || next.norm === 'am')) {
      taken.add(t.index);
      taken.add(next.index);
    }
  }
  for (const m of findMatches(lex.timeMarkers, tokens, taken)) {
    const n = tokens[(m.tokens[m.tokens.length - 1] as number) + 1];
    if (n && n.kind === 'number' && !taken.has(n.index) && /^\d{1,2}(?:[.:]\d{2})?$/.test(n.raw) && Number(n.raw.split(/[.:]/)[0]) < 24) {
      for (const i of m.tokens) taken.add(i);
      taken.add(n.index);
    }
  }
}

/** The Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayWeek1 = addDays(jan4, -((jan4.getUTCDay() + 6) % 7));
  return addDays(mondayWeek1, (week - 1) * 7);
}

/** Resolves mentions against today: the first single day and the first span. */
export function resolveDates(mentions: readonly DateMention[], today: Date, past: boolean): { date?: string; dateRange?: { from: string; to: string } } {
  const out: { date?: string; dateRange?: { from: string; to: string } } = {};
  const wd = today.getUTCDay();
  const sundayAhead = (7 - wd) % 7;
  for (const m of mentions) {
    let day: Date | null = null;
    let span: [Date, Date] | null = null;
    switch (m.kind) {
      case 'offset':
        day = addDays(today, m.days);
        break;
      case 'weekday': {
        const back = m.modifier === 'last' || (past && m.modifier !== 'next');
        if (back) {
          let delta = (wd - m.day + 7) % 7;
          if (delta === 0 && m.modifier === 'last') delta = 7;
          day = addDays(today, -delta);
        } else {
          let delta = (m.day - wd + 7) % 7;
          if (delta === 0 && m.modifier === 'next') delta = 7;
          day = addDays(today, delta);
        }
        break;
      }
      case 'calendar': {
        const y = today.getUTCFullYear();
        const years = m.year !== null ? [m.year] : [y - 1, y, y + 1];
        const candidates = years.filter((yy) => validDate(yy, m.month, m.day)).map((yy) => new Date(Date.UTC(yy, m.month - 1, m.day)));
        candidates.sort((a, b) => Math.abs(a.getTime() - today.getTime()) - Math.abs(b.getTime() - today.getTime()));
        day = candidates[0] ?? null;
        break;
      }
      case 'week':
        if (m.which === 'this') span = [today, addDays(today, sundayAhead)];
        else {
          const monday = addDays(today, -((wd + 6) % 7));
          const start = addDays(monday, m.which === 'next' ? 7 : -7);
          span = [start, addDays(start, 6)];
        }
        break;
      case 'weekend': {
        let sat: Date;
        if (wd === 6) sat = today;
        else if (wd === 0) sat = addDays(today, -1);
        else sat = past ? addDays(today, -(wd + 1)) : addDays(today, 6 - wd);
        if (m.next) sat = addDays(sat, 7);
        const from = sat.getTime() < today.getTime() && !past ? today : sat;
        span = [from, addDays(sat, 1)];
        break;
      }
      case 'month': {
        // The month still to come: the rest of this one, or the next one of its name (the last one, told of as past).
        const y = today.getUTCFullYear();
        const current = today.getUTCMonth() + 1;
        const year = m.month < current && !past ? y + 1 : y;
        const first = new Date(Date.UTC(year, m.month - 1, 1));
        const end = new Date(Date.UTC(year, m.month, 0));
        span = m.month === current ? (past ? [first, today] : [today, end]) : [first, end];
        break;
      }
      case 'isoWeek': {
        const monday = isoWeekMonday(today.getUTCFullYear(), m.week);
        span = [monday, new Date(monday.getTime() + 6 * DAY_MS)];
        break;
      }
    }
    if (day && !out.date) out.date = formatCalendarDate(day);
    if (span && !out.dateRange) out.dateRange = { from: formatCalendarDate(span[0]), to: formatCalendarDate(span[1]) };
  }
  // "fredag d 11 december", "torsdag 3/12": a weekday said with a calendar date only restates it; the
  // date is the more exact of the two (the weekday may even be the wrong one).
  const calendar = mentions.find((m) => m.kind === 'calendar');
  if (calendar && mentions.find((m) => m.kind === 'offset' || m.kind === 'weekday' || m.kind === 'calendar')?.kind === 'weekday') {
    const only = resolveDates([calendar], today, past);
    if (only.date) out.date = only.date;
  }
  // "haftaya perşembe", "torsdag i næste uge", "الخميس الاسبوع الجاي": a plain weekday named with the
  // next or last week is that day of that week, one day rather than a day and a week.
  const week = mentions.find((m) => m.kind === 'week' && m.which !== 'this');
  const single = mentions.find((m) => m.kind === 'offset' || m.kind === 'weekday' || m.kind === 'calendar');
  if (week && single?.kind === 'weekday' && single.modifier === null && out.dateRange) {
    const monday = new Date(`${out.dateRange.from}T00:00:00Z`);
    out.date = formatCalendarDate(addDays(monday, (single.day + 6) % 7));
    delete out.dateRange;
  }
  return out;
}
