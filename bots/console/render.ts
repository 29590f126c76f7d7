/**
 * Renders neutral replies for a terminal: numbered choices, aligned tables, right-aligned lines for
 * right-to-left languages (most terminals do not reorder bidirectional text, but alignment keeps
 * Arabic, Dari and Sorani readable), files saved next to the database.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import type { Choice, Reply, ReplyBatch } from '../../src/conversation/replies';

const WIDTH = 78;

/** C0 and C1 control characters (ESC, CSI, BEL…): text from people must not drive the terminal. */
const TERMINAL_CONTROLS = /(?![\t\n])\p{Cc}/gu;

/** A line as it may be written to a terminal: no escape sequences, whoever typed it. */
export function terminalSafe(line: string): string {
  return line.replace(TERMINAL_CONTROLS, '');
}

function align(line: string, rtl: boolean): string {
  const clean = terminalSafe(stripIsolates(line));
  if (!rtl) return clean;
  const pad = Math.max(0, WIDTH - [...clean].length);
  return `${' '.repeat(pad)}${clean}`;
}

/** What a rendered batch offers next: the numbered choices and a form to fill, if any. */
export interface Rendered {
  lines: string[];
  choices: Choice[];
  form?: Extract<Reply, { kind: 'form' }>;
  files: { fileName: string; content: string }[];
}

export function render(batch: ReplyBatch): Rendered {
  const rtl = batch.direction === 'rtl';
  const out: Rendered = { lines: [], choices: [], files: [] };
  for (const r of batch.replies) {
    switch (r.kind) {
      case 'text':
        out.lines.push(...r.text.split('\n').map((l) => align(l, rtl)));
        break;
      case 'choices':
        out.lines.push(align(r.text, rtl));
        for (const c of r.choices) {
          out.choices.push(c);
          out.lines.push(align(`  ${out.choices.length}) ${c.label}`, rtl));
        }
        break;
      case 'table': {
        const rows = [r.columns, ...r.rows.map((row) => row.cells)].map((cells) => cells.map(stripIsolates));
        const widths = r.columns.map((_, i) => Math.min(40, Math.max(...rows.map((row) => [...(row[i] ?? '')].length))));
        out.lines.push(align(r.title, rtl));
        for (const row of rows) out.lines.push(align(row.map((c, i) => c.slice(0, 40).padEnd(widths[i] ?? 0)).join('  '), rtl));
        break;
      }
      case 'form':
        out.lines.push(align(r.text, rtl));
        out.form = r;
        break;
      case 'file':
        out.files.push({ fileName: r.fileName, content: r.content });
        if (r.caption) out.lines.push(align(r.caption, rtl));
        break;
    }
  }
  return out;
}
