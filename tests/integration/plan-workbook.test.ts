/**
 * The plan workbook against a real database, through the commands the secretariat runs: export →
 * import of every shipped plan leaves the database as it was; a changed workbook is shown by
 * --dry-run (added, changed, removed, by key) without writing, then imported by key, idempotently,
 * keeping registrations; removing an activity that has registrations is refused and saves nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PROJECT_ROOT } from '../../src/config/config';
import type { Db } from '../../src/database/database';
import { stripIsolates, Translations } from '../../src/i18n/i18n';
import { loadPlanFile, planFilesIn } from '../../src/plan-data/plan-loader';
import { importPlan } from '../../src/plan-data/plan-importer';
import { planExportCommand, planImportCommand, planTemplateCommand, type CommandDeps } from '../../src/plan-workbook/commands';
import { createTestDatabase, testProviders } from '../support/test-database';

const PLAN_DIR = join(PROJECT_ROOT, 'prisma', 'plans');
const t = new Translations().translator('da');

/** Runs a command; returns its exit code and what it printed, isolates removed. */
async function run(
  db: Db,
  command: (argv: string[], deps: CommandDeps) => Promise<number>,
  argv: string[],
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(argv, { db: async () => db, t, print: (l) => out.push(stripIsolates(l)), printError: (l) => err.push(stripIsolates(l)) });
  return { code, out, err };
}

/** Every row a plan import writes, with database ids replaced by the keys they point to. */
async function planData(db: Db): Promise<unknown> {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'id' && !k.endsWith('Id') && !['createdAt', 'updatedAt', 'importedAt'].includes(k))
          .map(([k, x]) => [k, strip(x)]),
      );
    }
    return v;
  };
  const plans = await db.plan.findMany({
    orderBy: { key: 'asc' },
    include: {
      focusAreas: {
        orderBy: { key: 'asc' },
        include: { indicators: { orderBy: { key: 'asc' }, include: { measurements: { orderBy: [{ date: 'asc' }, { value: 'asc' }] } } } },
      },
      housingAreas: { orderBy: { key: 'asc' }, include: { streetRules: { orderBy: [{ street: 'asc' }, { parity: 'asc' }, { fromNumber: 'asc' }] } } },
      activities: {
        orderBy: { key: 'asc' },
        include: {
          parent: { select: { key: true } },
          focusArea: { select: { key: true } },
          targetGroups: { orderBy: { label: 'asc' } },
          translations: { orderBy: { language: 'asc' } },
          targets: { orderBy: { key: 'asc' } },
          deliveries: { orderBy: [{ date: 'asc' }, { note: 'asc' }] },
          events: { orderBy: { startsAt: 'asc' }, include: { signUps: true } },
        },
      },
    },
  });
  const locations = await db.location.findMany({
    orderBy: { key: 'asc' },
    include: { housingArea: { select: { key: true, plan: { select: { key: true } } } } },
  });
  return strip({ plans, locations });
}

/** Removes every data row of a sheet whose cell under `header` is `value`. */
function removeRows(wb: ExcelJS.Workbook, sheet: string, header: string, value: string): number {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === header) col = n;
  });
  let removed = 0;
  for (let r = ws.rowCount; r >= 2; r--) {
    if (ws.getCell(r, col).value === value) {
      ws.spliceRows(r, 1);
      removed++;
    }
  }
  return removed;
}

function setCell(wb: ExcelJS.Workbook, sheet: string, matchHeader: string, matchValue: string, header: string, value: ExcelJS.CellValue): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => cols.set(String(c.value), n));
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getCell(r, cols.get(matchHeader) as number).value === matchValue) {
      ws.getCell(r, cols.get(header) as number).value = value;
      return;
    }
  }
  throw new Error(`no row with ${matchHeader} = ${matchValue} in ${sheet}`);
}

/** The row right below the last filled one. */
function appendRow(wb: ExcelJS.Workbook, sheet: string, values: Record<string, ExcelJS.CellValue>): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => cols.set(String(c.value), n));
  let last = 1;
  ws.eachRow((row, n) => {
    row.eachCell((c) => {
      if (c.value !== null && c.value !== undefined) last = Math.max(last, n);
    });
  });
  const row = ws.getRow(last + 1);
  for (const [h, v] of Object.entries(values)) row.getCell(cols.get(h) as number).value = v;
}

for (const provider of testProviders()) {
  describe(`the plan workbook against the database [${provider}]`, () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let dir: string;
    let db: Db;
    beforeAll(async () => {
      database = await createTestDatabase(provider);
      db = database.db;
      dir = mkdtempSync(join(tmpdir(), 'nabo-plan-workbook-'));
      for (const file of planFilesIn(PLAN_DIR)) await importPlan(db, loadPlanFile(file));
    }, 120_000);
    afterAll(async () => {
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    test('export → import of every shipped plan leaves the database exactly as it was', async () => {
      const before = await planData(db);
      for (const file of planFilesIn(PLAN_DIR)) {
        const key = loadPlanFile(file).key;
        const out = join(dir, `${key}.xlsx`);
        expect(await run(db, planExportCommand, ['--plan', key, '--out', out])).toEqual({ code: 0, out: [`Planen '${key}' er skrevet til ${out}`], err: [] });
        expect((await run(db, planImportCommand, ['--dry-run', out])).out).toEqual([
          `${out} (prøvekørsel, intet gemmes): 0 ændringer`,
          '  Ingen ændringer: databasen svarer allerede til filen.',
        ]);
        expect((await run(db, planImportCommand, [out])).code).toBe(0);
      }
      expect(await planData(db)).toEqual(before);
    }, 120_000);

    test('a JSON plan file still imports through the same command', async () => {
      const r = await run(db, planImportCommand, [join(PLAN_DIR, 'randers-nordby-2021-25.json')]);
      expect(r).toEqual({
        code: 0,
        out: [`${join(PLAN_DIR, 'randers-nordby-2021-25.json')} er importeret: 0 ændringer gemt`, '  Ingen ændringer: databasen svarer allerede til filen.'],
        err: [],
      });
    });

    describe('changing the 2017-21 plan in its workbook', () => {
      const key = 'randers-nordby-2017-21';
      let planId: string;
      let exported: string;
      beforeAll(async () => {
        planId = (await db.plan.findUniqueOrThrow({ where: { key } })).id;
        exported = join(dir, 'nordby-17-21.xlsx');
        await run(db, planExportCommand, ['--plan', key, '--out', exported]);
        // What staff and residents registered on the dinner and one indicator.
        const dinner = await db.activity.findUniqueOrThrow({ where: { planId_key: { planId, key: 'faellesspisning' } } });
        const person = await db.person.create({ data: { firstName: 'Amina' } });
        const event = await db.event.create({
          data: { activityId: dinner.id, startsAt: new Date('2019-03-07T16:30:00Z'), endsAt: new Date('2019-03-07T19:00:00Z'), capacity: 40 },
        });
        await db.signUp.create({ data: { eventId: event.id, personId: person.id, status: 'confirmed' } });
        await db.delivery.create({
          data: { activityId: dinner.id, eventId: event.id, date: new Date('2019-03-07T00:00:00Z'), participants: 31, channel: 'console' },
        });
        const complaints = await db.indicator.findFirstOrThrow({ where: { key: 'klagesager', focusArea: { planId } } });
        await db.measurement.create({ data: { indicatorId: complaints.id, date: new Date('2019-12-31T00:00:00Z'), value: 41, registeredBy: person.id } });
      });

      async function changed(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(exported);
        edit(wb);
        const file = join(dir, `changed-${Math.random().toString(36).slice(2)}.xlsx`);
        await wb.xlsx.writeFile(file);
        return file;
      }

      const removeActivity = (wb: ExcelJS.Workbook, activity: string): void => {
        expect(removeRows(wb, 'Aktiviteter', 'Nøgle', activity)).toBe(1);
        for (const sheet of ['Målgrupper', 'Succeskriterier', 'Tekster', 'Historiske leverancer']) removeRows(wb, sheet, 'Aktivitet', activity);
      };

      test('--dry-run lists what would be added, changed and removed, by key, and writes nothing', async () => {
        const file = await changed((wb) => {
          setCell(wb, 'Aktiviteter', 'Nøgle', 'nussa', 'Navn', 'NUSSA – sprog og trivsel');
          setCell(wb, 'Aktiviteter', 'Nøgle', 'nussa', 'Påmindelse (timer før)', 48);
          appendRow(wb, 'Aktiviteter', {
            Indsatsområde: 'forebyggelse-og-foraeldreansvar',
            Nøgle: 'lektiecafe',
            Navn: 'Lektiecafé',
            Kategori: 'børn',
            Formål: 'Hjælp til lektier.',
            Tilmelding: 'nej',
          });
          expect(removeRows(wb, 'Succeskriterier', 'Nøgle', 'familieklassen-stamklasse')).toBe(1);
          removeActivity(wb, 'tidlig-sprogindsats');
        });
        const before = await planData(db);
        const r = await run(db, planImportCommand, ['--dry-run', file]);
        expect(r).toEqual({
          code: 0,
          out: [
            `${file} (prøvekørsel, intet gemmes): 5 ændringer`,
            "  Tilføjes: aktivitet 'lektiecafe'",
            "  Ændres: aktivitet 'nussa'",
            "  Fjernes: aktivitet 'tidlig-sprogindsats'",
            "  Fjernes: succeskriterium 'familieklassen/familieklassen-stamklasse'",
            "  Fjernes: succeskriterium 'tidlig-sprogindsats/forloebsaktiviteter-boern-og-foraeldre'",
          ],
          err: [],
        });
        expect(await planData(db)).toEqual(before);

        // Imported for real: exactly those changes, and a second import finds nothing left to do.
        expect((await run(db, planImportCommand, [file])).out[0]).toBe(`${file} er importeret: 5 ændringer gemt`);
        const activities = await db.activity.findMany({ where: { planId }, select: { key: true, name: true, reminderHoursBefore: true } });
        expect(activities.find((a) => a.key === 'nussa')).toEqual({ key: 'nussa', name: 'NUSSA – sprog og trivsel', reminderHoursBefore: 48 });
        expect(activities.map((a) => a.key)).toContain('lektiecafe');
        expect(activities.map((a) => a.key)).not.toContain('tidlig-sprogindsats');
        expect(await db.target.count({ where: { key: 'familieklassen-stamklasse' } })).toBe(0);
        expect((await run(db, planImportCommand, [file])).out).toEqual([
          `${file} er importeret: 0 ændringer gemt`,
          '  Ingen ændringer: databasen svarer allerede til filen.',
        ]);
      });

      test('what people registered is kept through every import', async () => {
        const dinner = await db.activity.findUniqueOrThrow({
          where: { planId_key: { planId, key: 'faellesspisning' } },
          include: { events: { include: { signUps: true } }, deliveries: true },
        });
        expect(dinner.events).toHaveLength(1);
        expect(dinner.events[0]?.signUps).toHaveLength(1);
        expect(dinner.deliveries.map((d) => d.participants)).toEqual([31]);
        expect(await db.measurement.count({ where: { value: 41, indicator: { key: 'klagesager' } } })).toBe(1);
      });

      test('removing an activity with registrations is refused, and nothing else in the file is saved', async () => {
        const file = await changed((wb) => {
          setCell(wb, 'Plan', 'Felt', 'Navn', 'Værdi', 'Helhedsplan Randers Nordby 2017-21 (rettet)');
          removeActivity(wb, 'faellesspisning');
        });
        const before = await planData(db);
        const r = await run(db, planImportCommand, [file]);
        expect(r).toEqual({
          code: 1,
          out: [],
          err: [
            "Aktiviteten 'faellesspisning' kan ikke fjernes: der er 2 registreringer på den (arrangementer, leverancer eller rådgivningstider). Lad den stå i filen.",
            'Intet er gemt.',
          ],
        });
        expect(await planData(db)).toEqual(before);
        expect((await db.plan.findUniqueOrThrow({ where: { key } })).name).toBe('Helhedsplan Randers Nordby 2017-21');
      });

      test('removing an indicator with measurements registered by staff is refused too', async () => {
        const file = await changed((wb) => {
          removeRows(wb, 'Indikatorer', 'Nøgle', 'klagesager');
          removeRows(wb, 'Målinger', 'Indikator', 'klagesager');
        });
        const r = await run(db, planImportCommand, ['--dry-run', file]);
        expect(r.code).toBe(1);
        expect(r.err).toEqual([
          "Indikatoren 'tryghed-og-trivsel/klagesager' kan ikke fjernes: der er 1 målinger registreret på den. Lad den stå i filen.",
          'Intet er gemt.',
        ]);
      });

      test('a workbook with mistakes is not imported at all; every mistake is listed', async () => {
        const file = await changed((wb) => {
          setCell(wb, 'Plan', 'Felt', 'Navn', 'Værdi', 'Nyt navn');
          setCell(wb, 'Succeskriterier', 'Nøgle', 'moedregruppeforloeb', 'Pr. år', -5);
          setCell(wb, 'Aktiviteter', 'Nøgle', 'nussa', 'Kategori', 'sprog');
        });
        const before = await planData(db);
        const r = await run(db, planImportCommand, [file]);
        expect(r.code).toBe(1);
        expect(r.err[0]).toBe(`${file} kan ikke importeres. Ret disse 2 fejl; intet er gemt:`);
        expect(r.err.slice(1)).toEqual([
          expect.stringMatching(/^ {2}- Aktiviteter, række \d+, kolonne 'Kategori': skal være en af: 'fællesspisning'/),
          expect.stringMatching(/^ {2}- Succeskriterier, række \d+, kolonne 'Pr\. år': skal være et tal ≥ 0$/),
        ]);
        expect(await planData(db)).toEqual(before);
      });
    });

    test('the 2021-25 plan comes into an empty database from its workbook: four focus areas, five housing areas', async () => {
      const empty = await createTestDatabase(provider);
      try {
        const file = join(dir, 'randers-nordby-2021-25.xlsx');
        expect((await run(db, planExportCommand, ['--plan', 'randers-nordby-2021-25', '--out', file])).code).toBe(0);
        const r = await run(empty.db, planImportCommand, [file]);
        expect(r.code).toBe(0);
        const plan = await empty.db.plan.findUniqueOrThrow({
          where: { key: 'randers-nordby-2021-25' },
          include: { focusAreas: { orderBy: { position: 'asc' } }, housingAreas: true },
        });
        expect(plan.focusAreas.map((f) => f.name)).toEqual([
          'Uddannelse og livschancer',
          'Beskæftigelse',
          'Kriminalitetsforebyggelse',
          'Sammenhængskraft og medborgerskab',
        ]);
        expect(plan.housingAreas.map((h) => h.name).sort()).toEqual([
          'Energivej-området',
          'Gl. Jennumparken',
          'Hermann Stillingsvej-området',
          'Området omkring Glarbjergvej',
          'Vangdalsparken',
        ]);
      } finally {
        await empty.destroy();
      }
    }, 60_000);

    test('the template command writes a workbook that imports as its example plan', async () => {
      const file = join(dir, 'skabelon.xlsx');
      expect(await run(db, planTemplateCommand, ['--out', file])).toEqual({ code: 0, out: [`En tom skabelon er skrevet til ${file}`], err: [] });
      const r = await run(db, planImportCommand, ['--dry-run', file]);
      expect(r.out[0]).toBe(`${file} (prøvekørsel, intet gemmes): 8 ændringer`);
      expect(await db.plan.findUnique({ where: { key: 'ny-helhedsplan-2026-30' } })).toBeNull();
    });

    test('an unknown plan key and missing arguments are answered, not thrown', async () => {
      const r = await run(db, planExportCommand, ['--plan', 'randers-nordby-2030-34', '--out', join(dir, 'x.xlsx')]);
      expect(r).toEqual({
        code: 1,
        out: [],
        err: [
          "Der er ingen plan med nøglen 'randers-nordby-2030-34' i databasen. Planer: randers-nordby-2013-17, randers-nordby-2017-21, randers-nordby-2021-25",
        ],
      });
      expect((await run(db, planImportCommand, [])).code).toBe(2);
      expect((await run(db, planTemplateCommand, [])).code).toBe(2);
    });
  });
}
