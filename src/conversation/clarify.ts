/**
 * Doubt becomes a question: "Mente du: Tilmeld fællesspisning · Se aktiviteter?" with one button
 * per intent the reader could not choose between ("clarify.pick|<intent>"), and the checks the
 * engine makes on text sent to a waiting flow (a way out, an answer to the question asked).
 */
import type { Translate } from '../i18n/i18n';
import { isBack, isExit, readCount } from '../nlu/answers';
import { clockTimes } from '../nlu/clock';
import { fold } from '../nlu/text';
import { INTENTS, type Intent, type Understanding } from '../nlu/understanding';
import type { Language } from '../plan-data/plan-file';
import { choice, type Reply } from './replies';
import type { ConversationState } from './state-store';

/** The flow name of clarification buttons; not a real flow, the engine answers them. */
export const CLARIFY = 'clarify';

// The button label of each intent that can be offered; the menu's own words where it has them.
const LABELS: Partial<Record<Intent, string>> = {
  find_activities: 'common:menu.activities',
  sign_up: 'common:menu.dinner',
  book_counselling: 'common:menu.counselling',
  my_bookings: 'common:menu.bookings',
  set_area: 'common:menu.area',
  talk_to_person: 'common:menu.person',
  change_language: 'common:menu.language',
  my_data: 'common:menu.my_data',
  help: 'common:clarify.help',
  cancel_booking: 'common:clarify.cancel_booking',
  cancel_event: 'common:clarify.cancel_event',
  move_booking: 'common:clarify.move_booking',
  delete_my_data: 'common:clarify.delete_my_data',
  reminders_off: 'common:clarify.reminders_off',
  reminders_on: 'common:clarify.reminders_on',
  log_delivery: 'common:menu.log_delivery',
  upcoming_events: 'common:menu.events',
  take_attendance: 'common:menu.attendance',
  create_event: 'common:menu.create_event',
  create_slots: 'common:menu.create_slots',
  handovers: 'common:menu.handovers',
  progress: 'common:menu.progress',
  register_measurement: 'common:menu.measurement',
};

/** The intents among `options` this person may be offered (labelled, allowed for the role). */
export function offerable(options: readonly Intent[], allowed: (i: Intent) => boolean): Intent[] {
  return options.filter((i) => LABELS[i] !== undefined && allowed(i));
}

/** "Did you mean: …?" with a button per intent and one for the menu. */
export function clarifyReply(t: Translate, options: readonly Intent[]): Reply {
  return {
    kind: 'choices',
    text: t('common:clarify.question'),
    choices: [...options.map((i) => choice(t(LABELS[i] as string), `${CLARIFY}.pick|${i}`)), choice(t('common:menu.title'), 'welcome.menu')],
  };
}

/** The intent a clarification button names, or undefined for anything else. */
export function pickedIntent(arg: string | undefined): Intent | undefined {
  return (INTENTS as readonly string[]).includes(arg ?? '') && arg !== 'unknown' ? (arg as Intent) : undefined;
}

/** What is kept while the question is open: the message, read again for the intent chosen, and the intents offered. */
export function clarifyData(message: string, options: readonly Intent[]): Record<string, unknown> {
  return { message, options: [...options] };
}

/**
 * A typed answer to "Did you mean …?": "ja" takes the one intent offered (with several, a yes names none of them),
 * "nej" declines them all (the menu follows). Undefined when the message is neither or no question is open.
 */
export function typedClarification(state: ConversationState, u: Understanding): { pick: Intent } | 'declined' | undefined {
  if (state.flow !== CLARIFY || !Array.isArray(state.data.options)) return undefined;
  const offered = (state.data.options as unknown[]).map((o) => pickedIntent(typeof o === 'string' ? o : undefined)).filter((i) => i !== undefined);
  if (u.intent === 'no') return 'declined';
  if (u.intent === 'yes' && offered.length === 1) return { pick: offered[0] as Intent };
  return undefined;
}

/** The message read again as the chosen intent, so the chosen flow gets its details (days read in its direction). */
export function keptReading(state: ConversationState, intent: Intent, reread: (message: string, intent: Intent) => Understanding): Understanding {
  const message = state.flow === CLARIFY && typeof state.data.message === 'string' ? state.data.message : undefined;
  return message ? reread(message, intent) : { intent, confidence: 1, details: { numbers: [] } };
}

/** Whether text sent to a waiting flow answers what it asked ("tre voksne" at a count, "ja" at a yes/no). */
export function answersStep(state: ConversationState, message: string, language: Language, u: Understanding): boolean {
  if (state.expects === 'count')
    return readCount(message, language, u, 'adults').kind !== 'none' || readCount(message, language, u, 'children').kind !== 'none';
  if (state.expects === 'yesno') return u.intent === 'yes' || u.intent === 'no';
  if (state.expects === 'time') return clockTimes(message, language).length > 0;
  return false;
}

/** The action of the menu button whose label the message is (folded: case, accents, æ/ae), if any. */
export function menuLabel(menu: Reply, message: string): string | undefined {
  return menu.kind === 'choices' ? labelled(menu.choices, message) : undefined;
}

/** The action of the button whose label the message is (folded: case, accents, æ/ae; end punctuation left out), if any. */
export function labelled(buttons: readonly { label: string; action: string }[], message: string): string | undefined {
  const typed = fold(message.trim().replace(/[.!?]+$/, ''));
  return buttons.find((c) => fold(c.label) === typed)?.action;
}

export { isBack, isExit };
