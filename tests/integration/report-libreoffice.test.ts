/**
 * The report's workbook opens in LibreOffice: `libreoffice --headless` converts it to PDF (what a
 * coordinator prints for the styregruppe) and to CSV, one file per sheet, and the CSV of the target
 * sheet holds the same statuses and figures that exceljs reads back. Skipped, with a message, where
 * LibreOffice is missing (apt-get install -y --no-install-recommends libreoffice-calc, ~300 MB).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PROJECT_ROOT } from '../../src/config/config';
import { Translations } from '../../src/i18n/i18n';
import { loadPlanFile } from '../../src/plan-data/plan-loader';
import { runReportCommand } from '../../src/reports/report-command';
import { parseCalendarDate as d } from '../../src/time/calendar-date';
import { createTestContext, type TestContext } from '../support/test-context';

const LIBREOFFICE = process.env.NABO_LIBREOFFICE ?? '/usr/bin/libreoffice';
const available = existsSync(LIBREOFFICE);
// CI installs LibreOffice and sets NABO_REQUIRE_LIBREOFFICE, so there a missing one fails instead of skipping.
const required = process.env.NABO_REQUIRE_LIBREOFFICE === '1';
const maybe = available || required ? describe : describe.skip;
if (!available) console.warn(`tests/integration/report-libreoffice.test.ts skipped: no LibreOffice at ${LIBREOFFICE} (apt-get install -y libreoffice-calc).`);

maybe('the report workbook in LibreOffice', () => {
  let ctx: TestContext;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    ctx = await createTestContext('sqlite', loadPlanFile(join(PROJECT_ROOT, 'prisma', 'plans', 'randers-nordby-2017-21.json')));
    dir = mkdtempSync(join(tmpdir(), 'nabo-lo-'));
    const staff = await ctx.person('Staff', 'staff');
    const dinner = await ctx.activityId('faellesspisning');
    for (const [date, participants, volunteers, hours] of [
      ['2019-09-05', 34, 3, 10.5],
      ['2019-11-07', 28, 2, 6],
    ] as const) {
      await ctx.services.deliveries.log({
        planId: ctx.planId,
        activityId: dinner,
        date: d(date),
        participants,
        volunteers,
        volunteerHours: hours,
        loggedById: staff,
        channel: 'teams',
      });
    }
    file = join(dir, 'planaar-3.xlsx');
    const code = await runReportCommand(['--plan', 'randers-nordby-2017-21', '--period', 'planår 3', '--out', file], {
      db: ctx.database.db,
      clock: ctx.clock,
      translations: new Translations(),
      writeFile: (p, data) => writeFileSync(p, data),
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await ctx?.database.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const convert = (to: string, out: string): void => {
    // Its own profile, so a LibreOffice someone has open does not take the conversion over.
    execFileSync(LIBREOFFICE, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', out, file], {
      timeout: 120_000,
      stdio: 'pipe',
    });
  };

  test('converts to a PDF', () => {
    const out = join(dir, 'pdf');
    convert('pdf', out);
    const pdf = readFileSync(join(out, 'planaar-3.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  }, 150_000);

  test('reads every sheet; the target sheet holds what exceljs reads', async () => {
    const out = join(dir, 'csv');
    // UTF-8 (76), comma-separated (44), quoted ("), every sheet to its own file (-1).
    convert('csv:Text - txt - csv (StarCalc):44,34,76,1,,1030,false,true,false,false,false,-1', out);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(6);
    const targets = readFileSync(join(out, files.find((f) => f.includes('Succeskriterier')) as string), 'utf8');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Succeskriterier')!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1) as string[];
    expect(targets.split('\n')[0]).toBe(header.map((h) => (/[,"]/.test(h) ? `"${h}"` : h)).join(','));
    const line = targets.split('\n').find((l) => l.includes('Mindst gennemsnitligt 25 deltagere'));
    // (34 + 28) / 2 = 31 against 25: reached; volunteers 3 + 2, hours 10.5 + 6.
    expect(line).toContain('✔ nået');
    expect(line).toMatch(/,31,31,25,25,✔ nået,/);
    expect(line).toMatch(/,5,16\.5,/);
  }, 150_000);
});
