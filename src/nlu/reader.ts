/**
 * The free-text reader: `understand(text, language, now)` → intent, confidence and details.
 * Rule-based and transparent: per-language lexicons (./lexicon) and a fixed order of passes, each
 * taking the words it understands so later passes do not read them twice:
 *   clock times → "year: value" → dates → street address → topic, diet, period, language names →
 *   intent phrases → counts → a lone year → audience → leftover numbers;
 * the words nobody took, trimmed of filler, are the activity text. The intent is scored last (./intents)
 * and the dates resolved after it, since a weekday in a delivery log means the past one.
 */
import type { Language } from '../plan-data/plan-file';
import { addDays, copenhagenDate, formatCalendarDate } from '../time/calendar-date';
import { findAddress } from './address';
import { askedAbout } from './activity-questions';
import { claimAges } from './age';
import { ALLERGY_PATTERNS } from './answers';
import { classify } from './classifier';
import { mentionsDinner, namesDinner, namesDinnerAmong } from './dinner';
import { findCounts } from './counts';
import { changesOfMind, insteadOf } from './instead';
import { orNotTag } from './or-not';
import { partyOf, partyWordsOf, speakerWithOwnChildren } from './party';
import { claimTimes, findDatesAt, resolveDates, type DateMention } from './dates';
import { confidenceOf, MIN_SCORE, scoreIntents, SOCIAL, type Signals } from './intents';
import { lexiconFor } from './lexicon';
import { hasNegation, negatedBefore } from './negation';
import { expandShorthand } from './slang';
import { correctTypos } from './typos';
import { findMeasurement, findQuantities, findYear } from './numbers';
import { claim, claimMatches, findMatches, type Match } from './patterns';
import { hasQuestionMark, joinVerbPrefixes, tokenize, type Token } from './text';
import type { Details, Intent, Understanding } from './understanding';

const TOPIC_ORDER: readonly string[] = ['rent_arrears', 'housing_benefit', 'debt', 'budget', 'other'];
// Intents about the future: their weekdays read forward even with a past-tense word nearby.
const FUTURE_INTENTS: readonly Intent[] = [
  'sign_up',
  'book_counselling',
  'cancel_booking',
  'create_event',
  'create_slots',
  'cancel_event',
  'upcoming_events',
  'kitchen_summary',
];
// Intents that report what happened: their weekdays read backward.
const PAST_INTENTS: readonly Intent[] = ['log_delivery', 'correct_delivery', 'undo_delivery'];
// "der var 12 frivillige ikke 10", "it was 40 participants not 38", "٤٠ مش ٣٨": a number said against another is a correction.
// Turkish and Somali put the no after the number it denies ("38 değil 40", "38 maaha").
const NOT_BEFORE = ['ikke', 'ik', 'not', 'no', 'مش', 'مو', 'ليس', 'وليس', 'не', 'а не', 'نه', 'نا', 'نەک', 'ne'];
const NOT_AFTER = ['değil', 'maaha', 'ma aha', 'mahan'];

/** Whether a number is set against another one: "12 … ikke 10", "38 değil 40". */
function correction(tokens: readonly Token[]): boolean {
  const numbers = tokens.filter((t) => t.kind === 'number');
  if (numbers.length < 2) return false;
  return tokens.some((t, i) => {
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    if (NOT_BEFORE.includes(t.norm) && next?.kind === 'number' && numbers.some((n) => n.index < i)) return true;
    return NOT_AFTER.includes(t.norm) && prev?.kind === 'number' && numbers.some((n) => n.index > i);
  });
}

// Punctuation said aloud to a phone's voice typing: "… komma min søn er syg", "what's on tomorrow question mark".
const DICTATED_MARKS: readonly string[][] = [['komma'], ['punktum'], ['comma'], ['full', 'stop'], ['فاصله'], ['virgul'], ['кома'], ['ویرگول']];
const DICTATED_QUESTION: readonly string[][] = [
  ['spoergsmaalstegn'],
  ['sporgsmalstegn'],
  ['question', 'mark'],
  ['علامه', 'استفهام'],
  ['soru', 'isareti'],
  ['знак', 'питання'],
  ['علامت', 'سوال'],
];

/** Takes the punctuation said aloud; whether a question mark was among it. */
function claimDictation(tokens: readonly Token[], taken: Set<number>): boolean {
  let asked = false;
  for (const [list, q] of [
    [DICTATED_MARKS, false],
    [DICTATED_QUESTION, true],
  ] as const)
    for (const words of list)
      for (let i = 0; i + words.length <= tokens.length; i++)
        if (words.every((w, k) => tokens[i + k]?.norm === w)) {
          for (let k = 0; k < words.length; k++) taken.add(i + k);
          if (q) asked = true;
        }
  return asked;
}

// Requests and the phrases that undo them, with their own no inside.
const UNDOING: Partial<Record<Intent, Intent>> = { sign_up: 'cancel_booking', reminders_on: 'reminders_off', news_on: 'news_off' };
// The weight of intent phrases that says an intent outright: a whole request phrase and more (lexicons weigh those 4-6).
const OUTRIGHT = 4.5;

/**
 * Reads one message. Never throws; an empty or meaningless message is "unknown". `intent`, when the
 * person already said what they meant (a "did you mean" button), fixes the intent, so its days are
 * read in its direction ("torsdag" is next Thursday for a sign-up, last Thursday for a log).
 */
export function understand(text: string, language: Language, now: Date, intent?: Intent): Understanding {
  const lex = lexiconFor(language);
  const input = typeof text === 'string' ? text : '';
  const typed = tokenize(input, lex.arabicClitics);
  const tokens = language === 'fa' ? joinVerbPrefixes(typed) : typed;
  expandShorthand(tokens, language);
  const corrected = correctTypos(tokens, lex);
  const details: Details = { numbers: [] };
  if (tokens.length === 0) return { intent: 'unknown', confidence: 0, details };
  const asked = askedAbout(tokens, language);
  if (asked) details.asks = asked.kind;
  // The words of such a question name no activity ("скільки коштує вечеря" asks about the dinner).
  const askedWith = new Set(asked?.tokens ?? []);
  const taken = new Set<number>();

  const dictatedQuestion = claimDictation(tokens, taken);
  // "…eller ej", "…ولا لا": a question tag, not a no.
  const tag = orNotTag(tokens, language);
  for (const i of tag ?? []) taken.add(i);
  claimTimes(tokens, lex, taken);
  const ages = claimAges(tokens, lex, taken, language);
  const measurement = findMeasurement(tokens, taken);
  if (measurement) Object.assign(details, measurement);
  const dated = findDatesAt(tokens, lex, taken, corrected);
  let mentions = dated.map((d) => d.mention);
  const address = findAddress(tokens, lex, taken);
  if (address) details.address = address;

  // The most specific topic named wins: "jeg kan ikke betale min husleje" is rent arrears, not debt.
  const topic = claim(lex.topics, tokens, taken).sort((a, b) => TOPIC_ORDER.indexOf(a.pattern.value) - TOPIC_ORDER.indexOf(b.pattern.value))[0];
  if (topic) details.topic = topic.pattern.value;
  const diet = claim(lex.dietary, tokens, taken);
  if (diet.length) details.dietary = Object.fromEntries(diet.map((d) => [d.pattern.value, true]));
  const period = claim(lex.periods, tokens, taken)[0];
  if (period) details.period = period.pattern.value;
  // "jeg forstår ikke dansk så godt, ukrainsk?", "my danish is not good, turkish?": of two languages named, the one
  // asked for comes last; the first is the one not understood.
  // Said with a no after it ("… på tyrkisk, min dansk er ikke så god"), a language is the one not understood, wherever it stands.
  const langs = claim(lex.languages, tokens, taken);
  const notUnderstood = (m: Match<string>): boolean => {
    const end = m.tokens[m.tokens.length - 1] as number;
    const next = langs.map((n) => n.tokens[0] as number).find((start) => start > end) ?? tokens.length;
    return hasNegation(tokens.slice(end + 1, Math.min(end + 5, next)), language);
  };
  const wanted = new Set(langs.map((m) => m.pattern.value)).size >= 2 ? langs.filter((m) => !notUnderstood(m)) : [];
  const lang = wanted.length === 1 ? wanted[0] : langs[langs.length - 1];
  if (lang) details.language = lang.pattern.value;
  const otherLanguage = new Set(langs.map((m) => m.pattern.value)).size >= 2;

  // Phrases of the words as typed claim first; a phrase resting on a corrected word only takes what is
  // left: "اخبار را دوباره بفرستید" (send the news again) is not "… نفرستید" (don't send) read past a slip.
  // "I can't come to the dinner on Thursday": a phrase holding its own no ("cant come to") overlaps the request inside it
  // ("come to the dinner"); the no wins, however long the request's phrase.
  // "30 katılımcı": a word counted by the number before it is a count, not a request read into it by a stem ("katıl*", join).
  // A whole word that is both ("3 kişiyiz", we are 3) keeps its request.
  const counted = new Set(
    findMatches(lex.counts, tokens, taken)
      .filter((n) => {
        const before = tokens[(n.tokens[0] as number) - 1];
        return before !== undefined && before.kind === 'number' && !taken.has(before.index);
      })
      .flatMap((n) => n.tokens),
  );
  const stem = (m: Match<Intent>): boolean => m.pattern.parts.some((p) => p.kind === 'prefix' || p.kind === 'suffix' || p.kind === 'contains');
  const all = findMatches(lex.intents, tokens, taken).filter((m) => !(stem(m) && m.tokens.some((i) => counted.has(i))));
  const overlaps = (a: Match<Intent>, b: Match<Intent>): boolean => a.tokens.some((i) => b.tokens.includes(i));
  const found = all.filter((m) => !all.some((n) => n.pattern.value === UNDOING[m.pattern.value] && overlaps(m, n)));
  const onSlip = (m: Match<Intent>): boolean => m.tokens.some((i) => corrected.has(i));
  const phrases = [
    ...claimMatches(
      found.filter((m) => !onSlip(m)),
      taken,
    ),
    ...claimMatches(found.filter(onSlip), taken),
  ].sort((a, b) => (a.tokens[0] ?? 0) - (b.tokens[0] ?? 0));
  // "skriv mig på til fredag nej vent torsdag", "سجلني الجمعة لا لا الخميس", "cuma için yaz beni yok yok perşembe":
  // a no between two days changes the request's day, it answers nothing. The day after it is the one meant.
  const single = (m: DateMention): boolean => m.kind === 'offset' || m.kind === 'weekday' || m.kind === 'calendar';
  const days = dated.filter((d) => single(d.mention));
  const lastDay = days[days.length - 1];
  const change = (m: Match<Intent>): boolean =>
    m.pattern.value === 'no' &&
    days.length >= 2 &&
    (days[0] as { at: number }).at < (m.tokens[0] as number) &&
    (lastDay as { at: number }).at > (m.tokens[0] as number);
  if (phrases.some(change) && phrases.some((m) => !SOCIAL.includes(m.pattern.value))) {
    const at = phrases.find(change)?.tokens[0] as number;
    for (let i = phrases.length - 1; i >= 0; i--) if (phrases[i]?.pattern.value === 'no') phrases.splice(i, 1);
    mentions = dated.filter((d) => !single(d.mention) || d.at > at).map((d) => d.mention);
  }
  // "perşembeye kaydet aslında cuma", "thursday, actually friday": a word taking it back between two days does the same.
  const turn = changesOfMind(tokens, language).find((i) => days.length >= 2 && (days[0] as { at: number }).at < i && (lastDay as { at: number }).at > i);
  if (turn !== undefined) mentions = mentions.filter((m) => !single(m) || (dated.find((d) => d.mention === m)?.at ?? 0) > turn);
  // "mandag i stedet for onsdag": the day "instead of" points at is given up; the other is the one asked for.
  const instead = insteadOf(tokens, language);
  if (instead && days.length >= 2) {
    const givenUp = instead.givenUpBefore
      ? [...days].reverse().find((d) => d.at < instead.first && d.at >= instead.first - 2)
      : days.find((d) => d.at > instead.last && d.at <= instead.last + 2);
    if (givenUp) mentions = mentions.filter((m) => m !== givenUp.mention);
  }
  const kept = new Set(phrases.filter((m) => m.pattern.keep).flatMap((m) => m.tokens));

  // "3 كبار لا لا خليها 2 كبار", "3 voksne nej 2 voksne": a no or a word taking it back between two counts of the same people.
  const turns = changesOfMind(tokens, language);
  const takesBack = (from: number, to: number): boolean => hasNegation(tokens.slice(from + 1, to), language) || turns.some((i) => i > from && i < to);
  const first = findCounts(tokens, lex, taken, findQuantities(tokens, lex, taken), takesBack);
  const { counts, nouns } = first;
  let { unpaired, forSomeone } = first;
  // "سه نفر هستیم", "üç kişiyiz", "سێ کەسین": the counted word is also in the intent's phrase ("we are N
  // people"). A number (never a weak "یک"/"a") right next to such a word still counts it.
  const phraseTokens = new Set(phrases.flatMap((m) => m.tokens));
  const strong = unpaired.filter((q) => !q.weak);
  if (strong.length > 0 && phraseTokens.size > 0) {
    const scratch = new Set([...taken].filter((i) => !phraseTokens.has(i)));
    const again = findCounts(tokens, lex, scratch, strong, takesBack);
    for (const [role, n] of Object.entries(again.counts) as [keyof typeof counts, number][]) if (counts[role] === undefined) counts[role] = n;
    const used = strong.filter((q) => !again.unpaired.includes(q));
    unpaired = unpaired.filter((q) => !used.includes(q));
    for (const q of used) for (let i = q.first; i <= q.last; i++) taken.add(i);
    forSomeone ||= again.forSomeone;
  }
  // "запишіть мене .. нас троє дорослих": the number is the intent's own ("нас троє", we are three); a word of who they
  // are right after it still counts them, and the phrase keeps its request.
  if (phraseTokens.size > 0) {
    const scratch = new Set([...taken].filter((i) => !phraseTokens.has(i)));
    const nounAt = new Set(findMatches(lex.counts, tokens, taken).map((n) => n.tokens[0] as number));
    const inPhrase = findQuantities(tokens, lex, scratch).filter(
      (q) => !q.weak && phraseTokens.has(q.first) && phraseTokens.has(q.last) && nounAt.has(q.last + 1),
    );
    if (inPhrase.length > 0) {
      const again = findCounts(tokens, lex, scratch, inPhrase, takesBack);
      for (const [role, n] of Object.entries(again.counts) as [keyof typeof counts, number][]) if (counts[role] === undefined) counts[role] = n;
      for (const q of inPhrase.filter((x) => !again.unpaired.includes(x))) taken.add(q.last + 1);
    }
  }
  Object.assign(details, counts);
  if (details.year === undefined) {
    const year = findYear(tokens, taken);
    if (year !== null) details.year = year;
  }
  // "mothers group", "kids club", "مجموعة الامهات": a word for people next to an activity word names the activity.
  const cues = new Set(findMatches(lex.activityWords, tokens, new Set()).map((m) => m.tokens[0] as number));
  const free = <T>(m: Match<T>): boolean => !cues.has((m.tokens[m.tokens.length - 1] as number) + 1) && !cues.has((m.tokens[0] as number) - 1);
  const audience = claimMatches(findMatches(lex.audience, tokens, taken).filter(free), taken)[0];
  if (audience) details.audience = audience.pattern.value;
  // "ابني عمره ١٥", "min søn er 15 år": a teenager's age says whom it is for.
  else if (ages.some((a) => a >= 13 && a <= 19)) details.audience = 'youth';
  // Counted words without a number ("deltagere", "nye") say nothing more.
  for (const n of nouns.filter(free)) if (n.tokens.every((i) => !taken.has(i))) for (const i of n.tokens) taken.add(i);
  for (const q of unpaired) {
    const span = Array.from({ length: q.last - q.first + 1 }, (_, k) => q.first + k);
    if (q.weak || span.some((i) => taken.has(i))) continue;
    details.numbers.push(q.value);
    for (const i of span) taken.add(i);
  }

  const residual = residualWords(tokens, (t) => (!taken.has(t.index) || kept.has(t.index)) && !askedWith.has(t.index), lex.filler);
  if (residual.length) {
    details.activityText = residual.map((t) => t.raw).join(' ');
    const words = tokenize(details.activityText, lex.arabicClitics);
    const otherActivity = (dinnerWords: ReadonlySet<number>): boolean => findMatches(lex.activityWords, words, dinnerWords).length > 0;
    if (namesDinner(words, language) || namesDinnerAmong(words, language, otherActivity)) details.category = 'dinner';
  }
  const residualSet = new Set(residual.map((t) => t.index));
  // "hvem vinder fodboldkampen i aften", "who won the football match": a word of life elsewhere names no activity here, whatever
  // activity word is inside it.
  const awayWords = new Set(findMatches(lex.elsewhere, tokens, new Set()).flatMap((m) => m.tokens));
  const notCue = new Set(tokens.filter((t) => !residualSet.has(t.index) || awayWords.has(t.index)).map((t) => t.index));
  const cue = findMatches(lex.activityWords, tokens, notCue).length > 0;

  const everything = new Set<number>();
  const question = hasQuestionMark(input) || dictatedQuestion || tag !== undefined || findMatches(lex.question, tokens, everything).length > 0;
  const pastWord = findMatches(lex.past, tokens, everything).length > 0;
  const today = copenhagenDate(now);
  const forward = resolveDates(mentions, today, false);

  const away = findMatches(lex.elsewhere, tokens, everything);
  const elsewhere = away.length > 0;
  const ranked = scoreIntents({
    phrases,
    question,
    pastWord,
    counts,
    forSomeone,
    when: whenOf(mentions),
    hasRange: forward.dateRange !== undefined,
    audience: details.audience !== undefined,
    address: address !== null,
    language: details.language !== undefined,
    otherLanguage,
    topic: details.topic !== undefined,
    dietary: details.dietary !== undefined,
    allergy: findMatches(ALLERGY_PATTERNS, tokens, everything).length > 0,
    period: details.period !== undefined,
    measurement: measurement !== null,
    residual: residual.length > 0,
    unknownWords: residual.length,
    dinner: mentionsDinner(residual, language),
    answerFirst: phrases.some((m) => (m.pattern.value === 'no' || m.pattern.value === 'yes') && m.tokens[0] === 0),
    bareNumber: details.numbers.length === 1,
    activityCue: cue,
    asks: asked !== undefined,
    price: asked?.kind === 'price',
    elsewhere,
    correction: correction(tokens),
    family: findMatches(lex.family, tokens, everything).length > 0,
    age: ages.length > 0,
    please: findMatches(lex.please, tokens, everything).length > 0,
    otherDay: otherDay(mentions, today) && hasNegation(tokens, language),
  });
  const best = ranked[0];
  const chosen: Intent = intent ?? (best && best.score >= MIN_SCORE ? best.intent : 'unknown');
  const confidence = intent ? 1 : confidenceOf(best?.score ?? 0, ranked[1]?.score ?? 0);

  const past = PAST_INTENTS.includes(chosen) || (pastWord && !FUTURE_INTENTS.includes(chosen));
  Object.assign(details, resolveDates(mentions, today, past));
  // "kan ikke torsdag, kan vi flytte til fredag": a booking moved goes to the last day named.
  if (chosen === 'move_booking' && otherDay(mentions, today)) {
    const last = [...mentions].reverse().find(single);
    const ruledOut = mentions.find((m) => single(m) && m !== last);
    let date = last ? resolveDates([last], today, false).date : undefined;
    // "mandag passer mig dårligt, går tirsdag også?" said on a Tuesday: the Tuesday after that Monday, not today.
    const givenUp = ruledOut ? resolveDates([ruledOut], today, false).date : undefined;
    if (date && givenUp && last?.kind === 'weekday' && date === formatCalendarDate(today) && givenUp > date) date = formatCalendarDate(addDays(today, 7));
    if (date) Object.assign(details, { date });
  }
  fillCounts(chosen, details);
  if (chosen === 'correct_delivery' && details.participants === undefined && details.numbers.length === 2) {
    // "should be 14 not 12", "det var ikke 12 men 21": of two numbers, the one said with a no before it is the wrong one.
    const said = tokens.filter((t) => t.kind === 'number' && details.numbers.includes(Number(t.norm)));
    const right = said.filter((t) => !hasNegation(tokens.slice(Math.max(0, t.index - 1), t.index), language));
    if (said.length === 2 && right.length === 1) details.participants = Number((right[0] as Token).norm);
  }
  if (chosen === 'sign_up') fillParty(details, tokens, language);
  const alternatives = ranked.filter((r) => r.score >= MIN_SCORE).slice(0, 4);
  const u: Understanding = { intent: chosen, confidence, details, alternatives };
  const own = phrases.filter((m) => m.pattern.value === chosen);
  // "me and my friend", "min lille er syg": who comes, and a few words of why, name no other activity.
  const asidesOnly = (rest: readonly Token[]): boolean => {
    if (rest.length === 0) return true;
    const partyWords = partyWordsOf(rest, language);
    const left = rest.filter((t) => !partyWords.has(t.index));
    return left.length <= 3 && findMatches(lex.activityWords, left, new Set()).length === 0;
  };
  // "afmeld mig fællesspisning", "cancel my dinner booking", "احجز .. للعشا": the dinner named inside the request's own
  // words, with no other activity named, is the dinner all the same. So it is inside the words of a reading not chosen:
  // "can my grandma come to the dinner … or is it only for residents" asks about the dinner it would come to.
  if (
    details.category === undefined &&
    asidesOnly(residual) &&
    mentionsDinner(
      phrases.flatMap((m) => m.tokens.map((i) => tokens[i] as Token)),
      language,
    )
  )
    details.category = 'dinner';
  // Said outright ("hvordan gik det med", "meld mig af"): the words of the intent itself, whole.
  if (!intent && own.reduce((sum, m) => sum + m.pattern.weight, 0) >= OUTRIGHT) u.outright = true;
  if (!intent && negatedBefore(tokens, own, language, chosen === 'reminders_off' || chosen === 'news_off')) u.negated = true;
  if (!intent && elsewhere) u.elsewhere = true;
  // "lægen har flyttet min tid", "الدكتور أجّل موعدي": the place elsewhere comes before the words of the change, it is
  // what moved or cancelled something; the resident tells of it, they do not ask for it.
  const startOf = (ms: readonly Match<unknown>[]): number => Math.min(...ms.map((m) => m.tokens[0] as number));
  if (!intent && elsewhere && own.length > 0 && startOf(away) < startOf(own)) u.elsewhereLeads = true;
  // Resting on a word read past a typing slip, the intent is a guess.
  const slipped = (m: Match<unknown>): boolean => m.tokens.some((i) => corrected.has(i));
  if (!intent && (own.length > 0 ? own.every(slipped) : topic !== undefined && slipped(topic))) u.guessed = true;
  // "what is on" inferred from the shape alone (a question, a day, "who may come") while the words that
  // would say what it is about are unknown ones ("who won the match yesterday", "وين اقرب صيدلية") or a
  // word read past a slip ("холодно" is no "молод…"): a guess, asked about.
  const slippedAudience = audience !== undefined && slipped(audience);
  const unexplained = [...residual, ...(slippedAudience ? audience.tokens.map((i) => tokens[i] as Token) : [])];
  const named = cue || (details.audience !== undefined && !slippedAudience) || details.dateRange !== undefined || mentionsDinner(unexplained, language);
  if (!intent && chosen === 'find_activities' && own.length === 0 && !named && (unexplained.length >= 2 || slippedAudience)) u.guessed = true;
  if (!intent) {
    const opinion = classify(input, language);
    const top = opinion[0];
    const next = opinion[1];
    if (top)
      u.secondOpinion = {
        intent: top.intent,
        share: top.share,
        rulesShare: opinion.find((o) => o.intent === chosen)?.share ?? 0,
        ...(next ? { next: { intent: next.intent, share: next.share } } : {}),
      };
  }
  return u;
}

/** Two different single days are named ("torsdag … fredag", "الخميس … الجمعة"). */
function otherDay(mentions: readonly DateMention[], today: Date): boolean {
  const days = new Set(
    mentions.filter((m) => m.kind === 'offset' || m.kind === 'weekday' || m.kind === 'calendar').map((m) => resolveDates([m], today, false).date),
  );
  return days.size >= 2;
}

/**
 * The activity text: runs of words nobody took, each trimmed of filler at its ends, so "hvornår er
 * der lektiehjælp" gives "lektiehjælp" but "Tryghed og trivsel" keeps its "og".
 */
function residualWords(tokens: readonly Token[], free: (t: Token) => boolean, filler: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    let a = 0;
    let b = run.length;
    while (a < b && filler.has((run[a] as Token).norm)) a++;
    while (b > a && filler.has((run[b - 1] as Token).norm)) b--;
    out.push(...run.slice(a, b));
    run = [];
  };
  for (const t of tokens) {
    if (t.kind === 'word' && free(t)) run.push(t);
    else flush();
  }
  flush();
  return out;
}

/** Whether the first single day mentioned is surely past, today or future, or depends on the intent. */
function whenOf(mentions: readonly DateMention[]): Signals['when'] {
  const m = mentions.find((x) => x.kind === 'offset' || x.kind === 'weekday' || x.kind === 'calendar');
  if (!m) return null;
  if (m.kind === 'offset') return m.days < 0 ? 'past' : m.days === 0 ? 'today' : 'future';
  if (m.kind === 'weekday' && m.modifier === 'last') return 'past';
  return 'open';
}

/**
 * "mig og min mand", "انا ومرتي وولدين": a sign-up's party named by who comes. Adults said in numbers win; so do
 * children counted in numbers (the dual "ولدين" is two children whatever else is named).
 */
function fillParty(d: Details, tokens: readonly Token[], language: Language): void {
  if (d.adults !== undefined || d.participants !== undefined) return;
  const party = partyOf(tokens, language);
  // "jeg … sammen med mine tre børn", "أنا وبناتي الثلاثة": the speaker and their children counted is one grown-up.
  if (!party && d.children !== undefined && speakerWithOwnChildren(tokens, language)) d.adults = 1;
  if (!party) return;
  if (party.adults > 0) d.adults = party.adults;
  if (d.children === undefined && party.children > 0) d.children = party.children;
}

/** Counts the flows expect: a log's participants are its adults and children when not said outright; a sign-up's lone number is its party. */
function fillCounts(intent: Intent, d: Details): void {
  // "vi er 4", "نحنا خمسة بدنا نجي", "sajelna arba3a": the one number of a sign-up that names no day is the party.
  if (intent === 'sign_up' && d.participants === undefined && d.adults === undefined && d.children === undefined && d.numbers.length === 1) {
    const n = d.numbers[0] as number;
    // The number stays among the numbers too: a count prompt's answer is read from them (./answers).
    if (Number.isInteger(n) && n >= 1 && n <= 20) d.participants = n;
  }
  if ((intent === 'log_delivery' || intent === 'correct_delivery') && d.participants === undefined) {
    const people = (d.adults ?? 0) + (d.children ?? 0);
    if (people > 0) d.participants = people;
    // "fællesspisning 52", "vi havde 25 til fællesspisning i går": a report's one number counts who came.
    else if (d.volunteers === undefined && d.numbers.length === 1 && Number.isInteger(d.numbers[0])) d.participants = d.numbers[0];
  }
}
