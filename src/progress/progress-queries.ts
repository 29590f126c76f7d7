/**
 * The few aggregate queries progress needs, for a plan and a date range: delivery sums per
 * activity and kind, distinct attendees per set of activities, and the latest level registered.
 * Registrations are counted, never loaded one by one.
 */
import { Prisma } from '../generated/sqlite/client';
import type { Db } from '../database/database';

/** Sums of one activity's deliveries of one kind. */
export interface DeliverySums {
  activityId: string;
  kind: string;
  occurrences: number;
  participants: number;
  newParticipants: number;
  /** Over deliveries that registered completion only. */
  completed: number;
  completedOf: number;
  /** Over deliveries that registered satisfaction only. */
  satisfied: number;
  satisfiedOf: number;
  /** Volunteers registered (null as 0). */
  volunteers: number;
  /** Volunteer hours registered (null as 0). */
  volunteerHours: number;
}

/** A date range as calendar dates and as instants (for events). */
export interface Range {
  from: Date;
  toExclusive: Date;
  fromInstant: Date;
  toInstant: Date;
}

/** Delivery sums per activity and kind of a plan in a range, in one pass over the rows. */
export async function deliverySums(db: Db, planId: string, range: Range): Promise<DeliverySums[]> {
  // One statement with conditional sums: Prisma's groupBy cannot express them and would need three
  // passes over the same rows. New participants count only for deliveries without an event: an
  // event's people are counted by their attendance instead.
  const rows = await db.$queryRaw<Record<string, string | number | bigint | null>[]>`
    SELECT d."activityId" AS "activityId", d."kind" AS "kind",
      SUM(d."occurrences") AS occ, SUM(d."participants") AS part,
      SUM(CASE WHEN d."eventId" IS NULL THEN COALESCE(d."newParticipants", 0) ELSE 0 END) AS newp,
      SUM(CASE WHEN d."completed" IS NOT NULL THEN d."completed" ELSE 0 END) AS comp,
      SUM(CASE WHEN d."completed" IS NOT NULL THEN d."participants" ELSE 0 END) AS compof,
      SUM(CASE WHEN d."satisfied" IS NOT NULL THEN d."satisfied" ELSE 0 END) AS sat,
      SUM(CASE WHEN d."satisfied" IS NOT NULL THEN COALESCE(d."respondents", d."participants") ELSE 0 END) AS satof,
      SUM(COALESCE(d."volunteers", 0)) AS vol, SUM(COALESCE(d."volunteerHours", 0.0)) AS volh
    FROM "Delivery" d JOIN "Activity" a ON a."id" = d."activityId"
    WHERE a."planId" = ${planId} AND d."deletedAt" IS NULL AND d."date" >= ${range.from} AND d."date" < ${range.toExclusive}
    GROUP BY d."activityId", d."kind"`;
  const n = (v: string | number | bigint | null | undefined): number => Number(v ?? 0);
  return rows.map((r) => ({
    activityId: String(r['activityId']),
    kind: String(r['kind']),
    occurrences: n(r['occ']),
    participants: n(r['part']),
    newParticipants: n(r['newp']),
    completed: n(r['comp']),
    completedOf: n(r['compof']),
    satisfied: n(r['sat']),
    satisfiedOf: n(r['satof']),
    volunteers: n(r['vol']),
    volunteerHours: n(r['volh']),
  }));
}

/** Distinct people who attended events of the given activities in the range (by pseudonymous id). */
export async function distinctAttendees(db: Db, activityIds: readonly string[], range: Range): Promise<number> {
  if (activityIds.length === 0) return 0;
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(DISTINCT a."personId") AS n
    FROM "Attendance" a JOIN "Event" e ON e."id" = a."eventId"
    WHERE a."status" = 'attended' AND e."activityId" IN (${Prisma.join(activityIds)})
      AND e."startsAt" >= ${range.fromInstant} AND e."startsAt" < ${range.toInstant}`;
  return Number(rows[0]?.n ?? 0);
}

/** Distinct attendees in the range and how many of them attended before it too, for one set of activities. */
export interface AttendeeCounts {
  attendees: number;
  returning: number;
}

/**
 * Distinct attendees and returning people for every given set of activities in one grouped
 * statement (the report's figures): the same attendees as `distinctAttendees` per set, without a
 * query per set or the plan's attendance per person in memory. A person returns
 * when they attended one of the set's events in the range and one before it.
 */
export async function attendeeCounts(db: Db, sets: readonly (readonly string[])[], range: Range): Promise<AttendeeCounts[]> {
  const members = sets.flatMap((set, k) => set.map((activityId) => Prisma.sql`(${k}, ${activityId})`));
  if (members.length === 0) return sets.map(() => ({ attendees: 0, returning: 0 }));
  const rows = await db.$queryRaw<{ k: bigint | number | string; n: bigint | number | string; r: bigint | number | string | null }[]>`
    WITH sets(k, aid) AS (VALUES ${Prisma.join(members)})
    SELECT p.k AS k, COUNT(*) AS n, SUM(CASE WHEN p.first < ${range.fromInstant} THEN 1 ELSE 0 END) AS r
    FROM (
      SELECT s.k AS k, a."personId" AS "personId", MIN(e."startsAt") AS first,
        MAX(CASE WHEN e."startsAt" >= ${range.fromInstant} THEN 1 ELSE 0 END) AS seen
      FROM sets s JOIN "Event" e ON e."activityId" = s.aid JOIN "Attendance" a ON a."eventId" = e."id"
      WHERE a."status" = 'attended' AND e."startsAt" < ${range.toInstant}
      GROUP BY s.k, a."personId"
    ) p
    WHERE p.seen = 1
    GROUP BY p.k`;
  const out = sets.map(() => ({ attendees: 0, returning: 0 }));
  for (const r of rows) {
    const c = out[Number(r.k)];
    if (c) {
      c.attendees = Number(r.n);
      c.returning = Number(r.r ?? 0);
    }
  }
  return out;
}

/**
 * The latest "level" registration of each given activity up to the end of the range, in one
 * statement: an indexed lookup per activity (the newest level delivery before the end) inside it.
 */
export async function latestLevels(db: Db, activityIds: readonly string[], toExclusive: Date): Promise<Map<string, { participants: number; date: Date }>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ activityId: string; participants: number | bigint; date: Date | string }[]>`
    WITH ids(aid) AS (VALUES ${Prisma.join(activityIds.map((id) => Prisma.sql`(${id})`))})
    SELECT d."activityId" AS "activityId", d."participants" AS "participants", d."date" AS "date"
    FROM ids JOIN "Delivery" d ON d."id" = (
      SELECT l."id" FROM "Delivery" l
      WHERE l."activityId" = ids.aid AND l."deletedAt" IS NULL AND l."kind" = 'level' AND l."date" < ${toExclusive}
      ORDER BY l."date" DESC, l."createdAt" DESC LIMIT 1)`;
  return new Map(rows.map((r) => [r.activityId, { participants: Number(r.participants), date: new Date(r.date) }]));
}
