/**
 * Writes a plan as a workbook, one sheet per part of the plan, in the layout of layout.ts. Every
 * field of a PlanFile has a cell, so reading the workbook back gives the same plan.
 */
import ExcelJS from 'exceljs';
import { LANGUAGES, type PlanFile, type SubActivityInput } from '../plan-data/plan-file';
import {
  CATEGORY_WORDS,
  COLUMNS,
  DELIVERY_KIND_WORDS,
  DIRECTION_WORDS,
  PARITY_WORDS,
  PLAN_FIELDS,
  SHEETS,
  TARGET_KIND_WORDS,
  TEXT_FIELD_WORDS,
  YES_NO_WORDS,
} from './layout';
import { addInstructions } from './instructions';
import { addTable, excelDate, type CellInput } from './table-writer';

type Row<K extends keyof typeof COLUMNS> = Partial<Record<keyof (typeof COLUMNS)[K], CellInput>>;

/** Activities with their focus area and parent key, parents before their sub-activities. */
function activitiesOf(plan: PlanFile): { focusArea: string; parent?: string; activity: SubActivityInput }[] {
  return plan.focusAreas.flatMap((fa) =>
    fa.activities.flatMap((a) => [{ focusArea: fa.key, activity: a }, ...a.subActivities.map((s) => ({ focusArea: fa.key, parent: a.key, activity: s }))]),
  );
}

function planRows(plan: PlanFile): Row<'plan'>[] {
  return [
    { field: PLAN_FIELDS.key, value: plan.key },
    { field: PLAN_FIELDS.name, value: plan.name },
    { field: PLAN_FIELDS.startDate, value: excelDate(plan.startDate) },
    { field: PLAN_FIELDS.endDate, value: excelDate(plan.endDate) },
    { field: PLAN_FIELDS.planYearStartMonth, value: plan.planYearStartMonth },
    ...(plan.statusThresholds
      ? [
          { field: PLAN_FIELDS.onTrack, value: plan.statusThresholds.onTrack },
          { field: PLAN_FIELDS.atRisk, value: plan.statusThresholds.atRisk },
        ]
      : []),
    ...plan.sources.map((s) => ({ field: PLAN_FIELDS.source, value: s })),
    ...plan.goals.map((g) => ({ field: PLAN_FIELDS.goal, value: g })),
  ];
}

/** Fills a new workbook with the plan. */
export function planToWorkbook(plan: PlanFile): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Nabo';
  addInstructions(wb);
  addTable(wb, SHEETS.plan, COLUMNS.plan, planRows(plan));
  addTable(
    wb,
    SHEETS.focusAreas,
    COLUMNS.focusAreas,
    plan.focusAreas.map((fa) => ({
      key: fa.key,
      name: fa.name,
      purpose: fa.purpose,
      goals: fa.goals,
      budgetTotal: fa.budget?.total,
      budgetLbf: fa.budget?.lbf,
      budgetNote: fa.budget?.note,
    })),
  );
  const indicators = plan.focusAreas.flatMap((fa) => fa.indicators.map((ind) => ({ fa: fa.key, ind })));
  addTable(
    wb,
    SHEETS.indicators,
    COLUMNS.indicators,
    indicators.map(({ fa, ind }) => ({
      focusArea: fa,
      key: ind.key,
      name: ind.name,
      unit: ind.unit,
      baselineValue: ind.baseline?.value,
      baselineLabel: ind.baseline?.label,
      targetText: ind.target.text,
      targetValue: ind.target.value,
      dataSource: ind.dataSource,
      direction: DIRECTION_WORDS[ind.direction],
    })),
    { direction: Object.values(DIRECTION_WORDS) },
  );
  addTable(
    wb,
    SHEETS.measurements,
    COLUMNS.measurements,
    indicators.flatMap(({ fa, ind }) =>
      ind.measurements.map((m) => ({ focusArea: fa, indicator: ind.key, date: excelDate(m.date), value: m.value, note: m.note })),
    ),
  );
  const activities = activitiesOf(plan);
  addTable(
    wb,
    SHEETS.activities,
    COLUMNS.activities,
    activities.map(({ focusArea, parent, activity: a }) => ({
      focusArea,
      key: a.key,
      parent,
      name: a.name,
      category: CATEGORY_WORDS[a.category],
      purpose: a.purpose,
      aliases: a.aliases,
      responsible: a.responsible,
      partners: a.partners,
      signupRequired: a.signupRequired ? YES_NO_WORDS.yes : YES_NO_WORDS.no,
      reminderHoursBefore: a.reminderHoursBefore,
      priceAdults: a.priceAdults,
      priceChildren: a.priceChildren,
    })),
    { category: Object.values(CATEGORY_WORDS), signupRequired: Object.values(YES_NO_WORDS) },
  );
  addTable(
    wb,
    SHEETS.targetGroups,
    COLUMNS.targetGroups,
    activities.flatMap(({ activity: a }) => a.targetGroups.map((g) => ({ activity: a.key, label: g.label, minAge: g.minAge, maxAge: g.maxAge }))),
  );
  addTable(
    wb,
    SHEETS.targets,
    COLUMNS.targets,
    activities.flatMap(({ activity: a }) =>
      a.targets.map((t) => ({
        activity: a.key,
        key: t.key,
        text: t.text,
        kind: TARGET_KIND_WORDS[t.kind],
        perYear: t.perYear,
        wholePeriod: t.wholePeriod,
        unit: t.unit,
        dataSource: t.dataSource,
        deliveryKind: t.deliveryKind ? DELIVERY_KIND_WORDS[t.deliveryKind] : undefined,
      })),
    ),
    { kind: Object.values(TARGET_KIND_WORDS), deliveryKind: Object.values(DELIVERY_KIND_WORDS) },
  );
  addTable(
    wb,
    SHEETS.texts,
    COLUMNS.texts,
    activities.flatMap(({ activity: a }) => [
      { activity: a.key, field: TEXT_FIELD_WORDS.title, ...Object.fromEntries(LANGUAGES.map((l) => [l, a.titles[l]])) },
      // The Danish description is the activity's own summary; other languages are its translations.
      { activity: a.key, field: TEXT_FIELD_WORDS.summary, ...Object.fromEntries(LANGUAGES.map((l) => [l, l === 'da' ? a.summary : a.summaries[l]])) },
    ]),
    { field: Object.values(TEXT_FIELD_WORDS) },
  );
  addTable(
    wb,
    SHEETS.glossary,
    COLUMNS.glossary,
    Object.entries(plan.glossary).map(([danish, translated]) => ({ ...translated, da: danish })),
  );
  addTable(
    wb,
    SHEETS.housingAreas,
    COLUMNS.housingAreas,
    plan.housingAreas.map((h) => ({ key: h.key, name: h.name, aliases: h.aliases })),
  );
  addTable(
    wb,
    SHEETS.streetRules,
    COLUMNS.streetRules,
    plan.housingAreas.flatMap((h) =>
      h.streetRules.map((r) => ({ housingArea: h.key, street: r.street, parity: PARITY_WORDS[r.parity], from: r.from, to: r.to, source: r.source })),
    ),
    { parity: Object.values(PARITY_WORDS) },
  );
  addTable(
    wb,
    SHEETS.locations,
    COLUMNS.locations,
    plan.locations.map((l) => ({ key: l.key, name: l.name, address: l.address, housingArea: l.housingArea })),
  );
  addTable(
    wb,
    SHEETS.historicalDeliveries,
    COLUMNS.historicalDeliveries,
    plan.historicalDeliveries.map((d) => ({
      activity: d.activity,
      date: excelDate(d.date),
      kind: DELIVERY_KIND_WORDS[d.kind],
      occurrences: d.occurrences,
      participants: d.participants,
      newParticipants: d.newParticipants,
      volunteers: d.volunteers,
      completed: d.completed,
      note: d.note,
    })),
    { kind: Object.values(DELIVERY_KIND_WORDS) },
  );
  return wb;
}

/** Writes the plan to an .xlsx file. */
export async function writePlanWorkbook(plan: PlanFile, file: string): Promise<void> {
  await planToWorkbook(plan).xlsx.writeFile(file);
}
