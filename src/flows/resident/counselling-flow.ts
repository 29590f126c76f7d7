/**
 * Book økonomisk rådgivning: a free slot, a topic, an optional note, a confidentiality notice,
 * confirmation with a calendar file. Also moves a booked appointment to another slot.
 */
import { addDays, copenhagenDate, copenhagenOffsetMinutes, formatCalendarDate } from '../../time/calendar-date';
import { formatDateTime, formatDayOf } from '../../i18n/format';
import { TOPICS, type AppointmentView, type SlotView } from '../../appointments/appointment-service';
import { calendarChoice, mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { done, RESIDENT_ROLES, waitFor, waitForAnswer, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { isDomainError } from '../../errors/domain-error';
import { slotButton } from '../shared/event-text';
import { appointmentTexts, slotsForReader } from './plan-terms';
import { moveSignUp } from './signup-flow';
import type { Understanding } from '../../nlu/understanding';
import { clockTimes, dayParts, inDayPart, sameClock } from '../../nlu/clock';

const WINDOW_DAYS = 28;

interface Draft {
  slotId?: string;
  topic?: string;
  note?: string;
  moving?: string;
}

async function pickSlot(ctx: FlowContext, d: Draft, intro?: string | string[], shown?: SlotView[]): Promise<Step> {
  const { t, language } = ctx;
  const slots = shown ?? (await ctx.services.appointments.freeSlots({ to: addDays(ctx.clock.now(), WINDOW_DAYS), limit: 8 }));
  if (slots.length === 0) return done(text(t('resident:counsel.none')), mainMenu(t, ctx.person));
  const replies: Reply[] = (intro === undefined ? [t('resident:counsel.intro')] : [intro].flat()).map((line) => text(line));
  replies.push(
    choices(
      t('resident:counsel.pick'),
      (await slotsForReader(ctx, slots)).map((s) => choice(slotButton(s, language), `counsel.${d.moving ? 'moveto' : 'slot'}|${s.id}`)),
    ),
  );
  // A time typed in words ("kl 15 på tirsdag") answers the list; it is not read as a new request.
  return waitForAnswer('slot', 'time', { ...d }, ...replies);
}

/**
 * A booking asked for with a day ("بدي موعد مع المستشار يوم الجمعة", "book rådgivning på tirsdag"): the free times of
 * that day, or, when it has none, the day named as having none above the free times.
 */
async function startBooking(ctx: FlowContext, u?: Understanding): Promise<Step> {
  const d: Draft = { topic: u?.details.topic };
  const day = u?.details.date;
  if (!day || day < formatCalendarDate(copenhagenDate(ctx.clock.now()))) return pickSlot(ctx, d);
  const free = await ctx.services.appointments.freeSlots({ to: addDays(ctx.clock.now(), WINDOW_DAYS), limit: 200 });
  const fits = free.filter((s) => formatCalendarDate(copenhagenDate(s.startsAt)) === day);
  if (fits.length > 0) return pickSlot(ctx, d, undefined, fits.slice(0, 8));
  // The free times already read are the ones shown.
  const none = ctx.t('resident:counsel.no_times_that_day', { day: formatDayOf(day, ctx.language) });
  return pickSlot(ctx, d, [ctx.t('resident:counsel.intro'), none], free.slice(0, 8));
}

/**
 * The list of times answered in words: "kan jeg komme kl 15 på tirsdag", "tuesday 2pm", "الساعة ٣". One free time
 * that fits is taken as if its button were pressed; several (a day without a time) are shown alone; none says so and
 * shows the free ones. Null when the words name neither a day nor a time.
 */
async function typedSlot(ctx: FlowContext, d: Draft, typed: string, u: Understanding): Promise<{ slotId: string; when: string } | Step | null> {
  const times = clockTimes(typed, ctx.language);
  // "om formiddagen", "بعد الظهر": a part of the day narrows like a time does, where no clock time is said.
  const parts = times.length === 0 ? dayParts(typed, ctx.language) : [];
  const day = u.details.date;
  if (times.length === 0 && parts.length === 0 && !day) return null;
  const free = await ctx.services.appointments.freeSlots({ to: addDays(ctx.clock.now(), WINDOW_DAYS), limit: 200 });
  const fits = free.filter((s) => {
    const local = new Date(s.startsAt.getTime() + copenhagenOffsetMinutes(s.startsAt) * 60_000);
    if (day && formatCalendarDate(copenhagenDate(s.startsAt)) !== day) return false;
    if (parts.length > 0 && !parts.some((p) => inDayPart(p, local.getUTCHours()))) return false;
    return times.length === 0 || times.some((c) => sameClock(c, local.getUTCHours(), local.getUTCMinutes()));
  });
  const only = fits.length === 1 ? fits[0] : undefined;
  // A move takes effect at the button (the old time is let go), so a time read from words is shown as a button to press.
  if (only && !d.moving) return { slotId: only.id, when: formatDateTime(only.startsAt, ctx.language) };
  if (fits.length > 0) return pickSlot(ctx, d, ctx.t('resident:counsel.these_fit'), fits.slice(0, 8));
  // A day asked for with no free time that day ("kan vi flytte den til fredag"): that day is named, not "that time".
  if (day && times.length === 0 && parts.length === 0)
    return pickSlot(ctx, d, ctx.t('resident:counsel.no_times_that_day', { day: formatDayOf(day, ctx.language) }), free.slice(0, 8));
  return pickSlot(ctx, d, ctx.t('resident:counsel.not_free'));
}

async function confirmation(ctx: FlowContext, a: AppointmentView, key: string): Promise<Step> {
  const { t, language } = ctx;
  const when = formatDateTime(a.slot.startsAt, language);
  const { counsellor, place } = await appointmentTexts(ctx, a.slot);
  return done(
    text(t(key, { when, place, counsellor, topic: t(`resident:counsel.topics.${a.topic}`) })),
    mainMenu(t, ctx.person, [calendarChoice(t, `a_${a.id}`)]),
  );
}

async function book(ctx: FlowContext, d: Draft): Promise<Step> {
  if (!d.slotId || !d.topic) return pickSlot(ctx, {});
  try {
    const a = await ctx.services.appointments.book({ slotId: d.slotId, personId: ctx.person.id, topic: d.topic, note: d.note });
    return confirmation(ctx, a, 'resident:counsel.booked');
  } catch (err) {
    if (isDomainError(err, 'slot.taken')) return pickSlot(ctx, { topic: d.topic, note: d.note }, ctx.t('errors:slot.taken'));
    throw err;
  }
}

function askTopic(ctx: FlowContext, d: Draft): Step {
  const { t } = ctx;
  return waitFor(
    'topic',
    { ...d },
    choices(
      t('resident:counsel.topic_question'),
      TOPICS.map((topic) => choice(t(`resident:counsel.topics.${topic}`), `counsel.topic|${topic}`)),
    ),
  );
}

function askConfirm(ctx: FlowContext, d: Draft): Step {
  const { t } = ctx;
  return waitForAnswer(
    'confirm',
    'yesno',
    { ...d },
    text(t('resident:counsel.confidential')),
    choices(t('resident:counsel.confirm_question'), [choice(t('resident:counsel.confirm'), 'counsel.confirm'), choice(t('common:cancel'), 'counsel.abort')]),
  );
}

/** "Flyt min tid", "أريد تغيير موعدي": the one appointment is moved at once; several are chosen from. */
async function moveStart(ctx: FlowContext, u?: Understanding): Promise<Step> {
  const { t, language } = ctx;
  const appointments = await ctx.services.appointments.upcomingFor(ctx.person.id);
  // No appointment, or a dinner named: it is a sign-up that moves.
  if (appointments.length === 0 || u?.details.category === 'dinner') {
    const step = await moveSignUp(ctx, u);
    if (step) return step;
  }
  const only = appointments.length === 1 ? appointments[0] : undefined;
  if (only) {
    // "flyt den til tirsdag kl 16": the times that fit the words are offered first.
    const typed = ctx.message && u ? await typedSlot(ctx, { moving: only.id }, ctx.message, u) : null;
    if (typed && !('slotId' in typed)) return typed;
    return pickSlot(ctx, { moving: only.id }, t('resident:counsel.move_intro'));
  }
  if (appointments.length === 0) {
    return done(
      text(t('resident:counsel.move_none')),
      choices(t('common:what_next'), [
        choice(t('common:menu.counselling'), 'counsel.pick'),
        choice(t('common:menu.bookings'), 'bookings.list'),
        choice(t('common:menu.title'), 'welcome.menu'),
      ]),
    );
  }
  const booked = appointments.map((a) => a.slot);
  const shown = await slotsForReader(ctx, booked);
  return done(
    choices(
      t('resident:counsel.move_which'),
      shown.map((s, i) => choice(slotButton(s, language), `counsel.move|${appointments[i]?.id}`)),
    ),
  );
}

const askNote = (ctx: FlowContext, d: Draft): Step =>
  waitForText('note', { ...d }, choices(ctx.t('resident:counsel.note_question'), [choice(ctx.t('resident:counsel.no_note'), 'counsel.note')]));

/** "tilbage" at a question: the one before it, its answer taken out of the draft; the time is the first question. */
async function stepBack(ctx: FlowContext, step: string): Promise<Step | null> {
  const d = ctx.data as Draft;
  switch (step) {
    case 'topic':
      return pickSlot(ctx, { ...d, slotId: undefined });
    case 'note':
      return askTopic(ctx, { ...d, topic: undefined, note: undefined });
    case 'confirm':
      return askNote(ctx, { ...d, note: undefined });
    default:
      return null;
  }
}

export const counsellingFlow: Flow = {
  name: 'counsel',
  roles: RESIDENT_ROLES,
  intents: ['book_counselling', 'move_booking'],
  needsConsent: true,
  start: (ctx, u) => (u?.intent === 'move_booking' ? moveStart(ctx, u) : startBooking(ctx, u)),
  back: stepBack,
  async resume(ctx, input) {
    const d = ctx.data as Draft;
    const { t } = ctx;
    if (input.kind === 'text') {
      const u = input.understanding;
      if (u.intent === 'no' && input.step !== 'note') return done(text(t('resident:counsel.aborted')), mainMenu(t, ctx.person));
      if (input.step === 'note') return askConfirm(ctx, { ...d, note: input.text.slice(0, 500) });
      if (input.step === 'topic' && u.details.topic)
        return waitForText(
          'note',
          { ...d, topic: u.details.topic },
          choices(t('resident:counsel.note_question'), [choice(t('resident:counsel.no_note'), 'counsel.note')]),
        );
      if (input.step === 'confirm' && u.intent === 'yes') return book(ctx, d);
      // "kan jeg tage en anden tid?" before the booking is made: the times again, the topic and note kept.
      if (input.step === 'confirm' && u.intent === 'move_booking' && !d.moving) return pickSlot(ctx, { topic: d.topic, note: d.note });
      // An answer not understood asks the same question again; the chosen time is kept.
      if (input.step === 'topic') return askTopic(ctx, d);
      if (input.step === 'confirm') return askConfirm(ctx, d);
      if (input.step === 'slot') {
        const typed = await typedSlot(ctx, d, input.text, u);
        if (typed && 'slotId' in typed) {
          // The time read from words is said back, so a misreading shows before anything is booked.
          const picked = await this.resume(ctx, { kind: 'action', step: d.moving ? 'moveto' : 'slot', arg: typed.slotId });
          return d.moving ? picked : { ...picked, replies: [text(t('resident:counsel.chosen', { when: typed.when })), ...picked.replies] };
        }
        if (typed) return typed;
      }
      return pickSlot(ctx, d);
    }
    switch (input.step) {
      case 'pick':
        return pickSlot(ctx, {});
      case 'slot': {
        const next = { ...d, slotId: input.arg };
        return next.topic
          ? waitForText('note', next, choices(t('resident:counsel.note_question'), [choice(t('resident:counsel.no_note'), 'counsel.note')]))
          : askTopic(ctx, next);
      }
      case 'topic':
        return waitForText(
          'note',
          { ...d, topic: input.arg },
          choices(t('resident:counsel.note_question'), [choice(t('resident:counsel.no_note'), 'counsel.note')]),
        );
      case 'note':
        return askConfirm(ctx, d);
      case 'confirm':
        return book(ctx, d);
      case 'abort':
        return done(text(t('resident:counsel.aborted')), mainMenu(t, ctx.person));
      case 'move':
        return pickSlot(ctx, { moving: input.arg }, t('resident:counsel.move_intro'));
      case 'moveto': {
        if (!d.moving) return pickSlot(ctx, {});
        const a = await ctx.services.appointments.reschedule({ appointmentId: d.moving, newSlotId: input.arg ?? '', personId: ctx.person.id });
        return confirmation(ctx, a, 'resident:counsel.moved');
      }
      default:
        return pickSlot(ctx, {});
    }
  },
};
