/**
 * A broadcast end to end on Telegram: residents in four languages and two housing areas consent,
 * choose topics and give their address through the emulator; staff send a broadcast about
 * fællesspisning to one area with a Danish and an Arabic text; the core outbox worker sends it
 * through the channel's Messenger (paced). Exactly the opted-in residents of the area get it, once
 * each, in Arabic or in Danish with the line in their own language; the report matches the emulator.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import type { Language } from '../../src/plan-data/plan-file';
import { TelegramHarness } from './telegram-harness';
import { TestResident } from './telegram-resident';

jest.setTimeout(120_000);

let h: TelegramHarness;
beforeAll(async () => {
  h = await TelegramHarness.start();
});
afterAll(async () => {
  await h?.stop();
});

const LANGS: Language[] = ['ar', 'so', 'da', 'uk'];
const BODY_DA = 'Fællesspisning er flyttet til Vangdalen i aften kl. 18.';
const BODY_AR = 'تم نقل العشاء المشترك إلى فانغدالن الليلة الساعة 18.';

test('a broadcast reaches exactly the opted-in residents of the area, once each, in their language, and the report matches', async () => {
  const db = h.nabo.database.db;
  const people: { r: TestResident; language: Language; vangdalen: boolean; dinner: boolean }[] = [];
  for (let i = 0; i < 24; i++) {
    const language = LANGS[i % LANGS.length] as Language;
    const r = new TestResident(h, 9100 + i, language);
    const vangdalen = Math.floor(i / 4) % 2 === 0;
    const dinner = i % 3 !== 0;
    await r.command('/start');
    await r.press('welcome.consent');
    if (dinner) await r.press('news.toggle|dinner');
    else await r.press('news.toggle|news');
    await r.press('news.done');
    await r.say(vangdalen ? `Rørhaven ${i + 1}` : `Husarvej ${2 * i + 1}`);
    people.push({ r, language, vangdalen, dinner });
  }
  const plan = await h.nabo.services.catalogue.currentPlan();
  const area = await db.housingArea.findFirstOrThrow({ where: { planId: plan.id, key: 'vangdalsparken' } });
  const expected = people.filter((p) => p.vangdalen && p.dinner);
  const before = new Map(people.map((p) => [p.r.userId, p.r.messages().length]));

  const staff = await h.nabo.services.people.identify({ channel: 'teams', externalId: 'aad-staff-broadcast', firstName: 'Mette', role: 'staff' });
  const sent = await h.nabo.services.broadcasts.send({
    createdById: staff.id,
    texts: { da: BODY_DA, ar: BODY_AR },
    audience: { topic: 'dinner', areaIds: [area.id] },
  });
  expect(sent.recipients).toBe(expected.length);

  await h.until(
    async () => {
      await h.nabo.outbox.runOnce();
      return (await db.outboxMessage.count({ where: { kind: 'broadcast', status: { in: ['pending', 'sending'] } } })) === 0;
    },
    'the broadcast sent',
    30_000,
  );

  for (const p of people) {
    const fresh = p.r.texts().slice(before.get(p.r.userId));
    if (!expected.includes(p)) {
      expect(fresh).toEqual([]);
      continue;
    }
    const t = h.nabo.translations.translator(p.language);
    const want = p.language === 'ar' ? BODY_AR : p.language === 'da' ? BODY_DA : stripIsolates(t('broadcast:message.in_danish', { text: BODY_DA }));
    expect(fresh).toEqual([want]);
  }
  const report = await h.nabo.services.broadcasts.report(sent.id);
  expect(report.totals).toEqual({ recipients: expected.length, sent: expected.length, pending: 0, failed: 0, blocked: 0, skipped: 0 });
  for (const { language, counts } of report.byLanguage) expect(counts.sent).toBe(expected.filter((p) => p.language === language).length);
});
