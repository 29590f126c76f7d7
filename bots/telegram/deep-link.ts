/**
 * Deep links that open Nabo on an event or an activity: https://t.me/<bot>?start=e_<id> (or a_<id>).
 * Telegram passes the part after start= to the bot's /start (at most 64 of A-Z a-z 0-9 _ -).
 */

export type LinkKind = 'event' | 'activity';

const PREFIX: Record<LinkKind, string> = { event: 'e_', activity: 'a_' };
const ID = /^[A-Za-z0-9_-]{1,62}$/;
const USERNAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/** The /start payload for an event or activity id; throws when the id cannot travel in a link. */
export function startPayload(kind: LinkKind, id: string): string {
  if (!ID.test(id)) throw new Error(`The ${kind} id "${id}" cannot be used in a Telegram link: use up to 62 letters, digits, _ or -.`);
  return `${PREFIX[kind]}${id}`;
}

/** The t.me link for a bot and payload. */
export function deepLink(botUsername: string, kind: LinkKind, id: string): string {
  const bot = botUsername.replace(/^@/, '');
  if (!USERNAME.test(bot)) throw new Error(`"${botUsername}" is not a Telegram bot username (5-32 letters, digits or _, starting with a letter).`);
  return `https://t.me/${bot}?start=${startPayload(kind, id)}`;
}
