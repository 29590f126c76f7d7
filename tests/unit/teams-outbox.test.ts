/**
 * Proactive delivery in Teams without a network: the Messenger's reading of Teams' answers (sent,
 * 403/404 → blocked, 400 → permanent failure, others → retried), and the once-only keys that guard
 * announcements, won exactly once by concurrent claims on a real database (SQLite always,
 * PostgreSQL too with NABO_TEST_PROVIDERS=sqlite,postgresql).
 */
import type { Activity, ConversationReference } from 'botbuilder';
import { TeamsMessenger } from '../../bots/teams/proactive/teams-messenger';
import { claimKey, KEEP_ACTIVITY_KEYS_MS, pruneActivityKeys } from '../../bots/teams/processed-updates';
import { DeliveryError, type Recipient } from '../../src/outbox/messenger';
import { createTestDatabase, testProviders } from '../support/test-database';

const NOW = new Date('2026-11-19T12:00:00Z');
const address = JSON.stringify({
  serviceUrl: 'https://smba.example/emea/',
  channelId: 'msteams',
  conversation: { id: 'a:personal-1' },
  bot: { id: '28:bot' },
  user: { id: '29:u' },
});
const to: Recipient = { personId: 'p1', channel: 'teams', externalId: 'oid', address };
const message = { language: 'ar' as const, direction: 'rtl' as const, text: 'تم إلغاء الفعالية', choices: [{ label: 'القائمة', action: 'welcome.menu' }] };

function sender(fail?: number) {
  const sent: { reference: Partial<ConversationReference>; activities: Partial<Activity>[] }[] = [];
  return {
    sent,
    async send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]) {
      if (fail) throw Object.assign(new Error(`HTTP ${fail}`), { statusCode: fail });
      sent.push({ reference, activities });
    },
  };
}

describe('TeamsMessenger', () => {
  test('sends the message as a right-to-left card with its buttons into the stored conversation', async () => {
    const s = sender();
    expect(await new TeamsMessenger(s).send(to, message)).toBe('sent');
    expect(s.sent[0]?.reference.conversation?.id).toBe('a:personal-1');
    const card = s.sent[0]?.activities[0]?.attachments?.[0]?.content as { rtl?: boolean; body: { type: string; actions?: { data: { action: string } }[] }[] };
    expect(card.rtl).toBe(true);
    expect(card.body.find((e) => e.type === 'ActionSet')?.actions?.[0]?.data.action).toBe('welcome.menu');
  });

  test('403 and 404 mean blocked; 400 fails for good; other errors are retried; no address is permanent', async () => {
    expect(await new TeamsMessenger(sender(403)).send(to, message)).toBe('blocked');
    expect(await new TeamsMessenger(sender(404)).send(to, message)).toBe('blocked');
    await expect(new TeamsMessenger(sender(400)).send(to, message)).rejects.toMatchObject({ permanent: true, reason: 'teams 400' });
    await expect(new TeamsMessenger(sender(502)).send(to, message)).rejects.toMatchObject({ permanent: false, reason: 'teams 502' });
    const missing = new TeamsMessenger(sender()).send({ ...to, address: null }, message);
    await expect(missing).rejects.toBeInstanceOf(DeliveryError);
    await expect(missing).rejects.toMatchObject({ permanent: true });
  });
});

for (const provider of testProviders()) {
  describe(`once-only keys [${provider}]`, () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      database = await createTestDatabase(provider);
    });
    afterAll(async () => {
      await database?.destroy();
    });

    test('a key is won by exactly one of many concurrent claims', async () => {
      const wins = await Promise.all(Array.from({ length: 8 }, () => claimKey(database, 'teams:handover:h1', NOW)));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await claimKey(database, 'teams:handover:h2', NOW)).toBe(true);
      expect(await database.db.processedUpdate.count()).toBe(2);
    });

    test('old inbound-activity keys are pruned; announcement keys and other channels stay', async () => {
      const old = new Date(NOW.getTime() - KEEP_ACTIVITY_KEYS_MS - 60_000);
      for (const key of ['teams:conv-1:act-1', 'teams:attendance:e1', 'telegram:1:99']) await claimKey(database, key, old);
      await claimKey(database, 'teams:conv-1:act-2', NOW);
      expect(await pruneActivityKeys(database, NOW)).toBe(1);
      const left = (await database.db.processedUpdate.findMany({ select: { key: true } })).map((r) => r.key).sort();
      expect(left).toEqual(['teams:attendance:e1', 'teams:conv-1:act-2', 'teams:handover:h1', 'teams:handover:h2', 'telegram:1:99']);
    });
  });
}
