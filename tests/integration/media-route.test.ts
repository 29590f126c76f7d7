/**
 * Staff open a resident's voice message through a signed link: the bytes come from Telegram at
 * that moment (a stand-in file server here), a forged or expired link is refused, and a request
 * that is answered no longer shows its media. The handover card's button (an opener) mints a fresh
 * link each time it is pressed, also long after the first link expired.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api } from 'grammy';
import { startHttpServer, type HttpServer } from '../../bots/http/server';
import { mountMediaRoute } from '../../bots/telegram/media-route';
import { MEDIA_LINK_TTL_MS, MEDIA_OPENER_TTL_MS, mediaOpenerUrl, signMediaOpener, signMediaToken, verifyMediaToken } from '../../src/handovers/media-link';
import { silentLogger } from '../../src/logging/logger';
import { describeEachDatabase } from '../support/test-context';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const VOICE = Buffer.from('OggS-fake-voice-bytes');

describeEachDatabase('media links for staff', (ctx) => {
  let http: HttpServer;
  let files: Server;
  const fetched: string[] = [];

  beforeAll(async () => {
    files = createServer((req, res) => {
      fetched.push(req.url ?? '');
      res.writeHead(req.url?.endsWith('/voice/file_1.oga') ? 200 : 404);
      res.end(req.url?.endsWith('/voice/file_1.oga') ? VOICE : '');
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    const c = ctx();
    http = await startHttpServer({ port: 0, db: c.database.db, logger: silentLogger, provider: c.database.provider });
    const api = { getFile: async (fileId: string) => ({ file_id: fileId, file_unique_id: 'u', file_path: 'voice/file_1.oga' }) } as unknown as Pick<
      Api,
      'getFile'
    >;
    mountMediaRoute(http.server, {
      media: c.services.handoverMedia,
      api,
      token: '4242:secret-bot-token',
      apiRoot: `http://127.0.0.1:${(files.address() as AddressInfo).port}`,
      secret: SECRET,
      clock: c.clock,
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await http.close();
    await new Promise((r) => files.close(r));
  });

  async function voiceRequest(): Promise<string> {
    const c = ctx();
    const personId = await c.person('Amina');
    const r = await c.services.handoverMedia.receive({
      personId,
      channel: 'telegram',
      language: 'ar',
      media: { kind: 'voice', fileId: 'AwACAgQ-voice', fileSize: 2000 },
    });
    if (!('requestId' in r)) throw new Error(`refused: ${r.refused}`);
    return r.requestId;
  }
  const get = (token: string) => fetch(`http://127.0.0.1:${http.port()}/media/${encodeURIComponent(token)}`);

  test('a fresh link plays the voice message, fetched from Telegram without showing the bot token', async () => {
    const id = await voiceRequest();
    const res = await get(signMediaToken(SECRET, id, new Date(ctx().clock.now().getTime() + MEDIA_LINK_TTL_MS)));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/ogg');
    expect(Buffer.from(await res.arrayBuffer()).equals(VOICE)).toBe(true);
    expect(fetched.at(-1)).toBe('/file/bot4242:secret-bot-token/voice/file_1.oga');
  });

  test('a forged or expired link is refused; an answered request no longer shows its media', async () => {
    const c = ctx();
    const id = await voiceRequest();
    expect((await get(signMediaToken('another-secret-of-thirty-two-chars!!', id, new Date(c.clock.now().getTime() + 60_000)))).status).toBe(403);
    expect((await get(signMediaToken(SECRET, id, new Date(c.clock.now().getTime() - 1000)))).status).toBe(403);
    expect((await get('m1.x.y.z')).status).toBe(403);
    await c.database.db.handoverRequest.update({ where: { id }, data: { status: 'answered' } });
    expect((await get(signMediaToken(SECRET, id, new Date(c.clock.now().getTime() + 60_000)))).status).toBe(404);
  });

  test("a card's button pressed after its first link expired gets a fresh link; expired links and openers stay refused", async () => {
    const c = ctx();
    const id = await voiceRequest();
    const base = `http://127.0.0.1:${http.port()}`;
    const start = c.clock.now();
    const opener = mediaOpenerUrl(base, SECRET, id, start);
    const first = await fetch(opener, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const firstLink = first.headers.get('location') ?? '';
    expect(firstLink).toMatch(/^\/media\/m1\./);
    // An hour later: the first link is dead, the button still works and gives a new one that plays.
    c.clock.set(new Date(start.getTime() + 60 * 60_000));
    try {
      expect((await fetch(`${base}${firstLink}`)).status).toBe(403);
      const again = await fetch(opener, { redirect: 'manual' });
      expect(again.status).toBe(302);
      const fresh = again.headers.get('location') ?? '';
      expect(verifyMediaToken(SECRET, decodeURIComponent(fresh.replace('/media/', '')), c.clock.now())).toBe(id);
      const played = await fetch(`${base}${fresh}`);
      expect(played.status).toBe(200);
      expect(Buffer.from(await played.arrayBuffer()).equals(VOICE)).toBe(true);
      // Forged, expired or a media link used as an opener: refused.
      const open = (token: string) => fetch(`${base}/media/open/${encodeURIComponent(token)}`, { redirect: 'manual' });
      expect((await open(signMediaOpener('another-secret-of-thirty-two-chars!!', id, new Date(c.clock.now().getTime() + 60_000)))).status).toBe(403);
      expect((await open(signMediaOpener(SECRET, id, new Date(c.clock.now().getTime() - 1000)))).status).toBe(403);
      expect((await open(signMediaToken(SECRET, id, new Date(c.clock.now().getTime() + 60_000)))).status).toBe(403);
      expect((await open(signMediaOpener(SECRET, id, new Date(c.clock.now().getTime() + MEDIA_OPENER_TTL_MS + 10 * 60_000)))).status).toBe(403);
      // Answered: the button no longer opens anything.
      await c.database.db.handoverRequest.update({ where: { id }, data: { status: 'answered' } });
      expect((await fetch(opener, { redirect: 'manual' })).status).toBe(404);
    } finally {
      c.clock.set(start);
    }
  });
});
