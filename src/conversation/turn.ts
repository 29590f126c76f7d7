/**
 * One turn of a conversation as the engine receives it from a channel, validated at the edge.
 */
import { z } from 'zod';
import { CHANNELS, ROLES } from '../people/people-service';

/** Longest message we read; longer ones are cut (and the person told). */
export const MAX_TEXT = 1000;

export const turnSchema = z.object({
  channel: z.enum(CHANNELS),
  /** The person's id in that channel (Telegram user id, Teams AAD object id, console session). */
  externalId: z.string().min(1).max(128),
  firstName: z.string().max(64).optional(),
  /** The client's language tag ("ar", "da-DK"), used on first contact. */
  clientLanguage: z.string().max(35).optional(),
  /** A role the channel vouches for (console option, Teams tenant rule); absent = stored role. */
  role: z.enum(ROLES).optional(),
  /** How to reach the person later (Telegram chat id, Teams conversation reference as JSON). */
  address: z.string().max(4000).optional(),
  input: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string() }),
    z.object({ kind: z.literal('action'), action: z.string().min(1).max(64), values: z.record(z.string(), z.string().max(MAX_TEXT)).optional() }),
    z.object({ kind: z.literal('start'), payload: z.string().max(64).optional() }),
  ]),
});

export type Turn = z.infer<typeof turnSchema>;

/** Validates an inbound turn from a channel adapter; throws a ZodError listing what is wrong. */
export function parseTurn(value: unknown): Turn {
  return turnSchema.parse(value);
}
