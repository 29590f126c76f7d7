/**
 * A resident's answer to a waiting-list offer, and the scheduler's sweep of offers nobody answered.
 * Answers are outcomes, not errors: a late "yes" is a normal thing to happen and gets a polite
 * text in the flow (resident:offer.*), not an error message.
 */
import type { Db, Tx } from '../database/database';
import type { SignUp } from '../generated/sqlite/client';
import { lockEvent, QUEUED_TRANSACTION } from '../database/event-lock';
import type { MessagingConfig } from '../outbox/config';
import { unschedule } from '../outbox/outbox';
import { scheduleSignUpReminder } from '../outbox/reminders';
import type { Clock } from '../time/clock';
import { expireOffers, offerFreedPlaces, offerRef } from './offers';
import { toView, type SignUpView } from './sign-up-view';

/** What answering an offer led to. */
export type OfferAnswer =
  | { outcome: 'accepted' | 'already_confirmed' | 'declined'; signUp: SignUpView }
  /** The deadline passed before the answer came. */
  | { outcome: 'expired'; signUp: SignUpView }
  /** No such offer for this person any more (declined before, cancelled, event cancelled). */
  | { outcome: 'gone' };

export class OfferService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly config: MessagingConfig,
  ) {}

  /** "Yes": the offered place becomes a confirmed sign-up with its reminder, if still in time. */
  accept(input: { signUpId: string; personId: string }): Promise<OfferAnswer> {
    return this.answer(input, async (tx, row) => {
      if (row.status === 'confirmed') return { outcome: 'already_confirmed', signUp: toView(row) };
      const confirmed = await tx.signUp.update({ where: { id: row.id }, data: { status: 'confirmed', offerExpiresAt: null } });
      // The offer message may still be waiting for the morning; it is answered already.
      await unschedule(tx, 'offer', offerRef(row.id));
      await scheduleSignUpReminder(tx, this.clock, this.config, confirmed);
      return { outcome: 'accepted', signUp: toView(confirmed) };
    });
  }

  /** "No thanks": the place moves on to the next who fits. */
  decline(input: { signUpId: string; personId: string }): Promise<OfferAnswer> {
    return this.answer(input, async (tx, row) => {
      if (row.status === 'confirmed') return { outcome: 'already_confirmed', signUp: toView(row) };
      const declined = await tx.signUp.update({ where: { id: row.id }, data: { status: 'cancelled', offerExpiresAt: null, cancelledAt: this.clock.now() } });
      await unschedule(tx, 'offer', offerRef(row.id));
      await offerFreedPlaces(tx, row.eventId, this.clock, this.config);
      return { outcome: 'declined', signUp: toView(declined) };
    });
  }

  /** Ends every offer whose deadline has passed and moves the places on; returns how many ended. */
  async expireDue(limit = 100): Promise<number> {
    const now = this.clock.now();
    const events = await this.db.signUp.findMany({
      where: { status: 'offered', offerExpiresAt: { lte: now } },
      select: { eventId: true },
      distinct: ['eventId'],
      take: limit,
    });
    let expired = 0;
    for (const { eventId } of events) {
      // One transaction per event: a busy event does not hold up the others.
      expired += await this.db.$transaction(async (tx) => {
        await lockEvent(tx, eventId);
        return (await expireOffers(tx, eventId, this.clock, this.config)).expired;
      }, QUEUED_TRANSACTION);
    }
    return expired;
  }

  /**
   * Runs an answer under the event lock. An offer past its deadline is expired right here (the
   * sweep may not have run yet), so "yes" one minute late is refused the same way everywhere.
   */
  private async answer(input: { signUpId: string; personId: string }, act: (tx: Tx, row: SignUp) => Promise<OfferAnswer>): Promise<OfferAnswer> {
    const found = await this.db.signUp.findUnique({ where: { id: input.signUpId }, select: { eventId: true, personId: true } });
    if (!found || found.personId !== input.personId) return { outcome: 'gone' };
    return this.db.$transaction(async (tx) => {
      await lockEvent(tx, found.eventId);
      const now = this.clock.now();
      const row = await tx.signUp.findUniqueOrThrow({ where: { id: input.signUpId } });
      const pastDeadline = row.offerExpiresAt !== null && row.offerExpiresAt <= now;
      if (row.status === 'offered' && pastDeadline) {
        await expireOffers(tx, row.eventId, this.clock, this.config);
        return { outcome: 'expired', signUp: toView(await tx.signUp.findUniqueOrThrow({ where: { id: row.id } })) };
      }
      if (row.status === 'cancelled' && pastDeadline) return { outcome: 'expired', signUp: toView(row) };
      if (row.status !== 'offered' && row.status !== 'confirmed') return { outcome: 'gone' };
      return act(tx, row);
    }, QUEUED_TRANSACTION);
  }
}
