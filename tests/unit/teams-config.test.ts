/** The Teams channel's configuration: what is accepted, refused and warned about. */
import { loadTeamsConfig } from '../../bots/teams/config';

const APP = '6f1d9a52-3c4b-4e8f-9a77-0b1c2d3e4f50';
const TENANT = '11111111-2222-3333-4444-555555555555';

describe('loadTeamsConfig', () => {
  test('local use: no app id, any tenant, a generated tab secret — each with a warning', () => {
    const c = loadTeamsConfig({});
    expect(c.appId).toBeUndefined();
    expect(c.allowedTenants).toEqual([]);
    expect(c.tabSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(c.warnings.join('\n')).toMatch(/MicrosoftAppId is not set[\s\S]*any tenant[\s\S]*NABO_TAB_SECRET/);
    expect(loadTeamsConfig({}).tabSecret).not.toBe(c.tabSecret);
  });

  test('lists are trimmed, lower-cased and checked; empty variables count as unset', () => {
    const c = loadTeamsConfig({
      TEAMS_ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} , `,
      NABO_COORDINATORS: `${APP}`,
      NABO_ADMINS: '',
      NABO_PUBLIC_URL: 'https://nabo.example.dk/',
      MicrosoftAppId: '',
    });
    expect(c.allowedTenants).toEqual([TENANT]);
    expect(c.coordinators.has(APP)).toBe(true);
    expect(c.admins.size).toBe(0);
    expect(c.publicUrl).toBe('https://nabo.example.dk');
    expect(() => loadTeamsConfig({ NABO_COORDINATORS: 'karen@example.dk' })).toThrow(/NABO_COORDINATORS: must be a comma-separated list of Entra ids/);
  });

  test('with an app id, a password and the tenants are required; a single tenant bot names its tenant', () => {
    expect(() => loadTeamsConfig({ MicrosoftAppId: APP })).toThrow(/MicrosoftAppPassword[\s\S]*TEAMS_ALLOWED_TENANTS/);
    const single = loadTeamsConfig({
      MicrosoftAppId: APP,
      MicrosoftAppPassword: 'x',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      NABO_TAB_SECRET: 's'.repeat(32),
    });
    expect(single.allowedTenants).toEqual([TENANT]);
    expect(single.warnings).toEqual([]);
    expect(() => loadTeamsConfig({ MicrosoftAppType: 'SingleTenant' })).toThrow(/MicrosoftAppTenantId/);
  });

  test('a short tab secret and an unknown app type are refused', () => {
    expect(() => loadTeamsConfig({ NABO_TAB_SECRET: 'short' })).toThrow(/NABO_TAB_SECRET: must be at least 32/);
    expect(() => loadTeamsConfig({ MicrosoftAppType: 'Personal' })).toThrow(/MicrosoftAppType/);
  });
});
