/**
 * Finds a table sheet's columns by their headers (so columns may be moved or added) and hands out
 * one RowReader per non-empty row. A missing sheet or column is one problem, not one per row.
 */
import type ExcelJS from 'exceljs';
import { cellText, RowReader } from './cells';
import type { Column } from './layout';
import type { WorkbookProblem } from './problems';

const normalizeHeader = (h: string): string => h.replace(/\s+/g, ' ').trim().toLocaleLowerCase('da');

/** The rows of a table sheet, or [] (with a problem) when the sheet or one of its columns is missing. */
export function readTable<K extends string>(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  columns: Record<K, Column>,
  problems: WorkbookProblem[],
): RowReader<K>[] {
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) {
    problems.push({ sheet: sheetName, code: 'sheetMissing' });
    return [];
  }
  const found = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, colNumber) => {
    const h = cellText(cell.value);
    if (h !== undefined) found.set(normalizeHeader(h), colNumber);
  });
  const keys = Object.keys(columns) as K[];
  const positions = {} as Record<K, number | undefined>;
  let complete = true;
  for (const k of keys) {
    const at = found.get(normalizeHeader(columns[k].header));
    if (at === undefined && columns[k].optional) positions[k] = undefined;
    else if (at === undefined) {
      problems.push({ sheet: sheetName, column: columns[k].header, code: 'columnMissing' });
      complete = false;
    } else positions[k] = at;
  }
  if (!complete) return [];
  const headers = Object.fromEntries(keys.map((k) => [k, columns[k].header])) as Record<K, string>;
  const rows: RowReader<K>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values = Object.fromEntries(keys.map((k) => [k, positions[k] === undefined ? null : row.getCell(positions[k]).value])) as Record<
      K,
      ExcelJS.CellValue
    >;
    if (keys.every((k) => cellText(values[k]) === undefined)) continue;
    rows.push(new RowReader(sheetName, r, values, headers, problems));
  }
  return rows;
}

/**
 * Remembers keys and the row they were first seen in, reporting a repeated key in its later row.
 * Returns false for a repeat, so the caller can skip the row.
 */
export class KeyRegister<K extends string> {
  private readonly rows = new Map<string, number>();

  claim(reader: RowReader<K>, column: K, key: string): boolean {
    const first = this.rows.get(key);
    if (first !== undefined) {
      reader.problem(column, 'duplicateKey', { key, row: first });
      return false;
    }
    this.rows.set(key, reader.row);
    return true;
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }
}
