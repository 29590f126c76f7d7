/**
 * The staff forms that plan events, through the conversation engine: answers as people write them
 * ("lørdag", "3/12", "18", "18.30", "40 pladser"), each wrong field named by its label (never an
 * internal name like "startsAt"), the right answers kept when one is wrong, the wrong one typed in
 * the chat and checked at once, each place offered once; and the series form, which shows the same
 * dates as the one-message series and saves them under one series id only on "yes".
 */
import type { FormField, Reply } from '../../src/conversation/replies';
import { copenhagenInstant, parseCalendarDate } from '../../src/time/calendar-date';
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase, type TestContext } from '../support/test-context';

type Form = Extract<Reply, { kind: 'form' }>;
const INTERNAL = /startsAt|endsAt|locationId|activityId|\bfield\b|tjek /;

function formOf(chat: Chat): Form {
  const form = chat.last.replies.find((r): r is Form => r.kind === 'form');
  if (!form) throw new Error(`no form in: ${chat.text()}`);
  return form;
}
const field = (form: Form, name: string): FormField => {
  const f = form.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};
const valuesOf = (form: Form): Record<string, string | undefined> => Object.fromEntries(form.fields.map((f) => [f.name, f.value]));

describeEachDatabase('staff forms that plan events', (ctx) => {
  let c: TestContext;
  let dinner: string;
  const staffChat = (): Chat => new Chat(engineFor(c), { role: 'staff', channel: 'teams', firstName: 'Mette', clientLanguage: 'da' });
  beforeAll(async () => {
    c = ctx();
    dinner = await c.activityId('faellesspisning');
  });

  test('the event form takes days, times and places as people write them', async () => {
    const chat = staffChat();
    await chat.send({ kind: 'action', action: 'create.event' });
    expect(chat.buttons().map((b) => b.label)).toContain('Opret en række');
    await chat.send({
      kind: 'action',
      action: 'create.eventsubmit',
      values: { activity: dinner, date: 'lørdag', start: '18', end: '20.30', location: 'parkcafeen', capacity: '40 pladser' },
    });
    // Tuesday 18 November 2025: "lørdag" is the 22nd.
    expect(chat.text()).toContain('Oprettet: Fællesspisning lørdag 22. november kl. 18.00, ParkCafeen, plads til 40.');
    const e = await c.database.db.event.findFirstOrThrow({ where: { activityId: dinner, capacity: 40 }, include: { location: true } });
    expect([e.startsAt, e.endsAt, e.location?.name, e.seriesId]).toEqual([
      copenhagenInstant(parseCalendarDate('2025-11-22'), 18, 0),
      copenhagenInstant(parseCalendarDate('2025-11-22'), 20, 30),
      'ParkCafeen',
      null,
    ]);
  });

  test('a wrong field is named by its label, the right answers are kept, and the wrong one is typed and checked at once', async () => {
    const chat = staffChat();
    await chat.send({
      kind: 'action',
      action: 'create.eventsubmit',
      values: { activity: dinner, date: '3/12', start: '17.30', end: 'halv otte', capacity: '30' },
    });
    const shown = chat.text();
    expect(shown).toContain('Det her skal rettes; resten af det, du skrev, er beholdt:\nSlutter: skriv et klokkeslæt, fx "18" eller "18.30".');
    expect(shown).toContain('Skriv Slutter her i chatten, eller ret formularen.');
    expect(shown).not.toMatch(INTERNAL);
    expect(valuesOf(formOf(chat))).toEqual({ activity: dinner, date: '2025-12-03', start: '17:30', end: undefined, location: undefined, capacity: '30' });
    expect(await c.database.db.event.count({ where: { capacity: 30 } })).toBe(0);

    await chat.say('snart');
    expect(chat.text()).toBe('Slutter: skriv et klokkeslæt, fx "18" eller "18.30".\nSkriv Slutter her i chatten, eller ret formularen.');
    await chat.say('19.30');
    expect(chat.text()).toContain('Oprettet: Fællesspisning onsdag 3. december kl. 17.30');
    const e = await c.database.db.event.findFirstOrThrow({ where: { capacity: 30 } });
    expect([e.startsAt, e.endsAt]).toEqual([
      copenhagenInstant(parseCalendarDate('2025-12-03'), 17, 30),
      copenhagenInstant(parseCalendarDate('2025-12-03'), 19, 30),
    ]);
  });

  test('several wrong fields are asked one after the other; an end before the start is the end to fix', async () => {
    const chat = staffChat();
    await chat.send({ kind: 'action', action: 'create.eventsubmit', values: { activity: dinner, date: 'en dag', start: '19', end: '17', capacity: '900' } });
    const shown = chat.text();
    expect(shown).toContain('Dato: skriv en dato, fx "lørdag", "3/12" eller "3. december".');
    expect(shown).toContain('Antal pladser (tom = ingen grænse): skriv et helt tal fra 1 til 500.');
    expect(shown).toContain('Sluttidspunktet skal ligge efter starttidspunktet.');
    expect(shown).toContain('Skriv Dato her i chatten');
    await chat.say('fredag');
    expect(chat.text()).toBe('Skriv Antal pladser (tom = ingen grænse) her i chatten, eller ret formularen.');
    await chat.say('25');
    expect(chat.text()).toBe('Skriv Slutter her i chatten, eller ret formularen.');
    await chat.say('21');
    expect(chat.text()).toContain('Oprettet: Fællesspisning fredag 21. november kl. 19.00');
    expect(await c.database.db.event.count({ where: { capacity: 25, endsAt: copenhagenInstant(parseCalendarDate('2025-11-21'), 21, 0) } })).toBe(1);
  });

  test('a day already gone is said in words, never as an internal field name', async () => {
    const chat = staffChat();
    await chat.send({ kind: 'action', action: 'create.eventsubmit', values: { activity: dinner, date: '2025-11-10', start: '17:30', end: '19:30' } });
    expect(chat.text()).toContain('Arrangementet ligger før nu. Vælg en dato og et tidspunkt frem i tiden.');
    expect(chat.text()).not.toMatch(INTERNAL);
    expect(valuesOf(formOf(chat))).toMatchObject({ activity: dinner, date: undefined, start: '17:30', end: '19:30' });
  });

  test('each place is offered once: of two locations with one name, the one the plan uses', async () => {
    const db = c.database.db;
    const copy = await db.location.create({ data: { key: 'parkcafeen-kopi', name: 'ParkCafeen', address: 'Parkvej 1' } });
    const staff = await c.person('Mette', 'staff');
    for (const day of ['2025-12-10', '2025-12-17'])
      await c.services.events.create({
        activityId: dinner,
        startsAt: copenhagenInstant(parseCalendarDate(day), 17, 30),
        endsAt: copenhagenInstant(parseCalendarDate(day), 19, 30),
        capacity: 10,
        locationId: copy.id,
        actorId: staff,
      });
    for (const action of ['create.event', 'create.seriesform', 'create.slots']) {
      const chat = staffChat();
      await chat.send({ kind: 'action', action });
      const places = field(formOf(chat), 'location').options ?? [];
      expect(places.filter((p) => p.label === 'ParkCafeen')).toEqual([{ label: 'ParkCafeen', value: copy.id }]);
      expect(new Set(places.map((p) => p.label)).size).toBe(places.length);
    }
  });

  test('the series form shows the same dates as the one-message series and saves them under one series id on "yes"', async () => {
    const chat = staffChat();
    await chat.send({ kind: 'action', action: 'create.seriesform' });
    expect(formOf(chat).fields.map((f) => f.label)).toEqual([
      'Aktivitet',
      'Ugedag',
      'Starter',
      'Slutter',
      'Første dato',
      'Sidste dato',
      'Sted',
      'Antal pladser (tom = ingen grænse)',
      'Spring disse uger over (ugenumre, fx 7, 42)',
    ]);
    expect(field(formOf(chat), 'weekday').options?.map((o) => o.label)).toEqual(['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']);
    await chat.send({
      kind: 'action',
      action: 'create.seriesformsubmit',
      values: {
        activity: dinner,
        weekday: 'torsdage',
        start: 'kl. 17.30',
        end: '19.30',
        from: '7. januar',
        to: '24/6',
        location: 'ParkCafeen',
        capacity: '40',
        skip: 'uge 7 og 42',
      },
    });
    const shown = chat.text();
    expect(shown).toContain('Fællesspisning kl. 17.30–19.30, ParkCafeen, pladser: 40. Datoer (21):');
    expect(shown).toContain('• torsdag 12. februar (uge 7)');
    expect(shown).toContain('• torsdag 2. april (skærtorsdag)');
    expect(await c.database.db.event.count({ where: { activityId: dinner, startsAt: { gte: new Date('2026-01-01T00:00:00Z') } } })).toBe(0);
    await chat.press('Opret alle (21)');
    const saved = await c.database.db.event.findMany({
      where: { activityId: dinner, startsAt: { gte: new Date('2026-01-01T00:00:00Z') } },
      orderBy: { startsAt: 'asc' },
    });
    expect(saved).toHaveLength(21);
    expect(new Set(saved.map((e) => e.seriesId)).size).toBe(1);
    expect(saved[0]?.seriesId).toEqual(expect.any(String));
    // Across the change to summer time the dinner stays at 17.30 Copenhagen time.
    expect(saved.map((e) => e.startsAt.toISOString())).toContain('2026-03-26T16:30:00.000Z');
    expect(saved.map((e) => e.startsAt.toISOString())).toContain('2026-04-09T15:30:00.000Z');
  });

  test('a series form with a last date before the first keeps the rest and asks for the last date', async () => {
    const chat = staffChat();
    await chat.send({
      kind: 'action',
      action: 'create.seriesformsubmit',
      values: { activity: dinner, weekday: '2', start: '10', end: '12', from: '1/3', to: '1/2', location: '', capacity: '', skip: '' },
    });
    expect(chat.text()).toContain('Sidste dato skal ligge på eller efter Første dato.');
    expect(chat.text()).not.toMatch(INTERNAL);
    expect(valuesOf(formOf(chat))).toMatchObject({ activity: dinner, weekday: '2', start: '10:00', end: '12:00', from: '2026-03-01', to: undefined });
    await chat.say('31. marts');
    expect(chat.text()).toContain('Fællesspisning kl. 10.00–12.00, uden sted, pladser: ∞. Datoer (5):');
  });

  test('a series message that misses its end comes with the series form, filled in with what was understood', async () => {
    const chat = staffChat();
    await chat.say('nyt arrangement: fællesspisning hver torsdag kl. 17.30 i ParkCafeen fra 7. januar');
    expect(chat.text()).toContain('Skriv også, hvornår rækken slutter, fx "til 24. juni".');
    const values = valuesOf(formOf(chat));
    expect(values).toMatchObject({ activity: dinner, weekday: '4', start: '17:30', end: '19:30', from: '2026-01-07', to: undefined });
    expect(field(formOf(chat), 'location').options?.find((o) => o.value === values['location'])?.label).toBe('ParkCafeen');
  });
});
