/**
 * Residents' media as handovers on real databases: consent, size and type checked before anything
 * is stored; the file reference joins the open request; a closed request's media is no longer
 * served; erasure forgets it. And the signed links: valid for 15 minutes, refused when expired,
 * forged, or claiming a longer life.
 */
import { HandoverMedia, MAX_MEDIA_BYTES } from '../../src/handovers/handover-media';
import { MEDIA_LINK_TTL_MS, signMediaToken, verifyMediaToken } from '../../src/handovers/media-link';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

const SECRET = 'x'.repeat(40);

describeEachDatabase('handover media', (ctx) => {
  test('consent, size and type are checked; the file id joins the open request; erasure forgets it', async () => {
    const c = ctx();
    const db = c.database.db;
    const media = new HandoverMedia(db, c.services.handovers);
    const stranger = await c.services.people.identify({ channel: 'telegram', externalId: 'media-1' });
    const voice = { kind: 'voice' as const, fileId: 'AwACvoice', fileSize: 30_000 };
    expect(await media.receive({ personId: stranger.id, channel: 'telegram', language: 'da', media: voice })).toEqual({ refused: 'consent_needed' });
    const personId = await c.person('Amina');
    expect(await media.receive({ personId, channel: 'telegram', language: 'ar', media: { ...voice, fileSize: MAX_MEDIA_BYTES + 1 } })).toEqual({
      refused: 'too_big',
    });
    expect(
      await media.receive({
        personId,
        channel: 'telegram',
        language: 'ar',
        media: { kind: 'document', fileId: 'BQexe', mimeType: 'application/x-msdownload' },
      }),
    ).toEqual({ refused: 'type_not_allowed' });
    expect(await db.handoverRequest.count({ where: { personId } })).toBe(0);

    const first = await media.receive({ personId, channel: 'telegram', language: 'ar', media: voice });
    if (!('requestId' in first)) throw new Error('voice refused');
    const second = await media.receive({
      personId,
      channel: 'telegram',
      language: 'ar',
      media: { kind: 'photo', fileId: 'AgACphoto', caption: 'brev fra kommunen' },
    });
    expect(second).toEqual(first);
    expect(await media.mediaOf(first.requestId)).toEqual({ kind: 'photo', fileId: 'AgACphoto' });

    await c.services.people.erase(personId);
    expect(await db.handoverRequest.findUniqueOrThrow({ where: { id: first.requestId } })).toMatchObject({
      mediaKind: null,
      mediaFileId: null,
      question: null,
    });
    expect(await media.mediaOf(first.requestId)).toBeNull();
  });

  test('signed media links live 15 minutes and cannot be forged or stretched', () => {
    const token = signMediaToken(SECRET, 'ckrequest1', new Date(TEST_NOW.getTime() + MEDIA_LINK_TTL_MS));
    expect(verifyMediaToken(SECRET, token, TEST_NOW)).toBe('ckrequest1');
    expect(verifyMediaToken(SECRET, token, new Date(TEST_NOW.getTime() + MEDIA_LINK_TTL_MS + 1000))).toBeNull();
    expect(verifyMediaToken('y'.repeat(40), token, TEST_NOW)).toBeNull();
    expect(verifyMediaToken(SECRET, token.replace('ckrequest1', 'ckrequest2'), TEST_NOW)).toBeNull();
    const stretched = signMediaToken(SECRET, 'ckrequest1', new Date(TEST_NOW.getTime() + 24 * 3_600_000));
    expect(verifyMediaToken(SECRET, stretched, TEST_NOW)).toBeNull();
    expect(verifyMediaToken(SECRET, 'm1.x.y', TEST_NOW)).toBeNull();
  });
});
