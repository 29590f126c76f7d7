import { parseCalendarDate } from '../../src/time/calendar-date';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

describeEachDatabase('people: identity, export and erasure', (ctx) => {
  test('one person per channel identity, created once even when two first messages race', async () => {
    const { services, database } = ctx();
    const input = { channel: 'telegram' as const, externalId: '777001', firstName: 'Hodan', language: 'so' as const };
    const [a, b] = await Promise.all([services.people.identify(input), services.people.identify(input)]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ role: 'resident', firstName: 'Hodan', language: 'so', erased: false });
    expect(await database.db.channelIdentity.count({ where: { externalId: '777001' } })).toBe(1);
    const c = await services.people.identify({ channel: 'teams', externalId: '777001' });
    expect(c.id).not.toBe(a.id);
  });

  test('export holds everything kept on the person, and nothing about others', async () => {
    const { services, event, person } = ctx();
    const me = await services.people.identify({ channel: 'telegram', externalId: '555', firstName: 'Layla', language: 'ar' });
    await services.people.setConsent(me.id, true);
    const eventId = await event({ capacity: 10 });
    await services.signUps.signUp({ eventId, personId: me.id, adults: 1, children: 2, dietary: { halal: true, allergies: 'jordnødder' } });
    await services.signUps.signUp({ eventId, personId: await person('Someone else'), adults: 1 });
    const data = await services.people.export(me.id);
    expect(data.person).toMatchObject({ firstName: 'Layla', language: 'ar', role: 'resident' });
    expect(data.person.consentAt).toEqual(TEST_NOW);
    expect(data.identities).toEqual([{ channel: 'telegram', externalId: '555' }]);
    expect(data.signUps).toHaveLength(1);
    expect(data.signUps[0]).toMatchObject({ adults: 1, children: 2, status: 'confirmed', dietary: { halal: true, allergies: 'jordnødder' } });
    expect(JSON.stringify(data)).not.toContain('Someone else');
  });

  test('erasure removes personal data, frees upcoming places, and every target reads the same', async () => {
    const { services, event, person, planId, database } = ctx();
    const staff = await person('Staff', 'staff');
    const me = await services.people.identify({ channel: 'telegram', externalId: '999', firstName: 'Oksana', language: 'uk' });
    const pastEvent = await event({ startsAt: new Date(TEST_NOW.getTime() - 2 * 86_400_000), capacity: 10 });
    await database.db.signUp.create({ data: { eventId: pastEvent, personId: me.id, adults: 1, children: 1, status: 'confirmed', dietary: JSON.stringify({ halal: false, vegetarian: true, allergies: 'gluten' }) } });
    await services.attendance.take({ eventId: pastEvent, marks: [{ personId: me.id, attended: true }], markedById: staff, channel: 'teams' });
    const upcoming = await event({ capacity: 2 });
    const mine = await services.signUps.signUp({ eventId: upcoming, personId: me.id, adults: 2 });
    const waiting = await services.signUps.signUp({ eventId: upcoming, personId: await person('Next'), adults: 1 });
    expect(waiting.outcome).toBe('waiting');
    const [slot] = await database.db.appointmentSlot.findMany({ take: 1 });
    const slotId = slot?.id ?? (await database.db.appointmentSlot.create({ data: { activityId: (await database.db.activity.findFirstOrThrow({ where: { key: 'oekonomisk-raadgivning' } })).id, startsAt: new Date(TEST_NOW.getTime() + 86_400_000), endsAt: new Date(TEST_NOW.getTime() + 90_000_000), counsellor: 'BRF Kredit' } })).id;
    await services.appointments.book({ slotId, personId: me.id, topic: 'debt', note: 'inkasso fra Telia' });
    await services.deliveries.log({ planId, activityId: (await database.db.activity.findFirstOrThrow({ where: { planId, key: 'faellesspisning' } })).id, date: parseCalendarDate('2025-11-17'), participants: 12, newParticipants: 3, loggedById: staff, channel: 'teams' });

    const before = await services.progress.forPlan(planId, 'whole-plan');
    await services.people.erase(me.id);
    const after = await services.progress.forPlan(planId, 'whole-plan');
    expect(after.focusAreas).toEqual(before.focusAreas);

    const p = await database.db.person.findUniqueOrThrow({ where: { id: me.id } });
    expect(p).toMatchObject({ firstName: null, housingAreaId: null, consentAt: null });
    expect(p.erasedAt).toEqual(TEST_NOW);
    expect(await database.db.channelIdentity.count({ where: { personId: me.id } })).toBe(0);
    const signUps = await database.db.signUp.findMany({ where: { personId: me.id } });
    expect(signUps.every((s) => s.dietary === '{}')).toBe(true);
    expect(signUps.find((s) => s.id === mine.signUp.id)?.status).toBe('cancelled');
    const appointments = await database.db.appointment.findMany({ where: { personId: me.id } });
    expect(appointments.every((a) => a.note === null && a.status === 'cancelled')).toBe(true);
    // The freed places are offered to the waiting list, with a message queued for the next person.
    expect((await database.db.signUp.findUniqueOrThrow({ where: { id: waiting.signUp.id } })).status).toBe('offered');
    expect(await database.db.outboxMessage.count({ where: { personId: waiting.signUp.personId, kind: 'offer', status: 'pending' } })).toBe(1);
    // The same Telegram account starting again is a new, unknown person.
    const again = await services.people.identify({ channel: 'telegram', externalId: '999' });
    expect(again.id).not.toBe(me.id);
    const exported = JSON.stringify(await services.people.export(me.id));
    for (const secret of ['Oksana', '999', 'gluten', 'Telia']) expect(exported).not.toContain(secret);
  });
});
