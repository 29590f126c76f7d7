/** The offline migrator: applies once, records Prisma-compatible rows, and never eats child rows. */
import BetterSqlite3 from 'better-sqlite3';
import { SQLITE_PROGRESS_TRIGGERS } from '../../src/database/progress-triggers';
import { migrateSqlite, readMigrations, type MigrationFile } from '../../src/database/migrations';

/** A migration in Prisma's "RedefineTables" style that rebuilds `table` with one extra column. */
function rebuildMigration(db: BetterSqlite3.Database, table: string, name: string): MigrationFile {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string };
  const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
  const create = sql.replace(`CREATE TABLE "${table}" (`, `CREATE TABLE "new_${table}" (\n    "rebuiltNote" TEXT,`);
  const body = [
    'PRAGMA defer_foreign_keys=ON;',
    'PRAGMA foreign_keys=OFF;',
    `${create};`,
    `INSERT INTO "new_${table}" (${columns}) SELECT ${columns} FROM "${table}";`,
    `DROP TABLE "${table}";`,
    `ALTER TABLE "new_${table}" RENAME TO "${table}";`,
    'PRAGMA foreign_keys=ON;',
    'PRAGMA defer_foreign_keys=OFF;',
  ].join('\n');
  return { name, sql: body, checksum: name.padEnd(64, '0') };
}

/** One resident with a row in every child table of Person, and an event with a sign-up and attendance. */
function seedFamily(db: BetterSqlite3.Database): void {
  const now = new Date().toISOString();
  db.exec(`
    INSERT INTO "Plan" ("id", "key", "name", "startDate", "endDate") VALUES ('plan', 'p', 'Plan', '2017-06-01', '2021-05-31');
    INSERT INTO "FocusArea" ("id", "planId", "key", "name") VALUES ('fa', 'plan', 'fa', 'Tryghed');
    INSERT INTO "Activity" ("id", "planId", "focusAreaId", "key", "name", "category", "purpose") VALUES ('act', 'plan', 'fa', 'dinner', 'Fællesspisning', 'social', 'Spise sammen');
    INSERT INTO "Event" ("id", "activityId", "startsAt", "endsAt") VALUES ('ev', 'act', '${now}', '${now}');
    INSERT INTO "Person" ("id", "firstName") VALUES ('p1', 'Amal');
    INSERT INTO "Person" ("id", "role") VALUES ('staff', 'staff');
    INSERT INTO "ChannelIdentity" ("id", "personId", "channel", "externalId") VALUES ('ci', 'p1', 'telegram', '42');
    INSERT INTO "Conversation" ("id", "personId", "channel", "updatedAt") VALUES ('cv', 'p1', 'telegram', '${now}');
    INSERT INTO "HandoverRequest" ("id", "personId", "channel", "language", "question") VALUES ('hr', 'p1', 'telegram', 'ar', 'Hvornår?');
    INSERT INTO "OutboxMessage" ("id", "personId", "channel", "kind", "payload", "dueAt") VALUES ('ob', 'p1', 'telegram', 'reminder', '{}', '${now}');
    INSERT INTO "SignUp" ("id", "eventId", "personId", "status", "updatedAt") VALUES ('su', 'ev', 'p1', 'confirmed', '${now}');
    INSERT INTO "Attendance" ("id", "eventId", "personId", "status", "markedById") VALUES ('at', 'ev', 'p1', 'present', 'staff');
  `);
}

const CHILD_TABLES = ['ChannelIdentity', 'Conversation', 'HandoverRequest', 'OutboxMessage', 'SignUp', 'Attendance'];
const counts = (db: BetterSqlite3.Database) =>
  Object.fromEntries(CHILD_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));

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

  test('a migration that rebuilds the parent tables Person and Event keeps every child row', () => {
    const db = new BetterSqlite3(':memory:');
    const files = readMigrations('sqlite');
    migrateSqlite(db, files);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    seedFamily(db);
    const before = counts(db);
    expect(Object.values(before)).toEqual(CHILD_TABLES.map(() => 1));

    const triggers = (): string[] =>
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    expect(triggers()).toEqual(SQLITE_PROGRESS_TRIGGERS.map((t) => t.name).sort());
    const rebuild = [
      rebuildMigration(db, 'Person', '29990101000000_rebuild_person'),
      rebuildMigration(db, 'Event', '29990101000001_rebuild_event'),
      rebuildMigration(db, 'Delivery', '29990101000003_rebuild_delivery'),
    ];
    expect(migrateSqlite(db, [...files, ...rebuild])).toEqual(rebuild.map((m) => m.name));
    // The progress triggers stepped aside for the rebuilds (one on Delivery would have gone with its table) and are back.
    expect(triggers()).toEqual(SQLITE_PROGRESS_TRIGGERS.map((t) => t.name).sort());

    expect(counts(db)).toEqual(before);
    expect(db.prepare('SELECT "firstName", "rebuiltNote" FROM "Person" WHERE "id" = ?').get('p1')).toEqual({ firstName: 'Amal', rebuiltNote: null });
    // Keys are on again, and still enforced on the rebuilt table.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare(`INSERT INTO "ChannelIdentity" ("id", "personId", "channel", "externalId") VALUES ('x', 'nobody', 'telegram', '7')`).run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  test('a migration that would leave orphans is rolled back whole and named', () => {
    const db = new BetterSqlite3(':memory:');
    const files = readMigrations('sqlite');
    migrateSqlite(db, files);
    seedFamily(db);
    const before = counts(db);
    const orphaning: MigrationFile = {
      name: '29990101000002_drop_people',
      sql: 'CREATE TABLE "Scratch" ("id" TEXT); DELETE FROM "Person" WHERE "id" = \'p1\';',
      checksum: 'o'.repeat(64),
    };
    expect(() => migrateSqlite(db, [...files, orphaning])).toThrow(/29990101000002_drop_people would leave \d+ rows without their parent/);
    expect(counts(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'Scratch'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = ?').get(orphaning.name)).toEqual({ n: 0 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
