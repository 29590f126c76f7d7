/**
 * Staff's side of the calendar: create events, cancel or move them (everyone signed up is told
 * through the outbox, in the same transaction, and reminders follow the new time), and list events
 * with their sign-ups.
 */
import type { Db, Tx } from '../database/database';
import { lockEvent, QUEUED_TRANSACTION } from '../database/event-lock';
import { audit } from '../audit/audit-log';
import { DomainError } from '../errors/domain-error';
import { DEFAULT_MESSAGING_CONFIG, type MessagingConfig } from '../outbox/config';
import { enqueue, unschedule, type OutboxKind } from '../outbox/outbox';
import { scheduleSignUpReminder, signUpReminderRef } from '../outbox/reminders';
import { offerRef } from '../sign-ups/offers';
import { ACTIVE_STATUSES } from '../sign-ups/sign-up-view';
import type { Clock } from '../time/clock';

const HOUR_MS = 3_600_000;

export const MAX_CAPACITY = 500;

/** An event as staff see it, with head counts. */
export interface StaffEventView {
  id: string;
  activityId: string;
  activityName: string;
  /** The activity's category ("dinner" for the communal dinners). */
  category: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  capacity: number | null;
  status: string;
  confirmedPeople: number;
  waitingPeople: number;
}

export class EventService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messaging: MessagingConfig = DEFAULT_MESSAGING_CONFIG,
  ) {}

  /** Creates an event after checking times and capacity. */
  async create(input: {
    activityId: string;
    startsAt: Date;
    endsAt: Date;
    capacity: number | null;
    locationId?: string | null;
    title?: string | null;
    actorId: string;
  }): Promise<string> {
    if (!(input.endsAt > input.startsAt)) throw new DomainError('event.invalid', { field: 'endsAt' });
    if (input.startsAt <= this.clock.now()) throw new DomainError('event.invalid', { field: 'startsAt' });
    if (input.capacity !== null && (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_CAPACITY)) {
      throw new DomainError('event.invalid', { field: 'capacity', max: MAX_CAPACITY });
    }
    if (!(await this.db.activity.findUnique({ where: { id: input.activityId }, select: { id: true } }))) throw new DomainError('delivery.activity_unknown');
    return this.db.$transaction(async (tx) => {
      const e = await tx.event.create({
        data: {
          activityId: input.activityId,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          capacity: input.capacity,
          locationId: input.locationId ?? null,
          title: input.title ?? null,
        },
      });
      await audit(tx, { actorId: input.actorId, action: 'event.create', entity: 'Event', entityId: e.id, details: { capacity: input.capacity } });
      return e.id;
    });
  }

  /** Cancels an event; everyone confirmed, offered or waiting gets a notice queued. Returns how many. */
  async cancel(eventId: string, actorId: string): Promise<number> {
    return this.db.$transaction(async (tx) => {
      if (!(await lockEvent(tx, eventId))) throw new DomainError('event.not_found');
      const e = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
      if (e.status === 'cancelled') throw new DomainError('event.cancelled');
      await tx.event.update({ where: { id: eventId }, data: { status: 'cancelled' } });
      const affected = await this.notify(tx, eventId, 'event_cancelled', {
        key: 'resident:notice.event_cancelled',
        params: { eventId, activityId: e.activityId, startsAt: e.startsAt.toISOString() },
      });
      for (const s of affected) {
        await unschedule(tx, 'reminder', signUpReminderRef(s.id));
        await unschedule(tx, 'offer', offerRef(s.id));
      }
      await tx.signUp.updateMany({
        where: { eventId, status: { in: [...ACTIVE_STATUSES] } },
        data: { status: 'cancelled', waitingPosition: null, offerExpiresAt: null, cancelledAt: this.clock.now() },
      });
      await audit(tx, { actorId, action: 'event.cancel', entity: 'Event', entityId: eventId, details: { notified: affected.length } });
      return affected.length;
    }, QUEUED_TRANSACTION);
  }

  /**
   * Moves an event to a new time. Everyone confirmed, offered or waiting is told (old and new
   * time), confirmed sign-ups get their reminder re-planned for the new time, and an open offer
   * never runs past the new start. Returns how many were told.
   */
  async move(eventId: string, newStartsAt: Date, newEndsAt: Date, actorId: string): Promise<number> {
    const now = this.clock.now();
    if (!(newEndsAt > newStartsAt)) throw new DomainError('event.invalid', { field: 'endsAt' });
    if (newStartsAt <= now) throw new DomainError('event.invalid', { field: 'startsAt' });
    return this.db.$transaction(async (tx) => {
      if (!(await lockEvent(tx, eventId))) throw new DomainError('event.not_found');
      const e = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
      if (e.status === 'cancelled') throw new DomainError('event.cancelled');
      if (e.startsAt <= now) throw new DomainError('event.started');
      if (e.startsAt.getTime() === newStartsAt.getTime() && e.endsAt.getTime() === newEndsAt.getTime()) return 0;
      await tx.event.update({ where: { id: eventId }, data: { startsAt: newStartsAt, endsAt: newEndsAt } });
      const affected = await this.notify(tx, eventId, 'event_moved', {
        key: 'resident:notice.event_moved',
        params: { eventId, activityId: e.activityId, from: e.startsAt.toISOString() },
      });
      const cutoff = new Date(newStartsAt.getTime() - this.messaging.offerCutoffHours * HOUR_MS);
      const latestOffer = cutoff > now ? cutoff : newStartsAt;
      for (const s of affected) {
        if (s.status === 'confirmed') await scheduleSignUpReminder(tx, this.clock, this.messaging, s);
        if (s.status === 'offered' && s.offerExpiresAt && s.offerExpiresAt > latestOffer) {
          await tx.signUp.update({ where: { id: s.id }, data: { offerExpiresAt: latestOffer } });
        }
      }
      await audit(tx, {
        actorId,
        action: 'event.move',
        entity: 'Event',
        entityId: eventId,
        details: { from: e.startsAt.toISOString(), to: newStartsAt.toISOString(), notified: affected.length },
      });
      return affected.length;
    }, QUEUED_TRANSACTION);
  }

  /**
   * Queues a notice to everyone still in play at an event, on each of their channels (a change of
   * plan should not be missed), urgent: it matters before they leave home, even late in the evening.
   */
  private async notify(tx: Tx, eventId: string, kind: OutboxKind, payload: { key: string; params: Record<string, string> }) {
    const affected = await tx.signUp.findMany({
      where: { eventId, status: { in: [...ACTIVE_STATUSES] } },
      include: { person: { include: { identities: true } } },
    });
    for (const s of affected) {
      for (const identity of s.person.identities) {
        await enqueue(tx, this.clock, { personId: s.personId, channel: identity.channel, kind, payload, urgent: true });
      }
    }
    return affected;
  }

  /** Events starting in [from, to), with head counts, soonest first. */
  async between(from: Date, to: Date, limit = 30): Promise<StaffEventView[]> {
    const events = await this.db.event.findMany({
      where: { startsAt: { gte: from, lt: to } },
      include: { activity: true, location: true },
      orderBy: { startsAt: 'asc' },
      take: limit,
    });
    const counts = await this.db.signUp.groupBy({
      by: ['eventId', 'status'],
      where: { eventId: { in: events.map((e) => e.id) }, status: { in: ['confirmed', 'attended', 'offered', 'waiting'] } },
      _sum: { adults: true, children: true },
    });
    const people = (id: string, waiting: boolean): number =>
      counts.filter((c) => c.eventId === id && (c.status === 'waiting') === waiting).reduce((n, c) => n + (c._sum.adults ?? 0) + (c._sum.children ?? 0), 0);
    return events.map((e) => ({
      id: e.id,
      activityId: e.activityId,
      activityName: e.activity.name,
      category: e.activity.category,
      title: e.title ?? e.activity.name,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      location: e.location?.name ?? null,
      capacity: e.capacity,
      status: e.status,
      confirmedPeople: people(e.id, false),
      waitingPeople: people(e.id, true),
    }));
  }
}
