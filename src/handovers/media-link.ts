/**
 * Signed links to a handover's media. Nothing is stored; forging one needs the secret.
 *  - A media link, "m1.<request id>.<expiry>.<HMAC-SHA256>", opens the file and lives
 *    MEDIA_LINK_TTL_MS (15 minutes): a link copied out of Teams stops working soon.
 *  - An opener, "mo1.<request id>.<expiry>.<HMAC>", is what a handover card's button carries: the
 *    card stays in the channel for days, so pressing it must still work. It never serves the file
 *    itself; it mints a fresh media link and redirects to it, and only while the request is open and
 *    for at most MEDIA_OPENER_TTL_MS. Expired media links and expired openers are refused.
 * The routes that serve them (bots/telegram/media-route.ts) also check that the request is still open.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEDIA_LINK_TTL_MS = 15 * 60_000;
/** How long a handover card's button can mint fresh links: past the usual answering time, well short of the retention period. */
export const MEDIA_OPENER_TTL_MS = 14 * 24 * 3_600_000;
const VERSION = 'm1';
const OPENER = 'mo1';
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Clock skew between instances that is tolerated on the expiry. */
const SKEW_MS = 60_000;

const mac = (secret: string, payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

function sign(version: string, secret: string, requestId: string, expiresAt: Date): string {
  if (!ID.test(requestId)) throw new Error('request id cannot be signed');
  const payload = `${version}.${requestId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(secret, payload)}`;
}

function verify(version: string, ttlMs: number, secret: string, token: string, now: Date): string | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [given, requestId, expiry, signature] = parts as [string, string, string, string];
  if (given !== version || !ID.test(requestId) || !/^\d{1,12}$/.test(expiry)) return null;
  const expected = Buffer.from(mac(secret, `${given}.${requestId}.${expiry}`));
  const actual = Buffer.from(signature);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const left = Number(expiry) * 1000 - now.getTime();
  return left > 0 && left <= ttlMs + SKEW_MS ? requestId : null;
}

/** A token for the media of `requestId`, valid until `expiresAt`. */
export function signMediaToken(secret: string, requestId: string, expiresAt: Date): string {
  return sign(VERSION, secret, requestId, expiresAt);
}

/** The request a token was signed for; null when forged, malformed, expired or living longer than the TTL. */
export function verifyMediaToken(secret: string, token: string, now: Date): string | null {
  return verify(VERSION, MEDIA_LINK_TTL_MS, secret, token, now);
}

/** An opener for a handover card's button, valid until `expiresAt`. */
export function signMediaOpener(secret: string, requestId: string, expiresAt: Date): string {
  return sign(OPENER, secret, requestId, expiresAt);
}

/** The request an opener was signed for; null when forged, malformed, expired or living longer than its TTL. */
export function verifyMediaOpener(secret: string, token: string, now: Date): string | null {
  return verify(OPENER, MEDIA_OPENER_TTL_MS, secret, token, now);
}

/** The address of a fresh media link (15 minutes) on `base`. */
export function mediaLinkUrl(base: string, secret: string, requestId: string, now: Date): string {
  return `${base}/media/${encodeURIComponent(signMediaToken(secret, requestId, new Date(now.getTime() + MEDIA_LINK_TTL_MS)))}`;
}

/** The address a handover card's button opens: it mints a fresh media link each time it is pressed. */
export function mediaOpenerUrl(base: string, secret: string, requestId: string, now: Date): string {
  return `${base}/media/open/${encodeURIComponent(signMediaOpener(secret, requestId, new Date(now.getTime() + MEDIA_OPENER_TTL_MS)))}`;
}
