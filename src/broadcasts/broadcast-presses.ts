/**
 * A resident pressed a broadcast's button. The press is counted once per person and button (the
 * unique row in BroadcastPress; a second tap changes nothing) and answered with what the button
 * points at. A press on a broadcast that was withdrawn, never existed, or has no such button is
 * refused with a typed error the resident reads in their language. Presses are personal data:
 * people-service erases them with the person and lists them in "my data".
 */
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { isUniqueViolation } from '../outbox/outbox';
import { BUTTON_KINDS, readButtons, type BroadcastButton, type ButtonKind } from './broadcast-buttons';

/** How often a broadcast's buttons were pressed: per button, and by how many people in all. */
export interface PressCounts {
  signup: number;
  more: number;
  people: number;
}

/** Counts a press (once per person and button) and returns the button; throws broadcast.not_found or broadcast.withdrawn. */
export async function recordPress(db: Db, personId: string, broadcastId: string, kind: ButtonKind): Promise<BroadcastButton> {
  const b = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { withdrawnAt: true, buttons: true } });
  const button = b ? readButtons(b.buttons).find((x) => x.kind === kind) : undefined;
  if (!b || !button) throw new DomainError('broadcast.not_found');
  if (b.withdrawnAt) throw new DomainError('broadcast.withdrawn');
  try {
    await db.broadcastPress.create({ data: { broadcastId, personId, button: kind } });
  } catch (err) {
    // Pressed before: counted already.
    if (!isUniqueViolation(err)) throw err;
  }
  return button;
}

/** The press counts of a broadcast. */
export async function pressCounts(db: Db, broadcastId: string): Promise<PressCounts> {
  const rows = await db.broadcastPress.groupBy({ by: ['button'], where: { broadcastId }, _count: { _all: true } });
  const people = await db.broadcastPress.findMany({ where: { broadcastId }, distinct: ['personId'], select: { personId: true } });
  const counts: PressCounts = { signup: 0, more: 0, people: people.length };
  for (const r of rows) {
    const kind = BUTTON_KINDS.find((k) => k === r.button);
    if (kind) counts[kind] = r._count._all;
  }
  return counts;
}
