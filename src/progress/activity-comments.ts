/**
 * "Status og næste skridt": one short comment per activity and period, written by staff or a
 * coordinator, that goes into the progress report. Writing again for the same period replaces it;
 * the audit records who and when, never the text.
 */
import type { Db } from '../database/database';
import { audit } from '../audit/audit-log';
import { DomainError } from '../errors/domain-error';
import type { Period } from './periods';

export const MAX_COMMENT = 1000;

/** A comment as the report shows it. */
export interface CommentView {
  id: string;
  activityId: string;
  periodFrom: Date;
  /** Exclusive. */
  periodTo: Date;
  text: string;
  authorId: string | null;
  updatedAt: Date;
}

export class ActivityCommentService {
  constructor(private readonly db: Db) {}

  /** Writes (or replaces) the comment of an activity for a period; throws comment.empty for blank text. */
  async write(input: { activityId: string; period: Pick<Period, 'from' | 'toExclusive'>; text: string; authorId: string }): Promise<CommentView> {
    const text = input.text.trim().slice(0, MAX_COMMENT);
    if (!text) throw new DomainError('comment.empty');
    const activity = await this.db.activity.findUnique({ where: { id: input.activityId }, select: { id: true } });
    if (!activity) throw new DomainError('delivery.activity_unknown');
    const key = { activityId: activity.id, periodFrom: input.period.from, periodTo: input.period.toExclusive };
    return this.db.$transaction(async (tx) => {
      const row = await tx.activityComment.upsert({
        where: { activityId_periodFrom_periodTo: key },
        create: { ...key, text, authorId: input.authorId },
        update: { text, authorId: input.authorId },
      });
      await audit(tx, { actorId: input.authorId, action: 'comment.write', entity: 'ActivityComment', entityId: row.id, details: { length: text.length } });
      return row;
    });
  }

  /** Comments of a plan's activities whose period lies inside `period`, oldest first. */
  async list(planId: string, period: Pick<Period, 'from' | 'toExclusive'>): Promise<CommentView[]> {
    return this.db.activityComment.findMany({
      where: { activity: { planId }, periodFrom: { gte: period.from }, periodTo: { lte: period.toExclusive } },
      orderBy: [{ periodFrom: 'asc' }, { updatedAt: 'asc' }],
    });
  }
}
