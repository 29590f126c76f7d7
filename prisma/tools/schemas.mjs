// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (only provider and output differ).
// Run after every change of the source schema; `npm run db:generate` runs it first.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { providers } from './paths.mjs';

/** Returns the PostgreSQL schema text for the given SQLite source schema. */
export function postgresSchemaFrom(source) {
  const out = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/src\/generated\/sqlite"/, 'output       = "../../src/generated/postgresql"')
    .replace(
      /^\/\/ Nabo's one shared activity model\..*?\n\n/s,
      '// GENERATED from prisma/schema.prisma by `npm run db:schemas`: edit the source, not this file.\n\n',
    );
  if (!out.includes('provider = "postgresql"') || !out.includes('generated/postgresql')) {
    throw new Error('prisma/schema.prisma no longer has the provider/output lines this script rewrites');
  }
  return out;
}

export function writePostgresSchema() {
  const target = providers.postgresql.schema;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, postgresSchemaFrom(readFileSync(providers.sqlite.schema, 'utf8')));
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`wrote ${writePostgresSchema()}`);
}
