/**
 * How a broadcast is kept: its texts as JSON on the Broadcast row, and per recipient an outbox row
 * whose refId starts with "broadcast:<id>:" and whose payload records the reader's language.
 */
import { LANGUAGES, type Language } from '../plan-data/plan-file';

/** Texts per language; Danish is always there, the others optional. */
export type BroadcastTexts = { da: string } & Partial<Record<Language, string>>;

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
