/**
 * `npm run db:backup -- FILE`: an online copy of a running SQLite database (Nabo's own connection
 * stays open) that opens on its own with the same rows in every table; an existing file is not
 * overwritten without --force; PostgreSQL is pointed to pg_dump.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { countRows } from '../../src/database/backup';
import { createTestContext, type TestContext } from '../support/test-context';

const ROOT = join(__dirname, '..', '..');

function runBackup(args: string[], databaseUrl: string): { status: number | null; out: string; err: string } {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'db-backup.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run db:backup', () => {
  let ctx: TestContext;
  let dir: string;
  let source: string;

  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'nabo-backup-'));
    const [row] = await ctx.database.db.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'");
    if (!row) throw new Error('no main database');
    source = row.file;
    // Some rows beyond the imported plan: people, an event, sign-ups with their reminders.
    const event = await ctx.event({ capacity: 3 });
    for (const name of ['Amina', 'Yusuf', 'Olga', 'Hodan']) await ctx.services.signUps.signUp({ eventId: event, personId: await ctx.person(name), adults: 1 });
  });

  afterAll(async () => {
    await ctx.database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test('copies the running database into a file that opens on its own with the same row counts', async () => {
    const target = join(dir, 'nightly', 'nabo-backup.db');
    const r = runBackup([target], `file:${source}`);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);

    const original = new BetterSqlite3(source, { readonly: true });
    const copy = new BetterSqlite3(target, { readonly: true, fileMustExist: true });
    try {
      const expected = countRows(original);
      expect(countRows(copy)).toEqual(expected);
      expect(expected['SignUp']).toBe(4);
      expect(expected['Activity']).toBeGreaterThan(0);
      expect(copy.prepare('SELECT status, COUNT(*) AS n FROM SignUp GROUP BY status ORDER BY status').all()).toEqual([
        { status: 'confirmed', n: 3 },
        { status: 'waiting', n: 1 },
      ]);
      const tables = Object.keys(expected).length;
      const rows = Object.values(expected).reduce((a, b) => a + b, 0);
      expect(r.out).toContain(`${tables} tables, ${rows} rows, integrity check ok`);
    } finally {
      original.close();
      copy.close();
    }
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  test('keeps an existing file unless --force is given', () => {
    const target = join(dir, 'existing.db');
    writeFileSync(target, 'yesterday');
    const refused = runBackup([target], `file:${source}`);
    expect(refused.status).toBe(1);
    expect(refused.err).toContain('exists already');
    expect(readFileSync(target, 'utf8')).toBe('yesterday');
    const forced = runBackup([target, '--force'], `file:${source}`);
    expect(forced.status).toBe(0);
    const copy = new BetterSqlite3(target, { readonly: true, fileMustExist: true });
    try {
      expect(countRows(copy)['SignUp']).toBe(4);
    } finally {
      copy.close();
    }
  });

  test('answers a missing file argument with the usage, and PostgreSQL with the pg_dump command', () => {
    const none = runBackup([], `file:${source}`);
    expect(none.status).toBe(2);
    expect(none.err).toContain('usage: npm run db:backup -- FILE');
    const pg = runBackup([join(dir, 'pg.dump')], 'postgresql://nabo@127.0.0.1:5432/nabo');
    expect(pg.status).toBe(2);
    expect(pg.err).toContain('pg_dump --format=custom');
    expect(existsSync(join(dir, 'pg.dump'))).toBe(false);
  });
});
