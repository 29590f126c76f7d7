/**
 * The delivery report of a broadcast, read from its outbox rows as they stand (so it is current
 * each time it is asked for and kept as long as the rows are): recipients per language, sent,
 * waiting, failed with their reasons, blocked, withdrawn or stopped ("skipped"), and how many
 * pressed each button (BroadcastPress). Reasons are
 * the worker's safe phrases, never personal data.
 */
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import type { Language } from '../plan-data/plan-file';
import { LANGUAGES } from '../plan-data/plan-file';
import { readButtons, type ButtonKind } from './broadcast-buttons';
import { pressCounts, type PressCounts } from './broadcast-presses';
import { languageOfPayload, readTexts, refPrefix } from './broadcast-rows';

/** Counts of one language, or of all. */
export interface DeliveryCounts {
  recipients: number;
  sent: number;
  pending: number;
  failed: number;
  blocked: number;
  skipped: number;
}

/** A broadcast's report. */
export interface BroadcastReport {
  id: string;
  topic: string | null;
  text: string;
  sendAt: Date;
  urgent: boolean;
  withdrawnAt: Date | null;
  totals: DeliveryCounts;
  byLanguage: { language: Language; counts: DeliveryCounts }[];
  /** Failure reasons other than "blocked", most frequent first. */
  failures: { reason: string; count: number }[];
  /** The buttons under the message, and how many people pressed each (once per person and button). */
  buttons: ButtonKind[];
  presses: PressCounts;
}

const empty = (): DeliveryCounts => ({ recipients: 0, sent: 0, pending: 0, failed: 0, blocked: 0, skipped: 0 });

/** Which count an outbox row adds to. */
function bucket(status: string, lastError: string | null): Exclude<keyof DeliveryCounts, 'recipients'> {
  if (status === 'sent') return 'sent';
  if (status === 'skipped') return 'skipped';
  if (status === 'failed') return lastError === 'blocked' ? 'blocked' : 'failed';
  // 'pending' and 'sending' (claimed, being sent or retried).
  return 'pending';
}

/** The report of one broadcast; throws broadcast.not_found. */
export async function broadcastReport(db: Db, broadcastId: string): Promise<BroadcastReport> {
  const b = await db.broadcast.findUnique({ where: { id: broadcastId } });
  if (!b) throw new DomainError('broadcast.not_found');
  const rows = await db.outboxMessage.findMany({
    where: { kind: 'broadcast', refId: { startsWith: refPrefix(broadcastId) } },
    select: { status: true, lastError: true, payload: true },
  });
  const totals = empty();
  const per = new Map<Language, DeliveryCounts>();
  const reasons = new Map<string, number>();
  for (const r of rows) {
    const language = languageOfPayload(r.payload);
    const counts = per.get(language) ?? empty();
    per.set(language, counts);
    const k = bucket(r.status, r.lastError);
    for (const c of [counts, totals]) {
      c.recipients++;
      c[k]++;
    }
    if (k === 'failed') reasons.set(r.lastError ?? 'unknown', (reasons.get(r.lastError ?? 'unknown') ?? 0) + 1);
  }
  return {
    id: b.id,
    topic: b.topic,
    text: readTexts(b.texts).da,
    sendAt: b.sendAt,
    urgent: b.urgent,
    withdrawnAt: b.withdrawnAt,
    totals,
    byLanguage: LANGUAGES.filter((l) => per.has(l)).map((language) => ({ language, counts: per.get(language) ?? empty() })),
    failures: [...reasons.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b2) => b2.count - a.count),
    buttons: readButtons(b.buttons).map((x) => x.kind),
    presses: await pressCounts(db, broadcastId),
  };
}
