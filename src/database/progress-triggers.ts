/**
 * The triggers that keep progress on write (src/progress/progress-totals.ts), for SQLite and
 * PostgreSQL, written once here for both. They are not in the migrations: the migration runner sets
 * them aside while migrations run (SQLite rebuilds a table to change it, and a trigger naming a table
 * that is being rebuilt would fail or vanish with it) and installs them after each start's
 * migrations, idempotently; the kept rows are recounted after a migration (src/database/database.ts).
 * A changed trigger gets a new version suffix in its name, so a database with the old one gets it.
 *
 * - Delivery: its contribution is added to the totals of every standard period holding its date
 *   (taken off again, as the old row, on a correction or deletion; soft-deleted rows count nothing).
 * - Attendance and Event: a person's first attended event per period and activity (and its parent)
 *   is lowered on a new attendance and recomputed for the people concerned on any other change.
 * - AttendeeFirst: the number of such people per period and activity follows its rows.
 */
const VERSION = 'v1';

/** The kept columns of DeliveryTotal, in the order deliveryValues gives them. */
export const DELIVERY_TOTAL_COLUMNS = [
  'deliveries',
  'occurrences',
  'participants',
  'newParticipants',
  'completed',
  'completedOf',
  'satisfied',
  'satisfiedOf',
  'volunteers',
  'volunteerHours',
] as const;

/** What delivery row `r` adds to each kept column (taken off with sign -1): the one definition the triggers and the rebuild share. */
export function deliveryValues(r: string, sign: 1 | -1 = 1): string[] {
  const s = sign > 0 ? '' : '-';
  return [
    `${s}1`,
    `${s}${r}."occurrences"`,
    `${s}${r}."participants"`,
    `${s}(CASE WHEN ${r}."eventId" IS NULL THEN COALESCE(${r}."newParticipants", 0) ELSE 0 END)`,
    `${s}COALESCE(${r}."completed", 0)`,
    `${s}(CASE WHEN ${r}."completed" IS NOT NULL THEN ${r}."participants" ELSE 0 END)`,
    `${s}COALESCE(${r}."satisfied", 0)`,
    `${s}(CASE WHEN ${r}."satisfied" IS NOT NULL THEN COALESCE(${r}."respondents", ${r}."participants") ELSE 0 END)`,
    `${s}COALESCE(${r}."volunteers", 0)`,
    `${s}COALESCE(${r}."volunteerHours", 0.0)`,
  ];
}

const SUMS = DELIVERY_TOTAL_COLUMNS;

/** Adds (sign 1) or takes off (sign -1) delivery row `r` (NEW or OLD) in the totals of the periods holding its date. */
function applyDelivery(r: 'NEW' | 'OLD', sign: 1 | -1): string {
  const values = deliveryValues(r, sign);
  return `INSERT INTO "DeliveryTotal" ("anchorId", "activityId", "kind", ${SUMS.map((c) => `"${c}"`).join(', ')})
  SELECT pa."id", ${r}."activityId", ${r}."kind", ${values.join(', ')}
  FROM "Activity" a JOIN "PeriodAnchor" pa ON pa."planId" = a."planId"
  WHERE a."id" = ${r}."activityId" AND ${r}."deletedAt" IS NULL AND ${r}."date" >= pa."fromDate" AND ${r}."date" < pa."toDate"
  ON CONFLICT ("anchorId", "activityId", "kind") DO UPDATE SET ${SUMS.map((c) => `"${c}" = "DeliveryTotal"."${c}" + excluded."${c}"`).join(', ')};`;
}

const dropEmptyTotals = `DELETE FROM "DeliveryTotal" WHERE "activityId" = OLD."activityId" AND "kind" = OLD."kind" AND "deliveries" = 0;`;

/** Lowers (or creates) the first attendance of the attended rows `r` matching `condition`, in every period holding the event. */
function lowerFirsts(condition: string): string {
  return `INSERT INTO "AttendeeFirst" ("anchorId", "activityId", "personId", "firstAt")
  SELECT pa."id", s."id", r."personId", e."startsAt"
  FROM "Attendance" r JOIN "Event" e ON e."id" = r."eventId" JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "Activity" s ON (s."id" = x."id" OR s."id" = x."parentId")
    JOIN "PeriodAnchor" pa ON pa."planId" = x."planId" AND e."startsAt" >= pa."fromInstant" AND e."startsAt" < pa."toInstant"
  WHERE ${condition} AND r."status" = 'attended'
  ON CONFLICT ("anchorId", "activityId", "personId") DO UPDATE
    SET "firstAt" = CASE WHEN excluded."firstAt" < "AttendeeFirst"."firstAt" THEN excluded."firstAt" ELSE "AttendeeFirst"."firstAt" END;`;
}

/** The attended events that support an AttendeeFirst row (its person, its activity or a sub-activity, inside its period). */
const SUPPORT = `FROM "Attendance" r JOIN "Event" e ON e."id" = r."eventId" JOIN "Activity" x ON x."id" = e."activityId"
      JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId" AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant" AND e."startsAt" < pa."toInstant"`;

/** Recomputes every first attendance of the people in `people` (an SQL list or subquery) from their attendance. */
function recomputeFirsts(people: string): string {
  return `DELETE FROM "AttendeeFirst" WHERE "personId" IN (${people}) AND NOT EXISTS (SELECT 1 ${SUPPORT});
UPDATE "AttendeeFirst" SET "firstAt" = (SELECT MIN(e."startsAt") ${SUPPORT}) WHERE "personId" IN (${people});`;
}

const attendeesOfEvent = `SELECT "personId" FROM "Attendance" WHERE "eventId" = NEW."id" AND "status" = 'attended'`;
const countUp = `INSERT INTO "AttendeeCount" ("anchorId", "activityId", "people") VALUES (NEW."anchorId", NEW."activityId", 1)
  ON CONFLICT ("anchorId", "activityId") DO UPDATE SET "people" = "AttendeeCount"."people" + 1;`;
const countDown = `UPDATE "AttendeeCount" SET "people" = "people" - 1 WHERE "anchorId" = OLD."anchorId" AND "activityId" = OLD."activityId";`;

const sqliteTrigger = (name: string, when: string, body: string): { name: string; sql: string } => ({
  name: `${name}_${VERSION}`,
  sql: `CREATE TRIGGER IF NOT EXISTS "${name}_${VERSION}" ${when} BEGIN\n${body}\nEND`,
});

/** SQLite: name and CREATE TRIGGER IF NOT EXISTS statement of each trigger. */
export const SQLITE_PROGRESS_TRIGGERS: readonly { name: string; sql: string }[] = [
  sqliteTrigger('Delivery_totals_insert', 'AFTER INSERT ON "Delivery"', applyDelivery('NEW', 1)),
  sqliteTrigger('Delivery_totals_delete', 'AFTER DELETE ON "Delivery"', `${applyDelivery('OLD', -1)}\n${dropEmptyTotals}`),
  sqliteTrigger('Delivery_totals_update', 'AFTER UPDATE ON "Delivery"', `${applyDelivery('OLD', -1)}\n${applyDelivery('NEW', 1)}\n${dropEmptyTotals}`),
  sqliteTrigger('Attendance_first_insert', `AFTER INSERT ON "Attendance" WHEN NEW."status" = 'attended'`, lowerFirsts('r."id" = NEW."id"')),
  sqliteTrigger('Attendance_first_delete', `AFTER DELETE ON "Attendance" WHEN OLD."status" = 'attended'`, recomputeFirsts('OLD."personId"')),
  sqliteTrigger(
    'Attendance_first_update',
    'AFTER UPDATE OF "status", "eventId", "personId" ON "Attendance"',
    `${recomputeFirsts('OLD."personId", NEW."personId"')}\n${lowerFirsts('r."id" = NEW."id"')}`,
  ),
  sqliteTrigger(
    'Event_first_move',
    'AFTER UPDATE OF "startsAt", "activityId" ON "Event" WHEN OLD."startsAt" IS NOT NEW."startsAt" OR OLD."activityId" IS NOT NEW."activityId"',
    `${recomputeFirsts(attendeesOfEvent)}\n${lowerFirsts('r."eventId" = NEW."id"')}`,
  ),
  sqliteTrigger('AttendeeFirst_count_insert', 'AFTER INSERT ON "AttendeeFirst"', countUp),
  sqliteTrigger('AttendeeFirst_count_delete', 'AFTER DELETE ON "AttendeeFirst"', countDown),
];

/** PostgreSQL: the trigger functions (installed with CREATE OR REPLACE). */
export const PG_PROGRESS_FUNCTIONS: readonly { name: string; body: string }[] = [
  {
    name: `nabo_delivery_totals_${VERSION}`,
    body: `BEGIN
  IF TG_OP <> 'INSERT' THEN
${applyDelivery('OLD', -1)}
  END IF;
  IF TG_OP <> 'DELETE' THEN
${applyDelivery('NEW', 1)}
  END IF;
  IF TG_OP <> 'INSERT' THEN
${dropEmptyTotals}
  END IF;
  RETURN NULL;
END`,
  },
  {
    name: `nabo_attendee_first_${VERSION}`,
    body: `BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'attended' THEN
${recomputeFirsts('OLD."personId"')}
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
${recomputeFirsts('OLD."personId", NEW."personId"')}
  END IF;
  IF NEW."status" = 'attended' THEN
${lowerFirsts('r."id" = NEW."id"')}
  END IF;
  RETURN NULL;
END`,
  },
  {
    name: `nabo_event_first_${VERSION}`,
    body: `BEGIN
${recomputeFirsts(attendeesOfEvent)}
${lowerFirsts('r."eventId" = NEW."id"')}
  RETURN NULL;
END`,
  },
  {
    name: `nabo_attendee_count_${VERSION}`,
    body: `BEGIN
  IF TG_OP = 'INSERT' THEN
${countUp}
  ELSE
${countDown}
  END IF;
  RETURN NULL;
END`,
  },
];

/** PostgreSQL: the triggers (name, table, when, function). */
export const PG_PROGRESS_TRIGGERS: readonly { name: string; table: string; on: string; fn: string }[] = [
  {
    name: `Delivery_totals_${VERSION}`,
    table: 'Delivery',
    on: 'AFTER INSERT OR UPDATE OR DELETE ON "Delivery" FOR EACH ROW',
    fn: `nabo_delivery_totals_${VERSION}`,
  },
  {
    name: `Attendance_first_insert_delete_${VERSION}`,
    table: 'Attendance',
    on: 'AFTER INSERT OR DELETE ON "Attendance" FOR EACH ROW',
    fn: `nabo_attendee_first_${VERSION}`,
  },
  {
    name: `Attendance_first_update_${VERSION}`,
    table: 'Attendance',
    on: 'AFTER UPDATE OF "status", "eventId", "personId" ON "Attendance" FOR EACH ROW',
    fn: `nabo_attendee_first_${VERSION}`,
  },
  {
    name: `Event_first_move_${VERSION}`,
    table: 'Event',
    on: 'AFTER UPDATE OF "startsAt", "activityId" ON "Event" FOR EACH ROW WHEN (OLD."startsAt" IS DISTINCT FROM NEW."startsAt" OR OLD."activityId" IS DISTINCT FROM NEW."activityId")',
    fn: `nabo_event_first_${VERSION}`,
  },
  {
    name: `AttendeeFirst_count_${VERSION}`,
    table: 'AttendeeFirst',
    on: 'AFTER INSERT OR DELETE ON "AttendeeFirst" FOR EACH ROW',
    fn: `nabo_attendee_count_${VERSION}`,
  },
];
