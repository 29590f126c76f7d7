/**
 * Broadcasts from staff to residents: a preview of who gets it in which language, then one
 * transaction that saves the broadcast and queues one outbox row per recipient (kind 'broadcast',
 * refId "broadcast:<id>:<person>", so each resident gets it once however often "send" is pressed
 * or on however many instances). The outbox worker paces, holds quiet hours (unless urgent),
 * retries and marks blocked people; the report (broadcast-report.ts) reads the rows back.
 */
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { isUniqueViolation, type OutboxPayload } from '../outbox/outbox';
import { LANGUAGES, type Language } from '../plan-data/plan-file';
import type { Clock } from '../time/clock';
import { countByLanguage, selectAudience, type AudienceMember, type AudienceSpec } from './audience';
import { broadcastReport, type BroadcastReport } from './broadcast-report';
import { cleanButtons, outboxChoices, type BroadcastButton, type ButtonKind } from './broadcast-buttons';
import { recordPress } from './broadcast-presses';
import { BroadcastTemplates } from './broadcast-templates';
import { cleanTexts, insertRecipientRows, languageOfPayload, readTexts, refPrefix, type BroadcastTexts } from './broadcast-rows';

export { cleanTexts, MAX_BROADCAST_TEXT, type BroadcastTexts } from './broadcast-rows';
export type { BroadcastButton } from './broadcast-buttons';

/** What staff see before sending: recipients in all and per language, and languages without their own text. */
export interface BroadcastPreview {
  total: number;
  byLanguage: Partial<Record<Language, number>>;
  /** Languages in the audience that will get the Danish text with a line saying so. */
  inDanish: Language[];
}

/** A broadcast to send; `id` (chosen when the draft is made) makes a repeated "send" harmless. */
export interface BroadcastInput {
  id?: string;
  createdById: string;
  texts: BroadcastTexts;
  audience: AudienceSpec;
  urgent?: boolean;
  /** When to send; now when left out or in the past. */
  sendAt?: Date;
  /** "Tilmeld" / "Læs mere" under the message, each pointing at an event or activity. */
  buttons?: BroadcastButton[];
}

/** The outbox payload for one recipient: their language's text, or the Danish one with a line saying so. */
export function recipientPayload(broadcastId: string, texts: BroadcastTexts, language: Language, buttons: readonly BroadcastButton[] = []): OutboxPayload {
  const own = texts[language]?.trim();
  const choices = buttons.length ? { choices: outboxChoices(broadcastId, buttons) } : {};
  return own
    ? { key: 'broadcast:message.own', params: { text: own, broadcastId, lang: language }, ...choices }
    : { key: 'broadcast:message.in_danish', params: { text: texts.da.trim(), broadcastId, lang: language }, ...choices };
}

export class BroadcastService {
  /** Saved templates for recurring messages. */
  readonly templates: BroadcastTemplates;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.templates = new BroadcastTemplates(db);
  }

  /** Who would get it now, per language, and which languages would read the Danish text. */
  async preview(audience: AudienceSpec, texts: Partial<Record<Language, string>> = {}): Promise<BroadcastPreview> {
    return summarize(await selectAudience(this.db, audience, this.clock.now()), texts);
  }

  /**
   * Saves the broadcast and queues its messages in one transaction. Returns its id and the number
   * of recipients; sending the same id again returns the first result and queues nothing.
   */
  async send(input: BroadcastInput): Promise<{ id: string; recipients: number; preview: BroadcastPreview }> {
    const texts = cleanTexts(input.texts);
    if (input.id) {
      const existing = await this.existing(input.id, texts);
      if (existing) return existing;
    }
    const now = this.clock.now();
    const sendAt = input.sendAt && input.sendAt > now ? input.sendAt : now;
    const urgent = input.urgent ?? false;
    const buttons = await cleanButtons(this.db, input.buttons);
    try {
      return await this.db.$transaction(
        async (tx) => {
          const members = await selectAudience(tx, input.audience, now);
          const b = await tx.broadcast.create({
            data: {
              ...(input.id ? { id: input.id } : {}),
              createdById: input.createdById,
              texts: JSON.stringify(texts),
              audience: JSON.stringify(input.audience),
              topic: input.audience.topic,
              urgent,
              sendAt,
              recipients: members.length,
              buttons: JSON.stringify(buttons),
            },
          });
          const rows = members.map((m) => ({
            personId: m.personId,
            channel: m.channel,
            payload: JSON.stringify(recipientPayload(b.id, texts, m.language, buttons)),
            refId: `${refPrefix(b.id)}${m.personId}`,
          }));
          await insertRecipientRows(tx, rows, { dueAt: sendAt, urgent, now });
          return { id: b.id, recipients: members.length, preview: summarize(members, texts) };
        },
        { timeout: 60_000 },
      );
    } catch (err) {
      // The same draft sent twice at once: the other transaction saved it.
      const again = input.id && isUniqueViolation(err) ? await this.existing(input.id, texts) : null;
      if (again) return again;
      throw err;
    }
  }

  /**
   * Withdraws what has not gone out: pending messages turn 'skipped' (kept, so the report shows
   * them). A message being sent at this moment still arrives. Returns how many were withdrawn.
   */
  async withdraw(broadcastId: string): Promise<number> {
    const b = await this.db.broadcast.findUnique({ where: { id: broadcastId }, select: { id: true } });
    if (!b) throw new DomainError('broadcast.not_found');
    return this.db.$transaction(async (tx) => {
      await tx.broadcast.update({ where: { id: broadcastId }, data: { withdrawnAt: this.clock.now() } });
      const r = await tx.outboxMessage.updateMany({
        where: { kind: 'broadcast', refId: { startsWith: refPrefix(broadcastId) }, status: 'pending' },
        data: { status: 'skipped', lastError: 'withdrawn' },
      });
      return r.count;
    });
  }

  /** A resident pressed a broadcast's button: counted once per person and button; returns what it points at. */
  press(personId: string, broadcastId: string, kind: ButtonKind): Promise<BroadcastButton> {
    return recordPress(this.db, personId, broadcastId, kind);
  }

  /** The delivery report of a broadcast, as its outbox rows stand now. */
  report(broadcastId: string): Promise<BroadcastReport> {
    return broadcastReport(this.db, broadcastId);
  }

  /** The newest broadcasts (for "rapport for udsendelse"), newest first. */
  async recent(limit = 5): Promise<{ id: string; topic: string | null; createdAt: Date; recipients: number; text: string }[]> {
    const rows = await this.db.broadcast.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
    return rows.map((r) => ({ id: r.id, topic: r.topic, createdAt: r.createdAt, recipients: r.recipients, text: readTexts(r.texts).da }));
  }

  private async existing(id: string, texts: BroadcastTexts): Promise<{ id: string; recipients: number; preview: BroadcastPreview } | null> {
    const b = await this.db.broadcast.findUnique({ where: { id } });
    if (!b) return null;
    const rows = await this.db.outboxMessage.findMany({ where: { kind: 'broadcast', refId: { startsWith: refPrefix(id) } }, select: { payload: true } });
    const members = rows.map((r) => ({ language: languageOfPayload(r.payload) }));
    return { id, recipients: b.recipients, preview: summarize(members, texts) };
  }
}

function summarize(members: readonly Pick<AudienceMember, 'language'>[], texts: Partial<Record<Language, string>>): BroadcastPreview {
  const byLanguage = countByLanguage(members);
  const inDanish = LANGUAGES.filter((l) => l !== 'da' && (byLanguage[l] ?? 0) > 0 && !texts[l]?.trim());
  return { total: members.length, byLanguage, inDanish };
}
