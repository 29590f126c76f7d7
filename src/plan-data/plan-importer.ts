/**
 * Imports a validated plan into the database. Idempotent by key: re-importing updates the plan's
 * texts and numbers in place and never removes what people registered (deliveries, events, sign-ups,
 * measurements entered by coordinators).
 */
import type { Db, Tx } from '../database/database';
import { planDataChanged } from '../cache/change-feed';
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

async function upsertActivity(
  tx: Tx,
  planId: string,
  focusAreaId: string,
  parentId: string | null,
  a: SubActivityInput,
  position: number,
): Promise<{ id: string; targets: number }> {
  const data = {
    focusAreaId,
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
    position,
  };
  const act = await tx.activity.upsert({
    where: { planId_key: { planId, key: a.key } },
    create: { planId, key: a.key, ...data },
    update: data,
  });
  await tx.targetGroup.deleteMany({ where: { activityId: act.id } });
  if (a.targetGroups.length) {
    await tx.targetGroup.createMany({
      data: a.targetGroups.map((g) => ({ activityId: act.id, label: g.label, minAge: g.minAge ?? null, maxAge: g.maxAge ?? null })),
    });
  }
  await tx.activityTranslation.deleteMany({ where: { activityId: act.id } });
  const languages = new Set([...Object.keys(a.titles), ...Object.keys(a.summaries)]) as Set<keyof typeof a.titles>;
  const translations = [...languages]
    .filter((lang) => a.titles[lang])
    .map((lang) => ({ activityId: act.id, language: lang, title: a.titles[lang] as string, summary: a.summaries[lang] ?? null }));
  if (translations.length) await tx.activityTranslation.createMany({ data: translations });
  for (const [i, t] of a.targets.entries()) {
    const tdata = {
      text: t.text,
      kind: t.kind,
      perYear: t.perYear ?? null,
      wholePeriod: t.wholePeriod ?? null,
      unit: t.unit,
      dataSource: t.dataSource,
      deliveryKind: t.deliveryKind ?? null,
      position: i,
    };
    await tx.target.upsert({
      where: { activityId_key: { activityId: act.id, key: t.key } },
      create: { activityId: act.id, key: t.key, ...tdata },
      update: tdata,
    });
  }
  return { id: act.id, targets: a.targets.length };
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
  let targets = 0;
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
      const parent = await upsertActivity(tx, planId, focus.id, null, a, ai);
      activities.set(a.key, parent.id);
      targets += parent.targets;
      for (const [si, sub] of a.subActivities.entries()) {
        const child = await upsertActivity(tx, planId, focus.id, parent.id, sub, si);
        activities.set(sub.key, child.id);
        targets += child.targets;
      }
    }
  }
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
