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
}

/** A date range as calendar dates and as instants (for events). */
export interface Range {
  from: Date;
  toExclusive: Date;
  fromInstant: Date;
  toInstant: Date;
}

/** Delivery sums per activity and kind of a plan in a range. */
export async function deliverySums(db: Db, planId: string, range: Range): Promise<DeliverySums[]> {
  const where = { activity: { planId }, deletedAt: null, date: { gte: range.from, lt: range.toExclusive } };
  const [all, completed, satisfied] = await Promise.all([
    db.delivery.groupBy({ by: ['activityId', 'kind'], where, _sum: { occurrences: true, participants: true, newParticipants: true } }),
    db.delivery.groupBy({ by: ['activityId', 'kind'], where: { ...where, completed: { not: null } }, _sum: { completed: true, participants: true } }),
    db.delivery.groupBy({ by: ['activityId', 'kind'], where: { ...where, satisfied: { not: null } }, _sum: { satisfied: true, respondents: true } }),
  ]);
  const k = (r: { activityId: string; kind: string }): string => `${r.activityId}|${r.kind}`;
  const c = new Map(completed.map((r) => [k(r), r._sum]));
  const s = new Map(satisfied.map((r) => [k(r), r._sum]));
  return all.map((r) => ({
    activityId: r.activityId,
    kind: r.kind,
    occurrences: r._sum.occurrences ?? 0,
    participants: r._sum.participants ?? 0,
    newParticipants: r._sum.newParticipants ?? 0,
    completed: c.get(k(r))?.completed ?? 0,
    completedOf: c.get(k(r))?.participants ?? 0,
    satisfied: s.get(k(r))?.satisfied ?? 0,
    satisfiedOf: s.get(k(r))?.respondents ?? 0,
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

/** The latest "level" registration of each activity up to the end of the range. */
export async function latestLevels(db: Db, planId: string, toExclusive: Date): Promise<Map<string, { participants: number; date: Date }>> {
  const rows = await db.delivery.findMany({
    where: { activity: { planId }, deletedAt: null, kind: 'level', date: { lt: toExclusive } },
    orderBy: [{ date: 'desc' }, { createdAt: 'desc' }],
    distinct: ['activityId'],
    select: { activityId: true, participants: true, date: true },
  });
  return new Map(rows.map((r) => [r.activityId, { participants: r.participants, date: r.date }]));
}
