/**
 * SQLite's prepared statements are reused (src/database/statement-cache.ts): the same SQL with other
 * arguments gives the other rows, a statement that failed works again, a transaction that rolled
 * back leaves nothing, and a turn's statements come from the cache the second time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, type Database } from '../../src/database/database';
import { cacheStatements, statementCacheStats } from '../../src/database/statement-cache';

describe('prepared statements kept for reuse [sqlite]', () => {
  let dir: string;
  let database: Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nabo-stmt-'));
    database = await openDatabase({ provider: 'sqlite', file: join(dir, 'nabo.db') });
  });

  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the same query with other arguments reads other rows; writes, failures and rollbacks behave as before', async () => {
    const db = database.db;
    const a = await db.person.create({ data: { firstName: 'Amal', role: 'resident', language: 'ar' } });
    const b = await db.person.create({ data: { firstName: 'Bo', role: 'resident', language: 'da' } });
    for (let i = 0; i < 3; i++) {
      expect((await db.person.findUnique({ where: { id: a.id } }))?.firstName).toBe('Amal');
      expect((await db.person.findUnique({ where: { id: b.id } }))?.firstName).toBe('Bo');
    }
    // A unique violation fails, and the same insert with another id works afterwards.
    await expect(db.person.create({ data: { id: a.id, firstName: 'X', role: 'resident', language: 'da' } })).rejects.toThrow();
    const c = await db.person.create({ data: { firstName: 'Cem', role: 'resident', language: 'tr' } });
    expect((await db.person.findUnique({ where: { id: c.id } }))?.language).toBe('tr');
    // A transaction that throws leaves nothing behind.
    await expect(
      db.$transaction(async (tx) => {
        await tx.person.update({ where: { id: b.id }, data: { firstName: 'Changed' } });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await db.person.findUnique({ where: { id: b.id } }))?.firstName).toBe('Bo');
    // Raw statements with values of every kind, reused.
    for (const [n, s] of [
      [1, 'x'],
      [2.5, 'y'],
    ] as const) {
      const rows = await db.$queryRaw<{ n: number; s: string }[]>`SELECT ${n} AS n, ${s} AS s`;
      expect(rows).toEqual([{ n, s }]);
    }
  });

  test('statements are prepared once and reused', () => {
    const raw = cacheStatements(new BetterSqlite3(':memory:'));
    raw.prepare('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)').run();
    const insert = (v: string): void => void raw.prepare('INSERT INTO t (v) VALUES (?)').bind([v]).run();
    insert('a');
    insert('b');
    const read = (id: number): unknown[] => raw.prepare('SELECT v FROM t WHERE id = ?').bind([id]).raw().all();
    expect(read(1)).toEqual([['a']]);
    expect(read(2)).toEqual([['b']]);
    expect(raw.prepare('SELECT v FROM t WHERE id = ?').bind([1]).reader).toBe(true);
    // The CREATE is not kept: a schema change is never reused.
    expect(statementCacheStats(raw)).toEqual({ size: 2, hits: 3, misses: 3 });
    raw.close();
  });

  test('the cache starts over past its limit', () => {
    const raw = cacheStatements(new BetterSqlite3(':memory:'), 2);
    for (const n of [1, 2, 3]) expect(raw.prepare(`SELECT ${n}`).bind([]).raw().all()).toEqual([[n]]);
    expect(statementCacheStats(raw)?.size).toBe(1);
    raw.close();
  });
});

test('a schema change empties the cache, so a read sees the new columns', () => {
  const raw = cacheStatements(new BetterSqlite3(':memory:'));
  raw.prepare('CREATE TABLE t (a INTEGER)').run();
  raw.prepare('INSERT INTO t (a) VALUES (?)').bind([1]).run();
  const read = (): { names: string[]; rows: unknown[] } => {
    const s = raw.prepare('SELECT * FROM t').bind([]);
    return { names: s.columns().map((c) => c.name), rows: s.raw().all() };
  };
  expect(read()).toEqual({ names: ['a'], rows: [[1]] });
  raw.prepare('ALTER TABLE t ADD COLUMN b TEXT').run();
  expect(read()).toEqual({ names: ['a', 'b'], rows: [[1, null]] });
  raw.close();
});
