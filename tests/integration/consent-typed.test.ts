/**
 * A resident who answers the consent question in words ("ja", "نعم", "nej") instead of pressing a
 * button: the answer counts like the button, and a request that asked for consent carries on.
 */
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

const THURSDAY = new Date('2025-11-20T16:30:00Z');

describeEachDatabase('consent answered in words', (ctx) => {
  beforeAll(async () => {
    await ctx().event({ location: 'parkcafeen', capacity: 40, startsAt: THURSDAY });
    await ctx().event({ location: 'vangdalen', capacity: 40, startsAt: new Date(THURSDAY.getTime() + 86_400_000) });
  });
  const personOf = async (chat: Chat) =>
    (
      await ctx().database.db.channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'telegram', externalId: chat.externalId } },
        include: { person: true },
      })
    ).person;

  test('"ja" at the welcome stores consent and shows the menu', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'da' });
    await chat.start();
    await chat.say('ja');
    expect((await personOf(chat)).consentAt?.getTime()).toBe(TEST_NOW.getTime());
    expect(chat.text()).not.toMatch(/forstod jeg desværre ikke/);
  });

  test('a Danish request before consent, then a typed "ja": the sign-up goes on where it was asked', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'da' });
    await chat.say('tilmeld fællesspisnig på torsdag');
    expect(chat.text()).toMatch(/Er det i orden\?/);
    await chat.say('ja');
    expect((await personOf(chat)).consentAt).not.toBeNull();
    expect(chat.text()).toMatch(/voksne/i);
    await chat.say('vi er tre voksne');
    await chat.say('ingen børn');
    expect(chat.text()).not.toMatch(/forstod jeg desværre ikke/);
  });

  test('Arabic "نعم" consents; "لا" declines and keeps no name', async () => {
    const yes = new Chat(engineFor(ctx()), { clientLanguage: 'ar' });
    await yes.start();
    await yes.say('نعم');
    expect((await personOf(yes)).consentAt).not.toBeNull();
    const no = new Chat(engineFor(ctx()), { clientLanguage: 'ar', firstName: 'Fatima' });
    await no.start();
    await no.say('لا');
    const person = await personOf(no);
    expect(person.consentAt).toBeNull();
    expect(person.firstName).toBeNull();
  });

  test('Arabizi "ana bade asajel 3al 3asha", then نعم: the dinner is offered, not "there are no dinners"', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'ar' });
    await chat.say('ana bade asajel 3al 3asha');
    await chat.say('نعم');
    expect(chat.buttons().filter((b) => b.action.startsWith('signup.party|'))).toHaveLength(2);
    expect(chat.text()).not.toMatch(/لا توجد وجبات/);
  });

  test('"شخصان" typed at the list of dinners is kept as the party, not refused as a staff log', async () => {
    const chat = new Chat(engineFor(ctx()), { clientLanguage: 'ar' });
    await chat.say('ana bade asajel 3al 3asha');
    await chat.say('نعم');
    await chat.say('شخصان');
    expect(chat.text()).not.toMatch(/لا أستطيع مساعدتك في هذا هنا/);
    // Still at the list of dinners; choosing one, the party of two is already known, so children come next.
    const picked = chat.buttons().find((b) => b.action.startsWith('signup.party|'));
    expect(picked).toBeDefined();
    await chat.send({ kind: 'action', action: picked?.action ?? '' });
    expect(chat.text()).toMatch(/وكم طفلًا سيأتي معكم؟/);
    await chat.say('طفل واحد');
    await chat.press(/./);
    await chat.say('نعم');
    const signUps = await ctx().database.db.signUp.findMany({ where: { person: { identities: { some: { externalId: chat.externalId } } } } });
    expect(signUps.map((s) => [s.adults, s.children, s.status])).toEqual([[2, 1, 'confirmed']]);
  });
});
