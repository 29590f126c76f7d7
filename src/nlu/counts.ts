/**
 * Counts tied to words: "34 deltagere" → participants, "2 frivillige" → volunteers, "3 nye" → new
 * participants, "2 voksne og 1 barn" → adults and children, "deltagere: 34", "12 deltog",
 * "طفل واحد", "شخصين" (an Arabic dual is itself a count of two).
 *
 * A number goes with the counted word right after it ("34 deltagere") or right before it
 * ("deltagere 34"). A message is usually written one way throughout, so the reading that pairs more
 * numbers wins and the other only pairs what is left: "deltagere 34 frivillige 2" is
 * participants 34, volunteers 2, not volunteers 34.
 */
import type { CompiledLexicon, CountRole } from './lexicon';
import { claimMatches, findMatches, type Match } from './patterns';
import type { Quantity } from './numbers';
import { fold, type Token } from './text';

export type Counts = Partial<Record<CountRole, number>>;

interface Pair {
  q: Quantity;
  noun: Match<CountRole>;
}

// Counting words between a number and what it counts: "۲ تا بچه", "iki tane çocuk", "دوو دانە منداڵ".
const COUNTERS = new Set(['تا', 'tane', 'دانه']);

// Words for a group or an activity that a word of people can describe ("a parents group", "en børneklub").
const KINDS_OF_GROUP = new Set(
  [
    'group',
    'groups',
    'club',
    'clubs',
    'cafe',
    'class',
    'classes',
    'course',
    'courses',
    'session',
    'sessions',
    'activity',
    'activities',
    'event',
    'events',
    'program',
    'programme',
    'meeting',
    'night',
    'gruppe',
    'grupper',
    'klub',
    'hold',
    'aktivitet',
    'aktiviteter',
    'arrangement',
    'forløb',
    'tilbud',
  ].map(fold),
);

// Arabic singulars that count one person on their own ("وولد", "وبنت", "وكبير"); plurals ("اطفال") never do.
export const ARABIC_ONE = { adults: new Set(['بالغ', 'كبير', 'امرأه']), children: new Set(['طفل', 'ولد', 'بنت', 'صغير', 'صغيره']) } as const;

function pairs(quantities: readonly Quantity[], nouns: readonly Match<CountRole>[], nounAfter: boolean, tokens: readonly Token[]): Pair[] {
  const out: Pair[] = [];
  for (const q of quantities) {
    if (!nounAfter && q.weak) continue; // "barn en" is not "one child"
    const gap = nounAfter && COUNTERS.has(tokens[q.last + 1]?.norm ?? '') ? 2 : 1;
    const noun = nouns.find((n) => (nounAfter ? n.tokens[0] === q.last + gap : n.tokens[n.tokens.length - 1] === q.first - 1));
    // "is there a parents group", "a kids club": the people name what kind of group; "a" counts the group, not them.
    if (noun && q.weak && nounAfter && KINDS_OF_GROUP.has(tokens[(noun.tokens[noun.tokens.length - 1] as number) + 1]?.norm ?? '')) continue;
    if (noun) out.push({ q, noun });
  }
  return out;
}

/** Pairs numbers with counted words and takes their tokens. Returns the counts, and the numbers left over. */
export function findCounts(
  tokens: readonly Token[],
  lex: CompiledLexicon,
  taken: Set<number>,
  quantities: readonly Quantity[],
  takesBack: (from: number, to: number) => boolean = () => false,
): { counts: Counts; unpaired: Quantity[]; nouns: Match<CountRole>[]; forSomeone: boolean } {
  const counts: Counts = {};
  // Where each role's count was last said: "3 voksne nej 2 voksne" takes the 3 back, "2 børn og 1 barn mere" adds up.
  const saidAt = new Map<CountRole, number>();
  const add = (role: CountRole, n: number, at?: number): void => {
    const before = saidAt.get(role);
    if (before !== undefined && at !== undefined && takesBack(Math.min(before, at), Math.max(before, at))) {
      // The count said last is the one meant.
      if (at > before) counts[role] = n;
    } else counts[role] = (counts[role] ?? 0) + n;
    if (at !== undefined) saidAt.set(role, Math.max(at, before ?? at));
  };
  // "لشخصين", "لثلاث اشخاص": Arabic writes "for" (ل) onto the count itself.
  const forClitic = (i: number): boolean => {
    const t = tokens[i];
    return lex.arabicClitics && t !== undefined && t.norm.startsWith('ل') && t.forms.length > 1;
  };
  let forSomeone = false;
  // Where a count of people ends ("شخصين", "دو نفر", "2 personer"): a word of who they are right after it says which count it is.
  const people: { n: number; end: number }[] = [];
  for (const d of claimMatches(findMatches(lex.duals, tokens, taken), taken)) {
    add(d.pattern.value, 2);
    if (d.pattern.value === 'participants') people.push({ n: 2, end: d.tokens[d.tokens.length - 1] as number });
    if (forClitic(d.tokens[0] as number)) forSomeone = true;
  }

  const nouns = claimMatches(findMatches(lex.counts, tokens, taken), new Set(taken));
  const after = pairs(quantities, nouns, true, tokens);
  const before = pairs(quantities, nouns, false, tokens);
  const [primary, secondary] = after.length >= before.length ? [after, before] : [before, after];
  const usedQ = new Set<Quantity>();
  const usedN = new Set<Match<CountRole>>();
  for (const p of [...primary, ...secondary]) {
    if (usedQ.has(p.q) || usedN.has(p.noun)) continue;
    usedQ.add(p.q);
    usedN.add(p.noun);
    const start = Math.min(p.q.first, p.noun.tokens[0] as number);
    add(p.noun.pattern.value, p.q.value, start);
    if (p.noun.pattern.value === 'participants' && (p.noun.tokens[0] as number) > p.q.last)
      people.push({ n: p.q.value, end: p.noun.tokens[p.noun.tokens.length - 1] as number });
    if (lex.countFor.has(tokens[start - 1]?.norm ?? '') || forClitic(start)) forSomeone = true;
    for (let i = p.q.first; i <= p.q.last; i++) taken.add(i);
    for (const i of p.noun.tokens) taken.add(i);
    if (COUNTERS.has(tokens[p.q.last + 1]?.norm ?? '')) taken.add(p.q.last + 1);
  }

  // "شخصين كبار", "دو نفر بزرگسال", "2 personer voksne": people, then who they are; the count is of adults (or children).
  for (const p of people) {
    const who = nouns.find((n) => !usedN.has(n) && n.tokens[0] === p.end + 1 && (n.pattern.value === 'adults' || n.pattern.value === 'children'));
    if (!who || counts.participants === undefined) continue;
    const left = counts.participants - p.n;
    if (left > 0) counts.participants = left;
    else delete counts.participants;
    usedN.add(who);
    add(who.pattern.value, p.n, p.end);
    for (const i of who.tokens) taken.add(i);
  }

  // "اثنين كبار وولد": in Arabic a singular noun is itself a count of one. Only beside another count, so "هل الطفل
  // يحتاج…" counts no one (a lone "وبنت" at the children question is read there: ./answers readCount).
  if (lex.arabicClitics && Object.keys(counts).length > 0) {
    for (const n of nouns) {
      if (usedN.has(n) || n.tokens.length !== 1) continue;
      const t = tokens[n.tokens[0] as number];
      const role = n.pattern.value;
      if (!t || (role !== 'adults' && role !== 'children') || !t.forms.some((f) => ARABIC_ONE[role].has(f))) continue;
      const next = tokens[t.index + 1];
      if (next && next.kind === 'number') continue;
      usedN.add(n);
      add(role, 1);
      taken.add(t.index);
    }
  }

  // "12 deltog", "8 came", "حضر 12": a verb of attending counts participants.
  let left = quantities.filter((q) => !usedQ.has(q));
  const verbs = claimMatches(findMatches(lex.countVerbs, tokens, taken), new Set(taken));
  for (const v of verbs) {
    const a = v.tokens[0] as number;
    const b = v.tokens[v.tokens.length - 1] as number;
    const q = left.find((x) => !x.weak && (x.last === a - 1 || x.first === b + 1));
    if (!q) continue;
    add('participants', q.value);
    left = left.filter((x) => x !== q);
    for (let i = q.first; i <= q.last; i++) taken.add(i);
    for (const i of v.tokens) taken.add(i);
  }
  return { counts, unpaired: left, nouns: nouns.filter((n) => !usedN.has(n)), forSomeone };
}
