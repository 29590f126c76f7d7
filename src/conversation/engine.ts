/**
 * The conversation engine: one turn in, channel-neutral replies out. It identifies the person,
 * picks the language (stored choice → client language → Danish), routes buttons and free text to
 * flows, refuses what the person's role does not allow, keeps state in the database and answers
 * every error in the person's language.
 */
import { isDomainError } from '../errors/domain-error';
import { directionOf, LANGUAGE_NAMES, type Translations, type Translate } from '../i18n/i18n';
import type { Logger } from '../logging/logger';
import type { TurnMetrics, TurnOutcome } from '../metrics/metrics';
import { decide } from '../nlu/decision';
import { otherAlphabetLanguages } from '../nlu/script';
import { COORDINATOR_INTENTS, STAFF_INTENTS, type Intent, type Understanding } from '../nlu/understanding';
import { LANGUAGES, type Language } from '../plan-data/plan-file';
import type { KnownIdentity, PersonView } from '../people/people-service';
import type { Services } from '../services';
import { asksForSeries } from '../series/series-intent';
import type { Clock } from '../time/clock';
import { parseAction } from './actions';
import {
  answersStep,
  CLARIFY,
  clarifyData,
  clarifyReply,
  isBack,
  isExit,
  keptReading,
  labelled,
  menuLabel,
  offerable,
  pickedIntent,
  typedClarification,
} from './clarify';
import { STAFF_ROLES, type Flow, type FlowContext, type FlowInput, type Step } from './flow';
import { mainMenu } from './menu';
import { maskTurn } from './masked-turn';
import { choice, text, type Reply, type ReplyBatch } from './replies';
import type { ConversationState, StateStore } from './state-store';
import { EMPTY_STATE } from './state-store';
import { MAX_TEXT, type Turn } from './turn';

/** What the engine needs from the outside. */
export interface EngineDeps {
  services: Services;
  translations: Translations;
  clock: Clock;
  logger: Logger;
  /** Reads a message; `intent` fixes the intent when the person chose it ("did you mean" buttons). */
  understand(text: string, language: Language, now: Date, intent?: Intent): Understanding;
  flows: readonly Flow[];
  stateStore: StateStore;
  /** Counts turns per channel, their outcome and duration (bots/metrics); none when absent. */
  metrics?: TurnMetrics;
}

/** The language tag of a client ("ar-SA", "da") if it is one of ours. */
export function ourLanguage(tag: string | undefined): Language | undefined {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  if (base === 'prs') return 'fa';
  if (base === 'ku') return 'ckb';
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : undefined;
}

export class ConversationEngine {
  private readonly flowsByName: Map<string, Flow>;
  /** Languages chosen during a turn, keyed by that turn's person object (saves re-reading the person). */
  private readonly chosenLanguage = new WeakMap<PersonView, Language>();
  /** The state each turn loaded, keyed like chosenLanguage: a save that changes nothing is left out. */
  private readonly loadedState = new WeakMap<PersonView, ConversationState>();
  /** Where the last flow step run for a person left the conversation (a question asked again shows there). */
  private readonly lastNext = new WeakMap<PersonView, Step['next']>();

  constructor(private readonly deps: EngineDeps) {
    this.flowsByName = new Map(deps.flows.map((f) => [f.name, f]));
  }

  /**
   * Handles one turn; never throws for anything a person can type or press. `known` is the person's
   * identity as the channel already read it in this turn (PeopleService.lookUp), so it is not read twice.
   */
  async handle(turn: Turn, known?: KnownIdentity | null): Promise<ReplyBatch> {
    const ended = this.deps.metrics?.turnStarted(turn.channel);
    try {
      const { batch, outcome } = await this.answer(turn, known);
      ended?.(outcome);
      return batch;
    } catch (err) {
      ended?.('error');
      throw err;
    }
  }

  private async answer(turn: Turn, known: KnownIdentity | null | undefined): Promise<{ batch: ReplyBatch; outcome: TurnOutcome }> {
    const { services } = this.deps;
    let person = await services.people.identify(
      {
        channel: turn.channel,
        externalId: turn.externalId,
        firstName: turn.firstName,
        language: ourLanguage(turn.clientLanguage),
        role: turn.role,
        address: turn.address,
      },
      known,
    );
    if (turn.role && person.role !== turn.role) person = await services.people.setRole(person.id, turn.role);
    const log = this.deps.logger.child({ person: person.id, channel: turn.channel });
    try {
      // Id numbers never get further than this: masked, and the person told why.
      const { turn: safe, masked } = maskTurn(turn);
      const notice = masked ? [text(this.t(person)('common:id_number_masked'))] : [];
      const replies = [...notice, ...(await this.route(person, safe))];
      // The person may have changed language during the turn.
      const language = this.chosenLanguage.get(person) ?? person.language;
      return { batch: { language, direction: directionOf(language), replies }, outcome: 'ok' };
    } catch (err) {
      const t = this.deps.translations.translator(person.language);
      const replies = isDomainError(err)
        ? [text(t(`errors:${err.code}`, err.params)), mainMenu(t, person)]
        : (log.error('turn failed', { err, input: turn.input.kind }), [text(t('common:error.unexpected')), mainMenu(t, person)]);
      if (!isDomainError(err)) await this.deps.stateStore.save(person.id, turn.channel, EMPTY_STATE, this.loadedState.get(person));
      return { batch: { language: person.language, direction: directionOf(person.language), replies }, outcome: isDomainError(err) ? 'refused' : 'error' };
    }
  }

  private context(person: PersonView, channel: string, data: Record<string, unknown>): FlowContext {
    const language = person.language;
    return {
      person,
      channel,
      language,
      t: this.deps.translations.translator(language),
      translatorFor: (l) => this.deps.translations.translator(l),
      languageChanged: (l) => void this.chosenLanguage.set(person, l),
      services: this.deps.services,
      clock: this.deps.clock,
      data,
      understand: (s) => this.deps.understand(s, language, this.deps.clock.now()),
    };
  }

  private async route(person: PersonView, turn: Turn): Promise<Reply[]> {
    const store = this.deps.stateStore;
    const state = await store.load(person.id, turn.channel);
    this.loadedState.set(person, state);
    const input = turn.input;
    if (input.kind === 'start') {
      return this.run(person, turn.channel, 'welcome', (f, ctx) => f.resume(ctx, { kind: 'action', step: 'start', arg: input.payload }));
    }
    if (input.kind === 'action') {
      const a = parseAction(input.action);
      if (a?.flow === CLARIFY) return this.clarified(person, turn, state, pickedIntent(a.arg));
      const flow = a ? this.flowsByName.get(a.flow) : undefined;
      if (!a || !flow) return [text(this.t(person)('common:stale_button')), mainMenu(this.t(person), person)];
      const data = state.flow === flow.name ? state.data : {};
      const replies = await this.run(
        person,
        turn.channel,
        flow.name,
        (f, ctx) => f.resume(ctx, { kind: 'action', step: a.step, arg: a.arg, values: input.values }),
        data,
        input,
      );
      if (a.flow === 'welcome' && a.step === 'consent') return this.afterConsent(person, turn, state, replies);
      // Reading the privacy notice first keeps the request waiting for consent.
      if (a.flow === 'welcome' && a.step === 'privacy' && state.flow === 'consent') await this.deps.stateStore.save(person.id, turn.channel, state, state);
      return replies;
    }
    const raw = input.text.trim();
    const t = this.t(person);
    if (!raw) return [text(t('common:empty_message')), mainMenu(t, person)];
    const cut = raw.length > MAX_TEXT;
    const message = cut ? raw.slice(0, MAX_TEXT) : raw;
    // A menu label typed as it stands ("kommende arrangementer") does what its button does.
    // So does the label of a button the waiting question showed ("Gem" at "Skal jeg gemme leverancen?").
    const typedLabel = menuLabel(mainMenu(t, person), message) ?? (state.freeText ? undefined : labelled(state.offered ?? [], message));
    if (typedLabel && !(state.freeText && state.step)) return this.route(person, { ...turn, input: { kind: 'action', action: typedLabel } });
    const read = this.deps.understand(message, person.language, this.deps.clock.now());
    const switched = await this.inOwnAlphabet(person, state, message, read);
    if (switched) {
      // The reply says so, in the new language, and the turn goes on as if the person had chosen it.
      this.chosenLanguage.set(person, switched.language);
      const said = this.deps.translations.translator(switched.language)('common:language.changed', { language: LANGUAGE_NAMES[switched.language] });
      return [text(said), ...(await this.route(switched, turn))];
    }
    // Staff writing a season ("… hver torsdag kl. 17.30 …, fra 7. januar til 24. juni"), a change to one or a slot pattern mean it (src/series/series-intent.ts); residents are never read so.
    // Such a message is read by its own rules: the reader's other readings and second opinion are no doubt about it.
    const staff = STAFF_ROLES.includes(person.role);
    const u: Understanding =
      staff && asksForSeries(message)
        ? { ...read, intent: 'create_event', confidence: 1, alternatives: undefined, secondOpinion: undefined }
        : staff
          ? asStaff(read)
          : read;
    const prefix = cut ? [text(t('common:too_long', { max: MAX_TEXT }))] : [];
    // A flow waiting for typed text gets it, unless the person clearly asks for something else.
    const current = state.flow ? this.flowsByName.get(state.flow) : undefined;
    const waiting = current !== undefined && state.step !== null;
    // Before consent the consent question is the one open question: a typed yes or no answers it
    // (and a request that asked for it goes on after yes, as after the button).
    if (person.role === 'resident' && !person.consentAt && !waiting && (u.intent === 'yes' || u.intent === 'no')) {
      return [
        ...prefix,
        ...(await this.route(person, { ...turn, input: { kind: 'action', action: u.intent === 'yes' ? 'welcome.consent' : 'welcome.decline' } })),
      ];
    }
    // A step back where the flow has a previous question ("tilbage" at the children count asks the adults again).
    if (waiting && state.step && current.back && isBack(message, person.language)) {
      const previous = await current.back(this.context(person, turn.channel, state.data), state.step);
      const next = previous?.next;
      if (previous && next) {
        await store.save(
          person.id,
          turn.channel,
          { flow: current.name, step: next.step, data: next.data, freeText: next.freeText, expects: next.expects },
          state,
        );
        return [...prefix, ...previous.replies];
      }
    }
    // A way out of any flow, free-text steps included: nothing half-entered is kept or sent.
    // "fortryd" alone while something is half-entered takes it back: nothing of it is saved yet, so it leaves like "annuller"
    // (outside a flow the same word undoes the last saved delivery).
    const undoing = waiting && u.intent === 'undo_delivery' && !/\s/.test(message.trim()) && state.step !== 'undo';
    if ((isExit(message, person.language) && (waiting || !['reminders_off', 'reminders_on'].includes(u.intent))) || undoing) {
      await store.save(person.id, turn.channel, EMPTY_STATE, state);
      return [...prefix, text(t(waiting ? 'common:exit.done' : 'common:exit.nothing_open')), mainMenu(t, person)];
    }
    // "ja" or "nej" typed at "Did you mean …?" answers it: the one intent offered goes on, or the menu is shown.
    const clarification = typedClarification(state, u);
    if (clarification === 'declined') {
      await store.save(person.id, turn.channel, EMPTY_STATE, state);
      return [...prefix, mainMenu(t, person)];
    }
    if (clarification) return [...prefix, ...(await this.clarified(person, turn, state, clarification.pick))];
    const decision = decide(u, (i) => this.allowed(person, i));
    const answering = waiting && answersStep(state, message, person.language, u);
    const switching =
      !state.freeText &&
      !answering &&
      decision.kind === 'act' &&
      this.allowed(person, decision.intent) &&
      u.confidence >= 0.8 &&
      // A greeting in front of an answer ("god aften, onsdag passer") answers the question; it does not leave the flow.
      !['yes', 'no', 'unknown', 'thanks', 'greet'].includes(u.intent) &&
      !(current?.intents.includes(u.intent) ?? false) &&
      !(current?.answers?.includes(u.intent) ?? false);
    if (current && state.step && !switching) {
      const textInput: FlowInput = { kind: 'text', step: state.step, text: message, understanding: u };
      const replies = await this.run(person, turn.channel, current.name, (f, ctx) => f.resume(ctx, textInput), state.data);
      // A yes-or-no question met with neither, and asked again unchanged, says how to answer and how to leave
      // (a summary asked again because the words changed it, "uden svinekød", was answered).
      const again = this.lastNext.get(person);
      const unanswered =
        state.expects === 'yesno' &&
        !answering &&
        again?.step === state.step &&
        (again.flow ?? current.name) === current.name &&
        JSON.stringify(again.data) === JSON.stringify(state.data);
      return [...prefix, ...(unanswered ? [text(t('common:answer_yes_no'))] : []), ...replies];
    }
    if (decision.kind === 'ask') {
      const options = offerable(decision.options, (i) => this.allowed(person, i));
      if (options.length > 0) {
        await store.save(person.id, turn.channel, { flow: CLARIFY, step: null, data: clarifyData(message, options) }, state);
        return [...prefix, clarifyReply(t, options)];
      }
    }
    return [...prefix, ...(await this.startIntent(person, turn, u))];
  }

  /**
   * A resident's message in another alphabet than their language's (Arabic letters in a Danish
   * conversation, because the phone speaks Danish), that their language cannot make out but one of
   * that alphabet's languages reads clearly enough to act on: that language becomes theirs (stored,
   * as if chosen in the menu) and the person in it is returned. Never inside a question waiting for
   * an answer, where the flow reads the words itself.
   */
  private async inOwnAlphabet(person: PersonView, state: ConversationState, message: string, read: Understanding): Promise<PersonView | undefined> {
    if (person.role !== 'resident' || (state.flow !== null && state.step !== null)) return undefined;
    const candidates = otherAlphabetLanguages(message, person.language);
    if (candidates.length === 0 || decide(read, (i) => this.allowed(person, i)).kind === 'act') return undefined;
    const now = this.deps.clock.now();
    let best: { language: Language; confidence: number } | undefined;
    for (const language of candidates) {
      const u = this.deps.understand(message, language, now);
      const d = decide(u, (i) => this.allowed(person, i));
      if (d.kind !== 'act' || d.intent === 'unknown') continue;
      if (!best || u.confidence > best.confidence) best = { language, confidence: u.confidence };
    }
    if (!best) return undefined;
    return this.deps.services.people.setLanguage(person.id, best.language);
  }

  /** Whether the person's role may use an intent. */
  private allowed(person: PersonView, intent: Intent): boolean {
    if (STAFF_INTENTS.includes(intent) && person.role === 'resident') return false;
    return !(COORDINATOR_INTENTS.includes(intent) && !['coordinator', 'admin'].includes(person.role));
  }

  /** A clarification button: the chosen intent's flow starts with the details of the reading asked about. */
  private async clarified(person: PersonView, turn: Turn, state: ConversationState, intent: Intent | undefined): Promise<Reply[]> {
    const t = this.t(person);
    if (!intent) return [text(t('common:stale_button')), mainMenu(t, person)];
    // The message asked about goes on to the flow too, as if typed now (hours, periods and plan names are read from it).
    const kept = state.flow === CLARIFY && typeof state.data.message === 'string' ? state.data.message : undefined;
    return this.startIntent(
      person,
      turn,
      keptReading(state, intent, (m, i) => this.deps.understand(m, person.language, this.deps.clock.now(), i)),
      kept,
    );
  }

  /**
   * After "Ja" to storing data: the request that asked for consent goes on, so nothing typed is lost.
   * The consent step's own menu is left out when there is a request to continue.
   */
  private async afterConsent(person: PersonView, turn: Turn, state: ConversationState, replies: Reply[]): Promise<Reply[]> {
    const pending = state.flow === 'consent' ? (state.data.pending as Turn['input'] | undefined) : undefined;
    if (!pending || pending.kind === 'start') return replies;
    const consented = { ...person, consentAt: this.deps.clock.now() };
    const more = await this.route(consented, { ...turn, input: pending });
    return [...replies.filter((r) => r.kind !== 'choices'), ...more];
  }

  /** Starts the flow for an intent the person may use, or says it was not understood. */
  private async startIntent(person: PersonView, turn: Turn, u: Understanding, typed?: string): Promise<Reply[]> {
    const t = this.t(person);
    if (!this.allowed(person, u.intent)) return [text(t('common:not_allowed')), mainMenu(t, person)];
    const flow = this.deps.flows.find((f) => f.intents.includes(u.intent) && f.roles.includes(person.role));
    if (!flow) {
      await this.deps.stateStore.save(person.id, turn.channel, EMPTY_STATE, this.loadedState.get(person));
      // A resident waiting for staff is reminded that a person will answer.
      const pending = person.role === 'resident' && (await this.deps.services.handovers.hasOpen(person.id)) ? [text(t('resident:handover.pending'))] : [];
      return [text(t('common:not_understood')), ...pending, mainMenu(t, person)];
    }
    // The typed message goes along: some flows read more from it than the reader's details (periods, plan names).
    const message = typed ?? (turn.input.kind === 'text' ? turn.input.text : undefined);
    return this.run(person, turn.channel, flow.name, (f, ctx) => f.start({ ...ctx, message }, u), {}, turn.input);
  }

  private t(person: PersonView): Translate {
    return this.deps.translations.translator(person.language);
  }

  /** Runs a flow step with role and consent checks, then stores where the conversation is. */
  private async run(
    person: PersonView,
    channel: string,
    name: string,
    step: (f: Flow, ctx: FlowContext) => Promise<Step>,
    data: Record<string, unknown> = {},
    request?: Turn['input'],
  ): Promise<Reply[]> {
    const flow = this.flowsByName.get(name);
    const t = this.t(person);
    if (!flow) return [text(t('common:not_understood')), mainMenu(t, person)];
    if (!flow.roles.includes(person.role)) return [text(t('common:not_allowed')), mainMenu(t, person)];
    if (flow.needsConsent && !person.consentAt && person.role === 'resident') {
      // The request is kept and carried on after "Ja" (afterConsent); the question is asked once.
      if (request)
        await this.deps.stateStore.save(person.id, channel, { flow: 'consent', step: null, data: { pending: request } }, this.loadedState.get(person));
      return [
        {
          kind: 'choices',
          text: t('common:consent.needed'),
          choices: [choice(t('common:consent.yes'), 'welcome.consent'), choice(t('common:privacy.button'), 'welcome.privacy')],
        },
      ];
    }
    const result = await step(flow, this.context(person, channel, data));
    this.lastNext.set(person, result.next);
    const offered = result.next && !result.next.freeText ? offeredIn(result.replies) : [];
    await this.deps.stateStore.save(
      person.id,
      channel,
      result.next
        ? {
            flow: result.next.flow ?? flow.name,
            step: result.next.step,
            data: result.next.data,
            freeText: result.next.freeText,
            expects: result.next.expects,
            ...(offered.length ? { offered } : {}),
          }
        : EMPTY_STATE,
      this.loadedState.get(person),
    );
    return result.replies;
  }
}

/**
 * Staff have no sign-ups of their own: "aflys lektiecafé i morgen", "cancel homework cafe tomorrow staff are sick" from
 * staff cancels the activity, which the events flow lists for them to choose and confirm, not a booking ("you have no
 * sign-ups"). The reader does not know who writes, so its cancel is turned here, in the reading, its alternatives and
 * its second opinion alike.
 */
export function asStaff(u: Understanding): Understanding {
  const turn = (i: Intent): Intent => (i === 'cancel_booking' ? 'cancel_event' : i);
  const mentions = u.intent === 'cancel_booking' || u.alternatives?.some((a) => a.intent === 'cancel_booking') || u.secondOpinion?.intent === 'cancel_booking';
  if (!mentions) return u;
  const alternatives = u.alternatives?.map((a) => ({ ...a, intent: turn(a.intent) }));
  // The same intent twice (both cancels had evidence) counts once, with its best score.
  const merged = alternatives?.filter((a, k) => alternatives.findIndex((b) => b.intent === a.intent) === k);
  return { ...u, intent: turn(u.intent), alternatives: merged, secondOpinion: u.secondOpinion && turnedOpinion(u.intent, u.secondOpinion, turn) };
}

/** The classifier's view with both cancels as one: their shares add up, and its belief in the turned reading is that sum. */
function turnedOpinion(read: Intent, o: NonNullable<Understanding['secondOpinion']>, turn: (i: Intent) => Intent): Understanding['secondOpinion'] {
  const known: [Intent, number][] = [[o.intent, o.share], ...(o.next ? [[o.next.intent, o.next.share] as [Intent, number]] : [])];
  if (!known.some(([i]) => i === read)) known.push([read, o.rulesShare]);
  const shares = new Map<Intent, number>();
  for (const [i, share] of known) shares.set(turn(i), (shares.get(turn(i)) ?? 0) + share);
  const [top, next] = [...shares].sort((a, b) => b[1] - a[1]) as [[Intent, number], [Intent, number] | undefined];
  return { intent: top[0], share: top[1], rulesShare: shares.get(turn(read)) ?? 0, ...(next ? { next: { intent: next[0], share: next[1] } } : {}) };
}

/** The buttons of a step's replies (menus and value buttons alike), as label and action. */
function offeredIn(replies: readonly Reply[]): { label: string; action: string }[] {
  return replies.flatMap((r) => (r.kind === 'choices' ? r.choices.map((c) => ({ label: c.label, action: c.action })) : []));
}
