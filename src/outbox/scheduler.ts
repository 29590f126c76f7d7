/**
 * Messages nobody's action causes, only time: (a) offers whose deadline passed are ended and the
 * places offered on; (b) staff are prompted to take attendance when an event has ended without a
 * registered delivery; (c) from the digest hour, staff get the kitchen digest of tomorrow's
 * sign-ups. Each run may happen on every instance every few seconds: (a) works under the event
 * lock, (b) and (c) are named rows (refId 'attendance:<event>:<staff>', 'digest:<date>:<staff>')
 * that the unique (kind, refId) index lets exist once.
 */
import type { Db } from '../database/database';
import type { Logger } from '../logging/logger';
import type { OfferService } from '../sign-ups/offer-service';
import { addDays, copenhagenDate, formatCalendarDate } from '../time/calendar-date';
import type { Clock } from '../time/clock';
import type { MessagingConfig } from './config';
import { digestEvents } from './kitchen-digest';
import { enqueueOnce, type OutboxMessageInput } from './outbox';
import { copenhagenHour } from './quiet-hours';

/** Events that ended longer ago than this get no prompt (a worker down for a day, a first start). */
const ATTENDANCE_WINDOW_MS = 12 * 3_600_000;
/** Staff roles that get prompts and digests. */
export const STAFF_MESSAGE_ROLES = ['staff', 'coordinator', 'admin'];

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  offers: Pick<OfferService, 'expireDue'>;
  config: Pick<MessagingConfig, 'digestHour'>;
}

/** What one run did. */
export interface SchedulerRun {
  offersExpired: number;
  attendancePrompts: number;
  digests: number;
}

/** Staff who can be reached in Teams (prompts and digests are Teams messages), by pseudonymous id. */
export async function staffRecipients(db: Db): Promise<string[]> {
  const rows = await db.channelIdentity.findMany({
    where: { channel: 'teams', blockedAt: null, address: { not: null }, person: { role: { in: STAFF_MESSAGE_ROLES }, erasedAt: null } },
    select: { personId: true },
    distinct: ['personId'],
  });
  return rows.map((r) => r.personId);
}

export class OutboxScheduler {
  constructor(private readonly deps: SchedulerDeps) {}

  /** One pass over the three jobs. */
  async runOnce(): Promise<SchedulerRun> {
    const offersExpired = await this.deps.offers.expireDue();
    const staff = await staffRecipients(this.deps.db);
    const attendancePrompts = staff.length ? await this.attendancePrompts(staff) : 0;
    const digests = staff.length ? await this.kitchenDigests(staff) : 0;
    if (offersExpired || attendancePrompts || digests) this.deps.logger.info('outbox scheduler', { offersExpired, attendancePrompts, digests });
    return { offersExpired, attendancePrompts, digests };
  }

  private async attendancePrompts(staff: string[]): Promise<number> {
    const now = this.deps.clock.now();
    const events = await this.deps.db.event.findMany({
      where: {
        endsAt: { gt: new Date(now.getTime() - ATTENDANCE_WINDOW_MS), lte: now },
        status: { not: 'cancelled' },
        deliveries: { none: { deletedAt: null } },
      },
      select: { id: true },
      take: 50,
    });
    const messages = events.flatMap((e) =>
      staff.map((personId): OutboxMessageInput & { refId: string } => ({
        personId,
        channel: 'teams',
        kind: 'attendance_prompt',
        refId: `attendance:${e.id}:${personId}`,
        payload: {
          key: 'staff:notice.attendance_prompt',
          params: { eventId: e.id },
          choices: [{ key: 'staff:events.attendance_button', action: `attendance.event|${e.id}` }],
        },
      })),
    );
    return this.createMissing(messages);
  }

  private async kitchenDigests(staff: string[]): Promise<number> {
    const now = this.deps.clock.now();
    if (copenhagenHour(now) < this.deps.config.digestHour) return 0;
    const date = formatCalendarDate(addDays(copenhagenDate(now), 1));
    if ((await digestEvents(this.deps.db, date)).length === 0) return 0;
    return this.createMissing(
      staff.map((personId) => ({
        personId,
        channel: 'teams',
        kind: 'kitchen_digest',
        refId: `digest:${date}:${personId}`,
        payload: { key: 'staff:notice.kitchen_digest', params: { digestDate: date } },
      })),
    );
  }

  /** Creates the messages not created before; one query finds those that exist, so a quiet run writes nothing. */
  private async createMissing(messages: (OutboxMessageInput & { refId: string })[]): Promise<number> {
    if (messages.length === 0) return 0;
    const existing = await this.deps.db.outboxMessage.findMany({ where: { refId: { in: messages.map((m) => m.refId) } }, select: { kind: true, refId: true } });
    const known = new Set(existing.map((e) => `${e.kind}|${e.refId}`));
    let created = 0;
    for (const m of messages) {
      if (!known.has(`${m.kind}|${m.refId}`) && (await enqueueOnce(this.deps.db, this.deps.clock, m))) created++;
    }
    return created;
  }
}
