/**
 * The fremdriftsrapport of the real 2017-21 plan: deliveries, attendance, external values and a
 * comment over plan years 2 and 3, written by `npm run report`'s command into a workbook and a CSV,
 * then read back with exceljs and checked cell by cell against numbers worked out here by hand.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PROJECT_ROOT } from '../../src/config/config';
import { Translations } from '../../src/i18n/i18n';
import { loadPlanFile } from '../../src/plan-data/plan-loader';
import { reportingPeriodByIndex, planYearPeriod } from '../../src/progress/periods';
import { runReportCommand } from '../../src/reports/report-command';
import { parseCalendarDate as d } from '../../src/time/calendar-date';
import { createTestContext, type TestContext } from '../support/test-context';
import { testProviders } from '../support/test-database';

const PLAN = loadPlanFile(join(PROJECT_ROOT, 'prisma', 'plans', 'randers-nordby-2017-21.json'));
const translations = new Translations();

/** Runs the report command; returns its exit code and what it printed. */
async function report(ctx: TestContext, args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReportCommand(args, {
    db: ctx.database.db,
    clock: ctx.clock,
    translations,
    writeFile: (p, data) => writeFileSync(p, data),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

/** A sheet's rows as arrays of cell values (1-based columns shifted to 0-based). */
function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value);
  });
  return out;
}

for (const provider of testProviders()) {
  describe(`the progress report of Helhedsplan Randers Nordby 2017-21 [${provider}]`, () => {
    let ctx: TestContext;
    let dir: string;
    let planId: string;

    beforeAll(async () => {
      ctx = await createTestContext(provider, PLAN);
      planId = ctx.planId;
      dir = mkdtempSync(join(tmpdir(), 'nabo-report-'));
      const { services, activityId, person, event } = ctx;
      const staff = await person('Staff', 'staff');
      const coordinator = await person('Koordinator', 'coordinator');
      const log = async (key: string, date: string, participants: number, extra: Record<string, number | string> = {}): Promise<void> => {
        await services.deliveries.log({
          planId,
          activityId: await activityId(key),
          date: d(date),
          participants,
          loggedById: staff,
          channel: 'teams',
          ...extra,
        });
      };
      // Plan year 2 (2018-06-01..2019-05-31).
      await log('faellesspisning', '2018-10-10', 30, { volunteers: 2 });
      await log('faellesspisning', '2019-03-12', 20);
      await log('boligsociale-moedregrupper', '2019-02-01', 8, { kind: 'course', completed: 6 });
      // Plan year 3 (2019-06-01..2020-05-31).
      await log('faellesspisning', '2019-09-05', 34, { volunteers: 3, volunteerHours: 10.5 });
      await log('faellesspisning', '2019-11-07', 28, { volunteers: 2, volunteerHours: 6 });
      await log('faellesspisning', '2020-02-13', 22);
      await log('boligsociale-moedregrupper', '2019-10-01', 10, { kind: 'course', completed: 9, satisfied: 8, respondents: 10 });
      await log('boligsociale-moedregrupper', '2020-03-01', 6, { kind: 'course', completed: 3 });
      // Not counted: undone, and after the plan's end.
      const undone = await services.deliveries.log({
        planId,
        activityId: await activityId('faellesspisning'),
        date: d('2019-12-12'),
        participants: 300,
        loggedById: staff,
        channel: 'teams',
      });
      await services.deliveries.undo(undone.id, staff);
      // Mødregruppe meetings with attendance by person: A, B, C in year 2; B, C, D, E (F no-show) and E, G in year 3.
      const [a, b, c, dd, e, f, g] = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n) => person(n)));
      const meeting = async (when: string, marks: [string, boolean][]): Promise<void> => {
        const eventId = await event({ activity: 'boligsociale-moedregrupper', startsAt: new Date(`${when}T09:00:00Z`) });
        await services.attendance.take({ eventId, marks: marks.map(([personId, attended]) => ({ personId, attended })), markedById: staff, channel: 'teams' });
      };
      await meeting('2019-01-15', [
        [a as string, true],
        [b as string, true],
        [c as string, true],
      ]);
      await meeting('2019-10-15', [
        [b as string, true],
        [c as string, true],
        [dd as string, true],
        [e as string, true],
        [f as string, false],
      ]);
      await meeting('2020-02-15', [
        [e as string, true],
        [g as string, true],
      ]);
      // Values only others keep: Ranpro's transition share for year 3, the production school's count per 4 months.
      const plan = await services.progress.plan(planId);
      const targetId = async (key: string): Promise<string> => (await ctx.database.db.target.findFirstOrThrow({ where: { key, activity: { planId } } })).id;
      await services.progress.externals.register({
        targetId: await targetId('overgang-til-ungdomsuddannelse'),
        period: planYearPeriod(plan, 3)!,
        value: 90,
        source: 'Ranpro',
        note: 'Årsopgørelse',
        registeredBy: coordinator,
      });
      await services.progress.externals.register({
        targetId: await targetId('unge-tilknyttet-vaerksteder'),
        period: reportingPeriodByIndex(plan, 7)!,
        value: 12,
        source: 'Randers Produktionshøjskole',
        registeredBy: coordinator,
      });
      await services.progress.externals.register({
        targetId: await targetId('unge-tilknyttet-vaerksteder'),
        period: reportingPeriodByIndex(plan, 8)!,
        value: 6,
        source: 'Randers Produktionshøjskole',
        registeredBy: coordinator,
      });
      await services.progress.comments.write({
        activityId: await activityId('boligsociale-moedregrupper'),
        period: planYearPeriod(plan, 3)!,
        text: 'To forløb afviklet; sundhedsplejen rekrutterer til foråret.',
        authorId: staff,
      });
    });

    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await ctx.database.destroy();
    });

    test('npm run report writes the workbook for plan year 3; every figure checked by hand', async () => {
      const file = join(dir, 'planaar-3.xlsx');
      const run = await report(ctx, ['--plan', 'randers-nordby-2017-21', '--period', 'planår 3', '--out', file]);
      expect(run).toMatchObject({ code: 0, err: [] });
      expect(run.out[0]).toContain('planår 3 (1.6.2019–31.5.2020)');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Oversigt', 'Succeskriterier', 'Målinger', 'Kommentarer', 'Registrerede værdier', 'Leverancer']);

      // Targets: one row per target of the plan, headers in Danish, the header row frozen.
      const ws = wb.getWorksheet('Succeskriterier')!;
      const rows = rowsOf(ws);
      const header = rows[0] as string[];
      expect(header.slice(0, 12)).toEqual([
        'Indsatsområde',
        'Aktivitet',
        'Succeskriterium',
        'Type',
        'Enhed',
        'Resultat',
        'I perioden',
        'Mål',
        'Forventet nu',
        'Status',
        'Forrige periode',
        'Ændring',
      ]);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(3).width).toBe(60);
      const targetCount = PLAN.focusAreas.flatMap((fa) =>
        fa.activities.flatMap((a) => [...(a.targets ?? []), ...(a.subActivities ?? []).flatMap((s) => s.targets ?? [])]),
      ).length;
      expect(rows).toHaveLength(1 + targetCount);
      const col = (name: string): number => header.indexOf(name);
      const row = (start: string): ExcelJS.CellValue[] => {
        const r = rows.find((x) => String(x[2] ?? '').startsWith(start));
        if (!r) throw new Error(`no row ${start}`);
        return r;
      };
      const pick = (start: string, names: string[]): ExcelJS.CellValue[] => names.map((n) => row(start)[col(n)] ?? null);
      const FIG = ['Resultat', 'I perioden', 'Mål', 'Forventet nu', 'Status', 'Forrige periode', 'Ændring'];
      const BEHIND = ['Afholdt', 'Fremmøder', 'Unikke deltagere', 'Nye', 'Gengangere', 'Frivillige', 'Frivillige timer'];

      // Fællesspisning: (34 + 28 + 22) / 3 = 28 against 25; year 2 was (30 + 20) / 2 = 25.
      expect(pick('Mindst gennemsnitligt 25 deltagere', FIG)).toEqual([28, 28, 25, 25, '✔ nået', 25, 3]);
      // Volunteers 3 + 2 people, 10.5 + 6 hours.
      expect(pick('Mindst gennemsnitligt 25 deltagere', BEHIND)).toEqual([3, 84, 0, 0, 0, 5, 16.5]);
      expect(row('Mindst gennemsnitligt 25 deltagere').slice(0, 2)).toEqual(['Tryghed og trivsel', 'Aktivitet til styrkelse af naboskab › Fællesspisning']);
      // Activities with volunteers count the sub-activities' events: 3 of the year's 16 / 4 = 4 (3 < 80 % of 4: behind); year 2 had 2.
      expect(pick('Med hjælp fra frivillige beboere', FIG)).toEqual([3, 3, 4, 4, '✖ bagud', 2, 1]);
      // Mødregrupper: 2 courses of 5; year 2 had 1.
      expect(pick('Der afvikles 5 forløb årligt', FIG)).toEqual([2, 2, 5, 5, '✖ bagud', 1, 1]);
      // Unique children: B, C, D, E, G = 5 (F did not come), of whom B and C came in year 2 too; year 2 had A, B, C.
      expect(pick('Mindst 25 unikke børn', FIG)).toEqual([5, 5, 25, 25, '✖ bagud', 3, 2]);
      // Held: 2 courses + 2 meetings; attendances 10 + 6 + 4 + 2.
      expect(pick('Mindst 25 unikke børn', BEHIND)).toEqual([4, 22, 5, 3, 2, 0, 0]);
      // Completion (9 + 3) / (10 + 6) = 75 % of 80 (at risk); year 2: 6 / 8 = 75 %.
      expect(pick('Mindst 80 % af deltagerne gennemfører', FIG)).toEqual([75, 75, 80, 80, '⚠ i risiko', 75, 0]);
      // Satisfaction 8 / 10 = 80 % of 75; nothing registered in year 2, so no previous figure.
      expect(pick('Mindst 75 % af deltagerne vurderer', FIG)).toEqual([80, 80, 75, 75, '✔ nået', null, null]);
      // Ranpro's 90 % of 95 %, registered by the coordinator; the production school's 12 + 6 of 20.
      expect(pick('Der forventes at 95 %', FIG)).toEqual([90, 90, 95, 95, '⚠ i risiko', null, null]);
      expect(row('Der forventes at 95 %')[col('Forklaring')]).toBe('Registreret værdi fra Ranpro.');
      expect(pick('20 unge fra området', FIG)).toEqual([18, 18, 20, 20, '⚠ i risiko', null, null]);
      // What cannot be computed says why.
      expect(pick('Oplevet forandring hos instruktører', ['Status'])).toEqual(['– kan ikke beregnes']);
      expect(row('Oplevet forandring hos instruktører')[col('Forklaring')]).toMatch(/^Kræver en spørgeskemaundersøgelse eller selvevaluering/);
      expect(row('Husstandsomdelt aktivitetsomslag')[col('Status')]).toBe('✖ bagud');
      expect(row('Stigende antal besøgende')[col('Forklaring')]).toBe('Kvalitativt succeskriterium: det vurderes og beskrives, det tælles ikke.');
      // Real number cells with a number format, status cells coloured.
      const cell = ws.getCell(rows.indexOf(row('Mindst 80 % af deltagerne gennemfører')) + 1, col('Resultat') + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).toBe('#,##0.0;-#,##0.0;0');
      expect(ws.getCell(rows.indexOf(row('Der afvikles 5 forløb årligt')) + 1, col('Status') + 1).fill).toMatchObject({
        type: 'pattern',
        fgColor: { argb: 'FFFFC7CE' },
      });

      // Summary: heading, status counts per focus area (Uddannelse og beskæftigelse by hand: 7 behind, 2 at risk, 2 not computable).
      const sum = rowsOf(wb.getWorksheet('Oversigt')!);
      expect(sum[0]?.[0]).toBe('Fremdriftsrapport: Helhedsplan Randers Nordby 2017-21');
      expect(sum[1]?.[0]).toBe('Periode: planår 3 (1.6.2019–31.5.2020)');
      expect(sum[2]?.[0]).toBe('Sammenlignet med: planår 2 (1.6.2018–31.5.2019)');
      expect(sum[3]?.[0]).toBe('Opgjort pr. 31. maj 2020');
      expect(sum[5]?.slice(0, 7)).toEqual(['Indsatsområde', '✔ nået', '➜ på sporet', '⚠ i risiko', '✖ bagud', '– kan ikke beregnes', 'I alt']);
      expect(sum.find((r) => r[0] === 'Uddannelse og beskæftigelse')?.slice(1, 7)).toEqual([0, 0, 2, 7, 2, 11]);
      // The total row adds up the statuses of the target sheet.
      const statuses = rows.slice(1).map((r) => r[col('Status')]);
      const count = (w: string): number => statuses.filter((s) => s === w).length;
      expect(sum.find((r) => r[0] === 'I alt')?.slice(1, 7)).toEqual([
        count('✔ nået'),
        count('➜ på sporet'),
        count('⚠ i risiko'),
        count('✖ bagud'),
        count('– kan ikke beregnes'),
        targetCount,
      ]);
      expect(sum.some((r) => r[0] === 'Kræver opmærksomhed (bagud eller i risiko)')).toBe(true);

      // Deliveries counted: 3 dinners, 2 courses and 2 meetings of year 3 by date (the undone one is not there), dates as dates.
      const del = rowsOf(wb.getWorksheet('Leverancer')!);
      expect(del).toHaveLength(1 + 7);
      expect(del[1]?.[0]).toEqual(new Date('2019-09-05T00:00:00Z'));
      expect(del.slice(1).map((r) => r[5])).toEqual([34, 10, 4, 28, 22, 2, 6]);
      const dh = del[0] as string[];
      expect(del.slice(1).map((r) => r[dh.indexOf('Fra arrangement')])).toEqual(['nej', 'nej', 'ja', 'nej', 'nej', 'ja', 'nej']);
      expect(del.slice(1).map((r) => [r[dh.indexOf('Frivillige')], r[dh.indexOf('Frivillige timer')]])).toEqual([
        [3, 10.5],
        [null, null],
        [0, null],
        [2, 6],
        [null, null],
        [0, null],
        [null, null],
      ]);

      // Registered values and the comment.
      const vals = rowsOf(wb.getWorksheet('Registrerede værdier')!);
      expect(vals.slice(1).map((r) => [r[2], r[3], r[4], r[5]])).toEqual([
        [new Date('2019-06-01T00:00:00Z'), new Date('2019-09-30T00:00:00Z'), 12, 'Randers Produktionshøjskole'],
        [new Date('2019-06-01T00:00:00Z'), new Date('2020-05-31T00:00:00Z'), 90, 'Ranpro'],
        [new Date('2019-10-01T00:00:00Z'), new Date('2020-01-31T00:00:00Z'), 6, 'Randers Produktionshøjskole'],
      ]);
      const com = rowsOf(wb.getWorksheet('Kommentarer')!);
      expect(com[1]).toEqual([
        'Boligsociale mødregrupper',
        new Date('2019-06-01T00:00:00Z'),
        new Date('2020-05-31T00:00:00Z'),
        'To forløb afviklet; sundhedsplejen rekrutterer til foråret.',
      ]);

      // Indicators: baseline, every measurement, status (no value since the plan started: not computable).
      const ind = rowsOf(wb.getWorksheet('Målinger')!);
      const klage = ind.filter((r) => r[1] === 'Registrerede klagesager');
      expect(klage.length).toBeGreaterThan(0);
      expect(klage[0]?.[6]).toBe('– kan ikke beregnes');
    });

    test('a 4-month period reads counts against the year; tertial-8 is compared with tertial-7', async () => {
      const file = join(dir, 't8.xlsx');
      expect((await report(ctx, ['--plan', 'randers-nordby-2017-21', '--period', 'tertial-8', '--out', file])).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const rows = rowsOf(wb.getWorksheet('Succeskriterier')!);
      const header = rows[0] as string[];
      const r = rows.find((x) => String(x[2]).startsWith('Der afvikles 5 forløb årligt'))!;
      // Tertial 8 = 2019-10-01..2020-01-31: 1 course in it, 1 in year 3 up to its end; the year's 5, expected 5 × 8/12 by 2020-01-31.
      const [actual, inPeriod, target, expected, status, previous, change] = [
        'Resultat',
        'I perioden',
        'Mål',
        'Forventet nu',
        'Status',
        'Forrige periode',
        'Ændring',
      ].map((n) => r[header.indexOf(n)]);
      expect([actual, inPeriod, target, status, previous, change]).toEqual([1, 1, 5, '✖ bagud', 0, 1]);
      expect(expected).toBeCloseTo(Math.round(5 * (245 / 366) * 10) / 10, 5);
      expect(r[header.indexOf('Forklaring')]).toContain('planåret til og med perioden');
      const sum = rowsOf(wb.getWorksheet('Oversigt')!);
      expect(sum[1]?.[0]).toBe('Periode: leverancemåling 8 (nr. 2 i planår 3, 1.10.2019–31.1.2020)');
    });

    test('CSV: the target table with Danish separators, the heading first', async () => {
      const file = join(dir, 'aar3.csv');
      expect((await report(ctx, ['--plan', 'randers-nordby-2017-21', '--period', '2019-06-01..2020-05-31', '--out', file])).code).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('\uFEFFFremdriftsrapport: Helhedsplan Randers Nordby 2017-21\r\n')).toBe(true);
      expect(text).toContain('Periode: perioden 1.6.2019–31.5.2020');
      const line = text.split('\r\n').find((l) => l.includes('Mindst 80 % af deltagerne gennemfører'))!;
      expect(line.split(';').slice(5, 10)).toEqual(['75', '75', '80', '80', '⚠ i risiko']);
    });

    test('wrong options are answered, nothing is written', async () => {
      const file = join(dir, 'never.xlsx');
      const bad = await report(ctx, ['--plan', 'randers-nordby-2017-21', '--period', 'planår 9', '--out', file]);
      expect(bad).toMatchObject({ code: 1, err: [expect.stringContaining('Den periode findes ikke i helhedsplanen')] });
      const unknown = await report(ctx, ['--plan', 'nope', '--out', file]);
      expect(unknown.err[0]).toContain('Jeg kender ikke den helhedsplan');
      expect((await report(ctx, ['--period', 'engang', '--out', file])).err[0]).toContain('Jeg forstår ikke perioden "engang"');
      expect((await report(ctx, ['--plan', 'x'])).code).toBe(2);
      expect((await report(ctx, ['--out', file, '--format', 'pdf'])).err[0]).toContain('npm run report');
      expect(() => readFileSync(file)).toThrow();
    });
  });
}
