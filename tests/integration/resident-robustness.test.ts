/**
 * Residents answered the way they write (issue 9): answers typed inside a flow, a way out of every
 * flow, doubt as a question, and the examples seen when Nabo was tried in Danish and Arabic. Each
 * test drives the engine in the language the example came from and checks what the database holds.
 */
import type { Chat as ChatType } from '../support/chat';
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';
import { stripIsolates } from '../../src/i18n/i18n';

const DAY = 86_400_000;
// TEST_NOW is Tuesday 18 November 2025, 12:00 in Copenhagen; 16:30Z is 17:30 there.
const THURSDAY = new Date('2025-11-20T16:30:00Z');
const FRIDAY = new Date('2025-11-21T16:30:00Z');

describeEachDatabase('residents in their own words', (ctx) => {
  let thursdayId: string;
  let fridayId: string;

  beforeAll(async () => {
    const c = ctx();
    thursdayId = await c.event({ location: 'parkcafeen', capacity: 40, startsAt: THURSDAY });
    fridayId = await c.event({ location: 'vangdalen', capacity: 40, startsAt: FRIDAY });
    const activityId = await c.activityId('oekonomisk-raadgivning');
    const start = TEST_NOW.getTime() + 6 * DAY;
    await c.services.appointments.createSlots({
      activityId,
      counsellor: 'BRF Kredit',
      slots: [0, 1, 2, 3].map((h) => ({ startsAt: new Date(start + h * 3_600_000), endsAt: new Date(start + h * 3_600_000 + 2_700_000) })),
    });
  });

  async function consented(clientLanguage?: string): Promise<ChatType> {
    const chat = new Chat(engineFor(ctx()), { clientLanguage });
    await chat.start();
    await chat.press(/./); // the first button on the welcome is consent
    return chat;
  }

  const db = () => ctx().database.db;
  // The events a what's-on answer offers, by their buttons.
  const eventsShown = (chat: ChatType): string[] =>
    chat
      .buttons()
      .filter((b) => b.action.startsWith('find.event|'))
      .map((b) => b.action.slice('find.event|'.length));
  const personOf = async (chat: ChatType) =>
    (
      await db().channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'telegram', externalId: chat.externalId } },
        include: { person: { include: { housingArea: true } } },
      })
    ).person;
  const signUpsOf = async (chat: ChatType) => db().signUp.findMany({ where: { person: { identities: { some: { externalId: chat.externalId } } } } });
  // The places a test took on the shared dinners are given back, so later tests find the dinners as they were.
  const giveBack = async (...chats: ChatType[]) =>
    db().signUp.deleteMany({ where: { person: { identities: { some: { externalId: { in: chats.map((c) => c.externalId) } } } } } });
  const stateOf = async (chat: ChatType) => db().conversation.findFirst({ where: { person: { identities: { some: { externalId: chat.externalId } } } } });

  test('da: "nej vent, kun et barn" at the food question changes the party and asks about the food again; the sign-up holds 1 child', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('to voksne og tre børn');
    expect(chat.text()).toContain('særlige ønsker');
    await chat.say('nej vent, kun et barn');
    expect(chat.text()).toContain('Det er rettet. Voksne: 2, børn: 1.');
    expect(chat.text()).toContain('Har I særlige ønsker til maden?');
    await chat.say('vegetar');
    expect(chat.text()).toContain('Voksne: 2, børn: 1');
    await chat.say('ja');
    expect(await signUpsOf(chat)).toEqual([
      expect.objectContaining({ eventId: thursdayId, adults: 2, children: 1, dietary: JSON.stringify({ noPork: false, vegetarian: true }) }),
    ]);
  });

  test('ar: "عادي" (ordinary food) at the food question asks for nothing special and goes on to the summary', async () => {
    const chat = await consented('ar');
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('اثنين كبار وولدين');
    await chat.say('عادي');
    expect(chat.text()).toContain('هل أسجّلكم؟');
    await chat.say('نعم');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ adults: 2, children: 2, dietary: JSON.stringify({ noPork: false, vegetarian: false }) })]);
  });

  test('ar: a button\'s label typed out ("لا شيء خاص", "نعم، سجّلني") presses that button', async () => {
    const chat = await consented('ar');
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('اثنين كبار وولدين');
    const none = chat.buttons().find((b) => b.action.includes('diet') && stripIsolates(b.label) === 'لا شيء خاص');
    expect(none).toBeDefined();
    await chat.say('لا شيء خاص.');
    expect(chat.text()).toContain('هل أسجّلكم؟');
    const yes = chat.buttons()[0];
    await chat.say(stripIsolates(yes?.label ?? ''));
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ adults: 2, children: 2, dietary: JSON.stringify({ noPork: false, vegetarian: false }) })]);
  });

  test('da: "intet særligt" answers the food question; "nej hellere fredag" at the summary changes the dinner, keeping the party; "nej, ikke torsdag" stays a no', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('2 voksne og 1 barn');
    await chat.say('intet særligt');
    expect(chat.text()).toContain('Skal jeg tilmelde jer?');
    await chat.say('nej hellere fredag');
    // The one Friday dinner is taken as the new choice, with the party as it was.
    expect(chat.text()).toContain('fredag 21. november');
    expect(chat.text()).toContain('Voksne: 2, børn: 1');
    await chat.say('ja');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: fridayId, adults: 2, children: 1 })]);

    const other = await consented();
    await other.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await other.say('1 voksen');
    await other.say('ingen børn');
    await other.say('ingen');
    expect(other.text()).toContain('Voksne: 1, børn: 0');
    await other.say('nej, ikke torsdag');
    expect(other.text()).toContain('Okay, jeg har ikke tilmeldt dig.');
    expect(await signUpsOf(other)).toEqual([]);
  });

  test('da: "1 voksen ingen børn" at the adults question answers both; the children question is not asked again', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('1 voksen ingen børn');
    expect(chat.text()).not.toContain('Hvor mange børn');
    await chat.say('intet særligt');
    expect(chat.text()).toContain('Voksne: 1, børn: 0');
    await chat.say('ja');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 1, children: 0 })]);
    await giveBack(chat);
  });

  test('da: "nej" to how many children is none; an allergy named at the food question is taken as it is written; a request typed at the allergy question is not saved as the allergy', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('2 voksne');
    await chat.say('nej');
    expect(chat.text()).toContain('særlige ønsker til maden');
    await chat.say('en af dem er allergisk overfor noedder');
    expect(chat.text()).toContain('Voksne: 2, børn: 0');
    expect(chat.text()).toContain('en af dem er allergisk overfor noedder');
    await chat.say('ja');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ adults: 2, children: 0, dietary: expect.stringContaining('allergisk overfor noedder') })]);

    const other = await consented();
    await other.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await other.say('1 voksen');
    await other.say('0');
    await other.say('allergi');
    await other.say('hvad er jeg tilmeldt');
    expect(other.text()).toContain('Skriv hvilken allergi');
    await other.say('sesam');
    expect(other.text()).toContain('sesam');
    expect(other.text()).not.toContain('hvad er jeg tilmeldt');
    await other.say('ja');
    expect(await signUpsOf(other)).toEqual([expect.objectContaining({ adults: 1, children: 0, dietary: expect.stringContaining('sesam') })]);
    expect((await signUpsOf(other))[0]?.dietary).not.toContain('tilmeldt');
    await giveBack(chat, other);
  });

  test('ar: "انا ومرتي و٣ ولاد" at the adults question is two adults and three children; "عندهم حساسية من المكسرات" is the allergy', async () => {
    const chat = await consented('ar');
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('انا ومرتي و٣ ولاد');
    await chat.say('عندهم حساسية من المكسرات');
    expect(chat.text()).toContain('هل أسجّلكم؟');
    await chat.say('تمام');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ adults: 2, children: 3, dietary: expect.stringContaining('المكسرات') })]);
    await giveBack(chat);
  });

  test('ar, da: a change of mind about the day at the count questions ("لا لا خليها الجمعة", "nej vent, fredag i stedet") moves to that day, keeping the party', async () => {
    const ar = await consented('ar');
    await ar.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await ar.say('لا لا خليها الجمعة');
    expect(ar.text()).not.toContain('لم أسجّلك');
    await ar.say('شخصين');
    await ar.say('ولا طفل');
    await ar.say('عادي');
    await ar.say('نعم');
    expect(await signUpsOf(ar)).toEqual([expect.objectContaining({ eventId: fridayId, adults: 2, children: 0 })]);

    const da = await consented();
    await da.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await da.say('2 voksne');
    await da.say('nej vent, fredag i stedet');
    expect(da.text()).toContain('Hvor mange børn');
    await da.say('ingen');
    await da.say('ingen');
    await da.say('ja');
    expect(await signUpsOf(da)).toEqual([expect.objectContaining({ eventId: fridayId, adults: 2, children: 0 })]);
    await giveBack(ar, da);
  });

  test.each<[string, string]>([
    ['tr', 'domuz eti yemiyoruz'],
    ['ar', 'ما بناكل لحم خنزير'],
    ['so', 'hilib doofaar la aan'],
    ['uk', 'не їмо свинину'],
    ['fa', 'گوشت خوک نمیخوریم'],
    ['ckb', 'گۆشتی بەراز ناخۆین'],
    ['da', 'vi spiser ikke svin'],
  ])('%s: "%s" at the food question asks for no pork', async (language, words) => {
    const chat = await consented(language);
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.send({ kind: 'action', action: 'signup.adults|2' });
    await chat.send({ kind: 'action', action: 'signup.children|0' });
    await chat.say(words);
    const yes = chat.buttons().find((b) => b.action.startsWith('signup.confirm'));
    expect(yes).toBeDefined();
    await chat.send({ kind: 'action', action: yes?.action ?? '' });
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ adults: 2, children: 0, dietary: JSON.stringify({ noPork: true, vegetarian: false }) })]);
    await giveBack(chat);
  });

  test('da: "3 voksne" and "ingen børn" answer the count questions; the sign-up holds 3 adults and 0 children', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    expect(chat.text()).toContain('Hvor mange voksne');
    await chat.say('3 voksne');
    expect(chat.text()).toContain('Hvor mange børn');
    await chat.say('ingen børn');
    expect(chat.text()).toContain('særlige ønsker');
    await chat.press('Ingen særlige');
    expect(chat.text()).toContain('Voksne: 3, børn: 0');
    await chat.say('ja');
    expect(chat.text()).toContain('Du er tilmeldt');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 3, children: 0, status: 'confirmed' })]);
  });

  test('da: number words ("vi er to"), and a typed 1 at the children buttons is one child', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${fridayId}` });
    await chat.say('vi er to');
    await chat.say('1');
    await chat.send({ kind: 'action', action: 'signup.diet|halal' });
    expect(chat.text()).toContain('Voksne: 2, børn: 1');
    await chat.press('Ja, tilmeld');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: fridayId, adults: 2, children: 1 })]);
  });

  test('da: "-3" and "20" are asked again with the allowed range; nothing is saved until a good answer', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('-3');
    expect(chat.text()).toContain('kan ikke være negativt');
    expect(chat.text()).toContain('Hvor mange voksne');
    await chat.say('20');
    expect(chat.text()).toContain('fra 1 til 10');
    await chat.say('-1');
    expect(chat.text()).toContain('negativt');
    expect(await signUpsOf(chat)).toHaveLength(0);
    await chat.say('4');
    expect(chat.text()).toContain('Hvor mange børn');
  });

  test('ar: "العشاء المشترك يوم الخميس" finds Thursday\'s dinner; "شخصان", "طفل واحد" and "نعم" complete the sign-up', async () => {
    const chat = await consented('ar');
    await chat.say('أريد التسجيل في العشاء المشترك يوم الخميس');
    expect(chat.last.direction).toBe('rtl');
    expect(chat.text()).toContain('كم شخصًا بالغًا');
    await chat.say('شخصان');
    expect(chat.text()).toContain('كم طفلًا');
    await chat.say('طفل واحد');
    await chat.send({ kind: 'action', action: 'signup.diet|halal' });
    await chat.say('نعم');
    // Confirmed: the confirmation offers its calendar file first under it.
    expect(chat.buttons()[0]?.action).toMatch(/^bookings\.calendar\|s_/);
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 2, children: 1, status: 'confirmed' })]);
  });

  test('ar: Arabic-Indic digits and "ثلاثة أطفال" at the count questions', async () => {
    const chat = await consented('ar');
    await chat.send({ kind: 'action', action: `signup.party|${fridayId}` });
    await chat.say('٢');
    await chat.say('ثلاثة أطفال');
    await chat.press('لا شيء خاص');
    await chat.press('نعم، سجّلنا');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: fridayId, adults: 2, children: 3 })]);
  });

  test('every screen calls the dinner العشاء الجماعي, and both Arabic names are understood', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'ar' });
    await chat.start();
    expect(chat.text()).not.toContain('العشاء المشترك');
    await chat.press(/./);
    expect(chat.buttons().map((b) => b.label)).toContain('التسجيل في العشاء الجماعي');
    await chat.say('متى العشاء الجماعي');
    expect(chat.text()).toContain('العشاء الجماعي');
    expect(chat.buttons().some((b) => b.action === `find.event|${thursdayId}`)).toBe(true);
  });

  test('da: "annuller" at the question to staff ends it; nothing is sent', async () => {
    const chat = await consented();
    await chat.press('Tal med en person');
    await chat.say('annuller');
    expect(chat.text()).toContain('Intet af det, du var i gang med, er gemt eller sendt');
    expect(await db().handoverRequest.count({ where: { person: { identities: { some: { externalId: chat.externalId } } } } })).toBe(0);
    expect((await stateOf(chat))?.flow ?? null).toBeNull();
  });

  test('ar: "إلغاء" in the middle of a sign-up leaves nothing saved; "glem det" does the same in Danish', async () => {
    const chat = await consented('ar');
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('2');
    await chat.say('إلغاء');
    expect(chat.text()).toContain('توقفت');
    const dane = await consented();
    await dane.press('Book økonomisk rådgivning');
    await dane.press(/BRF Kredit/);
    await dane.press('Gæld');
    await dane.say('glem det');
    expect(dane.text()).toContain('stoppet');
    expect(await signUpsOf(chat)).toHaveLength(0);
    expect(await db().appointment.count({ where: { person: { identities: { some: { externalId: dane.externalId } } } } })).toBe(0);
  });

  test('da: "tale med en om min økonomi" offers counselling times, not a request to staff', async () => {
    const chat = await consented();
    await chat.say('tale med en om min økonomi');
    expect(chat.buttons().some((b) => b.action.startsWith('counsel.slot|'))).toBe(true);
    expect(await db().handoverRequest.count({ where: { person: { identities: { some: { externalId: chat.externalId } } } } })).toBe(0);
  });

  test('da and ar: "flyt min tid" and "أريد تغيير موعدي" move the booked appointment', async () => {
    for (const [language, words] of [
      ['da', 'flyt min tid'],
      ['ar', 'أريد تغيير موعدي'],
    ] as const) {
      const chat = await consented(language);
      await chat.press(language === 'da' ? 'Book økonomisk rådgivning' : /استشارة/);
      await chat.send({ kind: 'action', action: chat.buttons().find((b) => b.action.startsWith('counsel.slot|'))?.action ?? '' });
      await chat.send({ kind: 'action', action: 'counsel.topic|budget' });
      await chat.send({ kind: 'action', action: 'counsel.note' });
      await chat.send({ kind: 'action', action: 'counsel.confirm' });
      const booked = await db().appointment.findFirstOrThrow({
        where: { status: 'booked', person: { identities: { some: { externalId: chat.externalId } } } },
      });
      await chat.say(words);
      const moveTo = chat.buttons().find((b) => b.action.startsWith('counsel.moveto|'));
      expect(moveTo).toBeDefined();
      await chat.send({ kind: 'action', action: moveTo?.action ?? '' });
      const after = await db().appointment.findMany({ where: { status: 'booked', person: { identities: { some: { externalId: chat.externalId } } } } });
      expect(after).toHaveLength(1);
      expect(after[0]?.slotId).not.toBe(booked.slotId);
    }
  });

  test('da, ar, en: a time typed at the list of counselling times takes it and says so, a day shows its times, a move offers the time as a button, a time not free says so', async () => {
    const activityId = await ctx().activityId('oekonomisk-raadgivning');
    // Wednesday 26 and Thursday 27 November 2025; 09:00Z is 10:00 in Copenhagen.
    const at = (day: number, h: number, m: number) => ({
      startsAt: new Date(Date.UTC(2025, 10, day, h, m)),
      endsAt: new Date(Date.UTC(2025, 10, day, h, m + 25)),
    });
    await ctx().services.appointments.createSlots({
      activityId,
      counsellor: 'Kirsten',
      slots: [at(26, 9, 0), at(26, 9, 30), at(27, 9, 0), at(27, 10, 0), at(28, 8, 0), at(28, 12, 0)],
    });
    const bookedSlot = async (chat: ChatType) =>
      (
        await db().appointment.findFirst({
          where: { status: 'booked', person: { identities: { some: { externalId: chat.externalId } } } },
          include: { slot: true },
        })
      )?.slot.startsAt;

    const da = await consented();
    await da.press('Book økonomisk rådgivning');
    await da.say('kan jeg komme onsdag i næste uge kl 10.30');
    expect(da.text()).toContain('Du har valgt onsdag 26. november kl. 10.30.');
    await da.press('Budget');
    await da.press('Nej, spring over');
    await da.press('Ja, book tiden');
    expect(await bookedSlot(da)).toEqual(new Date('2025-11-26T09:30:00Z'));
    // Moving in words offers the time that fits as a button; the move happens at the press.
    await da.say('flyt min tid til 27/11 kl 11');
    expect(da.text()).toContain('Disse tider passer:');
    const moveTo = da.buttons().filter((b) => b.action.startsWith('counsel.moveto|'));
    expect(moveTo).toHaveLength(1);
    expect(await bookedSlot(da)).toEqual(new Date('2025-11-26T09:30:00Z'));
    await da.send({ kind: 'action', action: moveTo[0]?.action ?? '' });
    expect(await bookedSlot(da)).toEqual(new Date('2025-11-27T10:00:00Z'));

    const ar = await consented('ar');
    await ar.press(/استشارة/);
    await ar.say('يوم ٢٦/١١ الساعة ١٠');
    expect(ar.text()).toContain('اخترت');
    await ar.send({ kind: 'action', action: 'counsel.topic|debt' });
    await ar.send({ kind: 'action', action: 'counsel.note' });
    await ar.send({ kind: 'action', action: 'counsel.confirm' });
    expect(await bookedSlot(ar)).toEqual(new Date('2025-11-26T09:00:00Z'));

    const en = await consented('en');
    await en.send({ kind: 'action', action: 'counsel.pick' });
    await en.say('26/11 at 10');
    expect(en.text()).toContain("That time isn't free.");
    // Thursday's 11:00 was taken by the move above: the one time left that day is taken, and nothing is booked before the yes.
    await en.say('thursday next week');
    expect(en.text()).toContain('You chose Thursday 27 November at 10:00.');
    // A day with two free times shows those two.
    const en2 = await consented('en');
    await en2.send({ kind: 'action', action: 'counsel.pick' });
    await en2.say('friday next week');
    expect(en2.text()).toContain('These times fit:');
    expect(en2.buttons().filter((b) => b.action.startsWith('counsel.slot|'))).toHaveLength(2);
    expect(await bookedSlot(en)).toBeUndefined();
    // A part of the day narrows like a time: Friday's afternoon time (13:00 in Copenhagen) is the one; an evening has none.
    await en2.say('friday next week in the afternoon');
    expect(en2.text()).toContain('You chose Friday 28 November at 13:00.');
    const ar2 = await consented('ar');
    await ar2.send({ kind: 'action', action: 'counsel.pick' });
    await ar2.say('يوم ٢٨/١١ الصبح');
    expect(ar2.text()).toContain('اخترت');
    const da2 = await consented();
    await da2.press('Book økonomisk rådgivning');
    await da2.say('har I noget om aftenen');
    expect(da2.text()).toContain('Den tid er ikke ledig. Her er de ledige tider:');
    // "God aften" greets; it narrows nothing: Wednesday's one free time (10.30, let go by the move above) is taken.
    await da2.say('god aften, onsdag i næste uge');
    expect(da2.text()).toContain('Du har valgt onsdag 26. november kl. 10.30.');
    expect(await bookedSlot(en2)).toBeUndefined();
    // A booking asked for with a day shows that day's free times; a day with none is named as having none.
    const da3 = await consented();
    await da3.say('kan jeg få en tid hos rådgiveren fredag i næste uge');
    const friday = da3.buttons().filter((b) => b.action.startsWith('counsel.slot|'));
    expect(friday.length).toBeGreaterThan(0);
    expect(friday.every((b) => b.label.includes('28.11'))).toBe(true);
    const ar3 = await consented('ar');
    await ar3.say('بدي موعد مع المستشار المالي يوم الاحد');
    expect(ar3.text()).toContain('لا توجد مواعيد متاحة يوم الأحد');
    expect(ar3.buttons().some((b) => b.action.startsWith('counsel.slot|'))).toBe(true);
    expect(await bookedSlot(ar3)).toBeUndefined();
  });

  test('da: "jeg kan ikke komme til min tid hos rådgiveren" offers to cancel the appointment, never a new booking', async () => {
    const chat = await consented();
    await chat.press('Book økonomisk rådgivning');
    await chat.press(/BRF Kredit/);
    await chat.press('Budget');
    await chat.press('Nej, spring over');
    await chat.press('Ja, book tiden');
    await chat.say('jeg kan ikke komme til min tid hos rådgiveren');
    expect(chat.buttons().some((b) => b.action.startsWith('counsel.slot|'))).toBe(false);
    // The one appointment is shown and asked about, with moving it as the other way.
    expect(chat.text()).toContain('Skal jeg afmelde det?');
    expect(chat.buttons().map((b) => b.label)).toEqual(['Ja, afmeld', 'Flyt rådgivningstid', 'Nej, behold']);
    await chat.press('Ja, afmeld');
    const rows = await db().appointment.findMany({ where: { person: { identities: { some: { externalId: chat.externalId } } } } });
    expect(rows.map((r) => r.status)).toEqual(['cancelled']);
  });

  test('da: "stop" turns reminders off (planned ones withdrawn, none planned after) and "start" turns them on', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${fridayId}` });
    await chat.say('1');
    await chat.say('0');
    await chat.press('Ingen særlige');
    await chat.press('Ja, tilmeld');
    const person = await personOf(chat);
    expect(await db().outboxMessage.count({ where: { personId: person.id, kind: 'reminder', status: 'pending' } })).toBe(1);
    await chat.say('stop');
    expect(chat.text()).toContain('ikke flere påmindelser');
    expect((await personOf(chat)).remindersOffAt).toEqual(TEST_NOW);
    expect(await db().outboxMessage.count({ where: { personId: person.id, kind: 'reminder', status: 'pending' } })).toBe(0);
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('1');
    await chat.say('0');
    await chat.press('Ingen særlige');
    await chat.press('Ja, tilmeld');
    expect(await db().outboxMessage.count({ where: { personId: person.id, kind: 'reminder', status: 'pending' } })).toBe(0);
    await chat.say('start');
    expect(chat.text()).toContain('igen påmindelser');
    expect((await personOf(chat)).remindersOffAt).toBeNull();
  });

  test('da: "tilmeld fællesspisning i går" is answered as past, with the next ones a tap away; nothing is booked', async () => {
    const chat = await consented();
    await chat.say('tilmeld fællesspisning i går');
    expect(chat.text()).toContain('Det var i går – vil du se de næste?');
    expect(await signUpsOf(chat)).toHaveLength(0);
    await chat.press('Vis de næste');
    expect(chat.buttons().some((b) => b.action === `signup.party|${thursdayId}`)).toBe(true);
  });

  test('da: a dinner asked for on a day without one is answered so, with the next ones listed and the party kept', async () => {
    const chat = await consented();
    await chat.say('meld os til fællesspisning i morgen vi er tre voksne');
    expect(chat.text()).toMatch(/Der er ingen fællesspisning onsdag (den )?19\. november\. Her er de næste:/);
    expect(chat.text()).not.toContain('de næste uger');
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    // "tre voksne" said without children: the party is three adults, so the next question is the food.
    expect(chat.text()).toContain('særlige ønsker');
    await chat.press('Ingen særlige');
    expect(chat.text()).toContain('Voksne: 3, børn: 0');
    await chat.press('Ja, tilmeld');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 3, children: 0, status: 'confirmed' })]);
  });

  test('ar: "بدي سجل بالعشا بكرة" on a day without a dinner lists the next ones instead of saying there are none', async () => {
    const chat = await consented('ar');
    await chat.say('بدي سجل بالعشا بكرة');
    expect(chat.text()).toContain('لا يوجد عشاء جماعي يوم');
    expect(chat.buttons().some((b) => b.action === `signup.party|${thursdayId}`)).toBe(true);
    expect(await signUpsOf(chat)).toHaveLength(0);
  });

  test('da: "Husavej 12" gets the suggestion Husarvej 12; "Vangdalsparken" is an area', async () => {
    const chat = await consented();
    await chat.press('Mit område');
    await chat.say('Husavej 12');
    expect(chat.text()).toContain('Mente du Husarvej 12?');
    expect((await personOf(chat)).housingAreaId).toBeNull();
    await chat.press('Ja, Husarvej 12');
    expect((await personOf(chat)).housingArea?.key).toBe('gl-jennumparken');
    await chat.press('Mit område');
    await chat.say('Vangdalsparken');
    expect((await personOf(chat)).housingArea?.key).toBe('vangdalsparken');
  });

  test('da: with an area set, "hvad sker der i denne uge?" shows that area first and still shows the rest', async () => {
    const chat = await consented();
    await chat.say('jeg bor på Rørhaven 7');
    expect((await personOf(chat)).housingArea?.key).toBe('vangdalsparken');
    await chat.say('hvad sker der i denne uge?');
    const events = eventsShown(chat);
    expect(events).toContain(thursdayId);
    expect(events.indexOf(fridayId)).toBe(0);
  });

  test('da: "har i noget for små børn, min datter er 1 år" finds the mothers\' group three weeks ahead; the daughter is no activity', async () => {
    const groupId = await ctx().event({ activity: 'moedregrupper', startsAt: new Date(TEST_NOW.getTime() + 21 * DAY) });
    const chat = await consented();
    await chat.say('har i noget for små børn, min datter er 1 år');
    const events = eventsShown(chat);
    expect(events).toContain(groupId);
    expect(chat.text()).not.toContain('Jeg fandt ingen aktiviteter');
  });

  test('da: a request made before consent goes on after "Ja"; "Er det i orden?" is asked once', async () => {
    const chat = new Chat(engineFor(ctx()));
    await chat.say('tilmeld fællesspisning på torsdag');
    expect(chat.text().match(/Er det i orden\?/g)).toHaveLength(1);
    await chat.press('Ja, det er fint');
    expect((await personOf(chat)).consentAt).toEqual(TEST_NOW);
    expect(chat.text()).toContain('Hvor mange voksne');
    await chat.say('2');
    await chat.say('0');
    await chat.press('Ingen særlige');
    await chat.press('Ja, tilmeld');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 2, children: 0 })]);
  });

  test('ar: the request waits while the privacy notice is read, and goes on after the yes', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'ar' });
    await chat.say('بدي سجل بالعشا يوم الخميس');
    await chat.send({ kind: 'action', action: 'welcome.privacy' });
    await chat.send({ kind: 'action', action: 'welcome.consent' });
    expect(chat.text()).toContain('كم شخصًا بالغًا');
    expect((await personOf(chat)).consentAt).toEqual(TEST_NOW);
  });

  test('da: "tilmeld mig og min mand til fællesspisning torsdag" names the whole party: no count is asked, two adults are stored', async () => {
    const chat = await consented();
    await chat.say('tilmeld mig og min mand til fællesspisning torsdag');
    expect(chat.text()).not.toContain('Hvor mange');
    expect(chat.text()).toContain('særlige ønsker til maden');
    await chat.press('Ingen særlige');
    expect(chat.text()).toContain('Voksne: 2, børn: 0');
    await chat.press('Ja, tilmeld');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 2, children: 0, status: 'confirmed' })]);
  });

  test('ar: "انا ومرتي وولدين" (me, my wife and two boys) is the whole party: straight to the food question, 2 adults and 2 children stored', async () => {
    const chat = await consented('ar');
    await chat.say('بدي سجل عالعشا الخميس انا ومرتي وولدين');
    expect(chat.text()).toContain('هل لديكم طلبات خاصة بخصوص الطعام؟');
    await chat.say('لا');
    expect(chat.text()).toContain('البالغون: 2');
    await chat.say('نعم');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 2, children: 2, status: 'confirmed' })]);
  });

  test('da: "har jeg nogen tider" (read as staff adding times) asks whether the resident means their bookings, instead of refusing', async () => {
    const chat = await consented();
    await chat.say('har jeg nogen tider');
    expect(chat.text()).not.toContain('Det kan jeg ikke hjælpe dig med her');
    await chat.press('Mine tilmeldinger');
    expect(chat.text()).toContain('Du har ingen kommende tilmeldinger eller aftaler');
  });

  test('first contact never says "Hej igen"', async () => {
    const staff = new Chat(engineFor(ctx()), { role: 'staff', firstName: 'Mette' });
    await staff.start();
    expect(staff.text()).not.toContain('Hej igen');
    expect(staff.text()).toContain('Hej Mette');
    const resident = new Chat(engineFor(ctx()));
    await resident.start();
    expect(resident.text()).not.toContain('Hej igen');
  });

  test('da: a resident\'s "fællespisning torsdag 2 voksne" (a count for a weekday, no past word) goes straight to the sign-up; nothing is written until the yes', async () => {
    const chat = await consented();
    await chat.say('fællespisning torsdag 2 voksne');
    // The details of the message are kept: next Thursday (not the last one) and 2 adults; no staff log, no "did you mean".
    expect(chat.text()).toContain('torsdag 20. november');
    expect(chat.text()).not.toContain('Mente du');
    expect(await signUpsOf(chat)).toHaveLength(0);
    expect(await db().delivery.count()).toBe(0);
    await chat.press('Ingen særlige');
    expect(chat.text()).toContain('Voksne: 2, børn: 0');
    expect(await signUpsOf(chat)).toHaveLength(0);
    await chat.press('Ja, tilmeld');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 2, children: 0 })]);
  });

  describe('a message in another alphabet than the conversation language', () => {
    test('ar in a Danish conversation: "أريد التسجيل في العشاء المشترك يوم الخميس" switches to Arabic, says so and goes on to book Thursday', async () => {
      const chat = await consented('da');
      await chat.say('أريد التسجيل في العشاء المشترك يوم الخميس');
      expect(chat.last.language).toBe('ar');
      expect(chat.last.direction).toBe('rtl');
      expect(chat.text()).toContain('سأكتب لك الآن باللغة العربية');
      expect((await personOf(chat)).language).toBe('ar');
      // The sign-up goes on in Arabic: the adults question, with the Thursday dinner chosen.
      expect(chat.buttons().some((b) => b.action.startsWith('signup.adults|'))).toBe(true);
      expect((await stateOf(chat))?.data).toContain(thursdayId);
      await giveBack(chat);
    });

    test('fa and ckb in a Danish conversation are read as Dari and Sorani; uk in a Danish conversation as Ukrainian', async () => {
      const cases: [string, string][] = [
        ['fa', 'میخواهم برای شام جمعی ثبت نام کنم'],
        ['ckb', 'دەمەوێت ناوم بنووسم بۆ شێوی بەکۆمەڵ'],
        ['uk', 'що відбувається цього тижня'],
      ];
      for (const [language, message] of cases) {
        const chat = await consented('da');
        await chat.say(message);
        expect(`${message} → ${chat.last.language}`).toBe(`${message} → ${language}`);
        expect((await personOf(chat)).language).toBe(language);
      }
    });

    test('what Danish reads is not taken for another language, and a bare word in Arabic letters that means nothing changes nothing', async () => {
      const danish = await consented('da');
      await danish.say('hvad sker der i denne uge');
      expect(danish.last.language).toBe('da');
      const mumble = await consented('da');
      await mumble.say('ههههه');
      expect(mumble.last.language).toBe('da');
      expect((await personOf(mumble)).language).toBe('da');
    });

    test('inside a question waiting for an answer the words go to the flow, and the language stays', async () => {
      const chat = await consented('da');
      await chat.say('tilmeld fællesspisning torsdag');
      expect(chat.buttons().some((b) => b.action.startsWith('signup.adults|'))).toBe(true);
      await chat.say('شخصين');
      expect((await personOf(chat)).language).toBe('da');
      await giveBack(chat);
    });
  });
});

describeEachDatabase('menu labels typed as text', (ctx) => {
  test('staff typing "kommende arrangementer" get the staff table, as the button gives', async () => {
    await ctx().event({ location: 'parkcafeen', startsAt: new Date(TEST_NOW.getTime() + 2 * DAY) });
    const staff = new Chat(engineFor(ctx()), { role: 'staff', firstName: 'Mette' });
    await staff.say('kommende arrangementer');
    const typed = staff.last.replies.map((r) => r.kind);
    await staff.send({ kind: 'action', action: 'events.list' });
    expect(typed).toEqual(staff.last.replies.map((r) => r.kind));
    expect(typed).toContain('table');
  });

  test('a resident typing "Mine tilmeldinger" gets their bookings', async () => {
    const chat = new Chat(engineFor(ctx()));
    await chat.start();
    await chat.press(/./);
    await chat.say('mine tilmeldinger');
    expect(chat.text()).toContain('ingen kommende tilmeldinger');
  });
});

describeEachDatabase('questions about an activity, answered from the plan data', (ctx) => {
  beforeAll(async () => {
    await ctx().event({ location: 'parkcafeen', startsAt: THURSDAY });
  });

  test('da: where, who may come and what it costs', async () => {
    const chat = new Chat(engineFor(ctx()));
    await chat.say('hvor er fællesspisning');
    expect(chat.text()).toContain('Fællesspisning er i ParkCafeen, Flyvervej 5, Randers');
    await chat.say('må børn komme med til fællesspisning');
    expect(chat.text()).toMatch(/Fællesspisning er for: |Alle beboere er velkomne til Fællesspisning/);
    await chat.say('hvad koster fællesspisning');
    expect(chat.text()).toContain('ingen oplysning om pris');
    expect(chat.buttons().map((b) => b.action)).toContain('handover.ask');
  });

  test('ar: "وين مكان العشا" names the place of the next dinner', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'ar' });
    await chat.say('وين مكان العشا');
    expect(chat.text()).toContain('ParkCafeen');
    expect(chat.last.direction).toBe('rtl');
  });
});

describeEachDatabase('one name for the dinner, dates day first', (ctx) => {
  test('ar: the news topics, the menu and the plan all call the dinner العشاء الجماعي; my data shows the consent date day first', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'ar' });
    await chat.start();
    await chat.press(/./);
    const labels = chat.buttons().map((b) => stripIsolates(b.label));
    expect(labels).toContain('العشاء الجماعي');
    expect(labels).toContain('التسجيل في العشاء الجماعي');
    expect(chat.text()).not.toContain('العشاء المشترك');
    await chat.send({ kind: 'action', action: 'mydata.show' });
    expect(stripIsolates(chat.text())).toMatch(/تاريخ الموافقة: \S+ نوفمبر \S+/);
  });

  test('da: my data says "Samtykke givet: 18. november 2025", never a year-first date', async () => {
    const chat = new Chat(engineFor(ctx()));
    await chat.start();
    await chat.press(/./);
    await chat.send({ kind: 'action', action: 'mydata.show' });
    expect(chat.text()).toContain('Samtykke givet: 18. november 2025');
    expect(chat.text()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describeEachDatabase('typed answers to choice questions', (ctx) => {
  /** A new resident who has consented and pressed a dinner's sign-up button. */
  async function signingUp(eventId: string, clientLanguage?: string): Promise<ChatType> {
    const chat = new Chat(engineFor(ctx()), { clientLanguage });
    await chat.start();
    await chat.press(/./);
    await chat.send({ kind: 'action', action: `signup.party|${eventId}` });
    return chat;
  }

  test('da: at the food question words not understood ask again, and "allergi" asks which allergy', async () => {
    const eventId = await ctx().event({ location: 'parkcafeen', startsAt: THURSDAY });
    const chat = await signingUp(eventId);
    await chat.say('2');
    await chat.say('0');
    await chat.say('blå bananer');
    expect(chat.text()).toContain('Hvad skal køkkenet vide? Vælg en af knapperne');
    await chat.say('allergi');
    expect(chat.text()).toContain('hvilken allergi');
    await chat.say('nødder');
    await chat.say('ja');
    const row = await ctx().database.db.signUp.findFirstOrThrow({ where: { eventId, person: { identities: { some: { externalId: chat.externalId } } } } });
    expect(JSON.parse(row.dietary)).toMatchObject({ allergies: 'nødder' });
  });

  test('da: "nej ingen allergi" at the food question is no allergy; a bare "ja" at the allergy question is asked again', async () => {
    const eventId = await ctx().event({ location: 'parkcafeen', startsAt: FRIDAY });
    const chat = await signingUp(eventId);
    await chat.say('2');
    await chat.say('0');
    await chat.say('nej ingen allergi');
    expect(chat.text()).toContain('Mad: Ingen særlige');
    await chat.say('ja');
    const row = await ctx().database.db.signUp.findFirstOrThrow({ where: { eventId, person: { identities: { some: { externalId: chat.externalId } } } } });
    expect(JSON.parse(row.dietary)).toEqual({ noPork: false, vegetarian: false });
  });

  test('ar: a bare "نعم" at the food question says what the kitchen needs to know, keeps the buttons, and "نباتي" then is stored', async () => {
    const eventId = await ctx().event({ location: 'parkcafeen', startsAt: THURSDAY, capacity: 30 });
    const chat = await signingUp(eventId, 'ar');
    await chat.say('2');
    await chat.say('0');
    expect(chat.text()).toContain('هل لديكم طلبات خاصة بخصوص الطعام؟');
    await chat.say('نعم');
    expect(chat.text()).toContain('ماذا يجب أن يعرف المطبخ؟');
    expect(chat.buttons().map((b) => stripIsolates(b.label))).toEqual(expect.arrayContaining(['نباتي', 'حساسية']));
    expect(await ctx().database.db.signUp.count({ where: { eventId } })).toBe(0);
    await chat.say('نباتي');
    expect(chat.text()).toContain('البالغون: 2');
    await chat.say('نعم');
    const row = await ctx().database.db.signUp.findFirstOrThrow({ where: { eventId } });
    expect(JSON.parse(row.dietary)).toEqual({ noPork: false, vegetarian: true });
  });

  test('ar: at the allergy question "نعم" is asked again, the allergy is shown as one, and "لا" there means none after all', async () => {
    const eventId = await ctx().event({ location: 'parkcafeen', startsAt: THURSDAY, capacity: 30 });
    const chat = await signingUp(eventId, 'ar');
    await chat.say('شخصين');
    await chat.say('ولا طفل');
    await chat.say('حساسية');
    await chat.say('نعم');
    expect(chat.text()).toContain('اكتب نوع الحساسية');
    await chat.say('مكسرات');
    expect(chat.text()).toContain('الطعام: حساسية (مكسرات)');
    await chat.press('إلغاء');
    expect(await ctx().database.db.signUp.count({ where: { eventId } })).toBe(0);
    // Again, and this time there is no allergy after all.
    await chat.send({ kind: 'action', action: `signup.party|${eventId}` });
    await chat.say('2');
    await chat.say('0');
    await chat.say('حساسية');
    await chat.say('لا');
    expect(chat.text()).toContain('البالغون: 2');
    await chat.say('نعم');
    const row = await ctx().database.db.signUp.findFirstOrThrow({ where: { eventId } });
    expect(JSON.parse(row.dietary)).toEqual({ noPork: false, vegetarian: false });
  });

  test('da: at the topic question a word not understood asks the topic again, keeping the chosen time', async () => {
    const c = ctx();
    const activityId = await c.activityId('oekonomisk-raadgivning');
    const start = TEST_NOW.getTime() + 8 * DAY;
    await c.services.appointments.createSlots({
      activityId,
      counsellor: 'Rådgiver',
      slots: [{ startsAt: new Date(start), endsAt: new Date(start + 2_700_000) }],
    });
    const chat = new Chat(engineFor(c));
    await chat.start();
    await chat.press(/./);
    await chat.press('Book økonomisk rådgivning');
    await chat.press(/Rådgiver/);
    await chat.say('blå bananer');
    expect(chat.buttons().some((b) => b.action.startsWith('counsel.topic|'))).toBe(true);
    await chat.say('gæld');
    await chat.press('Nej, spring over');
    await chat.say('ja');
    expect(await c.database.db.appointment.findFirstOrThrow({ where: { person: { identities: { some: { externalId: chat.externalId } } } } })).toMatchObject({
      topic: 'debt',
      status: 'booked',
    });
  });

  test('da: at "Skal jeg booke tiden?" words that are neither yes nor no say how to answer; "kan jeg tage en anden tid" shows the times again', async () => {
    const c = ctx();
    const activityId = await c.activityId('oekonomisk-raadgivning');
    const start = TEST_NOW.getTime() + 9 * DAY;
    await c.services.appointments.createSlots({
      activityId,
      counsellor: 'Anden rådgiver',
      slots: [0, 1].map((h) => ({ startsAt: new Date(start + h * 3_600_000), endsAt: new Date(start + h * 3_600_000 + 2_700_000) })),
    });
    const chat = new Chat(engineFor(c));
    await chat.start();
    await chat.press(/./);
    await chat.say('jeg vil gerne have rådgivning om budget');
    const times = chat.buttons().filter((b) => /Anden rådgiver/.test(b.label));
    expect(times).toHaveLength(2);
    await chat.press(times[0]?.label as string);
    await chat.press('Nej, spring over');
    expect(chat.text()).toContain('Skal jeg booke tiden?');
    await chat.say('blå bananer');
    expect(chat.text()).toContain('Det forstod jeg ikke. Svar ja eller nej');
    expect(chat.text()).toContain('Skal jeg booke tiden?');
    const mine = { person: { identities: { some: { externalId: chat.externalId } } } };
    expect(await c.database.db.appointment.count({ where: mine })).toBe(0);
    await chat.say('kan jeg tage en anden tid');
    expect(chat.text()).not.toContain('Svar ja eller nej');
    await chat.press(times[1]?.label as string);
    await chat.press('Nej, spring over');
    await chat.say('ja');
    const booked = await c.database.db.appointment.findFirstOrThrow({ where: mine, include: { slot: true } });
    expect(booked).toMatchObject({ topic: 'budget', status: 'booked' });
    expect(booked.slot.startsAt).toEqual(new Date(start + 3_600_000));
  });

  test('ar: at the sign-up\'s last question an answer that is neither yes nor no is told how to answer, in Arabic; nothing is stored until "نعم"', async () => {
    const eventId = await ctx().event({ location: 'parkcafeen', startsAt: FRIDAY, capacity: 30 });
    const chat = await signingUp(eventId, 'ar');
    await chat.say('2');
    await chat.say('0');
    await chat.say('لا');
    expect(chat.text()).toContain('البالغون: 2');
    await chat.say('يمكن');
    expect(chat.text()).toContain('لم أفهم ذلك. أجب بنعم أو لا');
    expect(await ctx().database.db.signUp.count({ where: { eventId } })).toBe(0);
    await chat.say('نعم');
    expect(await ctx().database.db.signUp.count({ where: { eventId, status: 'confirmed' } })).toBe(1);
  });
});

describeEachDatabase('cancelling in words', (ctx) => {
  // Monday 24 and Tuesday 25 November 2025, 17:30 in Copenhagen.
  const MONDAY = new Date('2025-11-24T16:30:00Z');
  const TUESDAY = new Date('2025-11-25T16:30:00Z');
  let mondayId: string;
  let tuesdayId: string;
  beforeAll(async () => {
    mondayId = await ctx().event({ location: 'vangdalen', capacity: 40, startsAt: MONDAY });
    tuesdayId = await ctx().event({ location: 'parkcafeen', capacity: 40, startsAt: TUESDAY });
  });

  async function signedUpForBoth(clientLanguage?: string): Promise<ChatType> {
    const chat = new Chat(engineFor(ctx()), { clientLanguage });
    await chat.start();
    await chat.press(/./);
    for (const id of [mondayId, tuesdayId]) {
      await chat.send({ kind: 'action', action: `signup.party|${id}` });
      await chat.say('2');
      await chat.say('0');
      await chat.send({ kind: 'action', action: 'signup.diet|none' });
      await chat.send({ kind: 'action', action: 'signup.confirm' });
    }
    return chat;
  }
  const statusOf = async (chat: ChatType, eventId: string) =>
    (await ctx().database.db.signUp.findFirstOrThrow({ where: { eventId, person: { identities: { some: { externalId: chat.externalId } } } } })).status;

  test('da: "jeg kan ikke komme mandag alligevel" asks about that one dinner; "nej" keeps it, a typed "ja" cancels only it', async () => {
    const chat = await signedUpForBoth();
    await chat.say('jeg kan ikke komme mandag alligevel');
    expect(chat.text()).toContain('mandag 24. november');
    expect(chat.text()).not.toContain('tirsdag 25. november');
    expect(chat.text()).toContain('Skal jeg afmelde det?');
    await chat.say('nej');
    expect(chat.text()).toContain('jeg har ikke afmeldt noget');
    expect(await statusOf(chat, mondayId)).toBe('confirmed');
    await chat.say('jeg kan ikke komme mandag alligevel');
    await chat.say('ja');
    expect(chat.text()).toContain('Du er afmeldt');
    expect(await statusOf(chat, mondayId)).toBe('cancelled');
    expect(await statusOf(chat, tuesdayId)).toBe('confirmed');
  });

  test('ar: "بدي الغي العشا" with two dinners and no day shows both, each with its own button; "نعم" there cancels nothing', async () => {
    const chat = await signedUpForBoth('ar');
    await chat.say('بدي الغي العشا');
    expect(chat.buttons().filter((b) => b.action.startsWith('bookings.cancel|'))).toHaveLength(2);
    await chat.say('نعم');
    expect(await statusOf(chat, mondayId)).toBe('confirmed');
    expect(await statusOf(chat, tuesdayId)).toBe('confirmed');
    await chat.say('الغي عشا يوم الثلاثاء');
    expect(chat.text()).toContain('هل أُلغي هذا الحجز؟');
    await chat.say('نعم');
    expect(await statusOf(chat, tuesdayId)).toBe('cancelled');
    expect(await statusOf(chat, mondayId)).toBe('confirmed');
  });
});

describeEachDatabase('moving a dinner in words', (ctx) => {
  // Monday 24 November 2025, 17:30 in Copenhagen, and the Thursday before it (THURSDAY, the 20th).
  const MONDAY = new Date('2025-11-24T16:30:00Z');
  let mondayId: string;
  let thursdayId: string;
  beforeAll(async () => {
    mondayId = await ctx().event({ location: 'vangdalen', capacity: 40, startsAt: MONDAY });
    thursdayId = await ctx().event({ location: 'parkcafeen', capacity: 40, startsAt: THURSDAY });
  });

  async function signedUp(eventId: string, clientLanguage?: string, chat?: ChatType): Promise<ChatType> {
    if (!chat) {
      chat = new Chat(engineFor(ctx()), { clientLanguage });
      await chat.start();
      await chat.press(/./);
    }
    await chat.send({ kind: 'action', action: `signup.party|${eventId}` });
    await chat.say('2');
    await chat.say('1');
    await chat.send({ kind: 'action', action: 'signup.diet|nopork' });
    await chat.send({ kind: 'action', action: 'signup.confirm' });
    return chat;
  }
  // Monday's row first: both rows may carry the same (fixed test clock) creation time.
  const rowsOf = async (chat: ChatType) =>
    (await ctx().database.db.signUp.findMany({ where: { person: { identities: { some: { externalId: chat.externalId } } } } })).sort(
      (x, y) => Number(y.eventId === mondayId) - Number(x.eventId === mondayId),
    );

  test('da: "kan jeg flytte til torsdag i stedet" offers Thursday with the party and food kept; "ja" books it and cancels Monday', async () => {
    const chat = await signedUp(mondayId);
    await chat.say('kan jeg flytte til torsdag i stedet');
    expect(chat.text()).toContain('torsdag 20. november');
    expect(chat.text()).toContain('Voksne: 2, børn: 1');
    expect(chat.text()).toContain('Det erstatter din tilmelding mandag 24. november');
    // Nothing changes before the answer.
    expect((await rowsOf(chat)).map((r) => [r.eventId, r.status])).toEqual([[mondayId, 'confirmed']]);
    await chat.say('ja');
    expect(chat.text()).toContain('Din tilmelding mandag 24. november kl. 17.30 er afmeldt');
    const rows = await rowsOf(chat);
    expect(rows.map((r) => [r.eventId, r.status])).toEqual([
      [mondayId, 'cancelled'],
      [thursdayId, 'confirmed'],
    ]);
    expect(rows[1]).toMatchObject({ adults: 2, children: 1 });
    expect(JSON.parse(rows[1]?.dietary ?? '{}')).toMatchObject({ noPork: true });
  });

  test('ar: "اريد تغيير موعدي الى الخميس" with only a dinner booked moves the dinner; "لا" at the summary keeps Monday', async () => {
    const chat = await signedUp(mondayId, 'ar');
    await chat.say('اريد تغيير موعدي الى الخميس');
    expect(chat.text()).toContain('الخميس، 20 نوفمبر');
    await chat.say('لا');
    expect((await rowsOf(chat)).map((r) => [r.eventId, r.status])).toEqual([[mondayId, 'confirmed']]);
  });

  test('ar: "بدي انقل العشا ليوم الخميس" moves the dinner; "نعم" books Thursday and cancels Monday', async () => {
    const chat = await signedUp(mondayId, 'ar');
    await chat.say('بدي انقل العشا ليوم الخميس');
    expect(chat.text()).toContain('الخميس، 20 نوفمبر');
    await chat.say('نعم');
    expect((await rowsOf(chat)).map((r) => [r.eventId, r.status])).toEqual([
      [mondayId, 'cancelled'],
      [thursdayId, 'confirmed'],
    ]);
  });

  test('da: with two dinners booked "jeg vil flytte min spisning" asks which one', async () => {
    const chat = await signedUp(mondayId);
    await signedUp(thursdayId, undefined, chat);
    await chat.say('jeg vil flytte min spisning');
    expect(chat.text()).toContain('Hvilken vil du flytte?');
    expect(chat.buttons().filter((b) => b.action.startsWith('signup.move|'))).toHaveLength(2);
  });
});

describeEachDatabase("words at the sign-up's summary that change it", (ctx) => {
  // Wednesday 19 and Thursday 20 November 2025, 17:30 in Copenhagen; TEST_NOW is the Tuesday before.
  const WEDNESDAY = new Date('2025-11-19T16:30:00Z');
  let wednesdayId: string;
  let thursdayId: string;
  beforeAll(async () => {
    wednesdayId = await ctx().event({ location: 'vangdalen', capacity: 40, startsAt: WEDNESDAY });
    thursdayId = await ctx().event({ location: 'parkcafeen', capacity: 40, startsAt: THURSDAY });
  });

  /** A new resident at the summary of a sign-up for the Wednesday dinner: two adults, no children, no wishes. */
  async function atSummary(clientLanguage?: string): Promise<ChatType> {
    const chat = new Chat(engineFor(ctx()), { clientLanguage });
    await chat.start();
    await chat.press(/./);
    await chat.send({ kind: 'action', action: `signup.party|${wednesdayId}` });
    await chat.say('2');
    await chat.say('0');
    await chat.send({ kind: 'action', action: 'signup.diet|none' });
    return chat;
  }
  const rowsOf = (chat: ChatType) => ctx().database.db.signUp.findMany({ where: { person: { identities: { some: { externalId: chat.externalId } } } } });

  test('da: "kan vi tage torsdag i stedet", "hun spiser ik svin" and "nej vent vi er tre" change the summary; "ja" books that', async () => {
    const chat = await atSummary();
    expect(chat.text()).toContain('Skal jeg tilmelde jer?');
    // Read alone this is moving a booking; here there is none yet, only the dinner being chosen.
    await chat.say('kan vi tage torsdag i stedet');
    expect(chat.text()).toContain('torsdag 20. november');
    expect(chat.text()).toContain('Skal jeg tilmelde jer?');
    await chat.say('hun spiser ik svin');
    expect(chat.text()).toContain('Mad: Uden svinekød');
    // The summary was changed, so it is not "neither yes nor no".
    expect(chat.text()).not.toContain('Svar ja eller nej');
    await chat.say('nej vent vi er tre');
    expect(chat.text()).toContain('Hvor mange voksne');
    expect(await rowsOf(chat)).toHaveLength(0);
    await chat.say('3');
    await chat.say('1');
    expect(chat.text()).toContain('Voksne: 3, børn: 1');
    await chat.say('ja');
    const rows = await rowsOf(chat);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventId: thursdayId, adults: 3, children: 1, status: 'confirmed' });
    expect(JSON.parse(rows[0]?.dietary ?? '{}')).toMatchObject({ noPork: true, vegetarian: false });
  });

  test('ar: "ممكن الخميس بدل", "بدون خنزير" and "لا استنى نحنا تلاتة كبار" change the summary; "نعم" books that', async () => {
    const chat = await atSummary('ar');
    await chat.say('ممكن الخميس بدل');
    expect(chat.text()).toContain('الخميس، 20 نوفمبر');
    await chat.say('بدون خنزير');
    expect(chat.text()).toContain('بدون لحم خنزير');
    expect(chat.text()).not.toContain('أجب بنعم أو لا');
    await chat.say('لا استنى نحنا تلاتة كبار');
    expect(chat.text()).toContain('البالغون: 3');
    expect(await rowsOf(chat)).toHaveLength(0);
    await chat.say('نعم');
    const rows = await rowsOf(chat);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventId: thursdayId, adults: 3, children: 0, status: 'confirmed' });
    expect(JSON.parse(rows[0]?.dietary ?? '{}')).toMatchObject({ noPork: true });
  });

  test('da: "min søn har nøddeallergi" at the summary asks which allergy and keeps it; "blå bananer" is still told how to answer', async () => {
    const chat = await atSummary();
    await chat.say('blå bananer');
    expect(chat.text()).toContain('Svar ja eller nej');
    await chat.say('min søn har nøddeallergi');
    expect(chat.text()).toContain('hvilken allergi');
    await chat.say('nødder');
    expect(chat.text()).toContain('Skal jeg tilmelde jer?');
    await chat.say('ja');
    const rows = await rowsOf(chat);
    expect(rows[0]).toMatchObject({ eventId: wednesdayId, adults: 2, children: 0 });
    expect(JSON.parse(rows[0]?.dietary ?? '{}')).toMatchObject({ allergies: 'nødder' });
  });
});
