/**
 * The plan workbook without a database: every shipped plan survives plan → .xlsx file → plan
 * unchanged, the sheets carry the Danish headers and words a secretariat reads, and the template
 * is a valid plan with one example row per sheet.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PROJECT_ROOT } from '../../src/config/config';
import { loadPlanFile, planFilesIn } from '../../src/plan-data/plan-loader';
import { writePlanWorkbook } from '../../src/plan-workbook/plan-to-workbook';
import { TEMPLATE_PLAN, templateWorkbook } from '../../src/plan-workbook/template';
import { readPlanWorkbook } from '../../src/plan-workbook/workbook-to-plan';

const PLAN_FILES = planFilesIn(join(PROJECT_ROOT, 'prisma', 'plans'));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nabo-plan-workbook-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The values of one sheet as text rows, headers first. */
async function sheetRows(file: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v));
    }
    rows.push(values);
  });
  return rows;
}

describe('export → import of a plan file is lossless', () => {
  test.each(PLAN_FILES.map((f) => [f.split('/').pop() as string, f]))('%s', async (_name, file) => {
    const plan = loadPlanFile(file);
    const out = join(dir, `${plan.key}.xlsx`);
    await writePlanWorkbook(plan, out);
    const back = await readPlanWorkbook(out);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.plan).toEqual(plan);
  });
});

describe('what the secretariat sees in the exported workbook', () => {
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'nordby-2017-21.xlsx');
    await writePlanWorkbook(loadPlanFile(join(PROJECT_ROOT, 'prisma', 'plans', 'randers-nordby-2017-21.json')), file);
  });

  test('one sheet per part of the plan, instructions first', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Vejledning',
      'Plan',
      'Indsatsområder',
      'Indikatorer',
      'Målinger',
      'Aktiviteter',
      'Målgrupper',
      'Succeskriterier',
      'Tekster',
      'Ordliste',
      'Boligområder',
      'Gaderegler',
      'Steder',
      'Historiske leverancer',
    ]);
  });

  test('the Plan sheet lists name, period, plan-year start, sources and overall goals', async () => {
    const rows = await sheetRows(file, 'Plan');
    expect(rows.slice(0, 6)).toEqual([
      ['Felt', 'Værdi'],
      ['Nøgle', 'randers-nordby-2017-21'],
      ['Navn', 'Helhedsplan Randers Nordby 2017-21'],
      ['Startdato', '2017-06-01'],
      ['Slutdato', '2021-05-31'],
      ['Planåret starter i måned', '6'],
    ]);
    expect(rows.filter((r) => r[0] === 'Overordnet mål').length).toBeGreaterThan(0);
  });

  test('targets are written with Danish kinds and their yearly and whole-period values', async () => {
    const rows = await sheetRows(file, 'Succeskriterier');
    expect(rows[0]).toEqual(['Aktivitet', 'Nøgle', 'Succeskriterium', 'Type', 'Pr. år', 'Hele perioden', 'Enhed', 'Datakilde', 'Tæller med']);
    // "2 forløb årligt svarende til i alt 8 forløb i hele perioden"
    expect(rows.find((r) => r[0] === 'brandkadet' && r[1] === 'brandkadetforloeb')).toEqual([
      'brandkadet',
      'brandkadetforloeb',
      expect.any(String),
      'antal gange',
      '2',
      '8',
      'forløb',
      expect.any(String),
      expect.any(String),
    ]);
    expect(
      rows
        .slice(1)
        .every((r) =>
          [
            'antal gange',
            'unikke deltagere',
            'gennemsnitligt fremmøde',
            'andel der gennemfører',
            'andel tilfredse',
            'niveau der holdes',
            'kvalitativt',
          ].includes(r[3] as string),
        ),
    ).toBe(true);
  });

  test('sub-activities name their main activity, and the texts sheet has a column per language', async () => {
    const activities = await sheetRows(file, 'Aktiviteter');
    expect(activities[0]?.slice(0, 4)).toEqual(['Indsatsområde', 'Nøgle', 'Hovedaktivitet', 'Navn']);
    expect(activities.some((r) => r[2] !== '' && r[2] !== 'Hovedaktivitet')).toBe(true);
    const texts = await sheetRows(file, 'Tekster');
    expect(texts[0]).toEqual([
      'Aktivitet',
      'Tekst',
      'Dansk (da)',
      'Arabisk (ar)',
      'Engelsk (en)',
      'Somali (so)',
      'Tyrkisk (tr)',
      'Ukrainsk (uk)',
      'Dari/persisk (fa)',
      'Kurdisk sorani (ckb)',
    ]);
    const title = texts.find((r) => r[0] === 'styrkelse-af-naboskab' && r[1] === 'Titel');
    expect(title?.[3]).toBe('نشاط لتعزيز حسن الجوار');
    expect(title?.[4]).toBe('Activities for good neighbourliness');
  });

  test('street rules use the Danish words for odd and even numbers', async () => {
    const rows = await sheetRows(file, 'Gaderegler');
    expect(rows).toContainEqual(['gl-jennumparken', 'Husarvej', 'lige', '2', '40', expect.stringContaining('Husarvej')]);
  });
});

describe('the template', () => {
  test('has one example row on every table sheet and imports as a valid plan', async () => {
    const file = join(dir, 'template.xlsx');
    await templateWorkbook().xlsx.writeFile(file);
    for (const sheet of [
      'Indsatsområder',
      'Indikatorer',
      'Målinger',
      'Aktiviteter',
      'Målgrupper',
      'Succeskriterier',
      'Boligområder',
      'Gaderegler',
      'Steder',
      'Historiske leverancer',
    ]) {
      expect([sheet, (await sheetRows(file, sheet)).length]).toEqual([sheet, 2]);
    }
    // Texts come as a pair per activity: its title and its description.
    expect((await sheetRows(file, 'Tekster')).map((r) => r[1])).toEqual(['Tekst', 'Titel', 'Beskrivelse']);
    const instructions = await sheetRows(file, 'Vejledning');
    expect(instructions.map((r) => r[0]).join('\n')).toContain('ét punkt pr. linje');
    const back = await readPlanWorkbook(file);
    expect(back.ok && back.plan).toEqual(TEMPLATE_PLAN);
  });
});
