/**
 * The catalogue: activities and upcoming events, found by date range, housing area, audience or
 * age, category and name, with titles and summaries in the reader's language (Danish fallback,
 * marked as such).
 */
import type { Db } from '../database/database';
import { Prisma } from '../generated/sqlite/client';
import { DomainError } from '../errors/domain-error';
import type { Category, Glossary, Language } from '../plan-data/plan-file';
import type { Clock } from '../time/clock';
import { matchActivities } from './activity-matcher';
import { HOLDS_PLACE } from '../sign-ups/sign-up-service';
import { activityCard, type ActivityCard, type ActivityRow, type EventCard } from './activity-card';
import { parseGlossary, translatedOrAsWritten } from './glossary';
import { planDataCache, type CachedActivity, type PlanDataCache } from '../cache/plan-data-cache';

export { activityCard, type ActivityCard, type EventCard } from './activity-card';

export const AUDIENCES = ['children', 'youth', 'parents', 'adults'] as const;
export type Audience = (typeof AUDIENCES)[number];
const AUDIENCE_AGES: Record<Audience, [number, number]> = { children: [0, 12], youth: [13, 17], parents: [18, 120], adults: [18, 120] };

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
  /** A resident reads: friendly Danish titles instead of the plan's names. */
  forResidents?: boolean;
}

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

/** An activity of the plan-data snapshot as activityRows shapes it: the reader's translation and the friendly Danish title. */
function asActivityRow(a: CachedActivity, language: Language): ActivityRow {
  const t = a.translations.find((x) => x.language === language);
  const friendly = language === 'da' ? undefined : a.translations.find((x) => x.language === 'da');
  return {
    id: a.id,
    key: a.key,
    planId: a.planId,
    parentId: a.parentId,
    category: a.category,
    name: a.name,
    summary: a.summary,
    aliases: a.aliases,
    signupRequired: a.signupRequired,
    responsible: a.responsible,
    partners: a.partners,
    priceAdults: a.priceAdults,
    priceChildren: a.priceChildren,
    targetGroups: a.targetGroups.map((g) => ({ label: g.label, minAge: g.minAge, maxAge: g.maxAge })),
    translations: [
      ...(t ? [{ language, title: t.title, summary: t.summary }] : []),
      ...(friendly ? [{ language: 'da', title: friendly.title, summary: null }] : []),
    ],
  };
}

export class CatalogueService {
  /** Plans, activities and places, read once and kept until they change (src/cache). */
  private readonly planData: PlanDataCache;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.planData = planDataCache(db);
  }

  /** The plan residents and staff work in now: the one running today (a demo plan first), else the latest. */
  async currentPlan(): Promise<{ id: string; key: string; name: string; startDate: Date; endDate: Date; planYearStartMonth: number; isDemo: boolean }> {
    const now = this.clock.now().getTime();
    const { plans } = await this.planData.snapshot();
    const running = plans
      .filter((p) => p.startDate.getTime() <= now && p.endDate.getTime() >= now)
      .sort((a, b) => Number(b.isDemo) - Number(a.isDemo) || b.startDate.getTime() - a.startDate.getTime())[0];
    const plan = running ?? [...plans].sort((a, b) => b.endDate.getTime() - a.endDate.getTime())[0];
    if (!plan) throw new DomainError('plan.not_found');
    return plan;
  }

  /**
   * The plan's glossary for a reader of `language`; Danish readers need none, so their turns read
   * nothing more.
   */
  async glossary(planId: string, language: Language): Promise<Glossary> {
    if (language === 'da') return {};
    return parseGlossary((await this.planData.snapshot()).planById.get(planId)?.glossary);
  }

  /** The glossary of the plan an activity belongs to (a counselling slot knows only its activity). */
  async glossaryOfActivity(activityId: string, language: Language): Promise<Glossary> {
    if (language === 'da') return {};
    const snapshot = await this.planData.snapshot();
    const planId = snapshot.activityById.get(activityId)?.planId;
    return parseGlossary(planId === undefined ? undefined : snapshot.planById.get(planId)?.glossary);
  }

  /** A plan's activities with their target groups and the translations in `language` and Danish (the only ones activityCard reads). */
  private async activityRows(planId: string, language: Language): Promise<ActivityRow[]> {
    return ((await this.planData.snapshot()).activitiesByPlan.get(planId) ?? []).map((a) => asActivityRow(a, language));
  }

  /** Activities of a plan (the current one by default) matching the query, best name match first. */
  async findActivities(q: CatalogueQuery, language: Language): Promise<ActivityCard[]> {
    const planId = q.planId ?? (await this.currentPlan()).id;
    return this.cards(planId, q, language, await this.glossary(planId, language));
  }

  private async cards(planId: string, q: CatalogueQuery, language: Language, glossary: Glossary): Promise<ActivityCard[]> {
    let rows = (await this.activityRows(planId, language)).filter((a) => fitsQuery(a, q));
    if (q.text) rows = matchActivities(q.text, rows).map((m) => m.activity);
    return rows.map((a) => activityCard(a, language, { glossary, forResidents: q.forResidents ?? false }));
  }

  /** One activity in the reader's language. */
  async activity(activityId: string, language: Language, options: { forResidents?: boolean } = {}): Promise<ActivityCard> {
    const a = (await this.planData.snapshot()).activityById.get(activityId);
    if (!a) throw new DomainError('delivery.activity_unknown');
    return activityCard(a, language, { glossary: await this.glossary(a.planId, language), forResidents: options.forResidents ?? false });
  }

  /**
   * An activity's title in the reader's language (as activityCard) and its plan with the plan's
   * period, in one read: for turns that need no more (logging a delivery).
   */
  async activityBrief(
    activityId: string,
    language: Language,
  ): Promise<Pick<ActivityCard, 'id' | 'planId' | 'title'> & { plan: { startDate: Date; endDate: Date } }> {
    const snapshot = await this.planData.snapshot();
    const a = snapshot.activityById.get(activityId);
    const plan = a ? snapshot.planById.get(a.planId) : undefined;
    if (!a || !plan) throw new DomainError('delivery.activity_unknown');
    const translated = a.translations.find((t) => t.language === language)?.title;
    return {
      id: a.id,
      planId: a.planId,
      title: language === 'da' ? a.name : (translated ?? a.name),
      plan: { startDate: plan.startDate, endDate: plan.endDate },
    };
  }

  /** Events starting in [from, to) that match the query, soonest first, with places left. */
  async upcomingEvents(q: CatalogueQuery & { from?: Date; to: Date; limit?: number }, language: Language): Promise<EventCard[]> {
    const now = this.clock.now();
    const from = q.from && q.from > now ? q.from : now;
    const planId = q.planId ?? (await this.currentPlan()).id;
    const glossary = await this.glossary(planId, language);
    const activities = await this.cards(planId, q, language, glossary);
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
            ? {
                name: translatedOrAsWritten(glossary, e.locationName, language),
                address: translatedOrAsWritten(glossary, e.locationAddress, language),
                housingAreaId: e.locationArea,
              }
            : null,
        capacity,
        placesLeft: capacity === null ? null : Math.max(0, capacity - Number(e.taken ?? 0)),
        status: e.status,
        isDemo: Boolean(Number(e.isDemo)),
      };
    });
  }

  /**
   * What a confirmation says of an event the caller already holds (a sign-up's locked row), for the
   * resident who signed up: its title in the reader's language (the friendly Danish title, else the
   * plan's name, as fallback) and its place, in one read (two for a reader who needs the glossary).
   */
  async eventHeading(
    e: { activityId: string; locationId: string | null; title: string | null },
    language: Language,
  ): Promise<{ title: string; location: { name: string; address: string } | null }> {
    const snapshot = await this.planData.snapshot();
    const a = snapshot.activityById.get(e.activityId);
    if (!a) throw new DomainError('event.not_found');
    // Places come with plans; one made since the snapshot was read is read on its own.
    const place =
      e.locationId === null
        ? undefined
        : (snapshot.locationById.get(e.locationId) ?? (await this.db.location.findUnique({ where: { id: e.locationId } })) ?? undefined);
    const r = {
      name: a.name,
      planId: a.planId,
      translated: a.translations.find((t) => t.language === language)?.title ?? null,
      friendly: a.translations.find((t) => t.language === 'da')?.title ?? null,
      locationName: place?.name ?? null,
      locationAddress: place?.address ?? null,
    };
    const danish = r.friendly ?? r.name;
    const activityTitle = language === 'da' ? danish : (r.translated ?? danish);
    const glossary = r.locationName !== null ? await this.glossary(r.planId, language) : {};
    return {
      title: e.title ?? activityTitle,
      location:
        r.locationName !== null && r.locationAddress !== null
          ? { name: translatedOrAsWritten(glossary, r.locationName, language), address: translatedOrAsWritten(glossary, r.locationAddress, language) }
          : null,
    };
  }

  /** One event in the reader's language. */
  async event(eventId: string, language: Language, options: { forResidents?: boolean } = {}): Promise<EventCard> {
    // The event, its place and the places taken in one statement; the activity from the plan-data cache.
    const [e] = await this.db.$queryRaw<UpcomingRow[]>`
      SELECT e."id" AS "id", e."activityId" AS "activityId", e."title" AS "title", e."startsAt" AS "startsAt", e."endsAt" AS "endsAt",
        e."capacity" AS "capacity", e."status" AS "status", e."isDemo" AS "isDemo", e."locationId" AS "locationId",
        l."name" AS "locationName", l."address" AS "locationAddress", l."housingAreaId" AS "locationArea",
        (SELECT SUM(s."adults" + s."children") FROM "SignUp" s WHERE s."eventId" = e."id" AND s."status" IN (${Prisma.join([...HOLDS_PLACE])})) AS "taken"
      FROM "Event" e LEFT JOIN "Location" l ON l."id" = e."locationId"
      WHERE e."id" = ${eventId}`;
    if (!e) throw new DomainError('event.not_found');
    const row = (await this.planData.snapshot()).activityById.get(e.activityId);
    if (!row) throw new DomainError('event.not_found');
    const glossary = await this.glossary(row.planId, language);
    const activity = activityCard(row, language, { glossary, forResidents: options.forResidents ?? false });
    const capacity = e.capacity === null ? null : Number(e.capacity);
    return {
      id: e.id,
      activity,
      title: e.title ?? activity.title,
      startsAt: asDate(e.startsAt),
      endsAt: asDate(e.endsAt),
      location:
        e.locationId !== null && e.locationName !== null && e.locationAddress !== null
          ? {
              name: translatedOrAsWritten(glossary, e.locationName, language),
              address: translatedOrAsWritten(glossary, e.locationAddress, language),
              housingAreaId: e.locationArea,
            }
          : null,
      capacity,
      placesLeft: capacity === null ? null : Math.max(0, capacity - Number(e.taken ?? 0)),
      status: e.status,
      isDemo: Boolean(Number(e.isDemo)),
    };
  }
}
