/**
 * Inbound Teams activities → what the person did, validated at the edge: typed text (with the bot's
 * @mention removed), or a card button / form submit, which Teams sends as a message whose `value`
 * is the button's data merged with the inputs (Action.Submit), or as an `adaptiveCard/action`
 * invoke (Action.Execute, Universal Actions).
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { MAX_TEXT } from '../../src/conversation/turn';
import { botbuilder } from './sdk';

/** A channel account as the Bot Framework sends it; only the fields Nabo reads are checked. */
const account = z.looseObject({ id: z.string().max(1024).nullish(), name: z.string().max(1024).nullish(), aadObjectId: z.string().max(256).nullish() });

/**
 * The shape of a POSTed activity, checked before the SDK sees it: botbuilder answers 500 (and
 * Teams retries) for an activity whose `type` is not a string or whose `serviceUrl` is not text.
 */
const activityBody = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).nullish(),
  name: z.string().max(256).nullish(),
  channelId: z.string().max(128).nullish(),
  // Where the answer goes: without it botbuilder falls back to a public default.
  serviceUrl: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^\s]+$/),
  locale: z.string().max(64).nullish(),
  text: z.string().nullish(),
  replyToId: z.string().max(1024).nullish(),
  // Who, to whom and where: every Bot Framework activity has them, and botbuilder reads them unchecked.
  from: account,
  recipient: account,
  // The conversation id travels in HTTP headers of the answer: printable ASCII only.
  conversation: z.looseObject({
    id: z.string().regex(/^[\x21-\x7e]{1,1024}$/),
    conversationType: z.string().max(64).nullish(),
    tenantId: z.string().max(256).nullish(),
  }),
  // Objects and lists may be absent, never null: the SDK walks them without looking.
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.looseObject({})).optional(),
  entities: z.array(z.looseObject({ type: z.string().nullish(), text: z.string().nullish(), mentioned: account.optional() })).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
});

/** Whether a request body is an activity Nabo (and botbuilder) can read; anything else is answered 400. */
export function isActivityBody(body: unknown): boolean {
  return activityBody.safeParse(body).success;
}

/** What one activity asks of Nabo. */
export type Inbound =
  | { kind: 'text'; text: string }
  | { kind: 'action'; action: string; values: Record<string, string>; followText?: string; via: 'submit' | 'invoke' }
  | { kind: 'ignore' };

/** Keys of a submit that are not form inputs. */
const RESERVED = new Set(['action', 'followText', 'msteams']);

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const submitSchema = z.looseObject({ action: z.string().min(1).max(64), followText: z.string().max(64).optional() });
const invokeSchema = z.object({
  action: z.object({ type: z.string().optional(), verb: z.string().max(64).optional(), data: z.record(z.string(), z.unknown()).optional() }),
});

/** The inputs of a submit as strings (numbers and toggles arrive typed from some clients). */
function valuesOf(data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (RESERVED.has(k) || k.length > 128) continue;
    const parsed = scalar.safeParse(v);
    if (parsed.success) values[k] = String(parsed.data).slice(0, MAX_TEXT);
  }
  return values;
}

/** Reads a card's submitted data; null when it is not one of Nabo's buttons. */
export function parseSubmit(data: unknown, via: 'submit' | 'invoke'): Inbound | null {
  const parsed = submitSchema.safeParse(data);
  if (!parsed.success) return null;
  return { kind: 'action', action: parsed.data.action, values: valuesOf(parsed.data), followText: parsed.data.followText, via };
}

/** What the person did in this activity; `ignore` for anything Nabo does not act on. */
export function readInbound(activity: Activity): Inbound {
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const parsed = invokeSchema.safeParse(activity.value);
    if (!parsed.success) return { kind: 'ignore' };
    const data = { ...(parsed.data.action.data ?? {}) };
    if (data['action'] === undefined && parsed.data.action.verb) data['action'] = parsed.data.action.verb;
    return parseSubmit(data, 'invoke') ?? { kind: 'ignore' };
  }
  if (activity.type !== 'message') return { kind: 'ignore' };
  if (activity.value !== undefined && activity.value !== null && typeof activity.value === 'object') {
    return parseSubmit(activity.value, 'submit') ?? { kind: 'ignore' };
  }
  // A message without text (an attachment, a reaction) has nothing to read; botbuilder's mention
  // removal would throw on it (found by the fuzzer: a mention entity on a message with no text).
  if (typeof activity.text !== 'string') return { kind: 'text', text: '' };
  // In channels and group chats the bot is @mentioned; the mention is not part of what was said.
  const text = (botbuilder().TurnContext.removeRecipientMention(activity) ?? activity.text).replace(/\u00a0/g, ' ').trim();
  return { kind: 'text', text };
}
