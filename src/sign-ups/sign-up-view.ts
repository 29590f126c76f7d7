/**
 * The sign-up as the rest of Nabo sees it, its statuses and the place count, shared by the sign-up
 * service and the waiting-list offers (offers.ts) without an import cycle between them.
 */
import type { Db, Tx } from '../database/database';
import { type Dietary, parseDietary } from './dietary';

/**
 * 'offered': a place freed up and is kept for this person until `offerExpiresAt`; they accept
 * (→ confirmed) or decline / let it expire (→ cancelled, the offer moves on).
 */
export const SIGN_UP_STATUSES = ['confirmed', 'waiting', 'offered', 'cancelled', 'attended', 'no_show'] as const;
export type SignUpStatus = (typeof SIGN_UP_STATUSES)[number];

/** Statuses that hold a place at the event; an open offer holds it so nobody else takes it meanwhile. */
export const HOLDS_PLACE: readonly SignUpStatus[] = ['confirmed', 'attended', 'offered'];

/** Statuses of a sign-up still in play before the event (told when it is cancelled or moved). */
export const ACTIVE_STATUSES: readonly SignUpStatus[] = ['confirmed', 'waiting', 'offered'];

/** A sign-up as the rest of Nabo sees it. */
export interface SignUpView {
  id: string;
  eventId: string;
  personId: string;
  adults: number;
  children: number;
  dietary: Dietary;
  status: SignUpStatus;
  waitingPosition: number | null;
  offerExpiresAt: Date | null;
}

type Row = {
  id: string;
  eventId: string;
  personId: string;
  adults: number;
  children: number;
  dietary: string;
  status: string;
  waitingPosition: number | null;
  offerExpiresAt: Date | null;
};

export function toView(r: Row): SignUpView {
  return {
    id: r.id,
    eventId: r.eventId,
    personId: r.personId,
    adults: r.adults,
    children: r.children,
    dietary: parseDietary(r.dietary),
    status: r.status as SignUpStatus,
    waitingPosition: r.waitingPosition,
    offerExpiresAt: r.offerExpiresAt,
  };
}

/** People holding a place at an event. */
export async function placesTaken(tx: Tx | Db, eventId: string): Promise<number> {
  const agg = await tx.signUp.aggregate({ where: { eventId, status: { in: [...HOLDS_PLACE] } }, _sum: { adults: true, children: true } });
  return (agg._sum.adults ?? 0) + (agg._sum.children ?? 0);
}

/** People holding a place and parties waiting, in one query (the sign-up hot path). */
export async function placesAndQueue(tx: Tx | Db, eventId: string): Promise<{ taken: number; waiting: number }> {
  const rows = await tx.signUp.groupBy({
    by: ['status'],
    where: { eventId, status: { in: [...HOLDS_PLACE, 'waiting'] } },
    _sum: { adults: true, children: true },
    _count: { _all: true },
  });
  let taken = 0;
  let waiting = 0;
  for (const r of rows) {
    if (r.status === 'waiting') waiting += r._count._all;
    else taken += (r._sum.adults ?? 0) + (r._sum.children ?? 0);
  }
  return { taken, waiting };
}
