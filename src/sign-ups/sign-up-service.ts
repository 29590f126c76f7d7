/**
 * Sign-ups for events (fællesspisning and other activities with places): capacity in people (adults
 * + children), an automatic waiting list, offers to the next who fit when a place frees up
 * (offers.ts), and no double sign-ups. Every capacity change is one transaction behind the event's
 * row lock, with the outbox rows it causes (reminders, offers), so the capacity holds with any
 * number of concurrent requests and instances (see event-lock.ts).
 */
import type { Db } from '../database/database';
import { lockEvent, lockEventReturning, QUEUED_TRANSACTION, type LockedEvent } from '../database/event-lock';
import { DomainError } from '../errors/domain-error';
import { NO_METRICS, type SignUpMetrics } from '../metrics/metrics';
import { DEFAULT_MESSAGING_CONFIG, type MessagingConfig } from '../outbox/config';
import { unschedule } from '../outbox/outbox';
import { scheduleSignUpReminder, signUpReminderRef } from '../outbox/reminders';
import type { Clock } from '../time/clock';
import { dietarySchema, parseDietary, type Dietary } from './dietary';
import { offerFreedPlaces, offerRef } from './offers';
import { takePlace } from './take-place';
import { turnPrefetch } from '../cache/turn-prefetch';
import { ACTIVE_STATUSES, mineAndPlaces, placesTaken, toView, type SignUpView } from './sign-up-view';

export { HOLDS_PLACE, SIGN_UP_STATUSES, placesTaken, type SignUpStatus, type SignUpView } from './sign-up-view';

/** Largest party one sign-up may bring. */
export const MAX_ADULTS = 10;
export const MAX_CHILDREN = 15;

/** What a sign-up request led to. */
export type SignUpOutcome = 'confirmed' | 'waiting' | 'existing';

/** The kitchen's view of an event: how many, and what they may eat. */
export interface KitchenSummary {
  eventId: string;
  capacity: number | null;
  confirmedParties: number;
  adults: number;
  children: number;
  noPork: number;
  vegetarian: number;
  allergies: string[];
  waitingParties: number;
  waitingPeople: number;
  /** People offered a freed place who have not answered yet. */
  offeredPeople: number;
}

export class SignUpService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messaging: MessagingConfig = DEFAULT_MESSAGING_CONFIG,
    private readonly metrics: SignUpMetrics = NO_METRICS,
  ) {}

  /**
   * Signs a person up. Confirmed when the whole party fits, otherwise on the waiting list; a person
   * already signed up (confirmed or waiting) gets the existing sign-up back unchanged. The event is
   * returned as the lock found it, so the caller need not read it again.
   */
  async signUp(input: {
    eventId: string;
    personId: string;
    adults: number;
    children?: number;
    dietary?: Partial<Dietary>;
  }): Promise<{ signUp: SignUpView; outcome: SignUpOutcome; event: LockedEvent }> {
    const adults = input.adults;
    const children = input.children ?? 0;
    if (!Number.isInteger(adults) || !Number.isInteger(children) || adults < 1 || adults > MAX_ADULTS || children < 0 || children > MAX_CHILDREN) {
      throw new DomainError('signup.party_invalid', { maxAdults: MAX_ADULTS, maxChildren: MAX_CHILDREN });
    }
    const dietary = dietarySchema.parse(input.dietary ?? {});
    const party = adults + children;
    // What the turn read of the person (PeopleService.identify) plans the reminder without reading them again.
    const person = turnPrefetch(this.db).reminderFacts.take(input.personId);
    const result = await this.db.$transaction(async (tx) => {
      const event = await lockEventReturning(tx, input.eventId);
      if (!event) throw new DomainError('event.not_found');
      const refusal = refusalFor(event, party, this.clock.now());
      if (refusal) {
        // Someone already signed up keeps their sign-up, whatever has happened to the event since.
        const { mine } = await mineAndPlaces(tx, input.eventId, input.personId);
        if (mine && mine.status !== 'cancelled') return { signUp: mine, outcome: 'existing' as const, event };
        throw refusal;
      }
      // Counted, decided and written in one statement after the lock (take-place.ts).
      const row = await takePlace(tx, { ...input, adults, children, dietary: JSON.stringify(dietary), capacity: event.capacity, now: this.clock.now() });
      if (!row) {
        const { mine } = await mineAndPlaces(tx, input.eventId, input.personId);
        if (!mine) throw new Error('sign-up neither written nor found');
        return { signUp: mine, outcome: 'existing' as const, event };
      }
      // The reminder is written with the sign-up: both are there, or neither.
      if (row.status === 'confirmed') await scheduleSignUpReminder(tx, this.clock, this.messaging, row, event, person);
      return { signUp: row, outcome: row.status === 'confirmed' ? ('confirmed' as const) : ('waiting' as const), event };
    }, QUEUED_TRANSACTION);
    // Counted once committed, so a rolled-back attempt is not a sign-up.
    this.metrics.signUp(result.outcome);
    return result;
  }

  /**
   * Cancels a sign-up (by its owner when `personId` is given), withdraws its reminder or offer
   * message, and offers the freed places, in waiting-list order, to everyone who now fits.
   * Returns the new offers (their messages are queued in the same transaction).
   */
  async cancel(input: { signUpId: string; personId?: string }): Promise<{ cancelled: SignUpView; offered: SignUpView[] }> {
    const found = await this.db.signUp.findUnique({ where: { id: input.signUpId }, select: { eventId: true, personId: true } });
    if (!found || (input.personId !== undefined && found.personId !== input.personId)) throw new DomainError('signup.not_found');
    const result = await this.db.$transaction(async (tx) => {
      await lockEvent(tx, found.eventId);
      const current = await tx.signUp.findUniqueOrThrow({ where: { id: input.signUpId } });
      if (current.status === 'cancelled') throw new DomainError('signup.already_cancelled');
      const cancelled = await tx.signUp.update({
        where: { id: current.id },
        data: { status: 'cancelled', waitingPosition: null, offerExpiresAt: null, cancelledAt: this.clock.now() },
      });
      await unschedule(tx, 'reminder', signUpReminderRef(current.id));
      await unschedule(tx, 'offer', offerRef(current.id));
      const offered = await offerFreedPlaces(tx, found.eventId, this.clock, this.messaging);
      return { cancelled: toView(cancelled), offered };
    }, QUEUED_TRANSACTION);
    this.metrics.cancelled(result.offered.length);
    return result;
  }

  /** A person's sign-ups for events that have not ended, soonest first. */
  async upcomingFor(personId: string): Promise<(SignUpView & { startsAt: Date; activityId: string })[]> {
    const rows = await this.db.signUp.findMany({
      where: { personId, status: { in: [...ACTIVE_STATUSES] }, event: { endsAt: { gt: this.clock.now() } } },
      include: { event: { select: { startsAt: true, activityId: true } } },
      orderBy: { event: { startsAt: 'asc' } },
    });
    return rows.map((r) => ({ ...toView(r), startsAt: r.event.startsAt, activityId: r.event.activityId }));
  }

  /** The sign-ups of an event: confirmed first, then the waiting list in order. */
  async forEvent(eventId: string): Promise<SignUpView[]> {
    const rows = await this.db.signUp.findMany({
      where: { eventId, status: { not: 'cancelled' } },
      orderBy: [{ waitingPosition: 'asc' }, { createdAt: 'asc' }],
    });
    const views = rows.map(toView);
    return [...views.filter((v) => v.status !== 'waiting'), ...views.filter((v) => v.status === 'waiting')];
  }

  /** Places still free at an event (null when it has no limit). */
  async placesLeft(eventId: string): Promise<number | null> {
    const event = await this.db.event.findUnique({ where: { id: eventId }, select: { capacity: true } });
    if (!event) throw new DomainError('event.not_found');
    if (event.capacity === null) return null;
    return Math.max(0, event.capacity - (await placesTaken(this.db, eventId)));
  }

  /** Head counts and dietary needs of the confirmed parties. */
  async kitchenSummary(eventId: string): Promise<KitchenSummary> {
    const event = await this.db.event.findUnique({ where: { id: eventId }, select: { capacity: true } });
    if (!event) throw new DomainError('event.not_found');
    const rows = await this.db.signUp.findMany({ where: { eventId, status: { in: ['confirmed', 'attended', 'waiting', 'offered'] } } });
    const s: KitchenSummary = {
      eventId,
      capacity: event.capacity,
      confirmedParties: 0,
      adults: 0,
      children: 0,
      noPork: 0,
      vegetarian: 0,
      allergies: [],
      waitingParties: 0,
      waitingPeople: 0,
      offeredPeople: 0,
    };
    for (const r of rows) {
      if (r.status === 'offered') {
        s.offeredPeople += r.adults + r.children;
        continue;
      }
      if (r.status === 'waiting') {
        s.waitingParties++;
        s.waitingPeople += r.adults + r.children;
        continue;
      }
      const d = parseDietary(r.dietary);
      const people = r.adults + r.children;
      s.confirmedParties++;
      s.adults += r.adults;
      s.children += r.children;
      if (d.noPork) s.noPork += people;
      if (d.vegetarian) s.vegetarian += people;
      if (d.allergies) s.allergies.push(d.allergies);
    }
    return s;
  }
}

/** Why a new sign-up for the locked event is refused, or null. */
function refusalFor(event: LockedEvent, party: number, now: Date): DomainError | null {
  if (event.status === 'cancelled') return new DomainError('event.cancelled');
  if (event.startsAt <= now) return new DomainError('event.started');
  if (event.capacity !== null && party > event.capacity) return new DomainError('signup.party_exceeds_capacity', { capacity: event.capacity });
  return null;
}
