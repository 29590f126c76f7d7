/**
 * Saves a series of events in one transaction: all of them or none, after checking each is in the
 * future, the capacity is in range and the series is not longer than a season; and changes a
 * series from a date on (series-change.ts).
 */
import { audit } from '../audit/audit-log';
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { MAX_CAPACITY } from '../events/event-service';
import type { Clock } from '../time/clock';
import { SeriesChanges, type SeriesChange, type SeriesChangeResult } from './series-change';
import { MAX_SERIES_EVENTS, type SeriesOccurrence } from './series-dates';

export interface SeriesInput {
  activityId: string;
  occurrences: readonly SeriesOccurrence[];
  capacity: number | null;
  locationId: string | null;
  actorId: string;
}

export class SeriesService {
  private readonly changes: SeriesChanges;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.changes = new SeriesChanges(db, clock);
  }

  /** The series' scheduled events from an event on (series-change.ts says what belongs to a series). */
  fromEvent(eventId: string): Promise<string[]> {
    return this.changes.fromEvent(eventId);
  }

  /** The events a change from an event on would touch, and how many sign-ups would be told. */
  changePreview(eventId: string): Promise<{ eventIds: string[]; signUps: number }> {
    return this.changes.preview(eventId);
  }

  /** Changes time, place or capacity of the series from an event on; earlier events stay as they are. */
  changeFrom(eventId: string, change: SeriesChange, actorId: string): Promise<SeriesChangeResult> {
    return this.changes.changeFrom(eventId, change, actorId);
  }

  /** Creates every event of the series; returns their ids in date order. */
  async create(input: SeriesInput): Promise<string[]> {
    const now = this.clock.now();
    if (input.occurrences.length === 0 || input.occurrences.length > MAX_SERIES_EVENTS) throw new DomainError('event.invalid', { field: 'count', max: MAX_SERIES_EVENTS });
    if (input.occurrences.some((o) => o.startsAt <= now)) throw new DomainError('event.invalid', { field: 'startsAt' });
    if (input.occurrences.some((o) => !(o.endsAt > o.startsAt))) throw new DomainError('event.invalid', { field: 'endsAt' });
    if (input.capacity !== null && (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_CAPACITY)) {
      throw new DomainError('event.invalid', { field: 'capacity', max: MAX_CAPACITY });
    }
    if (!(await this.db.activity.findUnique({ where: { id: input.activityId }, select: { id: true } }))) throw new DomainError('delivery.activity_unknown');
    return this.db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const o of input.occurrences) {
        const e = await tx.event.create({ data: { activityId: input.activityId, startsAt: o.startsAt, endsAt: o.endsAt, capacity: input.capacity, locationId: input.locationId } });
        ids.push(e.id);
      }
      await audit(tx, { actorId: input.actorId, action: 'event.series', entity: 'Activity', entityId: input.activityId, details: { events: ids.length, capacity: input.capacity } });
      return ids;
    });
  }
}
