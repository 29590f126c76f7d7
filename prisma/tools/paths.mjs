// Where each database's schema, migrations and generated client live. SQLite's schema is the
// source; PostgreSQL's is derived from it, because one Prisma schema has one provider.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const prismaDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The two databases Nabo runs on, with the files that belong to each. */
export const providers = {
  sqlite: {
    schema: join(prismaDir, 'schema.prisma'),
    migrations: join(prismaDir, 'migrations'),
    snapshot: join(prismaDir, 'migrations', 'schema.snapshot.prisma'),
  },
  postgresql: {
    schema: join(prismaDir, 'postgresql', 'schema.prisma'),
    migrations: join(prismaDir, 'postgresql', 'migrations'),
    snapshot: join(prismaDir, 'postgresql', 'migrations', 'schema.snapshot.prisma'),
  },
};
