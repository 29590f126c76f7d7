/**
 * Signed, short-lived links to a handover's media: "m1.<request id>.<expiry>.<HMAC-SHA256>".
 * Nothing is stored; forging one needs the secret, and it expires after MEDIA_LINK_TTL_MS. The
 * route that serves it (bots/telegram/media-route.ts) also checks that the request is still open.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEDIA_LINK_TTL_MS = 15 * 60_000;
const VERSION = 'm1';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const mac = (secret: string, payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

/** A token for the media of `requestId`, valid until `expiresAt`. */
export function signMediaToken(secret: string, requestId: string, expiresAt: Date): string {
  if (!ID.test(requestId)) throw new Error('request id cannot be signed');
  const payload = `${VERSION}.${requestId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The request a token was signed for; null when forged, malformed, expired or living longer than the TTL. */
export function verifyMediaToken(secret: string, token: string, now: Date): string | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [version, requestId, expiry, signature] = parts as [string, string, string, string];
  if (version !== VERSION || !ID.test(requestId) || !/^\d{1,12}$/.test(expiry)) return null;
  const expected = Buffer.from(mac(secret, `${version}.${requestId}.${expiry}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const left = Number(expiry) * 1000 - now.getTime();
  return left > 0 && left <= MEDIA_LINK_TTL_MS + 60_000 ? requestId : null;
}
