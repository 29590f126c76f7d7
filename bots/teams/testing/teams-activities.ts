/**
 * Teams-shaped activities for tests, the bench and demos: what Teams sends for a typed message, a
 * card submit (Action.Submit: a message whose value is the data plus the inputs), an Action.Execute
 * invoke, and the conversationUpdate of an install — with tenant, Entra object id and locale where
 * Teams puts them.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export const BOT = { id: '28:00000000-0000-0000-0000-00000000b07a', name: 'Nabo' };

/** A Teams user of a tenant. */
export interface TeamsUser {
  objectId: string;
  name: string;
  tenantId: string;
  locale?: string;
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** The conversation a user writes in: their personal chat by default. */
export function conversationFor(user: TeamsUser, kind: ConversationKind = 'personal', id?: string): Activity['conversation'] {
  const conversationId =
    id ?? (kind === 'personal' ? `a:personal-${user.objectId}` : kind === 'channel' ? '19:staff-general@thread.tacv2' : '19:group-chat@thread.v2');
  return { id: conversationId, conversationType: kind, tenantId: user.tenantId, isGroup: kind !== 'personal', name: '' };
}

interface Common {
  serviceUrl: string;
  user: TeamsUser;
  kind?: ConversationKind;
  conversationId?: string;
  id?: string;
  deliveryMode?: 'expectReplies';
}

function base(o: Common): Partial<Activity> {
  return {
    id: o.id ?? randomUUID(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date(),
    locale: o.user.locale ?? 'da-DK',
    from: { id: `29:${o.user.objectId}`, name: o.user.name, aadObjectId: o.user.objectId },
    recipient: BOT,
    conversation: conversationFor(o.user, o.kind, o.conversationId),
    channelData: {
      tenant: { id: o.user.tenantId },
      ...(o.kind === 'channel' ? { team: { id: '19:team@thread.tacv2' }, channel: { id: o.conversationId ?? '19:staff-general@thread.tacv2' } } : {}),
    },
    ...(o.deliveryMode ? { deliveryMode: o.deliveryMode } : {}),
  };
}

/** A typed message; in a channel or group chat the bot is @mentioned first, as Teams requires. */
export function textMessage(o: Common & { text: string }): Partial<Activity> {
  const b = base(o);
  if (!o.kind || o.kind === 'personal') return { ...b, type: 'message', text: o.text, textFormat: 'plain' };
  const mention = `<at>${BOT.name}</at>`;
  return { ...b, type: 'message', text: `${mention} ${o.text}`, textFormat: 'plain', entities: [{ type: 'mention', mentioned: BOT, text: mention }] };
}

/** An Action.Submit press: `data` merged with the card's input values, replying to the card. */
export function submitMessage(o: Common & { value: Record<string, unknown>; replyToId?: string }): Partial<Activity> {
  return { ...base(o), type: 'message', value: o.value, ...(o.replyToId ? { replyToId: o.replyToId } : {}) };
}

/** An Action.Execute press (Universal Actions), answered in the HTTP response. */
export function executeInvoke(o: Common & { data: Record<string, unknown>; verb?: string }): Partial<Activity> {
  return {
    ...base(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: o.verb ?? 'submit', data: o.data }, trigger: 'manual' },
  };
}

/** Nabo added to a conversation (a team channel, or a user's personal scope). */
export function installUpdate(o: Common): Partial<Activity> {
  return { ...base(o), type: 'conversationUpdate', membersAdded: [BOT] };
}
