/**
 * With a bot registration (MicrosoftAppId) the channel only accepts activities carrying a valid
 * Bot Framework token. Validating a real token needs login.botframework.com; refusing a request
 * without one does not, so that is proven here: 401, and nothing handled or recorded.
 */
import { STAFF, TENANT, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { textMessage } from '../../bots/teams/testing/teams-activities';
import { FixedClock } from '../../src/time/clock';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    clock: new FixedClock(new Date('2026-11-19T12:00:00Z')),
    env: {
      MicrosoftAppId: '6f1d9a52-3c4b-4e8f-9a77-0b1c2d3e4f50',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
      TEAMS_ALLOWED_TENANTS: TENANT,
    },
  });
});
afterAll(async () => {
  await h?.close();
});

test('with an app id, an activity without a token is refused with 401 and never handled', async () => {
  // The CloudAdapter reports the refusal on the console; keep the test output clean.
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const res = await h.post(textMessage({ serviceUrl: h.connector.url, user: { objectId: STAFF, name: 'Mette', tenantId: TENANT }, text: 'hej' }));
    expect(res.status).toBe(401);
  } finally {
    error.mockRestore();
  }
  expect(await h.nabo.database.db.processedUpdate.count()).toBe(0);
  expect(await h.nabo.database.db.channelIdentity.count({ where: { channel: 'teams' } })).toBe(0);
  expect(h.connector.calls).toHaveLength(0);
});

test('other methods than POST are not routed to the bot', async () => {
  expect((await fetch(`${h.url}/api/messages`)).status).toBe(405);
});
