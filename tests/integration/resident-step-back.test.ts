/**
 * "tilbage", "back", "رجوع" step back one question in a resident flow that has a previous one
 * (issue 9), while "annuller" still ends it. What the resident sees is the previous question again;
 * what the database holds afterwards is only what was confirmed, never a half-entered draft.
 */
import type { Chat as ChatType } from '../support/chat';
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

const DAY = 86_400_000;
// TEST_NOW is Tuesday 18 November 2025, 12:00 in Copenhagen.
const THURSDAY = new Date('2025-11-20T16:30:00Z');
const FRIDAY = new Date('2025-11-21T16:30:00Z');

describeEachDatabase('a step back inside a resident flow', (ctx) => {
  let thursdayId: string;

  beforeAll(async () => {
    const c = ctx();
    thursdayId = await c.event({ location: 'parkcafeen', capacity: 40, startsAt: THURSDAY });
    await c.event({ location: 'vangdalen', capacity: 40, startsAt: FRIDAY });
    const activityId = await c.activityId('oekonomisk-raadgivning');
    const start = TEST_NOW.getTime() + 6 * DAY;
    await c.services.appointments.createSlots({
      activityId,
      counsellor: 'BRF Kredit',
      slots: [0, 1].map((h) => ({ startsAt: new Date(start + h * 3_600_000), endsAt: new Date(start + h * 3_600_000 + 2_700_000) })),
    });
  });

  async function consented(clientLanguage?: string): Promise<ChatType> {
    const chat = new Chat(engineFor(ctx()), { clientLanguage });
    await chat.start();
    await chat.press(/./); // the first button on the welcome is consent
    return chat;
  }

  const db = () => ctx().database.db;
  const mine = (chat: ChatType) => ({ person: { identities: { some: { externalId: chat.externalId } } } });
  const signUpsOf = async (chat: ChatType) => db().signUp.findMany({ where: mine(chat) });
  const appointmentsOf = async (chat: ChatType) => db().appointment.findMany({ where: mine(chat) });
  const stateOf = async (chat: ChatType) => db().conversation.findFirst({ where: mine(chat) });

  test('da: "tilbage" at the children question asks the adults again; the new answer is what is signed up', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('3 voksne');
    expect(chat.text()).toContain('Hvor mange børn kommer med?');
    await chat.say('tilbage');
    expect(chat.text()).toContain('Hvor mange voksne kommer?');
    expect(chat.text()).not.toContain('stoppet');
    expect(await signUpsOf(chat)).toHaveLength(0);
    expect(await stateOf(chat)).toMatchObject({ flow: 'signup', step: 'adults' });
    await chat.say('2');
    expect(chat.text()).toContain('Hvor mange børn kommer med?');
    await chat.say('ingen børn');
    await chat.press('Ingen særlige');
    expect(chat.text()).toContain('Voksne: 2, børn: 0');
    await chat.say('ja');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 2, children: 0, status: 'confirmed' })]);
  });

  test('da: "gå tilbage" at the confirmation asks about the food again, and "annuller" still ends without saving', async () => {
    const chat = await consented();
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('2');
    await chat.say('1');
    await chat.press('Ingen særlige');
    expect(chat.text()).toContain('Voksne: 2, børn: 1');
    await chat.say('gå tilbage');
    expect(chat.text()).toContain('Har I særlige ønsker til maden?');
    await chat.say('annuller');
    expect(chat.text()).toContain('Intet af det, du var i gang med, er gemt eller sendt');
    expect(await signUpsOf(chat)).toHaveLength(0);
    expect(await stateOf(chat)).toMatchObject({ flow: null, step: null });
  });

  test('ar: "رجوع" at the food question asks the children again, in Arabic', async () => {
    const chat = await consented('ar');
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('شخصان');
    await chat.say('طفل واحد');
    expect(chat.text()).toContain('هل لديكم طلبات خاصة بخصوص الطعام؟');
    await chat.say('رجوع');
    expect(chat.last.direction).toBe('rtl');
    expect(chat.text()).toContain('وكم طفلًا سيأتي معكم؟');
    await chat.say('٣');
    await chat.press('لا شيء خاص');
    await chat.press('نعم، سجّلنا');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 2, children: 3 })]);
  });

  test('en: "back" at the adults question shows the dinners again; "back" at the first question leaves the flow', async () => {
    const chat = await consented('en');
    await chat.say('sign me up for the communal dinner');
    expect(chat.text()).toContain('Which one would you like to sign up for?');
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    expect(chat.text()).toContain('How many adults are coming?');
    await chat.say('go back');
    expect(chat.text()).toContain('Which one would you like to sign up for?');
    await chat.say('back');
    expect(chat.text()).toContain('Nothing you had started has been saved or sent');
    expect(await stateOf(chat)).toMatchObject({ flow: null, step: null });
    expect(await signUpsOf(chat)).toHaveLength(0);
  });

  test('da: "tilbage" in counselling goes from the note back to the topic; nothing is booked until confirmed', async () => {
    const chat = await consented();
    await chat.press('Book økonomisk rådgivning');
    await chat.send({ kind: 'action', action: chat.buttons().find((b) => b.action.startsWith('counsel.slot|'))?.action ?? '' });
    expect(chat.text()).toContain('Hvad vil du gerne tale om?');
    await chat.send({ kind: 'action', action: 'counsel.topic|debt' });
    expect(chat.text()).toContain('Vil du skrive lidt mere?');
    await chat.say('tilbage');
    expect(chat.text()).toContain('Hvad vil du gerne tale om?');
    expect(await appointmentsOf(chat)).toHaveLength(0);
    await chat.send({ kind: 'action', action: 'counsel.topic|budget' });
    await chat.send({ kind: 'action', action: 'counsel.note' });
    await chat.say('ja');
    expect(await appointmentsOf(chat)).toEqual([expect.objectContaining({ topic: 'budget' })]);
  });
});
