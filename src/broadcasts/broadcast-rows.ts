/**
 * How a broadcast is kept: its texts as JSON on the Broadcast row, and per recipient an outbox row
 * whose refId starts with "broadcast:<id>:" and whose payload records the reader's language.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { Prisma } from '../generated/sqlite/client';
import { LANGUAGES, type Language } from '../plan-data/plan-file';

/** Texts per language; Danish is always there, the others optional. */
export type BroadcastTexts = { da: string } & Partial<Record<Language, string>>;

/** Longest text per language: Telegram takes 4096 characters, the "in Danish" line needs room. */
export const MAX_BROADCAST_TEXT = 3500;

/** Checks and trims the texts: Danish required, none empty or too long; unknown languages dropped. */
export function cleanTexts(texts: Partial<Record<string, string>>): BroadcastTexts {
  const out: Partial<Record<Language, string>> = {};
  for (const lang of LANGUAGES) {
    const value = texts[lang]?.trim();
    if (value === undefined || (value === '' && lang !== 'da')) continue;
    if (!value || value.length > MAX_BROADCAST_TEXT) throw new DomainError('broadcast.text_invalid', { max: MAX_BROADCAST_TEXT });
    out[lang] = value;
  }
  if (!out.da) throw new DomainError('broadcast.text_invalid', { max: MAX_BROADCAST_TEXT });
  return { ...out, da: out.da };
}

/** The refId prefix of a broadcast's outbox rows. */
export const refPrefix = (broadcastId: string): string => `broadcast:${broadcastId}:`;

/** The texts column read back (Danish empty if unreadable). */
export function readTexts(json: string): BroadcastTexts {
  try {
    const raw = JSON.parse(json) as Partial<Record<string, string>>;
    return { ...raw, da: raw.da ?? '' } as BroadcastTexts;
  } catch {
    return { da: '' };
  }
}

/** The recipient's language recorded in a broadcast row's payload ('da' when erased or unreadable). */
export function languageOfPayload(payload: string): Language {
  try {
    const lang = (JSON.parse(payload) as { params?: { lang?: unknown } }).params?.lang;
    return (LANGUAGES as readonly unknown[]).includes(lang) ? (lang as Language) : 'da';
  } catch {
    return 'da';
  }
}

/** One recipient's outbox row. */
export interface RecipientRow {
  personId: string;
  channel: string;
  payload: string;
  refId: string;
}

const CHUNK = 500;

/**
 * Inserts a broadcast's outbox rows, CHUNK to a statement: the same columns outbox.ts writes
 * (status 'pending', no attempts), but as multi-row INSERTs, because Prisma's createMany spends
 * about 8 s on 10 000 rows on SQLite, holding the write lock all that time; this takes under one.
 */
export async function insertRecipientRows(tx: Tx, rows: readonly RecipientRow[], opts: { dueAt: Date; urgent: boolean; now: Date }): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows
      .slice(i, i + CHUNK)
      .map(
        (r) =>
          Prisma.sql`(${randomUUID()}, ${r.personId}, ${r.channel}, 'broadcast', ${r.payload}, 'pending', ${opts.dueAt}, 0, ${r.refId}, ${opts.urgent}, ${opts.now})`,
      );
    await tx.$executeRaw`INSERT INTO "OutboxMessage" ("id", "personId", "channel", "kind", "payload", "status", "dueAt", "attempts", "refId", "urgent", "createdAt") VALUES ${Prisma.join(values)}`;
  }
}
