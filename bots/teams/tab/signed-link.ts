/**
 * Short-lived signed dashboard links: "v1.<person id>.<expiry>.<HMAC-SHA256>" with NABO_TAB_SECRET.
 * The bot hands one to a coordinator (under a progress card); the tab sends it back as a bearer
 * token. Nothing is stored: forging one needs the secret, and it expires after 15 minutes. A token
 * that claims to live longer than the configured lifetime is refused too: it was not made by this
 * configuration (an old long-lived link, or one signed with a leaked secret by hand).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const LINK_TTL_MS = 15 * 60_000;
const VERSION = 'v1';
const PERSON_ID = /^[A-Za-z0-9_-]{1,64}$/;

const mac = (secret: string, payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

/** A token for `personId`, valid until `expiresAt`. */
export function signTabToken(secret: string, personId: string, expiresAt: Date): string {
  if (!PERSON_ID.test(personId)) throw new Error('person id cannot be signed');
  const payload = `${VERSION}.${personId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** Whether a bearer token is one of ours (rather than a Teams SSO token). */
export const isTabToken = (token: string): boolean => token.startsWith(`${VERSION}.`);

/** Clock skew between instances that is still accepted on top of the lifetime. */
const SKEW_MS = 60_000;

/** The person a token was signed for; null when forged, malformed, expired or longer-lived than `maxLifetimeMs`. */
export function verifyTabToken(secret: string, token: string, now: Date, maxLifetimeMs = LINK_TTL_MS): { personId: string; expiresAt: Date } | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [version, personId, expiry, signature] = parts as [string, string, string, string];
  if (version !== VERSION || !PERSON_ID.test(personId) || !/^\d{1,12}$/.test(expiry)) return null;
  const expected = Buffer.from(mac(secret, `${version}.${personId}.${expiry}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = new Date(Number(expiry) * 1000);
  const left = expiresAt.getTime() - now.getTime();
  return left > 0 && left <= maxLifetimeMs + SKEW_MS ? { personId, expiresAt } : null;
}

/** Who may open the dashboard (read-only): staff see progress too; registering stays with coordinators. */
export const DASHBOARD_ROLES: ReadonlySet<string> = new Set(['staff', 'coordinator', 'admin']);

/** The one way a dashboard link is made: `base`/tab (or another tab page, `path`) with a token valid for LINK_TTL_MS. */
export function dashboardLink(o: { base: string; secret: string; personId: string; language: string; now: Date; path?: string }): string {
  const token = signTabToken(o.secret, o.personId, new Date(o.now.getTime() + LINK_TTL_MS));
  return `${o.base}${o.path ?? '/tab'}?token=${encodeURIComponent(token)}&lang=${encodeURIComponent(o.language)}`;
}
