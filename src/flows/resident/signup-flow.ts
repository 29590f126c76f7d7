/**
 * Sign up for a fællesspisning (or another event with places): choose the dinner, adults,
 * children, dietary needs, confirm; full → offered the waiting list; already signed up → shown the
 * existing sign-up. The confirmation carries a calendar file.
 */
import { addDays, copenhagenDate, copenhagenInstant, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';
import { formatDateTime, formatDay, localDigits } from '../../i18n/format';
import type { Language } from '../../plan-data/plan-file';
import type { Intent, Understanding } from '../../nlu/understanding';
import { calendarChoice, mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, handOff, RESIDENT_ROLES, waitFor, waitForAnswer, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { deniesAllergy, isNone, isOrdinaryFood, mentionsAllergy, namesAllergen, readCount } from '../../nlu/answers';
import { decide } from '../../nlu/decision';
import { DomainError } from '../../errors/domain-error';
import { MAX_ADULTS, MAX_CHILDREN } from '../../sign-ups/sign-up-service';
import { eventButton, eventLine } from '../shared/event-text';
import { pastDay } from './find-flow';
import { offerChoices, offerLine } from './offer-flow';

/** The past-day answer with its "show the next ones" button pointing at this flow's list. */
function withNext(step: Step, action: string): Step {
  return {
    ...step,
    replies: step.replies.map((r) => (r.kind === 'choices' ? { ...r, choices: r.choices.map((c) => (c.action === 'find.week' ? { ...c, action } : c)) } : r)),
  };
}

const WINDOW_DAYS = 21;

interface Draft {
  eventId?: string;
  adults?: number;
  children?: number;
  noPork?: boolean;
  vegetarian?: boolean;
  allergies?: string;
  /** The sign-up this one replaces ("kan jeg flytte til onsdag"), cancelled once the new one is confirmed, and when it was. */
  moving?: string;
  movingWhen?: string;
}

// In the language's digits, as the question above them ("۲" in Dari); a typed digit of either kind is read all the same.
const numberButtons = (from: number, to: number, step: string, language: Language) =>
  Array.from({ length: to - from + 1 }, (_, i) => choice(localDigits(from + i, language), `signup.${step}|${from + i}`));

async function pickEvent(ctx: FlowContext, u?: Understanding, before: Draft = {}): Promise<Step> {
  const { t, language } = ctx;
  const today = copenhagenDate(ctx.clock.now());
  const day = u?.details.date ? parseCalendarDate(u.details.date) : undefined;
  // A day that has gone is said to be gone, not silently swapped for another.
  if (day && day < today) return withNext(pastDay(ctx, day, today), 'signup.pick');
  const window = { from: copenhagenInstant(day ?? today), to: copenhagenInstant(day ? addDays(day, 1) : addDays(today, WINDOW_DAYS)), limit: 8 };
  const named = u?.details.activityText && u.details.category !== 'dinner' ? u.details.activityText : undefined;
  const openOf = async (filter: { text: string } | { category: 'dinner' }) =>
    (await ctx.services.catalogue.upcomingEvents({ ...window, ...filter, forResidents: true }, language)).filter((e) => e.activity.signupRequired);
  // Words that name nothing we know ("ana 3al 3asha") are no reason to say there is nothing: the dinners are what one signs up for.
  let open = named ? await openOf({ text: named }) : [];
  if (open.length === 0) open = await openOf({ category: 'dinner' });
  // Nothing on the day asked for: say so, and offer the next ones from that day on rather than "none".
  let noneThatDay: string | undefined;
  if (open.length === 0 && day) {
    const later = { ...window, to: copenhagenInstant(addDays(day, WINDOW_DAYS)) };
    open = (await ctx.services.catalogue.upcomingEvents({ ...later, category: 'dinner', forResidents: true }, language)).filter(
      (e) => e.activity.signupRequired,
    );
    if (open.length > 0) noneThatDay = t('resident:signup.none_that_day', { day: formatDay(copenhagenInstant(day, 12), language) });
  }
  // What was said before the event was chosen is kept ("شخصان" at the list: a party of two).
  const party = u?.details.participants;
  const adults = u?.details.adults ?? (party !== undefined && party >= 1 && party <= MAX_ADULTS ? party : undefined) ?? before.adults;
  const draft: Draft = {
    adults,
    children: u?.details.children ?? before.children ?? (u?.details.adults ? 0 : undefined),
    noPork: u?.details.dietary?.halal ?? before.noPork,
    vegetarian: u?.details.dietary?.vegetarian ?? before.vegetarian,
    allergies: before.allergies,
    moving: before.moving,
    movingWhen: before.movingWhen,
  };
  if (open.length === 0) return done(text(t('resident:signup.none')), mainMenu(t, ctx.person));
  if (open.length === 1 && open[0]) {
    // Only one to choose: say which it is, then go on with the party.
    const step = await chooseEvent(ctx, open[0].id, draft);
    return { ...step, replies: [...(noneThatDay ? [text(noneThatDay)] : []), text(eventLine(open[0], t, language)), ...step.replies] };
  }
  return waitFor(
    'event',
    { ...draft },
    ...(noneThatDay ? [text(noneThatDay)] : []),
    choices(
      t('resident:signup.which'),
      open.map((e) => choice(eventButton(e, language), `signup.party|${e.id}`)),
    ),
  );
}

async function chooseEvent(ctx: FlowContext, eventId: string, draft: Draft): Promise<Step> {
  const { t } = ctx;
  const existing = (await ctx.services.signUps.upcomingFor(ctx.person.id)).find((s) => s.eventId === eventId);
  if (existing?.status === 'offered') {
    return done(
      text(await offerLine(ctx, existing)),
      choices(t('common:what_next'), [...offerChoices(ctx, existing.id), choice(t('common:menu.title'), 'welcome.menu')]),
    );
  }
  if (existing) {
    const e = await ctx.services.catalogue.event(eventId, ctx.language, { forResidents: true });
    const key = existing.status === 'waiting' ? 'resident:signup.existing_waiting' : 'resident:signup.existing';
    return done(
      text(
        t(key, {
          title: e.title,
          when: formatDateTime(e.startsAt, ctx.language),
          adults: existing.adults,
          children: existing.children,
          position: existing.waitingPosition ?? 0,
        }),
      ),
      choices(t('common:what_next'), [
        choice(t('resident:bookings.cancel_button'), `bookings.cancel|s_${existing.id}`),
        choice(t('common:menu.title'), 'welcome.menu'),
      ]),
    );
  }
  return askNext(ctx, { ...draft, eventId });
}

/**
 * "kan jeg flytte til onsdag i stedet", "بدي انقل العشا للاربعا": a sign-up moved to another dinner. With one sign-up it is
 * the one moved: the dinners of the day named (or all) are offered with the party and food kept, and the summary says what
 * it replaces. With several, the resident chooses which. Null when there is none to move.
 */
export async function moveSignUp(ctx: FlowContext, u?: Understanding, signUpId?: string): Promise<Step | null> {
  const { t, language } = ctx;
  const mine = (await ctx.services.signUps.upcomingFor(ctx.person.id)).filter((s) => s.status === 'confirmed' && (!signUpId || s.id === signUpId));
  const only = mine.length === 1 ? mine[0] : undefined;
  if (mine.length === 0) return null;
  if (!only) {
    const buttons = await Promise.all(
      mine.map(async (s) => {
        const e = await ctx.services.catalogue.event(s.eventId, language, { forResidents: true });
        return choice(eventButton(e, language), `signup.move|${s.id}`);
      }),
    );
    return done(choices(t('resident:signup.move_which'), [...buttons, choice(t('common:menu.title'), 'welcome.menu')]));
  }
  const draft: Draft = {
    adults: only.adults,
    children: only.children,
    noPork: only.dietary.noPork,
    vegetarian: only.dietary.vegetarian,
    allergies: only.dietary.allergies,
    moving: only.id,
    movingWhen: formatDateTime(only.startsAt, language),
  };
  return handOff('signup', await pickEvent(ctx, u, draft));
}

/** Asks for the first missing part of the draft, or shows the summary to confirm. */
async function askNext(ctx: FlowContext, d: Draft): Promise<Step> {
  const { t } = ctx;
  if (d.adults === undefined) return askCount(ctx, 'adults', d);
  if (d.children === undefined) return askCount(ctx, 'children', d);
  if (d.noPork === undefined && d.vegetarian === undefined && d.allergies === undefined) {
    return askDiet(ctx, d, 'resident:signup.diet');
  }
  const e = await ctx.services.catalogue.event(d.eventId as string, ctx.language, { forResidents: true });
  const party = d.adults + d.children;
  const fits = e.placesLeft === null || e.placesLeft >= party;
  const diet =
    [
      d.noPork ? t('resident:signup.diet_no_pork') : '',
      d.vegetarian ? t('resident:signup.diet_vegetarian') : '',
      d.allergies ? t('resident:signup.diet_allergy_named', { allergy: d.allergies }) : '',
    ]
      .filter(Boolean)
      .join(', ') || t('resident:signup.diet_none');
  const summary = t('resident:signup.summary', {
    title: e.title,
    when: formatDateTime(e.startsAt, ctx.language),
    place: e.location?.name ?? '—',
    adults: d.adults,
    children: d.children,
    diet,
  });
  return waitForAnswer(
    'confirm',
    'yesno',
    { ...d },
    text(d.moving && d.movingWhen ? `${summary}\n${t('resident:signup.move_note', { when: d.movingWhen })}` : summary),
    choices(fits ? t('resident:signup.confirm_question', { count: (d.adults ?? 1) + (d.children ?? 0) }) : t('resident:signup.full_offer'), [
      choice(fits ? t('resident:signup.confirm') : t('resident:signup.join_waiting'), 'signup.confirm'),
      choice(t('common:cancel'), 'signup.abort'),
    ]),
  );
}

async function confirm(ctx: FlowContext, d: Draft): Promise<Step> {
  const { t, language } = ctx;
  if (!d.eventId || d.adults === undefined) return pickEvent(ctx);
  const r = await ctx.services.signUps.signUp({
    eventId: d.eventId,
    personId: ctx.person.id,
    adults: d.adults,
    children: d.children ?? 0,
    dietary: { noPork: d.noPork ?? false, vegetarian: d.vegetarian ?? false, allergies: d.allergies },
  });
  if (r.outcome === 'existing') return chooseEvent(ctx, d.eventId, d);
  // The event as the sign-up's transaction locked it: only its title and place are read.
  const e = r.event;
  const { title, location } = await ctx.services.catalogue.eventHeading(e, language);
  const when = formatDateTime(e.startsAt, language);
  // A move: the old sign-up goes once the new one holds a place; on a waiting list the old one still stands.
  const moved: string[] = [];
  if (d.moving && d.movingWhen && r.outcome === 'confirmed') {
    await ctx.services.signUps.cancel({ signUpId: d.moving, personId: ctx.person.id });
    moved.push(t('resident:signup.move_done', { when: d.movingWhen }));
  } else if (d.moving && d.movingWhen) moved.push(t('resident:signup.move_kept', { when: d.movingWhen }));
  if (r.outcome === 'waiting') {
    return done(
      text(t('resident:signup.waiting', { title, when, position: r.signUp.waitingPosition ?? 0 })),
      ...moved.map((m) => text(m)),
      mainMenu(t, ctx.person),
    );
  }
  return done(
    text(
      t('resident:signup.confirmed', {
        title,
        when,
        place: location ? `${location.name}, ${location.address}` : '—',
        adults: r.signUp.adults,
        children: r.signUp.children,
      }),
    ),
    ...moved.map((m) => text(m)),
    mainMenu(t, ctx.person, [calendarChoice(t, `s_${r.signUp.id}`)]),
  );
}

/** A button that continues a sign-up is only valid while one is under way; an old or forged one is refused. */
function underway(d: Draft): Draft {
  if (typeof d.eventId !== 'string') throw new DomainError('action.stale');
  return d;
}

/** The number a count button carries; anything our buttons never send is a stale or forged button. */
function countArg(arg: string | undefined, min: number, max: number): number {
  const n = /^\d{1,2}$/.test(arg ?? '') ? Number(arg) : NaN;
  if (!(n >= min && n <= max)) throw new DomainError('action.stale');
  return n;
}

/** The food question with its buttons, under `question` (the question itself, or the hint after an answer not understood). */
function askDiet(ctx: FlowContext, d: Draft, question: 'resident:signup.diet' | 'resident:signup.diet_again'): Step {
  const { t } = ctx;
  return waitFor(
    'diet',
    { ...d },
    choices(t(question), [
      choice(t('resident:signup.diet_none'), 'signup.diet|none'),
      choice(t('resident:signup.diet_no_pork'), 'signup.diet|nopork'),
      choice(t('resident:signup.diet_vegetarian'), 'signup.diet|vegetarian'),
      choice(t('resident:signup.diet_allergy'), 'signup.diet|allergy'),
    ]),
  );
}

/**
 * A typed answer to the food question. What is not understood (a bare "ja": yes, there are wishes, but
 * which?) is asked again with a line saying what the kitchen needs to know, and the buttons.
 */
function dietAnswer(ctx: FlowContext, d: Draft, typed: string, u: Understanding): Promise<Step> | Step {
  const diet = u.details.dietary;
  // "nej vent, kun et barn": a change to the party, not an answer about the food. The counts change and the food is asked again.
  const party = partyIn(u);
  if (Object.keys(party).length > 0 && !diet) {
    const next = { ...d, ...party };
    const said = text(ctx.t('resident:signup.party_changed', { adults: next.adults ?? 0, children: next.children ?? 0 }));
    const again = askDiet(ctx, next, 'resident:signup.diet');
    return { ...again, replies: [said, ...again.replies] };
  }
  // "halal" typed by a resident asks for no pork; that is what the kitchen gets.
  if (diet) return askNext(ctx, { ...d, noPork: diet.halal ?? false, vegetarian: diet.vegetarian ?? false });
  // "nej ingen allergi" names the allergy only to deny it.
  if (deniesAllergy(typed, ctx.language)) return askNext(ctx, { ...d, noPork: false, vegetarian: false });
  // "allergisk over for nødder", "عندها حساسية من المكسرات": the allergy is named; asking which would ask again.
  if (mentionsAllergy(typed) && namesAllergen(typed)) return askNext(ctx, { ...d, noPork: false, vegetarian: false, allergies: typed.trim().slice(0, 200) });
  if (mentionsAllergy(typed)) return waitForText('allergy', { ...d }, text(ctx.t('resident:signup.allergy_question')));
  if (u.intent === 'no' || isNone(typed, ctx.language) || isOrdinaryFood(typed, ctx.language)) return askNext(ctx, { ...d, noPork: false, vegetarian: false });
  return askDiet(ctx, d, 'resident:signup.diet_again');
}

// Readings that are no request of their own: at the allergy question they may well be the allergy as written.
const NOT_REQUESTS: readonly Intent[] = ['unknown', 'yes', 'no', 'thanks', 'greet'];

/**
 * The typed allergy: "nej"/"ingen" means none after all (the sign-up goes on), a bare "ja" or "ok"
 * says nothing the kitchen can use and is asked again; anything else is the allergy as written.
 */
function allergyAnswer(ctx: FlowContext, d: Draft, typed: string, u: Understanding): Promise<Step> | Step {
  const base = { ...d, noPork: d.noPork ?? false, vegetarian: d.vegetarian ?? false };
  if (u.intent === 'no' || deniesAllergy(typed, ctx.language) || isNone(typed, ctx.language)) return askNext(ctx, { ...base, allergies: undefined });
  if (u.intent === 'yes' || typed.trim().length < 3) return waitForText('allergy', { ...d }, text(ctx.t('resident:signup.allergy_again')));
  // "hvad er jeg tilmeldt", "وين العشا": a request of its own, said outright, names no allergy; the kitchen must not get it as one.
  if (!mentionsAllergy(typed) && !namesAllergen(typed) && !NOT_REQUESTS.includes(u.intent) && u.confidence >= 0.8 && (u.outright || decide(u).kind === 'act'))
    return waitForText('allergy', { ...d }, text(ctx.t('resident:signup.allergy_again')));
  return askNext(ctx, { ...base, allergies: typed.trim().slice(0, 200) });
}

/** Another day named than the chosen dinner's: that day's dinners, with what was said so far kept. Null otherwise. */
async function otherDay(ctx: FlowContext, d: Draft, u: Understanding): Promise<Step | null> {
  const day = u.details.date;
  if (!day || !d.eventId) return null;
  const shown = await ctx.services.catalogue.event(d.eventId, ctx.language, { forResidents: true });
  if (!shown || formatCalendarDate(copenhagenDate(shown.startsAt)) === day) return null;
  return pickEvent(ctx, u, { ...d, eventId: undefined });
}

/**
 * Words at the summary that change it rather than answer yes or no: another day ("kan vi tage onsdag i stedet"),
 * the food ("hun spiser ik svin"), an allergy, the party ("vi er 3 voksne"), or a "nej" that carries a number
 * ("nej vent vi er tre"), which asks the counts again instead of dropping the sign-up. Null when nothing changes.
 */
async function changeAtSummary(ctx: FlowContext, d: Draft, typed: string, u: Understanding): Promise<Step | null> {
  const x = u.details;
  if (x.date && u.intent !== 'no') return pickEvent(ctx, u, { ...d, eventId: undefined });
  // "nej, hellere fredag", "لا، خليها الجمعة": a no with another day changes the day; a no to the day shown ("nej, ikke torsdag") stays a no.
  if (x.date && u.intent === 'no' && d.eventId) {
    const shown = await ctx.services.catalogue.event(d.eventId, ctx.language, { forResidents: true });
    if (shown && formatCalendarDate(copenhagenDate(shown.startsAt)) !== x.date) return pickEvent(ctx, u, { ...d, eventId: undefined });
  }
  const counts = partyIn(u);
  const diet: Draft = x.dietary ? { noPork: x.dietary.halal ?? d.noPork, vegetarian: x.dietary.vegetarian ?? d.vegetarian } : {};
  if (mentionsAllergy(typed) && !deniesAllergy(typed, ctx.language))
    return waitForText('allergy', { ...d, ...counts, ...diet }, text(ctx.t('resident:signup.allergy_question')));
  if (Object.keys(counts).length > 0 || x.dietary) return askNext(ctx, { ...d, ...counts, ...diet });
  if (u.intent === 'no' && x.numbers.length > 0) return askCount(ctx, 'adults', { ...d, adults: undefined, children: undefined });
  return null;
}

/** The adults and children a message names, within range ("vi er 3 voksne", "kun et barn"). */
function partyIn(u: Understanding): Draft {
  const x = u.details;
  const adults = x.adults ?? (x.participants !== undefined && x.children === undefined ? x.participants : undefined);
  return {
    ...(adults !== undefined && adults >= 1 && adults <= MAX_ADULTS ? { adults } : {}),
    ...(x.children !== undefined && x.children >= 0 && x.children <= MAX_CHILDREN ? { children: x.children } : {}),
  };
}

const LIMITS = { adults: { min: 1, max: MAX_ADULTS }, children: { min: 0, max: MAX_CHILDREN } } as const;

/** Asks how many adults or children, with value buttons; `problem` says what was wrong with the last answer. */
function askCount(ctx: FlowContext, role: 'adults' | 'children', d: Draft, problem?: string): Step {
  const { t } = ctx;
  const buttons = role === 'adults' ? numberButtons(1, 6, 'adults', ctx.language) : numberButtons(0, 6, 'children', ctx.language);
  return waitForAnswer(role, 'count', { ...d }, ...(problem ? [text(problem)] : []), choices(t(`resident:signup.${role}`), buttons));
}

/** A typed answer to the adults or children question: a count in range goes on, anything else is asked again. */
function countAnswer(ctx: FlowContext, role: 'adults' | 'children', d: Draft, typed: string, u: Understanding): Promise<Step> | Step {
  const { t } = ctx;
  const { min, max } = LIMITS[role];
  // "nej" to how many adults is no to the sign-up; to how many children it is none.
  if (u.intent === 'no' && role === 'adults' && u.details.numbers.length === 0) return done(text(t('resident:signup.aborted')), mainMenu(t, ctx.person));
  const a = readCount(typed, ctx.language, u, role);
  if (a.kind === 'negative') return askCount(ctx, role, d, t('resident:signup.negative', { min, max }));
  if (a.kind === 'none') return askCount(ctx, role, d, t('resident:signup.count_range', { min, max }));
  if (!Number.isInteger(a.value) || a.value < min || a.value > max) return askCount(ctx, role, d, t('resident:signup.count_range', { min, max }));
  // "2 voksne og 1 barn" answers both questions at once.
  const other = role === 'adults' ? a.children : undefined;
  const otherOk = other !== undefined && Number.isInteger(other) && other >= 0 && other <= MAX_CHILDREN;
  return askNext(ctx, role === 'adults' ? { ...d, adults: a.value, children: otherOk ? other : d.children } : { ...d, children: a.value });
}

/**
 * "tilbage" at a question: the one before it, with its answer and everything after it taken out of
 * the draft. The first question (the dinner, or the adults when there was only one dinner) has none.
 */
async function stepBack(ctx: FlowContext, step: string): Promise<Step | null> {
  const d = ctx.data as Draft;
  if (typeof d.eventId !== 'string') return null;
  const diet = { noPork: undefined, vegetarian: undefined, allergies: undefined };
  switch (step) {
    case 'children':
      return askCount(ctx, 'adults', { ...d, adults: undefined, children: undefined, ...diet });
    case 'diet':
      return askCount(ctx, 'children', { ...d, children: undefined, ...diet });
    case 'allergy':
    case 'confirm':
      return askNext(ctx, { ...d, ...diet });
    case 'adults': {
      // Back to the list of dinners, when there was one to choose from.
      const list = await pickEvent(ctx);
      return list.next?.step === 'event' ? list : null;
    }
    default:
      return null;
  }
}

export const signupFlow: Flow = {
  name: 'signup',
  roles: RESIDENT_ROLES,
  intents: ['sign_up'],
  // The day of a dinner not yet booked is changed inside the sign-up, not by moving a booking.
  answers: ['move_booking'],
  needsConsent: true,
  start: (ctx, u) => pickEvent(ctx, u),
  back: stepBack,
  async resume(ctx, input) {
    const d = ctx.data as Draft;
    const { t } = ctx;
    if (input.kind === 'text') {
      const u = input.understanding;
      // A change of mind about the day ("لا لا خليها الجمعة", "nej vent, fredag i stedet") before the summary picks that day's dinner.
      if (input.step === 'adults' || input.step === 'children' || input.step === 'diet') {
        const moved = await otherDay(ctx, d, u);
        if (moved) return moved;
      }
      // Counts first: "no kids" and "ingen børn" answer the children question, they do not end the sign-up.
      if (input.step === 'adults' || input.step === 'children') return countAnswer(ctx, input.step, d, input.text, u);
      // The food question: "halal", "allergi", "ingen" are answers; anything else asks again.
      if (input.step === 'diet') return dietAnswer(ctx, d, input.text, u);
      if (input.step === 'allergy') return allergyAnswer(ctx, d, input.text, u);
      if (input.step === 'confirm' && u.intent !== 'yes') {
        const changed = await changeAtSummary(ctx, d, input.text, u);
        if (changed) return changed;
      }
      if (u.intent === 'no') return done(text(t('resident:signup.aborted')), mainMenu(t, ctx.person));
      switch (input.step) {
        case 'confirm':
          return u.intent === 'yes' ? confirm(ctx, d) : askNext(ctx, d);
        default:
          return pickEvent(ctx, u, d);
      }
    }
    switch (input.step) {
      case 'pick':
        return pickEvent(ctx);
      case 'party':
        return chooseEvent(ctx, input.arg ?? '', { adults: d.adults, children: d.children, noPork: d.noPork, vegetarian: d.vegetarian });
      case 'adults':
        return askNext(ctx, { ...underway(d), adults: countArg(input.arg, 1, MAX_ADULTS) });
      case 'children':
        return askNext(ctx, { ...underway(d), children: countArg(input.arg, 0, MAX_CHILDREN) });
      case 'diet':
        if (input.arg === 'allergy') return waitForText('allergy', { ...underway(d) }, text(t('resident:signup.allergy_question')));
        // 'halal' is what buttons sent before the choice was named by the menu.
        return askNext(ctx, {
          ...underway(d),
          noPork: input.arg === 'nopork' || input.arg === 'halal',
          vegetarian: input.arg === 'vegetarian',
          allergies: d.allergies,
        });
      case 'confirm':
        return confirm(ctx, underway(d));
      case 'move':
        return (await moveSignUp(ctx, undefined, input.arg)) ?? pickEvent(ctx);
      case 'abort':
        return done(text(t('resident:signup.aborted')), mainMenu(t, ctx.person));
      default:
        return pickEvent(ctx);
    }
  },
};
