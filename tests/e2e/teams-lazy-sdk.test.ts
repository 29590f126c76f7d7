/**
 * The Teams SDK is loaded on demand (bots/teams/sdk.ts): the modules the server loads to start hold
 * none of botbuilder, the channel starts without it, and the first proactive send or the first
 * activity on /api/messages loads it and is delivered as before. exceljs, too, waits for the first
 * workbook. This is what keeps an idle server small (tests/bench/startup-bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { botbuilderLoaded } from '../../bots/teams/sdk';
import { STAFF, TENANT, cardText, cardsOf, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { BOT, conversationFor, textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { enqueue } from '../../src/outbox/outbox';
import { FixedClock } from '../../src/time/clock';

const ROOT = join(__dirname, '..', '..');
const clock = new FixedClock(new Date('2026-11-19T19:00:00Z'));
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };

it('the modules the server starts with include neither botbuilder (nor the Bot Framework) nor exceljs', () => {
  // What bots/main.ts imports, in a process of its own (the test runner's module registry is not Node's).
  const modules = ['./bots/start/v8-flags', './bots/composition', './bots/http/server', './bots/telegram', './bots/telegram/media-route', './bots/teams'];
  const script = [
    `for (const m of ${JSON.stringify([...modules, './bots/shutdown', './src/retention/retention-job'])}) require(m);`,
    'const of = (re) => Object.keys(require.cache).filter((k) => re.test(k)).length;',
    'const sdk = of(/node_modules[\\\\/](botbuilder|botframework-)/), excel = of(/node_modules[\\\\/]exceljs[\\\\/]/);',
    'console.log(JSON.stringify({ modules: Object.keys(require.cache).length, sdk, excel }));',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NABO_V8_FLAGS: 'off' } });
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { modules: number; sdk: number; excel: number };
  expect(out).toEqual({ modules: expect.any(Number), sdk: 0, excel: 0 });
  expect(out.modules).toBeGreaterThan(100);
}, 60_000);

describe('a channel started without the SDK', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts without loading botbuilder, then loads it for the first proactive send, which arrives', async () => {
    expect(botbuilderLoaded()).toBe(false);
    // A staff member who wrote before a restart: the stored address is all a proactive send needs.
    const reference = { channelId: 'msteams', serviceUrl: h.connector.url, conversation: conversationFor(staff), bot: BOT, user: { id: `29:${STAFF}` } };
    const person = await h.nabo.services.people.identify({ channel: 'teams', externalId: STAFF, role: 'staff', address: JSON.stringify(reference) });
    await enqueue(h.nabo.database.db, clock, {
      personId: person.id,
      channel: 'teams',
      kind: 'handover_answer',
      urgent: true,
      payload: { key: 'resident:handover.answer', params: { answer: 'Aflyst i dag.' } },
    });
    expect(botbuilderLoaded()).toBe(false);
    await h.nabo.outbox.runOnce();
    // The answer, and the daily kitchen summary the same worker round gives staff.
    const sent = h.connector.calls.filter((c) => c.conversationId === `a:personal-${STAFF}`).map((c) => cardsOf(c).map(cardText).join('\n'));
    expect(sent).toContain('Svar fra Bysekretariatet: Aflyst i dag.');
    expect(botbuilderLoaded()).toBe(true);
  });

  it('answers an activity on /api/messages through the adapter created for that send', async () => {
    const before = h.connector.calls.length;
    const res = await h.post(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'hej' }));
    expect(res.status).toBe(200);
    await h.connector.waitFor(before + 1);
    expect(h.connector.calls.length).toBeGreaterThan(before);
  });
});
