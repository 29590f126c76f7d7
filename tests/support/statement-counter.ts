/**
 * Counts the SQL statements Prisma sends, by wrapping the driver adapter of a test database: every
 * `queryRaw`/`executeRaw` on the connection or inside a transaction is one statement, and so is
 * the BEGIN each transaction starts with (SQLite's adapter runs it out of sight, PostgreSQL's
 * through its own transaction object), so both databases count the same way. COMMIT goes through
 * `executeRaw` and is counted there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import { PrismaClient as SqliteClient } from '../../src/generated/sqlite/client';
import { openDatabase, postgresSchemaOf, sqliteAdapterFactory, type Db, type Provider } from '../../src/database/database';
import { createTestDatabase } from './test-database';

/** The statements seen since the last reset, in order. */
export class StatementLog {
  readonly statements: string[] = [];

  reset(): void {
    this.statements.length = 0;
  }

  get count(): number {
    return this.statements.length;
  }

  record(sql: string): void {
    this.statements.push(sql.replace(/\s+/g, ' ').trim());
  }

  /** Counts the statements `work` sends, and what they were. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
    this.reset();
    const result = await work();
    return { result, count: this.count, statements: [...this.statements] };
  }
}

function countedQueryable<Q extends { queryRaw(q: SqlQuery): Promise<unknown>; executeRaw(q: SqlQuery): Promise<number> }>(
  inner: Q,
  log: StatementLog,
): Pick<Q, 'queryRaw' | 'executeRaw'> {
  return {
    queryRaw: (q) => {
      log.record(q.sql);
      return inner.queryRaw(q) as ReturnType<Q['queryRaw']>;
    },
    executeRaw: (q) => {
      log.record(q.sql);
      return inner.executeRaw(q);
    },
  };
}

function countedTransaction(inner: Transaction, log: StatementLog): Transaction {
  return {
    get provider() {
      return inner.provider;
    },
    get adapterName() {
      return inner.adapterName;
    },
    get options() {
      return inner.options;
    },
    ...countedQueryable(inner, log),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
    ...(inner.createSavepoint ? { createSavepoint: (name: string) => inner.createSavepoint?.(name) ?? Promise.resolve() } : {}),
    ...(inner.rollbackToSavepoint ? { rollbackToSavepoint: (name: string) => inner.rollbackToSavepoint?.(name) ?? Promise.resolve() } : {}),
    ...(inner.releaseSavepoint ? { releaseSavepoint: (name: string) => inner.releaseSavepoint?.(name) ?? Promise.resolve() } : {}),
  };
}

function countedAdapter(inner: SqlDriverAdapter, log: StatementLog): SqlDriverAdapter {
  return {
    get provider() {
      return inner.provider;
    },
    get adapterName() {
      return inner.adapterName;
    },
    ...countedQueryable(inner, log),
    executeScript: (script) => inner.executeScript(script),
    startTransaction: async (isolationLevel) => {
      log.record('BEGIN');
      return countedTransaction(await inner.startTransaction(isolationLevel), log);
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: inner.getConnectionInfo.bind(inner) } : {}),
    dispose: () => inner.dispose(),
  };
}

/** Wraps a driver adapter factory so every connection it makes is counted into `log`. */
export function countingFactory(inner: SqlDriverAdapterFactory, log: StatementLog): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => countedAdapter(await inner.connect(), log),
  };
}

/** A migrated, empty test database whose client counts its statements, set up like database.ts does. */
export async function createCountedDatabase(
  provider: Provider,
  onSqliteConnection?: (connection: BetterSqlite3.Database, file: string) => void,
): Promise<{ db: Db; log: StatementLog; destroy(): Promise<void> }> {
  const log = new StatementLog();
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'nabo-count-'));
    const file = join(dir, 'nabo.db');
    // Opened once the ordinary way to migrate it, then again through the counting adapter.
    await (await openDatabase({ provider: 'sqlite', file })).close();
    const db = new SqliteClient({ adapter: countingFactory(sqliteAdapterFactory(file, onSqliteConnection && ((c) => onSqliteConnection(c, file))), log) });
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
    return {
      db,
      log,
      destroy: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const migrated = await createTestDatabase('postgresql');
  if (!migrated.url) throw new Error('PostgreSQL test database without a URL');
  const { url, schema } = postgresSchemaOf(migrated.url);
  const options = schema ? `-c search_path="${schema.replace(/"/g, '')}"` : undefined;
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([import('@prisma/adapter-pg'), import('../../src/generated/postgresql/client')]);
  const db = new PostgresClient({
    adapter: countingFactory(new PrismaPg({ connectionString: url, options, max: 10 }, schema ? { schema } : undefined), log),
  }) as unknown as Db;
  return {
    db,
    log,
    destroy: async () => {
      await db.$disconnect();
      await migrated.destroy();
    },
  };
}
