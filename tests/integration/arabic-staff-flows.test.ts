/** Staff and coordinators may work in Arabic: the same flows, Arabic texts, the same database effects. */
import { parseCalendarDate } from '../../src/time/calendar-date';
import { describeEachDatabase } from '../support/test-context';
import { Chat, engineFor } from '../support/chat';

describeEachDatabase('staff and coordinator conversations in Arabic', (ctx) => {
  test('a delivery typed in Arabic is understood, confirmed with the Arabic button and saved', async () => {
    const staff = new Chat(engineFor(ctx()), { role: 'staff', clientLanguage: 'ar', channel: 'teams', firstName: 'Rania' });
    await staff.say('العشاء الجماعي اليوم 34 مشارك 2 متطوعين');
    expect(staff.last).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(staff.text()).toContain('هذا ما فهمته');
    expect(staff.text()).toContain('34');
    await staff.press('حفظ');
    const saved = await ctx().database.db.delivery.findFirstOrThrow({ where: { participants: 34, volunteers: 2 } });
    expect(saved).toMatchObject({ channel: 'teams', date: parseCalendarDate('2025-11-18'), deletedAt: null });
    const { activity } = await ctx().services.progress.forActivity(await ctx().activityId('faellesspisning'), 'plan-year');
    expect(activity.targets.find((t) => t.key === 'antal')?.actual).toBeGreaterThanOrEqual(1);
  });

  test('a coordinator asks in Arabic and gets the progress table of the activity', async () => {
    const { services, planId, activityId, person } = ctx();
    const staffId = await person('Staff', 'staff');
    await services.deliveries.log({
      planId,
      activityId: await activityId('moedregrupper'),
      date: parseCalendarDate('2025-10-01'),
      participants: 7,
      kind: 'course',
      loggedById: staffId,
      channel: 'teams',
    });
    const coordinator = new Chat(engineFor(ctx()), { role: 'coordinator', clientLanguage: 'ar', channel: 'teams' });
    await coordinator.say('كيف حال مجموعات الأمهات؟');
    expect(coordinator.last.direction).toBe('rtl');
    const table = coordinator.last.replies.find((r) => r.kind === 'table');
    expect(table).toBeDefined();
    const row = table?.kind === 'table' ? table.rows.find((r) => r.cells[0]?.startsWith('5 forløb')) : undefined;
    expect(row?.cells.slice(1, 3)).toEqual(['1', '5']);
  });
});
