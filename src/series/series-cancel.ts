/**
 * Cancelling a season from one date on: the scheduled events of the chosen event's own series
 * (its seriesId) from that date to the end. Each is cancelled through EventService.cancel, so each
 * is one atomic step under its lock with its residents' notices; a date cancelled meanwhile is
 * passed over. Events outside a series are never cancelled this way (one date: EventService.cancel).
 */
import type { Db } from '../database/database';
import { isDomainError } from '../errors/domain-error';
import type { EventService } from '../events/event-service';
import { ACTIVE_STATUSES } from '../sign-ups/sign-up-view';
import type { Clock } from '../time/clock';

/** What a cancellation from an event on would touch. */
export interface SeriesCancelPreview {
  eventIds: string[];
  signUps: number;
}

/** The series' scheduled, not yet started events from `eventId` on; null when the event is not part of a series. */
export async function seriesCancelPreview(db: Db, clock: Clock, eventId: string): Promise<SeriesCancelPreview | null> {
  const e = await db.event.findUnique({ where: { id: eventId }, select: { seriesId: true, startsAt: true } });
  if (!e?.seriesId) return null;
  const from = e.startsAt > clock.now() ? e.startsAt : clock.now();
  const rows = await db.event.findMany({
    where: { seriesId: e.seriesId, status: 'scheduled', startsAt: { gte: from } },
    orderBy: { startsAt: 'asc' },
    select: { id: true },
  });
  const eventIds = rows.map((r) => r.id);
  const signUps = await db.signUp.count({ where: { eventId: { in: eventIds }, status: { in: [...ACTIVE_STATUSES] } } });
  return { eventIds, signUps };
}

/** Cancels the series from `eventId` on; returns how many events were cancelled and how many residents were told. */
export async function cancelSeriesFrom(
  deps: { db: Db; clock: Clock; events: Pick<EventService, 'cancel'> },
  eventId: string,
  actorId: string,
): Promise<{ events: number; notified: number }> {
  const preview = await seriesCancelPreview(deps.db, deps.clock, eventId);
  let events = 0;
  let notified = 0;
  for (const id of preview?.eventIds ?? []) {
    try {
      notified += await deps.events.cancel(id, actorId);
      events += 1;
    } catch (err) {
      // Cancelled by someone else between the preview and now: nothing left to do for that date.
      if (!isDomainError(err, 'event.cancelled')) throw err;
    }
  }
  return { events, notified };
}
