import { readFileSync } from 'node:fs';
import { parseCalendarDate } from '../../src/time/calendar-date';
import type { Database } from '../../src/database/database';

/** Every row of every table, as raw values: what an erasure must leave no personal text in. */
async function everyRow(database: Database): Promise<Record<string, unknown[]>> {
  const db = database.db;
  const tables =
    database.provider === 'sqlite'
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'",
        );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
  return out;
}
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

describeEachDatabase('people: identity, export and erasure', (ctx) => {
  test('one person per channel identity, created once even when two first messages race', async () => {
    const { services, database } = ctx();
    const input = { channel: 'telegram' as const, externalId: '777001', firstName: 'Hodan', language: 'so' as const };
    const [a, b] = await Promise.all([services.people.identify(input), services.people.identify(input)]);
    expect(a.id).toBe(b.id);
    // No name is kept before consent: a resident is an id and a language until they say yes.
    expect(a).toMatchObject({ role: 'resident', firstName: null, language: 'so', erased: false });
    expect(await database.db.channelIdentity.count({ where: { externalId: '777001' } })).toBe(1);
    const c = await services.people.identify({ channel: 'teams', externalId: '777001' });
    expect(c.id).not.toBe(a.id);
    await services.people.setConsent(a.id, true);
    expect(await services.people.identify(input)).toMatchObject({ id: a.id, firstName: 'Hodan' });
  });

  test('a name loses control characters and direction overrides; staff are named at once', async () => {
    const { services } = ctx();
    const who = { channel: 'telegram' as const, externalId: '777002', firstName: '\u202eAmal\u202c\u0007 \u001b[2J' };
    const p = await services.people.identify(who);
    await services.people.setConsent(p.id, true);
    expect((await services.people.identify(who)).firstName).toBe('Amal [2J');
    const persian = await services.people.identify({ channel: 'teams', externalId: 'staff-fa', firstName: 'زهرا\u200cسادات\u2067', role: 'staff' });
    expect(persian.firstName).toBe('زهرا\u200cسادات');
  });

  test('someone who says no keeps only their channel id and language: no name, no area', async () => {
    const { services, database } = ctx();
    const who = { channel: 'telegram' as const, externalId: '777003', firstName: 'Nadia', language: 'ar' as const };
    const p = await services.people.identify(who);
    await services.people.setConsent(p.id, true);
    await services.people.identify(who);
    const area = await database.db.housingArea.findFirstOrThrow();
    await services.people.setHousingArea(p.id, area.id);
    await services.people.setConsent(p.id, false);
    await services.people.identify(who);
    expect(await database.db.person.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      firstName: null,
      housingAreaId: null,
      consentAt: null,
      language: 'ar',
    });
    expect(await database.db.channelIdentity.count({ where: { personId: p.id } })).toBe(1);
  });

  test('export holds everything kept on the person, and nothing about others', async () => {
    const { services, event, person } = ctx();
    const me = await services.people.identify({ channel: 'telegram', externalId: '555', firstName: 'Layla', language: 'ar' });
    await services.people.setConsent(me.id, true);
    await services.people.identify({ channel: 'telegram', externalId: '555', firstName: 'Layla' });
    const eventId = await event({ capacity: 10 });
    await services.signUps.signUp({ eventId, personId: me.id, adults: 1, children: 2, dietary: { noPork: true, allergies: 'jordnødder' } });
    await services.signUps.signUp({ eventId, personId: await person('Someone else'), adults: 1 });
    const data = await services.people.export(me.id);
    expect(data.person).toMatchObject({ firstName: 'Layla', language: 'ar', role: 'resident' });
    expect(data.person.consentAt).toEqual(TEST_NOW);
    expect(data.identities).toEqual([expect.objectContaining({ channel: 'telegram', externalId: '555' })]);
    expect(data.signUps).toHaveLength(1);
    expect(data.signUps[0]).toMatchObject({ adults: 1, children: 2, status: 'confirmed', dietary: { noPork: true, allergies: 'jordnødder' } });
    expect(JSON.stringify(data)).not.toContain('Someone else');
  });

  test('export also holds questions to staff, their answers, messages sent and the open draft', async () => {
    const { services, person, database } = ctx();
    const who = { channel: 'telegram' as const, externalId: '556', firstName: 'Samira' };
    const me = await services.people.identify(who);
    await services.people.setConsent(me.id, true);
    const staff = await person('Staff', 'staff');
    const { id } = await services.handovers.open({ personId: me.id, channel: 'telegram', language: 'da', question: 'Kan I hjælpe med boligstøtte?' });
    await services.handovers.answer({ requestId: id, staffId: staff, answer: 'Ja, kom torsdag kl. 10.' });
    await database.db.outboxMessage.updateMany({ where: { personId: me.id }, data: { status: 'sent', sentAt: TEST_NOW } });
    await database.db.conversation.create({
      data: { personId: me.id, channel: 'telegram', flow: 'signup', step: 'children', data: JSON.stringify({ adults: 2 }) },
    });
    const data = await services.people.export(me.id);
    expect(data.handovers).toEqual([
      expect.objectContaining({ question: 'Kan I hjælpe med boligstøtte?', answer: 'Ja, kom torsdag kl. 10.', status: 'answered' }),
    ]);
    expect(data.messages).toEqual([
      expect.objectContaining({ kind: 'handover_answer', status: 'sent', content: expect.objectContaining({ params: { answer: 'Ja, kom torsdag kl. 10.' } }) }),
    ]);
    expect(data.conversations).toEqual([expect.objectContaining({ flow: 'signup', step: 'children', draft: { adults: 2 } })]);
    expect(data.identities).toEqual([expect.objectContaining({ channel: 'telegram', externalId: '556' })]);
  });

  test('CPR numbers in a question or an answer are masked before they are stored', async () => {
    const { services, person, database } = ctx();
    const me = await person('Ali');
    const { id } = await services.handovers.open({
      personId: me,
      channel: 'telegram',
      language: 'da',
      question: 'Mit cpr er 0101901234, og min søns er 010115-1234',
    });
    await services.handovers.answer({ requestId: id, staffId: await person('Staff', 'staff'), answer: 'Vi har noteret 0101901234' });
    const row = await database.db.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row.question).toBe('Mit cpr er ******-****, og min søns er ******-****');
    expect(row.answer).toBe('Vi har noteret ******-****');
    expect(JSON.stringify(await database.db.outboxMessage.findMany({ where: { personId: me } }))).not.toMatch(/0101901234/);
  });

  test('erasure removes personal data, frees upcoming places, and every target reads the same', async () => {
    const { services, event, person, planId, database } = ctx();
    const staff = await person('Staff', 'staff');
    const me = await services.people.identify({ channel: 'telegram', externalId: '999', firstName: 'Oksana', language: 'uk' });
    const pastEvent = await event({ startsAt: new Date(TEST_NOW.getTime() - 2 * 86_400_000), capacity: 10 });
    await database.db.signUp.create({
      data: {
        eventId: pastEvent,
        personId: me.id,
        adults: 1,
        children: 1,
        status: 'confirmed',
        dietary: JSON.stringify({ halal: false, vegetarian: true, allergies: 'gluten' }),
      },
    });
    await services.attendance.take({ eventId: pastEvent, marks: [{ personId: me.id, attended: true }], markedById: staff, channel: 'teams' });
    const upcoming = await event({ capacity: 2 });
    const mine = await services.signUps.signUp({ eventId: upcoming, personId: me.id, adults: 2 });
    const waiting = await services.signUps.signUp({ eventId: upcoming, personId: await person('Next'), adults: 1 });
    expect(waiting.outcome).toBe('waiting');
    const [slot] = await database.db.appointmentSlot.findMany({ take: 1 });
    const slotId =
      slot?.id ??
      (
        await database.db.appointmentSlot.create({
          data: {
            activityId: (await database.db.activity.findFirstOrThrow({ where: { key: 'oekonomisk-raadgivning' } })).id,
            startsAt: new Date(TEST_NOW.getTime() + 86_400_000),
            endsAt: new Date(TEST_NOW.getTime() + 90_000_000),
            counsellor: 'BRF Kredit',
          },
        })
      ).id;
    await services.appointments.book({ slotId, personId: me.id, topic: 'debt', note: 'inkasso fra Telia' });
    await services.deliveries.log({
      planId,
      activityId: (await database.db.activity.findFirstOrThrow({ where: { planId, key: 'faellesspisning' } })).id,
      date: parseCalendarDate('2025-11-17'),
      participants: 12,
      newParticipants: 3,
      loggedById: staff,
      channel: 'teams',
    });

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

  test('erasure leaves no personal text in any table, sent messages and handover texts included, nor in the SQLite file', async () => {
    const { services, person, database, event } = ctx();
    const who = { channel: 'telegram' as const, externalId: '4242', firstName: 'Zainab', language: 'fa' as const, address: '4242' };
    const me = await services.people.identify(who);
    await services.people.setConsent(me.id, true);
    await services.people.identify(who);
    const staff = await person('Staff', 'staff');
    const { id } = await services.handovers.open({ personId: me.id, channel: 'telegram', language: 'fa', question: 'Spørgsmål om Kvindegruppen Zainab' });
    await services.handovers.answer({ requestId: id, staffId: staff, answer: 'Svar til Zainab om hjemmehjælp' });
    await database.db.outboxMessage.updateMany({ where: { personId: me.id }, data: { status: 'sent', sentAt: TEST_NOW } });
    await services.signUps.signUp({
      eventId: await event({ capacity: 10 }),
      personId: me.id,
      adults: 1,
      dietary: { noPork: false, vegetarian: true, allergies: 'sesam-allergi' },
    });
    await database.db.conversation.create({
      data: { personId: me.id, channel: 'telegram', flow: 'handover', step: 'question', data: JSON.stringify({ note: 'Zainab kladde' }) },
    });

    await services.people.erase(me.id);

    const secrets = ['Zainab', 'Kvindegruppen', 'hjemmehjælp', 'sesam-allergi', '4242'];
    const everything = JSON.stringify(await everyRow(database), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(await database.db.outboxMessage.count({ where: { personId: me.id, status: 'sent' } })).toBe(1);
    if (database.provider === 'sqlite') {
      // secure_delete: the erased text is overwritten in the file, not left in free pages.
      await database.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
      const file = readFileSync(database.where.replace(/^SQLite file /, ''));
      for (const secret of secrets.slice(0, 4)) expect(file.includes(Buffer.from(secret))).toBe(false);
    }
  });
});
