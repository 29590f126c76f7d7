/**
 * "Talk to a person": a resident's question becomes a handover request that staff see and answer;
 * the answer is queued for the resident's channel through the outbox. When the resident writes
 * again within REPLY_WINDOW_DAYS of an answer (and nothing is open), the new request is a reply:
 * besides joining the open list as always, it is sent straight to the staff member who answered,
 * in their Teams chat with Nabo, with a button to answer it. One thread, kept simple: the link is
 * "the last answered request of this person", not a stored conversation id.
 */
import type { Db, Tx } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { enqueue } from '../outbox/outbox';
import type { Clock } from '../time/clock';
import { audit } from '../audit/audit-log';
import { maskIdNumbers } from '../people/personal-text';
import { looksDanish } from './answer-language';
import { bankPayload, type BankReply } from './reply-bank';

export const MAX_QUESTION = 1000;
/** How long after an answer a new message from the resident counts as a reply to it. */
export const REPLY_WINDOW_DAYS = 7;

/** A handover request as staff see it. */
export interface HandoverView {
  id: string;
  personId: string;
  firstName: string | null;
  language: string;
  channel: string;
  question: string | null;
  /** A voice message, photo or document sent instead of text ('voice', 'photo', 'document'). */
  mediaKind?: string | null;
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
    // The engine masks id numbers in what people type; a question from elsewhere is masked here too.
    const question = maskIdNumbers(input.question.trim().slice(0, MAX_QUESTION)).text;
    const existing = await this.db.handoverRequest.findFirst({ where: { personId: input.personId, status: 'open' } });
    if (existing) {
      const joined = [existing.question, question]
        .filter(Boolean)
        .join('\n')
        .slice(0, MAX_QUESTION * 2);
      await this.db.handoverRequest.update({ where: { id: existing.id }, data: { question: joined } });
      return { id: existing.id, alreadyOpen: true };
    }
    return this.db.$transaction(async (tx) => {
      const row = await tx.handoverRequest.create({
        data: { personId: input.personId, channel: input.channel, language: input.language, question: question || null },
      });
      await this.notifyLastAnswerer(tx, input.personId, row.id);
      return { id: row.id, alreadyOpen: false };
    });
  }

  /** Queues a 'handover_reply' to whoever answered this person within the window, if they are on Teams. */
  private async notifyLastAnswerer(tx: Tx, personId: string, requestId: string): Promise<void> {
    const since = new Date(this.clock.now().getTime() - REPLY_WINDOW_DAYS * 86_400_000);
    const last = await tx.handoverRequest.findFirst({
      where: { personId, status: 'answered', answeredById: { not: null }, answeredAt: { gte: since }, id: { not: requestId } },
      orderBy: { answeredAt: 'desc' },
      select: { answeredById: true },
    });
    if (!last?.answeredById) return;
    const staff = await tx.channelIdentity.findFirst({
      where: { personId: last.answeredById, channel: 'teams', person: { erasedAt: null } },
      select: { personId: true },
    });
    if (!staff) return;
    // The question itself is not copied into the payload: it is read from the request when the
    // message is rendered, so an erasure in between leaves nothing behind.
    await enqueue(tx, this.clock, {
      personId: staff.personId,
      channel: 'teams',
      kind: 'handover_reply',
      refId: `handover:${requestId}`,
      payload: {
        key: 'staff:notice.handover_reply',
        params: { requestId },
        choices: [{ key: 'staff:notice.answer_button', action: `handovers.answer|${requestId}` }],
      },
    });
  }

  /** Whether the person has a request waiting for staff. */
  async hasOpen(personId: string): Promise<boolean> {
    return (await this.db.handoverRequest.count({ where: { personId, status: 'open' } })) > 0;
  }

  /** Open requests, oldest first. */
  async openRequests(limit = 20): Promise<HandoverView[]> {
    const rows = await this.db.handoverRequest.findMany({ where: { status: 'open' }, include: { person: true }, orderBy: { createdAt: 'asc' }, take: limit });
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      firstName: r.person.firstName,
      language: r.language,
      channel: r.channel,
      question: r.question,
      mediaKind: r.mediaKind,
      status: 'open' as const,
      createdAt: r.createdAt,
    }));
  }

  /**
   * Answers a request with free text: the answer is queued for the resident in the same
   * transaction. A Danish answer to a resident of another language is queued with one more line,
   * in their language, saying it is Danish and that they can ask for an interpreter.
   */
  async answer(input: { requestId: string; staffId: string; answer: string }): Promise<{ danishNote: boolean; language: string }> {
    const answer = maskIdNumbers(input.answer.trim().slice(0, MAX_QUESTION)).text;
    if (!answer) throw new DomainError('handover.answer_empty');
    let danishNote = false;
    const language = await this.close(input.requestId, input.staffId, answer, (reader) => {
      danishNote = reader !== 'da' && looksDanish(answer);
      return { key: danishNote ? 'handover:answer_in_danish' : 'resident:handover.answer', params: { answer } };
    });
    return { danishNote, language };
  }

  /** Answers a request with a ready answer from the bank, sent in the resident's language; `record` is what the request keeps as its answer. */
  async answerWithBank(input: { requestId: string; staffId: string; reply: BankReply; record: string }): Promise<void> {
    await this.close(input.requestId, input.staffId, input.record.slice(0, MAX_QUESTION), () => bankPayload(input.reply));
  }

  /** Marks the request answered and queues the payload (chosen knowing the resident's language), atomically; returns that language. */
  private async close(
    requestId: string,
    staffId: string,
    answer: string,
    payloadFor: (language: string) => { key: string; params: Record<string, string> },
  ): Promise<string> {
    return this.db.$transaction(async (tx) => {
      const req = await tx.handoverRequest.findUnique({ where: { id: requestId }, include: { person: { select: { language: true } } } });
      if (!req || req.status !== 'open') throw new DomainError('handover.not_found');
      await tx.handoverRequest.update({ where: { id: req.id }, data: { status: 'answered', answer, answeredById: staffId, answeredAt: this.clock.now() } });
      await enqueue(tx, this.clock, { personId: req.personId, channel: req.channel, kind: 'handover_answer', payload: payloadFor(req.person.language) });
      await audit(tx, { actorId: staffId, action: 'handover.answer', entity: 'HandoverRequest', entityId: req.id });
      return req.person.language;
    });
  }
}
