import { describeEachDatabase, TEST_NOW } from '../support/test-context';

const DAY = 86_400_000;

describeEachDatabase('catalogue and housing areas', (ctx) => {
  test("finds activities by alias, category and age, in the reader's language with a marked fallback", async () => {
    const { services, planId } = ctx();
    const byAlias = await services.catalogue.findActivities({ planId, text: 'fælles spisning' }, 'en');
    expect(byAlias[0]).toMatchObject({ key: 'faellesspisning', title: 'Communal dinner', summary: 'Dinner with your neighbours.', fallback: false });
    expect((await services.catalogue.findActivities({ planId, text: 'faellesspisning' }, 'da'))[0]?.title).toBe('Fællesspisning');
    expect((await services.catalogue.findActivities({ planId, text: 'mødregrupperne' }, 'da')).map((a) => a.key)).toEqual(['moedregrupper']);
    const somali = await services.catalogue.findActivities({ planId, text: 'spisning' }, 'so');
    expect(somali[0]).toMatchObject({ title: 'Fællesspisning', fallback: true });
    expect((await services.catalogue.findActivities({ planId, category: 'counselling' }, 'da')).map((a) => a.key)).toEqual(['oekonomisk-raadgivning']);
    expect((await services.catalogue.findActivities({ planId, age: 1 }, 'da')).map((a) => a.key)).toEqual(['moedregrupper']);
    expect((await services.catalogue.findActivities({ planId, audience: 'parents' }, 'da')).map((a) => a.key)).toContain('moedregrupper');
    expect(await services.catalogue.findActivities({ planId, text: 'xyzzy' }, 'da')).toEqual([]);
  });

  test('upcoming events in a date range and area, with places left; cancelled and past events hidden', async () => {
    const { services, planId, event, person, database } = ctx();
    const inPark = await event({ location: 'parkcafeen', startsAt: new Date(TEST_NOW.getTime() + 10 * DAY), capacity: 30 });
    const inVangdalen = await event({ location: 'vangdalen', startsAt: new Date(TEST_NOW.getTime() + 11 * DAY) });
    const cancelled = await event({ location: 'parkcafeen', startsAt: new Date(TEST_NOW.getTime() + 12 * DAY) });
    await database.db.event.update({ where: { id: cancelled }, data: { status: 'cancelled' } });
    await event({ location: 'parkcafeen', startsAt: new Date(TEST_NOW.getTime() - DAY) });
    await services.signUps.signUp({ eventId: inPark, personId: await person(), adults: 2, children: 2 });
    const area = await database.db.housingArea.findFirstOrThrow({ where: { planId, key: 'gl-jennumparken' } });
    const window = { planId, from: new Date(TEST_NOW.getTime() + 9 * DAY), to: new Date(TEST_NOW.getTime() + 13 * DAY) };
    const all = await services.catalogue.upcomingEvents(window, 'ar');
    expect(all.map((e) => e.id)).toEqual([inPark, inVangdalen]);
    expect(all[0]).toMatchObject({ placesLeft: 26, capacity: 30, title: 'العشاء الجماعي', location: { name: 'ParkCafeen' } });
    const mine = await services.catalogue.upcomingEvents({ ...window, housingAreaId: area.id }, 'da');
    expect(mine.map((e) => e.id)).toEqual([inPark]);
    expect(await services.catalogue.upcomingEvents({ ...window, text: 'mødregruppe' }, 'da')).toEqual([]);
  });

  test("address lookup against the plan's street rules", async () => {
    const { services, planId } = ctx();
    expect(await services.areas.lookup(planId, 'Husarvej 12B')).toMatchObject({ kind: 'inside', area: { key: 'gl-jennumparken' } });
    expect(await services.areas.lookup(planId, 'husarvej 42')).toMatchObject({ kind: 'outside' });
    expect(await services.areas.lookup(planId, 'Gammel Jennumvej 8')).toMatchObject({ kind: 'inside', area: { key: 'gl-jennumparken' } });
    expect(await services.areas.lookup(planId, 'Husarvej')).toMatchObject({ kind: 'need_number' });
    expect(await services.areas.lookup(planId, '???')).toMatchObject({ kind: 'unreadable' });
    expect((await services.areas.areas(planId)).map((a) => a.name)).toEqual(['Gl. Jennumparken', 'Vangdalsparken']);
  });

  test('the current plan is the one running today', async () => {
    expect((await ctx().services.catalogue.currentPlan()).key).toBe('test-plan');
  });
});
