import BetterSqlite3 from 'better-sqlite3';
import { migrateSqlite, readMigrations } from '../../src/database/migrations';

describe('offline migrations', () => {
  test('apply once, record Prisma-compatible rows, and refuse a migration changed after it was applied', () => {
    const db = new BetterSqlite3(':memory:');
    const files = readMigrations('sqlite');
    expect(migrateSqlite(db, files)).toEqual(files.map((f) => f.name));
    expect(migrateSqlite(db, files)).toEqual([]);
    const rows = db.prepare('SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations').all();
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum, applied_steps_count: 1 })));
    const tampered = files.map((f, i) => (i === 0 ? { ...f, checksum: 'x'.repeat(64) } : f));
    expect(() => migrateSqlite(db, tampered)).toThrow(/changed after it was applied/);
    db.close();
  });
  test('both databases have the same migrations', () => {
    expect(readMigrations('postgresql').map((m) => m.name)).toEqual(readMigrations('sqlite').map((m) => m.name));
  });
});
