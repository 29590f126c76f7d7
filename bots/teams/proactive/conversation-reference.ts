/**
 * Conversation references: how Nabo reaches a Teams conversation later. Stored as JSON in
 * ChannelIdentity.address (Turn.address), read back and validated before use, since a row may be
 * old or hand-edited.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { botbuilder } from '../sdk';

const account = z.looseObject({ id: z.string(), name: z.string().optional() });
const referenceSchema = z.looseObject({
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  conversation: z.looseObject({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: account.optional(),
  user: account.optional(),
  locale: z.string().optional(),
});

/** The longest address the core stores (Turn.address). */
export const MAX_ADDRESS = 4000;

/** The reference to reply in an activity's conversation, as stored JSON (null if too long). */
export function addressOf(activity: Partial<Activity>): string | null {
  const ref = botbuilder().TurnContext.getConversationReference(activity);
  // activityId makes later sends replies to that one message; a proactive message starts anew.
  const json = JSON.stringify({ ...ref, activityId: undefined });
  return json.length <= MAX_ADDRESS ? json : null;
}

/** A stored address back as a reference; null when unreadable. */
export function parseAddress(json: string | null | undefined): Partial<ConversationReference> | null {
  if (!json) return null;
  try {
    const parsed = referenceSchema.safeParse(JSON.parse(json));
    // Validated above; the Bot Framework type insists on fields Teams does not always send.
    return parsed.success ? (parsed.data as unknown as Partial<ConversationReference>) : null;
  } catch {
    return null;
  }
}
