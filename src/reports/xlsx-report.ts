/**
 * The report as an Excel workbook (exceljs): the summary first (heading, status counts per focus
 * area, the targets that need attention), then targets, indicators, comments, registered values
 * and the deliveries counted. Numbers and dates are real cell types, headers bold and frozen,
 * columns sized, and status cells coloured as well as worded.
 */
import ExcelJS from 'exceljs';
import type { Translate } from '../i18n/i18n';
import type { Language } from '../plan-data/plan-file';
import type { ProgressStatus } from '../progress/target-evaluation';
import type { ProgressReport } from './report-model';
import { commentsSheet, deliveriesSheet, headingLines, indicatorsSheet, reportTexts, summarySheet, targetsSheet, valuesSheet, type Cell, type Sheet } from './report-sheets';

/** Fill colours of the status words (the same as the cards and the dashboard use). */
const STATUS_FILL: Record<ProgressStatus, string> = { achieved: 'FFC6EFCE', on_track: 'FFDDEBF7', at_risk: 'FFFFEB9C', behind: 'FFFFC7CE', not_computable: 'FFEDEDED' };

/** Excel refuses sheet names over 31 characters or with []:*?/\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

function addSheet(wb: ExcelJS.Workbook, s: Sheet, rtl: boolean, startRow = 1, before: string[] = []): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(s.name), { views: [{ state: 'frozen', ySplit: startRow, rightToLeft: rtl }] });
  before.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 14 } : { italic: i === 1 && line.includes('DEMO') };
  });
  // Formats and alignment by column, so each new cell inherits them (per-cell styles are slow at 10 000 rows).
  s.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.alignment = { vertical: 'top', wrapText: true };
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  const header = ws.getRow(startRow);
  s.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.numFmt = 'General';
  });
  s.rows.forEach((cells, r) => {
    const row = ws.getRow(startRow + 1 + r);
    cells.forEach((v: Cell, i) => {
      row.getCell(i + 1).value = v;
    });
    const st = s.statuses?.[r];
    if (st && s.statusColumn !== undefined) row.getCell(s.statusColumn + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[st] } };
  });
  return ws;
}

/** Writes the report into a workbook in `language` (Danish headers by default). */
export function reportWorkbook(report: ProgressReport, t: Translate, language: Language): ExcelJS.Workbook {
  const tx = reportTexts(t, language);
  const rtl = ['ar', 'fa', 'ckb'].includes(language);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Nabo';
  wb.created = report.asOf;
  const heading = headingLines(tx, report);
  const summary = addSheet(wb, summarySheet(tx, report), rtl, heading.length + 2, heading);
  // The targets that need attention, under the counts.
  const attention = report.targets.filter((x) => x.status === 'behind' || x.status === 'at_risk');
  let row = heading.length + 2 + report.summary.length + 3;
  summary.getCell(row, 1).value = tx('coordinator:report.attention');
  summary.getCell(row, 1).font = { bold: true };
  if (attention.length === 0) summary.getCell(row + 1, 1).value = tx('coordinator:report.no_attention');
  for (const a of attention) {
    row++;
    summary.getCell(row, 1).value = a.activity;
    summary.mergeCells(row, 2, row, 5);
    summary.getCell(row, 2).value = a.text;
    const st = summary.getCell(row, 6);
    st.value = tx(`coordinator:status.${a.status}`);
    st.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[a.status] } };
  }
  addSheet(wb, targetsSheet(tx, report), rtl);
  addSheet(wb, indicatorsSheet(tx, report), rtl);
  addSheet(wb, commentsSheet(tx, report), rtl);
  addSheet(wb, valuesSheet(tx, report), rtl);
  addSheet(wb, deliveriesSheet(tx, report), rtl);
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function reportXlsx(report: ProgressReport, t: Translate, language: Language): Promise<Buffer> {
  const data = await reportWorkbook(report, t, language).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
