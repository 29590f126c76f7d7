/**
 * The shape of a language's lexicon: plain lists of phrases in the pattern language of
 * ../patterns.ts, so a speaker of the language can read, check and extend them without reading code.
 */
import type { Language } from '../../plan-data/plan-file';
import type { Audience, CounsellingTopic, Intent, PeriodChoice } from '../understanding';

type Words = readonly string[];

/** Which detail a counted word fills: "34 deltagere" → participants, "2 voksne" → adults. */
export type CountRole = 'participants' | 'volunteers' | 'newParticipants' | 'adults' | 'children';

/** Words for days, weeks and months. Weekdays and months are lists of spellings, Monday and January first. */
export interface DateWords {
  today: Words;
  tomorrow: Words;
  dayAfterTomorrow: Words;
  yesterday: Words;
  thisWeek: Words;
  nextWeek: Words;
  lastWeek: Words;
  weekend: Words;
  /** The word before a week number ("uge 48"), a very Danish way to name a week. */
  weekNumber?: Words;
  weekdays: readonly Words[];
  /** Forms that always mean the past one ("i torsdags"). */
  pastWeekdays?: readonly Words[];
  /** Words next to a weekday that push it a week on or back ("næste", "sidste", "القادم", "geçen"). */
  next: Words;
  last: Words;
  months: readonly Words[];
  /**
   * A number of days or weeks from today: "om to dage", "in two days", "بعد يومين", "iki gün sonra", "через два дні",
   * "دو روز دیگه", "دوو ڕۆژی تر", "laba maalmood kadib"; and back from it: "for to dage siden", "2 days ago", "قبل يومين".
   * The number is a digit or a number word of the language; a word before it (`before`, "om", "in", "بعد", "через") or
   * after the unit (`after`, "sonra", "دیگه", "تر", "kadib") says it counts forward, `agoBefore`/`agoAfter` backward.
   * `twoDays`/`twoWeeks` are words that are themselves two of the unit (Arabic duals: "يومين", "اسبوعين").
   */
  relative?: {
    day: Words;
    week: Words;
    before?: Words;
    after?: Words;
    agoBefore?: Words;
    agoAfter?: Words;
    twoDays?: Words;
    twoWeeks?: Words;
  };
  /** Words before a clock time ("kl", "klokken", "saat"): the number after them is a time, not a count. */
  timeMarkers: Words;
}

export interface Lexicon {
  /** Phrases that signal each intent. */
  intents: Partial<Record<Intent, Words>>;
  /** Words a number counts: "34 deltagere", "2 frivillige", "6 mødre" (adults), "12 kids" (children). */
  counts: Partial<Record<CountRole, Words>>;
  /** Verbs a number of participants goes with: "12 deltog", "8 came", "حضر 12". */
  countVerbs: Words;
  /** Words before a count that say whom something is for ("for 2 voksne", "для двох"): a booking, not a report. */
  countFor?: Words;
  /**
   * Words of asking nicely ("tak", "please", "من فضلك", "lütfen", "будь ласка"): adults and children counted with them are a
   * party asked for ("2 adults 1 child for thursday please"), not a report of who came.
   */
  please?: Words;
  /** Words that are themselves a count of two (Arabic duals: "شخصين"). */
  duals?: Partial<Record<CountRole, Words>>;
  /** Number words by value (1-20 and the tens to 50); multi-word numbers allowed ("on iki", "خمسه عشر"). */
  numbers: Readonly<Record<number, Words>>;
  /** Number words that also mean "a"/"an" ("en", "et", "bir", "یک"): numbers only right before a counted word. */
  weakNumbers: Words;
  audience: Partial<Record<Audience, Words>>;
  topics: Partial<Record<CounsellingTopic, Words>>;
  dietary: { halal: Words; vegetarian: Words };
  periods: Partial<Record<PeriodChoice, Words>>;
  /** Words that make a message a question ("hvad", "hvornår", "what", "هل"). */
  question: Words;
  /** Past-tense words of someone reporting what happened: weekdays then mean the last one. */
  past: Words;
  /** Words before an address ("bor på", "adresse", "live at"). */
  addressMarkers: Words;
  /** Word stems that name kinds of activity ("spisning", "club", "gruppe"): a message of only such words asks for them. */
  activityWords: Words;
  /**
   * Places, people and events of the rest of one's life ("tandlæge", "doctor", "عيد ميلاد", "iş görüşmesi"): a message
   * about them tells of an appointment or a day elsewhere ("jeg skal til tandlæge på fredag"), it asks for nothing here.
   */
  elsewhere?: Words;
  /**
   * One's own family ("mine børn", "my son", "ولادي", "çocuklarım"): said without a question, a day and a child
   * tell of the family's week ("mine børn skal til fodbold på lørdag"), they do not ask what is on.
   */
  family?: Words;
  /** Words that carry no meaning for the activity text ("i", "på", "the", "في"). */
  filler: Words;
  dates: DateWords;
}

/** Language names in every language, for "på arabisk", "in English", "بالعربية", "Soomaali". */
export type LanguageNames = Partial<Record<Language, Words>>;
