/**
 * Whether a planned message still makes sense when its time comes. Cancelling withdraws reminders
 * and offers in the same transaction, but a row may already be claimed, or planned by code that
 * knew less; this last look keeps "see you tomorrow" from reaching someone who cancelled.
 */
import type { Db } from '../database/database';
import type { OutboxPayload } from './outbox';

/** False when the message is obsolete: the worker then marks it 'skipped' instead of sending. */
export async function stillRelevant(db: Db, kind: string, payload: OutboxPayload, now: Date): Promise<boolean> {
  const p = payload.params;
  const str = (k: string): string | undefined => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  switch (kind) {
    case 'reminder': {
      const signUpId = str('signUpId');
      if (signUpId) {
        const s = await db.signUp.findUnique({ where: { id: signUpId }, select: { status: true, event: { select: { status: true, startsAt: true } } } });
        return s?.status === 'confirmed' && s.event.status !== 'cancelled' && s.event.startsAt > now;
      }
      const appointmentId = str('appointmentId');
      if (appointmentId) {
        const a = await db.appointment.findUnique({ where: { id: appointmentId }, select: { status: true, slot: { select: { startsAt: true } } } });
        return a?.status === 'booked' && a.slot.startsAt > now;
      }
      return true;
    }
    case 'offer': {
      const signUpId = str('signUpId');
      if (!signUpId) return true;
      const s = await db.signUp.findUnique({ where: { id: signUpId }, select: { status: true, offerExpiresAt: true } });
      return s?.status === 'offered' && s.offerExpiresAt !== null && s.offerExpiresAt > now;
    }
    case 'attendance_prompt': {
      const eventId = str('eventId');
      if (!eventId) return true;
      // Someone registered the delivery already: nothing to prompt for.
      const e = await db.event.findUnique({
        where: { id: eventId },
        select: { status: true, _count: { select: { deliveries: { where: { deletedAt: null } } } } },
      });
      return e !== null && e.status !== 'cancelled' && e._count.deliveries === 0;
    }
    case 'handover_reply': {
      const requestId = str('requestId');
      if (!requestId) return true;
      const r = await db.handoverRequest.findUnique({ where: { id: requestId }, select: { status: true } });
      return r?.status === 'open';
    }
    default:
      return true;
  }
}
