/**
 * Waiting-list offers. When a place frees up, the next who fit are not confirmed behind their backs
 * (they may have made other plans): each gets the status 'offered', a deadline, and a message with
 * "yes" and "no". The offered place counts as taken, so it is never given to two people; a "no" or
 * a deadline passing frees it again and the offer moves on down the list. Everything here runs
 * under the event's row lock, in the transaction that freed the place, with its outbox rows.
 */
import type { Tx } from '../database/database';
import type { MessagingConfig } from '../outbox/config';
import { preferredChannel, schedule, unschedule } from '../outbox/outbox';
import { quietUntil } from '../outbox/quiet-hours';
import type { Clock } from '../time/clock';
import { placesTaken, toView, type SignUpView } from './sign-up-view';

const HOUR_MS = 3_600_000;
/** Shortest time to answer that is worth waiting for the morning for. */
const MIN_MORNING_WINDOW_MS = 2 * HOUR_MS;

export const offerRef = (signUpId: string): string => `offer:${signUpId}`;

/** The deadline of an offer made at `now`, and whether its message may break quiet hours. */
export interface OfferTerms {
  expiresAt: Date;
  urgent: boolean;
}

/**
 * Deadline: `offerHours` after the person can read the message, but never later than
 * `offerCutoffHours` before the start. Made in quiet hours, the message waits for the morning and
 * the clock starts then, unless that would leave under two hours: then it goes out at once
 * (urgent) and the clock starts now. A place freed after the cut-off is offered until the start.
 */
export function offerTerms(now: Date, startsAt: Date, config: MessagingConfig): OfferTerms {
  const cutoff = startsAt.getTime() - config.offerCutoffHours * HOUR_MS;
  const morning = quietUntil(now, config.quietHours);
  if (morning) {
    const expiresAt = Math.min(morning.getTime() + config.offerHours * HOUR_MS, cutoff);
    if (expiresAt - morning.getTime() >= MIN_MORNING_WINDOW_MS) return { expiresAt: new Date(expiresAt), urgent: false };
  }
  const expiresAt = Math.min(now.getTime() + config.offerHours * HOUR_MS, cutoff);
  return { expiresAt: new Date(expiresAt > now.getTime() ? expiresAt : startsAt.getTime()), urgent: morning !== null };
}

/**
 * Offers freed places to the waiting list in order while places allow; a party too big for the gap
 * keeps its turn for a later, larger gap. Returns the new offers. Call under the event lock.
 */
export async function offerFreedPlaces(tx: Tx, eventId: string, clock: Clock, config: MessagingConfig): Promise<SignUpView[]> {
  const now = clock.now();
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
  if (event.status === 'cancelled' || event.startsAt <= now) return [];
  const waiting = await tx.signUp.findMany({ where: { eventId, status: 'waiting' }, orderBy: { waitingPosition: 'asc' } });
  if (waiting.length === 0) return [];
  let free = event.capacity === null ? Infinity : event.capacity - (await placesTaken(tx, eventId));
  const terms = offerTerms(now, event.startsAt, config);
  const offered: SignUpView[] = [];
  for (const w of waiting) {
    if (free <= 0) break;
    const party = w.adults + w.children;
    if (party > free) continue;
    free -= party;
    const row = await tx.signUp.update({ where: { id: w.id }, data: { status: 'offered', waitingPosition: null, offerExpiresAt: terms.expiresAt } });
    offered.push(toView(row));
    const channel = await preferredChannel(tx, w.personId);
    // Without a channel the offer still stands; the person sees it under "my bookings".
    if (!channel) continue;
    await schedule(tx, clock, {
      personId: w.personId,
      channel,
      kind: 'offer',
      refId: offerRef(w.id),
      dueAt: now,
      urgent: terms.urgent,
      payload: {
        key: 'resident:offer.made',
        params: { eventId, signUpId: w.id, expiresAt: terms.expiresAt.toISOString() },
        choices: [
          { key: 'resident:offer.accept_button', action: `offer.accept|${w.id}` },
          { key: 'resident:offer.decline_button', action: `offer.decline|${w.id}` },
        ],
      },
    });
  }
  return offered;
}

/**
 * Ends the given offers whose deadline has passed (status back to cancelled, the deadline kept so
 * a late "yes" is told the offer expired), withdraws their unsent messages and moves the places
 * on. Call under the event lock. Returns how many ended.
 */
export async function expireOffers(tx: Tx, eventId: string, clock: Clock, config: MessagingConfig): Promise<{ expired: number; offered: SignUpView[] }> {
  const now = clock.now();
  const due = await tx.signUp.findMany({ where: { eventId, status: 'offered', offerExpiresAt: { lte: now } }, select: { id: true } });
  if (due.length === 0) return { expired: 0, offered: [] };
  await tx.signUp.updateMany({ where: { id: { in: due.map((d) => d.id) } }, data: { status: 'cancelled', cancelledAt: now } });
  for (const d of due) await unschedule(tx, 'offer', offerRef(d.id));
  return { expired: due.length, offered: await offerFreedPlaces(tx, eventId, clock, config) };
}
