/**
 * GET /media/<token>: staff open a resident's voice message, photo or document. The token is a
 * short-lived signed link to one handover request (src/handovers/media-link.ts); the request must
 * still be open. The bytes are fetched from Telegram at that moment (getFile, then the file URL)
 * and passed through, so Nabo stores only Telegram's file_id and the bot token never reaches the
 * browser. A wrong or expired link gets 403, a closed request or one without media 404.
 * GET /media/open/<opener>: what a handover card's button opens, days later too; it mints a fresh
 * 15-minute link and redirects to it (same checks: a wrong or expired opener 403, a closed request 404).
 */
import type { Api } from 'grammy';
import type restify from 'restify';
import { mediaLinkUrl, verifyMediaOpener, verifyMediaToken } from '../../src/handovers/media-link';
import type { HandoverMedia, MediaKind } from '../../src/handovers/handover-media';
import type { Logger } from '../../src/logging/logger';
import type { Clock } from '../../src/time/clock';

export const MEDIA_PATH = '/media/:token';
export const MEDIA_OPENER_PATH = '/media/open/:token';

/** What a kind of media is served as when Telegram's file name says nothing better. */
const CONTENT_TYPES: Record<MediaKind, string> = { voice: 'audio/ogg', photo: 'image/jpeg', document: 'application/octet-stream' };
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
};

export interface MediaRouteDeps {
  media: Pick<HandoverMedia, 'mediaOf'>;
  api: Pick<Api, 'getFile'>;
  /** The bot token and Bot API root, to build the file URL (never sent to the browser). */
  token: string;
  apiRoot?: string;
  /** The secret media links are signed with (NABO_TAB_SECRET). */
  secret: string;
  clock: Clock;
  logger: Logger;
}

/** Mounts GET /media/<token> on the shared server. */
export function mountMediaRoute(server: restify.Server, deps: MediaRouteDeps): void {
  server.get(MEDIA_OPENER_PATH, async (req: restify.Request, res: restify.Response) => {
    const now = deps.clock.now();
    const requestId = verifyMediaOpener(deps.secret, String(req.params?.token ?? ''), now);
    if (!requestId) return void res.send(403, { error: 'this link is not valid or has expired' });
    if (!(await deps.media.mediaOf(requestId))) return void res.send(404, { error: 'no media for an open request' });
    // Relative to this server, so it works behind whatever public address the opener came through.
    res.writeHead(302, { location: mediaLinkUrl('', deps.secret, requestId, now), 'cache-control': 'private, no-store' });
    res.end();
  });
  server.get(MEDIA_PATH, async (req: restify.Request, res: restify.Response) => {
    const requestId = verifyMediaToken(deps.secret, String(req.params?.token ?? ''), deps.clock.now());
    if (!requestId) return void res.send(403, { error: 'this link is not valid or has expired' });
    const media = await deps.media.mediaOf(requestId);
    if (!media) return void res.send(404, { error: 'no media for an open request' });
    try {
      const file = await deps.api.getFile(media.fileId);
      if (!file.file_path) return void res.send(404, { error: 'Telegram no longer has the file' });
      const upstream = await fetch(`${deps.apiRoot ?? 'https://api.telegram.org'}/file/bot${deps.token}/${file.file_path}`);
      if (!upstream.ok) {
        deps.logger.warn('media fetch from Telegram failed', { status: upstream.status });
        return void res.send(502, { error: 'Telegram did not hand over the file' });
      }
      const extension = file.file_path.split('.').pop()?.toLowerCase() ?? '';
      const body = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(200, {
        'content-type': BY_EXTENSION[extension] ?? CONTENT_TYPES[media.kind],
        'content-length': body.length,
        'cache-control': 'private, no-store',
        'content-disposition': `inline; filename="henvendelse-${media.kind}.${extension || 'bin'}"`,
      });
      res.end(body);
    } catch (err) {
      deps.logger.warn('media link failed', { err: err instanceof Error ? err : new Error(String(err)) });
      res.send(502, { error: 'Telegram could not be reached' });
    }
  });
}
