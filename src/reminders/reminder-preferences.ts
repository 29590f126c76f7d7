/**
 * A resident's "stop" and "start" for reminders. Stop is stored on the person (remindersOffAt) and
 * withdraws the reminders already planned; the outbox plans no new ones while it is set
 * (src/outbox/reminders.ts). Start clears it: reminders come again for what is booked from then on.
 */
import type { Db } from '../database/database';
import { turnPrefetch } from '../cache/turn-prefetch';
import type { Clock } from '../time/clock';

export class ReminderPreferences {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Turns reminders off (true) or on (false) for a person; one transaction. */
  async setOff(personId: string, off: boolean): Promise<void> {
    // What this turn read of the person for reminders is out of date now.
    turnPrefetch(this.db).reminderFacts.drop(personId);
    await this.db.$transaction(async (tx) => {
      await tx.person.update({ where: { id: personId }, data: { remindersOffAt: off ? this.clock.now() : null } });
      if (off) await tx.outboxMessage.deleteMany({ where: { personId, kind: 'reminder', status: 'pending' } });
    });
  }

  /** Whether the person said stop. */
  async areOff(personId: string): Promise<boolean> {
    const p = await this.db.person.findUnique({ where: { id: personId }, select: { remindersOffAt: true } });
    return p?.remindersOffAt != null;
  }
}
