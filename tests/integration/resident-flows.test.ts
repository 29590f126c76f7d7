import { describeEachDatabase, TEST_NOW } from '../support/test-context';
import { Chat, engineFor } from '../support/chat';

const DAY = 86_400_000;

describeEachDatabase('resident conversations', (ctx) => {
  let dinnerId: string;
  let smallDinnerId: string;

  beforeAll(async () => {
    const c = ctx();
    dinnerId = await c.event({ location: 'parkcafeen', capacity: 40, startsAt: new Date(TEST_NOW.getTime() + 2 * DAY) });
    smallDinnerId = await c.event({ location: 'vangdalen', capacity: 2, startsAt: new Date(TEST_NOW.getTime() + 3 * DAY) });
    const activityId = await c.activityId('oekonomisk-raadgivning');
    const start = TEST_NOW.getTime() + 5 * DAY;
    await c.services.appointments.createSlots({
      activityId,
      counsellor: 'BRF Kredit',
      slots: [0, 1, 2].map((h) => ({ startsAt: new Date(start + h * 3_600_000), endsAt: new Date(start + h * 3_600_000 + 2_700_000) })),
    });
  });

  async function consented(opts: { clientLanguage?: string } = {}): Promise<Chat> {
    const chat = new Chat(engineFor(ctx()), opts);
    await chat.start();
    await chat.press(/./); // the first button on the welcome is consent
    return chat;
  }

  test('first contact in Danish: who Nabo is, what it keeps, consent; consent is saved', async () => {
    const chat = new Chat(engineFor(ctx()));
    await chat.start();
    expect(chat.text()).toContain('Nabo');
    expect(chat.text()).toContain('CPR');
    expect(chat.last).toMatchObject({ language: 'da', direction: 'ltr' });
    await chat.press('Ja, det er fint');
    expect(chat.text()).toContain('Hvad vil du gøre?');
    const person = await ctx().database.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: chat.externalId } },
      include: { person: true },
    });
    expect(person.person.consentAt).toEqual(TEST_NOW);
  });

  test('changing language answers at once in the new language, right to left for Arabic', async () => {
    const chat = await consented();
    await chat.press('Sprog');
    await chat.press('العربية');
    expect(chat.last).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(chat.text()).toMatch(/[\u0600-\u06FF]/);
    await chat.say('hej');
    expect(chat.last.language).toBe('ar');
  });

  test('first contact from an Arabic client answers in Arabic, right to left', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'ar' });
    await chat.start();
    expect(chat.last).toMatchObject({ language: 'ar', direction: 'rtl' });
    expect(chat.text()).toMatch(/[\u0600-\u06FF]/);
  });

  test('a Danish resident signs up for a dinner with 2 adults and 1 child through buttons', async () => {
    const chat = await consented();
    await chat.press('Tilmeld fællesspisning');
    await chat.press(/ParkCafeen/);
    await chat.press('2');
    await chat.press('1');
    await chat.press('Uden svinekød');
    expect(chat.text()).toContain('Voksne: 2, børn: 1');
    await chat.press('Ja, tilmeld');
    expect(chat.text()).toContain('Du er tilmeldt');
    expect(chat.files()).toEqual([]);
    const rows = await ctx().database.db.signUp.findMany({ where: { eventId: dinnerId, person: { identities: { some: { externalId: chat.externalId } } } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ adults: 2, children: 1, status: 'confirmed' });
    // The calendar file comes with one tap on the button under the confirmation.
    await chat.press('Læg det i din kalender');
    expect(chat.files()[0]).toMatchObject({ fileName: 'nabo.ics', mimeType: 'text/calendar' });
    expect(chat.files()[0]?.content).toContain('BEGIN:VEVENT');
    expect(chat.files()[0]?.content).toContain(`UID:${rows[0]?.id}@nabo`);
    // Someone else's booking behind a forged button gives no file, only the old-button answer.
    const other = await consented();
    await other.send({ kind: 'action', action: `bookings.calendar|s_${rows[0]?.id}` });
    expect(other.files()).toEqual([]);
    expect(other.text()).toContain('Den knap virker ikke længere');
    expect(JSON.parse(rows[0]?.dietary ?? '{}')).toEqual({ noPork: true, vegetarian: false });
    // Asking again shows the existing sign-up instead of a second one.
    await chat.press('Tilmeld fællesspisning');
    await chat.press(/ParkCafeen/);
    expect(chat.text()).toContain('allerede tilmeldt');
  });

  test('an Arabic resident signs up in free text and gets an Arabic confirmation', async () => {
    const chat = await consented({ clientLanguage: 'ar' });
    await chat.say('أريد التسجيل في العشاء الجماعي لشخصين بالغين وطفل');
    // Whatever was understood, the remaining questions are answered with buttons.
    for (let i = 0; i < 6 && !chat.buttons().some((b) => b.action === 'signup.confirm'); i++) {
      const next = chat.buttons().find((b) => /^signup\.(party|adults|children|diet)/.test(b.action));
      if (!next) break;
      await chat.send({ kind: 'action', action: next.action.startsWith('signup.party') ? `signup.party|${dinnerId}` : next.action });
    }
    await chat.send({ kind: 'action', action: 'signup.confirm' });
    expect(chat.last.direction).toBe('rtl');
    const row = await ctx().database.db.signUp.findFirstOrThrow({
      where: { eventId: dinnerId, person: { identities: { some: { externalId: chat.externalId } } } },
    });
    expect(row.status).toBe('confirmed');
    expect(chat.buttons()[0]).toEqual({ label: 'أضِفه إلى تقويمك', action: `bookings.calendar|s_${row.id}` });
    await chat.press('أضِفه إلى تقويمك');
    expect(chat.files()).toHaveLength(1);
    expect(chat.last.direction).toBe('rtl');
  });

  test('a full dinner offers the waiting list', async () => {
    const first = await consented();
    await first.send({ kind: 'action', action: `signup.party|${smallDinnerId}` });
    await first.press('2');
    await first.press('0');
    await first.press('Ingen særlige');
    await first.press('Ja, tilmeld');
    const second = await consented();
    await second.send({ kind: 'action', action: `signup.party|${smallDinnerId}` });
    await second.press('1');
    await second.press('0');
    await second.press('Ingen særlige');
    expect(second.text()).toContain('ventelisten');
    await second.press('venteliste');
    expect(second.text()).toContain('nummer 1');
    const waiting = await ctx().database.db.signUp.findMany({ where: { eventId: smallDinnerId, status: 'waiting' } });
    expect(waiting).toHaveLength(1);
  });

  test('book økonomisk rådgivning, see it under my bookings and cancel it with one tap', async () => {
    const chat = await consented();
    await chat.press('Book økonomisk rådgivning');
    await chat.press(/BRF Kredit/);
    await chat.press('Gæld');
    await chat.say('Jeg har en rykker fra boligselskabet');
    expect(chat.text()).toContain('mellem jer');
    await chat.press('Ja, book tiden');
    expect(chat.text()).toContain('Din tid er booket');
    await chat.press('Læg det i din kalender');
    expect(chat.files()[0]?.content).toContain('Økonomisk rådgivning');
    const booked = await ctx().database.db.appointment.findFirstOrThrow({ where: { person: { identities: { some: { externalId: chat.externalId } } } } });
    expect(booked).toMatchObject({ topic: 'debt', note: 'Jeg har en rykker fra boligselskabet', status: 'booked' });
    await chat.press('Mine tilmeldinger');
    expect(chat.text()).toContain('Økonomisk rådgivning');
    await chat.press('Afmeld: Økonomisk rådgivning');
    expect(chat.text()).toContain('Du er afmeldt');
    expect((await ctx().database.db.appointment.findUniqueOrThrow({ where: { id: booked.id } })).status).toBe('cancelled');
  });

  test('set my area by typing an address', async () => {
    const chat = await consented();
    await chat.press('Mit område');
    await chat.say('Husarvej 12B');
    expect(chat.text()).toContain('Gl. Jennumparken');
    const identity = await ctx().database.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: chat.externalId } },
      include: { person: { include: { housingArea: true } } },
    });
    expect(identity.person.housingArea?.key).toBe('gl-jennumparken');
  });

  test('talk to a person: the question becomes an open handover request', async () => {
    const chat = await consented();
    await chat.press('Tal med en person');
    await chat.say('Hvornår åbner vaskeriet igen?');
    expect(chat.text()).toContain('medarbejder svarer');
    const open = await ctx().services.handovers.openRequests();
    expect(open.some((r) => r.question === 'Hvornår åbner vaskeriet igen?' && r.channel === 'telegram')).toBe(true);
  });

  test('my data and deleting it', async () => {
    const chat = await consented();
    await chat.press('Mine data');
    expect(chat.text()).toContain('Fornavn: Amina');
    expect(JSON.parse(chat.files()[0]?.content ?? '{}')).toMatchObject({ person: { firstName: 'Amina' } });
    await chat.press('Slet mine data');
    await chat.press('Ja, slet alt');
    expect(chat.text()).toContain('slettet');
    expect(await ctx().database.db.channelIdentity.count({ where: { externalId: chat.externalId } })).toBe(0);
  });

  test('at "delete all your data?" a typed "nej" keeps everything, "måske" is asked again, a typed "ja" erases', async () => {
    const chat = await consented();
    const identities = () => ctx().database.db.channelIdentity.count({ where: { externalId: chat.externalId } });
    await chat.say('slet mine data');
    expect(chat.text()).toContain('Vil du slette alle dine data?');
    await chat.say('nej');
    expect(chat.text()).toContain('jeg har ikke slettet noget');
    expect(await identities()).toBe(1);
    await chat.say('slet mine data');
    await chat.press('Nej, behold');
    expect(chat.text()).toContain('jeg har ikke slettet noget');
    await chat.say('slet mine data');
    await chat.say('måske');
    expect(chat.text()).toContain('Svar ja eller nej');
    expect(await identities()).toBe(1);
    await chat.say('ja');
    expect(chat.text()).toContain('Dine data er slettet');
    expect(await identities()).toBe(0);
  });

  test('ar: "لا" at "delete all your data?" keeps everything, in Arabic', async () => {
    const chat = await consented({ clientLanguage: 'ar' });
    await chat.say('احذف كل معلوماتي');
    await chat.say('لا');
    expect(chat.text()).toContain('لم أحذف شيئًا');
    expect(await ctx().database.db.channelIdentity.count({ where: { externalId: chat.externalId } })).toBe(1);
  });

  test('nonsense, empty and over-long messages get a short answer and the menu', async () => {
    const chat = await consented();
    for (const text of ['qwzx blorp', '   ', '🙂🙂🙂', 'a'.repeat(5000)]) {
      await chat.say(text);
      expect(chat.buttons().length).toBeGreaterThan(3);
    }
    expect(chat.text()).toContain('1000');
  });

  test('an old button from another flow is answered, not an error', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: 'signup.children|2' });
    expect(chat.text()).not.toContain('gik galt');
    await chat.send({ kind: 'action', action: 'nonsense' });
    expect(chat.text()).toContain('ældre besked');
  });

  test('the conversation survives a restart: a new engine continues the same flow', async () => {
    const chat = await consented();
    await chat.press('Tilmeld fællesspisning');
    await chat.press(/ParkCafeen/);
    const again = new Chat(engineFor(ctx()), { externalId: chat.externalId });
    await again.say('3');
    expect(again.text()).toContain('Hvor mange børn');
  });
});

describeEachDatabase('deep links', (ctx) => {
  test('a_<activity> opens the activity and its next events; e_<event> opens the event', async () => {
    const c = ctx();
    const eventId = await c.event({ location: 'parkcafeen', startsAt: new Date(TEST_NOW.getTime() + 4 * DAY) });
    const chat = new Chat(engineFor(c));
    await chat.start(`a_${await c.activityId('faellesspisning')}`);
    expect(chat.text()).toContain('Aftensmad med naboerne.');
    expect(chat.buttons().some((b) => b.action === `find.event|${eventId}`)).toBe(true);
    const other = new Chat(engineFor(c));
    await other.start(`e_${eventId}`);
    expect(other.buttons().some((b) => b.action === `signup.party|${eventId}`)).toBe(true);
    const broken = new Chat(engineFor(c));
    await broken.start('e_nonexistent');
    expect(broken.text()).toContain('kan ikke finde');
  });
});
