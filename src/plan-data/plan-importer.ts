/**
 * Imports a validated plan into the database. Idempotent by key: re-importing updates the plan's
 * texts and numbers in place and never removes what people registered (deliveries, events, sign-ups,
 * measurements entered by coordinators).
 */
import type { Db, Tx } from '../database/database';
import { planDataChanged } from '../cache/change-feed';
import { keepPlanTotals } from '../progress/progress-totals';
import { streetKey } from '../areas/address-matcher';
import { normalizeText } from '../text/normalize';
import { parseCalendarDate } from '../time/calendar-date';
import { GLOSSARY_LANGUAGES, type Glossary, type PlanFile, type SubActivityInput } from './plan-file';

/** Marks measurements and deliveries that come from a plan file, so a re-import can replace them. */
export const FROM_PLAN_FILE = 'plan-file';

/** What an import did. */
export interface ImportSummary {
  planId: string;
  key: string;
  focusAreas: number;
  activities: number;
  targets: number;
  housingAreas: number;
  historicalDeliveries: number;
}

const json = (v: unknown): string => JSON.stringify(v ?? []);

/** The glossary with each entry's languages in one order, so a plan stores the same text whether it came from JSON or a workbook. */
function canonicalGlossary(glossary: Glossary): Glossary {
  return Object.fromEntries(
    Object.entries(glossary).map(([danish, t]) => [danish, Object.fromEntries(GLOSSARY_LANGUAGES.flatMap((l) => (t[l] === undefined ? [] : [[l, t[l]]])))]),
  );
}

/** The matching words stored for an activity: its name, aliases and titles, normalised, each once. */
export function aliasesOf(a: Pick<SubActivityInput, 'name' | 'aliases' | 'titles'>): string {
  const words = [a.name, ...a.aliases, ...Object.values(a.titles)].map(normalizeText).filter(Boolean);
  return [...new Set(words)].join('|');
}

/** One activity of the file, placed in its focus area and under its parent. */
interface PlacedActivity {
  input: SubActivityInput;
  focusAreaId: string;
  parentKey: string | null;
  position: number;
}

function activityData(p: PlacedActivity, parentId: string | null) {
  const a = p.input;
  return {
    focusAreaId: p.focusAreaId,
    parentId,
    name: a.name,
    category: a.category,
    purpose: a.purpose,
    summary: a.summary ?? null,
    aliases: aliasesOf(a),
    responsible: json(a.responsible),
    partners: json(a.partners),
    signupRequired: a.signupRequired,
    priceAdults: a.priceAdults ?? null,
    priceChildren: a.priceChildren ?? null,
    reminderHoursBefore: a.reminderHoursBefore ?? null,
    position: p.position,
  };
}

/**
 * Writes one level of activities (the top level, then the sub-activities): the ones the plan already
 * has are updated in place (their ids, and so their events and deliveries, stay), the new ones are
 * created in one statement. Fills `ids` (key → id).
 */
async function writeActivities(tx: Tx, planId: string, level: PlacedActivity[], existing: Map<string, string>, ids: Map<string, string>): Promise<void> {
  const fresh = [];
  for (const p of level) {
    const data = activityData(p, p.parentKey ? (ids.get(p.parentKey) ?? null) : null);
    const id = existing.get(p.input.key);
    if (id) {
      await tx.activity.update({ where: { id }, data });
      ids.set(p.input.key, id);
    } else {
      fresh.push({ planId, key: p.input.key, ...data });
    }
  }
  if (fresh.length) {
    for (const row of await tx.activity.createManyAndReturn({ data: fresh, select: { id: true, key: true } })) ids.set(row.key, row.id);
  }
}

/**
 * The rows that hang off the activities: target groups and translations are replaced, targets are
 * updated by key or created. A handful of statements for the whole plan instead of several per
 * activity (a fresh database imports the shipped plans at first start).
 */
async function writeActivityChildren(tx: Tx, placed: PlacedActivity[], ids: Map<string, string>): Promise<number> {
  const activityIds = placed.map((p) => ids.get(p.input.key) as string);
  const groups = [];
  const translations = [];
  const targets = [];
  for (const p of placed) {
    const a = p.input;
    const activityId = ids.get(a.key) as string;
    for (const g of a.targetGroups) groups.push({ activityId, label: g.label, minAge: g.minAge ?? null, maxAge: g.maxAge ?? null });
    const languages = new Set([...Object.keys(a.titles), ...Object.keys(a.summaries)]) as Set<keyof typeof a.titles>;
    for (const lang of languages) {
      const title = a.titles[lang];
      if (title) translations.push({ activityId, language: lang, title, summary: a.summaries[lang] ?? null });
    }
    for (const [i, t] of a.targets.entries()) {
      targets.push({
        activityId,
        key: t.key,
        text: t.text,
        kind: t.kind,
        perYear: t.perYear ?? null,
        wholePeriod: t.wholePeriod ?? null,
        unit: t.unit,
        dataSource: t.dataSource,
        deliveryKind: t.deliveryKind ?? null,
        position: i,
      });
    }
  }
  if (!activityIds.length) return 0;
  await tx.targetGroup.deleteMany({ where: { activityId: { in: activityIds } } });
  if (groups.length) await tx.targetGroup.createMany({ data: groups });
  await tx.activityTranslation.deleteMany({ where: { activityId: { in: activityIds } } });
  if (translations.length) await tx.activityTranslation.createMany({ data: translations });
  const known = new Map(
    (await tx.target.findMany({ where: { activityId: { in: activityIds } }, select: { id: true, activityId: true, key: true } })).map((t) => [
      `${t.activityId} ${t.key}`,
      t.id,
    ]),
  );
  const fresh = [];
  for (const t of targets) {
    const id = known.get(`${t.activityId} ${t.key}`);
    if (id) {
      await tx.target.update({ where: { id }, data: { ...t, activityId: undefined, key: undefined } });
    } else {
      fresh.push(t);
    }
  }
  if (fresh.length) await tx.target.createMany({ data: fresh });
  return targets.length;
}

async function importHousingAreas(tx: Tx, planId: string, plan: PlanFile): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const h of plan.housingAreas) {
    const aliases = [h.name, ...h.aliases].map(normalizeText).join('|');
    const area = await tx.housingArea.upsert({
      where: { planId_key: { planId, key: h.key } },
      create: { planId, key: h.key, name: h.name, aliases },
      update: { name: h.name, aliases },
    });
    ids.set(h.key, area.id);
    await tx.streetRule.deleteMany({ where: { housingAreaId: area.id } });
    if (h.streetRules.length) {
      await tx.streetRule.createMany({
        data: h.streetRules.map((r) => ({
          housingAreaId: area.id,
          streetKey: streetKey(r.street),
          street: r.street,
          parity: r.parity,
          fromNumber: r.from ?? null,
          toNumber: r.to ?? null,
          source: r.source ?? null,
        })),
      });
    }
  }
  for (const l of plan.locations) {
    const housingAreaId = l.housingArea ? (ids.get(l.housingArea) ?? null) : null;
    await tx.location.upsert({
      where: { key: l.key },
      create: { key: l.key, name: l.name, address: l.address, housingAreaId },
      update: { name: l.name, address: l.address, housingAreaId },
    });
  }
  return ids;
}

async function importFocusAreas(tx: Tx, planId: string, plan: PlanFile): Promise<{ activities: Map<string, string>; targets: number }> {
  const activities = new Map<string, string>();
  const placed: PlacedActivity[] = [];
  for (const [fi, fa] of plan.focusAreas.entries()) {
    const fdata = {
      name: fa.name,
      purpose: fa.purpose ?? null,
      goals: json(fa.goals),
      budgetTotal: fa.budget?.total ?? null,
      budgetLbf: fa.budget?.lbf ?? null,
      budgetNote: fa.budget?.note ?? null,
      position: fi,
    };
    const focus = await tx.focusArea.upsert({
      where: { planId_key: { planId, key: fa.key } },
      create: { planId, key: fa.key, ...fdata },
      update: fdata,
    });
    for (const ind of fa.indicators) {
      const idata = {
        name: ind.name,
        unit: ind.unit ?? null,
        baselineValue: ind.baseline?.value ?? null,
        baselineLabel: ind.baseline?.label ?? null,
        targetText: ind.target.text,
        targetValue: ind.target.value ?? null,
        dataSource: ind.dataSource,
        direction: ind.direction,
      };
      const indicator = await tx.indicator.upsert({
        where: { focusAreaId_key: { focusAreaId: focus.id, key: ind.key } },
        create: { focusAreaId: focus.id, key: ind.key, ...idata },
        update: idata,
      });
      await tx.measurement.deleteMany({ where: { indicatorId: indicator.id, registeredBy: FROM_PLAN_FILE } });
      if (ind.measurements.length) {
        await tx.measurement.createMany({
          data: ind.measurements.map((m) => ({
            indicatorId: indicator.id,
            date: parseCalendarDate(m.date),
            value: m.value,
            note: m.note ?? null,
            registeredBy: FROM_PLAN_FILE,
          })),
        });
      }
    }
    for (const [ai, a] of fa.activities.entries()) {
      placed.push({ input: a, focusAreaId: focus.id, parentKey: null, position: ai });
      for (const [si, sub] of a.subActivities.entries()) placed.push({ input: sub, focusAreaId: focus.id, parentKey: a.key, position: si });
    }
  }
  const existing = new Map((await tx.activity.findMany({ where: { planId }, select: { id: true, key: true } })).map((a) => [a.key, a.id]));
  await writeActivities(
    tx,
    planId,
    placed.filter((p) => !p.parentKey),
    existing,
    activities,
  );
  await writeActivities(
    tx,
    planId,
    placed.filter((p) => p.parentKey),
    existing,
    activities,
  );
  const targets = await writeActivityChildren(tx, placed, activities);
  return { activities, targets };
}

/** Imports (or re-imports) one plan in one transaction. */
export async function importPlan(db: Db, plan: PlanFile, options: { isDemo?: boolean } = {}): Promise<ImportSummary> {
  const summary = await db.$transaction(async (tx) => importPlanInto(tx, plan, options), { timeout: 120_000, maxWait: 10_000 });
  // Cached plan data is read again, here and (PostgreSQL) in every running instance.
  await planDataChanged(db);
  return summary;
}

/** Imports one plan inside the caller's transaction, so a caller can check and remove in the same step. */
export async function importPlanInto(tx: Tx, plan: PlanFile, options: { isDemo?: boolean } = {}): Promise<ImportSummary> {
  const pdata = {
    name: plan.name,
    startDate: parseCalendarDate(plan.startDate),
    endDate: parseCalendarDate(plan.endDate),
    planYearStartMonth: plan.planYearStartMonth,
    statusThresholds: plan.statusThresholds ? JSON.stringify(plan.statusThresholds) : null,
    goals: json(plan.goals),
    sources: json(plan.sources),
    glossary: JSON.stringify(canonicalGlossary(plan.glossary)),
    isDemo: options.isDemo ?? false,
  };
  const row = await tx.plan.upsert({ where: { key: plan.key }, create: { key: plan.key, ...pdata }, update: pdata });
  const areas = await importHousingAreas(tx, row.id, plan);
  const { activities, targets } = await importFocusAreas(tx, row.id, plan);
  await tx.delivery.deleteMany({ where: { isHistorical: true, activity: { planId: row.id } } });
  if (plan.historicalDeliveries.length) {
    await tx.delivery.createMany({
      data: plan.historicalDeliveries.map((d) => ({
        activityId: activities.get(d.activity) as string,
        date: parseCalendarDate(d.date),
        kind: d.kind,
        occurrences: d.occurrences,
        participants: d.participants,
        newParticipants: d.newParticipants ?? null,
        volunteers: d.volunteers ?? null,
        completed: d.completed ?? null,
        note: d.note,
        channel: FROM_PLAN_FILE,
        isHistorical: true,
      })),
    });
  }
  // Progress kept per standard period: the periods may have moved and sub-activities changed parent.
  await keepPlanTotals(tx, row.id, pdata, true);
  return {
    planId: row.id,
    key: plan.key,
    focusAreas: plan.focusAreas.length,
    activities: activities.size,
    targets,
    housingAreas: areas.size,
    historicalDeliveries: plan.historicalDeliveries.length,
  };
}
