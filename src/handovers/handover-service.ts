/**
 * "Talk to a person": a resident's question becomes a handover request that staff see and answer;
 * the answer is queued for the resident's channel through the outbox.
 */
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { enqueue } from '../outbox/outbox';
import type { Clock } from '../time/clock';
import { audit } from '../audit/audit-log';

export const MAX_QUESTION = 1000;

/** A handover request as staff see it. */
export interface HandoverView {
  id: string;
  personId: string;
  firstName: string | null;
  language: string;
  channel: string;
  question: string | null;
  status: 'open' | 'answered';
  createdAt: Date;
}

export class HandoverService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Opens a request (or returns the person's open one, with the new question added). */
  async open(input: { personId: string; channel: string; language: string; question: string }): Promise<{ id: string; alreadyOpen: boolean }> {
    const question = input.question.trim().slice(0, MAX_QUESTION);
    const existing = await this.db.handoverRequest.findFirst({ where: { personId: input.personId, status: 'open' } });
    if (existing) {
      const joined = [existing.question, question].filter(Boolean).join('\n').slice(0, MAX_QUESTION * 2);
      await this.db.handoverRequest.update({ where: { id: existing.id }, data: { question: joined } });
      return { id: existing.id, alreadyOpen: true };
    }
    const row = await this.db.handoverRequest.create({ data: { personId: input.personId, channel: input.channel, language: input.language, question: question || null } });
    return { id: row.id, alreadyOpen: false };
  }

  /** Whether the person has a request waiting for staff. */
  async hasOpen(personId: string): Promise<boolean> {
    return (await this.db.handoverRequest.count({ where: { personId, status: 'open' } })) > 0;
  }

  /** Open requests, oldest first. */
  async openRequests(limit = 20): Promise<HandoverView[]> {
    const rows = await this.db.handoverRequest.findMany({ where: { status: 'open' }, include: { person: true }, orderBy: { createdAt: 'asc' }, take: limit });
    return rows.map((r) => ({ id: r.id, personId: r.personId, firstName: r.person.firstName, language: r.language, channel: r.channel, question: r.question, status: 'open' as const, createdAt: r.createdAt }));
  }

  /** Answers a request: the answer is queued for the resident in the same transaction. */
  async answer(input: { requestId: string; staffId: string; answer: string }): Promise<void> {
    const answer = input.answer.trim().slice(0, MAX_QUESTION);
    if (!answer) throw new DomainError('handover.answer_empty');
    await this.db.$transaction(async (tx) => {
      const req = await tx.handoverRequest.findUnique({ where: { id: input.requestId } });
      if (!req || req.status !== 'open') throw new DomainError('handover.not_found');
      await tx.handoverRequest.update({ where: { id: req.id }, data: { status: 'answered', answer, answeredById: input.staffId, answeredAt: this.clock.now() } });
      await enqueue(tx, this.clock, { personId: req.personId, channel: req.channel, kind: 'handover_answer', payload: { key: 'resident:handover.answer', params: { answer } } });
      await audit(tx, { actorId: input.staffId, action: 'handover.answer', entity: 'HandoverRequest', entityId: req.id });
    });
  }
}
