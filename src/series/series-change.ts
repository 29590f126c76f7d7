/**
 * Changing a season from one date on: the events of the same series (the same seriesId as the
 * chosen event) from that date to the end get a new time,
 * place or capacity, all in one transaction under each event's lock. Events before the date, and
 * their sign-ups, are left as they are. Everyone signed up to a changed event is told through the
 * outbox, reminders follow a new time, and a larger capacity offers places to the waiting list.
 * Events made before series had an id (seriesId null) are recognised by what they share: same
 * activity, weekday, Copenhagen start time and place.
 */
import { audit } from '../audit/audit-log';
import type { Db, Tx } from '../database/database';
import { lockEvent, QUEUED_TRANSACTION } from '../database/event-lock';
import { DomainError } from '../errors/domain-error';
import { MAX_CAPACITY } from '../events/event-service';
import { DEFAULT_MESSAGING_CONFIG, type MessagingConfig } from '../outbox/config';
import { enqueue } from '../outbox/outbox';
import { scheduleSignUpReminder } from '../outbox/reminders';
import { offerFreedPlaces } from '../sign-ups/offers';
import { ACTIVE_STATUSES, placesTaken } from '../sign-ups/sign-up-view';
import { copenhagenDate, copenhagenInstant, copenhagenOffsetMinutes } from '../time/calendar-date';
import type { Clock } from '../time/clock';

const HOUR_MS = 3_600_000;

/** What changes from the chosen date on; a field left out stays as it is. */
export interface SeriesChange {
  /** New Copenhagen start (and optionally end) time; without an end the length is kept. */
  start?: [number, number];
  end?: [number, number];
  /** A location id, or null for no place. */
  locationId?: string | null;
  /** People, or null for no limit. */
  capacity?: number | null;
}

/** The result: how many events changed and how many sign-ups were told. */
export interface SeriesChangeResult {
  events: number;
  notified: number;
}

/** Copenhagen wall-clock minutes after midnight of an instant. */
export function copenhagenMinutes(instant: Date): number {
  const wall = new Date(instant.getTime() + copenhagenOffsetMinutes(instant) * 60_000);
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

const weekdayOf = (instant: Date): number => copenhagenDate(instant).getUTCDay();

export class SeriesChanges {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messaging: MessagingConfig = DEFAULT_MESSAGING_CONFIG,
  ) {}

  /** The ids of the series' scheduled events from `eventId` on (it included), in date order. */
  async fromEvent(eventId: string): Promise<string[]> {
    const e = await this.db.event.findUnique({ where: { id: eventId } });
    if (!e) throw new DomainError('event.not_found');
    if (e.seriesId) {
      const own = await this.db.event.findMany({
        where: { seriesId: e.seriesId, status: { not: 'cancelled' }, startsAt: { gte: e.startsAt } },
        orderBy: { startsAt: 'asc' },
        select: { id: true },
      });
      return own.map((x) => x.id);
    }
    const later = await this.db.event.findMany({
      where: { activityId: e.activityId, locationId: e.locationId, seriesId: null, status: { not: 'cancelled' }, startsAt: { gte: e.startsAt } },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true },
    });
    return later
      .filter((x) => weekdayOf(x.startsAt) === weekdayOf(e.startsAt) && copenhagenMinutes(x.startsAt) === copenhagenMinutes(e.startsAt))
      .map((x) => x.id);
  }

  /**
   * The activity's first scheduled event starting at or after `from`, where a change would begin:
   * an event of a series when the activity has one then, so a one-off event does not stand in for it.
   */
  async firstFrom(activityId: string, from: Date): Promise<{ id: string; startsAt: Date } | null> {
    const where = { activityId, status: { not: 'cancelled' }, startsAt: { gte: from } };
    const select = { id: true, startsAt: true };
    const ofSeries = await this.db.event.findFirst({ where: { ...where, seriesId: { not: null } }, orderBy: { startsAt: 'asc' }, select });
    return ofSeries ?? this.db.event.findFirst({ where, orderBy: { startsAt: 'asc' }, select });
  }

  /** What a change from `eventId` on would touch: the events and how many sign-ups would be told. */
  async preview(eventId: string): Promise<{ eventIds: string[]; signUps: number }> {
    const eventIds = await this.fromEvent(eventId);
    const signUps = await this.db.signUp.count({ where: { eventId: { in: eventIds }, status: { in: [...ACTIVE_STATUSES] } } });
    return { eventIds, signUps };
  }

  /** Changes the series from `eventId` on; all events or none. */
  async changeFrom(eventId: string, change: SeriesChange, actorId: string): Promise<SeriesChangeResult> {
    const now = this.clock.now();
    const { capacity } = change;
    if (capacity !== undefined && capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)) {
      throw new DomainError('event.invalid', { field: 'capacity', max: MAX_CAPACITY });
    }
    if (change.start && change.end && change.end[0] * 60 + change.end[1] <= change.start[0] * 60 + change.start[1])
      throw new DomainError('event.invalid', { field: 'endsAt' });
    const ids = await this.fromEvent(eventId);
    return this.db.$transaction(async (tx) => {
      let notified = 0;
      for (const id of ids) notified += await this.changeOne(tx, id, change, now);
      await audit(tx, {
        actorId,
        action: 'event.series_change',
        entity: 'Event',
        entityId: eventId,
        details: { events: ids.length, notified, time: Boolean(change.start), place: change.locationId !== undefined, capacity: capacity !== undefined },
      });
      return { events: ids.length, notified };
    }, QUEUED_TRANSACTION);
  }

  private async changeOne(tx: Tx, eventId: string, change: SeriesChange, now: Date): Promise<number> {
    if (!(await lockEvent(tx, eventId))) throw new DomainError('event.not_found');
    const e = await tx.event.findUniqueOrThrow({ where: { id: eventId }, include: { activity: { select: { reminderHoursBefore: true } } } });
    if (e.startsAt <= now) throw new DomainError('event.started');
    const day = copenhagenDate(e.startsAt);
    const startsAt = change.start ? copenhagenInstant(day, change.start[0], change.start[1]) : e.startsAt;
    const endsAt = change.end
      ? copenhagenInstant(day, change.end[0], change.end[1])
      : new Date(startsAt.getTime() + (e.endsAt.getTime() - e.startsAt.getTime()));
    const moved = startsAt.getTime() !== e.startsAt.getTime();
    if (moved && startsAt <= now) throw new DomainError('event.invalid', { field: 'startsAt' });
    const placeChanged = change.locationId !== undefined && change.locationId !== e.locationId;
    const capacity = change.capacity === undefined ? e.capacity : change.capacity;
    if (capacity !== null && capacity < (await placesTaken(tx, eventId))) throw new DomainError('series.capacity_below_taken', { capacity });
    await tx.event.update({
      where: { id: eventId },
      data: { startsAt, endsAt, capacity, locationId: change.locationId === undefined ? e.locationId : change.locationId },
    });
    const affected =
      moved || placeChanged
        ? await tx.signUp.findMany({ where: { eventId, status: { in: [...ACTIVE_STATUSES] } }, include: { person: { include: { identities: true } } } })
        : [];
    // A new place gets its own notice (the moved notice names only times); a new time alone the usual one.
    const payload = placeChanged
      ? { key: 'series:notice.changed', params: { eventId, activityId: e.activityId, from: e.startsAt.toISOString() } }
      : { key: 'resident:notice.event_moved', params: { eventId, activityId: e.activityId, from: e.startsAt.toISOString() } };
    const cutoff = new Date(startsAt.getTime() - this.messaging.offerCutoffHours * HOUR_MS);
    const latestOffer = cutoff > now ? cutoff : startsAt;
    for (const s of affected) {
      for (const identity of s.person.identities)
        await enqueue(tx, this.clock, { personId: s.personId, channel: identity.channel, kind: 'event_moved', payload, urgent: true });
      if (!moved) continue;
      if (s.status === 'confirmed') await scheduleSignUpReminder(tx, this.clock, this.messaging, s, { startsAt, activity: e.activity });
      if (s.status === 'offered' && s.offerExpiresAt && s.offerExpiresAt > latestOffer)
        await tx.signUp.update({ where: { id: s.id }, data: { offerExpiresAt: latestOffer } });
    }
    if (capacity === null || (e.capacity !== null && capacity > e.capacity)) await offerFreedPlaces(tx, eventId, this.clock, this.messaging);
    return affected.length;
  }
}
