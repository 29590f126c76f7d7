/**
 * Real databases for integration tests: a fresh SQLite file, or a fresh schema on the PostgreSQL
 * server named by NABO_TEST_POSTGRES_URL. Each is migrated like production and removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database, type Provider } from '../../src/database/database';

export const DEFAULT_TEST_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';

/** The databases integration tests run on: SQLite always, PostgreSQL when NABO_TEST_PROVIDERS says so. */
export function testProviders(): Provider[] {
  const wanted = (process.env.NABO_TEST_PROVIDERS ?? 'sqlite').split(',').map((s) => s.trim());
  return wanted.filter((p): p is Provider => p === 'sqlite' || p === 'postgresql');
}

/** A migrated, empty database and a function that deletes it; `url` reaches it from another process. */
export async function createTestDatabase(provider: Provider): Promise<Database & { destroy(): Promise<void>; url?: string }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'nabo-test-'));
    const database = await openDatabase({ provider: 'sqlite', file: join(dir, 'nabo.db') });
    return {
      ...database,
      destroy: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.NABO_TEST_POSTGRES_URL ?? DEFAULT_TEST_POSTGRES_URL;
  const schema = `nabo_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  const database = await openDatabase({ provider: 'postgresql', url: url.toString() });
  return {
    ...database,
    url: url.toString(),
    destroy: async () => {
      await database.close();
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
