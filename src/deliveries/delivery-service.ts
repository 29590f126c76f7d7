/**
 * Leverancer: staff log what was delivered (an event held, a course, outreach contacts) with counts;
 * they can correct or undo it. Every change is validated and audited. Undo keeps the row (marked
 * deleted) so the audit trail stays whole.
 */
import type { Db } from '../database/database';
import { audit } from '../audit/audit-log';
import { DomainError } from '../errors/domain-error';
import type { DeliveryKind } from '../plan-data/plan-file';
import type { Clock } from '../time/clock';
import type { Role } from '../people/people-service';
import { checkCounts, checkDate, type DeliveryCounts } from './delivery-rules';

/** A delivery as the rest of Nabo sees it. */
export interface DeliveryView {
  id: string;
  activityId: string;
  eventId: string | null;
  date: Date;
  kind: DeliveryKind;
  occurrences: number;
  participants: number;
  newParticipants: number | null;
  walkIns: number | null;
  volunteers: number | null;
  /** All volunteers' hours together. */
  volunteerHours: number | null;
  completed: number | null;
  satisfied: number | null;
  respondents: number | null;
  note: string | null;
  loggedById: string | null;
  channel: string;
}

/** What staff may set when logging a delivery. */
export interface LogDeliveryInput extends Partial<Omit<DeliveryCounts, 'participants'>> {
  planId: string;
  activityId: string;
  date: Date;
  participants: number;
  kind?: DeliveryKind;
  note?: string | null;
  loggedById: string;
  channel: string;
  /** The activity's plan period when the caller has just read it with the activity (spares the check's read). */
  plan?: { startDate: Date; endDate: Date };
}

export type DeliveryPatch = Partial<
  Pick<
    DeliveryView,
    'date' | 'occurrences' | 'participants' | 'newParticipants' | 'volunteers' | 'volunteerHours' | 'completed' | 'satisfied' | 'respondents' | 'note' | 'kind'
  >
>;

const MAX_NOTE = 1000;

type Row = Omit<DeliveryView, 'kind'> & { kind: string };
const toView = (r: Row): DeliveryView => ({
  id: r.id,
  activityId: r.activityId,
  eventId: r.eventId,
  date: r.date,
  kind: r.kind as DeliveryKind,
  occurrences: r.occurrences,
  participants: r.participants,
  newParticipants: r.newParticipants,
  walkIns: r.walkIns,
  volunteers: r.volunteers,
  volunteerHours: r.volunteerHours,
  completed: r.completed,
  satisfied: r.satisfied,
  respondents: r.respondents,
  note: r.note,
  loggedById: r.loggedById,
  channel: r.channel,
});

function countsOf(r: DeliveryView | LogDeliveryInput): DeliveryCounts {
  return {
    occurrences: r.occurrences ?? 1,
    participants: r.participants,
    newParticipants: r.newParticipants,
    volunteers: r.volunteers,
    volunteerHours: r.volunteerHours,
    completed: r.completed,
    satisfied: r.satisfied,
    respondents: r.respondents,
  };
}

/** Staff change their own registrations; coordinators and admins may change anyone's. */
function mayChange(loggedById: string | null, actorId: string, role: Role): void {
  if (loggedById !== actorId && role !== 'coordinator' && role !== 'admin') throw new DomainError('not_allowed');
}

export class DeliveryService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private async planOfActivity(planId: string, activityId: string): Promise<{ startDate: Date; endDate: Date }> {
    // The plan, found through its activity in one read (an include would be a second query).
    const plan = await this.db.plan.findFirst({ where: { id: planId, activities: { some: { id: activityId } } }, select: { startDate: true, endDate: true } });
    if (!plan) throw new DomainError('delivery.activity_unknown');
    return plan;
  }

  /** Logs a delivery after validating activity, date and counts. */
  async log(input: LogDeliveryInput): Promise<DeliveryView> {
    const plan = input.plan ?? (await this.planOfActivity(input.planId, input.activityId));
    checkCounts(countsOf(input));
    checkDate(input.date, plan, this.clock.now());
    const note = input.note?.trim().slice(0, MAX_NOTE) || null;
    return this.db.$transaction(async (tx) => {
      const row = await tx.delivery.create({
        data: {
          activityId: input.activityId,
          date: input.date,
          kind: input.kind ?? 'event',
          occurrences: input.occurrences ?? 1,
          participants: input.participants,
          newParticipants: input.newParticipants ?? null,
          volunteers: input.volunteers ?? null,
          volunteerHours: input.volunteerHours ?? null,
          completed: input.completed ?? null,
          satisfied: input.satisfied ?? null,
          // Satisfaction without a respondent count means everyone present answered.
          respondents: input.respondents ?? (input.satisfied != null ? input.participants : null),
          note,
          loggedById: input.loggedById,
          channel: input.channel,
        },
      });
      await audit(tx, {
        actorId: input.loggedById,
        action: 'delivery.log',
        entity: 'Delivery',
        entityId: row.id,
        details: { participants: row.participants, volunteers: row.volunteers, volunteerHours: row.volunteerHours },
      });
      return toView(row);
    });
  }

  /** Corrects a delivery (its own logger, or a coordinator); the result is validated as a whole. */
  async correct(deliveryId: string, patch: DeliveryPatch, actorId: string, actorRole: Role = 'staff'): Promise<DeliveryView> {
    const current = await this.db.delivery.findFirst({ where: { id: deliveryId, deletedAt: null }, include: { activity: { include: { plan: true } } } });
    if (!current) throw new DomainError('delivery.not_found');
    mayChange(current.loggedById, actorId, actorRole);
    const next = { ...toView(current), ...patch };
    checkCounts(countsOf(next));
    if (patch.date) checkDate(patch.date, current.activity.plan, this.clock.now());
    return this.db.$transaction(async (tx) => {
      const row = await tx.delivery.update({ where: { id: deliveryId }, data: { ...patch, note: next.note?.trim().slice(0, MAX_NOTE) || null } });
      await audit(tx, { actorId, action: 'delivery.correct', entity: 'Delivery', entityId: deliveryId, details: { fields: Object.keys(patch).join(',') } });
      return toView(row);
    });
  }

  /** Undoes a delivery (its own logger, or a coordinator): it no longer counts, but stays for the audit trail. */
  async undo(deliveryId: string, actorId: string, actorRole: Role = 'staff'): Promise<DeliveryView> {
    const current = await this.db.delivery.findFirst({ where: { id: deliveryId, deletedAt: null } });
    if (!current) throw new DomainError('delivery.not_found');
    mayChange(current.loggedById, actorId, actorRole);
    return this.db.$transaction(async (tx) => {
      const row = await tx.delivery.update({ where: { id: deliveryId }, data: { deletedAt: this.clock.now() } });
      await audit(tx, { actorId, action: 'delivery.undo', entity: 'Delivery', entityId: deliveryId });
      return toView(row);
    });
  }

  /** The last delivery a staff member logged that still counts, for "correct/undo the last one". */
  async lastLoggedBy(actorId: string): Promise<DeliveryView | null> {
    const row = await this.db.delivery.findFirst({ where: { loggedById: actorId, deletedAt: null }, orderBy: { createdAt: 'desc' } });
    return row ? toView(row) : null;
  }

  /** Deliveries of an activity (and its sub-activities) in a date range, newest first. */
  async forActivity(activityId: string, from: Date, toExclusive: Date): Promise<DeliveryView[]> {
    const rows = await this.db.delivery.findMany({
      where: { deletedAt: null, date: { gte: from, lt: toExclusive }, OR: [{ activityId }, { activity: { parentId: activityId } }] },
      orderBy: { date: 'desc' },
    });
    return rows.map(toView);
  }
}
