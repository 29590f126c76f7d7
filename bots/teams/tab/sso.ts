/**
 * Teams SSO for the dashboard: the tab asks Teams for a token (authentication.getAuthToken) and
 * sends it as a bearer token; this checks it is an Entra token for TEAMS_SSO_AUDIENCE, signed by a
 * Microsoft key, from an allowed tenant, and returns the user's object id. The keys come from
 * login.microsoftonline.com, which this project's machines cannot reach: offline, every SSO token
 * is refused (fail closed) and the signed links are the way in. Uses `jsonwebtoken`, which
 * botbuilder already brings.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';

/** Microsoft's signing keys for Entra v1 and v2 tokens of every tenant. */
export const MICROSOFT_KEYS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const KEYS_CACHE_MS = 60 * 60_000;

/** Finds the public key for a token's `kid`; null when unknown or unreachable. */
export type KeyResolver = (kid: string) => Promise<KeyObject | null>;

/** Who an SSO token is for. */
export interface SsoUser {
  objectId: string;
  tenantId: string;
}

const jwksSchema = z.object({ keys: z.array(z.looseObject({ kid: z.string(), kty: z.string() })) });
const claimsSchema = z.looseObject({ oid: z.string().min(1), tid: z.string().min(1), iss: z.string() });

/** Fetches and caches Microsoft's keys; fails closed (null) when they cannot be fetched. */
export function microsoftKeys(fetchImpl: typeof fetch = fetch, url = MICROSOFT_KEYS_URL): KeyResolver {
  let cache: { keys: Map<string, KeyObject>; at: number } | null = null;
  return async (kid) => {
    if (!cache || Date.now() - cache.at > KEYS_CACHE_MS || !cache.keys.has(kid)) {
      try {
        const res = await fetchImpl(url, { signal: AbortSignal.timeout(5000) });
        const body = jwksSchema.parse(await res.json());
        cache = { keys: new Map(body.keys.map((k) => [k.kid, createPublicKey({ key: k as JsonWebKey, format: 'jwk' })])), at: Date.now() };
      } catch {
        return null;
      }
    }
    return cache.keys.get(kid) ?? null;
  };
}

/** Checks Teams SSO tokens for one audience and the allowed tenants (empty list = any tenant). */
export function createSsoVerifier(opts: { audience: string; allowedTenants: readonly string[]; keys?: KeyResolver; now?: () => Date }) {
  const keys = opts.keys ?? microsoftKeys();
  return async (token: string): Promise<SsoUser | null> => {
    const decoded = jwt.decode(token, { complete: true });
    const kid = decoded && typeof decoded === 'object' ? decoded.header.kid : undefined;
    if (!kid) return null;
    const key = await keys(kid);
    if (!key) return null;
    try {
      const payload = jwt.verify(token, key, {
        algorithms: ['RS256'],
        audience: opts.audience,
        clockTimestamp: opts.now ? Math.floor(opts.now().getTime() / 1000) : undefined,
      });
      const claims = claimsSchema.parse(payload);
      const tenantId = claims.tid.toLowerCase();
      // v2 tokens: https://login.microsoftonline.com/<tid>/v2.0; v1: https://sts.windows.net/<tid>/.
      const issuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
      if (!issuers.includes(claims.iss.toLowerCase())) return null;
      if (opts.allowedTenants.length > 0 && !opts.allowedTenants.includes(tenantId)) return null;
      return { objectId: claims.oid.toLowerCase(), tenantId };
    } catch {
      return null;
    }
  };
}

export type SsoVerifier = ReturnType<typeof createSsoVerifier>;
