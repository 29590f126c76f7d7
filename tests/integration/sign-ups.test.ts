import { isDomainError } from '../../src/errors/domain-error';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

describeEachDatabase('sign-ups', (ctx) => {
  test('confirms a party that fits and counts adults and children as places', async () => {
    const { services, event, person } = ctx();
    const eventId = await event({ capacity: 10 });
    const personId = await person();
    const r = await services.signUps.signUp({ eventId, personId, adults: 2, children: 1, dietary: { noPork: true } });
    expect(r.outcome).toBe('confirmed');
    expect(await services.signUps.placesLeft(eventId)).toBe(7);
    const row = await ctx().database.db.signUp.findUniqueOrThrow({ where: { id: r.signUp.id } });
    expect(row).toMatchObject({ status: 'confirmed', adults: 2, children: 1, waitingPosition: null });
    expect(JSON.parse(row.dietary)).toMatchObject({ noPork: true, vegetarian: false });
  });

  test('signing up twice returns the existing sign-up unchanged', async () => {
    const { services, event, person, database } = ctx();
    const eventId = await event({ capacity: 10 });
    const personId = await person();
    const first = await services.signUps.signUp({ eventId, personId, adults: 1 });
    const second = await services.signUps.signUp({ eventId, personId, adults: 4 });
    expect(second.outcome).toBe('existing');
    expect(second.signUp.id).toBe(first.signUp.id);
    expect(second.signUp.adults).toBe(1);
    expect(await database.db.signUp.count({ where: { eventId } })).toBe(1);
  });

  test('a full event puts newcomers on the waiting list in order, and nobody jumps the queue', async () => {
    const { services, event, person } = ctx();
    const eventId = await event({ capacity: 4 });
    const a = await services.signUps.signUp({ eventId, personId: await person('A'), adults: 3 });
    const b = await services.signUps.signUp({ eventId, personId: await person('B'), adults: 2 });
    const c = await services.signUps.signUp({ eventId, personId: await person('C'), adults: 1 });
    expect(a.outcome).toBe('confirmed');
    expect(b.signUp).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    // One place is free, but B waits for it first: C must wait too.
    expect(c.signUp).toMatchObject({ status: 'waiting', waitingPosition: 2 });
  });

  test('cancelling offers the freed place to the next who fits, skipping a party too big for the gap', async () => {
    const { services, event, person } = ctx();
    const eventId = await event({ capacity: 5 });
    const a = await services.signUps.signUp({ eventId, personId: await person('A'), adults: 2 });
    await services.signUps.signUp({ eventId, personId: await person('B'), adults: 3 });
    const big = await services.signUps.signUp({ eventId, personId: await person('C'), adults: 3 });
    const small = await services.signUps.signUp({ eventId, personId: await person('D'), adults: 1, children: 1 });
    expect(big.signUp.status).toBe('waiting');
    const r = await services.signUps.cancel({ signUpId: a.signUp.id, personId: a.signUp.personId });
    expect(r.cancelled.status).toBe('cancelled');
    expect(r.offered.map((p) => p.id)).toEqual([small.signUp.id]);
    let list = await services.signUps.forEvent(eventId);
    expect(list.find((s) => s.id === small.signUp.id)?.status).toBe('offered');
    expect(list.find((s) => s.id === big.signUp.id)?.status).toBe('waiting');
    // The offered place is held: nobody else can take it while the offer runs.
    expect(await services.signUps.placesLeft(eventId)).toBe(0);
    expect(await services.offers.accept({ signUpId: small.signUp.id, personId: small.signUp.personId })).toMatchObject({ outcome: 'accepted' });
    list = await services.signUps.forEvent(eventId);
    expect(list.filter((s) => s.status === 'confirmed').map((s) => s.adults + s.children)).toEqual([3, 2]);
    expect(await services.signUps.placesLeft(eventId)).toBe(0);
  });

  test('a cancelled sign-up can sign up again, and only its owner may cancel', async () => {
    const { services, event, person } = ctx();
    const eventId = await event({ capacity: 10 });
    const owner = await person();
    const s = await services.signUps.signUp({ eventId, personId: owner, adults: 1 });
    await expect(services.signUps.cancel({ signUpId: s.signUp.id, personId: await person('Other') })).rejects.toMatchObject({ code: 'signup.not_found' });
    await services.signUps.cancel({ signUpId: s.signUp.id, personId: owner });
    await expect(services.signUps.cancel({ signUpId: s.signUp.id, personId: owner })).rejects.toMatchObject({ code: 'signup.already_cancelled' });
    const again = await services.signUps.signUp({ eventId, personId: owner, adults: 2 });
    expect(again).toMatchObject({ outcome: 'confirmed', signUp: { id: s.signUp.id, adults: 2 } });
  });

  test('refuses impossible parties, cancelled and past events with typed errors', async () => {
    const { services, event, person, database } = ctx();
    const personId = await person();
    const eventId = await event({ capacity: 6 });
    for (const party of [{ adults: 0 }, { adults: 1, children: -1 }, { adults: 1.5 }, { adults: 11 }]) {
      await expect(services.signUps.signUp({ eventId, personId, ...party })).rejects.toMatchObject({ code: 'signup.party_invalid' });
    }
    await expect(services.signUps.signUp({ eventId, personId, adults: 4, children: 3 })).rejects.toMatchObject({
      code: 'signup.party_exceeds_capacity',
      params: { capacity: 6 },
    });
    await expect(services.signUps.signUp({ eventId: 'nope', personId, adults: 1 })).rejects.toMatchObject({ code: 'event.not_found' });
    const past = await event({ startsAt: new Date(TEST_NOW.getTime() - 3_600_000) });
    await expect(services.signUps.signUp({ eventId: past, personId, adults: 1 })).rejects.toMatchObject({ code: 'event.started' });
    const cancelled = await event();
    await database.db.event.update({ where: { id: cancelled }, data: { status: 'cancelled' } });
    const err = await services.signUps.signUp({ eventId: cancelled, personId, adults: 1 }).catch((e: unknown) => e);
    expect(isDomainError(err, 'event.cancelled')).toBe(true);
    expect(await database.db.signUp.count({ where: { personId } })).toBe(0);
  });

  test('kitchen summary counts heads and dietary needs of confirmed parties only', async () => {
    const { services, event, person } = ctx();
    const eventId = await event({ capacity: 6 });
    await services.signUps.signUp({ eventId, personId: await person(), adults: 2, children: 2, dietary: { noPork: true } });
    await services.signUps.signUp({ eventId, personId: await person(), adults: 1, dietary: { vegetarian: true, allergies: 'nødder' } });
    await services.signUps.signUp({ eventId, personId: await person(), adults: 2, dietary: { noPork: true } });
    const k = await services.signUps.kitchenSummary(eventId);
    expect(k).toMatchObject({
      confirmedParties: 2,
      adults: 3,
      children: 2,
      noPork: 4,
      vegetarian: 1,
      allergies: ['nødder'],
      waitingParties: 1,
      waitingPeople: 2,
    });
  });

  test('200 concurrent sign-ups for 40 places: exactly 40 confirmed, the rest waiting in order, none lost', async () => {
    const { services, event, person, database } = ctx();
    const eventId = await event({ capacity: 40 });
    const people = await Promise.all(Array.from({ length: 200 }, (_, i) => person(`P${i}`)));
    const results = await Promise.all(people.map((personId) => services.signUps.signUp({ eventId, personId, adults: 1 })));
    expect(results.filter((r) => r.outcome === 'confirmed')).toHaveLength(40);
    expect(results.filter((r) => r.outcome === 'waiting')).toHaveLength(160);
    const rows = await database.db.signUp.findMany({ where: { eventId } });
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.adults, 0)).toBe(40);
    const positions = rows
      .filter((r) => r.status === 'waiting')
      .map((r) => r.waitingPosition)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(positions).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
    // Waiting order is arrival order: everyone confirmed signed up before everyone waiting.
    const lastConfirmed = Math.max(...rows.filter((r) => r.status === 'confirmed').map((r) => r.createdAt.getTime()));
    const firstWaiting = Math.min(...rows.filter((r) => r.status === 'waiting').map((r) => r.createdAt.getTime()));
    expect(lastConfirmed).toBeLessThanOrEqual(firstWaiting);
  });

  test('concurrent cancellations and sign-ups never exceed capacity', async () => {
    const { services, event, person, database } = ctx();
    const eventId = await event({ capacity: 10 });
    const first = await Promise.all(
      Array.from({ length: 30 }, async () => services.signUps.signUp({ eventId, personId: await person(), adults: 1, children: 1 })),
    );
    const confirmed = first.filter((r) => r.outcome === 'confirmed');
    expect(confirmed).toHaveLength(5);
    await Promise.all([
      ...confirmed.slice(0, 3).map((r) => services.signUps.cancel({ signUpId: r.signUp.id })),
      ...Array.from({ length: 10 }, async () => services.signUps.signUp({ eventId, personId: await person(), adults: 1 })),
    ]);
    // Freed places are offered, not given: confirmed and offered together fill the event exactly.
    const rows = await database.db.signUp.findMany({ where: { eventId, status: { in: ['confirmed', 'offered'] } } });
    expect(rows.reduce((n, r) => n + r.adults + r.children, 0)).toBe(10);
    expect(rows.filter((r) => r.status === 'offered').length).toBeGreaterThan(0);
  });
});
