/**
 * Online backup of the SQLite database with SQLite's backup API (better-sqlite3 `.backup()`): a
 * consistent copy taken page by page while Nabo keeps running and writing. The copy is then
 * opened on its own, checked (`PRAGMA integrity_check`) and its tables counted, so a backup that
 * reports success can be restored. PostgreSQL is backed up with pg_dump (deploy/README.md).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** Rows per table in a database file, by table name. */
export type TableCounts = Record<string, number>;

/** Counts the rows of every table of an open SQLite database (Prisma's bookkeeping included). */
export function countRows(db: BetterSqlite3.Database): TableCounts {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const counts: TableCounts = {};
  for (const { name } of tables) {
    const row = db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

/** Why a backup was not made; the message is for the operator. */
export class BackupError extends Error {}

/**
 * Copies the SQLite file `source` to `target` (a new file; `overwrite` replaces an existing one only
 * after the new copy is complete and checked). Returns the row counts of the copy.
 */
export async function backupSqlite(source: string, target: string, opts: { overwrite?: boolean } = {}): Promise<TableCounts> {
  const from = resolve(source);
  const to = resolve(target);
  if (from === to) throw new BackupError('The backup file must not be the database itself.');
  if (!existsSync(from)) throw new BackupError(`There is no database at ${from}.`);
  if (existsSync(to) && !opts.overwrite) throw new BackupError(`${to} exists already; choose another file or add --force to replace it.`);
  mkdirSync(dirname(to), { recursive: true });
  // Written beside the target and renamed at the end, so a failed run never leaves half a backup under its name.
  const partial = `${to}.partial`;
  rmSync(partial, { force: true });
  const db = new BetterSqlite3(from, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial);
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(partial, { readonly: true, fileMustExist: true });
  let counts: TableCounts;
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The copy failed SQLite's integrity check (${String(check)}).`);
    counts = countRows(copy);
  } finally {
    copy.close();
  }
  renameSync(partial, to);
  return counts;
}
