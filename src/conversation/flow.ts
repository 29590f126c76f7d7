/**
 * A flow is one capability of the conversation (sign up for a dinner, log a delivery…). It starts
 * from an intent or a button and continues with button actions or typed text; between turns its
 * draft lives in the database (state-store.ts), never in memory.
 */
import type { Language } from '../plan-data/plan-file';
import type { Translate } from '../i18n/i18n';
import type { Understanding, Intent } from '../nlu/understanding';
import type { PersonView, Role } from '../people/people-service';
import type { Services } from '../services';
import type { Clock } from '../time/clock';
import type { Reply } from './replies';

/** What a flow may use during one turn. */
export interface FlowContext {
  person: PersonView;
  channel: string;
  language: Language;
  t: Translate;
  /** A translate function for another language (after the person changes language). */
  translatorFor(language: Language): Translate;
  /** Tells the engine the person chose another language, so the turn's replies are marked with it. */
  languageChanged(language: Language): void;
  services: Services;
  clock: Clock;
  /** The flow's draft from earlier turns ({} when starting). */
  data: Record<string, unknown>;
  /** Understands free text in the person's language (for flows that read typed answers). */
  understand(text: string): Understanding;
  /** The message that started the flow, as typed (a flow that reads more than the reader's details, like periods). */
  message?: string;
}

/** Input that continues a flow. */
export type FlowInput =
  { kind: 'action'; step: string; arg?: string; values?: Record<string, string> } | { kind: 'text'; step: string; text: string; understanding: Understanding };

/** A flow's answer: replies, and what it waits for next (null: the flow is done). */
export interface Step {
  replies: Reply[];
  /**
   * The step that reads the next typed text, with the draft to keep; null ends the flow.
   * `freeText`: the step takes whatever is typed (a question, a note), so the engine must not
   * read it as a request to start something else. `flow`: another flow takes over from here (see handOff).
   */
  next: { step: string; data: Record<string, unknown>; freeText?: boolean; expects?: Expectation; flow?: string } | null;
}

/**
 * The kind of answer a waiting step asked for. Text that reads as such an answer ("tre voksne",
 * "ja", "kl 15 på tirsdag" at a list of times) goes to the step, however else the reader could take it.
 */
export type Expectation = 'count' | 'yesno' | 'time';

export interface Flow {
  /** Short, used in actions ("signup.party|…"). */
  name: string;
  /** Who may use it; a resident never reaches a staff or coordinator flow. */
  roles: readonly Role[];
  /** Intents that start it from free text. */
  intents: readonly Intent[];
  /**
   * Other intents that, read while it waits, are answers to it rather than a new request: "kan vi tage onsdag i stedet"
   * at a sign-up's summary reads as moving a booking, but there is no booking yet, only the dinner being chosen.
   */
  answers?: readonly Intent[];
  /** Whether it stores personal data (needs consent first). */
  needsConsent?: boolean;
  start(ctx: FlowContext, understanding?: Understanding): Promise<Step>;
  resume(ctx: FlowContext, input: FlowInput): Promise<Step>;
  /**
   * "tilbage"/"back" typed at `step`: the previous question asked again, with what it answered taken
   * out of the draft; null when `step` has no previous question (then the words leave the flow).
   */
  back?(ctx: FlowContext, step: string): Promise<Step | null> | Step | null;
}

export const RESIDENT_ROLES: readonly Role[] = ['resident', 'staff', 'coordinator', 'admin'];
export const STAFF_ROLES: readonly Role[] = ['staff', 'coordinator', 'admin'];
export const COORDINATOR_ROLES: readonly Role[] = ['coordinator', 'admin'];

/** A finished step. */
export const done = (...replies: Reply[]): Step => ({ replies, next: null });
/** A step that waits for typed text at `step`. */
export const waitFor = (step: string, data: Record<string, unknown>, ...replies: Reply[]): Step => ({ replies, next: { step, data } });
/** A step that waits for a count or a yes/no: such an answer is never read as a new request. */
export const waitForAnswer = (step: string, expects: Expectation, data: Record<string, unknown>, ...replies: Reply[]): Step => ({
  replies,
  next: { step, data, expects },
});
/** A step that takes any typed text as its answer (a question, a note, an answer to a resident). */
export const waitForText = (step: string, data: Record<string, unknown>, ...replies: Reply[]): Step => ({ replies, next: { step, data, freeText: true } });

/** A step of another flow, returned by this one: the conversation continues in `flow` (a broadcast's "Tilmeld" goes on as a sign-up). */
export const handOff = (flow: string, step: Step): Step => (step.next ? { ...step, next: { ...step.next, flow } } : step);
