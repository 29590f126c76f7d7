/**
 * How a change to cached data reaches every instance. The writer calls `planDataChanged` after its
 * transaction committed: this process's cache is dropped at once and, on PostgreSQL, a NOTIFY on
 * `nabo_cache` tells every other instance (and a running server when the writer is the
 * `plan:import` command line). Each server listens on one dedicated connection
 * (`listenForDataChanges`); while that connection is down it cannot hear, so the cache is dropped on
 * every reconnect as well. SQLite has one server per file and needs no listener: a write from
 * another process is seen through `PRAGMA data_version` (plan-data-cache.ts).
 */
import type { Db } from '../database/database';
import type { Logger } from '../logging/logger';
import { existingPlanDataCache } from './plan-data-cache';
import { providerOf } from './provider';

/** The PostgreSQL channel cache invalidations travel on. */
export const CACHE_CHANNEL = 'nabo_cache';
/** The payload meaning "plan data changed". */
export const PLAN_DATA = 'plan';

/** Drops the cached plan data here and, on PostgreSQL, tells every other instance to. Call after commit. */
export async function planDataChanged(db: Db): Promise<void> {
  existingPlanDataCache(db)?.invalidate();
  if (providerOf(db) === 'postgresql') await db.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${PLAN_DATA})`;
}

/** What a notification on the cache channel means for this process. */
export function applyNotification(db: Db, payload: string | undefined): void {
  if (payload === PLAN_DATA) existingPlanDataCache(db)?.invalidate();
}

/** A minimal pg client: what the listener uses (so tests can hand in their own). */
interface ListenClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (m: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  end(): Promise<void>;
}

/**
 * Listens for cache invalidations on PostgreSQL on one dedicated connection, reconnecting after a
 * loss (and dropping the cache then, since a notification may have been missed). Resolves once
 * listening; the returned function stops it.
 */
export async function listenForDataChanges(db: Db, connect: () => ListenClient, logger: Logger, retryMs = 2_000): Promise<() => Promise<void>> {
  let client: ListenClient | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const retry = (): void => {
    if (stopped) return;
    client = null;
    timer = setTimeout(() => void start().catch(retry), retryMs);
  };
  const start = async (): Promise<void> => {
    const c = connect();
    client = c;
    c.on('notification', (m) => {
      if (m.channel === CACHE_CHANNEL) applyNotification(db, m.payload);
    });
    const lost = (): void => {
      if (stopped || client !== c) return;
      client = null;
      existingPlanDataCache(db)?.invalidate();
      logger.warn('cache listener lost its connection; reconnecting');
      retry();
    };
    c.on('error', lost);
    c.on('end', lost);
    await c.connect();
    await c.query(`LISTEN ${CACHE_CHANNEL}`);
    // Whatever changed while nobody listened is read again.
    existingPlanDataCache(db)?.invalidate();
  };
  await start();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await (client as ListenClient | null)?.end().catch(() => undefined);
  };
}

/** Starts the listener of a PostgreSQL database at `url` (`?schema=` is ignored: channels are per database). */
export async function listenOnPostgres(db: Db, url: string, logger: Logger): Promise<() => Promise<void>> {
  const { Client } = await import('pg');
  const plain = new URL(url);
  plain.searchParams.delete('schema');
  return listenForDataChanges(db, () => new Client({ connectionString: plain.toString() }), logger);
}
