/**
 * Changing a season from a date on and cancelling one date: events before the date and their
 * sign-ups stay as they are, later ones get the new time, place and capacity in Copenhagen time,
 * signed-up residents get a notice row in the outbox, reminders follow the new time, and a change
 * that would push people out is refused whole. In the chat, staff see what will change first.
 */
import { stripIsolates, Translations } from '../../src/i18n/i18n';
import { OutboxRenderer, parsePayload } from '../../src/outbox/render';
import { seriesDates } from '../../src/series/series-dates';
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase, type TestContext } from '../support/test-context';

/** Thursdays 17.30-19.30 in ParkCafeen, 40 places, 20 November 2025 to 29 January 2026: 9 events (Christmas Day and New Year's Day fall out). */
async function season(c: TestContext): Promise<string[]> {
  const { occurrences } = seriesDates({ weekday: 4, from: '2025-11-20', to: '2026-01-29', start: [17, 30], end: [19, 30], skipWeeks: [] });
  const park = await c.database.db.location.findUniqueOrThrow({ where: { key: 'parkcafeen' } });
  const staff = await c.person('Mette', 'staff');
  return c.services.series.create({ activityId: await c.activityId('faellesspisning'), occurrences, capacity: 40, locationId: park.id, actorId: staff });
}

const noticesFor = async (c: TestContext, personId: string): Promise<{ kind: string; key: string; eventId: unknown }[]> =>
  (await c.database.db.outboxMessage.findMany({ where: { personId, kind: { in: ['event_moved', 'event_cancelled'] } } })).map((m) => {
    const p = JSON.parse(m.payload) as { key: string; params: Record<string, unknown> };
    return { kind: m.kind, key: p.key, eventId: p.params['eventId'] };
  });

describeEachDatabase('changing a season from a date on', (ctx) => {
  test('from 11 December: later events move to 18.00 in Vangdalen with 30 places; earlier events and their sign-ups are untouched', async () => {
    const c = ctx();
    const ids = await season(c);
    expect(ids).toHaveLength(9);
    const db = c.database.db;
    const [nov20, nov27, dec4, dec11, dec18] = ids as [string, string, string, string, string];
    const early = await c.person('Amina');
    const late = await c.person('Hassan');
    const earlySignUp = (await c.services.signUps.signUp({ eventId: nov27, personId: early, adults: 2 })).signUp;
    const lateSignUp = (await c.services.signUps.signUp({ eventId: dec18, personId: late, adults: 1, children: 2 })).signUp;
    const reminderBefore = await db.outboxMessage.findFirstOrThrow({ where: { kind: 'reminder', refId: `signup:${lateSignUp.id}` } });
    const before = await db.event.findMany({ where: { id: { in: [nov20, nov27, dec4] } }, orderBy: { startsAt: 'asc' } });
    const vangdalen = await db.location.findUniqueOrThrow({ where: { key: 'vangdalen' } });
    const staff = await c.person('Mette', 'staff');

    const result = await c.services.series.changeFrom(dec11, { start: [18, 0], locationId: vangdalen.id, capacity: 30 }, staff);

    expect(result).toEqual({ events: 6, notified: 1 });
    // One series id on every event of the season, kept through the change.
    const seriesIds = new Set((await db.event.findMany({ where: { id: { in: ids } }, select: { seriesId: true } })).map((e) => e.seriesId));
    expect(seriesIds.size).toBe(1);
    expect([...seriesIds][0]).toMatch(/^[0-9a-f-]{36}$/);
    // From 4 December the series still reaches the events that now start at 18.00 elsewhere.
    expect(await c.services.series.fromEvent(dec4)).toEqual(ids.slice(2));
    expect(await db.event.findMany({ where: { id: { in: [nov20, nov27, dec4] } }, orderBy: { startsAt: 'asc' } })).toEqual(before);
    const earlyRow = await db.signUp.findUniqueOrThrow({ where: { id: earlySignUp.id } });
    expect([earlyRow.status, earlyRow.adults]).toEqual(['confirmed', 2]);
    const changed = await db.event.findMany({ where: { id: { in: ids.slice(3) } }, include: { location: true }, orderBy: { startsAt: 'asc' } });
    expect(changed.map((e) => e.startsAt.toISOString())).toEqual([
      '2025-12-11T17:00:00.000Z',
      '2025-12-18T17:00:00.000Z',
      '2026-01-08T17:00:00.000Z',
      '2026-01-15T17:00:00.000Z',
      '2026-01-22T17:00:00.000Z',
      '2026-01-29T17:00:00.000Z',
    ]);
    expect(changed.every((e) => e.endsAt.getTime() - e.startsAt.getTime() === 2 * 3_600_000 && e.capacity === 30 && e.location?.name === 'Vangdalen')).toBe(
      true,
    );
    expect(await noticesFor(c, early)).toEqual([]);
    expect(await noticesFor(c, late)).toEqual([{ kind: 'event_moved', key: 'series:notice.changed', eventId: dec18 }]);
    expect((await db.signUp.findUniqueOrThrow({ where: { id: lateSignUp.id } })).status).toBe('confirmed');
    const reminderAfter = await db.outboxMessage.findFirstOrThrow({ where: { kind: 'reminder', refId: `signup:${lateSignUp.id}` } });
    expect(reminderAfter.dueAt.getTime() - reminderBefore.dueAt.getTime()).toBe(30 * 60_000);
    // The notice, as the resident reads it: the new time and place, and the old time.
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { personId: late, kind: 'event_moved' } });
    const renderer = new OutboxRenderer({ db, translations: new Translations(), catalogue: c.services.catalogue, signUps: c.services.signUps });
    expect(stripIsolates((await renderer.render(parsePayload(notice.payload), 'da')).text)).toBe(
      'Fællesspisning er ændret: det er nu torsdag 18. december kl. 18.00, Vangdalen (før torsdag 18. december kl. 17.30). ' +
        'Din tilmelding gælder stadig – kan du ikke komme, kan du afmelde dig under "Mine tilmeldinger".',
    );
  });

  test('a capacity below the people already signed up is refused, and nothing of the series changes', async () => {
    const c = ctx();
    const db = c.database.db;
    const dec11 = (await db.event.findFirstOrThrow({ where: { startsAt: new Date('2025-12-11T17:00:00Z') } })).id;
    const before = await db.event.findMany({ orderBy: { startsAt: 'asc' } });
    const staff = await c.person('Mette', 'staff');
    await expect(c.services.series.changeFrom(dec11, { start: [17, 0], capacity: 2 }, staff)).rejects.toMatchObject({
      code: 'series.capacity_below_taken',
      params: { capacity: 2 },
    });
    expect(await db.event.findMany({ orderBy: { startsAt: 'asc' } })).toEqual(before);
  });

  test('a new time alone gets the usual "moved" notice; more places offer the freed ones to the waiting list', async () => {
    const c = ctx();
    const db = c.database.db;
    const jan22 = await db.event.findFirstOrThrow({ where: { startsAt: new Date('2026-01-22T17:00:00Z') } });
    const staff = await c.person('Mette', 'staff');
    expect(await c.services.series.changeFrom(jan22.id, { capacity: 3 }, staff)).toEqual({ events: 2, notified: 0 });
    const first = await c.person('Sara');
    const second = await c.person('Omar');
    expect((await c.services.signUps.signUp({ eventId: jan22.id, personId: first, adults: 3 })).signUp.status).toBe('confirmed');
    const waiting = (await c.services.signUps.signUp({ eventId: jan22.id, personId: second, adults: 1 })).signUp;
    expect(waiting.status).toBe('waiting');
    expect(await c.services.series.changeFrom(jan22.id, { start: [17, 30], end: [19, 0], capacity: 4 }, staff)).toEqual({ events: 2, notified: 2 });
    expect(await noticesFor(c, first)).toEqual([{ kind: 'event_moved', key: 'resident:notice.event_moved', eventId: jan22.id }]);
    expect((await db.signUp.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe('offered');
    expect(await db.outboxMessage.count({ where: { personId: second, kind: 'offer' } })).toBe(1);
    const moved = await db.event.findUniqueOrThrow({ where: { id: jan22.id } });
    expect([moved.startsAt.toISOString(), moved.endsAt.toISOString(), moved.capacity]).toEqual(['2026-01-22T16:30:00.000Z', '2026-01-22T18:00:00.000Z', 4]);
  });

  test('cancelling one date tells the resident signed up to it and leaves the next week alone', async () => {
    const c = ctx();
    const db = c.database.db;
    const [jan8, jan15] = await db.event.findMany({
      where: { startsAt: { gte: new Date('2026-01-08T00:00:00Z'), lt: new Date('2026-01-16T00:00:00Z') } },
      orderBy: { startsAt: 'asc' },
    });
    if (!jan8 || !jan15) throw new Error('season not there');
    const resident = await c.person('Fatima');
    const signUp = (await c.services.signUps.signUp({ eventId: jan8.id, personId: resident, adults: 1 })).signUp;
    const staff = await c.person('Mette', 'staff');
    expect(await c.services.events.cancel(jan8.id, staff)).toBe(1);
    expect(await noticesFor(c, resident)).toEqual([{ kind: 'event_cancelled', key: 'resident:notice.event_cancelled', eventId: jan8.id }]);
    expect((await db.signUp.findUniqueOrThrow({ where: { id: signUp.id } })).status).toBe('cancelled');
    expect((await db.event.findUniqueOrThrow({ where: { id: jan15.id } })).status).toBe('scheduled');
    // A later change of the series passes over the cancelled date.
    const dec11 = await db.event.findFirstOrThrow({ where: { startsAt: new Date('2025-12-11T17:00:00Z') } });
    const later = await c.services.series.fromEvent(dec11.id);
    expect(later).toContain(jan15.id);
    expect(later).not.toContain(jan8.id);
  });

  test('a second season of the same dinner on the same weekday, time and place is its own series: changing one leaves the other alone', async () => {
    const c = ctx();
    const db = c.database.db;
    const park = await db.location.findUniqueOrThrow({ where: { key: 'parkcafeen' } });
    const staff = await c.person('Mette', 'staff');
    const { occurrences } = seriesDates({ weekday: 4, from: '2026-02-05', to: '2026-02-26', start: [17, 30], end: [19, 30], skipWeeks: [] });
    const spring = await c.services.series.create({
      activityId: await c.activityId('faellesspisning'),
      occurrences,
      capacity: 40,
      locationId: park.id,
      actorId: staff,
    });
    expect(spring).toHaveLength(4);
    const springRows = await db.event.findMany({ where: { id: { in: spring } }, select: { seriesId: true } });
    const dec4 = await db.event.findFirstOrThrow({ where: { startsAt: new Date('2025-12-04T16:30:00Z') } });
    expect(dec4.seriesId).not.toBeNull();
    expect(new Set(springRows.map((e) => e.seriesId))).toEqual(new Set([springRows[0]?.seriesId]));
    expect(springRows[0]?.seriesId).not.toBe(dec4.seriesId);

    // The winter season from 4 December: its own events (the cancelled 8 January left out), none of the spring's.
    const winter = await c.services.series.fromEvent(dec4.id);
    const winterRows = await db.event.findMany({ where: { id: { in: winter } }, orderBy: { startsAt: 'asc' } });
    expect(winterRows).toHaveLength(6);
    expect(winterRows.every((e) => e.seriesId === dec4.seriesId && e.status === 'scheduled')).toBe(true);
    expect(winter.some((id) => spring.includes(id))).toBe(false);
    expect(await c.services.series.fromEvent(spring[1] as string)).toEqual(spring.slice(1));

    expect(await c.services.series.changeFrom(spring[1] as string, { capacity: 20 }, staff)).toEqual({ events: 3, notified: 0 });
    const capacities = await db.event.findMany({
      where: { id: { in: [...spring, ...winter] } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, capacity: true },
    });
    expect(capacities.filter((e) => e.capacity === 20).map((e) => e.id)).toEqual(spring.slice(1));
  });
});

describeEachDatabase('changing a season in the chat', (ctx) => {
  test('staff write the change, see how many events and residents it touches, and confirm', async () => {
    const c = ctx();
    const ids = await season(c);
    await c.services.signUps.signUp({ eventId: ids[5] ?? '', personId: await c.person('Amina'), adults: 2 });
    const chat = new Chat(engineFor(c), { role: 'staff', channel: 'teams', firstName: 'Mette', clientLanguage: 'da' });
    await chat.say('ændr fællesspisning fra 8. januar: kl. 18-20, i Vangdalen, 30 pladser');
    expect(chat.text()).toContain('Fællesspisning fra torsdag 8. januar ændres: kl. 18.00–20.00, sted: Vangdalen, pladser: 30. Antal arrangementer: 4.');
    expect(chat.text()).toContain('Tilmeldte, der får besked: 1. Skal jeg ændre dem?');
    expect((await c.database.db.event.findUniqueOrThrow({ where: { id: ids[5] ?? '' } })).startsAt.toISOString()).toBe('2026-01-08T16:30:00.000Z');
    await chat.press('Ændr alle (4)');
    expect(chat.text()).toContain('Ændret. Antal arrangementer: 4. Tilmeldte, der har fået besked: 1.');
    expect((await c.database.db.event.findUniqueOrThrow({ where: { id: ids[5] ?? '' } })).startsAt.toISOString()).toBe('2026-01-08T17:00:00.000Z');
    expect((await c.database.db.event.findUniqueOrThrow({ where: { id: ids[4] ?? '' } })).startsAt.toISOString()).toBe('2025-12-18T16:30:00.000Z');
  });

  test('one date of the series is cancelled in the chat; the resident signed up to it gets a notice, the week after stays', async () => {
    const c = ctx();
    const db = c.database.db;
    const [jan15, jan22] = await db.event.findMany({
      where: { startsAt: { gte: new Date('2026-01-15T00:00:00Z'), lt: new Date('2026-01-23T00:00:00Z') } },
      orderBy: { startsAt: 'asc' },
    });
    if (!jan15 || !jan22) throw new Error('season not there');
    const resident = await c.person('Layla');
    await c.services.signUps.signUp({ eventId: jan15.id, personId: resident, adults: 1 });
    const chat = new Chat(engineFor(c), { role: 'staff', channel: 'teams', clientLanguage: 'da' });
    await chat.say('aflys arrangementet 15. januar');
    await chat.press('Fællesspisning');
    expect(chat.text()).toContain('Vil du aflyse Fællesspisning torsdag 15. januar kl. 18.00? 1 tilmeldt får besked.');
    await chat.press('Ja, aflys');
    expect(chat.text()).toContain('Fællesspisning er aflyst. 1 beboer får besked.');
    expect(await noticesFor(c, resident)).toEqual([{ kind: 'event_cancelled', key: 'resident:notice.event_cancelled', eventId: jan15.id }]);
    expect((await db.event.findUniqueOrThrow({ where: { id: jan15.id } })).status).toBe('cancelled');
    expect((await db.event.findUniqueOrThrow({ where: { id: jan22.id } })).status).toBe('scheduled');
  });

  test('a change that names nothing to change asks what to change, and a resident is not offered it', async () => {
    const chat = new Chat(engineFor(ctx()), { role: 'staff', channel: 'teams', clientLanguage: 'da' });
    await chat.say('ændr fællesspisning fra 8. januar til noget andet');
    expect(chat.text()).toContain('Skriv, hvad der skal ændres: et nyt tidspunkt, et sted eller et antal pladser.');
    const resident = new Chat(engineFor(ctx()), { clientLanguage: 'da' });
    await resident.say('ændr fællesspisning fra 8. januar: kl. 18');
    expect(resident.text()).not.toContain('Skal jeg ændre dem?');
  });
});

describeEachDatabase('cancelling a season from a date on', (ctx) => {
  test('staff open a date of the season and cancel the rest in one step; residents signed up later are told, earlier dates and a one-off dinner stay', async () => {
    const c = ctx();
    const db = c.database.db;
    const ids = await season(c);
    const [, nov27, , dec11, dec18] = ids as [string, string, string, string, string];
    const park = await db.location.findUniqueOrThrow({ where: { key: 'parkcafeen' } });
    const staff = await c.person('Mette', 'staff');
    // A one-off dinner on a Thursday at 17.30 in ParkCafeen after the season: no series, so not cancelled with it.
    const oneOff = await c.services.events.create({
      activityId: await c.activityId('faellesspisning'),
      startsAt: new Date('2026-02-05T16:30:00Z'),
      endsAt: new Date('2026-02-05T18:30:00Z'),
      capacity: 40,
      locationId: park.id,
      actorId: staff,
    });
    const early = await c.person('Amina');
    const late = await c.person('Hassan');
    await c.services.signUps.signUp({ eventId: nov27, personId: early, adults: 2 });
    await c.services.signUps.signUp({ eventId: dec18, personId: late, adults: 1 });
    await c.services.signUps.signUp({ eventId: oneOff, personId: late, adults: 1 });

    const chat = new Chat(engineFor(c), { role: 'staff', channel: 'teams', firstName: 'Mette', clientLanguage: 'da' });
    await chat.send({ kind: 'action', action: `events.show|${dec11}` });
    await chat.press('Aflys serien herfra');
    expect(chat.text()).toContain(
      'Fællesspisning aflyses fra torsdag 11. december og frem. Antal arrangementer: 6. Tilmeldte, der får besked: 1. Tidligere arrangementer bliver, som de er.',
    );
    expect(await db.event.count({ where: { id: { in: ids }, status: 'cancelled' } })).toBe(0);
    await chat.press('Aflys alle (6)');
    expect(chat.text()).toContain('Aflyst. Antal arrangementer: 6. Tilmeldte, der har fået besked: 1.');

    const statuses = await db.event.findMany({ where: { id: { in: [...ids, oneOff] } }, orderBy: { startsAt: 'asc' }, select: { status: true } });
    expect(statuses.map((e) => e.status)).toEqual([...Array(3).fill('scheduled'), ...Array(6).fill('cancelled'), 'scheduled']);
    expect(await noticesFor(c, early)).toEqual([]);
    expect(await noticesFor(c, late)).toEqual([{ kind: 'event_cancelled', key: 'resident:notice.event_cancelled', eventId: dec18 }]);
    expect((await db.signUp.findFirstOrThrow({ where: { eventId: nov27, personId: early } })).status).toBe('confirmed');
    expect((await db.signUp.findFirstOrThrow({ where: { eventId: oneOff, personId: late } })).status).toBe('confirmed');

    // The last date of a season, or a one-off event, has no series to cancel: only the date itself.
    await chat.send({ kind: 'action', action: `events.show|${oneOff}` });
    expect(chat.buttons().map((b) => b.label)).not.toContain('Aflys serien herfra');
    expect(await c.services.series.cancelPreview(oneOff)).toBeNull();
  });
});
