/**
 * Coordinator flows driven through the conversation engine: progress of an activity, a focus area
 * and the plan as tables whose numbers are the progress service's, and registering an indicator
 * value ("klagesager 2022: 49"). Asserts what the coordinator sees and what the database holds.
 */
import { ConversationEngine } from '../../src/conversation/engine';
import { StateStore } from '../../src/conversation/state-store';
import { FLOWS } from '../../src/flows';
import { Translations } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { understand } from '../../src/nlu/reader';
import { parseCalendarDate } from '../../src/time/calendar-date';
import { StaffChat } from '../support/staff-chat';
import { describeEachDatabase, type TestContext } from '../support/test-context';

function engineOf(c: TestContext): ConversationEngine {
  return new ConversationEngine({
    services: c.services,
    translations: new Translations(),
    clock: c.clock,
    logger: silentLogger,
    understand,
    flows: FLOWS,
    stateStore: new StateStore(c.database.db),
  });
}

describeEachDatabase('coordinator flows through the engine', (ctx) => {
  let engine: ConversationEngine;
  let indicatorId: string;
  const db = () => ctx().database.db;

  beforeAll(async () => {
    const { services, planId, activityId, person } = ctx();
    engine = engineOf(ctx());
    const staff = await person('Staff', 'staff');
    const courses = await activityId('moedregrupper');
    // Plan year 2 (2025-06-01..2026-05-31): two courses so far; one in plan year 1.
    await services.deliveries.log({
      planId,
      activityId: courses,
      date: parseCalendarDate('2024-10-01'),
      participants: 9,
      kind: 'course',
      loggedById: staff,
      channel: 'teams',
    });
    await services.deliveries.log({
      planId,
      activityId: courses,
      date: parseCalendarDate('2025-09-01'),
      participants: 8,
      kind: 'course',
      completed: 7,
      satisfied: 5,
      respondents: 8,
      loggedById: staff,
      channel: 'teams',
    });
    await services.deliveries.log({
      planId,
      activityId: courses,
      date: parseCalendarDate('2025-10-20'),
      participants: 6,
      kind: 'course',
      completed: 4,
      loggedById: staff,
      channel: 'teams',
    });
    const area = await db().focusArea.findUniqueOrThrow({ where: { planId_key: { planId, key: 'tryghed' } } });
    const indicator = await db().indicator.create({
      data: {
        focusAreaId: area.id,
        key: 'klagesager',
        name: 'Registrerede klagesager',
        unit: 'klagesager',
        baselineValue: 57,
        baselineLabel: '2014: 57 klagesager',
        targetText: 'Højst 57 klagesager om året',
        targetValue: 57,
        dataSource: 'RandersBolig',
        direction: 'lower',
      },
    });
    indicatorId = indicator.id;
  });

  test('"hvordan går det med mødregrupperne?" answers the activity\'s targets with the service\'s numbers', async () => {
    const coordinator = new StaffChat(engine, 'coordinator');
    const shown = await coordinator.say('hvordan går det med mødregrupperne?');
    expect(shown).toContain('Boligsociale mødregrupper – planår 2 (1.6.2025–31.5.2026)');
    // Which plan is shown is always said.
    expect(shown).toContain('Boligsociale mødregrupper – planår 2 (1.6.2025–31.5.2026) – Testplan');
    expect(coordinator.table().columns).toEqual(['Succeskriterium', 'Nu', 'Mål', 'Forventet nu', 'Forrige periode', 'Status']);
    // 2 courses of 5 a year; 171 of 365 days gone, so 2.3 expected; 2 ≥ 80 % of 2.3: at risk. Plan year 1 had 1 course.
    expect(coordinator.row('5 forløb årligt')).toEqual(['5 forløb årligt, 20 i perioden', '2', '5', '2,3', '1 (+1)', '⚠ i risiko']);
    expect(coordinator.row('Mindst 80 % gennemfører')).toEqual(['Mindst 80 % gennemfører', '78,6 %', '80 %', '80 %', '—', '⚠ i risiko']);
    expect(coordinator.row('Mindst 75 % får redskaber')).toEqual(['Mindst 75 % får redskaber', '62,5 %', '75 %', '75 %', '—', '⚠ i risiko']);
    // What cannot be computed says why (an interview is behind it).
    expect(coordinator.row('Oplevet forandring')).toEqual(['Oplevet forandring', '—', '—', '—', '—', '– kan ikke beregnes: kræver spørgeskema']);
    expect(coordinator.table().rows.map((r) => r.status)).toEqual(['at_risk', 'at_risk', 'at_risk', 'not_computable']);
    expect(shown).toContain('Status for planår 2 (1.6.2025–31.5.2026): 3 ⚠ i risiko · 1 – kan ikke beregnes');
    expect(shown).toContain('Forrige periode, planår 1 (1.6.2024–31.5.2025): 1 ✖ bagud · 3 – kan ikke beregnes');
    const { activity } = await ctx().services.progress.forActivity(await ctx().activityId('moedregrupper'), 'plan-year');
    expect(activity.targets.find((t) => t.key === 'forloeb')).toMatchObject({ actual: 2, target: 5 });

    // The whole plan period: 3 courses of 20.
    expect(await coordinator.press('Hele planperioden')).toContain('Boligsociale mødregrupper – hele planperioden (1.6.2024–31.5.2028)');
    expect(coordinator.row('5 forløb årligt').slice(1, 3)).toEqual(['3', '20']);
  });

  test("a course logged by staff in the chat moves the activity's numbers", async () => {
    const staff = new StaffChat(engine, 'staff');
    await staff.say('mødregruppe i går 7 mødre');
    expect(await staff.press('Gem')).toContain('Gemt: Boligsociale mødregrupper 17. november 2025 med 7 deltagere.');
    const coordinator = new StaffChat(engine, 'coordinator');
    await coordinator.say('hvordan går det med mødregrupperne?');
    expect(coordinator.row('5 forløb årligt')).toEqual(['5 forløb årligt, 20 i perioden', '3', '5', '2,3', '1 (+2)', '➜ på sporet']);
  });

  test('a focus area by name, and the plan for the whole period', async () => {
    const coordinator = new StaffChat(engine, 'coordinator');
    expect(await coordinator.say('status Tryghed og trivsel')).toContain('Tryghed og trivsel – planår 2');
    expect(coordinator.row('Fællesspisning: 40 fællesspisninger årligt')[5]).toBe('✖ bagud');
    expect(coordinator.row('Boligsociale mødregrupper: 5 forløb årligt')[1]).toBe('3');
    // The whole plan leads with the summary and the targets that need attention; the rest on request.
    const lead = await coordinator.say('fremdrift for perioden');
    expect(lead).toContain('Kræver opmærksomhed: Testplan – hele planperioden (1.6.2024–31.5.2028)');
    const p = await ctx().services.progress.forPlan(ctx().planId, 'whole-plan');
    const targets = p.focusAreas.flatMap((f) => f.activities.flatMap((a) => [...a.targets, ...a.subActivities.flatMap((s) => s.targets)]));
    const attention = targets.filter((t) => t.status === 'behind' || t.status === 'at_risk');
    expect(attention.length).toBeGreaterThan(0);
    expect(coordinator.table().rows.map((r) => r.status)).toEqual(attention.map((t) => t.status));
    expect(await coordinator.press('Vis alle succeskriterier')).toContain('Testplan – hele planperioden (1.6.2024–31.5.2028)');
    expect(coordinator.table().rows).toHaveLength(targets.length);
    expect(coordinator.table().rows.map((r) => r.status)).toEqual(targets.map((t) => t.status));
  });

  test('"klagesager 2022: 49" is confirmed, saved on 31 December and shown with baseline and target', async () => {
    const coordinator = new StaffChat(engine, 'coordinator');
    expect(await coordinator.say('klagesager 2022: 49')).toContain('Registrér Registrerede klagesager for 2022: 49 klagesager?');
    const shown = await coordinator.press('Gem');
    expect(shown).toContain('Gemt: Registrerede klagesager 2022: 49 klagesager.');
    expect(shown).toContain('Baseline: 57 (2014: 57 klagesager)');
    expect(shown).toContain('Mål: Højst 57 klagesager om året');
    const rows = await db().measurement.findMany({ where: { indicatorId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 49, date: parseCalendarDate('2022-12-31') });
    expect(rows[0]?.registeredBy).toBe((await db().person.findFirstOrThrow({ where: { role: 'coordinator' }, orderBy: { createdAt: 'desc' } })).id);
  });

  test('from the menu, step by step; the same year again replaces the value', async () => {
    const coordinator = new StaffChat(engine, 'coordinator');
    await coordinator.act('measure.ask');
    expect(await coordinator.press('Registrerede klagesager')).toContain('Hvilket år gælder tallet for Registrerede klagesager?');
    expect(await coordinator.say('2022')).toContain('Hvad var tallet for Registrerede klagesager i 2022?');
    expect(await coordinator.say('51')).toContain('Registrér Registrerede klagesager for 2022: 51 klagesager?');
    expect(await coordinator.say('ja')).toContain('Gemt: Registrerede klagesager 2022: 51 klagesager.');
    const rows = await db().measurement.findMany({ where: { indicatorId } });
    expect(rows.map((r) => r.value)).toEqual([51]);
  });

  test('a year in the future or an unknown indicator saves nothing', async () => {
    const coordinator = new StaffChat(engine, 'coordinator');
    const before = await db().measurement.count();
    expect(await coordinator.say('klagesager 2031: 49')).toContain('Målingen skal være et tal og et år inden for planen.');
    expect(await coordinator.say('skolefravær 2023: 4,2')).toContain('Jeg kan ikke finde målingen "skolefravær".');
    expect(coordinator.last.replies.some((r) => r.kind === 'choices' && r.choices.some((c) => c.action === `measure.pick|${indicatorId}`))).toBe(true);
    expect(await db().measurement.count()).toBe(before);
  });
});
