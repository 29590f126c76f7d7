/**
 * Buttons under a broadcast ("Tilmeld", "Læs mere") on Telegram. Their callback data is the core's
 * press action ("bcast.<kind>|<broadcast id>", at most 64 bytes, built and validated by
 * src/broadcasts/broadcast-buttons.ts; the engine refuses anything else as a stale button). Unlike
 * the buttons of a conversation, a broadcast's message is not settled after a press: its text and
 * both buttons stay, so a resident can read more and then sign up, and the answer comes below it.
 */
import { parseAction } from '../../src/conversation/actions';
import { parsePress, PRESS_FLOW } from '../../src/broadcasts/broadcast-buttons';

/** Whether a callback's data is a (well-formed) broadcast button press. */
export function isBroadcastPress(data: string | undefined): boolean {
  const a = data !== undefined && Buffer.byteLength(data) <= 64 ? parseAction(data) : null;
  return a?.flow === PRESS_FLOW && parsePress(a.step, a.arg) !== null;
}

/** The message to settle after a press: none for a broadcast (it keeps its text and buttons). */
export function pressedMessageFor(data: string | undefined, messageId: number | undefined): number | undefined {
  return isBroadcastPress(data) ? undefined : messageId;
}
