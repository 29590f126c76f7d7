/**
 * An activity's calendar as an .ics feed, for the secretariat's own calendars and screens: its
 * upcoming events (from today on, at most a year ahead), with title, time and place. An event
 * cancelled since is kept, marked cancelled, so subscribed calendars take it out.
 */
import { calendarText } from '../conversation/calendar-file';
import type { Db } from '../database/database';
import { copenhagenDate, copenhagenInstant } from '../time/calendar-date';
import type { Clock } from '../time/clock';

/** At most this many events in one feed. */
export const MAX_FEED_EVENTS = 500;
const YEAR_MS = 366 * 86_400_000;

export class CalendarFeed {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The feed's text, or null when there is no such activity. */
  async ics(activityId: string): Promise<string | null> {
    const activity = await this.db.activity.findUnique({ where: { id: activityId }, select: { id: true, name: true } });
    if (!activity) return null;
    const now = this.clock.now();
    const from = copenhagenInstant(copenhagenDate(now));
    const events = await this.db.event.findMany({
      where: { activityId, startsAt: { gte: from, lt: new Date(now.getTime() + YEAR_MS) }, isDemo: false },
      include: { location: true },
      orderBy: { startsAt: 'asc' },
      take: MAX_FEED_EVENTS,
    });
    const lines = events.map((e) => ({
      uid: `event-${e.id}`,
      title: e.title ?? activity.name,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      location: e.location ? [e.location.name, e.location.address].filter(Boolean).join(', ') : null,
      cancelled: e.status === 'cancelled',
    }));
    const name = activity.name.replace(/[\r\n]/g, ' ');
    return calendarText(lines, now, [
      `X-WR-CALNAME:${name.replace(/[\\;,]/g, (c) => `\\${c}`)}`,
      'X-WR-TIMEZONE:Europe/Copenhagen',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    ]);
  }
}
