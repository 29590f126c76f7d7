/**
 * The demo calendar for the embedded default (NABO_DEMO_CALENDAR, on unless PostgreSQL): a copy of
 * the real 2017-21 plan, clearly marked DEMO and shifted so that today falls in its second plan
 * year, with upcoming fællesspisninger in the three areas, counselling slots (including a monthly
 * BRF Kredit day), a few other activities, and synthetic past deliveries so progress has something
 * to show. Nothing here is real data; every row is marked isDemo or noted "DEMO".
 */
import type { Db } from '../database/database';
import { addDays, addMonths, copenhagenDate, copenhagenInstant, formatCalendarDate } from '../time/calendar-date';
import type { Clock } from '../time/clock';
import type { PlanFile, SubActivityInput } from './plan-file';
import { importPlan } from './plan-importer';

export const DEMO_PLAN_KEY = 'demo-randers-nordby';
const WEEKS_AHEAD = 6;

/** The demo plan: the real plan's structure under a DEMO name and dates around today. */
export function demoPlanFrom(real: PlanFile, today: Date, counselling: SubActivityInput | undefined): PlanFile {
  const june = real.planYearStartMonth - 1;
  const thisYearStart = new Date(Date.UTC(today.getUTCFullYear(), june, 1));
  const start = addMonths(thisYearStart <= today ? thisYearStart : addMonths(thisYearStart, -12), -12);
  const end = addDays(addMonths(start, 48), -1);
  const prefix = (k: string): string => `demo-${k}`;
  const focusAreas = real.focusAreas.map((fa, i) =>
    i === 0 && counselling ? { ...fa, activities: [...fa.activities, { ...counselling, subActivities: [] }] } : fa,
  );
  return {
    ...real,
    key: DEMO_PLAN_KEY,
    name: `DEMO · ${real.name} (afspillet ${formatCalendarDate(start).slice(0, 4)}-${formatCalendarDate(end).slice(0, 4)})`,
    startDate: formatCalendarDate(start),
    endDate: formatCalendarDate(end),
    locations: real.locations.map((l) => ({ ...l, key: prefix(l.key), name: `${l.name}` })),
    focusAreas,
    historicalDeliveries: [],
  };
}

/** A small deterministic random generator, so every demo database looks the same. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Creates the demo plan, calendar and past deliveries. Returns the demo plan's id. */
export async function createDemoCalendar(db: Db, clock: Clock, real: PlanFile, counselling: SubActivityInput | undefined): Promise<string> {
  const today = copenhagenDate(clock.now());
  const plan = demoPlanFrom(real, today, counselling);
  const { planId } = await importPlan(db, plan, { isDemo: true });
  const activities = await db.activity.findMany({ where: { planId }, include: { targets: true } });
  const byKey = new Map(activities.map((a) => [a.key, a]));
  const demoLocations = new Map(
    (await db.location.findMany({ where: { key: { startsWith: 'demo-' } }, select: { key: true, id: true } })).map((l) => [l.key, l.id]),
  );
  const loc = (key: string): string | null => demoLocations.get(`demo-${key}`) ?? null;

  const weekly: { activity: string; location: string; weekday: number; hour: number; minute: number; hours: number; capacity: number | null }[] = [
    { activity: 'faellesspisning', location: 'parkcafeen', weekday: 4, hour: 17, minute: 30, hours: 2, capacity: 40 },
    { activity: 'faellesspisning', location: 'vangdalen', weekday: 2, hour: 17, minute: 30, hours: 2, capacity: 35 },
    { activity: 'faellesspisning', location: 'glarbjergvejomraadet', weekday: 3, hour: 17, minute: 30, hours: 2, capacity: 30 },
    { activity: 'boligsociale-moedregrupper', location: 'bysekretariatet', weekday: 1, hour: 10, minute: 0, hours: 2, capacity: 12 },
    { activity: 'hotspot-gruppeforloeb', location: 'bysekretariatet', weekday: 3, hour: 15, minute: 0, hours: 2, capacity: 15 },
    { activity: 'netvaerksdannelse', location: 'parkcafeen', weekday: 5, hour: 9, minute: 30, hours: 2, capacity: 20 },
  ];
  const events = [];
  for (let day = 0; day < WEEKS_AHEAD * 7; day++) {
    const date = addDays(today, day);
    const weekday = date.getUTCDay();
    for (const w of weekly) {
      const activity = byKey.get(w.activity);
      if (!activity || w.weekday !== weekday) continue;
      const startsAt = copenhagenInstant(date, w.hour, w.minute);
      if (startsAt <= clock.now()) continue;
      events.push({
        activityId: activity.id,
        locationId: loc(w.location),
        startsAt,
        endsAt: new Date(startsAt.getTime() + w.hours * 3_600_000),
        capacity: w.capacity,
        isDemo: true,
      });
    }
  }
  await db.event.createMany({ data: events });

  const counsellingActivity = counselling ? byKey.get(counselling.key) : undefined;
  if (counsellingActivity) {
    const slots = [];
    const office = loc('bysekretariatet');
    for (let day = 1; day < WEEKS_AHEAD * 7; day++) {
      const date = addDays(today, day);
      // Staff counsel five hours a week (Tuesdays 13-18); BRF Kredit comes the first Thursday of the month.
      if (date.getUTCDay() === 2) {
        for (let h = 13; h < 18; h++) slots.push({ startsAt: copenhagenInstant(date, h), counsellor: 'Boligsocial medarbejder' });
      }
      if (date.getUTCDay() === 4 && date.getUTCDate() <= 7) {
        for (let h = 14; h < 17; h++) slots.push({ startsAt: copenhagenInstant(date, h), counsellor: 'BRF Kredit' });
      }
    }
    await db.appointmentSlot.createMany({
      data: slots.map((s) => ({
        activityId: counsellingActivity.id,
        locationId: office,
        startsAt: s.startsAt,
        endsAt: new Date(s.startsAt.getTime() + 45 * 60_000),
        counsellor: s.counsellor,
        isDemo: true,
      })),
    });
  }

  await db.delivery.createMany({ data: pastDeliveries(activities, new Date(`${plan.startDate}T00:00:00Z`), today) });
  return planId;
}

type DemoActivity = { id: string; targets: { kind: string; perYear: number | null; wholePeriod: number | null; deliveryKind: string | null }[] };

/** Synthetic deliveries up to yesterday, roughly at each target's pace, some ahead and some behind. */
function pastDeliveries(activities: DemoActivity[], start: Date, today: Date) {
  const random = seeded(2017);
  const rows = [];
  const years = Math.max(0, (today.getTime() - start.getTime()) / (365.25 * 86_400_000));
  for (const a of activities) {
    const pace = 0.6 + random() * 0.6;
    const countable = a.targets.filter((t) => t.kind !== 'qualitative');
    if (countable.length === 0) continue;
    const eventsPerYear = Math.max(4, ...countable.filter((t) => t.kind === 'event_count').map((t) => t.perYear ?? (t.wholePeriod ?? 0) / 4));
    const uniquePerYear = Math.max(0, ...countable.filter((t) => t.kind === 'unique_participants').map((t) => t.perYear ?? (t.wholePeriod ?? 0) / 4));
    const average = Math.max(8, ...countable.filter((t) => t.kind === 'average_attendance').map((t) => t.perYear ?? t.wholePeriod ?? 0));
    const completes = countable.find((t) => t.kind === 'share_completing');
    const satisfied = countable.find((t) => t.kind === 'share_satisfied');
    const kind = countable.find((t) => t.deliveryKind && t.deliveryKind !== 'level')?.deliveryKind ?? 'event';
    const n = Math.max(1, Math.round(eventsPerYear * years * pace));
    for (let i = 0; i < n; i++) {
      const date = addDays(start, Math.floor(((i + random()) / n) * Math.max(1, (today.getTime() - start.getTime()) / 86_400_000 - 1)));
      const participants = Math.max(1, Math.round(average * (pace + 0.2) * (0.8 + random() * 0.4)));
      rows.push({
        activityId: a.id,
        date,
        kind,
        occurrences: 1,
        participants,
        newParticipants: uniquePerYear ? Math.min(participants, Math.round((uniquePerYear * years * pace) / n)) : null,
        volunteers: kind === 'event' ? Math.round(1 + random() * 2) : null,
        completed: completes ? Math.round(participants * Math.min(1, ((completes.perYear ?? 80) / 100) * (pace + 0.25))) : null,
        satisfied: satisfied ? Math.round(participants * Math.min(1, ((satisfied.perYear ?? 75) / 100) * (pace + 0.25))) : null,
        respondents: satisfied ? participants : null,
        note: 'DEMO: syntetisk leverance',
        channel: 'demo',
      });
    }
    const level = countable.find((t) => t.kind === 'level_maintained');
    if (level) {
      const value = Math.round((level.perYear ?? level.wholePeriod ?? 10) * (pace + 0.2));
      rows.push({
        activityId: a.id,
        date: addDays(today, -14),
        kind: 'level',
        occurrences: 1,
        participants: value,
        newParticipants: null,
        volunteers: null,
        completed: null,
        satisfied: null,
        respondents: null,
        note: 'DEMO: syntetisk niveau',
        channel: 'demo',
      });
    }
  }
  return rows;
}
