/**
 * Signed calendar-feed links: /calendar/<activity id>.ics?sig=<HMAC-SHA256>. A calendar app polls
 * the same URL for months, so the link does not expire; it is bound to one activity and cannot be
 * forged without the secret. Changing the secret withdraws every feed link at once. The MAC is
 * domain-separated ("calendar-feed.v1"), so a feed signature is never a valid dashboard token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const DOMAIN = 'calendar-feed.v1';
const ACTIVITY_ID = /^[A-Za-z0-9_-]{1,64}$/;

const mac = (secret: string, activityId: string): string => createHmac('sha256', secret).update(`${DOMAIN}.${activityId}`).digest('base64url');

/** The signature of an activity's feed. */
export function signFeed(secret: string, activityId: string): string {
  if (!ACTIVITY_ID.test(activityId)) throw new Error('activity id cannot be signed');
  return mac(secret, activityId);
}

/** Whether `signature` is the feed signature of `activityId`, compared in constant time. */
export function verifyFeed(secret: string, activityId: string, signature: string): boolean {
  if (!ACTIVITY_ID.test(activityId)) return false;
  const expected = Buffer.from(mac(secret, activityId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The feed's path with its signature, to put after the server's public address. */
export const feedPath = (secret: string, activityId: string): string => `/calendar/${activityId}.ics?sig=${signFeed(secret, activityId)}`;
