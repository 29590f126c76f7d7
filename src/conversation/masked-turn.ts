/**
 * The first thing done with a turn: id numbers (CPR and the like) in typed text and in form fields
 * are masked, so no flow, draft, question or note ever holds them, and the engine can tell the
 * person why their number shows as stars.
 */
import { maskIdNumbers } from '../people/personal-text';
import type { Turn } from './turn';

/** The shape of the ids the database gives records (Prisma's cuid()): a choice field's value. */
const RECORD_ID = /^c[0-9a-z]{24}$/;

/** The turn with id numbers masked, and whether any were. */
export function maskTurn(turn: Turn): { turn: Turn; masked: boolean } {
  const input = turn.input;
  if (input.kind === 'text') {
    const m = maskIdNumbers(input.text);
    return m.masked ? { turn: { ...turn, input: { ...input, text: m.text } }, masked: true } : { turn, masked: false };
  }
  if (input.kind === 'action' && input.values) {
    let masked = false;
    const values = Object.fromEntries(
      Object.entries(input.values).map(([k, v]) => {
        // A choice's value is a record id of ours ("cmx7z4bf500cp587d9o9ku4jp"), never typed: its digits can by chance
        // look like a CPR number, and masking it broke the form ("Sted: vælg på listen").
        if (RECORD_ID.test(v)) return [k, v];
        const m = maskIdNumbers(v);
        masked ||= m.masked;
        return [k, m.text];
      }),
    );
    return masked ? { turn: { ...turn, input: { ...input, values } }, masked: true } : { turn, masked: false };
  }
  return { turn, masked: false };
}
