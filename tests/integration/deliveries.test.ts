import { copenhagenDate, parseCalendarDate } from '../../src/time/calendar-date';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

describeEachDatabase('deliveries and attendance', (ctx) => {
  const today = copenhagenDate(TEST_NOW);

  test('logs a delivery, corrects it and undoes it, with an audit trail', async () => {
    const { services, planId, activityId, person, database } = ctx();
    const staff = await person('Staff', 'staff');
    const d = await services.deliveries.log({
      planId,
      activityId: await activityId('faellesspisning'),
      date: today,
      participants: 34,
      volunteers: 2,
      note: 'Tema: suppe',
      loggedById: staff,
      channel: 'teams',
    });
    expect(d).toMatchObject({ participants: 34, volunteers: 2, occurrences: 1, kind: 'event', channel: 'teams' });
    expect((await services.deliveries.lastLoggedBy(staff))?.id).toBe(d.id);
    const colleague = await person('Colleague', 'staff');
    await expect(services.deliveries.undo(d.id, colleague)).rejects.toMatchObject({ code: 'not_allowed' });
    const coordinator = await person('Coordinator', 'coordinator');
    expect((await services.deliveries.correct(d.id, { volunteers: 3 }, coordinator, 'coordinator')).volunteers).toBe(3);
    const fixed = await services.deliveries.correct(d.id, { participants: 36 }, staff);
    expect(fixed.participants).toBe(36);
    await services.deliveries.undo(d.id, staff);
    expect(await services.deliveries.lastLoggedBy(staff)).toBeNull();
    const row = await database.db.delivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(row.deletedAt).not.toBeNull();
    const audit = await database.db.auditLog.findMany({ where: { entityId: d.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['delivery.log', 'delivery.correct', 'delivery.correct', 'delivery.undo']);
    expect(audit.every((a) => !a.details.includes('suppe'))).toBe(true);
  });

  test('refuses negative, fractional and absurd counts, future dates, dates outside the plan and foreign activities', async () => {
    const { services, planId, activityId, person, database } = ctx();
    const staff = await person('Staff', 'staff');
    const activity = await activityId('faellesspisning');
    const base = { planId, activityId: activity, date: today, participants: 10, loggedById: staff, channel: 'console' };
    await expect(services.deliveries.log({ ...base, participants: -1 })).rejects.toMatchObject({
      code: 'delivery.count_invalid',
      params: { field: 'participants' },
    });
    await expect(services.deliveries.log({ ...base, participants: 2.5 })).rejects.toMatchObject({ code: 'delivery.count_invalid' });
    await expect(services.deliveries.log({ ...base, participants: 5000 })).rejects.toMatchObject({
      code: 'delivery.count_absurd',
      params: { field: 'participants' },
    });
    await expect(services.deliveries.log({ ...base, volunteers: 400 })).rejects.toMatchObject({
      code: 'delivery.count_absurd',
      params: { field: 'volunteers' },
    });
    await expect(services.deliveries.log({ ...base, newParticipants: 11 })).rejects.toMatchObject({
      code: 'delivery.count_absurd',
      params: { field: 'newParticipants' },
    });
    await expect(services.deliveries.log({ ...base, date: new Date(today.getTime() + 86_400_000) })).rejects.toMatchObject({ code: 'delivery.date_future' });
    await expect(services.deliveries.log({ ...base, date: parseCalendarDate('2024-05-31') })).rejects.toMatchObject({ code: 'delivery.date_outside_plan' });
    await expect(services.deliveries.log({ ...base, planId: 'another-plan' })).rejects.toMatchObject({ code: 'delivery.activity_unknown' });
    const d = await services.deliveries.log(base);
    await expect(services.deliveries.correct(d.id, { participants: -3 }, staff)).rejects.toMatchObject({ code: 'delivery.count_invalid' });
    expect((await database.db.delivery.findUniqueOrThrow({ where: { id: d.id } })).participants).toBe(10);
  });

  test("attendance marks who came, adds walk-ins and becomes the event's one delivery", async () => {
    const { services, event, person, database, clock } = ctx();
    const staff = await person('Staff', 'staff');
    const eventId = await event({ capacity: 20, startsAt: new Date(TEST_NOW.getTime() + 3_600_000) });
    const a = await person('A');
    const b = await person('B');
    const walkIn = await person('Walk-in');
    await services.signUps.signUp({ eventId, personId: a, adults: 2, children: 1 });
    await services.signUps.signUp({ eventId, personId: b, adults: 1 });
    clock.advance(4 * 3_600_000);
    const r = await services.attendance.take({
      eventId,
      marks: [
        { personId: a, attended: true },
        { personId: b, attended: false },
        { personId: walkIn, attended: true },
      ],
      walkIns: 3,
      volunteers: 2,
      markedById: staff,
      channel: 'teams',
    });
    expect(r).toMatchObject({ attendedPeople: 2, participants: 3 + 1 + 3, walkIns: 3, volunteers: 2 });
    const signUps = await database.db.signUp.findMany({ where: { eventId } });
    expect(Object.fromEntries(signUps.map((s) => [s.personId, s.status]))).toEqual({ [a]: 'attended', [b]: 'no_show' });
    // Correcting attendance updates the same delivery instead of adding one.
    const again = await services.attendance.take({
      eventId,
      marks: [{ personId: b, attended: true }],
      walkIns: 3,
      volunteers: 2,
      markedById: staff,
      channel: 'teams',
    });
    expect(again.deliveryId).toBe(r.deliveryId);
    expect(again.participants).toBe(3 + 1 + 1 + 3);
    expect(await database.db.delivery.count({ where: { eventId, deletedAt: null } })).toBe(1);
    expect((await database.db.event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe('held');
    clock.set(TEST_NOW);
  });

  test('attendance for an unknown person or a future event is refused', async () => {
    const { services, event, person } = ctx();
    const staff = await person('Staff', 'staff');
    const past = await event({ startsAt: new Date(TEST_NOW.getTime() - 5 * 3_600_000) });
    await expect(
      services.attendance.take({ eventId: past, marks: [{ personId: 'ghost', attended: true }], markedById: staff, channel: 'teams' }),
    ).rejects.toMatchObject({ code: 'attendance.unknown_person' });
    const future = await event({ startsAt: new Date(TEST_NOW.getTime() + 5 * 86_400_000) });
    await expect(services.attendance.take({ eventId: future, marks: [], markedById: staff, channel: 'teams' })).rejects.toMatchObject({
      code: 'delivery.date_future',
    });
  });
});
