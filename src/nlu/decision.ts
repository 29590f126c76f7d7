/**
 * What the conversation does with a reading of a message it did not expect: act on it, ask which of
 * two or three intents was meant, or say it did not understand. The one place this is decided, so
 * the engine and `npm run nlu:eval` agree on what "acted on without asking" means.
 *
 * Doubt becomes a question: a weak reading, a runner-up close to the winner, or a second opinion
 * (the trained classifier, ./classifier) sure of something else, is asked about with buttons
 * instead of acted on. Intents that lead to a change (sign-up, cancel, delete, a delivery
 * log) need a surer reading than those that only show something.
 */
import type { Intent, Understanding } from './understanding';

/** act: start the intent's flow; ask: offer `options` as buttons; none: not understood. */
export type Decision = { kind: 'act'; intent: Intent } | { kind: 'ask'; options: Intent[] } | { kind: 'none' };

/** Intents whose flow ends in a change to what is stored. */
export const WRITING_INTENTS: readonly Intent[] = [
  'sign_up',
  'cancel_booking',
  'move_booking',
  'delete_my_data',
  'reminders_off',
  'reminders_on',
  'log_delivery',
  'undo_delivery',
  'correct_delivery',
  'create_event',
  'create_slots',
  'cancel_event',
  'register_measurement',
];
// Answers and courtesies: never offered as "did you mean", never a reason to doubt.
const SOCIAL: readonly Intent[] = ['greet', 'thanks', 'yes', 'no', 'unknown'];

/** Below this a reading only shows something after asking. */
export const SURE = 0.65;
/** Below this a reading that changes something is asked about. */
export const SURE_TO_WRITE = 0.8;
/** A runner-up scoring at least this share of the winner makes the two too close to choose. */
export const CLOSE = 0.75;
/** A classifier this sure of an intent the rules found nothing for offers it as a question (on unseen sentences it is right 95 % of the time from 0.6). */
export const HUNCH = 0.6;
/** …and at least this share when either of the two would change something. */
export const CLOSE_TO_WRITE = 0.6;
/** A classifier this sure of another intent makes a writing reading doubtful (SHOWING: one that only shows something). */
export const DISPUTE = 0.8;
export const DISPUTE_SHOWING = 0.9;
/**
 * When either reading would change something, a classifier this sure of another intent, giving the rules' intent at most
 * DOUBT_TO_WRITE, is doubt enough: nothing that writes starts from a reading the second opinion finds three times less likely.
 */
export const DISPUTE_TO_WRITE = 0.75;
export const DOUBT_TO_WRITE = 0.25;
/**
 * A classifier leaning this far towards another intent (LEAN), while giving the rules' intent at most LEAN_DOUBT, is doubt
 * enough for any reading: on unseen sentences it is right two times in three at that share, and the rules' intent is then
 * wrong nine times in ten.
 */
export const LEAN = 0.4;
export const LEAN_DOUBT = 0.1;
/** A reading from one clue (a single word of its intent's: confidence below WEAK) needs the classifier's belief of at least WEAK_DOUBT. */
export const WEAK = 0.85;
export const WEAK_DOUBT = 0.2;
/** A classifier at least this sure of the rules' own intent supports it. */
export const AGREE = 0.9;
/** …provided it gives the rules' intent less than this share. */
export const DISBELIEF = 0.05;

/** A question about no activity (its price, place or audience) the classifier gives at least this share to nothing it knows is asked about. */
export const AIMLESS = 0.5;
/** A greeting or a thanks the rules missed, the classifier this sure of, is answered as one. */
export const HUNCH_SOCIAL = 0.9;
/**
 * A message that also tells of something elsewhere in one's life ("…my neighbour and me…", "when does lidl close today") is
 * offered only on a hunch all but certain: since the classifier also learns from the retired blind sets it is surer of
 * "what's on" for any "when does … close", and at 0.95 a shop's hours were asked about as activities.
 */
export const HUNCH_ELSEWHERE = 0.98;
/** A reading meant for another role offers what the classifier thinks from this share instead. */
export const OTHER_ROLE_HUNCH = 0.2;
/** The classifier's runner-up gets a button of its own from this share. */
export const RUNNER_UP = 0.15;

/** The classifier's second choice, when it is a real contender worth a button of its own. */
function runnerUp(o: NonNullable<Understanding['secondOpinion']>, allowed: (i: Intent) => boolean = () => true): Intent[] {
  const n = o.next;
  return n && n.share >= RUNNER_UP && !SOCIAL.includes(n.intent) && allowed(n.intent) ? [n.intent] : [];
}

/**
 * Decides from a reading alone (before any flow is waiting for an answer). `allowed` says which
 * intents the person's role may use: a reading meant for another role ("torsdag 2 voksne" reads as
 * a staff log) is offered to a resident as the sign-up it most likely is; other readings meant for
 * another role are refused by the engine as before.
 */
export function decide(u: Understanding, allowed: (i: Intent) => boolean = () => true): Decision {
  // Nothing the rules know, but the classifier is sure: asked, never done ("Did you mean: …?").
  const hunch = u.secondOpinion;
  // A greeting or a thanks the classifier is sure of is answered as one: nothing to lose by a friendly word.
  if (u.intent === 'unknown' && hunch && (hunch.intent === 'greet' || hunch.intent === 'thanks') && hunch.share >= HUNCH_SOCIAL && u.elsewhere !== true)
    return { kind: 'act', intent: hunch.intent };
  // A day or appointment elsewhere in one's life ("jeg skal til tandlæge på fredag") is told, not asked for: a hunch
  // about it must be all but certain ("sign up my neighbour and me for the dinner" is a sign-up all the same).
  if (u.intent === 'unknown')
    return hunch && hunch.share >= (u.elsewhere === true ? HUNCH_ELSEWHERE : HUNCH) && !SOCIAL.includes(hunch.intent) && allowed(hunch.intent)
      ? { kind: 'ask', options: [hunch.intent, ...runnerUp(hunch, allowed)] }
      : { kind: 'none' };
  if (!allowed(u.intent)) {
    // Adults and children counted by someone who cannot log deliveries are a party for a meal.
    const party = (u.details.adults !== undefined || u.details.children !== undefined) && u.details.volunteers === undefined && allowed('sign_up');
    // "har jeg nogen tider" read as a staff member's new times: what the person may ask for instead, from the
    // rules' runners-up and the classifier, is offered; with nothing of the kind the reading is refused as before.
    const o = u.secondOpinion;
    const hunches = o ? [o, ...(o.next ? [o.next] : [])].filter((x) => x.share >= OTHER_ROLE_HUNCH).map((x) => x.intent) : [];
    const others = [...(u.alternatives ?? []).map((a) => a.intent), ...hunches].filter((i) => i !== 'sign_up' && allowed(i) && !SOCIAL.includes(i));
    const options = [...new Set([...(party ? ['sign_up' as Intent] : []), ...others])].slice(0, 3);
    return options.length > 0 ? { kind: 'ask', options } : { kind: 'act', intent: u.intent };
  }
  const ranked = (u.alternatives ?? [{ intent: u.intent, score: 0 }]).filter((a) => (!SOCIAL.includes(a.intent) || a.intent === u.intent) && allowed(a.intent));
  const best = ranked[0];
  // "cuma için yaz beni yok yok perşembe": a yes, no, greeting or thanks the classifier all but rules out, sure the message
  // asks for something instead, is asked about (the no may change a detail of the request rather than answer anything;
  // "thanks, but stop the reminders" asks for more than a you're welcome).
  const o0 = u.secondOpinion;
  if (
    (u.intent === 'yes' || u.intent === 'no' || u.intent === 'thanks' || u.intent === 'greet') &&
    !u.outright &&
    o0 !== undefined &&
    o0.share >= DISPUTE_SHOWING &&
    o0.rulesShare < DISBELIEF &&
    !SOCIAL.includes(o0.intent) &&
    allowed(o0.intent)
  )
    return { kind: 'ask', options: [o0.intent, u.intent] };
  if (!best || SOCIAL.includes(u.intent)) return { kind: 'act', intent: u.intent };
  // A change needs a clearer lead over the runner-up than showing something does.
  const lead = (a: { intent: Intent }): number => (WRITING_INTENTS.includes(u.intent) || WRITING_INTENTS.includes(a.intent) ? CLOSE_TO_WRITE : CLOSE);
  const close = ranked.slice(1).filter((a) => a.score >= best.score * lead(a));
  const writes = WRITING_INTENTS.includes(u.intent) || close.some((a) => WRITING_INTENTS.includes(a.intent));
  // Two readings made differently that agree are surer than either: a write needs only the bar of showing.
  const o = u.secondOpinion;
  const agreed = o !== undefined && o.intent === u.intent && o.share >= AGREE;
  const sure = u.confidence >= (writes && !agreed ? SURE_TO_WRITE : SURE);
  // The classifier, sure of another intent the person may use, and all but sure the rules are wrong.
  const bar = WRITING_INTENTS.includes(u.intent) ? DISPUTE : DISPUTE_SHOWING;
  const either = o !== undefined && (WRITING_INTENTS.includes(u.intent) || WRITING_INTENTS.includes(o.intent));
  // One weak clue (a single word of the intent's) the classifier does not back.
  const unbacked = o !== undefined && !u.outright && u.confidence < WEAK && o.rulesShare < WEAK_DOUBT;
  const leaning = o !== undefined && o.intent !== u.intent && o.share >= LEAN && o.rulesShare <= LEAN_DOUBT;
  const disputed =
    o !== undefined && (leaning || (o.share >= bar && o.rulesShare < DISBELIEF) || (either && o.share >= DISPUTE_TO_WRITE && o.rulesShare <= DOUBT_TO_WRITE));
  // A question about an activity (where, who, what it costs) only shows something, whatever words it shares with a sign-up.
  const asking = u.details.asks !== undefined && !WRITING_INTENTS.includes(u.intent);
  if (o && !asking && !u.outright && disputed && allowed(o.intent) && !SOCIAL.includes(o.intent) && !close.some((a) => a.intent === o.intent))
    close.push({ intent: o.intent, score: 0 });
  // The classifier all but sure the message is small talk or nothing it knows ("سلام وقت بخیر" is a
  // greeting; "وقت" is also an appointment), and all but ruling out the rules' reading: not acted on.
  const chat = o !== undefined && !u.outright && SOCIAL.includes(o.intent) && ((o.share >= DISPUTE_SHOWING && o.rulesShare < DISBELIEF) || leaning);
  // A guess (a word read past a slip: "broken" as "booked") the classifier all but rules out, sure the
  // message is nothing it knows ("my washing machine is broken"): not understood rather than asked.
  if (u.guessed === true && o !== undefined && o.intent === 'unknown' && o.share >= DISPUTE && o.rulesShare < DISBELIEF) return { kind: 'none' };
  // "jeg vil ikke tilmelde mig", "why can't I sign up": a change said with a no in front is asked about.
  // Nor is one read from a word with a typing slip in it ("tilmled mig"): a guess is offered, not done.
  // What is left of a reading that tells of an appointment elsewhere ("عندي موعد عند دكتور الاسنان") is asked about,
  // unless said outright: the "appointment" there may be the dentist's.
  // A move or cancel whose doer is the place elsewhere ("lægen har flyttet min tid til fredag") is asked about too.
  const changeHere = u.intent === 'cancel_booking' || u.intent === 'move_booking';
  const elsewhere = u.elsewhere === true && ((!u.outright && !changeHere) || (changeHere && u.elsewhereLeads === true));
  const negated = (u.negated === true && writes) || u.guessed === true || elsewhere;
  // "what does a laundry card cost": a question about no activity, what or when, that the classifier rather takes for
  // nothing Nabo knows, is asked about ("Did you mean: see activities?") rather than answered with the week's list.
  const aimless =
    asking &&
    u.details.activityText === undefined &&
    u.details.category === undefined &&
    u.details.date === undefined &&
    u.details.dateRange === undefined &&
    o !== undefined &&
    o.intent === 'unknown' &&
    o.share >= AIMLESS;
  if (close.length === 0 && sure && !negated && !chat && !unbacked && !aimless) return { kind: 'act', intent: u.intent };
  // Said with a no, a why or a how in front, the person may want to know how it works.
  const help = u.negated && allowed('help') ? ['help' as Intent] : [];
  // The classifier's intent may already be the best reading's (a staff cancel turned to the activity's, src/conversation/engine.ts): offered once.
  const options = [...new Set([best, ...close].map((a) => a.intent))].slice(0, 3 - help.length).concat(help);
  // A single doubtful option is still a question: "Did you mean: sign up for a dinner?"
  return { kind: 'ask', options };
}
