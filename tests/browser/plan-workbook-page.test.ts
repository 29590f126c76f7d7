/**
 * The plan-workbook page in a real browser (headless Chromium through playwright-core): a
 * coordinator picks a changed workbook, presses "Kontrollér", sees the dry run, presses "Gem" and
 * the plan is saved; a workbook with a mistake shows its problems by sheet, row and column and
 * offers no "Gem"; a CSV is refused in Danish before anything is read. Skipped, with a message,
 * where /usr/bin/chromium is missing.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { COORDINATOR, startHarness, type Harness } from '../../bots/teams/testing/harness';
import { dashboardLink } from '../../bots/teams/tab/signed-link';
import { planToWorkbook } from '../../src/plan-workbook/plan-to-workbook';
import { readPlanFromDatabase } from '../../src/plan-data/plan-reader';
import { FixedClock } from '../../src/time/clock';

const CHROMIUM = process.env.NABO_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const maybe = available ? describe : describe.skip;
if (!available) console.warn(`tests/browser/plan-workbook-page.test.ts skipped: no Chromium at ${CHROMIUM}.`);
const NOW = new Date('2026-11-19T12:00:00Z');

maybe('plan-workbook page in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let link: string;
  let planKey: string;
  const dir = mkdtempSync(join(tmpdir(), 'nabo-plan-page-'));

  /** The current plan as a workbook file, changed by `edit`. */
  async function workbookFile(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const plan = await readPlanFromDatabase(h.nabo.database.db, planKey);
    const wb = planToWorkbook(plan!);
    edit(wb);
    const file = join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }
  /** Sets the value cell of a Plan-sheet field ("Navn"). */
  const setPlanField = (wb: ExcelJS.Workbook, label: string, value: ExcelJS.CellValue): void => {
    wb.getWorksheet('Plan')!.eachRow((row) => {
      if (row.getCell(1).value === label) row.getCell(2).value = value;
    });
  };

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    return { page, errors };
  }

  beforeAll(async () => {
    h = await startHarness({ clock: new FixedClock(NOW) });
    const person = await h.nabo.services.people.identify({ channel: 'teams', externalId: COORDINATOR, firstName: 'Karen', role: 'coordinator' });
    planKey = (await h.nabo.services.catalogue.currentPlan()).key;
    link = dashboardLink({
      base: h.url,
      secret: 'test-secret-test-secret-test-secret-0123',
      personId: person.id,
      language: 'da',
      now: NOW,
      path: '/tab/plan-workbook',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a changed workbook is checked, shown as a dry run, and saved on Gem', async () => {
    const name = 'Helhedsplan (rettet i browseren)';
    const file = await workbookFile('changed.xlsx', (wb) => setPlanField(wb, 'Navn', name));
    const { page, errors } = await open();
    await page.setInputFiles('#file', file);
    await page.click('#check');
    await page.waitForSelector('#dry-run', { timeout: 15_000 });
    expect(await page.textContent('#result')).toContain(`Ændres: plan '${planKey}'`);
    expect((await h.nabo.database.db.plan.findUniqueOrThrow({ where: { key: planKey } })).name).not.toBe(name);
    await page.click('#save');
    await page.waitForSelector('#saved', { timeout: 15_000 });
    expect(await page.textContent('#saved')).toBe(`Gemt: planen '${name}' er opdateret. Antal ændringer: 1.`);
    expect((await h.nabo.database.db.plan.findUniqueOrThrow({ where: { key: planKey } })).name).toBe(name);
    expect(errors).toEqual([]);
    await page.close();
  }, 40_000);

  test('a workbook with a mistake shows the problem by sheet, row and column, and no Gem', async () => {
    const file = await workbookFile('wrong.xlsx', (wb) => setPlanField(wb, 'Startdato', 'snart'));
    const { page, errors } = await open();
    await page.setInputFiles('#file', file);
    await page.click('#check');
    await page.waitForSelector('#problems', { timeout: 15_000 });
    const cells = await page.locator('#result tbody tr td').allTextContents();
    expect(cells).toEqual(['Plan', expect.stringMatching(/^\d+$/), 'Værdi', 'skal være en dato, fx 2025-06-01 eller 1.6.2025']);
    expect(await page.locator('#save').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 40_000);

  test('a CSV file is refused with a Danish message', async () => {
    const csv = join(dir, 'plan.csv');
    writeFileSync(csv, 'Nøgle;Navn\nnussa;NUSSA\n');
    const { page } = await open();
    await page.setInputFiles('#file', csv);
    await page.click('#check');
    await page.waitForFunction(() => /Excel-regneark/.test(document.querySelector('#result')?.textContent ?? ''), undefined, { timeout: 15_000 });
    expect(await page.textContent('#result')).toBe(
      "Filen er ikke et Excel-regneark (.xlsx). Gem planen i Excel som 'Excel-projektmappe (.xlsx)' og prøv igen.",
    );
    await page.close();
  }, 40_000);
});
