/**
 * Personal data through the conversation: a CPR number typed anywhere is masked before any flow
 * sees it, and the person is told why in their language; "my data" hands over everything kept.
 */
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

describeEachDatabase('personal data in conversations', (ctx) => {
  beforeAll(async () => {
    await ctx().event({ location: 'parkcafeen', capacity: 40, startsAt: new Date(TEST_NOW.getTime() + 2 * 86_400_000) });
  });

  async function consented(clientLanguage?: string): Promise<Chat> {
    const chat = new Chat(engineFor(ctx()), { clientLanguage, firstName: 'Hawa' });
    await chat.start();
    await chat.press(/./);
    return chat;
  }

  test('a CPR number in a question to staff is masked before it is stored, and the resident is told why', async () => {
    const chat = await consented();
    await chat.say('Jeg vil gerne tale med en medarbejder');
    await chat.say('Mit CPR-nummer er 241286-1234, kan I se min sag?');
    expect(chat.text()).toContain('Jeg har skjult CPR-nummeret i din besked med stjerner');
    const rows = await ctx().database.db.handoverRequest.findMany({ where: { person: { identities: { some: { externalId: chat.externalId } } } } });
    expect(rows.map((r) => r.question)).toEqual(['Mit CPR-nummer er ******-****, kan I se min sag?']);
    const drafts = await ctx().database.db.conversation.findMany({ where: { person: { identities: { some: { externalId: chat.externalId } } } } });
    expect(JSON.stringify(drafts)).not.toContain('1234');
  });

  test("the notice comes in the resident's language (Arabic), right to left", async () => {
    const chat = await consented('ar');
    await chat.say('رقمي ٢٤١٢٨٦-١٢٣٤');
    expect(chat.last.direction).toBe('rtl');
    expect(chat.text()).toContain('أخفيتُ رقم CPR');
  });

  test('the name arrives with consent, and "my data" lists the question asked', async () => {
    const chat = await consented();
    await chat.say('Jeg vil gerne tale med en medarbejder');
    await chat.say('Hvornår åbner vaskeriet?');
    await chat.say('Mine data');
    const file = chat.files().find((f) => f.fileName.endsWith('.json'));
    const data = JSON.parse(file?.content ?? '{}') as { person: { firstName: string }; handovers: { question: string }[] };
    expect(data.person.firstName).toBe('Hawa');
    expect(data.handovers.map((h) => h.question)).toEqual(['Hvornår åbner vaskeriet?']);
  });

  test('the food question offers menu choices, not religion words, and the allergy question says why and for how long', async () => {
    for (const [lang, religious] of [
      ['da', /halal/i],
      ['ar', /حلال/],
      ['so', /xalaal/i],
      ['tr', /helal/i],
    ] as const) {
      const chat = await consented(lang);
      await chat.send({ kind: 'action', action: 'signup.pick' });
      if (chat.buttons().some((b) => b.action.startsWith('signup.party'))) await chat.press(/./);
      await chat.press('2');
      await chat.press('1');
      const labels = chat
        .buttons()
        .map((b) => b.label)
        .join(' | ');
      expect(labels).not.toMatch(religious);
      expect(chat.buttons().map((b) => b.action)).toEqual(['signup.diet|none', 'signup.diet|nopork', 'signup.diet|vegetarian', 'signup.diet|allergy']);
    }
    const chat = await consented();
    await chat.send({ kind: 'action', action: 'signup.pick' });
    if (chat.buttons().some((b) => b.action.startsWith('signup.party'))) await chat.press(/./);
    await chat.press('2');
    await chat.press('0');
    await chat.press('Allergi');
    expect(chat.text()).toContain('Køkkenet skal vide det, så maden er sikker for dig');
    expect(chat.text()).toContain('Vi sletter det en uge efter spisningen');
    await chat.say('jordnødder');
    expect(chat.text()).toContain('jordnødder');
  });

  test('someone who says no keeps no name and nothing they typed before the question', async () => {
    const chat = new Chat(engineFor(ctx()), { firstName: 'Ubah' });
    await chat.start();
    await chat.say('Jeg vil tale med en medarbejder om min gæld hos Telia');
    // Perhaps "did you mean…", then the consent question; its privacy notice offers "no".
    if (chat.buttons().some((b) => b.action === 'clarify.pick|talk_to_person')) await chat.press('Tal med en person');
    await chat.press('Læs om privatliv');
    await chat.press('Nej tak');
    expect(chat.text()).toContain('Hvad vil du gøre?');
    const identity = await ctx().database.db.channelIdentity.findFirstOrThrow({
      where: { externalId: chat.externalId },
      include: { person: { include: { conversations: true, handovers: true } } },
    });
    expect(identity.person).toMatchObject({ firstName: null, consentAt: null, housingAreaId: null });
    expect(identity.person.handovers).toEqual([]);
    expect(JSON.stringify(identity.person.conversations)).not.toContain('Telia');
  });

  test('saying no later, from the privacy notice, withdraws consent and forgets the name', async () => {
    const chat = await consented();
    await chat.say('hej');
    const who = { where: { channel_externalId: { channel: 'telegram', externalId: chat.externalId } }, include: { person: true } } as const;
    expect((await ctx().database.db.channelIdentity.findUniqueOrThrow(who)).person.firstName).toBe('Hawa');
    await chat.send({ kind: 'action', action: 'welcome.privacy' });
    await chat.press('Nej tak');
    expect((await ctx().database.db.channelIdentity.findUniqueOrThrow(who)).person).toMatchObject({ firstName: null, consentAt: null });
  });
});
