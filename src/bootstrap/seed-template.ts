/**
 * A first start on SQLite without the wait: `npm run build` writes dist/seed/nabo.db, a database with
 * every migration applied and the shipped plans imported, and a stamp of exactly which migration and
 * plan files it was made from. When the database file does not exist yet and the stamp matches the
 * files this start would migrate and import, the file is copied instead (a few milliseconds against
 * about a second of migrating and importing). Any difference (a new migration, an edited plan, another
 * NABO_PLAN_DIR) and the copy is skipped: the start migrates and imports as before, so the template
 * can only save time, never change what a fresh database holds (tests/unit/seed-template.test.ts).
 * The demo calendar is never in the template: it is made from today's date at start.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../config/config';
import { openDatabase } from '../database/database';
import { importPlan } from '../plan-data/plan-importer';
import { loadPlanFile, planFilesIn } from '../plan-data/plan-loader';

/** Where the build puts the template (next to the compiled server). */
export const SEED_TEMPLATE = join(PROJECT_ROOT, 'dist', 'seed', 'nabo.db');

interface TemplateStamp {
  stamp: string;
  imported: string[];
}

const stampFile = (template: string): string => `${template}.json`;

/** A digest of every SQLite migration and every plan file in planDir (names and contents). */
export function seedStamp(planDir: string): string {
  const hash = createHash('sha256');
  const migrations = join(PROJECT_ROOT, 'prisma', 'migrations');
  for (const name of readdirSync(migrations).sort()) {
    const sql = join(migrations, name, 'migration.sql');
    if (!existsSync(sql)) continue;
    hash.update(`migration ${name}\n`).update(readFileSync(sql)).update('\n');
  }
  for (const file of planFilesIn(planDir))
    hash
      .update(`plan ${basename(file)}\n`)
      .update(readFileSync(file))
      .update('\n');
  return hash.digest('hex');
}

/** Builds the template from planDir (the build calls this); returns the plan files it holds. */
export async function buildSeedTemplate(planDir: string, template = SEED_TEMPLATE): Promise<string[]> {
  mkdirSync(dirname(template), { recursive: true });
  const partial = `${template}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const database = await openDatabase({ provider: 'sqlite', file: partial });
  const imported: string[] = [];
  try {
    for (const file of planFilesIn(planDir)) {
      await importPlan(database.db, loadPlanFile(file));
      imported.push(basename(file));
    }
    // One self-contained file: the write-ahead log folded in, so copying the file alone is complete.
    await database.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await database.close();
  }
  rmSync(`${partial}-wal`, { force: true });
  rmSync(`${partial}-shm`, { force: true });
  renameSync(partial, template);
  writeFileSync(stampFile(template), JSON.stringify({ stamp: seedStamp(planDir), imported } satisfies TemplateStamp) + '\n');
  return imported;
}

/**
 * Before a start on `file`: when it does not exist and the template was made from the same migrations
 * and plan files, copies the template there and returns the plan files it holds (for the banner);
 * otherwise leaves everything as it is and returns null.
 */
export function copySeedTemplate(file: string, planDir: string, template = SEED_TEMPLATE): string[] | null {
  if (existsSync(file) || !existsSync(template) || !existsSync(stampFile(template))) return null;
  let saved: TemplateStamp;
  try {
    saved = JSON.parse(readFileSync(stampFile(template), 'utf8')) as TemplateStamp;
  } catch {
    return null;
  }
  try {
    if (saved.stamp !== seedStamp(planDir)) return null;
  } catch {
    return null; // no such plan folder: the start says so itself
  }
  mkdirSync(dirname(file), { recursive: true });
  copyFileSync(template, file);
  return saved.imported;
}
