/**
 * Applies the committed migrations (prisma/migrations for SQLite, prisma/postgresql/migrations for
 * PostgreSQL) at start, offline, with no Prisma CLI. Applied migrations are recorded in Prisma's
 * own `_prisma_migrations` table with Prisma's checksum, so `prisma migrate deploy` on a machine
 * with internet sees them as applied. On PostgreSQL an advisory lock lets several instances start
 * at once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Client as PgClient } from 'pg';
import { PROJECT_ROOT } from '../config/config';
import { PG_PROGRESS_FUNCTIONS, PG_PROGRESS_TRIGGERS, SQLITE_PROGRESS_TRIGGERS } from './progress-triggers';

/** One migration folder, in the order Prisma applies them (by name). */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the migration folders of one provider. */
export function readMigrations(provider: 'sqlite' | 'postgresql'): MigrationFile[] {
  const dir = provider === 'sqlite' ? join(PROJECT_ROOT, 'prisma', 'migrations') : join(PROJECT_ROOT, 'prisma', 'postgresql', 'migrations');
  if (!existsSync(dir)) throw new Error(`no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** Refuses to run on a database whose applied migration differs from the committed file. */
function checkApplied(applied: Map<string, string>, files: MigrationFile[]): MigrationFile[] {
  for (const f of files) {
    const sum = applied.get(f.name);
    if (sum !== undefined && sum !== f.checksum) {
      throw new Error(`migration ${f.name} was changed after it was applied to this database`);
    }
  }
  return files.filter((f) => !applied.has(f.name));
}

/** A row of `PRAGMA foreign_key_check`: a child row whose parent is missing. */
interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/**
 * Applies one migration in one transaction with foreign keys off. SQLite ignores
 * `PRAGMA foreign_keys=OFF` inside a transaction (and Prisma's table rebuilds put it there), so a
 * rebuild of a parent table (DROP TABLE "Person" …) would cascade-delete every child row. Keys are
 * therefore switched off before BEGIN, checked with `foreign_key_check` before COMMIT (a migration
 * that leaves orphans is rolled back), and switched back on afterwards.
 */
function applySqliteMigration(db: BetterSqlite3.Database, m: MigrationFile): void {
  const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(m.sql);
      const orphans = db.pragma('foreign_key_check') as ForeignKeyViolation[];
      if (orphans.length > 0) {
        const tables = [...new Set(orphans.map((o) => `${o.table} → ${o.parent}`))].join(', ');
        throw new Error(`migration ${m.name} would leave ${orphans.length} rows without their parent (${tables}); nothing was changed`);
      }
      db.prepare('INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, ?, ?, 1)').run(
        randomUUID(),
        m.checksum,
        new Date().toISOString(),
        m.name,
      );
    })();
  } finally {
    if (keysWereOn) db.pragma('foreign_keys = ON');
  }
}

/** Applies pending migrations to an open SQLite database; returns their names. */
export function migrateSqlite(db: BetterSqlite3.Database, files = readMigrations('sqlite')): string[] {
  db.exec(SQLITE_TABLE);
  const rows = db.prepare('SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as {
    name: string;
    checksum: string;
  }[];
  const pending = checkApplied(new Map(rows.map((r) => [r.name, r.checksum])), files);
  // Progress triggers step aside while tables may be rebuilt, and come back after (see progress-triggers.ts).
  if (pending.length) for (const t of SQLITE_PROGRESS_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS "${t.name}"`);
  for (const m of pending) applySqliteMigration(db, m);
  if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'DeliveryTotal'`).get()) {
    for (const t of SQLITE_PROGRESS_TRIGGERS) db.exec(t.sql);
  }
  return pending.map((m) => m.name);
}

/** The progress triggers present on PostgreSQL, by name. */
async function pgTriggers(client: PgClient): Promise<Set<string>> {
  // In this schema only: tests (and some hosts) keep several Nabo schemas in one database.
  const { rows } = await client.query<{ name: string }>(
    `SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND t.tgname = ANY($1)`,
    [PG_PROGRESS_TRIGGERS.map((t) => t.name)],
  );
  return new Set(rows.map((r) => r.name));
}

/** Applies pending migrations on PostgreSQL under an advisory lock; returns their names. */
export async function migratePostgres(client: PgClient, files = readMigrations('postgresql')): Promise<string[]> {
  const LOCK = 72707369; // any constant shared by all Nabo instances
  await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
  try {
    await client.query(PG_TABLE);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      'SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const pending = checkApplied(new Map(rows.map((r) => [r.name, r.checksum])), files);
    if (pending.length) {
      const present = await pgTriggers(client);
      for (const t of PG_PROGRESS_TRIGGERS) if (present.has(t.name)) await client.query(`DROP TRIGGER "${t.name}" ON "${t.table}"`);
    }
    for (const m of pending) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)', [
          randomUUID(),
          m.checksum,
          m.name,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    await installPgProgressTriggers(client);
    return pending.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]);
  }
}

/** Installs the progress triggers that are missing (all of them after a migration), in one transaction. */
async function installPgProgressTriggers(client: PgClient): Promise<void> {
  const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('"DeliveryTotal"')::text AS t`);
  if (!rows[0]?.t) return;
  const present = await pgTriggers(client);
  const missing = PG_PROGRESS_TRIGGERS.filter((t) => !present.has(t.name));
  if (missing.length === 0) return;
  await client.query('BEGIN');
  try {
    for (const f of PG_PROGRESS_FUNCTIONS)
      await client.query(`CREATE OR REPLACE FUNCTION "${f.name}"() RETURNS trigger LANGUAGE plpgsql AS $fn$\n${f.body}\n$fn$`);
    for (const t of missing) await client.query(`CREATE TRIGGER "${t.name}" ${t.on} EXECUTE FUNCTION "${t.fn}"()`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
