/**
 * Who may read the dashboard: signed links (HMAC, 15 minutes) and, when configured, Teams SSO tokens
 * checked against Microsoft's keys — here a local key pair stands in for them, since
 * login.microsoftonline.com cannot be reached from this machine (which is also tested: fail closed).
 */
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { tabPage } from '../../bots/teams/tab/page';
import { tabTexts } from '../../bots/teams/tab/server-texts';
import { Translations } from '../../src/i18n/i18n';
import { LINK_TTL_MS, isTabToken, signTabToken, verifyTabToken } from '../../bots/teams/tab/signed-link';
import { createSsoVerifier, microsoftKeys } from '../../bots/teams/tab/sso';
import { tabLanguage } from '../../bots/teams/tab/texts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const NOW = new Date('2026-11-19T12:00:00Z');

describe('signed dashboard links', () => {
  const token = signTabToken(SECRET, 'cperson123', new Date(NOW.getTime() + LINK_TTL_MS));

  test('a fresh link names its person until it expires', () => {
    expect(isTabToken(token)).toBe(true);
    expect(verifyTabToken(SECRET, token, NOW)?.personId).toBe('cperson123');
    expect(verifyTabToken(SECRET, token, new Date(NOW.getTime() + LINK_TTL_MS - 1000))).not.toBeNull();
    expect(verifyTabToken(SECRET, token, new Date(NOW.getTime() + LINK_TTL_MS + 1000))).toBeNull();
  });

  test('forged, re-signed, altered and malformed links are refused', () => {
    const [v, , exp, sig] = token.split('.');
    expect(verifyTabToken(SECRET, `${v}.cother456.${exp}.${sig}`, NOW)).toBeNull();
    expect(verifyTabToken(SECRET, `${v}.cperson123.${Number(exp) + 3600}.${sig}`, NOW)).toBeNull();
    expect(verifyTabToken('another-secret-another-secret-another-secret', token, NOW)).toBeNull();
    expect(verifyTabToken(SECRET, 'v1.cperson123.abc.def', NOW)).toBeNull();
    expect(verifyTabToken(SECRET, 'v1..1.x', NOW)).toBeNull();
    expect(() => signTabToken(SECRET, 'not.allowed', NOW)).toThrow();
  });
});

describe('Teams SSO tokens', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const TID = '11111111-2222-3333-4444-555555555555';
  const OID = '0c000000-0000-0000-0000-000000000002';
  const AUDIENCE = 'api://nabo.example.dk/6f1d9a52-3c4b-4e8f-9a77-0b1c2d3e4f50';
  const sign = (claims: Record<string, unknown>, opts: jwt.SignOptions = {}): string =>
    jwt.sign({ oid: OID, tid: TID, ...claims }, privateKey, {
      algorithm: 'RS256',
      keyid: 'k1',
      audience: AUDIENCE,
      issuer: `https://login.microsoftonline.com/${TID}/v2.0`,
      expiresIn: 3600,
      ...opts,
    });
  const verify = createSsoVerifier({ audience: AUDIENCE, allowedTenants: [TID], keys: async (kid) => (kid === 'k1' ? publicKey : null) });

  test('a token for our audience from an allowed tenant gives the user', async () => {
    expect(await verify(sign({}))).toEqual({ objectId: OID, tenantId: TID });
  });

  test('wrong audience, other tenant, foreign issuer, unknown key, expiry and other keys are refused', async () => {
    expect(await verify(sign({}, { audience: 'api://someone-else' }))).toBeNull();
    const other = '99999999-8888-7777-6666-555555555555';
    expect(await verify(sign({ tid: other }, { issuer: `https://login.microsoftonline.com/${other}/v2.0` }))).toBeNull();
    expect(await verify(sign({}, { issuer: 'https://evil.example/v2.0' }))).toBeNull();
    expect(await verify(sign({}, { keyid: 'k2' }))).toBeNull();
    expect(await verify(sign({}, { expiresIn: -10 }))).toBeNull();
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(
      await verify(
        jwt.sign({ oid: OID, tid: TID }, stranger, {
          algorithm: 'RS256',
          keyid: 'k1',
          audience: AUDIENCE,
          issuer: `https://login.microsoftonline.com/${TID}/v2.0`,
        }),
      ),
    ).toBeNull();
    expect(await verify('not-a-jwt')).toBeNull();
  });

  test('Microsoft’s key set is read as JWKS; when it cannot be fetched every token is refused', async () => {
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1' };
    const served = microsoftKeys(async () => new Response(JSON.stringify({ keys: [jwk] })));
    expect(await createSsoVerifier({ audience: AUDIENCE, allowedTenants: [TID], keys: served })(sign({}))).toEqual({ objectId: OID, tenantId: TID });
    const offline = microsoftKeys(async () => {
      throw new TypeError('fetch failed');
    });
    expect(await createSsoVerifier({ audience: AUDIENCE, allowedTenants: [TID], keys: offline })(sign({}))).toBeNull();
  });
});

describe('the tab page', () => {
  test('is served in the asked language and direction, and knows whether SSO is on', () => {
    expect(tabPage('da', false, tabTexts(new Translations().translator('da')))).toMatch(
      /<html lang="da" dir="ltr">[\s\S]*Fremdrift i helhedsplanen[\s\S]*data-sso="0"/,
    );
    expect(tabPage('ar', true, tabTexts(new Translations().translator('ar')))).toMatch(/<html lang="ar" dir="rtl">[\s\S]*data-sso="1"/);
    expect(tabLanguage('ar-SA')).toBe('ar');
    expect(tabLanguage('ku')).toBe('ckb');
    expect(tabLanguage('<script>')).toBe('da');
  });
});
