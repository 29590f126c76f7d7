/**
 * Leverancer from one message ("fællesspisning i dag 34 deltagere 2 frivillige"): the activity is
 * matched in the current plan, words that do not name it ("Vangdalen") become the note, and what is
 * missing is asked one thing at a time. A missing date is taken as today and shown in the summary,
 * which is confirmed before saving: most deliveries are logged the same day, and the summary's
 * "Ret" button is one tap away when it was yesterday. Also: the menu's form, undo and correct the
 * last delivery, each after a confirmation. Volunteer hours go with the volunteers ("4 frivillige
 * 12 timer"), read from the message itself since the reader counts people, not hours.
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type FormField, type Reply } from '../../conversation/replies';
import { done, STAFF_ROLES, waitFor, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { isDomainError } from '../../errors/domain-error';
import type { DeliveryPatch, DeliveryView } from '../../deliveries/delivery-service';
import { formatCalendarDay } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import type { ActivityCard } from '../../catalogue/catalogue-service';
import { compactText } from '../../text/normalize';
import { addDays, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';
import { activityOptions, formAgain, isDay, todayOf, wholeNumber } from './create-flow';
import { formatNumber } from '../../i18n/format';
import { hoursIn, typedHours, withoutHourWords } from '../../deliveries/volunteer-hours';

const COUNTS = ['participants', 'newParticipants', 'volunteers'] as const;
type CountField = (typeof COUNTS)[number];
const MAX_COUNT = 500;

interface Draft {
  activityId?: string;
  date?: string;
  participants?: number;
  newParticipants?: number;
  volunteers?: number;
  volunteerHours?: number;
  note?: string;
  /** What the message said the activity was, to find the note once the activity is chosen. */
  said?: string;
  lastId?: string;
  patch?: Partial<Record<CountField | 'volunteerHours', number>>;
}

/** Hours as a form field reads them ("3,5"); undefined when blank, null when not hours. */
function formHours(raw: string | undefined): number | null | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return typedHours(raw);
}

/** A count typed as an answer: the word-bound count, else the only number. */
function typedCount(raw: string, u: Understanding, field: CountField): number | null {
  const n = u.details[field] ?? u.details.numbers[0] ?? u.details.participants ?? (/^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= MAX_COUNT ? n : null;
}

/** A typed day: the reader's date, YYYY-MM-DD, or "17/11" (this year, last year if that is ahead). */
function typedDay(raw: string, u: Understanding, today: string): string | null {
  if (u.details.date) return u.details.date;
  if (isDay(raw.trim())) return raw.trim();
  const m = /^\s*(\d{1,2})[./](\d{1,2})\.?\s*$/.exec(raw);
  if (!m) return null;
  const year = Number(today.slice(0, 4));
  const day = (y: number): string => `${y}-${String(m[2]).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`;
  const guess = day(year) > today ? day(year - 1) : day(year);
  return isDay(guess) ? guess : null;
}

/** The words of `said` that do not help name the activity: a place, a group ("Vangdalen"). */
async function leftover(ctx: FlowContext, said: string, a: ActivityCard): Promise<string | undefined> {
  const rest: string[] = [];
  for (const word of said.split(/\s+/).filter((w) => compactText(w).length >= 3)) {
    if (compactText(a.title).includes(compactText(word))) continue;
    const hits = await ctx.services.catalogue.findActivities({ planId: a.planId, text: word }, ctx.language);
    if (!hits.some((h) => h.id === a.id)) rest.push(word);
  }
  return rest.join(' ') || undefined;
}

async function chooseActivity(ctx: FlowContext, d: Draft, a: ActivityCard): Promise<Step> {
  const note = d.note ?? (d.said ? await leftover(ctx, d.said, a) : undefined);
  return askNext(ctx, { ...d, activityId: a.id, note, said: undefined }, a);
}

/**
 * Matches what was said against the plan its date belongs to (back-filled lists count towards the
 * plan of their year; no date: the current plan); asks when nothing or several activities fit.
 */
async function matchActivity(ctx: FlowContext, d: Draft, said: string | undefined): Promise<Step> {
  const { t } = ctx;
  const planId = d.date && isDay(d.date) ? (await ctx.services.progress.planOn(parseCalendarDate(d.date)))?.id : undefined;
  const hits = said ? await ctx.services.catalogue.findActivities({ planId, text: said }, ctx.language) : [];
  const exact = hits.find((h) => compactText(h.title) === compactText(said ?? ''));
  const only = hits.length === 1 ? hits[0] : exact;
  if (only) return chooseActivity(ctx, { ...d, said }, only);
  const list = hits.length ? hits.slice(0, 8).map((h) => ({ label: h.title, value: h.id })) : await activityOptions(ctx, 12);
  const question = hits.length
    ? t('staff:delivery.several', { text: said ?? '' })
    : said
      ? t('staff:delivery.no_match', { text: said })
      : t('staff:delivery.which_activity');
  return waitFor(
    'activity',
    { ...d, said: hits.length ? said : undefined },
    choices(
      question,
      list.map((o) => choice(o.label, `delivery.activity|${o.value}`)),
    ),
  );
}

/** What the delivery turns use of an activity. */
type ActivityBrief = Pick<ActivityCard, 'id' | 'planId' | 'title'>;

/** The draft's activity: `known` when the turn already read it, else its plan and title from the catalogue. */
async function draftActivity(ctx: FlowContext, activityId: string, known?: ActivityBrief): Promise<ActivityBrief> {
  return known?.id === activityId ? known : ctx.services.catalogue.activityBrief(activityId, ctx.language);
}

async function askCount(ctx: FlowContext, d: Draft, field: CountField | 'volunteerHours', known?: ActivityBrief): Promise<Step> {
  const activity = d.activityId ? (await draftActivity(ctx, d.activityId, known)).title : '';
  return waitFor(field, { ...d }, text(ctx.t(`staff:delivery.ask_${field}`, { activity })));
}

async function askNext(ctx: FlowContext, d: Draft, known?: ActivityBrief): Promise<Step> {
  if (!d.activityId) return matchActivity(ctx, d, undefined);
  if (d.participants === undefined) return askCount(ctx, d, 'participants', known);
  return summary(ctx, { ...d, date: d.date ?? todayOf(ctx) }, undefined, known);
}

/** "18. november 2025 (i dag)". */
function dayText(ctx: FlowContext, day: string): string {
  const today = todayOf(ctx);
  const rel =
    day === today
      ? ` (${ctx.t('staff:delivery.today')})`
      : day === formatCalendarDate(addDays(parseCalendarDate(today), -1))
        ? ` (${ctx.t('staff:delivery.yesterday')})`
        : '';
  return formatCalendarDay(parseCalendarDate(day), ctx.language) + rel;
}

async function summary(ctx: FlowContext, d: Draft, problem?: string, known?: ActivityBrief): Promise<Step> {
  const { t } = ctx;
  const a = await draftActivity(ctx, d.activityId ?? '', known);
  const show = (n: number | undefined): string | number => n ?? '—';
  const lines = t('staff:delivery.summary', {
    activity: a.title,
    date: dayText(ctx, d.date ?? todayOf(ctx)),
    participants: show(d.participants),
    newParticipants: show(d.newParticipants),
    volunteers:
      d.volunteerHours === undefined
        ? show(d.volunteers)
        : t('staff:delivery.volunteers_hours', { volunteers: show(d.volunteers), hours: formatNumber(d.volunteerHours, ctx.language) }),
    note: d.note ?? '—',
  });
  return waitFor(
    'confirm',
    { ...d },
    ...(problem ? [text(problem)] : []),
    text(`${t('staff:delivery.understood')}\n${lines}`),
    choices(t('staff:delivery.confirm_question'), [
      choice(t('staff:delivery.save'), 'delivery.save'),
      choice(t('staff:delivery.change'), 'delivery.change'),
      choice(t('common:cancel'), 'delivery.abort'),
    ]),
  );
}

/** "Fællesspisning 18. november 2025, 34 deltagere". */
async function describe(ctx: FlowContext, v: Pick<DeliveryView, 'activityId' | 'date' | 'participants'>, known?: ActivityBrief): Promise<string> {
  const a = await draftActivity(ctx, v.activityId, known);
  return ctx.t('staff:delivery.what', { activity: a.title, date: formatCalendarDay(v.date, ctx.language), count: v.participants });
}

async function saved(ctx: FlowContext, v: DeliveryView, known?: ActivityBrief): Promise<Step> {
  const { t } = ctx;
  return done(
    text(t('staff:delivery.saved', { what: await describe(ctx, v, known) })),
    choices(t('common:what_next'), [
      choice(t('staff:delivery.undo_button'), `delivery.undo|${v.id}`),
      choice(t('staff:delivery.another'), 'delivery.ask'),
      choice(t('common:menu.title'), 'welcome.menu'),
    ]),
  );
}

async function save(ctx: FlowContext, d: Draft): Promise<Step> {
  if (!d.activityId || d.participants === undefined) return askNext(ctx, d);
  const a = await ctx.services.catalogue.activityBrief(d.activityId, ctx.language);
  try {
    const v = await ctx.services.deliveries.log({
      planId: a.planId,
      activityId: a.id,
      date: parseCalendarDate(d.date ?? todayOf(ctx)),
      kind: await ctx.services.indicators.deliveryKindFor(a.id),
      participants: d.participants,
      newParticipants: d.newParticipants,
      volunteers: d.volunteers,
      volunteerHours: d.volunteerHours,
      note: d.note,
      loggedById: ctx.person.id,
      channel: ctx.channel,
      plan: a.plan,
    });
    return saved(ctx, v, a);
  } catch (err) {
    // A wrong date or count: keep the draft so it can be corrected with "Ret".
    if (isDomainError(err)) return summary(ctx, d, ctx.t(`errors:${err.code}`, err.params), a);
    throw err;
  }
}

function askChange(ctx: FlowContext, d: Draft): Step {
  const { t } = ctx;
  const fields = ['activity', 'date', ...COUNTS, 'volunteerHours', 'note'];
  return waitFor(
    'confirm',
    { ...d },
    choices(
      t('staff:delivery.what_to_change'),
      fields.map((f) => choice(t(`staff:field.${f}`), `delivery.edit|${f}`)),
    ),
  );
}

function edit(ctx: FlowContext, d: Draft, field: string): Promise<Step> | Step {
  const { t } = ctx;
  if (field === 'activity') return matchActivity(ctx, { ...d, activityId: undefined }, undefined);
  if ((COUNTS as readonly string[]).includes(field) || field === 'volunteerHours') return askCount(ctx, d, field as CountField | 'volunteerHours');
  if (field === 'note') return waitForText('note', { ...d }, text(t('staff:delivery.ask_note')));
  const today = parseCalendarDate(todayOf(ctx));
  const days = [0, 1, 2].map((n) => formatCalendarDate(addDays(today, -n)));
  return waitFor(
    'date',
    { ...d },
    choices(
      t('staff:delivery.ask_date'),
      days.map((day) => choice(dayText(ctx, day), `delivery.date|${day}`)),
    ),
  );
}

// ---------------------------------------------------------------- undo and correct

async function askUndo(ctx: FlowContext): Promise<Step> {
  const { t } = ctx;
  const last = await ctx.services.deliveries.lastLoggedBy(ctx.person.id);
  if (!last) return done(text(t('staff:delivery.none_to_undo')), mainMenu(t, ctx.person));
  return waitFor(
    'undo',
    { lastId: last.id },
    choices(t('staff:delivery.undo_question', { what: await describe(ctx, last) }), [
      choice(t('staff:delivery.undo_yes'), `delivery.undo|${last.id}`),
      choice(t('common:cancel'), 'delivery.abort'),
    ]),
  );
}

async function undo(ctx: FlowContext, id: string): Promise<Step> {
  const v = await ctx.services.deliveries.undo(id, ctx.person.id, ctx.person.role);
  return done(text(ctx.t('staff:delivery.undone', { what: await describe(ctx, v) })), mainMenu(ctx.t, ctx.person));
}

async function askCorrect(ctx: FlowContext, u?: Understanding): Promise<Step> {
  const { t } = ctx;
  const patch: NonNullable<Draft['patch']> = {};
  for (const f of COUNTS) if (u?.details[f] !== undefined) patch[f] = u.details[f];
  const hours = ctx.message ? hoursIn(ctx.message) : undefined;
  if (hours !== undefined) patch.volunteerHours = hours;
  // "ret sidste til 36": a bare number is the participants.
  if (Object.keys(patch).length === 0 && u?.details.numbers.length === 1) patch.participants = u.details.numbers[0];
  if (Object.keys(patch).length === 0) return done(text(t('staff:delivery.correct_how')));
  const last = await ctx.services.deliveries.lastLoggedBy(ctx.person.id);
  if (!last) return done(text(t('staff:delivery.none_to_undo')), mainMenu(t, ctx.person));
  const changes = Object.entries(patch)
    .map(([f, n]) => `${t(`staff:field.${f}`)}: ${last[f as CountField | 'volunteerHours'] ?? '—'} → ${n}`)
    .join(', ');
  return waitFor(
    'correct',
    { lastId: last.id, patch },
    choices(t('staff:delivery.correct_question', { what: await describe(ctx, last), changes }), [
      choice(t('staff:delivery.correct_yes'), 'delivery.correct'),
      choice(t('common:cancel'), 'delivery.abort'),
    ]),
  );
}

async function correct(ctx: FlowContext, d: Draft): Promise<Step> {
  if (!d.lastId || !d.patch) return askCorrect(ctx);
  const v = await ctx.services.deliveries.correct(d.lastId, d.patch as DeliveryPatch, ctx.person.id, ctx.person.role);
  return done(text(ctx.t('staff:delivery.corrected', { what: await describe(ctx, v) })), mainMenu(ctx.t, ctx.person));
}

// ---------------------------------------------------------------- the menu's form

async function form(ctx: FlowContext, values: Record<string, string>): Promise<Reply> {
  const { t } = ctx;
  const fields: FormField[] = [
    { name: 'activity', label: t('staff:field.activity'), type: 'choice', required: true, options: await activityOptions(ctx), value: values['activity'] },
    { name: 'date', label: t('staff:field.date'), type: 'date', required: true, value: values['date'] ?? todayOf(ctx) },
    { name: 'participants', label: t('staff:field.participants'), type: 'number', required: true, min: 0, max: MAX_COUNT, value: values['participants'] },
    { name: 'newParticipants', label: t('staff:field.newParticipants'), type: 'number', min: 0, max: MAX_COUNT, value: values['newParticipants'] },
    { name: 'volunteers', label: t('staff:field.volunteers'), type: 'number', min: 0, max: MAX_COUNT, value: values['volunteers'] },
    { name: 'volunteerHours', label: t('staff:field.volunteerHours'), type: 'number', min: 0, max: 2400, value: values['volunteerHours'] },
    { name: 'note', label: t('staff:field.note'), type: 'text', value: values['note'] },
  ];
  return { kind: 'form', text: t('staff:delivery.form_title'), submit: choice(t('staff:delivery.save'), 'delivery.submit'), fields };
}

async function submit(ctx: FlowContext, values: Record<string, string>): Promise<Step> {
  const { t } = ctx;
  const problems: string[] = [];
  const counts: Partial<Record<CountField, number>> = {};
  if (!values['activity']) problems.push(t('staff:form.choose', { field: t('staff:field.activity') }));
  if (!isDay(values['date'])) problems.push(t('staff:form.date', { field: t('staff:field.date') }));
  for (const f of COUNTS) {
    const n = wholeNumber(values[f], 0, MAX_COUNT);
    if (n === null || (n === undefined && f === 'participants'))
      problems.push(t('staff:form.number', { field: t(`staff:field.${f}`), min: 0, max: MAX_COUNT }));
    else if (n !== undefined) counts[f] = n;
  }
  const hours = formHours(values['volunteerHours']);
  if (hours === null) problems.push(t('staff:form.number', { field: t('staff:field.volunteerHours'), min: 0, max: 2400 }));
  if (problems.length || counts.participants === undefined) return formAgain(ctx, problems, await form(ctx, values));
  try {
    const a = await ctx.services.catalogue.activity(values['activity'] ?? '', ctx.language);
    const v = await ctx.services.deliveries.log({
      planId: a.planId,
      activityId: a.id,
      date: parseCalendarDate(values['date'] ?? ''),
      kind: await ctx.services.indicators.deliveryKindFor(a.id),
      participants: counts.participants,
      newParticipants: counts.newParticipants,
      volunteers: counts.volunteers,
      volunteerHours: hours ?? undefined,
      note: values['note'],
      loggedById: ctx.person.id,
      channel: ctx.channel,
    });
    return saved(ctx, v);
  } catch (err) {
    if (isDomainError(err)) return formAgain(ctx, [t(`errors:${err.code}`, err.params)], await form(ctx, values));
    throw err;
  }
}

// ---------------------------------------------------------------- the flow

function fromMessage(ctx: FlowContext, u?: Understanding): Promise<Step> {
  const x = u?.details;
  // "12 timer" are the volunteers' hours: that number is no one's count, and "timer" names no activity.
  const volunteerHours = ctx.message ? hoursIn(ctx.message) : undefined;
  const numbers = (x?.numbers ?? []).filter((n) => n !== volunteerHours);
  // A lone number nobody claimed ("fællesspisning 34") is the participants; the summary shows it.
  const participants = x?.participants ?? (numbers.length === 1 ? numbers[0] : undefined);
  const said = x?.activityText ? withoutHourWords(x.activityText) : undefined;
  return matchActivity(ctx, { date: x?.date, participants, newParticipants: x?.newParticipants, volunteers: x?.volunteers, volunteerHours }, said || undefined);
}

async function readText(ctx: FlowContext, d: Draft, step: string, raw: string, u: Understanding): Promise<Step> {
  const { t } = ctx;
  switch (step) {
    case 'activity':
      // "ja", "ok", "tak" at the list names no activity: the question is asked again, not "I cannot find 'ja'".
      if (!u.details.activityText && ['yes', 'thanks', 'greet'].includes(u.intent)) return matchActivity(ctx, d, undefined);
      return matchActivity(ctx, d, u.details.activityText ?? raw.trim());
    case 'participants':
    case 'newParticipants':
    case 'volunteers': {
      const n = typedCount(raw, u, step);
      return n === null ? waitFor(step, { ...d }, text(t('staff:delivery.number_please'))) : askNext(ctx, { ...d, [step]: n });
    }
    case 'volunteerHours': {
      const hours = typedHours(raw) ?? hoursIn(raw) ?? null;
      return hours === null ? waitFor(step, { ...d }, text(t('staff:delivery.number_please'))) : askNext(ctx, { ...d, volunteerHours: hours });
    }
    case 'date': {
      const day = typedDay(raw, u, todayOf(ctx));
      return day ? askNext(ctx, { ...d, date: day }) : waitFor('date', { ...d }, text(t('staff:delivery.date_please')));
    }
    case 'note':
      return askNext(ctx, { ...d, note: /^\s*-?\s*$/.test(raw) ? undefined : raw.trim().slice(0, 1000) });
    case 'confirm': {
      if (u.intent === 'yes') return save(ctx, d);
      // "nej, 36 deltagere": take the new numbers and show the summary again. A lone number said as a correction
      // ("ups det var 43", "43 ikke 34" has two) is the number of participants, the count a log is about.
      const x = u.details;
      const counted = [x.participants, x.newParticipants, x.volunteers].some((v) => v !== undefined);
      const lone = !counted && x.numbers.length === 1 && Number.isInteger(x.numbers[0]) ? x.numbers[0] : undefined;
      return summary(ctx, {
        ...d,
        date: x.date ?? d.date,
        participants: x.participants ?? lone ?? d.participants,
        newParticipants: x.newParticipants ?? d.newParticipants,
        volunteers: x.volunteers ?? d.volunteers,
        volunteerHours: hoursIn(raw) ?? d.volunteerHours,
      });
    }
    case 'undo':
      return u.intent === 'yes' && d.lastId ? undo(ctx, d.lastId) : done(text(t('staff:delivery.kept')), mainMenu(t, ctx.person));
    case 'correct':
      return u.intent === 'yes' ? correct(ctx, d) : done(text(t('staff:delivery.kept')), mainMenu(t, ctx.person));
    default:
      return fromMessage(ctx, u);
  }
}

export const deliveryFlow: Flow = {
  name: 'delivery',
  roles: STAFF_ROLES,
  intents: ['log_delivery', 'undo_delivery', 'correct_delivery'],
  start(ctx, u) {
    if (u?.intent === 'undo_delivery') return askUndo(ctx);
    if (u?.intent === 'correct_delivery') return askCorrect(ctx, u);
    return fromMessage(ctx, u);
  },
  async resume(ctx, input) {
    const d = ctx.data as Draft;
    const { t } = ctx;
    if (input.kind === 'text') {
      const u = input.understanding;
      const x = u.details;
      const newNumbers = [x.participants, x.newParticipants, x.volunteers, x.date].some((v) => v !== undefined);
      // "nej" ends it, but "nej, 36 deltagere" on the summary is a correction.
      if (u.intent === 'no' && input.step !== 'note' && !(input.step === 'confirm' && newNumbers)) {
        return done(text(t(d.lastId ? 'staff:delivery.kept' : 'staff:delivery.aborted')), mainMenu(t, ctx.person));
      }
      // A new log message while a draft is open starts over from that message.
      if (u.intent === 'log_delivery' && u.details.activityText && input.step !== 'activity') return fromMessage(ctx, u);
      return readText(ctx, d, input.step, input.text, u);
    }
    switch (input.step) {
      case 'ask':
        return done(await form(ctx, {}));
      case 'submit':
        return submit(ctx, input.values ?? {});
      case 'activity':
        return chooseActivity(ctx, d, await ctx.services.catalogue.activity(input.arg ?? '', ctx.language));
      case 'date':
        return isDay(input.arg) ? askNext(ctx, { ...d, date: input.arg }) : edit(ctx, d, 'date');
      case 'edit':
        return edit(ctx, d, input.arg ?? '');
      case 'change':
        return d.activityId ? askChange(ctx, d) : askNext(ctx, d);
      case 'save':
        return save(ctx, d);
      case 'undo':
        return undo(ctx, input.arg ?? '');
      case 'correct':
        return correct(ctx, d);
      case 'abort':
        return done(text(t(d.lastId ? 'staff:delivery.kept' : 'staff:delivery.aborted')), mainMenu(t, ctx.person));
      default:
        return done(await form(ctx, {}));
    }
  },
};
