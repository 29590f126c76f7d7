/**
 * The report's tables, once for every format: for each sheet its columns (translated header,
 * width, number format) and its rows as typed cells: numbers stay numbers, dates stay dates, and
 * texts are translated. The xlsx and csv writers only lay these out.
 */
import { formatCalendarDay, formatCalendarRange } from '../i18n/format';
import { stripIsolates, type Translate } from '../i18n/i18n';
import type { Language } from '../plan-data/plan-file';
import { RTL_LANGUAGES } from '../i18n/i18n';
import type { ProgressReport, ReportTargetRow } from './report-model';
import { STATUSES, type ProgressStatus } from '../progress/target-evaluation';
import { statusLabel } from '../progress/status-display';

/** A cell: text, number, calendar date (UTC midnight) or empty. */
export type Cell = string | number | Date | null;

export interface SheetColumn {
  header: string;
  /** Characters. */
  width: number;
  /** Excel number format for numbers and dates in this column. */
  numFmt?: string;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: Cell[][];
  /** Row index → status, to colour a status cell (the word is there too). */
  statuses?: (ProgressStatus | null)[];
  statusColumn?: number;
}

const NUMBER = '#,##0.0;-#,##0.0;0';
const INTEGER = '#,##0';
const DATE = 'yyyy-mm-dd';
const SIGNED = '+#,##0.0;-#,##0.0;0';

/** Texts for one report: translated, with Unicode isolates only where the language is right to left. */
export function reportTexts(t: Translate, language: Language): ((key: string, params?: Record<string, string | number>) => string) & { language: Language } {
  const rtl = RTL_LANGUAGES.includes(language);
  return Object.assign((key: string, params?: Record<string, string | number>) => (rtl ? t(key, params) : stripIsolates(t(key, params))), { language });
}

type Tx = ReturnType<typeof reportTexts>;

/** The status as every channel writes it: symbol and word, so it reads in black and white too. */
const status = (tx: Tx, s: ProgressStatus): string => statusLabel(tx(`coordinator:status.${s}`), s);

/** The words of a period, dates day first: "planår 2 (1.6.2018–31.5.2019)". */
export function periodText(tx: Tx, p: ProgressReport['period']): string {
  const label = formatCalendarRange(p.from, p.toExclusive, tx.language);
  switch (p.kind) {
    case 'whole-plan':
      return tx('coordinator:period.whole', { label });
    case 'reporting-period':
      return tx('coordinator:period.reporting_n', { index: p.index ?? 0, part: p.part ?? 1, year: p.year, label });
    case 'plan-year':
      return tx('coordinator:period.year', { year: p.year, label });
    case 'custom':
      return tx('coordinator:period.custom', { label });
  }
}

/** What the row's explanation column says: why it cannot be computed, or where a registered value came from. */
function explanation(tx: Tx, r: ReportTargetRow): string | null {
  const parts: string[] = [];
  if (r.externalSource) parts.push(tx('coordinator:report.registered_value', { source: r.externalSource }));
  if (r.reason) parts.push(tx(`coordinator:reason.${r.reason}`, { source: r.dataSource }));
  if (r.basis === 'year-to-date') parts.push(tx('coordinator:report.year_to_date'));
  return parts.length ? parts.join(' ') : null;
}

/** The summary: status counts per focus area and for the plan. */
export function summarySheet(tx: Tx, r: ProgressReport): Sheet {
  const columns: SheetColumn[] = [
    { header: tx('coordinator:report.col.focus_area'), width: 40 },
    ...STATUSES.map((s) => ({ header: status(tx, s), width: 16, numFmt: INTEGER })),
    { header: tx('coordinator:report.total'), width: 10, numFmt: INTEGER },
  ];
  const line = (name: string, counts: Record<ProgressStatus, number>): Cell[] => [
    name,
    ...STATUSES.map((s) => counts[s]),
    STATUSES.reduce((a, s) => a + counts[s], 0),
  ];
  return {
    name: tx('coordinator:report.sheet.summary'),
    columns,
    rows: [...r.summary.map((s) => line(s.name, s.counts)), line(tx('coordinator:report.total'), r.total.counts)],
  };
}

/** One row per target with every figure. */
export function targetsSheet(tx: Tx, r: ProgressReport): Sheet {
  const c = (key: string, width: number, numFmt?: string): SheetColumn => ({
    header: tx(`coordinator:report.col.${key}`),
    width,
    ...(numFmt ? { numFmt } : {}),
  });
  const columns = [
    c('focus_area', 28),
    c('activity', 34),
    c('target_text', 60),
    c('kind', 18),
    c('unit', 16),
    c('actual', 11, NUMBER),
    c('in_period', 11, NUMBER),
    c('target', 10, NUMBER),
    c('expected', 12, NUMBER),
    c('status', 16),
    c('previous', 12, NUMBER),
    c('change', 10, SIGNED),
    c('events', 10, INTEGER),
    c('attendances', 12, INTEGER),
    c('unique', 11, INTEGER),
    c('new', 9, INTEGER),
    c('returning', 11, INTEGER),
    c('volunteers', 11, INTEGER),
    c('volunteer_hours', 11, NUMBER),
    c('data_source', 30),
    c('explanation', 60),
  ];
  const rows = r.targets.map((t): Cell[] => [
    t.focusArea,
    t.activity,
    t.text,
    tx(`coordinator:kind.${t.kind}`),
    t.unit,
    t.actual,
    t.inPeriod,
    t.target,
    t.expected,
    status(tx, t.status),
    t.previous,
    t.change,
    t.figures.eventsHeld,
    t.figures.attendances,
    t.figures.unique,
    t.figures.newPeople,
    t.figures.returning,
    t.figures.volunteers,
    t.figures.volunteerHours,
    t.dataSource,
    explanation(tx, t),
  ]);
  return { name: tx('coordinator:report.sheet.targets'), columns, rows, statuses: r.targets.map((t) => t.status), statusColumn: 9 };
}

/** Area indicators: baseline, target, status and every measurement (one row each). */
export function indicatorsSheet(tx: Tx, r: ProgressReport): Sheet {
  const c = (key: string, width: number, numFmt?: string): SheetColumn => ({
    header: tx(`coordinator:report.col.${key}`),
    width,
    ...(numFmt ? { numFmt } : {}),
  });
  const columns = [
    c('focus_area', 28),
    c('indicator', 40),
    c('unit', 12),
    c('baseline', 10, NUMBER),
    c('baseline_label', 34),
    c('indicator_target', 50),
    c('status', 16),
    c('date', 12, DATE),
    c('value', 10, NUMBER),
    c('note', 40),
    c('data_source', 30),
  ];
  const rows: Cell[][] = [];
  const statuses: (ProgressStatus | null)[] = [];
  for (const i of r.indicators) {
    const head: Cell[] = [i.focusArea, i.name, i.unit, i.baselineValue, i.baselineLabel, i.targetText, status(tx, i.status)];
    if (i.measurements.length === 0) {
      rows.push([...head, null, null, null, i.dataSource]);
      statuses.push(i.status);
    }
    for (const m of i.measurements) {
      rows.push([...head, m.date, m.value, m.note, i.dataSource]);
      statuses.push(i.status);
    }
  }
  return { name: tx('coordinator:report.sheet.indicators'), columns, rows, statuses, statusColumn: 6 };
}

/** Comments per activity and period. */
export function commentsSheet(tx: Tx, r: ProgressReport): Sheet {
  const c = (key: string, width: number, numFmt?: string): SheetColumn => ({
    header: tx(`coordinator:report.col.${key}`),
    width,
    ...(numFmt ? { numFmt } : {}),
  });
  return {
    name: tx('coordinator:report.sheet.comments'),
    columns: [c('activity', 40), c('from', 12, DATE), c('to', 12, DATE), c('comment', 90)],
    rows: r.comments.map((x) => [x.activity, x.from, x.to, x.text]),
  };
}

/** Values registered from external sources. */
export function valuesSheet(tx: Tx, r: ProgressReport): Sheet {
  const c = (key: string, width: number, numFmt?: string): SheetColumn => ({
    header: tx(`coordinator:report.col.${key}`),
    width,
    ...(numFmt ? { numFmt } : {}),
  });
  return {
    name: tx('coordinator:report.sheet.values'),
    columns: [c('activity', 34), c('target_text', 60), c('from', 12, DATE), c('to', 12, DATE), c('value', 10, NUMBER), c('source', 30), c('note', 40)],
    rows: r.values.map((v) => [v.activity, v.target, v.from, v.to, v.value, v.source, v.note]),
  };
}

/** Every delivery counted, so each number can be traced. */
export function deliveriesSheet(tx: Tx, r: ProgressReport): Sheet {
  const c = (key: string, width: number, numFmt?: string): SheetColumn => ({
    header: tx(`coordinator:report.col.${key}`),
    width,
    ...(numFmt ? { numFmt } : {}),
  });
  const columns = [
    c('date', 12, DATE),
    c('focus_area', 28),
    c('activity', 40),
    c('delivery_kind', 14),
    c('occurrences', 10, INTEGER),
    c('participants', 11, INTEGER),
    c('new', 9, INTEGER),
    c('volunteers', 11, INTEGER),
    c('volunteer_hours', 11, NUMBER),
    c('completed', 12, INTEGER),
    c('satisfied', 10, INTEGER),
    c('respondents', 12, INTEGER),
    c('from_event', 14),
    c('channel', 14),
    c('id', 28),
  ];
  // Translated once per kind and answer, not once per row: a whole plan has a hundred thousand rows.
  const kinds = new Map<string, string>();
  const kindText = (kind: string): string => {
    let text = kinds.get(kind);
    if (text === undefined) kinds.set(kind, (text = tx(`coordinator:delivery_kind.${kind}`)));
    return text;
  };
  const yes = tx('coordinator:report.yes');
  const no = tx('coordinator:report.no');
  const rows = r.deliveries.map((d): Cell[] => [
    d.date,
    d.focusArea,
    d.activity,
    kindText(d.kind),
    d.occurrences,
    d.participants,
    d.newParticipants,
    d.volunteers,
    d.volunteerHours,
    d.completed,
    d.satisfied,
    d.respondents,
    d.fromEvent ? yes : no,
    d.channel,
    d.id,
  ]);
  return { name: tx('coordinator:report.sheet.deliveries'), columns, rows };
}

/** The heading lines of the report: plan (DEMO said plainly), period, comparison, as-of date. */
export function headingLines(tx: Tx, r: ProgressReport): string[] {
  return [
    tx('coordinator:report.title', { plan: r.plan.name }),
    ...(r.plan.isDemo ? [tx('coordinator:report.demo')] : []),
    tx('coordinator:report.period', { period: periodText(tx, r.period) }),
    r.previousPeriod ? tx('coordinator:report.previous', { period: periodText(tx, r.previousPeriod) }) : tx('coordinator:report.no_previous'),
    tx('coordinator:report.as_of', { date: formatCalendarDay(r.asOf, tx.language) }),
  ];
}
