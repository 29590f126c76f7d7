/**
 * `npm run test:pg`: runs the integration tests against the PostgreSQL server named by
 * NABO_TEST_POSTGRES_URL (default: the local one). Without a reachable server it says clearly
 * that the suite was skipped, and fails instead when CI=true (CI must run it).
 */
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { DEFAULT_TEST_POSTGRES_URL } from './test-database';

async function reachable(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<number> {
  const url = process.env.NABO_TEST_POSTGRES_URL ?? DEFAULT_TEST_POSTGRES_URL;
  const safe = url.replace(/\/\/[^@/]*@/, '//…@');
  const problem = await reachable(url);
  if (problem) {
    const msg = `PostgreSQL suite SKIPPED: no PostgreSQL server at ${safe} (${problem}). Set NABO_TEST_POSTGRES_URL to run it.`;
    console.log(`\n*** ${msg} ***\n`);
    return process.env.CI === 'true' ? 1 : 0;
  }
  console.log(`PostgreSQL suite against ${safe}`);
  const jest = require.resolve('jest/bin/jest');
  const r = spawnSync(process.execPath, [jest, 'tests/integration', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NABO_TEST_PROVIDERS: 'postgresql', NABO_TEST_POSTGRES_URL: url },
  });
  return r.status ?? 1;
}

main().then((code) => process.exit(code));
