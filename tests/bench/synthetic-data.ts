/**
 * A synthetic, deterministic four-year data set on a fresh SQLite file: the real plan Randers
 * Nordby 2017-21 imported through the importer, then residents, events, sign-ups, attendance and
 * deliveries written with raw better-sqlite3 inserts in one transaction (generation is not what
 * is measured). `factor` scales every count: 1 = 8 000 residents, 5 000 events, ~105 000 sign-ups,
 * ~11 000 deliveries.
 *
 * The data deliberately exercises every rule progress has: events and deliveries just outside the
 * plan and exactly on its boundaries, soft-deleted deliveries, attendance marked no-show, walk-ins
 * without a sign-up, every delivery kind, completion and satisfaction registered on some only.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PROJECT_ROOT } from '../../src/config/config';
import { openDatabase, type Db } from '../../src/database/database';
import { rebuildPlanTotals } from '../../src/progress/progress-totals';
import { importPlan } from '../../src/plan-data/plan-importer';
import { loadPlanFile } from '../../src/plan-data/plan-loader';
import { addDays, copenhagenDate, copenhagenInstant, daysBetween } from '../../src/time/calendar-date';

export const PLAN_FILE = join(PROJECT_ROOT, 'prisma', 'plans', 'randers-nordby-2017-21.json');

/** Counts at factor 1. */
export const BASE = { people: 8_000, events: 5_000, standaloneDeliveries: 7_000 } as const;

/** How DateTime values are stored by the SQLite driver adapter (and must be compared). */
export function sqliteDate(d: Date): string {
  return d.toISOString().replace('Z', '+00:00');
}

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sizes of a generated data set, for the report. */
export interface DataSize {
  factor: number;
  activities: number;
  targets: number;
  people: number;
  events: number;
  signUps: number;
  signUpsByStatus: Record<string, number>;
  attendance: number;
  attendanceAttended: number;
  deliveries: number;
  deliveriesByKind: Record<string, number>;
  deliveriesWithEvent: number;
  deliveriesDeleted: number;
  fileMb: number;
}

export interface SyntheticDatabase {
  db: Db;
  file: string;
  planId: string;
  size: DataSize;
  generationMs: number;
  destroy(): Promise<void>;
}

const SIGN_UP_STATUS_WEIGHTS: [string, number][] = [
  ['attended', 0.55],
  ['no_show', 0.1],
  ['cancelled', 0.15],
  ['confirmed', 0.12],
  ['waiting', 0.08],
];

/** Kinds of deliveries registered without an event, with their weights. */
const STANDALONE_KIND_WEIGHTS: [string, number][] = [
  ['event', 0.1],
  ['course', 0.25],
  ['session', 0.25],
  ['contact', 0.25],
  ['level', 0.15],
];

function pickWeighted(rand: () => number, weights: readonly [string, number][]): string {
  let r = rand();
  for (const [value, w] of weights) {
    if (r < w) return value;
    r -= w;
  }
  return (weights[weights.length - 1] as [string, number])[0];
}

const id = (prefix: string, n: number): string => `${prefix}${n.toString(36).padStart(7, '0')}`;

/** Creates the database, imports the plan and generates `factor` × the base data set. */
export async function createSyntheticDatabase(factor: number, seed = 20170601): Promise<SyntheticDatabase> {
  const started = process.hrtime.bigint();
  const dir = mkdtempSync(join(tmpdir(), 'nabo-bench-'));
  const file = join(dir, 'nabo.db');
  const database = await openDatabase({ provider: 'sqlite', file });
  const plan = loadPlanFile(PLAN_FILE);
  const { planId } = await importPlan(database.db, plan);

  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = ON');
  try {
    // A bulk load: the progress triggers are set aside while the rows go in, and the kept progress is
    // rebuilt once after (what `npm run progress:rebuild` does), instead of millions of trigger runs.
    const triggers = raw.prepare(`SELECT "name", "sql" FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
    raw.transaction(() => {
      for (const t of triggers) raw.exec(`DROP TRIGGER "${t.name}"`);
      generate(raw, planId, factor, seedFor(seed, factor));
      for (const t of triggers) raw.exec(t.sql);
    })();
    await rebuildPlanTotals(database.db, planId);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const size = measureSize(raw, planId, factor, file);
    return {
      db: database.db,
      file,
      planId,
      size,
      generationMs: Number(process.hrtime.bigint() - started) / 1e6,
      destroy: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } finally {
    raw.close();
  }
}

const seedFor = (seed: number, factor: number): number => (seed ^ Math.imul(factor, 0x9e3779b1)) >>> 0;

function generate(raw: BetterSqlite3.Database, planId: string, factor: number, seed: number): void {
  const rand = seededRandom(seed);
  const int = (n: number): number => Math.floor(rand() * n);

  const planRow = raw.prepare('SELECT "startDate" AS s, "endDate" AS e FROM "Plan" WHERE "id" = ?').get(planId) as { s: string; e: string };
  const start = new Date(planRow.s);
  const endExclusive = addDays(new Date(planRow.e), 1);
  const days = daysBetween(start, endExclusive);
  const activities = (raw.prepare('SELECT "id" FROM "Activity" WHERE "planId" = ? ORDER BY "key"').all(planId) as { id: string }[]).map((r) => r.id);
  const locations = (raw.prepare('SELECT "id" FROM "Location" ORDER BY "key"').all() as { id: string }[]).map((r) => r.id);
  const areas = (raw.prepare('SELECT "id" FROM "HousingArea" WHERE "planId" = ? ORDER BY "key"').all(planId) as { id: string }[]).map((r) => r.id);
  if (activities.length === 0) throw new Error('the plan has no activities');

  const insertPerson = raw.prepare(
    'INSERT INTO "Person" ("id", "role", "firstName", "language", "housingAreaId", "consentAt", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEvent = raw.prepare(
    `INSERT INTO "Event" ("id", "activityId", "locationId", "title", "startsAt", "endsAt", "capacity", "status", "isDemo", "lockVersion", "createdAt")
     VALUES (?, ?, ?, NULL, ?, ?, ?, 'held', 0, 0, ?)`,
  );
  const insertSignUp = raw.prepare(
    `INSERT INTO "SignUp" ("id", "eventId", "personId", "adults", "children", "dietary", "status", "waitingPosition", "createdAt", "updatedAt", "cancelledAt")
     VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?)`,
  );
  const insertAttendance = raw.prepare(
    'INSERT INTO "Attendance" ("id", "eventId", "personId", "status", "markedById", "markedAt") VALUES (?, ?, ?, ?, NULL, ?)',
  );
  const insertDelivery = raw.prepare(
    `INSERT INTO "Delivery" ("id", "activityId", "eventId", "date", "kind", "occurrences", "participants", "newParticipants", "walkIns", "volunteers",
       "completed", "satisfied", "respondents", "note", "loggedById", "channel", "isHistorical", "createdAt", "updatedAt", "deletedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'bench', 0, ?, ?, ?)`,
  );

  // Copenhagen noon of each day, computed once per day (the time-zone maths is slow).
  const noonCache = new Map<number, number>();
  const noonOf = (dayOffset: number): number => {
    let t = noonCache.get(dayOffset);
    if (t === undefined) {
      t = copenhagenInstant(addDays(start, dayOffset), 12, 0).getTime();
      noonCache.set(dayOffset, t);
    }
    return t;
  };

  const languages = ['da', 'da', 'da', 'ar', 'en', 'so', 'tr', 'uk'];
  const people = BASE.people * factor;
  const core = Math.max(1, Math.floor(people / 10));
  const personIds: string[] = [];
  const personCreated = sqliteDate(addDays(start, -30));
  for (let i = 0; i < people; i++) {
    const pid = id('bp', i);
    personIds.push(pid);
    insertPerson.run(pid, 'resident', null, languages[int(languages.length)], areas.length ? areas[int(areas.length)] : null, personCreated, personCreated);
  }
  const personAt = (i: number): string => personIds[i] as string;

  // Events: uniform over the plan's activities and days (a few days beyond each end), plus some
  // exactly on the plan's boundaries as Copenhagen instants.
  const fromInstant = copenhagenInstant(start);
  const toInstant = copenhagenInstant(endExclusive);
  const edges = [fromInstant, new Date(fromInstant.getTime() - 1), new Date(toInstant.getTime() - 1), toInstant];
  let signUpN = 0;
  let attendanceN = 0;
  let deliveryN = 0;
  const events = BASE.events * factor;
  for (let e = 0; e < events; e++) {
    const eventId = id('be', e);
    const activityId = activities[int(activities.length)] as string;
    let startsAt: Date;
    let date: Date;
    if (e < edges.length * 3) {
      startsAt = edges[e % edges.length] as Date;
      date = copenhagenDate(startsAt);
    } else {
      const off = int(days + 20) - 10;
      startsAt = new Date(noonOf(off) + (int(21) - 6) * 1_800_000); // 09:00-19:00
      date = addDays(start, off);
    }
    const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
    const created = sqliteDate(new Date(startsAt.getTime() - 14 * 86_400_000));
    insertEvent.run(
      eventId,
      activityId,
      rand() < 0.8 && locations.length ? locations[int(locations.length)] : null,
      sqliteDate(startsAt),
      sqliteDate(endsAt),
      rand() < 0.3 ? null : 20 + int(41),
      created,
    );

    // Sign-ups: 10-32 distinct people, regulars (the first tenth) more often.
    const n = 10 + int(23);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(rand() < 0.4 ? int(core) : int(people));
    let waiting = 0;
    let attendedPeople = 0;
    for (const p of chosen) {
      const status = pickWeighted(rand, SIGN_UP_STATUS_WEIGHTS);
      const adults = 1 + (rand() < 0.25 ? 1 : 0);
      const children = rand() < 0.35 ? 1 + int(3) : 0;
      const cancelledAt = status === 'cancelled' ? sqliteDate(new Date(startsAt.getTime() - 86_400_000)) : null;
      insertSignUp.run(
        id('bs', signUpN++),
        eventId,
        personAt(p),
        adults,
        children,
        status,
        status === 'waiting' ? ++waiting : null,
        created,
        created,
        cancelledAt,
      );
      if (status === 'attended' || status === 'no_show') {
        insertAttendance.run(id('ba', attendanceN++), eventId, personAt(p), status, sqliteDate(endsAt));
        if (status === 'attended') attendedPeople += adults + children;
      }
    }
    // A walk-in without a sign-up now and then.
    if (rand() < 0.2) {
      let p = int(people);
      while (chosen.has(p)) p = int(people);
      insertAttendance.run(id('ba', attendanceN++), eventId, personAt(p), 'attended', sqliteDate(endsAt));
      attendedPeople += 1;
    }
    // The event's delivery, as attendance-taking writes it (most events have one).
    if (rand() < 0.85) {
      const walkIns = int(6);
      const participants = attendedPeople + walkIns;
      const satisfied = rand() < 0.15;
      const respondents = satisfied ? int(participants + 1) : null;
      const deleted = rand() < 0.03 ? sqliteDate(endsAt) : null;
      insertDelivery.run(
        id('bd', deliveryN++),
        activityId,
        eventId,
        sqliteDate(date),
        'event',
        1,
        participants,
        null,
        walkIns,
        int(4),
        null,
        respondents === null ? null : int(respondents + 1),
        respondents,
        sqliteDate(endsAt),
        sqliteDate(endsAt),
        deleted,
      );
    }
  }

  // Deliveries registered without an event: courses, sessions, outreach contacts, levels and
  // aggregated events, a few days beyond each end of the plan too. One level per activity and day.
  const levelDays = new Set<string>();
  const standalone = BASE.standaloneDeliveries * factor;
  for (let i = 0; i < standalone; i++) {
    const activityId = activities[int(activities.length)] as string;
    const kind = pickWeighted(rand, STANDALONE_KIND_WEIGHTS);
    let off = int(days + 30) - 15;
    if (kind === 'level') {
      while (levelDays.has(`${activityId}|${off}`)) off = int(days + 30) - 15;
      levelDays.add(`${activityId}|${off}`);
    }
    const date = addDays(start, off);
    let occurrences = 1;
    let participants: number;
    let newParticipants: number | null = null;
    let completed: number | null = null;
    let satisfied: number | null = null;
    let respondents: number | null = null;
    switch (kind) {
      case 'course':
        participants = 4 + int(17);
        newParticipants = int(participants + 1);
        if (rand() < 0.6) completed = int(participants + 1);
        if (rand() < 0.4) respondents = int(participants + 1);
        break;
      case 'session':
        occurrences = 1 + int(4);
        participants = occurrences * (3 + int(13));
        if (rand() < 0.7) newParticipants = int(Math.min(participants, 10) + 1);
        if (rand() < 0.25) respondents = int(participants + 1);
        break;
      case 'contact':
        occurrences = 1 + int(10);
        participants = occurrences + int(20);
        newParticipants = int(participants + 1);
        break;
      case 'level':
        participants = 10 + int(111);
        break;
      default: // aggregated events ("11 fællesspisninger, i gennemsnit 37")
        occurrences = 2 + int(11);
        participants = occurrences * (10 + int(31));
        if (rand() < 0.5) newParticipants = int(participants / 4);
        if (rand() < 0.3) completed = int(participants + 1);
        break;
    }
    if (respondents !== null) satisfied = int(respondents + 1);
    // Distinct creation times, so "the latest level" is never a tie.
    const created = sqliteDate(new Date(date.getTime() + 8 * 3_600_000 + i));
    const deleted = rand() < 0.03 ? created : null;
    insertDelivery.run(
      id('bd', deliveryN++),
      activityId,
      null,
      sqliteDate(date),
      kind,
      occurrences,
      participants,
      newParticipants,
      null,
      kind === 'level' ? null : int(3),
      completed,
      satisfied,
      respondents,
      created,
      created,
      deleted,
    );
  }
}

function measureSize(raw: BetterSqlite3.Database, planId: string, factor: number, file: string): DataSize {
  const count = (sql: string, ...params: unknown[]): number => (raw.prepare(sql).get(...params) as { n: number }).n;
  const grouped = (sql: string): Record<string, number> => Object.fromEntries((raw.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
  return {
    factor,
    activities: count('SELECT COUNT(*) AS n FROM "Activity" WHERE "planId" = ?', planId),
    targets: count('SELECT COUNT(*) AS n FROM "Target" t JOIN "Activity" a ON a."id" = t."activityId" WHERE a."planId" = ?', planId),
    people: count('SELECT COUNT(*) AS n FROM "Person"'),
    events: count('SELECT COUNT(*) AS n FROM "Event"'),
    signUps: count('SELECT COUNT(*) AS n FROM "SignUp"'),
    signUpsByStatus: grouped('SELECT "status" AS k, COUNT(*) AS n FROM "SignUp" GROUP BY "status" ORDER BY "status"'),
    attendance: count('SELECT COUNT(*) AS n FROM "Attendance"'),
    attendanceAttended: count(`SELECT COUNT(*) AS n FROM "Attendance" WHERE "status" = 'attended'`),
    deliveries: count('SELECT COUNT(*) AS n FROM "Delivery"'),
    deliveriesByKind: grouped('SELECT "kind" AS k, COUNT(*) AS n FROM "Delivery" GROUP BY "kind" ORDER BY "kind"'),
    deliveriesWithEvent: count('SELECT COUNT(*) AS n FROM "Delivery" WHERE "eventId" IS NOT NULL'),
    deliveriesDeleted: count('SELECT COUNT(*) AS n FROM "Delivery" WHERE "deletedAt" IS NOT NULL'),
    fileMb: Math.round((statSync(file).size / 1_048_576) * 10) / 10,
  };
}
