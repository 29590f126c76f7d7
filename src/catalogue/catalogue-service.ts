/**
 * The catalogue: activities and upcoming events, found by date range, housing area, audience or
 * age, category and name, with titles and summaries in the reader's language (Danish fallback,
 * marked as such).
 */
import type { Db } from '../database/database';
import { Prisma } from '../generated/sqlite/client';
import { DomainError } from '../errors/domain-error';
import type { Category, Language } from '../plan-data/plan-file';
import type { Clock } from '../time/clock';
import { matchActivities } from './activity-matcher';
import { HOLDS_PLACE } from '../sign-ups/sign-up-service';

export const AUDIENCES = ['children', 'youth', 'parents', 'adults'] as const;
export type Audience = (typeof AUDIENCES)[number];
const AUDIENCE_AGES: Record<Audience, [number, number]> = { children: [0, 12], youth: [13, 17], parents: [18, 120], adults: [18, 120] };

/** An activity in the reader's language. */
export interface ActivityCard {
  id: string;
  key: string;
  planId: string;
  parentId: string | null;
  category: Category;
  title: string;
  summary: string | null;
  /** True when title/summary are the Danish text because no translation exists. */
  fallback: boolean;
  signupRequired: boolean;
  targetGroups: { label: string; minAge: number | null; maxAge: number | null }[];
  responsible: string[];
  partners: string[];
}

/** An upcoming event in the reader's language. */
export interface EventCard {
  id: string;
  activity: ActivityCard;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: { name: string; address: string; housingAreaId: string | null } | null;
  capacity: number | null;
  placesLeft: number | null;
  status: string;
  isDemo: boolean;
}

/** Filters for activities and events; all optional. */
export interface CatalogueQuery {
  planId?: string;
  /** Only this activity (and its sub-activities). */
  activityId?: string;
  text?: string;
  category?: Category;
  audience?: Audience;
  age?: number;
  housingAreaId?: string;
}

type ActivityRow = {
  id: string;
  key: string;
  planId: string;
  parentId: string | null;
  category: string;
  name: string;
  summary: string | null;
  aliases: string;
  signupRequired: boolean;
  responsible: string;
  partners: string;
  targetGroups: { label: string; minAge: number | null; maxAge: number | null }[];
  translations: { language: string; title: string; summary: string | null }[];
};

const ACTIVITY_INCLUDE = { targetGroups: true, translations: true } as const;

/** A row of activityRows' statement; the flag as the driver returns it. */
type ActivityJoinRow = Omit<ActivityRow, 'targetGroups' | 'translations' | 'signupRequired'> & {
  signupRequired: boolean | number | bigint;
  translatedId: string | null;
  translatedTitle: string | null;
  translatedSummary: string | null;
};

/** A row of upcomingEvents' statement; numbers, dates and flags as the driver returns them. */
type UpcomingRow = {
  id: string;
  activityId: string;
  title: string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  capacity: number | bigint | null;
  status: string;
  isDemo: boolean | number | bigint;
  locationId: string | null;
  locationName: string | null;
  locationAddress: string | null;
  locationArea: string | null;
  taken: number | bigint | string | null;
};

const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** The activity in `language`, falling back to Danish. */
export function activityCard(a: ActivityRow, language: Language): ActivityCard {
  const t = language === 'da' ? undefined : a.translations.find((x) => x.language === language);
  return {
    id: a.id,
    key: a.key,
    planId: a.planId,
    parentId: a.parentId,
    category: a.category as Category,
    title: t?.title ?? a.name,
    summary: t ? (t.summary ?? a.summary) : a.summary,
    fallback: language !== 'da' && !t,
    signupRequired: a.signupRequired,
    targetGroups: a.targetGroups.map((g) => ({ label: g.label, minAge: g.minAge, maxAge: g.maxAge })),
    responsible: JSON.parse(a.responsible) as string[],
    partners: JSON.parse(a.partners) as string[],
  };
}

function fitsAge(a: ActivityRow, min: number, max: number): boolean {
  return a.targetGroups.some((g) => g.minAge !== null && (g.maxAge ?? 120) >= min && g.minAge <= max);
}

function fitsQuery(a: ActivityRow, q: CatalogueQuery): boolean {
  if (q.activityId && a.id !== q.activityId && a.parentId !== q.activityId) return false;
  if (q.category && a.category !== q.category) return false;
  if (q.age !== undefined && !fitsAge(a, q.age, q.age)) return false;
  if (q.audience) {
    const [min, max] = AUDIENCE_AGES[q.audience];
    const byCategory =
      q.audience === 'parents'
        ? a.category === 'parents' || a.targetGroups.some((g) => /forældre|mødre|fædre|familie/i.test(g.label))
        : a.category === q.audience;
    if (!byCategory && !fitsAge(a, min, max)) return false;
  }
  return true;
}

export class CatalogueService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The plan residents and staff work in now: the one running today (a demo plan first), else the latest. */
  async currentPlan(): Promise<{ id: string; key: string; name: string; startDate: Date; endDate: Date; planYearStartMonth: number; isDemo: boolean }> {
    const now = this.clock.now();
    const running = await this.db.plan.findFirst({
      where: { startDate: { lte: now }, endDate: { gte: now } },
      orderBy: [{ isDemo: 'desc' }, { startDate: 'desc' }],
    });
    const plan = running ?? (await this.db.plan.findFirst({ orderBy: { endDate: 'desc' } }));
    if (!plan) throw new DomainError('plan.not_found');
    return plan;
  }

  /**
   * A plan's activities with their target groups and the translation in `language` (the only one
   * activityCard reads): two statements, where an include of both relations was three.
   */
  private async activityRows(planId: string, language: Language): Promise<ActivityRow[]> {
    const rows = await this.db.$queryRaw<ActivityJoinRow[]>`
      SELECT a."id" AS "id", a."key" AS "key", a."planId" AS "planId", a."parentId" AS "parentId", a."category" AS "category",
        a."name" AS "name", a."summary" AS "summary", a."aliases" AS "aliases", a."signupRequired" AS "signupRequired",
        a."responsible" AS "responsible", a."partners" AS "partners",
        t."activityId" AS "translatedId", t."title" AS "translatedTitle", t."summary" AS "translatedSummary"
      FROM "Activity" a LEFT JOIN "ActivityTranslation" t ON t."activityId" = a."id" AND t."language" = ${language}
      WHERE a."planId" = ${planId}
      ORDER BY a."focusAreaId" ASC, a."position" ASC`;
    const groups = rows.length
      ? await this.db.targetGroup.findMany({
          where: { activityId: { in: rows.map((r) => r.id) } },
          select: { activityId: true, label: true, minAge: true, maxAge: true },
        })
      : [];
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      planId: r.planId,
      parentId: r.parentId,
      category: r.category,
      name: r.name,
      summary: r.summary,
      aliases: r.aliases,
      signupRequired: Boolean(Number(r.signupRequired)),
      responsible: r.responsible,
      partners: r.partners,
      targetGroups: groups.filter((g) => g.activityId === r.id).map((g) => ({ label: g.label, minAge: g.minAge, maxAge: g.maxAge })),
      translations: r.translatedId !== null && r.translatedTitle !== null ? [{ language, title: r.translatedTitle, summary: r.translatedSummary }] : [],
    }));
  }

  /** Activities of a plan (the current one by default) matching the query, best name match first. */
  async findActivities(q: CatalogueQuery, language: Language): Promise<ActivityCard[]> {
    const planId = q.planId ?? (await this.currentPlan()).id;
    let rows = (await this.activityRows(planId, language)).filter((a) => fitsQuery(a, q));
    if (q.text) rows = matchActivities(q.text, rows).map((m) => m.activity);
    return rows.map((a) => activityCard(a, language));
  }

  /** One activity in the reader's language. */
  async activity(activityId: string, language: Language): Promise<ActivityCard> {
    const a = await this.db.activity.findUnique({ where: { id: activityId }, include: ACTIVITY_INCLUDE });
    if (!a) throw new DomainError('delivery.activity_unknown');
    return activityCard(a, language);
  }

  /**
   * An activity's title in the reader's language (as activityCard) and its plan with the plan's
   * period, in one read: for turns that need no more (logging a delivery).
   */
  async activityBrief(
    activityId: string,
    language: Language,
  ): Promise<Pick<ActivityCard, 'id' | 'planId' | 'title'> & { plan: { startDate: Date; endDate: Date } }> {
    const rows = await this.db.$queryRaw<
      { id: string; planId: string; name: string; translated: string | null; startDate: Date | string; endDate: Date | string }[]
    >`
      SELECT a."id" AS "id", a."planId" AS "planId", a."name" AS "name", t."title" AS "translated", p."startDate" AS "startDate", p."endDate" AS "endDate"
      FROM "Activity" a JOIN "Plan" p ON p."id" = a."planId"
      LEFT JOIN "ActivityTranslation" t ON t."activityId" = a."id" AND t."language" = ${language}
      WHERE a."id" = ${activityId}`;
    const r = rows[0];
    if (!r) throw new DomainError('delivery.activity_unknown');
    return {
      id: r.id,
      planId: r.planId,
      title: language === 'da' ? r.name : (r.translated ?? r.name),
      plan: { startDate: asDate(r.startDate), endDate: asDate(r.endDate) },
    };
  }

  /** Events starting in [from, to) that match the query, soonest first, with places left. */
  async upcomingEvents(q: CatalogueQuery & { from?: Date; to: Date; limit?: number }, language: Language): Promise<EventCard[]> {
    const now = this.clock.now();
    const from = q.from && q.from > now ? q.from : now;
    const activities = await this.findActivities(q, language);
    if (activities.length === 0) return [];
    const byId = new Map(activities.map((a) => [a.id, a]));
    // Events, their places and the places taken in one statement (an include and a groupBy were two more).
    const area = q.housingAreaId
      ? Prisma.sql`AND (l."housingAreaId" = ${q.housingAreaId} OR l."housingAreaId" IS NULL OR e."locationId" IS NULL)`
      : Prisma.empty;
    const events = await this.db.$queryRaw<UpcomingRow[]>`
      SELECT e."id" AS "id", e."activityId" AS "activityId", e."title" AS "title", e."startsAt" AS "startsAt", e."endsAt" AS "endsAt",
        e."capacity" AS "capacity", e."status" AS "status", e."isDemo" AS "isDemo", e."locationId" AS "locationId",
        l."name" AS "locationName", l."address" AS "locationAddress", l."housingAreaId" AS "locationArea",
        (SELECT SUM(s."adults" + s."children") FROM "SignUp" s WHERE s."eventId" = e."id" AND s."status" IN (${Prisma.join([...HOLDS_PLACE])})) AS "taken"
      FROM "Event" e LEFT JOIN "Location" l ON l."id" = e."locationId"
      WHERE e."activityId" IN (${Prisma.join([...byId.keys()])}) AND e."startsAt" >= ${from} AND e."startsAt" < ${q.to} AND e."status" <> 'cancelled' ${area}
      ORDER BY e."startsAt" ASC
      LIMIT ${q.limit ?? 20}`;
    return events.map((e) => {
      const activity = byId.get(e.activityId) as ActivityCard;
      const capacity = e.capacity === null ? null : Number(e.capacity);
      return {
        id: e.id,
        activity,
        title: e.title ?? activity.title,
        startsAt: asDate(e.startsAt),
        endsAt: asDate(e.endsAt),
        location:
          e.locationId !== null && e.locationName !== null && e.locationAddress !== null
            ? { name: e.locationName, address: e.locationAddress, housingAreaId: e.locationArea }
            : null,
        capacity,
        placesLeft: capacity === null ? null : Math.max(0, capacity - Number(e.taken ?? 0)),
        status: e.status,
        isDemo: Boolean(Number(e.isDemo)),
      };
    });
  }

  /**
   * What a confirmation says of an event the caller already holds (a sign-up's locked row): its
   * title in the reader's language (Danish fallback, as activityCard) and its place, in one read.
   */
  async eventHeading(
    e: { activityId: string; locationId: string | null; title: string | null },
    language: Language,
  ): Promise<{ title: string; location: { name: string; address: string } | null }> {
    const rows = await this.db.$queryRaw<{ name: string; translated: string | null; locationName: string | null; locationAddress: string | null }[]>`
      SELECT a."name" AS "name", t."title" AS "translated", l."name" AS "locationName", l."address" AS "locationAddress"
      FROM "Activity" a
      LEFT JOIN "ActivityTranslation" t ON t."activityId" = a."id" AND t."language" = ${language}
      LEFT JOIN "Location" l ON l."id" = ${e.locationId}
      WHERE a."id" = ${e.activityId}`;
    const r = rows[0];
    if (!r) throw new DomainError('event.not_found');
    const activityTitle = language === 'da' ? r.name : (r.translated ?? r.name);
    return {
      title: e.title ?? activityTitle,
      location: r.locationName !== null && r.locationAddress !== null ? { name: r.locationName, address: r.locationAddress } : null,
    };
  }

  /** One event in the reader's language. */
  async event(eventId: string, language: Language): Promise<EventCard> {
    const e = await this.db.event.findUnique({ where: { id: eventId }, include: { location: true, activity: { include: ACTIVITY_INCLUDE } } });
    if (!e) throw new DomainError('event.not_found');
    const activity = activityCard(e.activity, language);
    const agg = await this.db.signUp.aggregate({ where: { eventId, status: { in: [...HOLDS_PLACE] } }, _sum: { adults: true, children: true } });
    const taken = (agg._sum.adults ?? 0) + (agg._sum.children ?? 0);
    return {
      id: e.id,
      activity,
      title: e.title ?? activity.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      location: e.location ? { name: e.location.name, address: e.location.address, housingAreaId: e.location.housingAreaId } : null,
      capacity: e.capacity,
      placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - taken),
      status: e.status,
      isDemo: e.isDemo,
    };
  }
}
