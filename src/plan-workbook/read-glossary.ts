/**
 * Reads the "Ordliste" sheet: one Danish plan text per row (a target group, a contact role, a
 * counsellor label, a place) with its translations, a column per language. A workbook made before
 * the sheet existed has no glossary, which is not a problem.
 */
import type ExcelJS from 'exceljs';
import { GLOSSARY_LANGUAGES, type Glossary } from '../plan-data/plan-file';
import { COLUMNS, SHEETS } from './layout';
import type { WorkbookProblem } from './problems';
import { readTable } from './sheet-reader';

/** The glossary of the workbook; every row that cannot be used is a problem. */
export function readGlossary(wb: ExcelJS.Workbook, problems: WorkbookProblem[]): Glossary {
  const glossary: Glossary = {};
  if (!wb.getWorksheet(SHEETS.glossary)) return glossary;
  const rows = new Map<string, number>();
  for (const r of readTable(wb, SHEETS.glossary, COLUMNS.glossary, problems)) {
    const danish = r.required('da');
    if (danish === undefined) continue;
    const first = rows.get(danish);
    if (first !== undefined) {
      r.problem('da', 'duplicateGlossary', { text: danish, row: first });
      continue;
    }
    rows.set(danish, r.row);
    const translated: Glossary[string] = {};
    for (const lang of GLOSSARY_LANGUAGES) {
      const text = r.text(lang);
      if (text !== undefined) translated[lang] = text;
    }
    if (Object.keys(translated).length === 0) r.problem('da', 'glossaryWithoutTranslation');
    else glossary[danish] = translated;
  }
  return glossary;
}
