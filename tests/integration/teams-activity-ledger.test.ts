/**
 * The Teams activity ledger writes its "handled" marks in batches (bots/teams/activity-ledger.ts):
 * a finished activity is never handled again — from memory before the batch is written, from the
 * database after — one whose batch was lost is handled again once its lease runs out (like a
 * crash mid-turn), and after `close` every mark is written at once.
 */
import { BatchedActivityLedger } from '../../bots/teams/activity-ledger';
import { activityKey } from '../../bots/teams/processed-updates';
import { HandledOnce } from '../../src/database/handled-once';
import { silentLogger } from '../../src/logging/logger';
import { describeEachDatabase } from '../support/test-context';

describeEachDatabase('Teams activity ledger with batched finishes', (ctx) => {
  const leaseOf = async (key: string): Promise<Date | null | undefined> => {
    const row = await ctx().database.db.processedUpdate.findUnique({ where: { key }, select: { leaseUntil: true } });
    return row?.leaseUntil;
  };

  test('finished activities are duplicates before and after their batch is written, in one statement for all', async () => {
    const { database, clock } = ctx();
    // A delay no test waits for: the batch is written by flush().
    const ledger = new BatchedActivityLedger(database, clock, 5_000, silentLogger, 60_000);
    const other = new HandledOnce(database, clock, 5_000);
    const keys = ['a1', 'a2', 'a3'].map((id) => activityKey('a:conv-1', id));
    for (const key of keys) expect(await ledger.begin(key)).toBe('mine');
    for (const key of keys) await ledger.finish(key);
    // Not written yet: the lease still stands, so another instance leaves it alone...
    expect(await leaseOf(keys[0]!)).toBeInstanceOf(Date);
    expect(await other.begin(keys[0]!)).toBe('busy');
    // ...and this one knows it is done.
    expect(await ledger.begin(keys[1]!)).toBe('done');
    await ledger.flush();
    for (const key of keys) expect(await leaseOf(key)).toBeNull();
    clock.advance(60_000);
    for (const key of keys) {
      expect(await ledger.begin(key)).toBe('done');
      expect(await other.begin(key)).toBe('done');
    }
  });

  test('a batch that never reached the database: the redelivery is handled again once the lease runs out', async () => {
    const { database, clock } = ctx();
    const ledger = new BatchedActivityLedger(database, clock, 5_000, silentLogger, 60_000);
    const key = activityKey('a:conv-2', 'lost');
    expect(await ledger.begin(key)).toBe('mine');
    await ledger.finish(key);
    // The process dies here; another instance sees the lease, then takes the activity over.
    const other = new HandledOnce(database, clock, 5_000);
    expect(await other.begin(key)).toBe('busy');
    clock.advance(6_000);
    expect(await other.begin(key)).toBe('mine');
  });

  test('an abandoned activity is handled afresh; after close a finish is written at once', async () => {
    const { database, clock } = ctx();
    const ledger = new BatchedActivityLedger(database, clock, 5_000, silentLogger, 60_000);
    const failed = activityKey('a:conv-3', 'failed');
    expect(await ledger.begin(failed)).toBe('mine');
    await ledger.abandon(failed);
    expect(await ledger.begin(failed)).toBe('mine');
    await ledger.finish(failed);
    await ledger.close();
    expect(await leaseOf(failed)).toBeNull();
    const late = activityKey('a:conv-3', 'late');
    expect(await ledger.begin(late)).toBe('mine');
    await ledger.finish(late);
    expect(await leaseOf(late)).toBeNull();
  });

  test('the timer writes the batch by itself', async () => {
    const { database, clock } = ctx();
    const ledger = new BatchedActivityLedger(database, clock, 5_000, silentLogger, 10);
    const key = activityKey('a:conv-4', 'timed');
    expect(await ledger.begin(key)).toBe('mine');
    await ledger.finish(key);
    for (let i = 0; i < 100 && (await leaseOf(key)) !== null; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await leaseOf(key)).toBeNull();
  });
});
