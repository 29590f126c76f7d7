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
      SUM(COALESCE(d."volunteers", 0)) AS vol, SUM(COALESCE(d."volunteerHours", 0)) AS volh
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

/** Per activity and person: the first attended event (ms) up to the range's end, and whether one falls in the range. */
export type AttendanceProfile = Map<string, Map<string, { first: number; seen: boolean }>>;

/**
 * The attendance profile of a plan's activities up to the range's end, in one grouped pass, so
 * returning people can be counted for any set of activities without a query per set.
 */
export async function attendanceProfile(db: Db, planId: string, range: Range): Promise<AttendanceProfile> {
  const rows = await db.$queryRaw<{ activityId: string; personId: string; first: Date | string; seen: bigint | number }[]>`
    SELECT e."activityId" AS "activityId", a."personId" AS "personId", MIN(e."startsAt") AS first,
      MAX(CASE WHEN e."startsAt" >= ${range.fromInstant} THEN 1 ELSE 0 END) AS seen
    FROM "Attendance" a JOIN "Event" e ON e."id" = a."eventId" JOIN "Activity" act ON act."id" = e."activityId"
    WHERE a."status" = 'attended' AND act."planId" = ${planId} AND e."startsAt" < ${range.toInstant}
    GROUP BY e."activityId", a."personId"`;
  const out: AttendanceProfile = new Map();
  for (const r of rows) {
    let people = out.get(r.activityId);
    if (!people) out.set(r.activityId, (people = new Map()));
    people.set(r.personId, { first: new Date(r.first).getTime(), seen: Number(r.seen) === 1 });
  }
  return out;
}

/** Of the people who attended these activities' events in the range, those who attended one of them before it too. */
export function returningIn(profile: AttendanceProfile, activityIds: readonly string[], range: Range): number {
  const merged = new Map<string, { first: number; seen: boolean }>();
  for (const id of activityIds) {
    for (const [person, p] of profile.get(id) ?? []) {
      const m = merged.get(person);
      merged.set(person, m ? { first: Math.min(m.first, p.first), seen: m.seen || p.seen } : p);
    }
  }
  let n = 0;
  for (const p of merged.values()) if (p.seen && p.first < range.fromInstant.getTime()) n++;
  return n;
}

/** The latest "level" registration of each given activity up to the end of the range (one indexed lookup each). */
export async function latestLevels(db: Db, activityIds: readonly string[], toExclusive: Date): Promise<Map<string, { participants: number; date: Date }>> {
  const found = await Promise.all(
    activityIds.map((activityId) =>
      db.delivery.findFirst({
        where: { activityId, deletedAt: null, kind: 'level', date: { lt: toExclusive } },
        orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
        select: { activityId: true, participants: true, date: true },
      }),
    ),
  );
  return new Map(found.filter((r) => r !== null).map((r) => [r.activityId, { participants: r.participants, date: r.date }]));
}
