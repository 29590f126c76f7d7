/**
 * Broadcasts on real databases: many residents in several languages and areas, only the ones who
 * chose the topic (and consented, and did not say stop) get it, once each, in their language or
 * in Danish with a line saying so; a repeated send queues nothing more; withdraw skips what waits;
 * the report's counts match what the recording Messenger received.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { DeliveryError } from '../../src/outbox/messenger';
import type { Language } from '../../src/plan-data/plan-file';
import { broadcastReport } from '../../src/broadcasts/broadcast-report';
import { TOPICS, type Topic } from '../../src/broadcasts/topics';
import { drain, RecordingMessenger, testTranslations, workerFor } from '../support/outbox-support';
import { describeEachDatabase, TEST_NOW, type TestContext } from '../support/test-context';

const LANGS: Language[] = ['da', 'ar', 'so', 'uk'];

interface Resident {
  id: string;
  language: Language;
  areaKey: string;
  topics: Topic[];
  consent: boolean;
  newsOff: boolean;
  blocked: boolean;
}

/** Creates `n` residents spread over languages, areas and topic choices (one identity each, on the console channel). */
async function residents(c: TestContext, n: number, tag: string): Promise<Resident[]> {
  const db = c.database.db;
  const areas = await db.housingArea.findMany({ where: { planId: c.planId }, orderBy: { key: 'asc' } });
  const out: Resident[] = [];
  for (let i = 0; i < n; i++) {
    const language = LANGS[i % LANGS.length] as Language;
    const area = areas[Math.floor(i / LANGS.length) % areas.length];
    if (!area) throw new Error('no areas');
    const topics = TOPICS.filter((_, k) => (i >> k) % 2 === 1);
    const r = { language, areaKey: area.key, topics, consent: i % 11 !== 0, newsOff: i % 13 === 5, blocked: i % 17 === 3 };
    const p = await db.person.create({
      data: {
        role: 'resident',
        language,
        housingAreaId: area.id,
        topics: topics.join(','),
        consentAt: r.consent ? TEST_NOW : null,
        newsOffAt: r.newsOff ? TEST_NOW : null,
        identities: { create: { channel: 'console', externalId: `${tag}-${i}`, address: `chat-${i}`, blockedAt: r.blocked ? TEST_NOW : null } },
      },
    });
    out.push({ id: p.id, ...r });
  }
  return out;
}

describeEachDatabase('broadcasts', (ctx) => {
  beforeEach(async () => {
    ctx().clock.set(TEST_NOW);
    // Each test counts its own residents: those of the test before are removed (their messages with them).
    await ctx().database.db.person.deleteMany({ where: { role: 'resident' } });
  });

  test('a broadcast to 400 residents reaches exactly the opted-in ones in one area, once each, in their language', async () => {
    const c = ctx();
    const db = c.database.db;
    const people = await residents(c, 400, 'bc1');
    const staffId = await c.person('Mette', 'staff');
    const vang = await db.housingArea.findFirstOrThrow({ where: { planId: c.planId, key: 'vangdalsparken' } });
    const expected = people.filter((p) => p.areaKey === 'vangdalsparken' && p.topics.includes('dinner') && p.consent && !p.newsOff);
    expect(expected.length).toBeGreaterThan(50);

    const audience = { topic: 'dinner' as const, areaIds: [vang.id] };
    const preview = await c.services.broadcasts.preview(audience, { da: 'x', ar: 'y' });
    expect(preview.total).toBe(expected.length);
    for (const l of LANGS) expect(preview.byLanguage[l]).toBe(expected.filter((p) => p.language === l).length);
    expect(preview.inDanish).toEqual(['so', 'uk']);

    const texts = { da: 'Fællesspisning er flyttet til Vangdalen i aften kl. 18.', ar: 'تم نقل العشاء المشترك إلى فانغدالن الليلة الساعة 18.' };
    const sent = await c.services.broadcasts.send({ id: 'bc-test-1', createdById: staffId, texts, audience });
    expect(sent.recipients).toBe(expected.length);
    // Pressing "send" again (a double tap, another instance) queues nothing more.
    const again = await c.services.broadcasts.send({ id: 'bc-test-1', createdById: staffId, texts, audience });
    expect(again.id).toBe(sent.id);
    const rows = await db.outboxMessage.findMany({ where: { kind: 'broadcast', refId: { startsWith: `broadcast:${sent.id}:` } } });
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r.personId))).toEqual(new Set(expected.map((p) => p.id)));

    // One recipient's chat is gone for good; the rest are sent.
    const gone = expected.find((p) => !p.blocked && p.language === 'uk');
    if (!gone) throw new Error('fixture has no Ukrainian reader');
    const messenger = new RecordingMessenger((to) =>
      to.personId === gone.id ? new DeliveryError('telegram 400: chat not found', { permanent: true }) : 'sent',
    );
    await drain(workerFor(c, { console: messenger }));

    const reached = expected.filter((p) => !p.blocked && p.id !== gone.id);
    expect(messenger.sent.map((s) => s.to.personId).sort()).toEqual(reached.map((p) => p.id).sort());
    const t = (l: Language) => testTranslations().translator(l);
    for (const p of reached) {
      const got = messenger.to(p.id).map((m) => stripIsolates(m.text));
      const own = p.language === 'da' ? texts.da : p.language === 'ar' ? texts.ar : null;
      expect(got).toEqual([own ?? stripIsolates(t(p.language)('broadcast:message.in_danish', { text: texts.da }))]);
    }
    // The Somali reader is told, in Somali, that the text is Danish.
    const somali = reached.find((p) => p.language === 'so');
    expect(stripIsolates(messenger.to(somali?.id ?? '')[0]?.text ?? '')).toContain('Fariintan waa af Deenish');

    const report = await broadcastReport(db, sent.id);
    const blocked = expected.filter((p) => p.blocked);
    expect(report.totals).toEqual({ recipients: expected.length, sent: reached.length, pending: 0, failed: 1, blocked: blocked.length, skipped: 0 });
    expect(report.failures).toEqual([{ reason: 'telegram 400: chat not found', count: 1 }]);
    for (const { language, counts } of report.byLanguage) {
      expect(counts.sent).toBe(messenger.sent.filter((s) => s.message.language === language).length);
      expect(counts.recipients).toBe(expected.filter((p) => p.language === language).length);
    }
  });

  test('language and event filters, and people who are not opted in, are respected', async () => {
    const c = ctx();
    const db = c.database.db;
    const people = await residents(c, 48, 'bc2');
    const staffId = await c.person('Mette', 'staff');
    const eventId = await c.event({ capacity: 100 });
    const withNews = people.filter((p) => p.topics.includes('news') && p.consent && !p.newsOff);
    const signed = [...withNews.slice(0, 3), ...people.filter((p) => !p.topics.includes('news')).slice(0, 2)];
    for (const p of signed) await db.signUp.create({ data: { eventId, personId: p.id, status: 'confirmed' } });

    const byEvent = await c.services.broadcasts.send({ createdById: staffId, texts: { da: 'Husk at tage en ret med.' }, audience: { topic: 'news', eventId } });
    expect(byEvent.recipients).toBe(3);
    const arabic = await c.services.broadcasts.preview({ topic: 'news', languages: ['ar'] });
    expect(arabic.total).toBe(withNews.filter((p) => p.language === 'ar').length);
    expect(Object.keys(arabic.byLanguage)).toEqual(['ar']);
  });

  test('a broadcast for later can be withdrawn: nothing is sent and the report says so', async () => {
    const c = ctx();
    const db = c.database.db;
    const people = await residents(c, 40, 'bc3');
    const staffId = await c.person('Mette', 'staff');
    const sendAt = new Date(TEST_NOW.getTime() + 86_400_000);
    const b = await c.services.broadcasts.send({
      createdById: staffId,
      texts: { da: 'Lektiehjælp for 10-14-årige starter i morgen.' },
      audience: { topic: 'children_youth' },
      sendAt,
    });
    const expected = people.filter((p) => p.topics.includes('children_youth') && p.consent && !p.newsOff);
    expect(b.recipients).toBe(expected.length);
    const messenger = new RecordingMessenger();
    const worker = workerFor(c, { console: messenger });
    await drain(worker);
    expect(messenger.sent.filter((s) => s.message.text.includes('Lektiehjælp'))).toHaveLength(0);
    expect(await c.services.broadcasts.withdraw(b.id)).toBe(expected.length);
    c.clock.set(new Date(sendAt.getTime() + 60_000));
    await drain(worker);
    expect(messenger.sent.filter((s) => s.message.text.includes('Lektiehjælp'))).toHaveLength(0);
    const report = await broadcastReport(db, b.id);
    expect(report.totals).toMatchObject({ recipients: expected.length, sent: 0, pending: 0, skipped: expected.length });
    expect(report.withdrawnAt).toEqual(TEST_NOW);
  });

  test('quiet hours hold a broadcast unless it is urgent; "stop news" skips what waits and keeps them out', async () => {
    const c = ctx();
    const staffId = await c.person('Mette', 'staff');
    const people = await residents(c, 16, 'bc4');
    const ones = people.filter((p) => p.topics.includes('activities') && p.consent && !p.newsOff && !p.blocked);
    const [stopper, ...others] = ones;
    if (!stopper) throw new Error('fixture without an opted-in reader');
    // 22:30 in Copenhagen: quiet.
    c.clock.set(new Date('2025-11-18T21:30:00Z'));
    const calm = await c.services.broadcasts.send({ createdById: staffId, texts: { da: 'Ny aktivitet: strikkecafé.' }, audience: { topic: 'activities' } });
    const urgent = await c.services.broadcasts.send({
      createdById: staffId,
      texts: { da: 'Vandet er lukket i aften.' },
      audience: { topic: 'activities' },
      urgent: true,
    });
    await c.services.topics.setStopped(stopper.id, true);
    const messenger = new RecordingMessenger();
    await drain(workerFor(c, { console: messenger }));
    expect(messenger.sent.filter((s) => s.message.text.includes('strikkecafé'))).toHaveLength(0);
    expect(
      messenger.sent
        .filter((s) => s.message.text.includes('Vandet'))
        .map((s) => s.to.personId)
        .sort(),
    ).toEqual(others.map((p) => p.id).sort());
    expect((await broadcastReport(c.database.db, calm.id)).totals).toMatchObject({ pending: others.length, skipped: 1 });
    expect((await broadcastReport(c.database.db, urgent.id)).totals).toMatchObject({ sent: others.length, skipped: 1 });
    expect((await c.services.broadcasts.preview({ topic: 'activities' })).total).toBe(
      ones.length - 1 + people.filter((p) => p.blocked && p.topics.includes('activities') && p.consent && !p.newsOff).length,
    );
  });

  test('two workers draining the same broadcast at once send each message once', async () => {
    const c = ctx();
    const staffId = await c.person('Mette', 'staff');
    const people = await residents(c, 120, 'bc6');
    const expected = people.filter((p) => p.topics.includes('news') && p.consent && !p.newsOff && !p.blocked);
    await c.services.broadcasts.send({ createdById: staffId, texts: { da: 'Beboermøde på torsdag.' }, audience: { topic: 'news' } });
    const a = new RecordingMessenger();
    const b = new RecordingMessenger();
    const wa = workerFor(c, { console: a }, undefined, { batchSize: 7 });
    const wb = workerFor(c, { console: b }, undefined, { batchSize: 7 });
    await Promise.all([drain(wa), drain(wb)]);
    const ids = [...a.sent, ...b.sent].filter((s) => s.message.text.includes('Beboermøde')).map((s) => s.to.personId);
    expect(ids.sort()).toEqual(expected.map((p) => p.id).sort());
    // Both took part (the claim splits the rows between them).
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
  });

  test('erasing a person forgets their topics and withdraws what was queued for them', async () => {
    const c = ctx();
    const db = c.database.db;
    const staffId = await c.person('Mette', 'staff');
    const [p] = (await residents(c, 8, 'bc5')).filter((r) => r.topics.includes('news') && r.consent && !r.newsOff);
    if (!p) throw new Error('fixture without a news reader');
    await c.services.broadcasts.send({
      createdById: staffId,
      texts: { da: 'Nyt fra beboerrådet.' },
      audience: { topic: 'news' },
      sendAt: new Date(TEST_NOW.getTime() + 3_600_000),
    });
    expect(await db.outboxMessage.count({ where: { personId: p.id, kind: 'broadcast', status: 'pending' } })).toBe(1);
    await c.services.people.erase(p.id);
    expect(await db.person.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ topics: '', newsOffAt: null });
    expect(await db.outboxMessage.count({ where: { personId: p.id, kind: 'broadcast' } })).toBe(0);
  });

  test('a text that is empty or too long is refused with a clear error', async () => {
    const c = ctx();
    const staffId = await c.person('Mette', 'staff');
    await expect(c.services.broadcasts.send({ createdById: staffId, texts: { da: '   ' }, audience: { topic: 'news' } })).rejects.toMatchObject({
      code: 'broadcast.text_invalid',
    });
    await expect(
      c.services.broadcasts.send({ createdById: staffId, texts: { da: 'ok', ar: 'x'.repeat(4000) }, audience: { topic: 'news' } }),
    ).rejects.toMatchObject({ code: 'broadcast.text_invalid' });
    await expect(c.services.broadcasts.withdraw('nope')).rejects.toMatchObject({ code: 'broadcast.not_found' });
  });
});
