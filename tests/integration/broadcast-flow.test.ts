/**
 * Broadcasts through the conversation: residents choose topics after consent and say "stop
 * nyheder"; staff compose in plain words or step by step, see the preview per language, add an
 * Arabic text, send, and read the report, withdraw included. What is checked is what people see
 * and what the outbox holds.
 */
import type { Reply } from '../../src/conversation/replies';
import { stripIsolates } from '../../src/i18n/i18n';
import { Chat, engineFor } from '../support/chat';
import { drain, RecordingMessenger, workerFor } from '../support/outbox-support';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

type Table = Extract<Reply, { kind: 'table' }>;
const tableOf = (chat: Chat): Table | undefined => chat.last.replies.find((r): r is Table => r.kind === 'table');

describeEachDatabase('broadcasts in the chat', (ctx) => {
  beforeEach(() => ctx().clock.set(TEST_NOW));

  test('residents pick topics after consent; staff compose in plain words, add Arabic, send; each reader gets it once in their language', async () => {
    const c = ctx();
    const db = c.database.db;
    const amina = new Chat(engineFor(c), { clientLanguage: 'ar', channel: 'telegram' });
    await amina.start();
    expect(amina.buttons().map((b) => b.action)).toContain('welcome.consent');
    await amina.send({ kind: 'action', action: 'welcome.consent' });
    // Asked which news, in Arabic.
    expect(amina.text()).toContain('ما الأخبار التي تريد أن تصلك منا؟');
    await amina.press('العشاء الجماعي');
    expect(amina.buttons().map((b) => stripIsolates(b.label))).toContain('✓ العشاء الجماعي');
    await amina.press('تم');
    expect(amina.text()).toContain('ستصلك أخبار عن: العشاء الجماعي.');
    await amina.say('Rørhaven 3');

    const hassan = new Chat(engineFor(c), { clientLanguage: 'so', channel: 'telegram' });
    await hassan.start();
    await hassan.send({ kind: 'action', action: 'welcome.consent' });
    await hassan.press('Casho wadaag');
    await hassan.say('Rørhaven 5');

    const jens = new Chat(engineFor(c), { clientLanguage: 'da', channel: 'telegram' });
    await jens.start();
    await jens.send({ kind: 'action', action: 'welcome.consent' });
    await jens.press('Fællesspisning');
    await jens.say('Rørhaven 7');
    expect((await c.services.broadcasts.preview({ topic: 'dinner' })).total).toBe(3);
    await jens.say('stop nyheder');
    expect(jens.text()).toContain('du får ingen nyheder fra os');

    const staff = new Chat(engineFor(c), { role: 'staff', channel: 'teams', firstName: 'Mette' });
    await staff.say('send til alle i Vangdalen om fællesspisning: Fællesspisning er flyttet til Vangdalen i aften kl. 18.');
    const table = tableOf(staff);
    expect(stripIsolates(table?.title ?? '')).toBe('Klar til at sende om Fællesspisning. Modtagere: 2.');
    expect(table?.rows.map((r) => r.cells.map(stripIsolates))).toEqual([
      ['العربية', '1', 'dansk tekst med en linje om det'],
      ['Soomaali', '1', 'dansk tekst med en linje om det'],
    ]);
    await staff.press('Tekst på العربية');
    await staff.say('تم نقل العشاء المشترك إلى فانغدالن الليلة الساعة 18.');
    expect(tableOf(staff)?.rows[0]?.cells.map(stripIsolates)).toEqual(['العربية', '1', 'egen tekst']);
    expect(await db.outboxMessage.count({ where: { kind: 'broadcast' } })).toBe(0);
    await staff.press('Send');
    expect(staff.text()).toContain('Beskeden er sat i kø. Modtagere: 2.');
    // A second tap on the old "Send" queues nothing more.
    await staff.send({ kind: 'action', action: 'broadcast.send' });
    expect(await db.outboxMessage.count({ where: { kind: 'broadcast' } })).toBe(2);

    const messenger = new RecordingMessenger();
    await drain(workerFor(c, { telegram: messenger }));
    const got = messenger.sent.filter((s) => s.message.text.includes('18')).map((s) => ({ lang: s.message.language, text: stripIsolates(s.message.text) }));
    expect(got.sort((a, b) => a.lang.localeCompare(b.lang))).toEqual([
      { lang: 'ar', text: 'تم نقل العشاء المشترك إلى فانغدالن الليلة الساعة 18.' },
      { lang: 'so', text: '(Fariintan waa af Deenish.)\n\nFællesspisning er flyttet til Vangdalen i aften kl. 18.' },
    ]);

    await staff.say('rapport for udsendelse');
    const report = tableOf(staff);
    expect(report?.rows.map((r) => r.cells.map(stripIsolates))).toEqual([
      ['العربية', '1', '1', '0', '0', '0', '0'],
      ['Soomaali', '1', '1', '0', '0', '0', '0'],
      ['I alt', '2', '2', '0', '0', '0', '0'],
    ]);
  });

  test('step by step, then withdrawn from the report before the worker ran: nothing reaches the resident', async () => {
    const c = ctx();
    const db = c.database.db;
    const r = new Chat(engineFor(c), { clientLanguage: 'uk', channel: 'telegram' });
    await r.start();
    await r.send({ kind: 'action', action: 'welcome.consent' });
    await r.press('Діти та молодь');
    const staff = new Chat(engineFor(c), { role: 'staff', channel: 'teams', firstName: 'Mette' });
    await staff.say('ny udsendelse');
    expect(staff.text()).toContain('Hvem skal have beskeden?');
    // The menu's button starts the same steps.
    await staff.press('Annullér');
    await staff.press('Send besked til beboere');
    expect(staff.text()).toContain('Hvem skal have beskeden?');
    await staff.press('Alle områder');
    await staff.press('Børn og unge');
    expect(staff.text()).toContain('Skriv beskeden på dansk.');
    await staff.say('Ny lektiehjælp for 10-14-årige fra mandag.');
    expect(stripIsolates(tableOf(staff)?.title ?? '')).toBe('Klar til at sende om Børn og unge. Modtagere: 1.');
    await staff.press('Send');
    expect(await db.outboxMessage.count({ where: { kind: 'broadcast', status: 'pending' } })).toBe(1);
    await staff.say('rapport for udsendelse');
    await staff.press('Træk tilbage');
    expect(staff.text()).toContain('Trukket tilbage, før de blev sendt: 1.');
    expect(tableOf(staff)?.rows.at(-1)?.cells.map(stripIsolates)).toEqual(['I alt', '1', '0', '0', '0', '0', '1']);
    const messenger = new RecordingMessenger();
    await drain(workerFor(c, { telegram: messenger }));
    expect(messenger.sent.filter((s) => s.message.text.includes('lektiehjælp'))).toHaveLength(0);
  });

  test('a resident cannot start a broadcast, and an empty audience sends nothing', async () => {
    const c = ctx();
    const r = new Chat(engineFor(c), { clientLanguage: 'da', channel: 'telegram' });
    await r.start();
    await r.send({ kind: 'action', action: 'broadcast.send' });
    expect(r.text()).not.toContain('sat i kø');
    const staff = new Chat(engineFor(c), { role: 'staff', channel: 'teams', firstName: 'Mette' });
    await staff.say('send til alle i Vangdalen om aktiviteter: Strikkecafé på torsdag.');
    expect(staff.text()).toContain('Ingen beboere passer til det valg');
    expect(await c.database.db.outboxMessage.count({ where: { kind: 'broadcast', payload: { contains: 'Strikke' } } })).toBe(0);
  });
});
