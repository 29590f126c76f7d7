/**
 * Residents who speak instead of type, end to end on Telegram: a voice message and a photo of a
 * letter become a handover request with Telegram's file_id (not the bytes), the resident is told
 * in their language that a person will answer; without consent, too large or of a type we do not
 * take, nothing is stored and they are told why.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { TelegramHarness, TOKEN } from './telegram-harness';
import { TestResident } from './telegram-resident';

jest.setTimeout(60_000);

let h: TelegramHarness;
beforeAll(async () => {
  h = await TelegramHarness.start();
});
afterAll(async () => {
  await h?.stop();
});

/** Sends a message with media fields as Telegram would, and lets Nabo handle it. */
async function sendMedia(userId: number, language: string, fields: Record<string, unknown>): Promise<number[]> {
  const client = h.emulator.getClient(TOKEN, { userId, chatId: userId, firstName: 'Test', userName: `resident${userId}` });
  await client.sendMessage(client.makeMessage('', { from: { language_code: language }, ...fields }));
  return (await h.deliver()).map((d) => d.status);
}

const personOf = async (userId: number) =>
  (
    await h.nabo.database.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: String(userId) } },
      include: { person: true },
    })
  ).person;
const t = (lang: 'ar' | 'so' | 'da', key: string): string => stripIsolates(h.nabo.translations.translator(lang)(key));

test('a voice message and then a photo of a letter become one handover request, and the resident is told in Arabic', async () => {
  const r = new TestResident(h, 9301, 'ar');
  await r.command('/start');
  await r.press('welcome.consent');
  expect(
    await sendMedia(r.userId, 'ar', {
      voice: { file_id: 'AwACAgQAAxkBAAIBvoice1', file_unique_id: 'v1', duration: 12, mime_type: 'audio/ogg', file_size: 48_000 },
    }),
  ).toEqual([200]);
  expect(r.texts().at(-1)).toBe(t('ar', 'broadcast:media.received'));
  const person = await personOf(r.userId);
  const open = await h.nabo.database.db.handoverRequest.findMany({ where: { personId: person.id } });
  expect(open).toMatchObject([{ status: 'open', channel: 'telegram', language: 'ar', mediaKind: 'voice', mediaFileId: 'AwACAgQAAxkBAAIBvoice1' }]);
  expect(await h.nabo.services.handoverMedia.mediaOf(open[0]?.id ?? '')).toEqual({ kind: 'voice', fileId: 'AwACAgQAAxkBAAIBvoice1' });

  // A photo with a caption joins the open request; the largest size is kept.
  const photo = [
    { file_id: 'small', file_unique_id: 's', width: 90, height: 120, file_size: 2_000 },
    { file_id: 'AgACAgQAAxkBAAIBphotoLarge', file_unique_id: 'l', width: 1280, height: 1706, file_size: 310_000 },
  ];
  expect(await sendMedia(r.userId, 'ar', { photo, caption: 'رسالة من البلدية' })).toEqual([200]);
  const after = await h.nabo.database.db.handoverRequest.findMany({ where: { personId: person.id } });
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ mediaKind: 'photo', mediaFileId: 'AgACAgQAAxkBAAIBphotoLarge' });
  expect(after[0]?.question).toContain('رسالة من البلدية');
});

test('without consent, too large or of another type: nothing is stored and the resident is told why', async () => {
  const r = new TestResident(h, 9302, 'so');
  await r.command('/start');
  await sendMedia(r.userId, 'so', { voice: { file_id: 'AwACvoiceNoConsent', file_unique_id: 'v2', duration: 3, file_size: 9_000 } });
  expect(r.texts().at(-1)).toBe(t('so', 'broadcast:media.consent_needed'));
  // The answer offers the consent button.
  expect(r.offered()).toContain('welcome.consent');
  const person = await personOf(r.userId);
  expect(await h.nabo.database.db.handoverRequest.count({ where: { personId: person.id } })).toBe(0);

  await r.press('welcome.consent');
  await sendMedia(r.userId, 'so', {
    document: { file_id: 'BQACdocZip', file_unique_id: 'd1', file_name: 'x.zip', mime_type: 'application/zip', file_size: 1_000 },
  });
  expect(r.texts().at(-1)).toBe(t('so', 'broadcast:media.type_not_allowed'));
  await sendMedia(r.userId, 'so', {
    document: { file_id: 'BQACdocBig', file_unique_id: 'd2', file_name: 'scan.pdf', mime_type: 'application/pdf', file_size: 40 * 1024 * 1024 },
  });
  expect(r.texts().at(-1)).toBe(t('so', 'broadcast:media.too_big'));
  expect(await h.nabo.database.db.handoverRequest.count({ where: { personId: person.id } })).toBe(0);

  await sendMedia(r.userId, 'so', {
    document: { file_id: 'BQACdocPdf', file_unique_id: 'd3', file_name: 'brev.pdf', mime_type: 'application/pdf', file_size: 200_000 },
  });
  expect(r.texts().at(-1)).toBe(t('so', 'broadcast:media.received'));
  expect(await h.nabo.database.db.handoverRequest.findFirst({ where: { personId: person.id } })).toMatchObject({
    mediaKind: 'document',
    mediaFileId: 'BQACdocPdf',
    language: 'so',
  });
});
