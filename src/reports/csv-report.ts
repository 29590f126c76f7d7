/**
 * The report's target table as CSV, the way Danish Excel opens it with a double click: UTF-8 with
 * a byte-order mark, semicolons between fields, the decimal comma, dates as YYYY-MM-DD, and the
 * heading lines (plan, DEMO, period, comparison, as-of date) first.
 */
import type { Translate } from '../i18n/i18n';
import type { Language } from '../plan-data/plan-file';
import type { ProgressReport } from './report-model';
import { headingLines, reportTexts, targetsSheet, type Cell } from './report-sheets';

const BOM = '\uFEFF';

/** One field: quoted when it holds a separator, a quote or a line break. */
function field(v: Cell, decimalComma: boolean): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = typeof v === 'number' ? (decimalComma ? String(v).replace('.', ',') : String(v)) : v;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report as CSV text in `language`. */
export function reportCsv(report: ProgressReport, t: Translate, language: Language): string {
  const tx = reportTexts(t, language);
  const sheet = targetsSheet(tx, report);
  const decimalComma = language !== 'en';
  const lines = [
    ...headingLines(tx, report).map((h) => field(h, decimalComma)),
    '',
    sheet.columns.map((c) => field(c.header, decimalComma)).join(';'),
    ...sheet.rows.map((r) => r.map((v) => field(v, decimalComma)).join(';')),
  ];
  return BOM + lines.join('\r\n') + '\r\n';
}
