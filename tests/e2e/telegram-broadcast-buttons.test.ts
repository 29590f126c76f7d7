/**
 * Buttons under a broadcast, end to end on Telegram: residents in Arabic, Somali and Danish get the
 * message with "Tilmeld" and "Læs mere" in their own language (callback data within 64 bytes).
 * "Læs mere" shows the event; "Tilmeld" goes on as the normal sign-up and ends in a sign-up in the
 * database; the broadcast keeps its text and buttons. Presses count once per person and button,
 * and the report shows them. A press after withdrawal, or on an unknown or forged broadcast, gets a
 * clear answer and counts nothing. "Delete my data" removes the person's presses, and "my data"
 * listed them before.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import type { Language } from '../../src/plan-data/plan-file';
import { TelegramHarness } from './telegram-harness';
import { buttonsOf, TestResident } from './telegram-resident';

jest.setTimeout(120_000);

let h: TelegramHarness;
beforeAll(async () => {
  h = await TelegramHarness.start();
});
afterAll(async () => {
  await h?.stop();
});

const t = (lang: Language, key: string, params?: Record<string, string | number>): string => stripIsolates(h.nabo.translations.translator(lang)(key, params));
const BODY = 'Fællesspisning på torsdag: der er stadig pladser.';

async function resident(userId: number, language: Language): Promise<TestResident> {
  const r = new TestResident(h, userId, language);
  await r.command('/start');
  await r.press('welcome.consent');
  await r.press('news.toggle|dinner');
  await r.press('news.done');
  return r;
}

const personId = async (r: TestResident): Promise<string> =>
  (
    await h.nabo.database.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: String(r.userId) } },
    })
  ).personId;

async function sendAll(): Promise<void> {
  const db = h.nabo.database.db;
  await h.until(
    async () => {
      await h.nabo.outbox.runOnce();
      return (await db.outboxMessage.count({ where: { kind: 'broadcast', status: { in: ['pending', 'sending'] } } })) === 0;
    },
    'the broadcast sent',
    30_000,
  );
}

test('Tilmeld and Læs mere in each resident language: details, a real sign-up, presses counted once, withdrawn and forged presses refused, erasure removes presses', async () => {
  const db = h.nabo.database.db;
  const ar = await resident(9401, 'ar');
  const so = await resident(9402, 'so');
  const da = await resident(9403, 'da');
  const event = await db.event.findFirstOrThrow({
    where: { startsAt: { gt: h.clock.now() }, status: 'scheduled', activity: { signupRequired: true, category: 'dinner' } },
    orderBy: { startsAt: 'asc' },
    include: { activity: true },
  });
  const staff = await h.nabo.services.people.identify({ channel: 'teams', externalId: 'aad-staff-buttons', firstName: 'Mette', role: 'staff' });
  const sent = await h.nabo.services.broadcasts.send({
    createdById: staff.id,
    texts: { da: BODY },
    audience: { topic: 'dinner' },
    buttons: [
      { kind: 'signup', eventId: event.id },
      { kind: 'more', eventId: event.id },
    ],
  });
  expect(sent.recipients).toBeGreaterThanOrEqual(3);
  await sendAll();

  // Each sees the message with both buttons, labelled in their language, data within 64 bytes.
  for (const [r, lang] of [
    [ar, 'ar'],
    [so, 'so'],
    [da, 'da'],
  ] as const) {
    const m = r.messages().at(-1);
    if (!m) throw new Error('no broadcast');
    const buttons = buttonsOf(m);
    expect(buttons.map((b) => b.text)).toEqual([t(lang, 'broadcast:button.signup'), t(lang, 'broadcast:button.more')]);
    expect(buttons.map((b) => b.callback_data)).toEqual([`bcast.signup|${sent.id}`, `bcast.more|${sent.id}`]);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  }

  // "Læs mere": the event's details below; the broadcast keeps its text and its buttons.
  const broadcastMessage = ar.messages().at(-1);
  const broadcastText = ar.texts().at(-1);
  await ar.press(`bcast.more|${sent.id}`);
  const title = (await h.nabo.services.catalogue.event(event.id, 'ar')).title;
  expect(ar.texts().some((x) => x.startsWith(t('ar', 'resident:details.title', { title })))).toBe(true);
  const kept = ar.messages().find((m) => m.messageId === broadcastMessage?.messageId);
  expect(kept && String(kept.message.text).replace(/[\u2068\u2069]/g, '')).toBe(broadcastText);
  expect(kept && buttonsOf(kept)).toHaveLength(2);

  // "Tilmeld": the normal sign-up, step by step, to a sign-up in the database.
  await ar.press(`bcast.signup|${sent.id}`);
  // The event's line and the first question are one message, the count buttons under it.
  expect(
    ar
      .texts()
      .at(-1)
      ?.endsWith(`\n\n${t('ar', 'resident:signup.adults')}`),
  ).toBe(true);
  await ar.press('signup.adults|2');
  await ar.press('signup.children|1');
  await ar.press('signup.diet|none');
  await ar.press('signup.confirm');
  const arId = await personId(ar);
  expect(await db.signUp.findFirst({ where: { personId: arId, eventId: event.id } })).toMatchObject({ adults: 2, children: 1, status: 'confirmed' });

  // Pressing again counts nothing more; the resident is shown the sign-up they have.
  await ar.press(`bcast.signup|${sent.id}`);
  await ar.press(`bcast.more|${sent.id}`);
  await so.press(`bcast.more|${sent.id}`);
  expect(await db.broadcastPress.count({ where: { broadcastId: sent.id, personId: arId } })).toBe(2);
  const report = await h.nabo.services.broadcasts.report(sent.id);
  expect(report.presses).toEqual({ signup: 1, more: 2, people: 2 });
  expect(report.buttons).toEqual(['signup', 'more']);

  // "My data" lists the presses; erasure removes them.
  const exported = await h.nabo.services.people.export(arId);
  expect(exported.broadcastPresses.map((p) => p.button).sort()).toEqual(['more', 'signup']);
  await ar.press(/^welcome\.menu$/).catch(() => undefined);
  await ar.say('slet mine data');
  await ar.press('mydata.erase');
  expect(await db.broadcastPress.count({ where: { personId: arId } })).toBe(0);
  expect(await db.broadcastPress.count({ where: { broadcastId: sent.id } })).toBe(1);

  // Withdrawn: a clear answer, nothing counted.
  await h.nabo.services.broadcasts.withdraw(sent.id);
  await da.press(`bcast.signup|${sent.id}`);
  expect(
    da
      .texts()
      .at(-1)
      ?.startsWith(`${t('da', 'errors:broadcast.withdrawn')}\n\n`),
  ).toBe(true);
  expect(await db.broadcastPress.count({ where: { personId: await personId(da) } })).toBe(0);

  // Unknown and forged: a clear answer, nothing counted.
  const last = so.messages().at(-1)?.messageId ?? 0;
  await so.pressOn(last, 'bcast.signup|doesnotexist000000000');
  expect(
    so
      .texts()
      .at(-1)
      ?.startsWith(`${t('so', 'errors:broadcast.not_found')}\n\n`),
  ).toBe(true);
  // Forged data is a stale button (on Telegram it replaces the pressed message, as any stale button does).
  await so.pressOn(last, 'bcast.signup|../../etc');
  expect(so.texts().join('\n\n')).toContain(t('so', 'common:stale_button'));
  expect(await db.broadcastPress.count({ where: { personId: await personId(so) } })).toBe(1);
});
