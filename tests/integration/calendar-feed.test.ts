/**
 * The signed .ics feed per activity, over HTTP on the real restify server: the activity's upcoming
 * events (a cancelled one marked cancelled, past ones and other activities' left out) at their
 * Copenhagen times, and 403 for a wrong, missing or another activity's signature.
 */
import { startHttpServer, type HttpServer } from '../../bots/http/server';
import { mountCalendarFeed } from '../../bots/http/calendar-feed-routes';
import { feedPath, signFeed } from '../../src/calendar-feed/feed-link';
import { calendarLinkCommand, type LinkEnv } from '../../src/calendar-feed/link-command';
import { stripIsolates, Translations } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { seriesDates } from '../../src/series/series-dates';
import { describeEachDatabase } from '../support/test-context';

const SECRET = 'test-secret-for-calendar-feeds-0123456789';

/** The feed's text with folded lines joined again (RFC 5545 continuation lines start with a space). */
const unfold = (ics: string): string => ics.replace(/\r\n /g, '');

describeEachDatabase('the calendar feed of an activity', (ctx) => {
  let http: HttpServer;
  let dinner: string;
  let series: string[];
  const base = (): string => `http://127.0.0.1:${http.port()}`;

  beforeAll(async () => {
    const c = ctx();
    http = await startHttpServer({ port: 0, db: c.database.db, logger: silentLogger, provider: c.database.provider });
    mountCalendarFeed(http.server, { db: c.database.db, clock: c.clock, secret: SECRET, logger: silentLogger });
    dinner = await c.activityId('faellesspisning');
    const park = await c.database.db.location.findUniqueOrThrow({ where: { key: 'parkcafeen' } });
    const staff = await c.person('Mette', 'staff');
    // Thursdays 17.30 from 20 November 2025 to 5 February 2026: 10 events (Christmas Day and New Year's Day fall out).
    const { occurrences } = seriesDates({ weekday: 4, from: '2025-11-20', to: '2026-02-05', start: [17, 30], end: [19, 30], skipWeeks: [] });
    series = await c.services.series.create({ activityId: dinner, occurrences, capacity: 40, locationId: park.id, actorId: staff });
    await c.services.events.cancel(series[1] ?? '', staff);
    // Last week's dinner and another activity's event stay out of the feed.
    await c.event({ startsAt: new Date('2025-11-13T16:30:00Z') });
    await c.event({ activity: 'moedregrupper', startsAt: new Date('2025-11-25T09:00:00Z') });
  });
  afterAll(async () => {
    await http.close();
  });

  test('a signed link gives the upcoming events as an .ics calendar', async () => {
    const res = await fetch(base() + feedPath(SECRET, dinner));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = unfold(await res.text());
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('X-WR-CALNAME:Fællesspisning');
    const starts = [...ics.matchAll(/^DTSTART:(\S+)$/gm)].map((m) => m[1]);
    expect(starts).toEqual([
      '20251120T163000Z',
      '20251127T163000Z',
      '20251204T163000Z',
      '20251211T163000Z',
      '20251218T163000Z',
      '20260108T163000Z',
      '20260115T163000Z',
      '20260122T163000Z',
      '20260129T163000Z',
      '20260205T163000Z',
    ]);
    expect(ics.match(/^SUMMARY:Fællesspisning$/gm)).toHaveLength(10);
    expect(ics.match(/^LOCATION:ParkCafeen\\, Flyvervej 5\\, Randers$/gm)).toHaveLength(10);
    expect(ics).toContain(`UID:event-${series[0]}@nabo`);
    // The cancelled dinner of 27 November is kept, marked, so subscribed calendars remove it.
    const cancelled = ics.split('BEGIN:VEVENT').find((v) => v.includes('DTSTART:20251127T163000Z')) ?? '';
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(ics.match(/STATUS:CANCELLED/g)).toHaveLength(1);
  });

  test("a wrong, missing or another activity's signature gets 403 and no calendar", async () => {
    const other = await ctx().activityId('moedregrupper');
    const wrong = await fetch(`${base()}/calendar/${dinner}.ics?sig=${signFeed('another-secret', dinner)}`);
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('BEGIN:VCALENDAR');
    expect((await fetch(`${base()}/calendar/${dinner}.ics`)).status).toBe(403);
    expect((await fetch(`${base()}/calendar/${dinner}.ics?sig=${signFeed(SECRET, other)}`)).status).toBe(403);
    expect((await fetch(`${base()}/calendar/..%2F${dinner}.ics?sig=${signFeed(SECRET, dinner)}`)).status).toBe(403);
    // The other activity's own link works and shows only its own event.
    const own = unfold(await (await fetch(base() + feedPath(SECRET, other))).text());
    expect([...own.matchAll(/^DTSTART:(\S+)$/gm)].map((m) => m[1])).toEqual(['20251125T090000Z']);
  });

  test('a signed link to an activity that does not exist gets 404', async () => {
    const res = await fetch(base() + feedPath(SECRET, 'no-such-activity'));
    expect(res.status).toBe(404);
  });
});

describeEachDatabase('the calendar link command', (ctx) => {
  const run = async (argv: string[], env: LinkEnv): Promise<{ code: number; out: string[]; err: string[] }> => {
    const out: string[] = [];
    const err: string[] = [];
    const t = new Translations().translator('da');
    const code = await calendarLinkCommand(
      argv,
      { db: async () => ctx().database.db, t, print: (l) => out.push(stripIsolates(l)), printError: (l) => err.push(stripIsolates(l)) },
      env,
    );
    return { code, out, err };
  };

  test('prints the signed address of an activity under the public URL', async () => {
    const id = await ctx().activityId('faellesspisning');
    const r = await run(['--activity', 'faellesspisning'], { NABO_TAB_SECRET: SECRET, NABO_PUBLIC_URL: 'https://nabo.example.dk/' });
    expect(r).toEqual({ code: 0, out: [`Fællesspisning (test-plan): https://nabo.example.dk/calendar/${id}.ics?sig=${signFeed(SECRET, id)}`], err: [] });
  });

  test('refuses without a fixed secret, for an unknown key, and without --activity', async () => {
    expect(await run(['--activity', 'faellesspisning'], {})).toEqual({
      code: 1,
      out: [],
      err: ['NABO_TAB_SECRET er ikke sat (mindst 32 tegn). Uden en fast hemmelighed holder et kalenderlink op med at virke, når serveren genstartes.'],
    });
    expect(await run(['--activity', 'svømning'], { NABO_TAB_SECRET: SECRET })).toEqual({
      code: 1,
      out: [],
      err: ['Der er ingen aktivitet med nøglen "svømning".'],
    });
    expect((await run([], { NABO_TAB_SECRET: SECRET })).code).toBe(2);
  });
});
