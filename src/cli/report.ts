/**
 * `npm run report -- --plan KEY --period "planår 2" --out FILE.xlsx`: the fremdriftsrapport of a
 * plan and period from the configured database (DATABASE_URL), as an Excel workbook or CSV
 * (`--format csv`). See src/reports/report-command.ts for every option.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/database';
import { Translations } from '../i18n/i18n';
import { runReportCommand } from '../reports/report-command';
import { systemClock } from '../time/clock';

async function main(argv: string[]): Promise<number> {
  const database = await openDatabase(loadConfig().database);
  try {
    return await runReportCommand(argv, {
      db: database.db,
      clock: systemClock,
      translations: new Translations(),
      writeFile: (path, data) => writeFileSync(path, data),
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
