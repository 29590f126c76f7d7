import { describeEachDatabase, TEST_NOW } from '../support/test-context';

const HOUR = 3_600_000;

describeEachDatabase('appointments', (ctx) => {
  async function slots(n: number, firstInHours = 24): Promise<string[]> {
    const { services, activityId, database } = ctx();
    const activity = await activityId('oekonomisk-raadgivning');
    const start = TEST_NOW.getTime() + firstInHours * HOUR + Math.floor(Math.random() * 1000) * 24 * HOUR;
    await services.appointments.createSlots({
      activityId: activity,
      counsellor: 'Boligsocial medarbejder',
      slots: Array.from({ length: n }, (_, i) => ({ startsAt: new Date(start + i * HOUR), endsAt: new Date(start + i * HOUR + 45 * 60_000) })),
    });
    const rows = await database.db.appointmentSlot.findMany({ where: { startsAt: { gte: new Date(start) } }, orderBy: { startsAt: 'asc' }, take: n });
    return rows.map((r) => r.id);
  }

  test('books a free slot with topic and note; the slot is no longer free', async () => {
    const { services, person, database } = ctx();
    const [slotId] = await slots(2);
    const personId = await person();
    const a = await services.appointments.book({ slotId: slotId!, personId, topic: 'debt', note: '  rykker fra boligselskab  ' });
    expect(a).toMatchObject({ status: 'booked', topic: 'debt', note: 'rykker fra boligselskab' });
    const free = await services.appointments.freeSlots({ to: new Date(TEST_NOW.getTime() + 2000 * 24 * HOUR), limit: 5000 });
    expect(free.map((s) => s.id)).not.toContain(slotId);
    expect(await database.db.appointment.count({ where: { slotId: slotId!, status: 'booked' } })).toBe(1);
    expect(await services.appointments.upcomingFor(personId)).toHaveLength(1);
  });

  test('two people racing for one slot: exactly one gets it, the other is told it is taken', async () => {
    const { services, person, database } = ctx();
    const [slotId] = await slots(1);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, async () => services.appointments.book({ slotId: slotId!, personId: await person(), topic: 'budget' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(7);
    for (const r of rejected) expect(r.reason).toMatchObject({ code: 'slot.taken' });
    expect(await database.db.appointment.count({ where: { slotId: slotId! } })).toBe(1);
  });

  test('reschedule moves the appointment and frees the old slot; cancel frees it too', async () => {
    const { services, person } = ctx();
    const [a, b] = await slots(2);
    const personId = await person();
    const booked = await services.appointments.book({ slotId: a!, personId, topic: 'housing_benefit' });
    const moved = await services.appointments.reschedule({ appointmentId: booked.id, newSlotId: b!, personId });
    expect(moved).toMatchObject({ status: 'booked', topic: 'housing_benefit', slot: { id: b } });
    const other = await person('Other');
    await expect(services.appointments.book({ slotId: a!, personId: other, topic: 'other' })).resolves.toMatchObject({ status: 'booked' });
    await services.appointments.cancel({ appointmentId: moved.id, personId });
    await expect(services.appointments.cancel({ appointmentId: moved.id, personId })).rejects.toMatchObject({ code: 'appointment.already_cancelled' });
    expect(await services.appointments.upcomingFor(personId)).toHaveLength(0);
  });

  test("refuses a taken slot on reschedule, bad topics, long notes, past slots and other people's appointments", async () => {
    const { services, person, activityId } = ctx();
    const [a, b] = await slots(2);
    const p1 = await person();
    const p2 = await person();
    const mine = await services.appointments.book({ slotId: a!, personId: p1, topic: 'budget' });
    await services.appointments.book({ slotId: b!, personId: p2, topic: 'budget' });
    await expect(services.appointments.reschedule({ appointmentId: mine.id, newSlotId: b!, personId: p1 })).rejects.toMatchObject({ code: 'slot.taken' });
    await expect(services.appointments.cancel({ appointmentId: mine.id, personId: p2 })).rejects.toMatchObject({ code: 'appointment.not_found' });
    const [c] = await slots(1);
    await expect(services.appointments.book({ slotId: c!, personId: p1, topic: 'lottery' })).rejects.toMatchObject({ code: 'appointment.topic_invalid' });
    await expect(services.appointments.book({ slotId: c!, personId: p1, topic: 'other', note: 'x'.repeat(501) })).rejects.toMatchObject({
      code: 'appointment.note_too_long',
    });
    await services.appointments.createSlots({
      activityId: await activityId('oekonomisk-raadgivning'),
      counsellor: 'BRF Kredit',
      slots: [{ startsAt: new Date(TEST_NOW.getTime() - HOUR), endsAt: TEST_NOW }],
    });
    const past = await ctx().database.db.appointmentSlot.findFirstOrThrow({ where: { counsellor: 'BRF Kredit' } });
    await expect(services.appointments.book({ slotId: past.id, personId: p1, topic: 'other' })).rejects.toMatchObject({ code: 'slot.past' });
    // The first appointment is untouched by the failed reschedule.
    expect((await services.appointments.upcomingFor(p1)).map((x) => x.slot.id)).toEqual([a]);
  });
});
