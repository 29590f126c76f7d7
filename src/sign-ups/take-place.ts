/**
 * The write of a sign-up under its event's lock, as one statement: the places taken, the parties
 * waiting and the next waiting position are counted inside the INSERT that decides between
 * 'confirmed' and 'waiting', and a cancelled sign-up of the same person is taken up again by its
 * ON CONFLICT branch. It must run after lockEvent(Returning) in the same transaction: on PostgreSQL
 * (read committed) a statement sees every transaction that held the lock before, so the counts are
 * current; on SQLite the lock made this transaction the only writer. When the person already has a
 * sign-up that is not cancelled, nothing is written and null comes back.
 */
import { newRowId } from '../database/row-id';
import type { Tx } from '../database/database';
import { Prisma } from '../generated/sqlite/client';
import { HOLDS_PLACE, toView, type SignUpView } from './sign-up-view';

type Returned = {
  id: string;
  eventId: string;
  personId: string;
  adults: number | bigint;
  children: number | bigint;
  dietary: string;
  status: string;
  waitingPosition: number | bigint | null;
  offerExpiresAt: Date | string | null;
};

/**
 * Inserts (or takes up again, when cancelled) the person's sign-up as 'confirmed' when the party
 * fits and nobody waits, else 'waiting' at the end of the list. `capacity` null: always confirmed.
 */
export async function takePlace(
  tx: Tx,
  input: { eventId: string; personId: string; adults: number; children: number; dietary: string; capacity: number | null; now: Date },
): Promise<SignUpView | null> {
  const { eventId, personId, adults, children, dietary, capacity, now } = input;
  const party = adults + children;
  const taken = Prisma.sql`(SELECT COALESCE(SUM(s."adults" + s."children"), 0) FROM "SignUp" s WHERE s."eventId" = ${eventId} AND s."status" IN (${Prisma.join([...HOLDS_PLACE])}))`;
  const waiting = Prisma.sql`(SELECT COUNT(*) FROM "SignUp" s WHERE s."eventId" = ${eventId} AND s."status" = 'waiting')`;
  // Nobody jumps the queue: with people waiting, a newcomer waits too.
  const fits = capacity === null ? Prisma.sql`1 = 1` : Prisma.sql`${waiting} = 0 AND ${taken} + ${party} <= ${capacity}`;
  const rows = await tx.$queryRaw<Returned[]>`
    INSERT INTO "SignUp" ("id", "eventId", "personId", "adults", "children", "dietary", "status", "waitingPosition", "offerExpiresAt", "createdAt", "updatedAt", "cancelledAt")
    VALUES (${newRowId(now.getTime())}, ${eventId}, ${personId}, ${adults}, ${children}, ${dietary},
      CASE WHEN ${fits} THEN 'confirmed' ELSE 'waiting' END,
      CASE WHEN ${fits} THEN NULL ELSE (SELECT COALESCE(MAX(s."waitingPosition"), 0) + 1 FROM "SignUp" s WHERE s."eventId" = ${eventId}) END,
      NULL, ${now}, ${now}, NULL)
    ON CONFLICT ("eventId", "personId") DO UPDATE SET
      "adults" = excluded."adults", "children" = excluded."children", "dietary" = excluded."dietary", "status" = excluded."status",
      "waitingPosition" = excluded."waitingPosition", "offerExpiresAt" = NULL, "cancelledAt" = NULL, "updatedAt" = excluded."updatedAt"
    WHERE "SignUp"."status" = 'cancelled'
    RETURNING "id", "eventId", "personId", "adults", "children", "dietary", "status", "waitingPosition", "offerExpiresAt"`;
  const r = rows[0];
  if (!r) return null;
  return toView({
    id: r.id,
    eventId: r.eventId,
    personId: r.personId,
    adults: Number(r.adults),
    children: Number(r.children),
    dietary: r.dietary,
    status: r.status,
    waitingPosition: r.waitingPosition === null ? null : Number(r.waitingPosition),
    offerExpiresAt: r.offerExpiresAt === null || r.offerExpiresAt instanceof Date ? r.offerExpiresAt : new Date(r.offerExpiresAt),
  });
}
