/** Once-only handling on a real database: the second insert of a key fails; old keys are pruned. */
import { claimUpdate, KEEP_MS, pruneUpdates, updateKey } from '../../bots/telegram/processed-updates';
import { describeEachDatabase } from '../support/test-context';

describeEachDatabase('Telegram processed updates', (ctx) => {
  test('an update is claimed once, also when two deliveries race', async () => {
    const { database, clock } = ctx();
    const key = updateKey(42, 1001);
    const results = await Promise.all([claimUpdate(database.db, key, clock.now()), claimUpdate(database.db, key, clock.now()), claimUpdate(database.db, key, clock.now())]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claimUpdate(database.db, key, clock.now())).toBe(false);
    expect(await claimUpdate(database.db, updateKey(43, 1001), clock.now())).toBe(true);
  });

  test('rows older than three days are pruned, newer ones kept', async () => {
    const { database, clock } = ctx();
    const now = clock.now();
    await claimUpdate(database.db, updateKey(42, 2001), new Date(now.getTime() - KEEP_MS - 1000));
    await claimUpdate(database.db, updateKey(42, 2002), new Date(now.getTime() - KEEP_MS + 60_000));
    await database.db.processedUpdate.create({ data: { key: 'teams:old', createdAt: new Date(0) } });
    expect(await pruneUpdates(database.db, now)).toBe(1);
    const left = (await database.db.processedUpdate.findMany()).map((r) => r.key);
    expect(left).toContain(updateKey(42, 2002));
    expect(left).not.toContain(updateKey(42, 2001));
    // Another channel's records are its own business.
    expect(left).toContain('teams:old');
  });
});
