/**
 * Problems found in a plan workbook, each tied to a sheet, row and column, with a code that is an
 * i18n key (locales/<lang>/plan-workbook.json, "problem.<code>"), so they read as sentences.
 */
import type { Translate } from '../i18n/i18n';

export const PROBLEM_CODES = [
  'unreadable',
  'sheetMissing',
  'columnMissing',
  'required',
  'number',
  'numberMin0',
  'integerMin0',
  'integerMin1',
  'date',
  'month',
  'share',
  'key',
  'choice',
  'duplicateKey',
  'unknownRef',
  'pairTogether',
  'notBelow',
  'endBeforeStart',
  'beforePlanStart',
  'nestedSubActivity',
  'parentOtherFocusArea',
  'parentIsItself',
  'budgetWithoutTotal',
  'summaryWithoutTitle',
  'duplicateText',
  'duplicateGlossary',
  'glossaryWithoutTranslation',
  'unknownField',
  'fieldMissing',
  'fieldRepeated',
  'noFocusArea',
  'noSource',
  'other',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing wrong in the workbook; row is the Excel row number (1 = headers). */
export interface WorkbookProblem {
  sheet?: string;
  row?: number;
  column?: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

/** The problem as one sentence: "Succeskriterier, række 14, kolonne 'Pr. år': skal være et tal ≥ 0". */
export function describeProblem(p: WorkbookProblem, t: Translate): string {
  const problem = t(`plan-workbook:problem.${p.code}`, p.params ?? {});
  if (p.sheet && p.row !== undefined && p.column) return t('plan-workbook:where.cell', { sheet: p.sheet, row: p.row, column: p.column, problem });
  if (p.sheet && p.row !== undefined) return t('plan-workbook:where.row', { sheet: p.sheet, row: p.row, problem });
  if (p.sheet && p.column) return t('plan-workbook:where.column', { sheet: p.sheet, column: p.column, problem });
  if (p.sheet) return t('plan-workbook:where.sheet', { sheet: p.sheet, problem });
  return problem;
}

/** Problems in reading order: by sheet order of the workbook, then row. */
export function sortProblems(problems: WorkbookProblem[], sheetOrder: readonly string[]): WorkbookProblem[] {
  const rank = (s?: string): number => (s === undefined ? -1 : sheetOrder.indexOf(s));
  return [...problems].sort((a, b) => rank(a.sheet) - rank(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
}
