/**
 * `npm run db:backup -- FILE [--force]`: an online backup of the SQLite database named by
 * DATABASE_URL (default data/nabo.db) into FILE, while Nabo keeps running. For PostgreSQL it
 * explains the pg_dump command instead (see deploy/README.md, "Backups").
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { BackupError, backupSqlite } from '../database/backup';

const USAGE = 'usage: npm run db:backup -- FILE [--force]   (FILE: where to write the copy; --force replaces an existing FILE)';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (parsed.values.help || !file || extra.length) {
    console.error(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const target = loadConfig().database;
  if (target.provider === 'postgresql') {
    console.error(
      'DATABASE_URL names a PostgreSQL server: back it up with pg_dump, for example\n' +
        `  pg_dump --format=custom --file=${JSON.stringify(file)} "$DATABASE_URL"\n` +
        'and restore with pg_restore (deploy/README.md, "Backups").',
    );
    return 2;
  }
  try {
    const counts = await backupSqlite(target.file, file, { overwrite: parsed.values.force });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Backed up ${target.file} to ${file}: ${Object.keys(counts).length} tables, ${rows} rows, integrity check ok.`);
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(`No backup made: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
