/**
 * Reads typed values out of workbook cells as people type them (numbers with a decimal comma,
 * dates as Excel dates or "1.6.2025", lists one per line), recording a problem for every cell that
 * does not fit instead of stopping at the first.
 */
import type ExcelJS from 'exceljs';
import type { Vocabulary } from './layout';
import type { ProblemCode, WorkbookProblem } from './problems';

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A cell's content as trimmed text, or undefined when empty; formulas give their result. */
export function cellText(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return cellText(value.richText.map((r) => r.text).join(''));
    if ('hyperlink' in value) return cellText(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return undefined;
    if ('error' in value) return value.error;
    return undefined;
  }
  const text = String(value).replace(/\r\n?/g, '\n').trim();
  return text === '' ? undefined : text;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return isoDate(date);
}

/** Parses a number as a Dane types it: "14,2", "1.200.000", "1 200 000". */
export function parseNumber(text: string): number | undefined {
  let t = text.replace(/[\s\u00a0]/g, '').replace(/kr\.?$/i, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** One data row of a sheet, read column by column. Problems go to the shared list. */
export class RowReader<K extends string> {
  constructor(
    readonly sheet: string,
    readonly row: number,
    private readonly values: Partial<Record<K, ExcelJS.CellValue>>,
    private readonly headers: Record<K, string>,
    private readonly problems: WorkbookProblem[],
  ) {}

  /** Records a problem in one of this row's columns. */
  problem(column: K, code: ProblemCode, params?: Record<string, string | number>): void {
    this.problems.push({ sheet: this.sheet, row: this.row, column: this.headers[column], code, ...(params ? { params } : {}) });
  }

  /** The header of a column, for messages that name another column. */
  header(column: K): string {
    return this.headers[column];
  }

  raw(column: K): ExcelJS.CellValue {
    return this.values[column] ?? null;
  }

  text(column: K): string | undefined {
    return cellText(this.raw(column));
  }

  required(column: K): string | undefined {
    const t = this.text(column);
    if (t === undefined) this.problem(column, 'required');
    return t;
  }

  /** Items one per line (Alt+Enter in Excel). */
  list(column: K): string[] {
    return (this.text(column) ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  key(column: K, required = true): string | undefined {
    const t = required ? this.required(column) : this.text(column);
    if (t === undefined) return undefined;
    if (!KEY.test(t)) {
      this.problem(column, 'key');
      return undefined;
    }
    return t;
  }

  /** A number; `min` 0 reports "skal være et tal ≥ 0". */
  number(column: K, opts: { min?: 0 } = {}): number | undefined {
    const v = this.raw(column);
    const n = typeof v === 'number' ? v : cellText(v) === undefined ? undefined : parseNumber(cellText(v) as string);
    if (n === undefined) {
      if (cellText(v) !== undefined) this.problem(column, opts.min === 0 ? 'numberMin0' : 'number');
      return undefined;
    }
    if (opts.min === 0 && n < 0) {
      this.problem(column, 'numberMin0');
      return undefined;
    }
    return n;
  }

  /** A whole number ≥ min (0 or 1). */
  integer(column: K, min: 0 | 1 = 0): number | undefined {
    const v = this.raw(column);
    const text = cellText(v);
    if (text === undefined) return undefined;
    const n = typeof v === 'number' ? v : parseNumber(text);
    if (n === undefined || !Number.isInteger(n) || n < min) {
      this.problem(column, min === 0 ? 'integerMin0' : 'integerMin1');
      return undefined;
    }
    return n;
  }

  /** A calendar date as YYYY-MM-DD from an Excel date, "2025-06-01" or "1.6.2025". */
  date(column: K, required = true): string | undefined {
    const v = this.raw(column);
    if (v instanceof Date) return isoDate(v);
    const text = cellText(v);
    if (text === undefined) {
      if (required) this.problem(column, 'required');
      return undefined;
    }
    let parsed: string | undefined;
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    const dk = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
    if (typeof v === 'number' && v > 0) parsed = isoDate(new Date(Math.round((v - 25569) * 86_400_000)));
    else if (iso) parsed = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    else if (dk) parsed = validDate(Number(dk[3]), Number(dk[2]), Number(dk[1]));
    if (parsed === undefined) this.problem(column, 'date');
    return parsed;
  }

  /** One of a vocabulary's Danish words (or its code), case-insensitive; the code is returned. */
  choice<T extends string>(column: K, vocabulary: Vocabulary<T>, required = true): T | undefined {
    const text = required ? this.required(column) : this.text(column);
    if (text === undefined) return undefined;
    const wanted = text.toLocaleLowerCase('da');
    for (const [code, word] of Object.entries(vocabulary) as [T, string][]) {
      if (word.toLocaleLowerCase('da') === wanted || code.toLowerCase() === wanted) return code;
    }
    this.problem(column, 'choice', {
      choices: Object.values(vocabulary)
        .map((w) => `'${w}'`)
        .join(', '),
    });
    return undefined;
  }
}
