/**
 * Channel-neutral replies. Channels translate them: choices become inline keyboards (Telegram) or
 * card buttons (Teams) or numbered lines (console); forms become cards or questions asked one by one.
 */
import type { ProgressStatus } from '../progress/target-evaluation';

/** A button. `action` is at most 64 bytes (Telegram's callback_data limit). */
export interface Choice {
  label: string;
  action: string;
}

/** One field of a form. */
export interface FormField {
  name: string;
  label: string;
  type: 'number' | 'text' | 'toggle' | 'choice' | 'date' | 'time';
  required?: boolean;
  min?: number;
  max?: number;
  value?: string;
  options?: { label: string; value: string }[];
  /** A choice of several options at once; the value is their values joined by commas. */
  multiple?: boolean;
  /** A text of several lines (a message to send). */
  multiline?: boolean;
  /**
   * The heading of a group of optional fields a channel may fold away (the texts in other
   * languages); consecutive fields with the same heading form the group.
   */
  section?: string;
}

/** A table row; `status` lets channels colour progress. */
export interface TableRow {
  cells: string[];
  status?: ProgressStatus;
}

export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'choices'; text: string; choices: Choice[] }
  | { kind: 'form'; text: string; submit: Choice; fields: FormField[] }
  | { kind: 'table'; title: string; columns: string[]; rows: TableRow[] }
  | { kind: 'file'; fileName: string; mimeType: string; content: string; caption?: string; download?: Download };

/**
 * A file a channel that can sign links (Teams) offers as a short-lived download instead of
 * attaching `content`: the progress report's workbook for a plan (key) and a period (specCode).
 */
export interface Download {
  kind: 'progress-report';
  plan: string;
  period: string;
  /** The button's words ("Download rapport (.xlsx)") and the line above it, in the reader's language. */
  label: string;
  caption: string;
}

/** What one turn answers: replies in one language. */
export interface ReplyBatch {
  language: string;
  direction: 'ltr' | 'rtl';
  replies: Reply[];
}

export const text = (t: string): Reply => ({ kind: 'text', text: t });
export const choices = (t: string, cs: Choice[]): Reply => ({ kind: 'choices', text: t, choices: cs });
export const choice = (label: string, action: string): Choice => {
  if (Buffer.byteLength(action) > 64) throw new Error(`action longer than 64 bytes: ${action}`);
  return { label, action };
};

/**
 * The button a typed line presses in a channel that numbers its buttons (the console). Where the
 * buttons are values ("0", "1", "2" children), typing "1" means the value 1 as it does on Telegram
 * and Teams, where the flow reads the typed text; otherwise a number picks by position.
 */
export function typedChoice(list: readonly Choice[], typed: string): Choice | undefined {
  const line = asciiDigits(typed.trim());
  if (!/^\d{1,2}$/.test(line)) return undefined;
  // Value buttons may be labelled in the language's digits ("۲" in Dari): "2" is that value all the same.
  const byLabel = list.find((c) => asciiDigits(c.label.trim()) === line);
  if (byLabel) return byLabel;
  // Value buttons without this value: the flow reads the number (and says what range it takes).
  if (list.some((c) => /^\d+$/.test(asciiDigits(c.label.trim())))) return undefined;
  return list[Number(line) - 1];
}

/** Arabic-Indic and Persian digits as ASCII digits. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0) as number) % 16));
}
