/**
 * Reminders before a fællesspisning (or any event with sign-up) and before a counselling
 * appointment, each with a one-tap "I can't come" that runs the existing cancel action. A reminder
 * is one outbox row per sign-up or appointment (kind 'reminder', refId 'signup:<id>' or
 * 'appointment:<id>'), planned in the transaction that confirmed the place and withdrawn in the
 * one that gave it up. How long before: Activity.reminderHoursBefore, else the configured default;
 * 0 means no reminder. A place taken after the reminder time gets none: the confirmation just said it.
 */
import type { Tx } from '../database/database';
import type { ReminderFacts } from '../cache/turn-prefetch';
import type { Clock } from '../time/clock';
import type { MessagingConfig } from './config';
import { preferredChannel, schedule, unschedule } from './outbox';

const HOUR_MS = 3_600_000;

export const signUpReminderRef = (signUpId: string): string => `signup:${signUpId}`;
export const appointmentReminderRef = (appointmentId: string): string => `appointment:${appointmentId}`;

/** What the caller already read of the person this turn (turn-prefetch.ts), sparing the reads here. */
export type KnownPerson = ReminderFacts;

async function plan(
  tx: Tx,
  clock: Clock,
  input: { personId: string; refId: string; startsAt: Date; hours: number; key: string; params: Record<string, string>; cancelAction: string },
  known?: KnownPerson,
): Promise<boolean> {
  const dueAt = new Date(input.startsAt.getTime() - input.hours * HOUR_MS);
  // A person who wrote "stop" gets no reminders (ReminderPreferences).
  const wanted =
    input.hours > 0 &&
    dueAt > clock.now() &&
    (known ? known.remindersOffAt : (await tx.person.findUnique({ where: { id: input.personId }, select: { remindersOffAt: true } }))?.remindersOffAt) == null;
  const channel = wanted ? (known?.soleChannel ?? (await preferredChannel(tx, input.personId))) : null;
  if (!channel) {
    // Nothing to plan now; an older plan for the same thing (before a move) must not go out either.
    await unschedule(tx, 'reminder', input.refId);
    return false;
  }
  await schedule(tx, clock, {
    personId: input.personId,
    channel,
    kind: 'reminder',
    refId: input.refId,
    dueAt,
    payload: { key: input.key, params: input.params, choices: [{ key: 'resident:reminder.cant_come', action: input.cancelAction }] },
  });
  return true;
}

/** Plans (or re-plans) the reminder of a confirmed sign-up. Call under the event lock. */
export async function scheduleSignUpReminder(
  tx: Tx,
  clock: Clock,
  config: MessagingConfig,
  signUp: { id: string; personId: string; eventId: string },
  /** The event, when the caller has just read it under the lock (saves a query on the sign-up path). */
  known?: { startsAt: Date; activity: { reminderHoursBefore: number | null } },
  /** The person, when the turn has just read them (saves two queries on the sign-up path). */
  person?: KnownPerson,
): Promise<boolean> {
  const event =
    known ??
    (await tx.event.findUniqueOrThrow({ where: { id: signUp.eventId }, select: { startsAt: true, activity: { select: { reminderHoursBefore: true } } } }));
  return plan(
    tx,
    clock,
    {
      personId: signUp.personId,
      refId: signUpReminderRef(signUp.id),
      startsAt: event.startsAt,
      hours: event.activity.reminderHoursBefore ?? config.reminderHours.event,
      key: 'resident:reminder.event',
      params: { eventId: signUp.eventId, signUpId: signUp.id },
      cancelAction: `bookings.cancel|s_${signUp.id}`,
    },
    person,
  );
}

/** Plans the reminder of a booked counselling appointment. Call under the slot lock. */
export async function scheduleAppointmentReminder(
  tx: Tx,
  clock: Clock,
  config: MessagingConfig,
  appointment: { id: string; personId: string; slotId: string },
  /** The slot's start and its activity's reminder hours, when the caller holds them (saves a query). */
  known?: { startsAt: Date; activity: { reminderHoursBefore: number | null } },
  /** The person, when the turn has just read them (saves two queries). */
  person?: KnownPerson,
): Promise<boolean> {
  const slot =
    known ??
    (await tx.appointmentSlot.findUniqueOrThrow({
      where: { id: appointment.slotId },
      select: { startsAt: true, activity: { select: { reminderHoursBefore: true } } },
    }));
  return plan(
    tx,
    clock,
    {
      personId: appointment.personId,
      refId: appointmentReminderRef(appointment.id),
      startsAt: slot.startsAt,
      hours: slot.activity.reminderHoursBefore ?? config.reminderHours.counselling,
      key: 'resident:reminder.appointment',
      params: { slotId: appointment.slotId, appointmentId: appointment.id },
      cancelAction: `bookings.cancel|a_${appointment.id}`,
    },
    person,
  );
}
