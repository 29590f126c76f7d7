/**
 * What the conversation does with a reading of a message it did not expect: act on it, ask which of
 * two or three intents was meant, or say it did not understand. The one place this is decided, so
 * the engine and `npm run nlu:eval` agree on what "acted on without asking" means.
 */
import type { Intent, Understanding } from './understanding';

/** act: start the intent's flow; ask: offer `options` as buttons; none: not understood. */
export type Decision = { kind: 'act'; intent: Intent } | { kind: 'ask'; options: Intent[] } | { kind: 'none' };

/** Decides from a reading alone (before any flow is waiting for an answer). */
export function decide(u: Understanding): Decision {
  if (u.intent === 'unknown') return { kind: 'none' };
  return { kind: 'act', intent: u.intent };
}
