/**
 * GET /calendar/<activity id>.ics?sig=… : an activity's upcoming events as an .ics feed that the
 * secretariat's calendars and screens subscribe to (src/calendar-feed). The signature is checked
 * before anything is read: a wrong or missing one gets 403, a signed link to an activity that no
 * longer exists 404. Signatures never reach the log.
 */
import type restify from 'restify';
import { CalendarFeed } from '../../src/calendar-feed/calendar-feed';
import { verifyFeed } from '../../src/calendar-feed/feed-link';
import type { Db } from '../../src/database/database';
import type { Logger } from '../../src/logging/logger';
import type { Clock } from '../../src/time/clock';

export interface CalendarFeedDeps {
  db: Db;
  clock: Clock;
  /** The secret the links were signed with (NABO_TAB_SECRET). */
  secret: string;
  logger: Logger;
}

const FILE = /^([A-Za-z0-9_-]{1,64})\.ics$/;

function plain(res: restify.Response, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

export function mountCalendarFeed(server: restify.Server, deps: CalendarFeedDeps): void {
  const feed = new CalendarFeed(deps.db, deps.clock);
  server.get('/calendar/:file', async (req: restify.Request, res: restify.Response) => {
    const url = new URL(req.url ?? '/', 'http://nabo.local');
    const id = FILE.exec(decodeURIComponent(url.pathname.slice('/calendar/'.length)))?.[1];
    const sig = url.searchParams.get('sig') ?? '';
    if (!id || !verifyFeed(deps.secret, id, sig)) {
      deps.logger.warn('calendar feed refused', { reason: id ? 'signature' : 'path' });
      return plain(res, 403, 'Forbidden: this calendar link is not valid.');
    }
    try {
      const ics = await feed.ics(id);
      if (ics === null) return plain(res, 404, 'Not found: this activity no longer exists.');
      res.writeHead(200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `inline; filename="${id}.ics"`,
        'Content-Length': Buffer.byteLength(ics),
        'Cache-Control': 'private, max-age=300',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(ics);
    } catch (err) {
      deps.logger.error('calendar feed failed', { err: err instanceof Error ? err : new Error(String(err)) });
      plain(res, 500, 'The calendar could not be read. Please try again later.');
    }
  });
}
