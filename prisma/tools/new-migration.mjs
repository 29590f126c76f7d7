// `npm run db:migration -- <name>`: after a change of prisma/schema.prisma, writes a new migration
// for SQLite and for PostgreSQL. It diffs the schema as of the last migration (a snapshot kept next
// to the migrations) against the current one with the WebAssembly schema engine, so it needs
// no engine download; for PostgreSQL it connects to a server (NABO_MIGRATION_PG_URL, default the
// local one) without changing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { openSchemaEngine } from './schema-engine.mjs';
import { providers } from './paths.mjs';
import { writePostgresSchema } from './schemas.mjs';

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run db:migration -- <short_name_of_the_change>');
  process.exit(2);
}
writePostgresSchema();
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const filters = { externalTables: [], externalEnums: [] };
const factories = {
  // Diffing two datamodels changes no database; the adapter tells the engine which SQL to write.
  // The PostgreSQL engine insists on connecting once, so it needs some reachable server.
  sqlite: () => new PrismaBetterSqlite3({ url: ':memory:' }),
  postgresql: () => new PrismaPg({ connectionString: process.env.NABO_MIGRATION_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' }),
};

let wrote = 0;
for (const [provider, files] of Object.entries(providers)) {
  const current = readFileSync(files.schema, 'utf8');
  const from = existsSync(files.snapshot)
    ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: readFileSync(files.snapshot, 'utf8') }] }
    : { tag: 'empty' };
  const engine = await openSchemaEngine(current, factories[provider]());
  const { stdout } = await engine.diff({
    from,
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: current }] },
    script: true,
    exitCode: null,
    filters,
  });
  const sql = (stdout ?? '').trim();
  if (!sql || sql === '-- This is an empty migration.') {
    console.log(`${provider}: no change`);
    continue;
  }
  const dir = join(files.migrations, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), `${sql}\n`);
  writeFileSync(join(files.migrations, 'migration_lock.toml'), `provider = "${provider}"\n`);
  writeFileSync(files.snapshot, current);
  console.log(`${provider}: wrote ${dir}/migration.sql`);
  wrote++;
}
if (wrote) console.log('Now run `npm run db:generate` and commit the migrations.');
