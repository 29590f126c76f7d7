/**
 * Statements a Teams turn sends through the whole channel (issue 15), not only the engine: the sender's
 * identity is read once per activity (the access check's read is handed to the engine's turn), a
 * delivery log sends at most four statements, a coordinator's whole-plan progress at most five (its
 * dashboard link needs no read of its own). Counted on the SQLite driver under Prisma, so every
 * statement is seen whichever way it is sent.
 */
import Database from 'better-sqlite3';
import { verifyTabToken } from '../../bots/teams/tab/signed-link';
import { COORDINATOR, STAFF, TENANT, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { RateLimiter } from '../../bots/teams/rate-limit';
import { submitMessage, textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { FixedClock } from '../../src/time/clock';

const sent: string[] = [];
type Run = (this: { source: string }, ...args: unknown[]) => unknown;
const statementProto = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<'run' | 'all' | 'get', Run>;
const originals = { run: statementProto.run, all: statementProto.all, get: statementProto.get };

const NOW = new Date('2026-11-19T19:00:00Z');
// The harness's tab secret (bots/teams/testing/harness.ts).
const SECRET = 'test-secret-test-secret-test-secret-0123';
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
const coordinator: TeamsUser = { objectId: COORDINATOR, name: 'Hanne Jensen', tenantId: TENANT };
let h: Harness;

beforeAll(async () => {
  for (const name of ['run', 'all', 'get'] as const) {
    const original = originals[name];
    statementProto[name] = function (this: { source: string }, ...args: unknown[]) {
      sent.push(this.source.replace(/\s+/g, ' ').trim());
      return original.apply(this, args);
    };
  }
  h = await startHarness({ clock: new FixedClock(NOW), rateLimiter: new RateLimiter({ limit: 1000, windowMs: 10_000 }) });
  // First contacts create the people; a first delivery warms the plan data cache.
  await h.post(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'hej', deliveryMode: 'expectReplies' }));
  await h.post(textMessage({ serviceUrl: h.connector.url, user: coordinator, text: 'hej', deliveryMode: 'expectReplies' }));
  await h.post(
    textMessage({ serviceUrl: h.connector.url, user: staff, text: 'fællesspisning i dag 34 deltagere 2 frivillige', deliveryMode: 'expectReplies' }),
  );
  await h.post(submitMessage({ serviceUrl: h.connector.url, user: staff, value: { action: 'delivery.abort' }, deliveryMode: 'expectReplies' }));
});

afterAll(async () => {
  Object.assign(statementProto, originals);
  await h?.close();
});

async function counted(activity: unknown): Promise<{ body: unknown; statements: string[] }> {
  sent.length = 0;
  const { body } = await h.post(activity as never);
  return { body, statements: [...sent] };
}

const identityReads = (statements: string[]): string[] => statements.filter((s) => /^SELECT\b/i.test(s) && /FROM "ChannelIdentity" i JOIN "Person"/.test(s));

test('a delivery log reads the sender once and sends at most four statements, and the card still offers Save', async () => {
  const { body, statements } = await counted(
    textMessage({ serviceUrl: h.connector.url, user: staff, text: 'fællesspisning i dag 34 deltagere 2 frivillige', deliveryMode: 'expectReplies' }),
  );
  expect(JSON.stringify(body)).toContain('delivery.save');
  expect(JSON.stringify(body)).toMatch(/\b34\b/);
  expect(identityReads(statements)).toHaveLength(1);
  expect(statements.length).toBeLessThanOrEqual(4);
  await h.post(submitMessage({ serviceUrl: h.connector.url, user: staff, value: { action: 'delivery.abort' }, deliveryMode: 'expectReplies' }));
});

test("a coordinator's whole-plan progress reads her once, dashboard link included, in at most five statements", async () => {
  const { body, statements } = await counted(
    textMessage({ serviceUrl: h.connector.url, user: coordinator, text: 'fremdrift for hele planperioden', deliveryMode: 'expectReplies' }),
  );
  const text = JSON.stringify(body);
  expect(text).toContain('planperioden');
  // The dashboard link is still offered beside the table, signed for her.
  const token = /\/tab\?token=([^&"]+)/.exec(text)?.[1] ?? '';
  const her = await h.nabo.database.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: COORDINATOR } } });
  expect(verifyTabToken(SECRET, token, NOW)?.personId).toBe(her.personId);
  expect(identityReads(statements)).toHaveLength(1);
  expect(statements.length).toBeLessThanOrEqual(5);
});
