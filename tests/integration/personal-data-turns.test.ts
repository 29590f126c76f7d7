/**
 * Personal data through the conversation: a CPR number typed anywhere is masked before any flow
 * sees it, and the person is told why in their language; "my data" hands over everything kept.
 */
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase } from '../support/test-context';

describeEachDatabase('personal data in conversations', (ctx) => {
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

  test('the notice comes in the resident\'s language (Arabic), right to left', async () => {
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
});
