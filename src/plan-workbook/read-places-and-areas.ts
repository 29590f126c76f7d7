/**
 * Reads the Plan, focus area, indicator, measurement, housing area, street rule and location sheets
 * of a plan workbook into PlanFile parts, checking every cell and every reference between sheets.
 */
import type ExcelJS from 'exceljs';
import type { PlanFile } from '../plan-data/plan-file';
import { COLUMNS, DIRECTION_WORDS, PARITY_WORDS, PLAN_FIELDS, SHEETS } from './layout';
import type { WorkbookProblem } from './problems';
import { KeyRegister, readTable } from './sheet-reader';
import { parseNumber } from './cells';

type FocusArea = PlanFile['focusAreas'][number];
type Indicator = FocusArea['indicators'][number];
type HousingArea = PlanFile['housingAreas'][number];
export type PlanHead = Pick<PlanFile, 'key' | 'name' | 'sources' | 'startDate' | 'endDate' | 'planYearStartMonth' | 'goals' | 'statusThresholds'>;

/** The Plan sheet: one field per row, "Kilde" and "Overordnet mål" repeated; unreadable fields are left out. */
export function readPlanSheet(wb: ExcelJS.Workbook, problems: WorkbookProblem[]): Partial<PlanHead> {
  const head: Partial<PlanHead> & { sources: string[]; goals: string[] } = { sources: [], goals: [] };
  const seen = new Map<string, number>();
  let endRow: number | undefined;
  const shares: { onTrack?: number; atRisk?: number } = {};
  const shareRows: { onTrack?: number; atRisk?: number } = {};
  for (const r of readTable(wb, SHEETS.plan, COLUMNS.plan, problems)) {
    const label = r.required('field');
    if (label === undefined) continue;
    const field = (Object.keys(PLAN_FIELDS) as (keyof typeof PLAN_FIELDS)[]).find(
      (f) => PLAN_FIELDS[f].toLocaleLowerCase('da') === label.toLocaleLowerCase('da'),
    );
    if (!field) {
      r.problem('field', 'unknownField', {
        field: label,
        fields: Object.values(PLAN_FIELDS)
          .map((l) => `'${l}'`)
          .join(', '),
      });
      continue;
    }
    if (field === 'source' || field === 'goal') {
      const v = r.required('value');
      if (v !== undefined) (field === 'source' ? head.sources : head.goals).push(v);
      continue;
    }
    const first = seen.get(field);
    if (first !== undefined) {
      r.problem('field', 'fieldRepeated', { field: label, row: first });
      continue;
    }
    seen.set(field, r.row);
    if (field === 'key') head.key = r.key('value');
    else if (field === 'name') head.name = r.required('value');
    else if (field === 'startDate') head.startDate = r.date('value');
    else if (field === 'endDate') {
      head.endDate = r.date('value');
      endRow = r.row;
    } else if (field === 'onTrack' || field === 'atRisk') {
      shareRows[field] = r.row;
      const raw = r.raw('value');
      const text = r.text('value');
      const n = typeof raw === 'number' ? raw : text === undefined ? undefined : parseShare(text);
      if (text === undefined && typeof raw !== 'number') continue;
      if (n === undefined || n < 0 || n > 2) r.problem('value', 'share');
      else shares[field] = n;
    } else {
      const text = r.text('value');
      const raw = r.raw('value');
      const month = typeof raw === 'number' ? raw : text === undefined ? undefined : parseNumber(text);
      if (text === undefined) head.planYearStartMonth = 6;
      else if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) r.problem('value', 'month');
      else head.planYearStartMonth = month;
    }
  }
  if (!seen.has('planYearStartMonth')) head.planYearStartMonth = 6;
  readThresholds(head, shares, shareRows, problems);
  if (workbookHasSheet(wb, SHEETS.plan)) {
    for (const f of ['key', 'name', 'startDate', 'endDate'] as const) {
      if (!seen.has(f)) problems.push({ sheet: SHEETS.plan, code: 'fieldMissing', params: { field: PLAN_FIELDS[f] } });
    }
    if (head.sources.length === 0) problems.push({ sheet: SHEETS.plan, code: 'noSource', params: { field: PLAN_FIELDS.source } });
  }
  if (head.startDate && head.endDate && head.endDate <= head.startDate && endRow !== undefined) {
    problems.push({ sheet: SHEETS.plan, row: endRow, column: COLUMNS.plan.value.header, code: 'endBeforeStart' });
  }
  return head;
}

/** "0,8", "0.8" or "80 %" as a share; undefined when it is not a number. */
function parseShare(text: string): number | undefined {
  const percent = /%\s*$/.test(text);
  const n = parseNumber(text.replace(/%\s*$/, '').trim());
  return n === undefined ? undefined : percent ? n / 100 : n;
}

/** Both status lines or neither, and "at risk" not above "on track"; problems point at the row to fix. */
function readThresholds(
  head: Partial<PlanHead>,
  shares: { onTrack?: number; atRisk?: number },
  rows: { onTrack?: number; atRisk?: number },
  problems: WorkbookProblem[],
): void {
  const { onTrack, atRisk } = shares;
  const at = (row: number | undefined, code: WorkbookProblem['code'], other: string): void => {
    problems.push({ sheet: SHEETS.plan, ...(row === undefined ? {} : { row }), column: COLUMNS.plan.value.header, code, params: { other } });
  };
  if (onTrack !== undefined && atRisk !== undefined) {
    if (atRisk > onTrack) at(rows.onTrack, 'notBelow', PLAN_FIELDS.atRisk);
    else head.statusThresholds = { onTrack, atRisk };
  } else if (onTrack !== undefined && rows.atRisk === undefined) missing(PLAN_FIELDS.atRisk);
  else if (atRisk !== undefined && rows.onTrack === undefined) missing(PLAN_FIELDS.onTrack);

  function missing(field: string): void {
    problems.push({ sheet: SHEETS.plan, code: 'fieldMissing', params: { field } });
  }
}

function workbookHasSheet(wb: ExcelJS.Workbook, name: string): boolean {
  return wb.getWorksheet(name) !== undefined;
}

/** Focus areas with their indicators and the indicators' measurements (activities come later). */
export function readFocusAreas(wb: ExcelJS.Workbook, problems: WorkbookProblem[]): FocusArea[] {
  const areas: FocusArea[] = [];
  const keys = new KeyRegister<'key'>();
  for (const r of readTable(wb, SHEETS.focusAreas, COLUMNS.focusAreas, problems)) {
    const key = r.key('key');
    const fresh = key !== undefined && keys.claim(r, 'key', key);
    const name = r.required('name');
    const total = r.number('budgetTotal', { min: 0 });
    const lbf = r.number('budgetLbf', { min: 0 });
    const note = r.text('budgetNote');
    if (total === undefined && r.text('budgetTotal') === undefined && (lbf !== undefined || note !== undefined)) r.problem('budgetTotal', 'budgetWithoutTotal');
    if (key === undefined || name === undefined || !fresh) continue;
    const purpose = r.text('purpose');
    areas.push({
      key,
      name,
      ...(purpose !== undefined ? { purpose } : {}),
      goals: r.list('goals'),
      ...(total !== undefined ? { budget: { total, ...(lbf !== undefined ? { lbf } : {}), ...(note !== undefined ? { note } : {}) } } : {}),
      indicators: [],
      activities: [],
    });
  }
  const byKey = new Map(areas.map((a) => [a.key, a]));
  const indicators = new Map<string, Indicator>();
  const indicatorKeys = new Map<string, KeyRegister<'key'>>();
  for (const r of readTable(wb, SHEETS.indicators, COLUMNS.indicators, problems)) {
    const fa = r.key('focusArea');
    const area = fa === undefined ? undefined : byKey.get(fa);
    if (fa !== undefined && !keys.has(fa)) r.problem('focusArea', 'unknownRef', { key: fa, sheet: SHEETS.focusAreas });
    const key = r.key('key');
    let fresh = false;
    if (fa !== undefined && key !== undefined) {
      const register = indicatorKeys.get(fa) ?? new KeyRegister<'key'>();
      indicatorKeys.set(fa, register);
      fresh = register.claim(r, 'key', key);
    }
    const name = r.required('name');
    const baselineValue = r.number('baselineValue');
    const baselineLabel = r.text('baselineLabel');
    if ((r.text('baselineValue') === undefined) !== (baselineLabel === undefined)) {
      const [empty, other] = baselineLabel === undefined ? (['baselineLabel', 'baselineValue'] as const) : (['baselineValue', 'baselineLabel'] as const);
      r.problem(empty, 'pairTogether', { other: r.header(other) });
    }
    const targetText = r.required('targetText');
    const targetValue = r.number('targetValue');
    const dataSource = r.required('dataSource');
    const direction = r.choice('direction', DIRECTION_WORDS);
    const unit = r.text('unit');
    if (!area || !fresh || key === undefined || name === undefined || targetText === undefined || dataSource === undefined || direction === undefined) continue;
    const ind: Indicator = {
      key,
      name,
      ...(unit !== undefined ? { unit } : {}),
      ...(baselineValue !== undefined && baselineLabel !== undefined ? { baseline: { value: baselineValue, label: baselineLabel } } : {}),
      target: { text: targetText, ...(targetValue !== undefined ? { value: targetValue } : {}) },
      dataSource,
      direction,
      measurements: [],
    };
    area.indicators.push(ind);
    indicators.set(`${area.key}/${key}`, ind);
  }
  for (const r of readTable(wb, SHEETS.measurements, COLUMNS.measurements, problems)) {
    const fa = r.key('focusArea');
    const key = r.key('indicator');
    if (fa !== undefined && !keys.has(fa)) r.problem('focusArea', 'unknownRef', { key: fa, sheet: SHEETS.focusAreas });
    const ind = fa !== undefined && key !== undefined ? indicators.get(`${fa}/${key}`) : undefined;
    if (fa !== undefined && keys.has(fa) && key !== undefined && !indicatorKeys.get(fa)?.has(key))
      r.problem('indicator', 'unknownRef', { key, sheet: SHEETS.indicators });
    const date = r.date('date');
    const value = r.number('value');
    if (r.text('value') === undefined) r.problem('value', 'required');
    const note = r.text('note');
    if (ind && date !== undefined && value !== undefined) ind.measurements.push({ date, value, ...(note !== undefined ? { note } : {}) });
  }
  return areas;
}

/** Housing areas with their street rules, and the locations that may belong to them. */
export function readAreasAndLocations(wb: ExcelJS.Workbook, problems: WorkbookProblem[]): Pick<PlanFile, 'housingAreas' | 'locations'> {
  const housingAreas: HousingArea[] = [];
  const keys = new KeyRegister<'key'>();
  for (const r of readTable(wb, SHEETS.housingAreas, COLUMNS.housingAreas, problems)) {
    const key = r.key('key');
    const fresh = key !== undefined && keys.claim(r, 'key', key);
    const name = r.required('name');
    if (key === undefined || name === undefined || !fresh) continue;
    housingAreas.push({ key, name, aliases: r.list('aliases'), streetRules: [] });
  }
  const byKey = new Map(housingAreas.map((h) => [h.key, h]));
  for (const r of readTable(wb, SHEETS.streetRules, COLUMNS.streetRules, problems)) {
    const areaKey = r.key('housingArea');
    const area = areaKey === undefined ? undefined : byKey.get(areaKey);
    if (areaKey !== undefined && !keys.has(areaKey)) r.problem('housingArea', 'unknownRef', { key: areaKey, sheet: SHEETS.housingAreas });
    const street = r.required('street');
    const parity = r.text('parity') === undefined ? 'all' : r.choice('parity', PARITY_WORDS);
    const from = r.integer('from', 1);
    const to = r.integer('to', 1);
    const hasFrom = r.text('from') !== undefined;
    const hasTo = r.text('to') !== undefined;
    if (hasFrom !== hasTo) r.problem(hasFrom ? 'to' : 'from', 'pairTogether', { other: r.header(hasFrom ? 'from' : 'to') });
    if (from !== undefined && to !== undefined && to < from) r.problem('to', 'notBelow', { other: r.header('from') });
    const source = r.text('source');
    if (!area || street === undefined || parity === undefined || hasFrom !== hasTo || (hasFrom && (from === undefined || to === undefined || to < from)))
      continue;
    area.streetRules.push({ street, parity, ...(from !== undefined && to !== undefined ? { from, to } : {}), ...(source !== undefined ? { source } : {}) });
  }
  const locations: PlanFile['locations'] = [];
  const locationKeys = new KeyRegister<'key'>();
  for (const r of readTable(wb, SHEETS.locations, COLUMNS.locations, problems)) {
    const key = r.key('key');
    const fresh = key !== undefined && locationKeys.claim(r, 'key', key);
    const name = r.required('name');
    const address = r.required('address');
    const area = r.key('housingArea', false);
    if (area !== undefined && !keys.has(area)) r.problem('housingArea', 'unknownRef', { key: area, sheet: SHEETS.housingAreas });
    if (key === undefined || name === undefined || address === undefined || !fresh) continue;
    locations.push({ key, name, address, ...(area !== undefined ? { housingArea: area } : {}) });
  }
  return { housingAreas, locations };
}
