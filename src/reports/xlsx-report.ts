/**
 * The report as an Excel workbook, written with exceljs's streaming writer (row by row, so a
 * whole plan's deliveries do not sit in memory as cell objects): the summary first (heading,
 * status counts per focus area, the targets that need attention), then targets, indicators,
 * comments, registered values and the deliveries counted. Numbers and dates are real cell types
 * with formats set per column, headers bold and frozen, columns sized, status cells coloured as
 * well as worded.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Translate } from '../i18n/i18n';
import type { Language } from '../plan-data/plan-file';
import type { ProgressStatus } from '../progress/target-evaluation';
import { STATUS_FILL, statusLabel } from '../progress/status-display';
import type { ProgressReport } from './report-model';
import {
  commentsSheet,
  deliveriesSheet,
  headingLines,
  indicatorsSheet,
  reportTexts,
  summarySheet,
  targetsSheet,
  valuesSheet,
  type Sheet,
} from './report-sheets';

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type StreamSheet = ReturnType<Writer['addWorksheet']>;

/** Excel refuses sheet names over 31 characters or with []:*?/\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/** Landscape A4, as wide as one page and as long as it takes: what a coordinator prints for the styregruppe. */
const PAGE_SETUP = {
  paperSize: 9,
  orientation: 'landscape',
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
} as const;

/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

/**
 * How many lines the tallest cell of a row wraps to, given its column's width in characters:
 * a row's height is set from it, since neither Excel nor LibreOffice sizes rows of a generated
 * file by itself, and wrapped text would otherwise overlap the row below.
 */
function linesOf(cells: readonly (string | number | Date | null)[], widths: readonly number[]): number {
  let most = 1;
  cells.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const width = Math.max(1, (widths[i] ?? 10) - 1);
    most = Math.max(
      most,
      v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0),
    );
  });
  return most;
}

const fill = (s: ProgressStatus): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${STATUS_FILL[s]}` } });

/** Writes heading lines (optional), the bold header row and the rows; the header row is frozen. The sheet is left open. */
function writeSheet(wb: Writer, s: Sheet, rtl: boolean, before: string[] = []): StreamSheet {
  const headerRow = before.length ? before.length + 2 : 1;
  const ws = wb.addWorksheet(sheetName(s.name), { views: [{ state: 'frozen', ySplit: headerRow, rightToLeft: rtl }], pageSetup: { ...PAGE_SETUP } });
  const widths = s.columns.map((c) => c.width);
  // Formats and alignment by column. Each new cell gets a copy of its column's style, which exceljs
  // then serialises to find its style id; a data cell is given the column's one object instead,
  // which exceljs recognises (by identity) after the first time: a whole plan's deliveries are
  // hundreds of thousands of cells.
  const styles: Partial<ExcelJS.Style>[] = s.columns.map((c) => ({
    alignment: { vertical: 'top', wrapText: true },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  }));
  ws.columns = s.columns.map((c, i) => ({ width: c.width, style: { ...styles[i] } }));
  before.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : {};
    row.getCell(1).alignment = { vertical: 'top', wrapText: false };
    row.commit();
  });
  if (before.length) ws.addRow([]).commit();
  const header = ws.addRow(s.columns.map((c) => c.header));
  if (
    linesOf(
      s.columns.map((c) => c.header),
      widths,
    ) > 1
  )
    header.height =
      LINE_HEIGHT *
      linesOf(
        s.columns.map((c) => c.header),
        widths,
      );
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.numFmt = 'General';
  });
  header.commit();
  s.rows.forEach((cells, r) => {
    const row = ws.addRow(cells);
    const lines = linesOf(cells, widths);
    if (lines > 1) row.height = LINE_HEIGHT * lines;
    for (let i = 0; i < cells.length; i++) {
      const style = styles[i];
      if (style) row.getCell(i + 1).style = style;
    }
    const st = s.statuses?.[r];
    // A coloured cell gets a style object of its own: setting `fill` would change the shared one.
    if (st && s.statusColumn !== undefined) row.getCell(s.statusColumn + 1).style = { ...styles[s.statusColumn], fill: fill(st) };
    row.commit();
  });
  return ws;
}

/** Writes the report as .xlsx bytes in `language` (Danish headers by default). */
export async function reportXlsx(report: ProgressReport, t: Translate, language: Language): Promise<Buffer> {
  const tx = reportTexts(t, language);
  const rtl = ['ar', 'fa', 'ckb'].includes(language);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Nabo';
  wb.created = report.asOf;

  const overview = summarySheet(tx, report);
  const summaryColumns = overview.columns.map((c) => c.width);
  const summary = writeSheet(wb, overview, rtl, headingLines(tx, report));
  // The targets that need attention, under the counts.
  summary.addRow([]).commit();
  const title = summary.addRow([tx('coordinator:report.attention')]);
  title.getCell(1).font = { bold: true };
  title.getCell(1).alignment = { vertical: 'top', wrapText: false };
  title.commit();
  const attention = report.targets.filter((x) => x.status === 'behind' || x.status === 'at_risk');
  if (attention.length === 0) summary.addRow([tx('coordinator:report.no_attention')]).commit();
  for (const a of attention) {
    const row = summary.addRow([a.activity, a.text, null, null, null, statusLabel(tx(`coordinator:status.${a.status}`), a.status)]);
    summary.mergeCells(row.number, 2, row.number, 5);
    // The text spans four status columns of the summary's width.
    const lines = linesOf([a.activity, a.text], [summaryColumns[0] ?? 40, summaryColumns.slice(1, 5).reduce((n, w) => n + w, 0)]);
    if (lines > 1) row.height = LINE_HEIGHT * lines;
    row.getCell(6).fill = fill(a.status);
    row.commit();
  }
  summary.commit();
  for (const sheet of [targetsSheet, indicatorsSheet, commentsSheet, valuesSheet, deliveriesSheet]) writeSheet(wb, sheet(tx, report), rtl).commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
