/**
 * What a hostile or broken client can do to the Teams side: malformed activities get 400 (not 500,
 * which Teams would retry), a flooding user is slowed down without touching others, resident text
 * on staff cards stays plain text, and the dashboard refuses over-long tokens and floods.
 */
import { handoverCard } from '../../bots/teams/cards/proactive-cards';
import { plainMarkdown } from '../../bots/teams/cards/adaptive-card';
import { listenHost } from '../../bots/http/server';
import { RateLimiter } from '../../bots/teams/rate-limit';
import { LINK_TTL_MS, signTabToken, verifyTabToken } from '../../bots/teams/tab/signed-link';
import { COORDINATOR, STAFF, TENANT, cardText, cardsOf, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { FixedClock } from '../../src/time/clock';

const NOW = new Date('2026-11-19T12:00:00Z');
const clock = new FixedClock(NOW);
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
const coordinator: TeamsUser = { objectId: COORDINATOR, name: 'Karen Holm', tenantId: TENANT };
let h: Harness;
let limiterNow = 0;

beforeAll(async () => {
  // A limit of 5 per 10 s on a clock the test moves, so the burst is exact and quick.
  h = await startHarness({ clock, rateLimiter: new RateLimiter({ limit: 5, windowMs: 10_000 }, () => limiterNow) });
});
afterAll(async () => {
  await h?.close();
});

async function raw(body: string): Promise<number> {
  const res = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  await res.text();
  return res.status;
}

describe('/api/messages at the edge', () => {
  test.each([
    ['a number as type', { type: 123 }],
    ['a list as type', { type: ['message'] }],
    ['no type', {}],
    ['a null type', { type: null }],
    ['a number as serviceUrl', { type: 'message', serviceUrl: 5, conversation: { id: 'x' } }],
    ['a string as conversation', { type: 'message', conversation: 'x' }],
    ['a number as from', { type: 'message', from: 7 }],
    ['an object as text', { type: 'message', text: { evil: true } }],
    [
      'no serviceUrl (botbuilder would answer a public default)',
      { type: 'message', text: 'hej', from: { id: '29:x' }, recipient: { id: 'b' }, conversation: { id: 'a:1' } },
    ],
    [
      'a conversation id that cannot go in a header',
      {
        type: 'message',
        text: 'hej',
        serviceUrl: 'http://127.0.0.1:9/',
        from: { id: '29:x' },
        recipient: { id: 'b' },
        conversation: { id: 'a:1\r\nX-Evil: 1' },
      },
    ],
    ['a null sender', { type: 'message', text: 'hej', serviceUrl: 'http://127.0.0.1:9/', from: null, recipient: { id: 'b' }, conversation: { id: 'a:1' } }],
    [
      'a null list of entities',
      {
        type: 'message',
        text: 'hej',
        serviceUrl: 'http://127.0.0.1:9/',
        from: { id: '29:x' },
        recipient: { id: 'b' },
        conversation: { id: 'a:1' },
        entities: null,
      },
    ],
  ])('%s is answered 400, and nothing is sent', async (_name, body) => {
    const before = h.connector.calls.length;
    expect(await raw(JSON.stringify(body))).toBe(400);
    expect(h.connector.calls.length).toBe(before);
  });

  test('a body that is not JSON, or not an object, is 400 too', async () => {
    expect(await raw('{not json')).toBe(400);
    expect(await raw('[]')).toBe(400);
    expect(await raw('"message"')).toBe(400);
  });
});

describe('rate limit per Teams user', () => {
  test('a flood from one user gets one "slow down" and is dropped; another user is answered as usual', async () => {
    limiterNow = 1_000_000;
    const before = h.connector.calls.length;
    for (let i = 0; i < 5; i++) expect((await h.post(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'hjælp' }))).status).toBe(200);
    await h.connector.waitFor(before + 5);
    for (let i = 0; i < 10; i++) expect((await h.post(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'hjælp' }))).status).toBe(200);
    await h.connector.waitFor(before + 6);
    const burst = h.connector.calls.slice(before);
    expect(burst).toHaveLength(6);
    expect(burst.filter((c) => c.activity?.text === 'Du skriver hurtigere, end jeg kan følge med. Vent et øjeblik, og prøv så igen.')).toHaveLength(1);
    // Someone else is not affected, and the flooder is let in again after the window.
    const other = await h.post(textMessage({ serviceUrl: h.connector.url, user: coordinator, text: 'hjælp' }));
    expect(other.status).toBe(200);
    await h.connector.waitFor(before + 7);
    limiterNow += 10_001;
    await h.post(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'hjælp' }));
    await h.connector.waitFor(before + 8);
    expect(cardsOf(h.connector.calls[before + 7]!)).toHaveLength(1);
  });
});

describe('resident text on staff cards', () => {
  const hostile = '**HASTER** [Klik her](https://evil.example/login) _nu_';

  test('markdown in a name or question is shown as typed, never as a link or bold', () => {
    const card = handoverCard({ id: 'h1', firstName: '[Mette](https://evil.example)', language: 'da', question: hostile }, 'da');
    const json = JSON.stringify(card);
    expect(json).not.toContain('[Klik her](https');
    expect(json).not.toContain('**HASTER**');
    expect(cardText(cardsOf(card)[0]!)).toContain('\\*\\*HASTER\\*\\* \\[Klik her\\](https://evil.example/login) \\_nu\\_');
    expect(plainMarkdown('- 1. punkt')).toBe('\\- 1. punkt');
    expect(plainMarkdown('12. marts')).toBe('12\\. marts');
    expect(plainMarkdown('Fællesspisning 19:00 (ParkCafeen)')).toBe('Fællesspisning 19:00 (ParkCafeen)');
  });

  test("a resident's question reaches staff through the bot with its markdown escaped", async () => {
    const who = { channel: 'telegram' as const, externalId: 'tg-hostile', firstName: '**Boss**', role: 'resident' as const };
    const p = await h.nabo.services.people.identify(who);
    await h.nabo.services.people.setConsent(p.id, true);
    await h.nabo.services.people.identify(who);
    await h.nabo.services.handovers.open({ personId: p.id, channel: 'telegram', language: 'da', question: hostile });
    limiterNow += 20_000;
    const before = h.connector.calls.length;
    await h.post(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'åbne henvendelser' }));
    await h.connector.waitFor(before + 1);
    const text = cardText(cardsOf(h.connector.calls[before]!)[0]!);
    expect(text).toContain('\\*\\*HASTER\\*\\*');
    expect(text).not.toMatch(/(^|[^\\])\[Klik her\]\(/);
  });
});

describe('dashboard', () => {
  const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

  test('a token that claims to live longer than the configured lifetime is refused', () => {
    expect(verifyTabToken(SECRET, signTabToken(SECRET, 'cperson1', new Date(NOW.getTime() + LINK_TTL_MS)), NOW)).not.toBeNull();
    expect(verifyTabToken(SECRET, signTabToken(SECRET, 'cperson1', new Date(NOW.getTime() + 2 * 3_600_000)), NOW)).toBeNull();
    expect(verifyTabToken(SECRET, signTabToken(SECRET, 'cperson1', new Date(NOW.getTime() + 365 * 86_400_000)), NOW)).toBeNull();
    // A shorter configured lifetime refuses a token the default would take.
    expect(verifyTabToken(SECRET, signTabToken(SECRET, 'cperson1', new Date(NOW.getTime() + LINK_TTL_MS)), NOW, 5 * 60_000)).toBeNull();
  });

  test('/api/progress answers 429 to one caller after 30 requests a minute, and keeps answering others', async () => {
    const token = signTabToken('x'.repeat(40), 'cnobody', new Date(NOW.getTime() + 60_000));
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await fetch(`${h.url}/api/progress`, { headers: { Authorization: `Bearer ${token}` } });
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const other = await fetch(`${h.url}/api/progress`, { headers: { Authorization: 'Bearer v1.cother.1.x' } });
    expect(other.status).toBe(401);
  });
});

describe('where the server listens', () => {
  test('only on this machine while /api/messages is unauthenticated, unless HOST says otherwise', () => {
    expect(listenHost(undefined, false)).toBe('127.0.0.1');
    expect(listenHost(undefined, true)).toBe('0.0.0.0');
    expect(listenHost('0.0.0.0', false)).toBe('0.0.0.0');
    expect(listenHost('10.0.0.5', true)).toBe('10.0.0.5');
  });
});
