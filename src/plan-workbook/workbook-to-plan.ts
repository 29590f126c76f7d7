/**
 * Reads a plan workbook into a validated PlanFile, or into the full list of what is wrong with it
 * (every sheet, row and column at once), so nothing is imported from a half-right workbook.
 */
import ExcelJS from 'exceljs';
import type { PlanFile } from '../plan-data/plan-file';
import { parsePlan, PlanFileError } from '../plan-data/plan-loader';
import { SHEETS } from './layout';
import { sortProblems, type WorkbookProblem } from './problems';
import { readActivities } from './read-activities';
import { readGlossary } from './read-glossary';
import { readAreasAndLocations, readFocusAreas, readPlanSheet } from './read-places-and-areas';

/** Either the plan or every problem found. */
export type WorkbookResult = { ok: true; plan: PlanFile } | { ok: false; problems: WorkbookProblem[] };

/** Reads an already-loaded workbook. */
export function workbookToPlan(wb: ExcelJS.Workbook): WorkbookResult {
  const problems: WorkbookProblem[] = [];
  const head = readPlanSheet(wb, problems);
  const focusAreas = readFocusAreas(wb, problems);
  const places = readAreasAndLocations(wb, problems);
  const historicalDeliveries = readActivities(wb, focusAreas, head.startDate, problems);
  const glossary = readGlossary(wb, problems);
  if (focusAreas.length === 0 && wb.getWorksheet(SHEETS.focusAreas)) problems.push({ sheet: SHEETS.focusAreas, code: 'noFocusArea' });
  if (problems.length) return { ok: false, problems: sortProblems(problems, Object.values(SHEETS)) };
  try {
    // Every rule is checked above with its sheet and row; this is the same gate JSON files pass.
    return { ok: true, plan: parsePlan({ ...head, ...places, focusAreas, historicalDeliveries, glossary }, 'workbook') };
  } catch (err) {
    if (!(err instanceof PlanFileError)) throw err;
    return { ok: false, problems: err.problems.map((message) => ({ code: 'other' as const, params: { message } })) };
  }
}

/** Reads an .xlsx file; a file that is not a workbook is one problem. */
export async function readPlanWorkbook(file: string): Promise<WorkbookResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    return { ok: false, problems: [{ code: 'unreadable' }] };
  }
  return workbookToPlan(wb);
}

/** Reads .xlsx bytes (an upload). */
export async function readPlanWorkbookBuffer(bytes: Uint8Array): Promise<WorkbookResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problems: [{ code: 'unreadable' }] };
  }
  return workbookToPlan(wb);
}
