/**
 * Doubt becomes a question in the conversation (issue 9): a sign-up read past a typing slip, or
 * said with a no in front, is asked about with buttons ("Mente du: …?") and nothing is stored
 * until the resident chooses; the chosen button carries on with what the message said.
 */
import type { Chat as ChatType } from '../support/chat';
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase } from '../support/test-context';

// TEST_NOW is Tuesday 18 November 2025, 12:00 in Copenhagen; 16:30Z is 17:30 there.
const THURSDAY = new Date('2025-11-20T16:30:00Z');

describeEachDatabase('doubt becomes a question', (ctx) => {
  let thursdayId: string;

  beforeAll(async () => {
    thursdayId = await ctx().event({ location: 'parkcafeen', capacity: 40, startsAt: THURSDAY });
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

  test('da: "tilmled mig fællespisning på torsdag" (two slips) is asked about; the button goes on to Thursday\'s dinner', async () => {
    const chat = await consented();
    await chat.say('tilmled mig fællespisning på torsdag');
    expect(chat.text()).toContain('Mente du:');
    expect(chat.buttons().map((b) => b.label)).toContain('Tilmeld fællesspisning');
    expect(await signUpsOf(chat)).toHaveLength(0);
    await chat.press('Tilmeld fællesspisning');
    expect(chat.text()).toContain('Hvor mange voksne kommer?');
    await chat.say('2');
    await chat.say('0');
    await chat.press('Ingen særlige');
    await chat.say('ja');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ eventId: thursdayId, adults: 2, children: 0 })]);
  });

  test('ar: "ما بدي اسجل بالعشا" (I do not want to sign up) is never a sign-up: a question with Help among the buttons', async () => {
    const chat = await consented('ar');
    await chat.say('ما بدي اسجل بالعشا');
    expect(chat.text()).toContain('هل تقصد');
    expect(chat.last.direction).toBe('rtl');
    expect(chat.buttons().map((b) => b.action)).toEqual(expect.arrayContaining(['clarify.pick|sign_up', 'clarify.pick|help']));
    expect(await signUpsOf(chat)).toHaveLength(0);
  });

  test('en: "i dont want to cancel anything" cancels nothing', async () => {
    const chat = await consented('en');
    await chat.send({ kind: 'action', action: `signup.party|${thursdayId}` });
    await chat.say('1');
    await chat.say('no kids');
    await chat.press(/./);
    await chat.say('yes');
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ status: 'confirmed' })]);
    await chat.say('i dont want to cancel anything');
    expect(chat.buttons().some((b) => b.action.startsWith('bookings.cancel'))).toBe(false);
    expect(await signUpsOf(chat)).toEqual([expect.objectContaining({ status: 'confirmed' })]);
  });

  test('da: a typed "ja" to one suggestion takes it, like its button; a typed "nej" shows the menu and stores nothing', async () => {
    const chat = await consented();
    await chat.say('tilmled mig fællespisning på torsdag');
    expect(chat.buttons().map((b) => b.action)).toEqual(['clarify.pick|sign_up', 'welcome.menu']);
    await chat.say('ja');
    expect(chat.text()).toContain('Hvor mange voksne kommer?');

    const other = await consented();
    await other.say('tilmled mig fællespisning på torsdag');
    await other.say('nej');
    expect(other.text()).not.toContain('forstod');
    expect(other.buttons().map((b) => b.label)).toContain('Tilmeld fællesspisning');
    expect(await signUpsOf(other)).toHaveLength(0);
    // The question is closed: a later "ja" is not taken as an answer to it.
    await other.say('ja');
    expect(other.text()).not.toContain('Hvor mange voksne kommer?');
  });
});
