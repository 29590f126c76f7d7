/**
 * Writes one table sheet of the plan workbook: a bold, frozen header row, one row per record,
 * wrapped multi-line cells, dates as real Excel dates and drop-down lists for fixed choices.
 */
import type ExcelJS from 'exceljs';
import type { Column } from './layout';

/** A cell as the writer takes it: lists become one item per line, dates are calendar dates (UTC midnight). */
export type CellInput = string | number | boolean | Date | string[] | undefined | null;

/** How many empty rows below the data still get the drop-down lists, for rows the secretariat adds. */
const SPARE_ROWS = 200;

/** Adds a sheet with these columns and rows; `choices` gives a column's allowed words for a drop-down. */
export function addTable<K extends string>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Record<K, Column>,
  rows: Partial<Record<K, CellInput>>[],
  choices: Partial<Record<K, readonly string[]>> = {},
): ExcelJS.Worksheet {
  const keys = Object.keys(columns) as K[];
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = keys.map((k) => ({ header: columns[k].header, key: k, width: columns[k].width }));
  sheet.getRow(1).font = { bold: true };
  for (const record of rows) {
    const row = sheet.addRow(Object.fromEntries(keys.map((k) => [k, toCellValue(record[k])])));
    row.alignment = { vertical: 'top', wrapText: true };
    for (const [i, k] of keys.entries()) {
      if (record[k] instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    }
  }
  for (const [i, k] of keys.entries()) {
    const words = choices[k];
    if (!words) continue;
    for (let r = 2; r <= rows.length + 1 + SPARE_ROWS; r++) {
      sheet.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${words.join(',')}"`],
        showErrorMessage: false,
      };
    }
  }
  return sheet;
}

function toCellValue(v: CellInput): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.length ? v.join('\n') : null;
  return v;
}

/** A calendar date (YYYY-MM-DD) as the UTC-midnight Date Excel stores without shifting it. */
export function excelDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}
