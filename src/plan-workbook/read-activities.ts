/**
 * Reads the activity sheets of a plan workbook (activities and sub-activities, target groups,
 * targets, resident-facing texts, historical deliveries) and hangs them under their focus areas.
 */
import type ExcelJS from 'exceljs';
import { LANGUAGES, type PlanFile, type SubActivityInput } from '../plan-data/plan-file';
import { CATEGORY_WORDS, COLUMNS, DELIVERY_KIND_WORDS, SHEETS, TARGET_KIND_WORDS, TEXT_FIELD_WORDS, YES_NO_WORDS } from './layout';
import type { RowReader } from './cells';
import type { WorkbookProblem } from './problems';
import { KeyRegister, readTable } from './sheet-reader';

type FocusArea = PlanFile['focusAreas'][number];
interface ActivityRow {
  reader: RowReader<keyof typeof COLUMNS.activities>;
  focusArea: string;
  parent?: string;
  activity: SubActivityInput;
}

/** Reads activities into `focusAreas` (by key); returns every activity by key for the later sheets. */
function readActivityRows(
  wb: ExcelJS.Workbook,
  focusAreas: Map<string, FocusArea>,
  problems: WorkbookProblem[],
): { rows: ActivityRow[]; keys: KeyRegister<'key'> } {
  const keys = new KeyRegister<'key'>();
  const rows: ActivityRow[] = [];
  for (const r of readTable(wb, SHEETS.activities, COLUMNS.activities, problems)) {
    const focusArea = r.key('focusArea');
    if (focusArea !== undefined && !focusAreas.has(focusArea)) r.problem('focusArea', 'unknownRef', { key: focusArea, sheet: SHEETS.focusAreas });
    const key = r.key('key');
    const fresh = key !== undefined && keys.claim(r, 'key', key);
    const parent = r.key('parent', false);
    const name = r.required('name');
    const category = r.choice('category', CATEGORY_WORDS);
    const purpose = r.required('purpose');
    const signup = r.text('signupRequired') === undefined ? 'no' : r.choice('signupRequired', YES_NO_WORDS);
    const reminder = r.integer('reminderHoursBefore');
    const priceAdults = r.integer('priceAdults');
    const priceChildren = r.integer('priceChildren');
    if (!fresh || key === undefined || focusArea === undefined || name === undefined || category === undefined || purpose === undefined || signup === undefined)
      continue;
    rows.push({
      reader: r,
      focusArea,
      ...(parent !== undefined ? { parent } : {}),
      activity: {
        key,
        name,
        aliases: r.list('aliases'),
        category,
        purpose,
        targetGroups: [],
        responsible: r.list('responsible'),
        partners: r.list('partners'),
        signupRequired: signup === 'yes',
        ...(reminder !== undefined ? { reminderHoursBefore: reminder } : {}),
        ...(priceAdults !== undefined ? { priceAdults } : {}),
        ...(priceChildren !== undefined ? { priceChildren } : {}),
        titles: {},
        summaries: {},
        targets: [],
      },
    });
  }
  const byKey = new Map(rows.map((a) => [a.activity.key, a]));
  for (const row of rows) {
    const fa = focusAreas.get(row.focusArea);
    if (!fa) continue;
    if (row.parent === undefined) {
      const placed = { ...row.activity, subActivities: [] };
      fa.activities.push(placed);
      // The later sheets (texts, targets) must fill in the object that is in the plan.
      row.activity = placed;
      continue;
    }
    const parent = byKey.get(row.parent);
    if (row.parent === row.activity.key) row.reader.problem('parent', 'parentIsItself');
    else if (!keys.has(row.parent)) row.reader.problem('parent', 'unknownRef', { key: row.parent, sheet: SHEETS.activities });
    else if (parent?.parent !== undefined) row.reader.problem('parent', 'nestedSubActivity', { key: row.parent });
    else if (parent && parent.focusArea !== row.focusArea)
      row.reader.problem('parent', 'parentOtherFocusArea', { key: row.parent, focusArea: parent.focusArea });
  }
  // Sub-activities after every parent is placed, so a sub may stand above its parent in the sheet.
  for (const row of rows) {
    if (row.parent === undefined) continue;
    const parent = focusAreas.get(row.focusArea)?.activities.find((a) => a.key === row.parent);
    if (parent && row.parent !== row.activity.key) parent.subActivities.push(row.activity);
  }
  return { rows, keys };
}

/** Reads every activity sheet; `planStart` (YYYY-MM-DD) bounds the historical deliveries. */
export function readActivities(
  wb: ExcelJS.Workbook,
  focusAreas: FocusArea[],
  planStart: string | undefined,
  problems: WorkbookProblem[],
): PlanFile['historicalDeliveries'] {
  const { rows, keys } = readActivityRows(wb, new Map(focusAreas.map((f) => [f.key, f])), problems);
  const activities = new Map(rows.map((r) => [r.activity.key, r.activity]));
  const activityRef = <K extends string>(r: RowReader<K>, column: K): SubActivityInput | undefined => {
    const key = r.key(column);
    if (key !== undefined && !keys.has(key)) r.problem(column, 'unknownRef', { key, sheet: SHEETS.activities });
    return key === undefined ? undefined : activities.get(key);
  };
  for (const r of readTable(wb, SHEETS.targetGroups, COLUMNS.targetGroups, problems)) {
    const activity = activityRef(r, 'activity');
    const label = r.required('label');
    const minAge = r.integer('minAge');
    const maxAge = r.integer('maxAge');
    if (minAge !== undefined && maxAge !== undefined && maxAge < minAge) r.problem('maxAge', 'notBelow', { other: r.header('minAge') });
    else if (activity && label !== undefined) {
      activity.targetGroups.push({ label, ...(minAge !== undefined ? { minAge } : {}), ...(maxAge !== undefined ? { maxAge } : {}) });
    }
  }
  const targetKeys = new Map<string, KeyRegister<'key'>>();
  for (const r of readTable(wb, SHEETS.targets, COLUMNS.targets, problems)) {
    const activity = activityRef(r, 'activity');
    const key = r.key('key');
    let fresh = false;
    if (activity && key !== undefined) {
      const register = targetKeys.get(activity.key) ?? new KeyRegister<'key'>();
      targetKeys.set(activity.key, register);
      fresh = register.claim(r, 'key', key);
    }
    const text = r.required('text');
    const kind = r.choice('kind', TARGET_KIND_WORDS);
    const perYear = r.number('perYear', { min: 0 });
    const wholePeriod = r.number('wholePeriod', { min: 0 });
    const unit = r.required('unit');
    const dataSource = r.required('dataSource');
    const deliveryKind = r.choice('deliveryKind', DELIVERY_KIND_WORDS, false);
    if (!activity || !fresh || key === undefined || text === undefined || kind === undefined || unit === undefined || dataSource === undefined) continue;
    if (r.text('deliveryKind') !== undefined && deliveryKind === undefined) continue;
    activity.targets.push({
      key,
      text,
      kind,
      ...(perYear !== undefined ? { perYear } : {}),
      ...(wholePeriod !== undefined ? { wholePeriod } : {}),
      unit,
      dataSource,
      ...(deliveryKind !== undefined ? { deliveryKind } : {}),
    });
  }
  readTexts(wb, activityRef, problems);
  return readHistoricalDeliveries(wb, activityRef, planStart, problems);
}

type ActivityRef = <K extends string>(r: RowReader<K>, column: K) => SubActivityInput | undefined;

function readTexts(wb: ExcelJS.Workbook, activityRef: ActivityRef, problems: WorkbookProblem[]): void {
  const seen = new Map<string, number>();
  const titleRows = new Map<string, RowReader<keyof typeof COLUMNS.texts>>();
  const summaryRows: { r: RowReader<keyof typeof COLUMNS.texts>; activity: SubActivityInput }[] = [];
  for (const r of readTable(wb, SHEETS.texts, COLUMNS.texts, problems)) {
    const activity = activityRef(r, 'activity');
    const field = r.choice('field', TEXT_FIELD_WORDS);
    if (!activity || field === undefined) continue;
    const id = `${activity.key}/${field}`;
    const first = seen.get(id);
    if (first !== undefined) {
      r.problem('field', 'duplicateText', { field: TEXT_FIELD_WORDS[field], key: activity.key, row: first });
      continue;
    }
    seen.set(id, r.row);
    for (const lang of LANGUAGES) {
      const text = r.text(lang);
      if (text === undefined) continue;
      if (field === 'title') activity.titles[lang] = text;
      else if (lang === 'da') activity.summary = text;
      else activity.summaries[lang] = text;
    }
    if (field === 'title') titleRows.set(activity.key, r);
    else summaryRows.push({ r, activity });
  }
  // A translated description without a translated title cannot be shown (nor stored).
  for (const { r, activity } of summaryRows) {
    for (const lang of LANGUAGES) {
      if (lang !== 'da' && activity.summaries[lang] !== undefined && activity.titles[lang] === undefined) r.problem(lang, 'summaryWithoutTitle');
    }
  }
}

function readHistoricalDeliveries(
  wb: ExcelJS.Workbook,
  activityRef: ActivityRef,
  planStart: string | undefined,
  problems: WorkbookProblem[],
): PlanFile['historicalDeliveries'] {
  const out: PlanFile['historicalDeliveries'] = [];
  for (const r of readTable(wb, SHEETS.historicalDeliveries, COLUMNS.historicalDeliveries, problems)) {
    const activity = activityRef(r, 'activity');
    const date = r.date('date');
    if (date !== undefined && planStart !== undefined && date < planStart) r.problem('date', 'beforePlanStart', { date: planStart });
    const kind = r.text('kind') === undefined ? 'event' : r.choice('kind', DELIVERY_KIND_WORDS);
    const occurrences = r.integer('occurrences', 1) ?? (r.text('occurrences') === undefined ? 1 : undefined);
    const participants = r.integer('participants');
    if (r.text('participants') === undefined) r.problem('participants', 'required');
    const newParticipants = r.integer('newParticipants');
    const volunteers = r.integer('volunteers');
    const completed = r.integer('completed');
    const note = r.required('note');
    if (!activity || date === undefined || kind === undefined || occurrences === undefined || participants === undefined || note === undefined) continue;
    out.push({
      activity: activity.key,
      date,
      kind,
      occurrences,
      participants,
      ...(newParticipants !== undefined ? { newParticipants } : {}),
      ...(volunteers !== undefined ? { volunteers } : {}),
      ...(completed !== undefined ? { completed } : {}),
      note,
    });
  }
  return out;
}
