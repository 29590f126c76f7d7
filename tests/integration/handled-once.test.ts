/**
 * The handled-once store on real databases: an update is leased while handled and done after;
 * a redelivery of a done update is a duplicate, one whose handler died (lease ran out) is taken
 * over, one still in hand is busy; racing deliveries give exactly one handler.
 */
import { claimKey, HandledOnce } from '../../src/database/handled-once';
import { KEEP_MS, pruneUpdates, updateKey } from '../../bots/telegram/processed-updates';
import { describeEachDatabase } from '../support/test-context';

describeEachDatabase('handled-once store', (ctx) => {
  test('racing deliveries of one update: exactly one handles it; after finish it is a duplicate', async () => {
    const { database, clock } = ctx();
    const handled = new HandledOnce(database, clock, 5_000);
    const key = updateKey(42, 1001);
    const claims = await Promise.all([handled.begin(key), handled.begin(key), handled.begin(key), handled.begin(key)]);
    expect(claims.filter((c) => c === 'mine')).toHaveLength(1);
    expect(claims.filter((c) => c === 'busy')).toHaveLength(3);
    await handled.finish(key);
    expect(await handled.begin(key)).toBe('done');
    clock.advance(60_000);
    expect(await handled.begin(key)).toBe('done');
    expect(await handled.begin(updateKey(43, 1001))).toBe('mine');
  });

  test('a handler that died: the redelivery is busy until the lease runs out, then taken over once', async () => {
    const { database, clock } = ctx();
    const handled = new HandledOnce(database, clock, 5_000);
    const key = updateKey(42, 1002);
    expect(await handled.begin(key)).toBe('mine');
    // ...and the process is killed here: no finish, no abandon.
    clock.advance(4_000);
    expect(await handled.begin(key)).toBe('busy');
    clock.advance(2_000);
    const takeovers = await Promise.all([handled.begin(key), handled.begin(key), handled.begin(key)]);
    expect(takeovers.filter((c) => c === 'mine')).toHaveLength(1);
    await handled.finish(key);
    expect(await handled.begin(key)).toBe('done');
  });

  test('an abandoned update is handled afresh by its redelivery', async () => {
    const { database, clock } = ctx();
    const handled = new HandledOnce(database, clock);
    const key = updateKey(42, 1003);
    expect(await handled.begin(key)).toBe('mine');
    await handled.abandon(key);
    expect(await handled.begin(key)).toBe('mine');
  });

  test('announcement keys are done markers: one of many racing claims wins', async () => {
    const { database, clock } = ctx();
    const wins = await Promise.all(Array.from({ length: 6 }, () => claimKey(database, 'teams:handover:x', clock.now())));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await new HandledOnce(database, clock).begin('teams:handover:x')).toBe('done');
  });

  test('Telegram rows older than three days are pruned, newer ones and other channels kept', async () => {
    const { database, clock } = ctx();
    const now = clock.now();
    await claimKey(database, updateKey(42, 2001), new Date(now.getTime() - KEEP_MS - 1000));
    await claimKey(database, updateKey(42, 2002), new Date(now.getTime() - KEEP_MS + 60_000));
    await claimKey(database, 'teams:old', new Date(0));
    expect(await pruneUpdates(database, now)).toBe(1);
    const left = (await database.db.processedUpdate.findMany()).map((r) => r.key);
    expect(left).toContain(updateKey(42, 2002));
    expect(left).not.toContain(updateKey(42, 2001));
    expect(left).toContain('teams:old');
  });
});
