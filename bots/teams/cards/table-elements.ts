/**
 * A neutral table → an Adaptive Card 1.5 Table. Rows that carry a progress status get the status
 * cell (the last one, where the flows put it) coloured: achieved good (green), on track accent
 * (blue), at risk warning, behind attention, not computable left plain; the cell's text carries the
 * status symbol too (src/progress/status-display.ts), so it reads without colour.
 */
import type { Reply, TableRow } from '../../../src/conversation/replies';
import type { ProgressStatus } from '../../../src/progress/target-evaluation';
import { textBlock, type CardElement, type ContainerStyle, type Table, type TableCell, type TextColor } from './adaptive-card';

type TableReply = Extract<Reply, { kind: 'table' }>;

/** Rows per Table element: keeps one card well under Teams' ~28 KB card limit. */
export const ROWS_PER_TABLE = 25;

export const STATUS_COLOURS: Record<ProgressStatus, { color: TextColor; style: ContainerStyle }> = {
  achieved: { color: 'good', style: 'good' },
  on_track: { color: 'accent', style: 'accent' },
  at_risk: { color: 'warning', style: 'warning' },
  behind: { color: 'attention', style: 'attention' },
  not_computable: { color: 'default', style: 'default' },
};

/** Relative column widths from the longest cell, so the target text gets room and numbers do not. */
function widths(table: TableReply): { width: number }[] {
  const status = isProgressTable(table) ? table.columns.length - 1 : -1;
  return table.columns.map((c, i) => {
    const longest = Math.max(c.length, ...table.rows.map((r) => (r.cells[i] ?? '').length));
    // Headers like "Forventet nu" must fit on a line or two even when the values are short, and a
    // status ("i risiko") must not break inside a word in a narrow client.
    return { width: Math.min(5, Math.max(i === status ? 2 : 1, Math.ceil(longest / 8))) };
  });
}

function cell(text: string, extra: Partial<TableCell> = {}, bold = false, color?: TextColor): TableCell {
  return {
    type: 'TableCell',
    items: [textBlock(text || ' ', { ...(bold ? { weight: 'bolder' as const } : {}), ...(color && color !== 'default' ? { color } : {}) })],
    ...extra,
  };
}

function row(r: TableRow, columns: number): TableCell[] {
  const colours = r.status ? STATUS_COLOURS[r.status] : undefined;
  return Array.from({ length: columns }, (_, i) => {
    const text = r.cells[i] ?? '';
    const isStatus = colours !== undefined && i === columns - 1;
    return isStatus && colours.style !== 'default' ? cell(text, { style: colours.style }, true, colours.color) : cell(text);
  });
}

/** The table's title and one or more Table elements (long tables are split, the header repeated). */
export function tableElements(table: TableReply): CardElement[] {
  const columns = widths(table);
  const header = { type: 'TableRow' as const, cells: table.columns.map((c) => cell(c, {}, true)), style: 'emphasis' as const };
  const out: CardElement[] = [textBlock(table.title, { weight: 'bolder', size: 'medium' })];
  for (let start = 0; start < Math.max(1, table.rows.length); start += ROWS_PER_TABLE) {
    const rows = table.rows.slice(start, start + ROWS_PER_TABLE).map((r) => ({ type: 'TableRow' as const, cells: row(r, table.columns.length) }));
    const element: Table = { type: 'Table', columns, rows: [header, ...rows], firstRowAsHeader: true, showGridLines: true };
    out.push(element);
  }
  return out;
}

/** Whether a table is a progress report (its rows carry statuses). */
export function isProgressTable(table: TableReply): boolean {
  return table.rows.some((r) => r.status !== undefined);
}
