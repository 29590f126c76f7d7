/**
 * Saves a series of events in one transaction: all of them or none, after checking each is in the
 * future, the capacity is in range and the series is not longer than a season. Every event of the
 * series carries the same seriesId, so a later change or cancellation from a date on finds exactly
 * its own events (series-change.ts), even after their time or place has changed.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../audit/audit-log';
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { MAX_CAPACITY } from '../events/event-service';
import type { EventService } from '../events/event-service';
import type { Clock } from '../time/clock';
import { cancelSeriesFrom, seriesCancelPreview, type SeriesCancelPreview } from './series-cancel';
import type { LocationOption } from '../events/locations';
import { formPlaces } from './form-places';
import { SeriesChanges, type SeriesChange, type SeriesChangeResult } from './series-change';
import { MAX_SERIES_EVENTS, type SeriesOccurrence } from './series-dates';
import { MAX_PATTERN_SLOTS, type PatternSlot } from './slot-pattern';

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

  /** The activity's first scheduled event at or after an instant (where a change from that day begins). */
  firstFrom(activityId: string, from: Date): Promise<{ id: string; startsAt: Date } | null> {
    return this.changes.firstFrom(activityId, from);
  }

  /** The events a change from an event on would touch, and how many sign-ups would be told. */
  changePreview(eventId: string): Promise<{ eventIds: string[]; signUps: number }> {
    return this.changes.preview(eventId);
  }

  /** Changes time, place or capacity of the series from an event on; earlier events stay as they are. */
  changeFrom(eventId: string, change: SeriesChange, actorId: string): Promise<SeriesChangeResult> {
    return this.changes.changeFrom(eventId, change, actorId);
  }

  /** The places staff forms offer: each once, as the plan's events use it (form-places.ts). */
  places(planId: string): Promise<LocationOption[]> {
    return formPlaces(this.db, planId);
  }

  /** The events a cancellation of the series from an event on would cancel, and their sign-ups; null outside a series. */
  cancelPreview(eventId: string): Promise<SeriesCancelPreview | null> {
    return seriesCancelPreview(this.db, this.clock, eventId);
  }

  /** Cancels the series from an event on, each date through `events.cancel` (its residents are told). */
  cancelFrom(eventId: string, actorId: string, events: Pick<EventService, 'cancel'>): Promise<{ events: number; notified: number }> {
    return cancelSeriesFrom({ db: this.db, clock: this.clock, events }, eventId, actorId);
  }

  /** Creates every event of the series under one new seriesId; returns their ids in date order. */
  async create(input: SeriesInput): Promise<string[]> {
    const now = this.clock.now();
    if (input.occurrences.length === 0 || input.occurrences.length > MAX_SERIES_EVENTS)
      throw new DomainError('event.invalid', { field: 'count', max: MAX_SERIES_EVENTS });
    if (input.occurrences.some((o) => o.startsAt <= now)) throw new DomainError('event.invalid', { field: 'startsAt' });
    if (input.occurrences.some((o) => !(o.endsAt > o.startsAt))) throw new DomainError('event.invalid', { field: 'endsAt' });
    if (input.capacity !== null && (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_CAPACITY)) {
      throw new DomainError('event.invalid', { field: 'capacity', max: MAX_CAPACITY });
    }
    if (!(await this.db.activity.findUnique({ where: { id: input.activityId }, select: { id: true } }))) throw new DomainError('delivery.activity_unknown');
    const seriesId = randomUUID();
    return this.db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const o of input.occurrences) {
        const e = await tx.event.create({
          data: { activityId: input.activityId, startsAt: o.startsAt, endsAt: o.endsAt, capacity: input.capacity, locationId: input.locationId, seriesId },
        });
        ids.push(e.id);
      }
      await audit(tx, {
        actorId: input.actorId,
        action: 'event.series',
        entity: 'Activity',
        entityId: input.activityId,
        details: { events: ids.length, capacity: input.capacity, seriesId },
      });
      return ids;
    });
  }

  /**
   * Creates the counselling slots of a pattern in one transaction. A slot that already exists (same
   * activity, counsellor and start) is not made twice, so sending a pattern again adds only what is
   * new. Returns how many were created and how many were there already.
   */
  async createSlots(input: {
    activityId: string;
    locationId: string | null;
    slots: readonly PatternSlot[];
    actorId: string;
  }): Promise<{ created: number; existing: number }> {
    const now = this.clock.now();
    if (input.slots.length === 0 || input.slots.length > MAX_PATTERN_SLOTS) throw new DomainError('event.invalid', { field: 'count', max: MAX_PATTERN_SLOTS });
    if (input.slots.some((s) => s.startsAt <= now)) throw new DomainError('event.invalid', { field: 'startsAt' });
    return this.db.$transaction(async (tx) => {
      const starts = input.slots.map((s) => s.startsAt);
      const there = await tx.appointmentSlot.findMany({
        where: { activityId: input.activityId, startsAt: { in: starts } },
        select: { counsellor: true, startsAt: true },
      });
      const taken = new Set(there.map((s) => `${s.counsellor}|${s.startsAt.getTime()}`));
      const fresh = input.slots.filter((s) => !taken.has(`${s.counsellor}|${s.startsAt.getTime()}`));
      if (fresh.length > 0) {
        await tx.appointmentSlot.createMany({
          data: fresh.map((s) => ({
            activityId: input.activityId,
            locationId: input.locationId,
            counsellor: s.counsellor,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
          })),
        });
      }
      await audit(tx, {
        actorId: input.actorId,
        action: 'slot.pattern',
        entity: 'Activity',
        entityId: input.activityId,
        details: { created: fresh.length, existing: input.slots.length - fresh.length },
      });
      return { created: fresh.length, existing: input.slots.length - fresh.length };
    });
  }
}
