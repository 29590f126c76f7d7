/**
 * Validation of plan workbooks: each rule with the Danish sentence the secretariat reads (sheet,
 * row, column), on real .xlsx files written to disk: the template with one mistake put in, and a
 * workbook made by hand, cell by cell, with several mistakes that must all be reported at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { stripIsolates, Translations } from '../../src/i18n/i18n';
import { describeProblem } from '../../src/plan-workbook/problems';
import { templateWorkbook } from '../../src/plan-workbook/template';
import { readPlanWorkbook, type WorkbookResult } from '../../src/plan-workbook/workbook-to-plan';

const t = new Translations().translator('da');
let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nabo-plan-validation-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(wb: ExcelJS.Workbook): Promise<WorkbookResult> {
  const file = join(dir, `wb-${++counter}.xlsx`);
  await wb.xlsx.writeFile(file);
  return readPlanWorkbook(file);
}

/** What the secretariat is told, one sentence per problem; [] when the workbook is valid. */
async function messages(wb: ExcelJS.Workbook): Promise<string[]> {
  const r = await roundTrip(wb);
  return r.ok ? [] : r.problems.map((p) => stripIsolates(describeProblem(p, t)));
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === header) found = n;
  });
  if (!found) throw new Error(`no column ${header} in ${ws.name}`);
  return found;
}

function set(wb: ExcelJS.Workbook, name: string, row: number, header: string, value: ExcelJS.CellValue): void {
  const ws = sheet(wb, name);
  ws.getCell(row, columnOf(ws, header)).value = value;
}

function addRow(wb: ExcelJS.Workbook, name: string, values: Record<string, ExcelJS.CellValue>): void {
  const ws = sheet(wb, name);
  // The row right below the last filled one (the drop-down lists reach further down).
  let last = 1;
  ws.eachRow((r, n) => {
    let filled = false;
    r.eachCell((c) => {
      if (c.value !== null && c.value !== undefined) filled = true;
    });
    if (filled) last = n;
  });
  const row = ws.getRow(last + 1);
  for (const [header, v] of Object.entries(values)) row.getCell(columnOf(ws, header)).value = v;
}

/** The template's Plan sheet row holding a field. */
function planRow(wb: ExcelJS.Workbook, field: string): number {
  const ws = sheet(wb, 'Plan');
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === field) return r;
  throw new Error(`no plan field ${field}`);
}

const activity = (key: string, extra: Record<string, string> = {}): Record<string, string> => ({
  Indsatsområde: 'tryghed-og-trivsel',
  Nøgle: key,
  Navn: `Aktivitet ${key}`,
  Kategori: 'fællesskab',
  Formål: 'Et formål.',
  ...extra,
});

test('the template as it stands is valid', async () => {
  expect(await messages(templateWorkbook())).toEqual([]);
});

type Case = [string, (wb: ExcelJS.Workbook) => void, string[]];
const cases: Case[] = [
  ['a required cell is empty', (wb) => set(wb, 'Aktiviteter', 2, 'Navn', null), ["Aktiviteter, række 2, kolonne 'Navn': skal udfyldes"]],
  ['a target value is negative', (wb) => set(wb, 'Succeskriterier', 2, 'Pr. år', -3), ["Succeskriterier, række 2, kolonne 'Pr. år': skal være et tal ≥ 0"]],
  [
    'a target value is a word',
    (wb) => set(wb, 'Succeskriterier', 2, 'Hele perioden', 'tyve'),
    ["Succeskriterier, række 2, kolonne 'Hele perioden': skal være et tal ≥ 0"],
  ],
  ['a baseline is not a number', (wb) => set(wb, 'Indikatorer', 2, 'Baseline', 'mange'), ["Indikatorer, række 2, kolonne 'Baseline': skal være et tal"]],
  [
    'a reminder a negative number of hours before',
    (wb) => set(wb, 'Aktiviteter', 2, 'Påmindelse (timer før)', -2),
    ["Aktiviteter, række 2, kolonne 'Påmindelse (timer før)': skal være et helt tal ≥ 0"],
  ],
  ['an age is not a whole number', (wb) => set(wb, 'Målgrupper', 2, 'Alder fra', 2.5), ["Målgrupper, række 2, kolonne 'Alder fra': skal være et helt tal ≥ 0"]],
  ['a house number is 0', (wb) => set(wb, 'Gaderegler', 2, 'Fra nr.', 0), ["Gaderegler, række 2, kolonne 'Fra nr.': skal være et helt tal ≥ 1"]],
  [
    'a date does not exist',
    (wb) => set(wb, 'Målinger', 2, 'Dato', '31.2.2026'),
    ["Målinger, række 2, kolonne 'Dato': skal være en dato, fx 2025-06-01 eller 1.6.2025"],
  ],
  [
    'the plan year starts in month 13',
    (wb) => set(wb, 'Plan', planRow(wb, 'Planåret starter i måned'), 'Værdi', 13),
    ["Plan, række 6, kolonne 'Værdi': skal være et månedstal fra 1 til 12"],
  ],
  [
    'a key has capitals and a space',
    (wb) => set(wb, 'Steder', 2, 'Nøgle', 'Beboer Huset'),
    ["Steder, række 2, kolonne 'Nøgle': skal være små bogstaver (a-z) og tal, adskilt af bindestreger, fx 'faellesspisning'"],
  ],
  [
    'a target kind is not one of the words',
    (wb) => set(wb, 'Succeskriterier', 2, 'Type', 'mange'),
    [
      "Succeskriterier, række 2, kolonne 'Type': skal være en af: 'antal gange', 'unikke deltagere', 'gennemsnitligt fremmøde', " +
        "'andel der gennemfører', 'andel tilfredse', 'niveau der holdes', 'kvalitativt'",
    ],
  ],
  [
    'a key is used twice',
    (wb) => addRow(wb, 'Boligområder', { Nøgle: 'eksempelparken', Navn: 'Eksempelparken igen' }),
    ["Boligområder, række 3, kolonne 'Nøgle': nøglen 'eksempelparken' er allerede brugt i række 2"],
  ],
  [
    'a target names an activity that is not there',
    (wb) => set(wb, 'Succeskriterier', 2, 'Aktivitet', 'lektiehjaelp'),
    ["Succeskriterier, række 2, kolonne 'Aktivitet': 'lektiehjaelp' findes ikke på arket 'Aktiviteter'"],
  ],
  [
    "'Fra nr.' without 'Til nr.'",
    (wb) => set(wb, 'Gaderegler', 2, 'Til nr.', null),
    ["Gaderegler, række 2, kolonne 'Til nr.': skal udfyldes, når 'Fra nr.' er udfyldt (begge eller ingen)"],
  ],
  [
    "'Til nr.' below 'Fra nr.'",
    (wb) => {
      set(wb, 'Gaderegler', 2, 'Fra nr.', 31);
      set(wb, 'Gaderegler', 2, 'Til nr.', 5);
    },
    ["Gaderegler, række 2, kolonne 'Til nr.': må ikke være mindre end 'Fra nr.'"],
  ],
  [
    'a baseline value without its text',
    (wb) => set(wb, 'Indikatorer', 2, 'Baseline-tekst', null),
    ["Indikatorer, række 2, kolonne 'Baseline-tekst': skal udfyldes, når 'Baseline' er udfyldt (begge eller ingen)"],
  ],
  [
    'the plan ends before it starts',
    (wb) => set(wb, 'Plan', planRow(wb, 'Slutdato'), 'Værdi', '1.1.2025'),
    ["Plan, række 5, kolonne 'Værdi': skal ligge efter startdatoen"],
  ],
  [
    'a historical delivery before the plan',
    (wb) => set(wb, 'Historiske leverancer', 2, 'Dato', new Date('2020-12-31T00:00:00Z')),
    ["Historiske leverancer, række 2, kolonne 'Dato': ligger før planens startdato 2026-06-01"],
  ],
  [
    'a sub-activity under a sub-activity',
    (wb) => {
      addRow(wb, 'Aktiviteter', activity('boernespisning', { Hovedaktivitet: 'faellesspisning' }));
      addRow(wb, 'Aktiviteter', activity('babyspisning', { Hovedaktivitet: 'boernespisning' }));
    },
    ["Aktiviteter, række 4, kolonne 'Hovedaktivitet': 'boernespisning' er selv en delaktivitet, og en delaktivitet kan ikke have delaktiviteter"],
  ],
  [
    'a sub-activity in another focus area than its main activity',
    (wb) => {
      addRow(wb, 'Indsatsområder', { Nøgle: 'uddannelse', Navn: 'Uddannelse og beskæftigelse' });
      addRow(wb, 'Aktiviteter', activity('lektiecafe', { Indsatsområde: 'uddannelse', Hovedaktivitet: 'faellesspisning' }));
    },
    [
      "Aktiviteter, række 3, kolonne 'Hovedaktivitet': hovedaktiviteten 'faellesspisning' hører til indsatsområdet 'tryghed-og-trivsel'; en delaktivitet skal have samme indsatsområde",
    ],
  ],
  [
    'an activity that is its own main activity',
    (wb) => addRow(wb, 'Aktiviteter', activity('loop', { Hovedaktivitet: 'loop' })),
    ["Aktiviteter, række 3, kolonne 'Hovedaktivitet': en aktivitet kan ikke være sin egen hovedaktivitet"],
  ],
  [
    'an LBF share without a total budget',
    (wb) => set(wb, 'Indsatsområder', 2, 'Budget i alt (kr.)', null),
    ["Indsatsområder, række 2, kolonne 'Budget i alt (kr.)': skal udfyldes, når der står noget om LBF eller en budgetnote"],
  ],
  [
    'a price per adult is negative',
    (wb) => set(wb, 'Aktiviteter', 2, 'Pris pr. voksen (kr.)', -20),
    ["Aktiviteter, række 2, kolonne 'Pris pr. voksen (kr.)': skal være et helt tal ≥ 0"],
  ],
  [
    'a price per child has øre',
    (wb) => set(wb, 'Aktiviteter', 2, 'Pris pr. barn (kr.)', '12,50'),
    ["Aktiviteter, række 2, kolonne 'Pris pr. barn (kr.)': skal være et helt tal ≥ 0"],
  ],
  [
    'a Danish text is in the glossary twice',
    (wb) => addRow(wb, 'Ordliste', { 'Dansk (da)': 'Børnefamilier', 'Engelsk (en)': 'Families' }),
    ["Ordliste, række 3, kolonne 'Dansk (da)': 'Børnefamilier' står allerede i ordlisten i række 2"],
  ],
  [
    'a glossary row without any translation',
    (wb) => addRow(wb, 'Ordliste', { 'Dansk (da)': 'Boligsocial medarbejder' }),
    ["Ordliste, række 3, kolonne 'Dansk (da)': skal have en oversættelse på mindst ét sprog"],
  ],
  [
    'a glossary row with translations but no Danish text',
    (wb) => addRow(wb, 'Ordliste', { 'Arabisk (ar)': 'موظف اجتماعي' }),
    ["Ordliste, række 3, kolonne 'Dansk (da)': skal udfyldes"],
  ],
  [
    'a description in English without an English title',
    (wb) => set(wb, 'Tekster', 2, 'Engelsk (en)', null),
    ["Tekster, række 3, kolonne 'Engelsk (en)': en beskrivelse på dette sprog kræver også en titel på samme sprog"],
  ],
  [
    'two title rows for one activity',
    (wb) => addRow(wb, 'Tekster', { Aktivitet: 'faellesspisning', Tekst: 'Titel', 'Tyrkisk (tr)': 'Ortak akşam yemeği' }),
    ["Tekster, række 4, kolonne 'Tekst': 'Titel' for 'faellesspisning' står allerede i række 2"],
  ],
  [
    'a field the Plan sheet does not have',
    (wb) => addRow(wb, 'Plan', { Felt: 'Budget', Værdi: 1000 }),
    [
      "Plan, række 9, kolonne 'Felt': 'Budget' er ikke et felt på planarket; brug 'Nøgle', 'Navn', 'Startdato', 'Slutdato', 'Planåret starter i måned', " +
        "'På sporet fra (andel af forventet)', 'I risiko fra (andel af forventet)', 'Kilde', 'Overordnet mål'",
    ],
  ],
  ['the plan has no name', (wb) => sheet(wb, 'Plan').spliceRows(planRow(wb, 'Navn'), 1), ["Plan: feltet 'Navn' mangler"]],
  [
    'the plan name twice',
    (wb) => addRow(wb, 'Plan', { Felt: 'Navn', Værdi: 'Et andet navn' }),
    ["Plan, række 9, kolonne 'Felt': feltet 'Navn' står allerede i række 3"],
  ],
  ['the plan has no source', (wb) => sheet(wb, 'Plan').spliceRows(planRow(wb, 'Kilde'), 1), ["Plan: planen skal have mindst én række med 'Kilde'"]],
  ['a sheet is missing', (wb) => wb.removeWorksheet(sheet(wb, 'Målgrupper').id), ['Målgrupper: arket mangler i projektmappen']],
  [
    'a column is missing',
    (wb) => set(wb, 'Succeskriterier', 1, 'Enhed', 'Enheder'),
    ["Succeskriterier, kolonne 'Enhed': kolonnen mangler i første række; arkets rækker er ikke læst"],
  ],
];

describe('each rule, with its Danish message', () => {
  test.each(cases)('%s', async (_name, mutate, expected) => {
    const wb = templateWorkbook();
    mutate(wb);
    expect(await messages(wb)).toEqual(expected);
  });

  test('a plan without focus areas', async () => {
    const wb = templateWorkbook();
    sheet(wb, 'Indsatsområder').spliceRows(2, 1);
    const found = await messages(wb);
    expect(found).toContain('Indsatsområder: planen skal have mindst ét indsatsområde');
    // What pointed at the focus area is reported too, each in its own row.
    expect(found).toContain("Aktiviteter, række 2, kolonne 'Indsatsområde': 'tryghed-og-trivsel' findes ikke på arket 'Indsatsområder'");
  });

  test('a file that is not a workbook', async () => {
    const file = join(dir, 'not-a-workbook.xlsx');
    writeFileSync(file, 'Nøgle;Navn\nfaellesspisning;Fællesspisning\n');
    const r = await readPlanWorkbook(file);
    expect(r.ok ? [] : r.problems.map((p) => stripIsolates(describeProblem(p, t)))).toEqual(['filen kan ikke læses som en Excel-projektmappe (.xlsx)']);
  });
});

describe('what people type is read as they mean it', () => {
  test('decimal commas, Danish dates, capitalised words, codes and one item per line', async () => {
    const wb = templateWorkbook();
    set(wb, 'Indikatorer', 2, 'Baseline', '14,2');
    set(wb, 'Indsatsområder', 2, 'Budget i alt (kr.)', '1.200.000');
    set(wb, 'Plan', planRow(wb, 'Startdato'), 'Værdi', '1.6.2026');
    set(wb, 'Aktiviteter', 2, 'Tilmelding', 'Ja');
    set(wb, 'Aktiviteter', 2, 'Samarbejdspartnere (én pr. linje)', 'Frivillige beboere\r\n  Sundhedsplejen \n');
    set(wb, 'Succeskriterier', 2, 'Type', 'event_count');
    const r = await roundTrip(wb);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const fa = r.plan.focusAreas[0];
    expect(fa?.indicators[0]?.baseline?.value).toBe(14.2);
    expect(fa?.budget?.total).toBe(1_200_000);
    expect(r.plan.startDate).toBe('2026-06-01');
    expect(fa?.activities[0]?.signupRequired).toBe(true);
    expect(fa?.activities[0]?.partners).toEqual(['Frivillige beboere', 'Sundhedsplejen']);
    expect(fa?.activities[0]?.targets[0]?.kind).toBe('event_count');
  });

  test('prices typed as "25 kr." and "0", and a glossary row with two languages', async () => {
    const wb = templateWorkbook();
    set(wb, 'Aktiviteter', 2, 'Pris pr. voksen (kr.)', '25 kr.');
    set(wb, 'Aktiviteter', 2, 'Pris pr. barn (kr.)', '0');
    addRow(wb, 'Ordliste', { 'Dansk (da)': 'Beboerhuset', 'Engelsk (en)': 'The community house', 'Arabisk (ar)': 'بيت السكان' });
    const r = await roundTrip(wb);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const dinner = r.plan.focusAreas[0]?.activities[0];
    expect([dinner?.priceAdults, dinner?.priceChildren]).toEqual([25, 0]);
    expect(r.plan.glossary['Beboerhuset']).toEqual({ en: 'The community house', ar: 'بيت السكان' });
    expect(r.plan.glossary['Børnefamilier']?.en).toBe('Families with children');
  });

  test('status thresholds typed as "0,9" and "70 %" become the plan\'s thresholds; none means the defaults', async () => {
    const wb = templateWorkbook();
    const plain = await roundTrip(templateWorkbook());
    expect(plain.ok && plain.plan.statusThresholds).toBeUndefined();
    addRow(wb, 'Plan', { Felt: 'På sporet fra (andel af forventet)', Værdi: '0,9' });
    addRow(wb, 'Plan', { Felt: 'I risiko fra (andel af forventet)', Værdi: '70 %' });
    const r = await roundTrip(wb);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.statusThresholds).toEqual({ onTrack: 0.9, atRisk: 0.7 });
  });

  test('status thresholds: a word, one without the other, and "at risk" above "on track" are each reported', async () => {
    const word = templateWorkbook();
    addRow(word, 'Plan', { Felt: 'På sporet fra (andel af forventet)', Værdi: 'høj' });
    addRow(word, 'Plan', { Felt: 'I risiko fra (andel af forventet)', Værdi: 0.8 });
    expect(await messages(word)).toEqual(["Plan, række 9, kolonne 'Værdi': skal være en andel mellem 0 og 2 af det forventede, fx 0,8 for 80 %"]);
    const alone = templateWorkbook();
    addRow(alone, 'Plan', { Felt: 'På sporet fra (andel af forventet)', Værdi: 0.9 });
    expect(await messages(alone)).toEqual(["Plan: feltet 'I risiko fra (andel af forventet)' mangler"]);
    const upside = templateWorkbook();
    addRow(upside, 'Plan', { Felt: 'På sporet fra (andel af forventet)', Værdi: 0.7 });
    addRow(upside, 'Plan', { Felt: 'I risiko fra (andel af forventet)', Værdi: 0.9 });
    expect(await messages(upside)).toEqual(["Plan, række 9, kolonne 'Værdi': må ikke være mindre end 'I risiko fra (andel af forventet)'"]);
  });

  test('a workbook made before prices and the glossary existed still reads, with neither', async () => {
    const wb = templateWorkbook();
    wb.removeWorksheet(sheet(wb, 'Ordliste').id);
    const ws = sheet(wb, 'Aktiviteter');
    ws.spliceColumns(columnOf(ws, 'Pris pr. voksen (kr.)'), 2);
    const r = await roundTrip(wb);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const dinner = r.plan.focusAreas[0]?.activities[0];
    expect(dinner?.priceAdults).toBeUndefined();
    expect(dinner?.priceChildren).toBeUndefined();
    expect(r.plan.glossary).toEqual({});
  });
});

describe('a workbook made by hand with several mistakes', () => {
  /** Builds a plan workbook cell by cell, the way someone would type it into an empty Excel file. */
  function handMade(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const add = (name: string, rows: ExcelJS.CellValue[][]): void => {
      const ws = wb.addWorksheet(name);
      for (const r of rows) ws.addRow(r);
    };
    add('Plan', [
      ['Felt', 'Værdi'],
      ['Nøgle', 'helhedsplan-nord-2026-30'],
      ['Navn', 'Helhedsplan Nord 2026-30'],
      ['Startdato', '1.6.2026'],
      ['Slutdato', '31.5.2030'],
      ['Kilde', 'Ansøgning til LBF'],
    ]);
    add('Indsatsområder', [
      ['Nøgle', 'Navn', 'Formål', 'Mål (ét pr. linje)', 'Budget i alt (kr.)', 'Heraf LBF (kr.)', 'Budgetnote'],
      ['tryghed', 'Tryghed og trivsel', null, 'Flere trygge beboere\nFærre klager', 2_000_000, 1_500_000, null],
    ]);
    add('Indikatorer', [['Indsatsområde', 'Nøgle', 'Navn', 'Enhed', 'Baseline', 'Baseline-tekst', 'Mål', 'Mål (tal)', 'Datakilde', 'Retning']]);
    add('Målinger', [['Indsatsområde', 'Indikator', 'Dato', 'Værdi', 'Note']]);
    add('Aktiviteter', [
      [
        'Indsatsområde',
        'Nøgle',
        'Hovedaktivitet',
        'Navn',
        'Kategori',
        'Formål',
        'Andre navne (ét pr. linje)',
        'Ansvarlig rolle (én pr. linje)',
        'Samarbejdspartnere (én pr. linje)',
        'Tilmelding',
      ],
      ['tryghed', 'faellesspisning', null, 'Fællesspisning', 'fællesspisning', 'Naboer spiser sammen.', 'spisning', 'Boligsocial medarbejder', null, 'ja'],
      ['tryghed', 'lektiecafe', null, 'Lektiecafé', 'lektier', 'Hjælp til lektier.', null, null, null, 'måske'],
    ]);
    add('Målgrupper', [
      ['Aktivitet', 'Målgruppe', 'Alder fra', 'Alder til'],
      ['lektiecafe', 'Skolebørn', 12, 6],
    ]);
    add('Succeskriterier', [
      ['Aktivitet', 'Nøgle', 'Succeskriterium', 'Type', 'Pr. år', 'Hele perioden', 'Enhed', 'Datakilde', 'Tæller med'],
      ['faellesspisning', 'antal', '40 fællesspisninger årligt', 'antal gange', 40, 160, 'fællesspisninger', 'Egen leverance og måling', 'arrangement'],
      [
        'faellesspisning',
        'gennemsnit',
        'Mindst 25 i gennemsnit',
        'gennemsnitligt fremmøde',
        null,
        '25 personer',
        'deltagere',
        'Egen leverance og måling',
        null,
      ],
      ['faellesspisning', 'antal', 'Igen', 'antal gange', -1, null, null, 'Egen', null],
    ]);
    add('Tekster', [
      [
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
      ],
    ]);
    add('Boligområder', [
      ['Nøgle', 'Navn', 'Andre navne (ét pr. linje)'],
      ['nordparken', 'Nordparken', null],
    ]);
    add('Gaderegler', [
      ['Boligområde', 'Gade', 'Husnumre', 'Fra nr.', 'Til nr.', 'Kilde'],
      ['nordparken', 'Nordvej', 'ulige', 1, 31, null],
      ['sydparken', 'Sydvej', 'halve', null, null, null],
    ]);
    add('Steder', [['Nøgle', 'Navn', 'Adresse', 'Boligområde']]);
    add('Historiske leverancer', [['Aktivitet', 'Dato', 'Type', 'Antal gange', 'Deltagere', 'Nye deltagere', 'Frivillige', 'Gennemførte', 'Note']]);
    return wb;
  }

  test('every mistake is reported at once, in sheet order, and nothing is read as a plan', async () => {
    expect(await messages(handMade())).toEqual([
      "Aktiviteter, række 3, kolonne 'Kategori': skal være en af: 'fællesspisning', 'rådgivning', 'børn', 'unge', 'forældre', 'voksne', " +
        "'fællesskab', 'uddannelse og beskæftigelse', 'kriminalpræventivt', 'netværk'",
      "Aktiviteter, række 3, kolonne 'Tilmelding': skal være en af: 'ja', 'nej'",
      "Målgrupper, række 2, kolonne 'Alder til': må ikke være mindre end 'Alder fra'",
      "Succeskriterier, række 3, kolonne 'Hele perioden': skal være et tal ≥ 0",
      "Succeskriterier, række 4, kolonne 'Nøgle': nøglen 'antal' er allerede brugt i række 2",
      "Succeskriterier, række 4, kolonne 'Pr. år': skal være et tal ≥ 0",
      "Succeskriterier, række 4, kolonne 'Enhed': skal udfyldes",
      "Gaderegler, række 3, kolonne 'Boligområde': 'sydparken' findes ikke på arket 'Boligområder'",
      "Gaderegler, række 3, kolonne 'Husnumre': skal være en af: 'alle', 'ulige', 'lige'",
    ]);
  });

  test('once corrected, it reads as the plan that was typed', async () => {
    const wb = handMade();
    set(wb, 'Aktiviteter', 3, 'Kategori', 'børn');
    set(wb, 'Aktiviteter', 3, 'Tilmelding', 'nej');
    set(wb, 'Målgrupper', 2, 'Alder fra', 6);
    set(wb, 'Målgrupper', 2, 'Alder til', 12);
    set(wb, 'Succeskriterier', 3, 'Hele perioden', 25);
    sheet(wb, 'Succeskriterier').spliceRows(4, 1);
    sheet(wb, 'Gaderegler').spliceRows(3, 1);
    const r = await roundTrip(wb);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    // The hand-made workbook has no reminder column: it is optional, so the configured default applies.
    expect(r.plan.focusAreas[0]?.activities[0]).not.toHaveProperty('reminderHoursBefore');
    expect(r.plan).toMatchObject({
      key: 'helhedsplan-nord-2026-30',
      startDate: '2026-06-01',
      endDate: '2030-05-31',
      planYearStartMonth: 6,
      focusAreas: [
        {
          key: 'tryghed',
          goals: ['Flere trygge beboere', 'Færre klager'],
          budget: { total: 2_000_000, lbf: 1_500_000 },
          activities: [
            {
              key: 'faellesspisning',
              category: 'dinner',
              signupRequired: true,
              aliases: ['spisning'],
              targets: [
                { key: 'antal', perYear: 40, wholePeriod: 160, deliveryKind: 'event' },
                { key: 'gennemsnit', kind: 'average_attendance', wholePeriod: 25 },
              ],
            },
            { key: 'lektiecafe', category: 'children', signupRequired: false, targetGroups: [{ label: 'Skolebørn', minAge: 6, maxAge: 12 }] },
          ],
        },
      ],
      housingAreas: [{ key: 'nordparken', streetRules: [{ street: 'Nordvej', parity: 'odd', from: 1, to: 31 }] }],
    });
  });
});
