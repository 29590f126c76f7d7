/**
 * The sign-up as the rest of Nabo sees it, its statuses and the place count, shared by the sign-up
 * service and the waiting-list offers (offers.ts) without an import cycle between them.
 */
import type { Db, Tx } from '../database/database';
import { Prisma } from '../generated/sqlite/client';
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

type MineRow = {
  id: string | null;
  adults: number | bigint | null;
  children: number | bigint | null;
  dietary: string | null;
  status: string | null;
  waitingPosition: number | bigint | null;
  offerExpiresAt: Date | string | null;
  taken: number | bigint | string | null;
  waiting: number | bigint | string | null;
};

const num = (v: number | bigint | string | null): number => (v === null ? 0 : Number(v));

/**
 * A person's sign-up for an event (any status, cancelled included), the people holding a place and
 * the parties waiting, in one statement: the sign-up transaction's reads after its lock.
 */
export async function mineAndPlaces(tx: Tx | Db, eventId: string, personId: string): Promise<{ mine: SignUpView | null; taken: number; waiting: number }> {
  const rows = await tx.$queryRaw<MineRow[]>`
    SELECT s."id" AS "id", s."adults" AS "adults", s."children" AS "children", s."dietary" AS "dietary", s."status" AS "status",
      s."waitingPosition" AS "waitingPosition", s."offerExpiresAt" AS "offerExpiresAt",
      (SELECT SUM(h."adults" + h."children") FROM "SignUp" h WHERE h."eventId" = ${eventId} AND h."status" IN (${Prisma.join([...HOLDS_PLACE])})) AS "taken",
      (SELECT COUNT(*) FROM "SignUp" w WHERE w."eventId" = ${eventId} AND w."status" = 'waiting') AS "waiting"
    FROM (SELECT 1 AS "one") x LEFT JOIN "SignUp" s ON s."eventId" = ${eventId} AND s."personId" = ${personId}`;
  const r = rows[0];
  if (!r) throw new Error('mineAndPlaces returned no row');
  const mine =
    r.id === null
      ? null
      : toView({
          id: r.id,
          eventId,
          personId,
          adults: num(r.adults),
          children: num(r.children),
          dietary: r.dietary ?? '{}',
          status: r.status ?? 'cancelled',
          waitingPosition: r.waitingPosition === null ? null : Number(r.waitingPosition),
          offerExpiresAt: r.offerExpiresAt === null || r.offerExpiresAt instanceof Date ? r.offerExpiresAt : new Date(r.offerExpiresAt),
        });
  return { mine, taken: num(r.taken), waiting: num(r.waiting) };
}
