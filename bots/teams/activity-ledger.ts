/**
 * The handled-once ledger of inbound Teams activities (src/database/handled-once.ts) with the
 * "done" marks written in batches, off the request path. `begin` still leases each activity in the
 * database before it is handled; `finish` only remembers the key, and one UPDATE marks every key
 * finished in the last `delayMs` as done. Until then a redelivery to this instance is answered
 * "done" from memory and one to another instance finds the lease held ("busy"): either way it is
 * not handled again. If the process dies before the batch is written, the leases run out and the
 * redelivered activities are handled afresh — exactly what happens today when a process dies
 * mid-turn, which the ledger already accepts because every write a turn makes is idempotent.
 * Saves a statement per turn under load (one UPDATE per batch) and keeps it out of the reply's time.
 */
import type { Database } from '../../src/database/database';
import { HandledOnce, type Claim, type UpdateLedger } from '../../src/database/handled-once';
import type { Logger } from '../../src/logging/logger';
import type { Clock } from '../../src/time/clock';
import { Prisma } from '../../src/generated/sqlite/client';

/** How long finished keys wait to be written together; far below any lease (30 s by default). */
export const FINISH_BATCH_MS = 100;

/** A ledger whose `finish` is batched; `flush` writes what is pending and `close` makes later finishes immediate. */
export class BatchedActivityLedger implements UpdateLedger {
  private readonly inner: HandledOnce;

  private readonly pending = new Set<string>();

  private timer: NodeJS.Timeout | undefined;

  private writing: Promise<void> = Promise.resolve();

  private closed = false;

  constructor(
    private readonly database: Pick<Database, 'db' | 'provider'>,
    clock: Clock,
    leaseMs: number,
    private readonly logger: Logger,
    private readonly delayMs: number = FINISH_BATCH_MS,
  ) {
    this.inner = new HandledOnce(database, clock, leaseMs);
  }

  /** Takes the activity for this caller; a key finished here but not yet written is 'done' without a statement. */
  begin(key: string): Promise<Claim> {
    return this.pending.has(key) ? Promise.resolve('done') : this.inner.begin(key);
  }

  /** Marks the activity handled: at once after `close`, otherwise with the next batch. */
  async finish(key: string): Promise<void> {
    if (this.closed) return this.inner.finish(key);
    this.pending.add(key);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.delayMs);
      // A pending batch does not keep the process alive; `close` writes it on the way down.
      this.timer.unref();
    }
  }

  /** Gives the activity up after a failure, so its redelivery is handled afresh. */
  async abandon(key: string): Promise<void> {
    this.pending.delete(key);
    await this.inner.abandon(key);
  }

  /** Writes the pending keys now (one statement); resolves when they are written or given up. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return this.writing;
    const keys = [...this.pending];
    this.writing = this.writing.then(() => this.write(keys));
    return this.writing;
  }

  /** Writes what is pending; every later `finish` is written at once (the channel is stopping). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async write(keys: string[]): Promise<void> {
    try {
      await this.database.db.$executeRaw`UPDATE "ProcessedUpdate" SET "leaseUntil" = NULL WHERE "key" IN (${Prisma.join(keys)})`;
    } catch (err) {
      // The leases run out and a redelivery is handled again, as after a crash mid-turn.
      this.logger.warn('teams handled marks not written', { err, keys: keys.length });
    } finally {
      for (const key of keys) this.pending.delete(key);
    }
  }
}
