/**
 * Appointments for økonomisk rådgivning: free slots, booking with a topic and an optional note,
 * cancelling and rescheduling. A slot holds one booked appointment; booking locks the slot row so
 * two people can never take the same slot (see event-lock.ts). The appointment's reminder is
 * planned and withdrawn in the same transaction as the booking and the cancellation.
 */
import type { Db } from '../database/database';
import { lockSlot, QUEUED_TRANSACTION } from '../database/event-lock';
import { DomainError } from '../errors/domain-error';
import { DEFAULT_MESSAGING_CONFIG, type MessagingConfig } from '../outbox/config';
import { unschedule } from '../outbox/outbox';
import { appointmentReminderRef, scheduleAppointmentReminder } from '../outbox/reminders';
import type { Clock } from '../time/clock';
import { planDataCache } from '../cache/plan-data-cache';
import { turnPrefetch } from '../cache/turn-prefetch';

export const TOPICS = ['budget', 'debt', 'housing_benefit', 'rent_arrears', 'other'] as const;
export type Topic = (typeof TOPICS)[number];
export const MAX_NOTE_LENGTH = 500;

/** A slot as offered to a resident. */
export interface SlotView {
  id: string;
  activityId: string;
  startsAt: Date;
  endsAt: Date;
  counsellor: string;
  location: { name: string; address: string } | null;
}

/** A booked (or cancelled) appointment. */
export interface AppointmentView {
  id: string;
  slot: SlotView;
  personId: string;
  topic: Topic;
  note: string | null;
  status: 'booked' | 'cancelled';
}

type SlotRow = { id: string; activityId: string; startsAt: Date; endsAt: Date; counsellor: string; location: { name: string; address: string } | null };
const slotView = (s: SlotRow): SlotView => ({
  id: s.id,
  activityId: s.activityId,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  counsellor: s.counsellor,
  location: s.location ? { name: s.location.name, address: s.location.address } : null,
});

function checkTopicAndNote(topic: string, note: string | undefined): { topic: Topic; note: string | null } {
  if (!(TOPICS as readonly string[]).includes(topic)) throw new DomainError('appointment.topic_invalid');
  const trimmed = note?.trim() ?? '';
  if (trimmed.length > MAX_NOTE_LENGTH) throw new DomainError('appointment.note_too_long', { max: MAX_NOTE_LENGTH });
  return { topic: topic as Topic, note: trimmed || null };
}

export class AppointmentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly messaging: MessagingConfig = DEFAULT_MESSAGING_CONFIG,
  ) {}

  /** Free slots from now (or `from`) to `to`, soonest first. */
  async freeSlots(input: { to: Date; from?: Date; activityId?: string; limit?: number }): Promise<SlotView[]> {
    const from = input.from && input.from > this.clock.now() ? input.from : this.clock.now();
    const rows = await this.db.appointmentSlot.findMany({
      where: {
        startsAt: { gt: from, lt: input.to },
        ...(input.activityId ? { activityId: input.activityId } : {}),
        appointments: { none: { status: 'booked' } },
      },
      include: { location: true },
      orderBy: { startsAt: 'asc' },
      take: input.limit ?? 20,
    });
    return rows.map(slotView);
  }

  /** Books a slot for a person. Throws slot.taken when someone was quicker. */
  async book(input: { slotId: string; personId: string; topic: string; note?: string }): Promise<AppointmentView> {
    const { topic, note } = checkTopicAndNote(input.topic, input.note);
    // What the turn read of the person (PeopleService.identify) plans the reminder without reading them again.
    const person = turnPrefetch(this.db).reminderFacts.take(input.personId);
    const planData = await planDataCache(this.db).snapshot();
    return this.db.$transaction(async (tx) => {
      if (!(await lockSlot(tx, input.slotId))) throw new DomainError('slot.not_found');
      // The slot's place and activity are plan data, from the cache.
      const row = await tx.appointmentSlot.findUniqueOrThrow({ where: { id: input.slotId } });
      const slot = { ...row, location: row.locationId === null ? null : (planData.locationById.get(row.locationId) ?? null) };
      if (row.locationId !== null && !slot.location) slot.location = await tx.location.findUnique({ where: { id: row.locationId } });
      if (slot.startsAt <= this.clock.now()) throw new DomainError('slot.past');
      const taken = await tx.appointment.findFirst({ where: { slotId: slot.id, status: 'booked' } });
      if (taken) throw new DomainError('slot.taken');
      const a = await tx.appointment.create({ data: { slotId: slot.id, personId: input.personId, topic, note } });
      const activity = planData.activityById.get(slot.activityId);
      await scheduleAppointmentReminder(tx, this.clock, this.messaging, a, activity ? { startsAt: slot.startsAt, activity } : undefined, person);
      return { id: a.id, slot: slotView(slot), personId: a.personId, topic, note, status: 'booked' as const };
    }, QUEUED_TRANSACTION);
  }

  /** Cancels a person's appointment, freeing the slot. */
  async cancel(input: { appointmentId: string; personId?: string }): Promise<AppointmentView> {
    const a = await this.db.appointment.findUnique({ where: { id: input.appointmentId }, include: { slot: { include: { location: true } } } });
    if (!a || (input.personId !== undefined && a.personId !== input.personId)) throw new DomainError('appointment.not_found');
    if (a.status !== 'booked') throw new DomainError('appointment.already_cancelled');
    await this.db.$transaction(async (tx) => {
      // Only a booked appointment is cancelled (and its reminder withdrawn), even if two taps race.
      const n = await tx.appointment.updateMany({ where: { id: a.id, status: 'booked' }, data: { status: 'cancelled', cancelledAt: this.clock.now() } });
      if (n.count === 0) throw new DomainError('appointment.already_cancelled');
      await unschedule(tx, 'reminder', appointmentReminderRef(a.id));
    });
    return { id: a.id, slot: slotView(a.slot), personId: a.personId, topic: a.topic as Topic, note: a.note, status: 'cancelled' };
  }

  /** Moves an appointment to another free slot, keeping topic and note; the old slot is freed only if the new one is had. */
  async reschedule(input: { appointmentId: string; newSlotId: string; personId?: string }): Promise<AppointmentView> {
    const a = await this.db.appointment.findUnique({ where: { id: input.appointmentId } });
    if (!a || (input.personId !== undefined && a.personId !== input.personId)) throw new DomainError('appointment.not_found');
    if (a.status !== 'booked') throw new DomainError('appointment.already_cancelled');
    return this.db.$transaction(async (tx) => {
      if (!(await lockSlot(tx, input.newSlotId))) throw new DomainError('slot.not_found');
      const slot = await tx.appointmentSlot.findUniqueOrThrow({ where: { id: input.newSlotId }, include: { location: true } });
      if (slot.startsAt <= this.clock.now()) throw new DomainError('slot.past');
      if (await tx.appointment.findFirst({ where: { slotId: slot.id, status: 'booked' } })) throw new DomainError('slot.taken');
      await tx.appointment.update({ where: { id: a.id }, data: { status: 'cancelled', cancelledAt: this.clock.now() } });
      await unschedule(tx, 'reminder', appointmentReminderRef(a.id));
      const moved = await tx.appointment.create({ data: { slotId: slot.id, personId: a.personId, topic: a.topic, note: a.note } });
      await scheduleAppointmentReminder(tx, this.clock, this.messaging, moved);
      return { id: moved.id, slot: slotView(slot), personId: moved.personId, topic: moved.topic as Topic, note: moved.note, status: 'booked' as const };
    }, QUEUED_TRANSACTION);
  }

  /** A person's booked appointments that have not started, soonest first. */
  async upcomingFor(personId: string): Promise<AppointmentView[]> {
    const rows = await this.db.appointment.findMany({
      where: { personId, status: 'booked', slot: { startsAt: { gt: this.clock.now() } } },
      include: { slot: { include: { location: true } } },
      orderBy: { slot: { startsAt: 'asc' } },
    });
    return rows.map((a) => ({ id: a.id, slot: slotView(a.slot), personId: a.personId, topic: a.topic as Topic, note: a.note, status: 'booked' as const }));
  }

  /** Creates counselling slots (staff). */
  async createSlots(input: { activityId: string; locationId?: string; counsellor: string; slots: { startsAt: Date; endsAt: Date }[] }): Promise<number> {
    const r = await this.db.appointmentSlot.createMany({
      data: input.slots.map((s) => ({
        activityId: input.activityId,
        locationId: input.locationId ?? null,
        counsellor: input.counsellor,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      })),
    });
    return r.count;
  }
}
