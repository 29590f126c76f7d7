/**
 * Neutral replies → Telegram messages (pure, so it is tested without a server): text as plain
 * text, choices as text with an inline keyboard, tables as HTML <pre> (escaped, monospace so the
 * columns line up), forms as a numbered list (form-text.ts), files as documents. Text is kept as the
 * engine gave it, isolates included: Telegram lays out right-to-left text by itself. Buttons that
 * follow a file ride on the file (mergeIntoDocuments), and text followed by buttons is one message
 * with the buttons under it (mergeIntoKeyboards), so most answers cost one message.
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import { stripIsolates } from '../../src/i18n/i18n';
import type { Reply, ReplyBatch } from '../../src/conversation/replies';
import { asLanguage } from '../../src/people/people-service';
import { formText } from './form-text';
import { inlineKeyboard } from './keyboard';

/** One Bot API message to send. */
export type Outgoing =
  | {
      kind: 'message';
      text: string;
      html: boolean;
      keyboard?: InlineKeyboardMarkup;
      /** Plain text came first and the buttons were joined below it (mergeIntoKeyboards): an answer, not a bare question. */
      textFirst?: boolean;
    }
  | { kind: 'document'; fileName: string; mimeType: string; content: string; caption?: string; keyboard?: InlineKeyboardMarkup };

/** Telegram's limits: message text 4096, caption 1024 characters; we stay a little below. */
export const MAX_TEXT = 4000;
const MAX_CAPTION = 1000;
const MAX_CELL = 40;

/** Escapes text for Telegram's HTML parse mode. */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cuts text into pieces of at most `max` characters, at line breaks where possible. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > max / 2 ? cut : max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  pieces.push(rest);
  return pieces.filter((p) => p.trim() !== '');
}

/** A table as monospace lines; the isolates go (they are invisible but would spoil the padding). */
export function tableLines(columns: string[], rows: string[][]): string[] {
  const all = [columns, ...rows].map((cells) => cells.map((c) => [...stripIsolates(c)].slice(0, MAX_CELL).join('')));
  const widths = columns.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length)))
      .join('  ')
      .trimEnd();
  return [line(all[0] ?? []), widths.map((w) => '─'.repeat(w)).join('  '), ...all.slice(1).map(line)];
}

function tableMessages(r: Extract<Reply, { kind: 'table' }>): Outgoing[] {
  const title = `<b>${escapeHtml(r.title)}</b>\n`;
  const lines = tableLines(
    r.columns,
    r.rows.map((row) => row.cells),
  ).map(escapeHtml);
  const [head = '', rule = '', ...body] = lines;
  // Each message repeats the header so a long table reads on its own when split.
  const out: Outgoing[] = [];
  let chunk: string[] = [];
  const size = (c: string[]): number => title.length + head.length + rule.length + c.reduce((n, l) => n + l.length + 1, 0) + 20;
  for (const l of body) {
    if (chunk.length && size([...chunk, l]) > MAX_TEXT) {
      out.push({ kind: 'message', html: true, text: `${title}<pre>${[head, rule, ...chunk].join('\n')}</pre>` });
      chunk = [];
    }
    chunk.push(l.slice(0, MAX_TEXT / 2));
  }
  out.push({ kind: 'message', html: true, text: `${title}<pre>${[head, rule, ...chunk].join('\n')}</pre>` });
  return out;
}

function textMessages(text: string, keyboard?: InlineKeyboardMarkup): Outgoing[] {
  const pieces = splitText(text);
  // Telegram refuses an empty message; a keyboard still needs some text to hang on.
  if (pieces.length === 0) return keyboard ? [{ kind: 'message', text: '…', html: false, keyboard }] : [];
  return pieces.map((p, i) => ({ kind: 'message', text: p, html: false, ...(keyboard && i === pieces.length - 1 ? { keyboard } : {}) }));
}

/**
 * A file followed by a plain message (the menu after a confirmation's calendar file) becomes one
 * message: the file, its caption and the message's text below it, the message's buttons under it.
 * Only when the whole fits in a caption; otherwise both stay as they were.
 */
export function mergeIntoDocuments(messages: readonly Outgoing[]): Outgoing[] {
  const out: Outgoing[] = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as Outgoing;
    const next = messages[i + 1];
    if (m.kind === 'document' && !m.keyboard && next?.kind === 'message' && !next.html) {
      const caption = m.caption ? `${m.caption}\n\n${next.text}` : next.text;
      if (caption.length <= MAX_CAPTION) {
        out.push({ ...m, caption, ...(next.keyboard ? { keyboard: next.keyboard } : {}) });
        i++;
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

/**
 * Plain text followed by a plain message with buttons (a confirmation, then "Hvad vil du gøre?" with the menu) becomes
 * one message, the buttons under both, when the whole fits: one Bot API call and one bubble instead of two. Runs from
 * the end, so several lines of text before the buttons join them too.
 */
export function mergeIntoKeyboards(messages: readonly Outgoing[]): Outgoing[] {
  const out: Outgoing[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as Outgoing;
    const next = out[0];
    if (m.kind === 'message' && !m.html && !m.keyboard && next?.kind === 'message' && !next.html && next.keyboard) {
      const joined = `${m.text}\n\n${next.text}`;
      if (joined.length <= MAX_TEXT) {
        out[0] = { ...next, text: joined, textFirst: true };
        continue;
      }
    }
    out.unshift(m);
  }
  return out;
}

/** The messages for one reply batch, in order. */
export function renderBatch(batch: ReplyBatch): Outgoing[] {
  return mergeIntoKeyboards(mergeIntoDocuments(renderReplies(batch)));
}

function renderReplies(batch: ReplyBatch): Outgoing[] {
  const out: Outgoing[] = [];
  for (const r of batch.replies) {
    switch (r.kind) {
      case 'text':
        out.push(...textMessages(r.text));
        break;
      case 'choices':
        out.push(...textMessages(r.text, r.choices.length ? inlineKeyboard(r.choices) : undefined));
        break;
      case 'table':
        out.push(...tableMessages(r));
        break;
      case 'form':
        out.push(...textMessages(formText(r, asLanguage(batch.language))));
        break;
      case 'file':
        out.push({
          kind: 'document',
          fileName: r.fileName,
          mimeType: r.mimeType,
          content: r.content,
          ...(r.caption ? { caption: r.caption.slice(0, MAX_CAPTION) } : {}),
        });
        break;
    }
  }
  return out;
}
