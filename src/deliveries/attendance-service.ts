/**
 * Fremmøde: staff mark who came to an event (attended / no-show) and add walk-ins and volunteers.
 * Attendance is by pseudonymous person (for unique-participant targets) and also becomes the
 * event's delivery, so an event held is counted once, however often attendance is corrected.
 */
import type { Db } from '../database/database';
import { lockEvent, QUEUED_TRANSACTION } from '../database/event-lock';
import { audit } from '../audit/audit-log';
import { DomainError } from '../errors/domain-error';
import { copenhagenDate } from '../time/calendar-date';
import type { Clock } from '../time/clock';
import { checkCounts, checkDate } from './delivery-rules';

/** One line of the attendance list. */
export interface AttendanceMark {
  personId: string;
  attended: boolean;
}

/** The result of taking attendance. */
export interface AttendanceResult {
  eventId: string;
  deliveryId: string;
  attendedPeople: number;
  participants: number;
  walkIns: number;
  volunteers: number;
}

export class AttendanceService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Records attendance for an event. Marks may cover sign-ups or people who came without one;
   * the event's delivery is created or updated to: attended parties (adults + children) + walk-ins.
   */
  async take(input: {
    eventId: string;
    marks: AttendanceMark[];
    walkIns?: number;
    volunteers?: number;
    markedById: string;
    channel: string;
  }): Promise<AttendanceResult> {
    const walkIns = input.walkIns ?? 0;
    const volunteers = input.volunteers ?? 0;
    const event = await this.db.event.findUnique({ where: { id: input.eventId }, include: { activity: { include: { plan: true } } } });
    if (!event) throw new DomainError('event.not_found');
    const date = copenhagenDate(event.startsAt);
    checkDate(date, event.activity.plan, this.clock.now());
    const personIds = [...new Set(input.marks.map((m) => m.personId))];
    const known = await this.db.person.count({ where: { id: { in: personIds } } });
    if (known !== personIds.length) throw new DomainError('attendance.unknown_person');
    return this.db.$transaction(async (tx) => {
      await lockEvent(tx, event.id);
      for (const m of input.marks) {
        const status = m.attended ? 'attended' : 'no_show';
        await tx.attendance.upsert({
          where: { eventId_personId: { eventId: event.id, personId: m.personId } },
          create: { eventId: event.id, personId: m.personId, status, markedById: input.markedById },
          update: { status, markedById: input.markedById, markedAt: this.clock.now() },
        });
        await tx.signUp.updateMany({
          where: { eventId: event.id, personId: m.personId, status: { in: ['confirmed', 'attended', 'no_show'] } },
          data: { status },
        });
      }
      const attended = await tx.attendance.findMany({ where: { eventId: event.id, status: 'attended' }, select: { personId: true } });
      const parties = await tx.signUp.findMany({
        where: { eventId: event.id, personId: { in: attended.map((a) => a.personId) } },
        select: { personId: true, adults: true, children: true },
      });
      const partySize = new Map(parties.map((p) => [p.personId, p.adults + p.children]));
      const people = attended.reduce((sum, a) => sum + (partySize.get(a.personId) ?? 1), 0);
      const participants = people + walkIns;
      checkCounts({ occurrences: 1, participants, volunteers, newParticipants: null });
      const existing = await tx.delivery.findFirst({ where: { eventId: event.id, deletedAt: null } });
      const data = { participants, walkIns, volunteers, date, kind: 'event', channel: input.channel, loggedById: input.markedById };
      const delivery = existing
        ? await tx.delivery.update({ where: { id: existing.id }, data })
        : await tx.delivery.create({ data: { ...data, activityId: event.activityId, eventId: event.id } });
      if (event.status === 'scheduled') await tx.event.update({ where: { id: event.id }, data: { status: 'held' } });
      await audit(tx, {
        actorId: input.markedById,
        action: 'attendance.take',
        entity: 'Event',
        entityId: event.id,
        details: { attended: attended.length, walkIns, volunteers },
      });
      return { eventId: event.id, deliveryId: delivery.id, attendedPeople: attended.length, participants, walkIns, volunteers };
    }, QUEUED_TRANSACTION);
  }
}
