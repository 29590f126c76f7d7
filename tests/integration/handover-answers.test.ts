/**
 * Staff answering across languages (issue 9 §6), through the conversation engine as a Danish staff
 * member on Teams: they see the question's language, a ready answer from the bank reaches an
 * Arabic resident in Arabic, and a free answer in Danish reaches them with one Arabic line saying
 * it is Danish and that they can ask for an interpreter. Asserts the outbox rows and what the
 * outbox renders from them in the resident's language.
 */
import { ConversationEngine } from '../../src/conversation/engine';
import type { ReplyBatch } from '../../src/conversation/replies';
import { StateStore } from '../../src/conversation/state-store';
import { FLOWS } from '../../src/flows';
import { looksDanish } from '../../src/handovers/answer-language';
import { parsePhone } from '../../src/handovers/reply-bank';
import { Translations, stripIsolates } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { understand } from '../../src/nlu/reader';
import { OutboxRenderer, parsePayload } from '../../src/outbox/render';
import { describeEachDatabase, type TestContext } from '../support/test-context';

const translations = new Translations();
const ar = translations.translator('ar');

function staffOf(c: TestContext): { act(action: string, values?: Record<string, string>): Promise<ReplyBatch>; say(text: string): Promise<ReplyBatch> } {
  const engine = new ConversationEngine({
    services: c.services,
    translations,
    clock: c.clock,
    logger: silentLogger,
    understand,
    flows: FLOWS,
    stateStore: new StateStore(c.database.db),
  });
  const who = {
    channel: 'teams' as const,
    externalId: `staff-${Math.random().toString(36).slice(2)}`,
    firstName: 'Mette',
    clientLanguage: 'da',
    role: 'staff' as const,
  };
  return {
    act: (action, values) => engine.handle({ ...who, input: { kind: 'action', action, values } }),
    say: (text) => engine.handle({ ...who, input: { kind: 'text', text } }),
  };
}

const shown = (b: ReplyBatch): string => stripIsolates(b.replies.map((r) => ('text' in r ? r.text : '')).join('\n'));
const buttons = (b: ReplyBatch): { label: string; action: string }[] =>
  b.replies.flatMap((r) => (r.kind === 'choices' ? r.choices : r.kind === 'form' ? [r.submit] : []));

describeEachDatabase('staff answer residents across languages', (ctx) => {
  const db = () => ctx().database.db;

  async function arabicRequest(question: string): Promise<{ resident: string; id: string }> {
    const { services, person } = ctx();
    const resident = await person('Amal');
    await db().person.update({ where: { id: resident }, data: { language: 'ar' } });
    const { id } = await services.handovers.open({ personId: resident, channel: 'telegram', language: 'ar', question });
    return { resident, id };
  }

  async function delivered(resident: string): Promise<{ payload: { key: string; params: Record<string, string | number> }; text: string }> {
    const row = await db().outboxMessage.findFirstOrThrow({ where: { personId: resident, kind: 'handover_answer' } });
    const payload = parsePayload(row.payload);
    const c = ctx();
    const rendered = await new OutboxRenderer({ db: db(), translations, catalogue: c.services.catalogue, signUps: c.services.signUps }).render(payload, 'ar');
    return { payload, text: stripIsolates(rendered.text) };
  }

  test('the answer step names the language in Danish and offers the bank; a bank reply goes out in Arabic', async () => {
    const { resident, id } = await arabicRequest('متى يمكنني الحصول على مساعدة في دعم السكن؟');
    const staff = staffOf(ctx());
    const step = await staff.act(`handovers.answer|${id}`);
    expect(shown(step)).toContain('Amal skriver (på arabisk)');
    expect(shown(step)).toContain('beboeren får det på arabisk');
    expect(buttons(step).map((b) => b.label)).toEqual(
      expect.arrayContaining(['Vi har fået dit spørgsmål', 'Kom på kontoret …', 'Ring til …', 'Tag dine papirer med']),
    );

    const pick = buttons(step).find((b) => b.label === 'Vi har fået dit spørgsmål');
    const sent = await staff.act(pick?.action ?? '');
    expect(shown(sent)).toContain('Sendt på arabisk: Svar fra Bysekretariatet: Vi har fået dit spørgsmål');
    const { payload, text } = await delivered(resident);
    expect(payload.key).toBe('handover:bank.received');
    expect(text).toBe(stripIsolates(ar('handover:bank.received')));
    expect(text).toContain('وصلنا سؤالك');
    expect(await db().handoverRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'answered',
      answer: expect.stringContaining('Vi har fået dit spørgsmål'),
    });
  });

  test('"come to the office" asks for a time, refuses a past one, and reaches the resident with the time in Arabic', async () => {
    const { resident, id } = await arabicRequest('أين المكتب؟');
    const staff = staffOf(ctx());
    const form = await staff.act(`handovers.bank|${id}:office`);
    expect(form.replies.some((r) => r.kind === 'form' && r.fields.map((f) => f.name).join() === 'date,time')).toBe(true);
    const past = await staff.act(`handovers.bank|${id}:office`, { date: '2020-01-02', time: '10:00' });
    expect(shown(past)).toContain('Vælg en dato og et klokkeslæt, der ikke er passeret.');
    expect(await db().outboxMessage.count({ where: { personId: resident } })).toBe(0);
    await staff.act(`handovers.bank|${id}:office`, { date: '2099-12-03', time: '10:30' });
    const { payload, text } = await delivered(resident);
    expect(payload).toEqual({ key: 'handover:bank.office', params: { when: '2099-12-03T09:30:00.000Z' } });
    expect(text).toBe('رد من Bysekretariatet: يُرجى الحضور إلى المكتب يوم الخميس، 3 ديسمبر في 10:30.');
  });

  test('"call" takes a phone number and refuses something that is not one', async () => {
    const { resident, id } = await arabicRequest('هل يمكنني الاتصال بكم؟');
    const staff = staffOf(ctx());
    expect(shown(await staff.act(`handovers.bank|${id}:call`, { phone: 'ring mig' }))).toContain('Skriv et telefonnummer med 8 til 15 cifre');
    await staff.act(`handovers.bank|${id}:call`, { phone: '+45 89 15 12 34' });
    const { text } = await delivered(resident);
    expect(text).toBe('رد من Bysekretariatet: يُرجى الاتصال بنا على الرقم +45 89 15 12 34.');
  });

  test('a free answer in Danish goes out with one Arabic line about the Danish and an interpreter', async () => {
    const { resident, id } = await arabicRequest('أحتاج مساعدة في رسالة من البلدية');
    const staff = staffOf(ctx());
    await staff.act(`handovers.answer|${id}`);
    const sent = await staff.say('Kom forbi kontoret på torsdag kl. 10, så kigger vi på brevet sammen.');
    expect(shown(sent)).toContain('Beboeren får også en linje på arabisk om, at svaret er på dansk');
    const { payload, text } = await delivered(resident);
    expect(payload.key).toBe('handover:answer_in_danish');
    const lines = text.split('\n');
    expect(lines).toEqual([
      'رد من Bysekretariatet: Kom forbi kontoret på torsdag kl. 10, så kigger vi på brevet sammen.',
      'هذا الرد مكتوب باللغة الدنماركية. إذا احتجت إلى مترجم، اكتب لنا ذلك وسنرتّب لك مترجمًا.',
    ]);
  });

  test('an answer written in Arabic, or to a Danish resident, gets no extra line', async () => {
    const { resident, id } = await arabicRequest('سؤال');
    await ctx().services.handovers.answer({ requestId: id, staffId: await ctx().person('Staff', 'staff'), answer: 'نعم، تعال يوم الخميس الساعة العاشرة.' });
    expect((await delivered(resident)).payload.key).toBe('resident:handover.answer');
    const dane = await ctx().person('Jens');
    const req = await ctx().services.handovers.open({ personId: dane, channel: 'telegram', language: 'da', question: 'Hjælp' });
    const r = await ctx().services.handovers.answer({ requestId: req.id, staffId: await ctx().person('Staff', 'staff'), answer: 'Ja, kom torsdag.' });
    expect(r.danishNote).toBe(false);
  });
});

describe('reading staff input', () => {
  test('Danish is told from Arabic, English and Somali', () => {
    expect(looksDanish('Kom forbi kontoret på torsdag')).toBe(true);
    expect(looksDanish('Ja, det kan du godt')).toBe(true);
    expect(looksDanish('نعم، تعال يوم الخميس')).toBe(false);
    expect(looksDanish('Please come on Thursday at 10')).toBe(false);
    expect(looksDanish('Fadlan xafiiska imow khamiista')).toBe(false);
    expect(looksDanish('10:30')).toBe(false);
  });

  test('phone numbers have 8 to 15 digits', () => {
    expect(parsePhone(' 89  15 12 34 ')).toBe('89 15 12 34');
    expect(parsePhone('+45 8915-1234')).toBe('+45 8915-1234');
    expect(parsePhone('1234')).toBeNull();
    expect(parsePhone('ring 89151234')).toBeNull();
  });
});
