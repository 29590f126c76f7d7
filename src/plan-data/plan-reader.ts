/**
 * Reads a plan back out of the database as a PlanFile: what `plan:export` writes and what an import
 * is compared against. Only plan data comes back (historical deliveries and measurements from the
 * plan file), never what people registered. Importing the result again changes nothing.
 */
import type { Db, Tx } from '../database/database';
import { normalizeText } from '../text/normalize';
import { aliasesOf, FROM_PLAN_FILE } from './plan-importer';
import { parsePlan } from './plan-loader';
import { LANGUAGES, type Language, type PlanFile, type SubActivityInput } from './plan-file';

const day = (d: Date): string => d.toISOString().slice(0, 10);
const strings = (text: string): string[] => JSON.parse(text) as string[];
const opt = <K extends string, V>(key: K, v: V | null | undefined): Partial<Record<K, V>> =>
  v === null || v === undefined ? {} : ({ [key]: v } as Record<K, V>);

const activityInclude = {
  targetGroups: { orderBy: { id: 'asc' } },
  translations: true,
  targets: { orderBy: { position: 'asc' } },
} as const;

type ActivityRow = Awaited<ReturnType<typeof loadActivities>>[number];
function loadActivities(db: Db | Tx, planId: string) {
  return db.activity.findMany({ where: { planId }, include: activityInclude, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
}

/**
 * The aliases as typed can't be recovered (they are stored normalised, merged with name and titles),
 * so the stored words come back as aliases, without those the name and titles add by themselves.
 */
function aliasesFrom(row: ActivityRow, titles: SubActivityInput['titles']): string[] {
  const words = row.aliases ? row.aliases.split('|') : [];
  const rest = words[0] === normalizeText(row.name) ? words.slice(1) : words;
  const fromTitles = new Set(Object.values(titles).map(normalizeText));
  const shorter = rest.filter((w) => !fromTitles.has(w));
  return aliasesOf({ name: row.name, aliases: shorter, titles }) === row.aliases ? shorter : rest;
}

function activityFrom(row: ActivityRow): SubActivityInput {
  const titles: SubActivityInput['titles'] = {};
  const summaries: SubActivityInput['summaries'] = {};
  const byLanguage = new Map(row.translations.map((t) => [t.language, t]));
  for (const lang of LANGUAGES) {
    const t = byLanguage.get(lang);
    if (!t) continue;
    titles[lang as Language] = t.title;
    if (t.summary !== null) summaries[lang as Language] = t.summary;
  }
  return {
    key: row.key,
    name: row.name,
    aliases: aliasesFrom(row, titles),
    category: row.category as SubActivityInput['category'],
    purpose: row.purpose,
    targetGroups: row.targetGroups.map((g) => ({ label: g.label, ...opt('minAge', g.minAge), ...opt('maxAge', g.maxAge) })),
    responsible: strings(row.responsible),
    partners: strings(row.partners),
    signupRequired: row.signupRequired,
    ...opt('priceAdults', row.priceAdults),
    ...opt('priceChildren', row.priceChildren),
    ...opt('reminderHoursBefore', row.reminderHoursBefore),
    titles,
    summaries,
    ...opt('summary', row.summary),
    targets: row.targets.map((t) => ({
      key: t.key,
      text: t.text,
      kind: t.kind as SubActivityInput['targets'][number]['kind'],
      ...opt('perYear', t.perYear),
      ...opt('wholePeriod', t.wholePeriod),
      unit: t.unit,
      dataSource: t.dataSource,
      ...opt('deliveryKind', t.deliveryKind as SubActivityInput['targets'][number]['deliveryKind'] | null),
    })),
  };
}

/** The plan with this key as a validated PlanFile, or null when there is none. */
export async function readPlanFromDatabase(db: Db | Tx, key: string): Promise<PlanFile | null> {
  const plan = await db.plan.findUnique({
    where: { key },
    include: {
      focusAreas: {
        orderBy: { position: 'asc' },
        include: {
          indicators: {
            orderBy: { id: 'asc' },
            include: { measurements: { where: { registeredBy: FROM_PLAN_FILE }, orderBy: [{ date: 'asc' }, { id: 'asc' }] } },
          },
        },
      },
      housingAreas: { orderBy: { id: 'asc' }, include: { streetRules: { orderBy: { id: 'asc' } } } },
    },
  });
  if (!plan) return null;
  const activities = await loadActivities(db, plan.id);
  const areaKeys = new Map(plan.housingAreas.map((h) => [h.id, h.key]));
  // Locations are shared between plans: this plan's are those in its areas, and those in no area.
  const locations = await db.location.findMany({
    where: { OR: [{ housingAreaId: null }, { housingAreaId: { in: [...areaKeys.keys()] } }] },
    orderBy: { id: 'asc' },
  });
  const historical = await db.delivery.findMany({
    where: { isHistorical: true, activity: { planId: plan.id } },
    include: { activity: { select: { key: true } } },
    orderBy: { id: 'asc' },
  });
  return parsePlan(
    {
      key: plan.key,
      name: plan.name,
      sources: strings(plan.sources),
      startDate: day(plan.startDate),
      endDate: day(plan.endDate),
      planYearStartMonth: plan.planYearStartMonth,
      goals: strings(plan.goals),
      housingAreas: plan.housingAreas.map((h) => ({
        key: h.key,
        name: h.name,
        aliases: h.aliases.split('|').slice(1).filter(Boolean),
        streetRules: h.streetRules.map((r) => ({
          street: r.street,
          parity: r.parity,
          ...opt('from', r.fromNumber),
          ...opt('to', r.toNumber),
          ...opt('source', r.source),
        })),
      })),
      locations: locations.map((l) => ({
        key: l.key,
        name: l.name,
        address: l.address,
        ...opt('housingArea', l.housingAreaId ? areaKeys.get(l.housingAreaId) : null),
      })),
      focusAreas: plan.focusAreas.map((fa) => ({
        key: fa.key,
        name: fa.name,
        ...opt('purpose', fa.purpose),
        goals: strings(fa.goals),
        ...(fa.budgetTotal !== null ? { budget: { total: fa.budgetTotal, ...opt('lbf', fa.budgetLbf), ...opt('note', fa.budgetNote) } } : {}),
        indicators: fa.indicators.map((i) => ({
          key: i.key,
          name: i.name,
          ...opt('unit', i.unit),
          ...(i.baselineValue !== null && i.baselineLabel !== null ? { baseline: { value: i.baselineValue, label: i.baselineLabel } } : {}),
          target: { text: i.targetText, ...opt('value', i.targetValue) },
          dataSource: i.dataSource,
          direction: i.direction,
          measurements: i.measurements.map((m) => ({ date: day(m.date), value: m.value, ...opt('note', m.note) })),
        })),
        activities: activities
          .filter((a) => a.focusAreaId === fa.id && a.parentId === null)
          .map((a) => ({ ...activityFrom(a), subActivities: activities.filter((s) => s.parentId === a.id).map(activityFrom) })),
      })),
      historicalDeliveries: historical.map((d) => ({
        activity: d.activity.key,
        date: day(d.date),
        kind: d.kind,
        occurrences: d.occurrences,
        participants: d.participants,
        ...opt('newParticipants', d.newParticipants),
        ...opt('volunteers', d.volunteers),
        ...opt('completed', d.completed),
        note: d.note ?? '',
      })),
      glossary: JSON.parse(plan.glossary) as unknown,
    },
    `database plan ${key}`,
  );
}
