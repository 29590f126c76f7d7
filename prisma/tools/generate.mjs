// Generates both Prisma clients (SQLite and PostgreSQL). Generation never runs the schema engine,
// but the CLI insists on locating one and tries to download it; offline that fails, so unless the
// caller chose an engine, any existing executable (node itself) is named. With internet this is
// harmless, so the same script works everywhere.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { providers } from './paths.mjs';
import { writePostgresSchema } from './schemas.mjs';

const require = createRequire(import.meta.url);
writePostgresSchema();
const cli = require.resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
for (const { schema } of Object.values(providers)) {
  const r = spawnSync(process.execPath, [cli, 'generate', '--schema', schema], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
