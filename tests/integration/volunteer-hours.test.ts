/**
 * Volunteer hours and the plan's own status lines, through the engine and the database: staff log
 * "fællesspisning i dag 34 deltagere, 4 frivillige 12 timer" (the hours are read from the message,
 * "timer" names no activity), correct them on the summary, and an absurd number is refused; the
 * coordinator then sees people and hours in the activity's progress. Plan.statusThresholds moves
 * where "på sporet", "i risiko" and "bagud" begin, and a plan file carries them in.
 */
import { planDataChanged } from '../../src/cache/change-feed';
import { ConversationEngine } from '../../src/conversation/engine';
import { StateStore } from '../../src/conversation/state-store';
import { FLOWS } from '../../src/flows';
import { Translations } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { understand } from '../../src/nlu/reader';
import { importPlan } from '../../src/plan-data/plan-importer';
import { allTargets } from '../../src/progress/progress-types';
import { SMALL_PLAN } from '../fixtures/small-plan';
import { StaffChat } from '../support/staff-chat';
import { describeEachDatabase } from '../support/test-context';

describeEachDatabase('volunteer hours and status thresholds', (ctx) => {
  let engine: ConversationEngine;
  beforeAll(() => {
    const c = ctx();
    engine = new ConversationEngine({
      services: c.services,
      translations: new Translations(),
      clock: c.clock,
      logger: silentLogger,
      understand,
      flows: FLOWS,
      stateStore: new StateStore(c.database.db),
    });
  });

  /**
   * Says a delivery message; when the reader asks what was meant ("12 timer" can also sound like
   * counselling hours), takes "Registrér leverance", which must keep the message, hours included.
   */
  async function logDelivery(staff: StaffChat, message: string): Promise<string> {
    const shown = await staff.say(message);
    return shown.includes('Mente du') ? staff.press('Registrér leverance') : shown;
  }

  test('staff log hours with a delivery in one message; the coordinator sees people and hours', async () => {
    const staff = new StaffChat(engine, 'staff');
    const shown = await logDelivery(staff, 'fællesspisning i dag 34 deltagere, 4 frivillige 12 timer');
    expect(shown).toContain('Aktivitet: Fællesspisning');
    expect(shown).toContain('Deltagere: 34');
    expect(shown).toContain('Frivillige: 4 (Frivillige timer: 12)');
    await staff.press('Gem');
    const dinner = await ctx().activityId('faellesspisning');
    const saved = await ctx().database.db.delivery.findMany({ where: { activityId: dinner, deletedAt: null } });
    expect(saved.map((d) => [d.participants, d.volunteers, d.volunteerHours])).toEqual([[34, 4, 12]]);

    const coordinator = new StaffChat(engine, 'coordinator');
    expect(await coordinator.say('hvordan går det med fællesspisningen?')).toContain('Frivillige i perioden: 4 · Frivillige timer (i alt): 12');
  });

  test('hours are corrected on the summary with a decimal comma; an absurd number is refused and nothing saved', async () => {
    const staff = new StaffChat(engine, 'staff');
    await logDelivery(staff, 'fællesspisning i dag 20 deltagere 2 frivillige');
    await staff.press('Ret');
    expect(await staff.press('Frivillige timer')).toContain('Hvor mange timer gav de frivillige til Fællesspisning i alt?');
    expect(await staff.say('3,5')).toContain('Frivillige: 2 (Frivillige timer: 3,5)');
    await staff.press('Gem');
    expect(await ctx().database.db.delivery.count({ where: { participants: 20, volunteerHours: 3.5 } })).toBe(1);

    const again = new StaffChat(engine, 'staff');
    await logDelivery(again, 'fællesspisning i dag 21 deltagere 2 frivillige 300 timer');
    expect(await again.press('Gem')).toContain('Antallet (volunteerHours) ser forkert ud – højst 48.');
    expect(await ctx().database.db.delivery.count({ where: { participants: 21 } })).toBe(0);
  });

  test("the plan's thresholds move where on track, at risk and behind begin", async () => {
    const { services, planId, database } = ctx();
    const judged = async (): Promise<string[]> =>
      allTargets(await services.progress.forPlan(planId, 'plan-year'))
        .map((x) => x.target)
        .filter((t) => t.status !== 'not_computable' && t.status !== 'achieved')
        .map((t) => t.status);
    const defaults = await judged();
    expect(defaults.length).toBeGreaterThan(0);
    // Nothing short of the target can be below 0 % of what is expected: everything open is on track.
    await database.db.plan.update({ where: { id: planId }, data: { statusThresholds: JSON.stringify({ onTrack: 0, atRisk: 0 }) } });
    await planDataChanged(database.db); // as a plan import says it (progress reads the plan from the plan-data cache)
    expect(new Set(await judged())).toEqual(new Set(['on_track']));
    // Twice what is expected is needed to be on track or even at risk: everything open is behind.
    await database.db.plan.update({ where: { id: planId }, data: { statusThresholds: JSON.stringify({ onTrack: 2, atRisk: 2 }) } });
    await planDataChanged(database.db); // as a plan import says it (progress reads the plan from the plan-data cache)
    expect(new Set(await judged())).toEqual(new Set(['behind']));
    // Unreadable thresholds fall back to Nabo's defaults.
    await database.db.plan.update({ where: { id: planId }, data: { statusThresholds: '{"onTrack": "x"}' } });
    await planDataChanged(database.db); // as a plan import says it (progress reads the plan from the plan-data cache)
    expect(await judged()).toEqual(defaults);
    await database.db.plan.update({ where: { id: planId }, data: { statusThresholds: null } });
    await planDataChanged(database.db); // as a plan import says it (progress reads the plan from the plan-data cache)
  });

  test('a plan file carries its thresholds in', async () => {
    const { database } = ctx();
    const { planId } = await importPlan(database.db, { ...SMALL_PLAN, key: 'terskler', statusThresholds: { onTrack: 0.9, atRisk: 0.7 } });
    const row = await database.db.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(JSON.parse(row.statusThresholds ?? 'null')).toEqual({ onTrack: 0.9, atRisk: 0.7 });
  });
});
