/**
 * Retention: sent message texts go after 30 days, allergy notes a week after the meal, and
 * residents silent for 24 months are erased, while every count reads the same.
 */
import { runRetention } from '../../src/retention/retention-job';
import { silentLogger } from '../../src/logging/logger';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

const DAY = 86_400_000;
const CONFIG = { sentMessageDays: 30, inactiveMonths: 24, allergyDays: 7 };

describeEachDatabase('retention', (ctx) => {
  const run = (config = CONFIG) => runRetention({ db: ctx().database.db, clock: ctx().clock, people: ctx().services.people, config, logger: silentLogger });

  test('a sent message keeps its text 30 days, then only its kind and dates; a pending one is untouched', async () => {
    const { database, person } = ctx();
    const db = database.db;
    const me = await person('Ayan');
    const old = await db.outboxMessage.create({
      data: {
        personId: me,
        channel: 'telegram',
        kind: 'handover_answer',
        payload: JSON.stringify({ key: 'resident:handover.answer', params: { answer: 'Din sag om huslejen' } }),
        dueAt: new Date(TEST_NOW.getTime() - 40 * DAY),
        status: 'sent',
        sentAt: new Date(TEST_NOW.getTime() - 31 * DAY),
      },
    });
    const recent = await db.outboxMessage.create({
      data: {
        personId: me,
        channel: 'telegram',
        kind: 'handover_answer',
        payload: JSON.stringify({ key: 'resident:handover.answer', params: { answer: 'Nyt svar' } }),
        dueAt: TEST_NOW,
        status: 'sent',
        sentAt: new Date(TEST_NOW.getTime() - 29 * DAY),
      },
    });
    const pending = await db.outboxMessage.create({
      data: {
        personId: me,
        channel: 'telegram',
        kind: 'reminder',
        payload: JSON.stringify({ key: 'resident:reminder', params: { eventId: 'x' } }),
        dueAt: new Date(TEST_NOW.getTime() - 40 * DAY),
      },
    });
    expect((await run()).messagesBlanked).toBe(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ payload: '{}', status: 'sent', kind: 'handover_answer' });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: recent.id } })).payload).toContain('Nyt svar');
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: pending.id } })).payload).toContain('eventId');
    expect((await run()).messagesBlanked).toBe(0);
  });

  test('an allergy note is erased a week after the event; the menu choice and the party stay', async () => {
    const { database, person, event, services } = ctx();
    const past = await event({ startsAt: new Date(TEST_NOW.getTime() - 9 * DAY), capacity: 20 });
    const lastWeek = await event({ startsAt: new Date(TEST_NOW.getTime() - 3 * DAY), capacity: 20 });
    const a = await database.db.signUp.create({
      data: {
        eventId: past,
        personId: await person('Deqa'),
        adults: 2,
        children: 1,
        status: 'confirmed',
        dietary: JSON.stringify({ halal: true, vegetarian: false, allergies: 'nødder' }),
      },
    });
    const b = await database.db.signUp.create({
      data: {
        eventId: lastWeek,
        personId: await person('Fadumo'),
        adults: 1,
        status: 'confirmed',
        dietary: JSON.stringify({ halal: false, vegetarian: false, allergies: 'gluten' }),
      },
    });
    const upcoming = await services.signUps.signUp({
      eventId: await event({ capacity: 20 }),
      personId: await person('Hani'),
      adults: 1,
      dietary: { noPork: false, vegetarian: true, allergies: 'laktose' },
    });
    expect((await run()).allergyNotesErased).toBe(1);
    const after = await database.db.signUp.findUniqueOrThrow({ where: { id: a.id } });
    // A row from before the menu names (halal) comes back as the menu choice.
    expect(JSON.parse(after.dietary)).toEqual({ noPork: true, vegetarian: false });
    expect(after).toMatchObject({ adults: 2, children: 1, status: 'confirmed' });
    expect((await database.db.signUp.findUniqueOrThrow({ where: { id: b.id } })).dietary).toContain('gluten');
    expect((await database.db.signUp.findUniqueOrThrow({ where: { id: upcoming.signUp.id } })).dietary).toContain('laktose');
  });

  // The small plan began 2024-06-01, so "silent" here is 12 months (configured), not the default 24.
  test('a resident silent for the configured months is erased, a recent one is kept, staff are kept, and targets read the same', async () => {
    const { database, services, planId, event, person } = ctx();
    const db = database.db;
    const longAgo = new Date(TEST_NOW.getTime() - 420 * DAY);
    const staff = await person('Staff', 'staff');
    const silent = await services.people.identify({ channel: 'telegram', externalId: 'silent-1', firstName: 'Gone' });
    const recent = await services.people.identify({ channel: 'telegram', externalId: 'recent-1', firstName: 'Here' });
    await db.person.updateMany({ where: { id: { in: [silent.id, recent.id, staff] } }, data: { createdAt: longAgo, firstName: 'Named', consentAt: longAgo } });
    const oldEvent = await event({ startsAt: new Date(TEST_NOW.getTime() - 410 * DAY), capacity: 20 });
    await db.signUp.create({
      data: { eventId: oldEvent, personId: silent.id, adults: 1, status: 'confirmed', dietary: '{}', updatedAt: longAgo, createdAt: longAgo },
    });
    await services.attendance.take({ eventId: oldEvent, marks: [{ personId: silent.id, attended: true }], markedById: staff, channel: 'teams' });
    await db.conversation.create({ data: { personId: recent.id, channel: 'telegram', data: '{}' } });
    const before = await services.progress.forPlan(planId, 'whole-plan');

    expect((await run()).peopleErased).toBe(0);
    expect((await run({ ...CONFIG, inactiveMonths: 12 })).peopleErased).toBe(1);

    expect(await db.person.findUniqueOrThrow({ where: { id: silent.id } })).toMatchObject({ firstName: null, erasedAt: TEST_NOW });
    expect(await db.channelIdentity.count({ where: { personId: silent.id } })).toBe(0);
    expect(await db.person.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({ firstName: 'Named', erasedAt: null });
    expect(await db.person.findUniqueOrThrow({ where: { id: staff } })).toMatchObject({ erasedAt: null });
    expect(await db.attendance.count({ where: { personId: silent.id } })).toBe(1);
    expect((await services.progress.forPlan(planId, 'whole-plan')).focusAreas).toEqual(before.focusAreas);
    expect((await run({ ...CONFIG, inactiveMonths: 12 })).peopleErased).toBe(0);
  });

  test('a resident without consent keeps no name or area, even one an older version stored', async () => {
    const { database, services } = ctx();
    const db = database.db;
    const area = await db.housingArea.findFirstOrThrow();
    const legacy = await services.people.identify({ channel: 'telegram', externalId: 'legacy-1' });
    await db.person.update({ where: { id: legacy.id }, data: { firstName: 'Legacy', housingAreaId: area.id } });
    const staff = await services.people.identify({ channel: 'teams', externalId: 'staff-legacy', firstName: 'Mette', role: 'staff' });
    const consenting = await services.people.identify({ channel: 'telegram', externalId: 'consent-1', firstName: 'Ja' });
    await services.people.setConsent(consenting.id, true);
    await services.people.identify({ channel: 'telegram', externalId: 'consent-1', firstName: 'Ja' });
    expect((await run()).unconsentedCleared).toBe(1);
    expect(await db.person.findUniqueOrThrow({ where: { id: legacy.id } })).toMatchObject({ firstName: null, housingAreaId: null, erasedAt: null });
    expect((await db.person.findUniqueOrThrow({ where: { id: staff.id } })).firstName).toBe('Mette');
    expect((await db.person.findUniqueOrThrow({ where: { id: consenting.id } })).firstName).toBe('Ja');
  });
});
