/**
 * Opens Nabo's database: the embedded SQLite file or a PostgreSQL server, migrated before use.
 * Both generated clients have the same model API; the rest of Nabo sees one type, `Db`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import type { DatabaseTarget } from '../config/config';
import { migratePostgres, migrateSqlite } from './migrations';
import { cacheStatements } from './statement-cache';
import { rebuildAllTotals } from '../progress/progress-totals';

/** The Prisma client type every service receives. */
export type Db = SqliteClient;
/** A transaction client, as handed to `$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
export type Provider = DatabaseTarget['provider'];

/** An open, migrated database. */
export interface Database {
  db: Db;
  provider: Provider;
  /** Where it is, without credentials, for logs and the start banner. */
  where: string;
  applied: string[];
  close(): Promise<void>;
}

/** Splits `?schema=NAME` off a PostgreSQL URL (Prisma's convention), for isolated test schemas. */
export function postgresSchemaOf(url: string): { url: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  return { url: u.toString(), schema };
}

/** Prisma's SQLite query compiler as a CommonJS module: the WebAssembly as one base64 string. */
const QUERY_COMPILER_SOURCE = /[\\/]@prisma[\\/]client[\\/]runtime[\\/]query_compiler_\w+_bg\.sqlite\.wasm-base64\.js$/;

/**
 * Lets the 4.4 MB base64 source of the query compiler go once the client has compiled it: the module
 * cache (and the loading module's `children`) would otherwise keep it for the life of the process. A
 * later client simply loads it again. No-op where modules are not in Node's cache (a test runner's).
 */
export function releaseQueryCompilerSource(cache: NodeJS.Dict<NodeJS.Module> | undefined = require.cache): number {
  if (!cache) return 0;
  let released = 0;
  for (const [key, mod] of Object.entries(cache)) {
    if (!mod || !QUERY_COMPILER_SOURCE.test(key)) continue;
    delete cache[key];
    for (const parent of Object.values(cache)) {
      const i = parent?.children.indexOf(mod) ?? -1;
      if (i >= 0) parent?.children.splice(i, 1);
    }
    released++;
  }
  return released;
}

/**
 * Prisma's better-sqlite3 adapter for `file`, whose connection keeps its prepared statements for
 * reuse (statement-cache.ts) instead of preparing every statement again. `onConnection` sees the
 * connection once it is made (the bench records the statements and arguments that reach SQLite).
 */
export function sqliteAdapterFactory(file: string, onConnection?: (connection: BetterSqlite3.Database) => void): PrismaBetterSqlite3 {
  const factory = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    cacheStatements(connection);
    // The bench's storage floor records what reaches SQLite here.
    onConnection?.(connection);
    return adapter;
  };
  return factory;
}

async function openSqlite(file: string): Promise<Database> {
  mkdirSync(dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file);
  // WAL + NORMAL: ~8x faster writes (see shared/notes/environment.md), still durable on crash of
  // the process; busy_timeout lets a second process (a CLI) wait instead of failing.
  raw.pragma('journal_mode = WAL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('secure_delete = ON');
  const applied = migrateSqlite(raw);
  raw.close();
  const db = new SqliteClient({ adapter: sqliteAdapterFactory(file) });
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // Erased names and notes are overwritten with zeros instead of lingering in free pages of the file.
  await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
  // The queries above compiled the query compiler; its source is no longer needed.
  releaseQueryCompilerSource();
  return { db, provider: 'sqlite', where: `SQLite file ${file}`, applied, close: () => db.$disconnect() };
}

async function openPostgres(fullUrl: string): Promise<Database> {
  const { url, schema } = postgresSchemaOf(fullUrl);
  const options = schema ? `-c search_path="${schema.replace(/"/g, '')}"` : undefined;
  // Loaded only for PostgreSQL: the embedded default starts faster and smaller without them.
  const [{ Client: PgClient }, { PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import('pg'),
    import('@prisma/adapter-pg'),
    import('../generated/postgresql/client'),
  ]);
  const client = new PgClient({ connectionString: url, options });
  await client.connect();
  let applied: string[];
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    applied = await migratePostgres(client);
  } finally {
    await client.end();
  }
  const adapter = new PrismaPg({ connectionString: url, options, max: 10 }, schema ? { schema } : undefined);
  const db = new PostgresClient({ adapter }) as unknown as Db;
  const u = new URL(url);
  const where = `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}${schema ? ` (schema ${schema})` : ''}`;
  return { db, provider: 'postgresql', where, applied, close: () => db.$disconnect() };
}

/** Opens and migrates the database the configuration names. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const database = target.provider === 'sqlite' ? await openSqlite(target.file) : await openPostgres(target.url);
  // Migrations set the progress triggers aside (progress-triggers.ts): the kept progress is recounted after them.
  if (database.applied.length) await rebuildAllTotals(database.db);
  return database;
}
