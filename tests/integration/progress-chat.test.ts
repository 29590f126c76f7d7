/**
 * Progress in the chat across the real plans with no demo calendar: a delivery back-filled into
 * 2019 counts towards the 2017-21 plan although 2021-25 is the current one; staff and coordinators
 * name a plan and any period ("planår 1", "leverancemåling 3", "2. tertial 2019", a date range)
 * and see each figure next to the previous period's; a demo plan says so in its heading;
 * residents never see progress.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config';
import { ConversationEngine } from '../../src/conversation/engine';
import { StateStore } from '../../src/conversation/state-store';
import { FLOWS } from '../../src/flows';
import { Translations, stripIsolates } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { understand } from '../../src/nlu/reader';
import { importPlan } from '../../src/plan-data/plan-importer';
import { loadPlanFile } from '../../src/plan-data/plan-loader';
import { SMALL_PLAN } from '../fixtures/small-plan';
import { StaffChat } from '../support/staff-chat';
import { createTestContext, type TestContext } from '../support/test-context';
import { testProviders } from '../support/test-database';

const plan = (name: string) => loadPlanFile(join(PROJECT_ROOT, 'prisma', 'plans', `randers-nordby-${name}.json`));

for (const provider of testProviders()) {
  describe(`progress in the chat, any plan and period [${provider}]`, () => {
    let ctx: TestContext;
    let engine: ConversationEngine;

    beforeAll(async () => {
      // The real plans only: 2021-25 is the current plan (the latest), and it has no activities.
      ctx = await createTestContext(provider, plan('2017-21'));
      await importPlan(ctx.database.db, plan('2013-17'));
      await importPlan(ctx.database.db, plan('2021-25'));
      engine = new ConversationEngine({
        services: ctx.services,
        translations: new Translations(),
        clock: ctx.clock,
        logger: silentLogger,
        understand,
        flows: FLOWS,
        stateStore: new StateStore(ctx.database.db),
      });
      const staff = await ctx.person('Staff', 'staff');
      // Plan year 1 (2017-18): two dinners of 20 and 26.
      for (const [date, n] of [
        ['2017-09-14', 20],
        ['2018-03-08', 26],
      ] as const) {
        await ctx.services.deliveries.log({
          planId: ctx.planId,
          activityId: await ctx.activityId('faellesspisning'),
          date: new Date(`${date}T00:00:00Z`),
          participants: n,
          loggedById: staff,
          channel: 'teams',
        });
      }
    });

    afterAll(async () => {
      await ctx.database.destroy();
    });

    test('staff back-fill "fællesspisning 12. marts 2019 30 deltagere" into the 2017-21 plan, then see it there', async () => {
      const staff = new StaffChat(engine, 'staff');
      expect(await staff.say('fællesspisning 12. marts 2019 30 deltagere')).toContain('Fællesspisning');
      expect(await staff.press('Gem')).toContain('Gemt: Fællesspisning 12. marts 2019 med 30 deltagere.');
      const saved = await ctx.database.db.delivery.findFirstOrThrow({ where: { participants: 30 }, include: { activity: { include: { plan: true } } } });
      expect(saved.activity.plan.key).toBe('randers-nordby-2017-21');
      expect(saved.date.toISOString().slice(0, 10)).toBe('2019-03-12');

      const shown = await staff.say('hvordan går det med fællesspisningen i helhedsplanen 2017-21 i planår 2');
      expect(shown).toContain('Fællesspisning – planår 2 (1.6.2018–31.5.2019) – Helhedsplan Randers Nordby 2017-21');
      // One dinner of 30 in plan year 2, against 25; plan year 1 averaged (20 + 26) / 2 = 23.
      expect(staff.row('Mindst gennemsnitligt 25 deltagere').slice(1)).toEqual(['30', '25', '25', '23 (+7)', '✔ nået']);
      expect(shown).toContain('Forrige periode, planår 1 (1.6.2017–31.5.2018): 1 ⚠ i risiko');
    });

    test('"hvordan gik det med … i planår 1?" in a named plan; buttons to other periods', async () => {
      const coordinator = new StaffChat(engine, 'coordinator');
      expect(await coordinator.say('hvordan gik det med fællesspisningen i planår 1 i helhedsplanen 2017-21?')).toContain(
        'Fællesspisning – planår 1 (1.6.2017–31.5.2018) – Helhedsplan Randers Nordby 2017-21',
      );
      expect(coordinator.row('Mindst gennemsnitligt')[1]).toBe('23');
      // The first plan year has none before it; the whole plan does not either.
      expect(coordinator.last.replies.flatMap((r) => (r.kind === 'choices' ? r.choices.map((c) => stripIsolates(c.label)) : []))).not.toContain(
        'Forrige periode',
      );
      // The 4 months the year starts with: one dinner of 20 (2017-09-14).
      expect(await coordinator.press('Leverancemålingen')).toContain('Fællesspisning – leverancemåling 1 (nr. 1 i planår 1, 1.6.2017–30.9.2017)');
      expect(coordinator.row('Mindst gennemsnitligt')[1]).toBe('20');
      expect(await coordinator.say('hvordan gik det med mødregrupperne i planår 1 i helhedsplanen 2017-21?')).toContain(
        'Boligsociale mødregrupper – planår 1 (1.6.2017–31.5.2018) – Helhedsplan Randers Nordby 2017-21',
      );
      expect(coordinator.row('Der afvikles 5 forløb årligt').slice(1, 6)).toEqual(['0', '5', '5', '—', '✖ bagud']);
    });

    test('"status for helhedsplanen 2017-21 i leverancemåling 3" leads with what needs attention', async () => {
      const coordinator = new StaffChat(engine, 'coordinator');
      const shown = await coordinator.say('status for helhedsplanen 2017-21 i leverancemåling 3');
      expect(shown).toContain('Kræver opmærksomhed: Helhedsplan Randers Nordby 2017-21 – leverancemåling 3 (nr. 3 i planår 1, 1.2.2018–31.5.2018)');
      expect(shown).toContain('Status for leverancemåling 3');
      expect(coordinator.table().rows.every((r) => r.status === 'behind' || r.status === 'at_risk')).toBe(true);
      // A count in a 4-month period reads against the year: the year's 5 courses, not 1.7.
      expect(coordinator.row('Boligsociale mødregrupper: Der afvikles 5 forløb årligt').slice(1, 4)).toEqual(['0 (0 i perioden)', '5', '5']);
      expect(await coordinator.press('Forrige periode')).toContain('leverancemåling 2 (nr. 2 i planår 1, 1.10.2017–31.1.2018)');
    });

    test('"2. tertial 2018" and a date range pick the plan holding them', async () => {
      const coordinator = new StaffChat(engine, 'coordinator');
      expect(await coordinator.say('hvordan går det med fællesspisningen i 2. tertial 2018')).toContain(
        'Fællesspisning – leverancemåling 5 (nr. 2 i planår 2, 1.10.2018–31.1.2019) – Helhedsplan Randers Nordby 2017-21',
      );
      expect(await coordinator.say('hvordan gik det med fællesspisningen 2019-03-01..2019-03-31')).toContain(
        'Fællesspisning – perioden 1.3.2019–31.3.2019 – Helhedsplan Randers Nordby 2017-21',
      );
      expect(coordinator.row('Mindst gennemsnitligt').slice(1, 6)).toEqual(['30', '25', '25', '—', '✔ nået']);
    });

    test('a period the plan does not have is answered; residents never see progress', async () => {
      const coordinator = new StaffChat(engine, 'coordinator');
      expect(await coordinator.say('hvordan går det med fællesspisningen i planår 7 i helhedsplanen 2017-21')).toContain(
        'Den periode findes ikke i helhedsplanen',
      );
      const resident = new StaffChat(engine, 'resident');
      // Asked what they may mean instead (the dinner itself), never shown the plan's progress.
      const asked = await resident.say('hvordan går det med fællesspisningen?');
      expect(asked).toContain('Mente du');
      expect(resident.buttons().map((b) => b.action)).not.toContain('clarify.pick|progress');
      expect(resident.buttons().some((b) => b.action.startsWith('clarify.pick|'))).toBe(true);
      expect(resident.last.replies.some((r) => r.kind === 'table')).toBe(false);
    });

    test("a coordinator registers Ranpro's value for a target Nabo cannot count; then it counts", async () => {
      const coordinator = new StaffChat(engine, 'coordinator');
      await coordinator.say('hvordan gik det med uddannelsestilbud for unge i planår 3 i helhedsplanen 2017-21');
      expect(coordinator.row('Der forventes at 95 %').slice(1, 6)).toEqual(['—', '95 %', '95 %', '—', '– kan ikke beregnes: ekstern kilde']);
      const form = await coordinator.press('Registrér værdi: Der forventes at 95 %');
      expect(form).toContain('Registrér værdien for "Der forventes at 95 %');
      const submit = coordinator.buttons().find((b) => b.action.startsWith('notes.valuesubmit|'))!;
      // A missing source is asked again; nothing is saved.
      expect(await coordinator.act(submit.action, { value: '90', source: '' })).toContain('kilden skal udfyldes');
      expect(await ctx.database.db.targetValue.count()).toBe(0);
      expect(await coordinator.act(submit.action, { value: '90', source: 'Ranpro', note: 'Årsopgørelse' })).toContain('Gemt: 90 for "Der forventes at 95 %');
      const saved = await ctx.database.db.targetValue.findFirstOrThrow();
      expect([saved.value, saved.source, saved.periodFrom.toISOString().slice(0, 10), saved.periodTo.toISOString().slice(0, 10)]).toEqual([
        90,
        'Ranpro',
        '2019-06-01',
        '2020-06-01',
      ]);
      expect(await ctx.database.db.auditLog.count({ where: { action: 'target_value.register', entityId: saved.id } })).toBe(1);
      await coordinator.say('hvordan gik det med uddannelsestilbud for unge i planår 3 i helhedsplanen 2017-21');
      expect(coordinator.row('Der forventes at 95 %').slice(1, 6)).toEqual(['90 %', '95 %', '95 %', '—', '⚠ i risiko']);
    });

    test('staff write "status og næste skridt" for an activity and period; they cannot register values', async () => {
      const staff = new StaffChat(engine, 'staff');
      await staff.say('hvordan går det med fællesspisningen i helhedsplanen 2017-21 i planår 2');
      expect(staff.buttons().some((b) => b.action.startsWith('notes.value|'))).toBe(false);
      expect(await staff.press('Skriv status og næste skridt')).toContain(
        'Skriv kort om status og næste skridt for Fællesspisning i planår 2 (1.6.2018–31.5.2019)',
      );
      expect(await staff.say('Godt fremmøde; vi mangler frivillige til madlavningen.')).toContain('Gemt: kommentaren til Fællesspisning for planår 2');
      const comment = await ctx.database.db.activityComment.findFirstOrThrow();
      expect([comment.text, comment.periodFrom.toISOString().slice(0, 10)]).toEqual(['Godt fremmøde; vi mangler frivillige til madlavningen.', '2018-06-01']);
      const target = await ctx.database.db.target.findFirstOrThrow({ where: { key: 'overgang-til-ungdomsuddannelse' } });
      expect(await staff.act(`notes.valuesubmit|${target.id}:y3`, { value: '10', source: 'x' })).toContain('Det kan jeg ikke hjælpe dig med her.');
      expect(await ctx.database.db.targetValue.count()).toBe(1);
    });

    test('"lav fremdriftsrapporten for leverancemåling 5" gives coordinators the summary and the table as a file; staff are told it is for coordinators', async () => {
      const coordinator = new StaffChat(engine, 'coordinator');
      const shown = await coordinator.say('lav fremdriftsrapporten for helhedsplanen 2017-21 leverancemåling 5');
      // The head of the summary, then (further on) its counts.
      expect(shown).toMatch(/^Fremdriftsrapport for Helhedsplan Randers Nordby 2017-21, leverancemåling 5 \(nr\. 2 i planår 2, 1.10.2018–31.1.2019\): /);
      expect(shown).toMatch(/: .*26 succeskriterier kræver opmærksomhed\. 0 leverancer er talt med\./);
      const file = coordinator.last.replies.find((r) => r.kind === 'file');
      expect(file).toMatchObject({ fileName: 'fremdriftsrapport-randers-nordby-2017-21-2018-10-01_2019-01-31.csv', mimeType: 'text/csv' });
      const csv = file?.kind === 'file' ? stripIsolates(file.content) : '';
      // Nothing was delivered in those four months: every count target with a number is behind (26), the rest cannot be computed.
      expect(csv).toContain('Periode: leverancemåling 5 (nr. 2 i planår 2, 1.10.2018–31.1.2019)');
      expect(csv.split('\r\n').filter((l) => l.startsWith('Tryghed og trivsel;')).length).toBeGreaterThan(3);
      const staff = new StaffChat(engine, 'staff');
      expect(await staff.say('lav fremdriftsrapporten for leverancemåling 5')).toContain('Fremdriftsrapporten laver koordinatorerne.');
      expect(staff.last.replies.some((r) => r.kind === 'file')).toBe(false);
    });

    test('an area indicator in the chat: every measurement, baseline, target and status', async () => {
      const staff = new StaffChat(engine, 'staff');
      expect(await staff.say('hvordan går det med klagesager i helhedsplanen 2017-21?')).toContain(
        'Registrerede klagesager – Helhedsplan Randers Nordby 2017-21',
      );
      // The plan file's three values (2014-2016); none since the plan started, so no status yet.
      expect(staff.table().rows.map((r) => r.cells[0])).toEqual(['2014-12-31', '2015-12-31', '2016-10-31']);
      expect(await staff.say('hvordan går det med klagesager i helhedsplanen 2017-21?')).toContain('Status: – kan ikke beregnes: ingen registreringer endnu');
      const indicator = await ctx.database.db.indicator.findFirstOrThrow({ where: { key: 'klagesager', focusArea: { planId: ctx.planId } } });
      await ctx.database.db.measurement.create({
        data: { indicatorId: indicator.id, date: new Date('2019-12-31T00:00:00Z'), value: 40, registeredBy: 'test' },
      });
      const shown = await staff.say('hvordan går det med klagesager i helhedsplanen 2017-21?');
      expect(staff.table().rows.at(-1)?.cells.map(stripIsolates)).toEqual(['2019-12-31', '40 klagesager']);
      // 40 is at most the target of 57 (fewer complaints are better): reached.
      expect(shown).toContain('Mål: Antallet af registrerede klagesager er i 2021 reduceres svarede til niveauet fra 2014.');
      expect(shown).toContain('Status: ✔ nået');
    });

    test('a demo plan says so in the heading', async () => {
      await importPlan(ctx.database.db, { ...SMALL_PLAN, key: 'demo-test', name: 'Testplan' }, { isDemo: true });
      const coordinator = new StaffChat(engine, 'coordinator');
      expect(await coordinator.say('status for planen')).toMatch(/Testplan \(DEMO, øvelsesdata\) – planår 2 \(1.6.2025–31.5.2026\)/);
    });
  });
}
