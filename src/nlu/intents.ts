/**
 * Intent scoring: the weights of the intent phrases found, plus rules about what else the message
 * holds. The rules are the generalisations a lexicon cannot express:
 * - an activity with a count of participants and no question is a staff delivery log, even with no
 *   verb ("fællesspisning i dag 34 deltagere 2 frivillige");
 * - a counselling topic (debt, housing benefit, rent arrears) asks for counselling, also when said as
 *   "talk to someone about my money"; cancelling or moving names the booking, it books nothing;
 * - an address is a person telling where they live; a language name alone asks to switch to it;
 * - "year: value" registers a measurement; a period word asks for progress;
 * - a question, a date or an audience with nothing else asks what is on;
 * - "hjælp"/"help" with other content is help *with* that content, so it weighs less.
 * Below MIN_SCORE the message is "unknown".
 */
import type { Counts } from './counts';
import type { Match } from './patterns';
import type { Intent } from './understanding';

/** What the reader found in a message besides intent phrases. */
export interface Signals {
  phrases: readonly Match<Intent>[];
  question: boolean;
  pastWord: boolean;
  counts: Counts;
  /** A count says whom something is for ("for 2 voksne"): a booking, not a report. */
  forSomeone: boolean;
  /**
   * When the single day mentioned falls: definite for "i går"/"i dag"/"i morgen"/"i torsdags",
   * 'open' for a plain weekday or calendar date (its direction depends on the intent); null without one.
   */
  when: 'past' | 'today' | 'future' | 'open' | null;
  hasRange: boolean;
  audience: boolean;
  address: boolean;
  language: boolean;
  /** Two different languages are named ("my danish is not good, turkish?"): one is set against the other. */
  otherLanguage?: boolean;
  topic: boolean;
  dietary: boolean;
  /** A word for an allergy ("allergier", "حساسية", "alerji"), which no diet claimed. */
  allergy?: boolean;
  period: boolean;
  measurement: boolean;
  /** Words left that may name an activity, and whether any looks like an activity word. */
  residual: boolean;
  /** How many words nobody understood ("det regner i dag": "det regner"). */
  unknownWords?: number;
  /** The message opens with a yes or a no ("nej, ikke det"). */
  answerFirst?: boolean;
  /** Among them a word for the communal dinner ("نانی ئێوارە", "cashada"). */
  dinner?: boolean;
  activityCue: boolean;
  /** Exactly one number no word claimed ("fællesspisning 34"). */
  bareNumber: boolean;
  /** The message asks about an activity: what it costs, where it is, who may come. */
  asks?: boolean;
  /** …and the question is what it costs ("yemek kaç para", "koster det penge"): its money words are no money trouble. */
  price?: boolean;
  /** It names a place, person or event of the rest of one's life ("tandlæge", "doctor", "عيد ميلاد"). */
  elsewhere?: boolean;
  /** Two different days are named with a can't or a no: "i cant do thursday could we do friday instead". */
  otherDay?: boolean;
  /** A child's age is told ("ابني عمره ١٥", "min søn er 15 år"). */
  age?: boolean;
  /** It names one's own family ("mine børn", "my son", "ولادي"). */
  family?: boolean;
  /** A word of asking nicely ("tak", "please", "lütfen"): counted people are a party asked for. */
  please?: boolean;
  /** A number is set against another one ("12 frivillige ikke 10", "40 participants not 38"). */
  correction?: boolean;
}

export const MIN_SCORE = 1;

// Answers and greetings do not make an inference less likely: "hej, fællesspisning i dag 34 deltagere".
/** Answers and courtesies: they ask for nothing by themselves. */
export const SOCIAL: readonly Intent[] = ['greet', 'thanks', 'yes', 'no', 'help'];
// What cancelling or moving is about rather than what the person asks for.
const MANAGED: readonly Intent[] = ['book_counselling', 'sign_up', 'my_bookings'];
// What an appointment or a day elsewhere in one's life does not ask for: it books, shows or joins nothing here.
const NOT_HERE: readonly Intent[] = ['book_counselling', 'my_bookings', 'sign_up', 'find_activities', 'upcoming_events', 'talk_to_person'];
const FUTURE: readonly Intent[] = ['sign_up', 'book_counselling', 'cancel_booking', 'create_event', 'create_slots', 'cancel_event', 'upcoming_events'];

/** Scores every intent with evidence; highest first. */
export function scoreIntents(s: Signals): { intent: Intent; score: number }[] {
  const phrase = new Map<Intent, number>();
  for (const m of s.phrases) phrase.set(m.pattern.value, (phrase.get(m.pattern.value) ?? 0) + m.pattern.weight);
  const score = new Map(phrase);
  const add = (intent: Intent, n: number): void => {
    score.set(intent, (score.get(intent) ?? 0) + n);
  };
  // Inferences from the shape of a message count half when another intent was said outright:
  // "opret fællesspisning fredag for 40 personer" creates an event; the count does not make it a log.
  const explicitOther = (intent: Intent): boolean => [...phrase.entries()].some(([i, w]) => i !== intent && !SOCIAL.includes(i) && w >= 2.5);
  const infer = (intent: Intent, n: number): void => add(intent, explicitOther(intent) ? n / 2 : n);

  // Cancelling or moving names what is cancelled or moved: "jeg kan ikke komme til min tid hos
  // rådgiveren" cancels the appointment, it does not book counselling or sign up again.
  const managing = (phrase.get('cancel_booking') ?? 0) >= 3 || (phrase.get('move_booking') ?? 0) >= 3;
  // "i dont need to be reminded about my bookings", "ingen sms'er om tilmeldingerne": reminders said outright name what
  // they are about; they neither show nor make a booking.
  const reminding = Math.max(phrase.get('reminders_off') ?? 0, phrase.get('reminders_on') ?? 0) >= 4;
  if (reminding)
    for (const i of ['my_bookings', 'sign_up'] as const) if (score.has(i) && (phrase.get(i) ?? 0) < 5) score.set(i, (score.get(i) as number) * 0.3);
  if (managing) for (const i of MANAGED) if (score.has(i)) score.set(i, (score.get(i) as number) * 0.3);

  const delivered = (s.counts.participants ?? 0) + (s.counts.volunteers ?? 0) + (s.counts.newParticipants ?? 0) > 0;
  const people = (s.counts.adults ?? 0) + (s.counts.children ?? 0) > 0;
  // "2 adults 1 child for thursday please", "fællesspisning torsdag 2 voksne 2 børn tak": adults and children asked for
  // nicely, on no day gone by, are a party booked; a report counts who came and asks nobody for anything.
  // "dinner thurs 1 adult 3 kids", "fællesspisning torsdag 1 voksen 2 børn": a household counted for a weekday (a handful of
  // people, not a room) is a party too; a report of who came counts the room, and says when it was.
  // So is a family of grown-ups and children said for tonight or for nothing said ("ok we come 2 adults and one child to dinner
  // tonight", "شخصين كبار وولدين"): a report counts a group ("6 mødre"), not a family.
  const family = s.counts.adults !== undefined && s.counts.children !== undefined && s.when !== 'past';
  const household = (s.counts.adults ?? 0) + (s.counts.children ?? 0) <= 8 && (s.when === 'open' || family) && !s.question;
  const asked = (s.please === true || household) && people && !delivered && !s.pastWord && s.when !== 'past';
  if (s.forSomeone || asked) add('sign_up', 2);
  else if (!s.question && s.when !== 'future') {
    if (delivered) infer('log_delivery', 3);
    else if (people) infer('log_delivery', 2);
    if ((delivered || people) && (s.pastWord || s.when === 'past')) infer('log_delivery', 1);
    // "fællesspisning 34": an activity and a number, from staff, is a count of participants.
    if (!delivered && !people && s.bareNumber && s.activityCue) infer('log_delivery', 1.5);
  }
  if (people && (s.when === 'future' || (phrase.get('sign_up') ?? 0) > 0)) add('sign_up', 1.5);
  // "cuma 4 kişi geliyoruz", "jimcaha 4 qof ayaan nahay": people coming on a day not yet gone, said with
  // words of coming, is a booking; a report says what happened.
  if (delivered && !people && !s.pastWord && s.when !== 'past' && (phrase.get('sign_up') ?? 0) >= 2) add('sign_up', 1.5);
  // "is the dinner halal?" asks about the food; "halal tak" with a sign-up says what to cook.
  if (s.dietary) add('sign_up', s.question ? 0.5 : 1.5);
  if (s.dietary && s.question) infer('find_activities', 1);
  // "hvor mange er tilmeldt fællesspisningen torsdag og hvor mange skal ha halal", "how many signed up … and how many want veg":
  // who is coming, asked together with what they eat, is what the kitchen cooks for.
  const coming = phrase.get('upcoming_events') ?? 0;
  // So is an allergy asked after with the count: "how many are coming to dinner tonight and any allergies".
  if ((s.dietary || s.allergy === true) && s.question && coming >= 4) {
    add('kitchen_summary', coming + 1);
    score.set('upcoming_events', (score.get('upcoming_events') as number) * 0.5);
  }
  if (s.topic && !managing) add('book_counselling', 2.5);
  // Talking to a counsellor is counselling: "mikham ba moshaver sohbat konam", "tale med en rådgiver".
  if ((phrase.get('book_counselling') ?? 0) >= 2.5 && (phrase.get('talk_to_person') ?? 0) <= 3 && score.has('talk_to_person') && !managing)
    score.set('talk_to_person', (score.get('talk_to_person') as number) * 0.5);
  // Talking to someone about money is counselling: "tale med en om min økonomi".
  // Said with an everyday "talk to someone" (not "a person, not the bot"), the money topic decides.
  if (s.topic && score.has('talk_to_person'))
    score.set('talk_to_person', (score.get('talk_to_person') as number) * ((phrase.get('talk_to_person') ?? 0) <= 4.5 ? 0.3 : 0.5));
  if (s.address) add('set_area', 3);
  // A language named in a question about what is on ("is there a danish class?") is a subject, not a wish to switch.
  // One language set against another ("jeg forstår ikke dansk så godt, ukrainsk?") is a switch, asked as a question or not.
  const subject = (s.question || s.audience || s.activityCue) && !s.otherLanguage;
  if (s.language) add('change_language', subject ? 0.75 : s.otherLanguage ? 3 : 2);
  // "jeg forstår ikke dansk", "i don't understand danish": not understanding a language asks for another, not for help.
  if (s.language && !subject && score.has('help')) score.set('help', (score.get('help') as number) * 0.4);
  if (s.language && subject) infer('find_activities', 1);
  // "türkçe konuşalım", "بە کوردی قسە بکە": speaking a language with nobody named is choosing it; a
  // person or an interpreter named ("tale med en tolk på arabisk") keeps its own heavier words.
  if (s.language && !subject && score.has('talk_to_person') && (phrase.get('talk_to_person') ?? 0) <= 3)
    score.set('talk_to_person', Math.max(0, (score.get('talk_to_person') as number) - 2));
  // "ingiriis ii qor", "Türkçe yazabilir misin": where "write" is also the verb of signing up, a language named with
  // nothing to sign up for (no activity, day, count or dinner) asks to be written to in it.
  const bare = !s.activityCue && !s.audience && s.when === null && !delivered && !people && !s.dietary && !s.topic;
  if (s.language && !s.otherLanguage && bare && score.has('sign_up') && (phrase.get('sign_up') ?? 0) <= 3.5) {
    score.set('sign_up', (score.get('sign_up') as number) * 0.3);
    add('change_language', 2);
  }
  // "på engelsk tak": the thanks is politeness around the request.
  if (s.language && score.has('thanks')) score.set('thanks', (score.get('thanks') as number) * 0.3);
  // "sign up for financial counselling" books counselling: the counselling words say what for.
  if ((phrase.get('book_counselling') ?? 0) >= 2 && score.has('sign_up') && !managing) score.set('sign_up', (score.get('sign_up') as number) * 0.5);
  if (s.measurement) add('register_measurement', 3.5);
  if (s.period) infer('progress', 1.5);
  // A day that has passed rules out booking, signing up and planning for it.
  // Said outright ("tilmeld … i går") it stays that intent, and the flow answers that the day has gone.
  if (s.when === 'past') for (const i of FUTURE) if (score.has(i) && (phrase.get(i) ?? 0) < 3) add(i, -1.5);

  // A question about something that names no activity, audience or span ("who won the game last
  // night?") is weaker evidence of asking what is on than one that does.
  const named = s.activityCue || s.audience || s.hasRange;
  if (s.question) infer('find_activities', named ? 1.5 : s.residual || s.when ? 1 : 0.5);
  // An activity and a day with counts is a report; without counts it asks what is on (a day gone by, less so).
  const counted = delivered || people;
  // A day among words nobody understood, with no question and nothing named, is small talk more often
  // than a question about what is on: "det regner i dag", "الجو برد اليوم", "min søn har fødselsdag på fredag".
  const chatter = !s.question && !named && !s.dinner && (s.unknownWords ?? 0) >= 2;
  if ((s.when !== null || s.hasRange) && !counted) infer('find_activities', (s.when === 'past' && !named) || chatter ? 0.5 : 1);
  if (s.audience) infer('find_activities', 1.5);
  if (s.activityCue && !counted) infer('find_activities', 1);

  // "can children come to the dinner", "må børn komme med": asking who may come is not coming.
  if (s.asks) {
    add('find_activities', 2);
    // "العشا بفلوس ولا ببلاش" (paid or free?): the "or" there is no answer.
    for (const answer of ['yes', 'no'] as const) if (score.has(answer)) score.set(answer, (score.get(answer) as number) * 0.4);
    if (score.has('sign_up')) score.set('sign_up', (score.get('sign_up') as number) * 0.5);
  }
  // "yes, I want to go to dinner on Thursday", "… 2 voksne 2 børn tak": a yes or thanks around a request is the request.
  const request = [...score.entries()].some(([i, n]) => !SOCIAL.includes(i) && n >= 2);
  for (const courtesy of ['yes', 'thanks', 'greet'] as const) if (request && score.has(courtesy)) score.set(courtesy, (score.get(courtesy) as number) * 0.4);
  // "ok men hvad så med min cykel": a faint yes ("ok") before words nobody understood says nothing.
  if (s.residual && (phrase.get('yes') ?? 0) < 2 && score.has('yes')) score.set('yes', (score.get('yes') as number) * 0.5);
  // "i got a letter and dont know what to do": a no-word ("dont", "مش") among several words nobody
  // understood is part of a sentence, not an answer.
  // Said first ("لا مو هيك", "hayır o değil") it is the answer.
  if ((s.unknownWords ?? 0) >= 2 && !s.answerFirst && (phrase.get('no') ?? 0) < 2.5 && score.has('no')) score.set('no', (score.get('no') as number) * 0.4);

  // Help with something else is that something: "hjælp til boligstøtte" is counselling.
  const other = s.residual || s.topic || s.audience || s.when !== null || counted;
  if (other && score.has('help')) score.set('help', (score.get('help') as number) * 0.5);
  // "jeg kan ikke torsdag men fredag", "i cant do thursday could we do friday instead", "پنجشنبه نمیتونم میشه جمعه": one day
  // ruled out and another named moves the booking, unless a log or a plan is said outright.
  if (s.otherDay && (phrase.get('log_delivery') ?? 0) < 3 && (phrase.get('create_event') ?? 0) < 3) add('move_booking', 3);
  // "der var 12 frivillige ikke 10", "it was 40 participants not 38": counts said against others correct a log.
  if (s.correction && !s.question && (delivered || people || s.bareNumber || score.has('log_delivery'))) {
    add('correct_delivery', 3.5);
    if (score.has('log_delivery')) score.set('log_delivery', (score.get('log_delivery') as number) * 0.3);
  }
  // A question is not a log.
  if (s.question && score.has('log_delivery')) score.set('log_delivery', Math.max(0, (score.get('log_delivery') as number) - 3));

  // "jeg skal til tandlæge på fredag", "i have a dentist appointment on friday", "عندي موعد عند دكتور الاسنان الجمعة": an
  // appointment or a day elsewhere is told, not asked for; its "appointment" and its day book and show nothing here.
  // Cancelling or moving because of it ("jeg kan ikke komme, jeg skal til lægen") keeps its own words.
  // Whom to call about it, said outright ("radiatoren er kold, hvem ringer jeg til"), asks for a person all the same.
  const whom = (phrase.get('talk_to_person') ?? 0) >= 4.5;
  if (s.elsewhere) for (const i of NOT_HERE) if (score.has(i) && !(i === 'talk_to_person' && whom)) score.set(i, (score.get(i) as number) * 0.3);
  // "mine børn skal til fodbold på lørdag", "my kids have football on saturday": the family's week, told without a
  // (whom it is for, with the child's age, asks for them: "ابني عمره ١٥، في شي للشباب"),
  // question, asks nothing; what is on is only read from words that ask for it.
  if (s.family && !s.question && !s.asks && !(s.audience && s.age === true) && (phrase.get('find_activities') ?? 0) < 2 && score.has('find_activities'))
    score.set('find_activities', (score.get('find_activities') as number) * 0.3);
  // "they cut my housing benefit, what can i do", "is there anyone who can look at my finances", "i want to set up a budget":
  // a money topic in a question or a plan is what the person needs help with; what is on, or a new event, only when
  // said outright ("is there a budget course on thursday").
  if (s.topic && !managing && !s.price)
    for (const i of ['find_activities', 'create_event', 'create_slots'] as const)
      if (score.has(i) && (phrase.get(i) ?? 0) < 4) score.set(i, (score.get(i) as number) * 0.4);

  return [...score.entries()].map(([intent, n]) => ({ intent, score: n })).sort((a, b) => b.score - a.score);
}

/**
 * How sure the reader is: grows with the winning score (2, one clear word like "menu", gives 0.84)
 * and shrinks when the runner-up is close. The conversation engine only switches flows from 0.8.
 */
export function confidenceOf(best: number, second: number): number {
  if (best < MIN_SCORE) return Math.round(Math.min(0.3, best / 4) * 100) / 100;
  const strength = 1 - Math.pow(0.4, best);
  const margin = (best - second) / best;
  return Math.round(strength * (0.7 + 0.3 * margin) * 100) / 100;
}
