/**
 * Runs one plan command (import, export, template) as a process: Danish texts, the configured
 * database (DATABASE_URL) opened only when the command needs it and closed afterwards.
 */
import { loadConfig } from '../config/config';
import { openDatabase, type Database } from '../database/database';
import { stripIsolates, Translations } from '../i18n/i18n';
import type { CommandDeps } from '../plan-workbook/commands';

/** Runs `command` with process arguments and exits with its code. */
export function runPlanCommand(command: (argv: string[], deps: CommandDeps) => Promise<number>): void {
  let database: Database | undefined;
  const deps: CommandDeps = {
    db: async () => {
      database ??= await openDatabase(loadConfig().database);
      return database.db;
    },
    t: new Translations().translator('da'),
    // A terminal shows Danish left to right; the isolates around names are only noise there.
    print: (line) => console.log(stripIsolates(line)),
    printError: (line) => console.error(stripIsolates(line)),
  };
  command(process.argv.slice(2), deps)
    .finally(() => database?.close())
    .then(
      (code) => process.exit(code),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
}
