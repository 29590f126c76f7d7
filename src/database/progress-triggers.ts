/**
 * The triggers that keep progress on write (src/progress/progress-totals.ts), for SQLite and
 * PostgreSQL. They are not in the migrations: the migration runner sets them aside while migrations
 * run (SQLite rebuilds a table to change it, and a trigger naming a table that is being rebuilt
 * would fail or vanish with it) and installs them after every start's migrations, idempotently; the
 * kept rows are rebuilt after a migration (src/database/database.ts). A change to a trigger gets a
 * new version suffix in its name, so a database with the old one gets the new one.
 * Generated from one template, so both dialects do the same arithmetic.
 */

/** SQLite: name and CREATE TRIGGER IF NOT EXISTS statement of each trigger. */
export const SQLITE_PROGRESS_TRIGGERS: readonly { name: string; sql: string }[] = [
  {
    name: 'Delivery_totals_insert_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "Delivery_totals_insert_v1" AFTER INSERT ON "Delivery" BEGIN
INSERT INTO "DeliveryTotal" ("anchorId", "activityId", "kind", "deliveries", "occurrences", "participants", "newParticipants", "completed", "completedOf", "satisfied",
      "satisfiedOf", "volunteers", "volunteerHours")
  SELECT pa."id", NEW."activityId", NEW."kind", 1, NEW."occurrences", NEW."participants", (CASE WHEN NEW."eventId" IS NULL THEN COALESCE(NEW."newParticipants", 0) ELSE 0 END),
      COALESCE(NEW."completed", 0), (CASE WHEN NEW."completed" IS NOT NULL THEN NEW."participants" ELSE 0 END), COALESCE(NEW."satisfied", 0),
      (CASE WHEN NEW."satisfied" IS NOT NULL THEN COALESCE(NEW."respondents", NEW."participants") ELSE 0 END), COALESCE(NEW."volunteers", 0), COALESCE(NEW."volunteerHours", 0)
 
    FROM "Activity" a
    JOIN "PeriodAnchor" pa ON pa."planId" = a."planId"
 
    WHERE a."id" = NEW."activityId"
      AND NEW."deletedAt" IS NULL
      AND NEW."date" >= pa."fromDate"
      AND NEW."date" < pa."toDate"
  ON CONFLICT ("anchorId", "activityId", "kind") DO UPDATE SET "deliveries" = "DeliveryTotal"."deliveries" + excluded."deliveries",
      "occurrences" = "DeliveryTotal"."occurrences" + excluded."occurrences", "participants" = "DeliveryTotal"."participants" + excluded."participants",
      "newParticipants" = "DeliveryTotal"."newParticipants" + excluded."newParticipants", "completed" = "DeliveryTotal"."completed" + excluded."completed",
      "completedOf" = "DeliveryTotal"."completedOf" + excluded."completedOf", "satisfied" = "DeliveryTotal"."satisfied" + excluded."satisfied",
      "satisfiedOf" = "DeliveryTotal"."satisfiedOf" + excluded."satisfiedOf", "volunteers" = "DeliveryTotal"."volunteers" + excluded."volunteers",
      "volunteerHours" = "DeliveryTotal"."volunteerHours" + excluded."volunteerHours";
END`,
  },
  {
    name: 'Delivery_totals_delete_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "Delivery_totals_delete_v1" AFTER DELETE ON "Delivery" BEGIN
INSERT INTO "DeliveryTotal" ("anchorId", "activityId", "kind", "deliveries", "occurrences", "participants", "newParticipants", "completed", "completedOf", "satisfied",
      "satisfiedOf", "volunteers", "volunteerHours")
  SELECT pa."id", OLD."activityId", OLD."kind", -1, -OLD."occurrences", -OLD."participants", -(CASE WHEN OLD."eventId" IS NULL THEN COALESCE(OLD."newParticipants", 0) ELSE 0 END),
      -COALESCE(OLD."completed", 0), -(CASE WHEN OLD."completed" IS NOT NULL THEN OLD."participants" ELSE 0 END), -COALESCE(OLD."satisfied", 0),
      -(CASE WHEN OLD."satisfied" IS NOT NULL THEN COALESCE(OLD."respondents", OLD."participants") ELSE 0 END), -COALESCE(OLD."volunteers", 0), -COALESCE(OLD."volunteerHours", 0)
 
    FROM "Activity" a
    JOIN "PeriodAnchor" pa ON pa."planId" = a."planId"
 
    WHERE a."id" = OLD."activityId"
      AND OLD."deletedAt" IS NULL
      AND OLD."date" >= pa."fromDate"
      AND OLD."date" < pa."toDate"
  ON CONFLICT ("anchorId", "activityId", "kind") DO UPDATE SET "deliveries" = "DeliveryTotal"."deliveries" + excluded."deliveries",
      "occurrences" = "DeliveryTotal"."occurrences" + excluded."occurrences", "participants" = "DeliveryTotal"."participants" + excluded."participants",
      "newParticipants" = "DeliveryTotal"."newParticipants" + excluded."newParticipants", "completed" = "DeliveryTotal"."completed" + excluded."completed",
      "completedOf" = "DeliveryTotal"."completedOf" + excluded."completedOf", "satisfied" = "DeliveryTotal"."satisfied" + excluded."satisfied",
      "satisfiedOf" = "DeliveryTotal"."satisfiedOf" + excluded."satisfiedOf", "volunteers" = "DeliveryTotal"."volunteers" + excluded."volunteers",
      "volunteerHours" = "DeliveryTotal"."volunteerHours" + excluded."volunteerHours";
DELETE
    FROM "DeliveryTotal"
    WHERE "activityId" = OLD."activityId"
      AND "kind" = OLD."kind"
      AND "deliveries" = 0;
END`,
  },
  {
    name: 'Delivery_totals_update_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "Delivery_totals_update_v1" AFTER UPDATE ON "Delivery" BEGIN
INSERT INTO "DeliveryTotal" ("anchorId", "activityId", "kind", "deliveries", "occurrences", "participants", "newParticipants", "completed", "completedOf", "satisfied",
      "satisfiedOf", "volunteers", "volunteerHours")
  SELECT pa."id", OLD."activityId", OLD."kind", -1, -OLD."occurrences", -OLD."participants", -(CASE WHEN OLD."eventId" IS NULL THEN COALESCE(OLD."newParticipants", 0) ELSE 0 END),
      -COALESCE(OLD."completed", 0), -(CASE WHEN OLD."completed" IS NOT NULL THEN OLD."participants" ELSE 0 END), -COALESCE(OLD."satisfied", 0),
      -(CASE WHEN OLD."satisfied" IS NOT NULL THEN COALESCE(OLD."respondents", OLD."participants") ELSE 0 END), -COALESCE(OLD."volunteers", 0), -COALESCE(OLD."volunteerHours", 0)
 
    FROM "Activity" a
    JOIN "PeriodAnchor" pa ON pa."planId" = a."planId"
 
    WHERE a."id" = OLD."activityId"
      AND OLD."deletedAt" IS NULL
      AND OLD."date" >= pa."fromDate"
      AND OLD."date" < pa."toDate"
  ON CONFLICT ("anchorId", "activityId", "kind") DO UPDATE SET "deliveries" = "DeliveryTotal"."deliveries" + excluded."deliveries",
      "occurrences" = "DeliveryTotal"."occurrences" + excluded."occurrences", "participants" = "DeliveryTotal"."participants" + excluded."participants",
      "newParticipants" = "DeliveryTotal"."newParticipants" + excluded."newParticipants", "completed" = "DeliveryTotal"."completed" + excluded."completed",
      "completedOf" = "DeliveryTotal"."completedOf" + excluded."completedOf", "satisfied" = "DeliveryTotal"."satisfied" + excluded."satisfied",
      "satisfiedOf" = "DeliveryTotal"."satisfiedOf" + excluded."satisfiedOf", "volunteers" = "DeliveryTotal"."volunteers" + excluded."volunteers",
      "volunteerHours" = "DeliveryTotal"."volunteerHours" + excluded."volunteerHours";
INSERT INTO "DeliveryTotal" ("anchorId", "activityId", "kind", "deliveries", "occurrences", "participants", "newParticipants", "completed", "completedOf", "satisfied",
      "satisfiedOf", "volunteers", "volunteerHours")
  SELECT pa."id", NEW."activityId", NEW."kind", 1, NEW."occurrences", NEW."participants", (CASE WHEN NEW."eventId" IS NULL THEN COALESCE(NEW."newParticipants", 0) ELSE 0 END),
      COALESCE(NEW."completed", 0), (CASE WHEN NEW."completed" IS NOT NULL THEN NEW."participants" ELSE 0 END), COALESCE(NEW."satisfied", 0),
      (CASE WHEN NEW."satisfied" IS NOT NULL THEN COALESCE(NEW."respondents", NEW."participants") ELSE 0 END), COALESCE(NEW."volunteers", 0), COALESCE(NEW."volunteerHours", 0)
 
    FROM "Activity" a
    JOIN "PeriodAnchor" pa ON pa."planId" = a."planId"
 
    WHERE a."id" = NEW."activityId"
      AND NEW."deletedAt" IS NULL
      AND NEW."date" >= pa."fromDate"
      AND NEW."date" < pa."toDate"
  ON CONFLICT ("anchorId", "activityId", "kind") DO UPDATE SET "deliveries" = "DeliveryTotal"."deliveries" + excluded."deliveries",
      "occurrences" = "DeliveryTotal"."occurrences" + excluded."occurrences", "participants" = "DeliveryTotal"."participants" + excluded."participants",
      "newParticipants" = "DeliveryTotal"."newParticipants" + excluded."newParticipants", "completed" = "DeliveryTotal"."completed" + excluded."completed",
      "completedOf" = "DeliveryTotal"."completedOf" + excluded."completedOf", "satisfied" = "DeliveryTotal"."satisfied" + excluded."satisfied",
      "satisfiedOf" = "DeliveryTotal"."satisfiedOf" + excluded."satisfiedOf", "volunteers" = "DeliveryTotal"."volunteers" + excluded."volunteers",
      "volunteerHours" = "DeliveryTotal"."volunteerHours" + excluded."volunteerHours";
DELETE
    FROM "DeliveryTotal"
    WHERE "activityId" = OLD."activityId"
      AND "kind" = OLD."kind"
      AND "deliveries" = 0;
END`,
  },
  {
    name: 'Attendance_first_insert_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "Attendance_first_insert_v1" AFTER INSERT ON "Attendance" WHEN NEW."status" = 'attended' BEGIN
INSERT INTO "AttendeeFirst" ("anchorId", "activityId", "personId", "firstAt")
  SELECT pa."id", s."id", r."personId", e."startsAt"
 
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
   
    JOIN "Activity" s ON (s."id" = x."id" OR s."id" = x."parentId")
   
    JOIN "PeriodAnchor" pa ON pa."planId" = x."planId"
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant"
 
    WHERE r."id" = NEW."id"
      AND r."status" = 'attended'
  ON CONFLICT ("anchorId", "activityId",
      "personId") DO UPDATE SET "firstAt" = CASE WHEN excluded."firstAt" < "AttendeeFirst"."firstAt" THEN excluded."firstAt" ELSE "AttendeeFirst"."firstAt" END;
END`,
  },
  {
    name: 'Attendance_first_delete_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "Attendance_first_delete_v1" AFTER DELETE ON "Attendance" WHEN OLD."status" = 'attended' BEGIN
DELETE
    FROM "AttendeeFirst"
    WHERE "personId" IN (OLD."personId")
      AND NOT EXISTS (SELECT 1
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant");
UPDATE "AttendeeFirst" SET "firstAt" = (SELECT MIN(e."startsAt")
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant")
    WHERE "personId" IN (OLD."personId");
END`,
  },
  {
    name: 'Attendance_first_update_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "Attendance_first_update_v1" AFTER UPDATE OF "status", "eventId", "personId" ON "Attendance" BEGIN
DELETE
    FROM "AttendeeFirst"
    WHERE "personId" IN (OLD."personId", NEW."personId")
      AND NOT EXISTS (SELECT 1
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant");
UPDATE "AttendeeFirst" SET "firstAt" = (SELECT MIN(e."startsAt")
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant")
    WHERE "personId" IN (OLD."personId", NEW."personId");
INSERT INTO "AttendeeFirst" ("anchorId", "activityId", "personId", "firstAt")
  SELECT pa."id", s."id", r."personId", e."startsAt"
 
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
   
    JOIN "Activity" s ON (s."id" = x."id" OR s."id" = x."parentId")
   
    JOIN "PeriodAnchor" pa ON pa."planId" = x."planId"
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant"
 
    WHERE r."id" = NEW."id"
      AND r."status" = 'attended'
  ON CONFLICT ("anchorId", "activityId",
      "personId") DO UPDATE SET "firstAt" = CASE WHEN excluded."firstAt" < "AttendeeFirst"."firstAt" THEN excluded."firstAt" ELSE "AttendeeFirst"."firstAt" END;
END`,
  },
  {
    name: 'Event_first_move_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "Event_first_move_v1" AFTER UPDATE OF "startsAt",
      "activityId" ON "Event" WHEN OLD."startsAt" IS NOT NEW."startsAt" OR OLD."activityId" IS NOT NEW."activityId" BEGIN
DELETE
    FROM "AttendeeFirst"
    WHERE "personId" IN (SELECT "personId"
    FROM "Attendance"
    WHERE "eventId" = NEW."id"
      AND "status" = 'attended')
      AND NOT EXISTS (SELECT 1
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant");
UPDATE "AttendeeFirst" SET "firstAt" = (SELECT MIN(e."startsAt")
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant")
    WHERE "personId" IN (SELECT "personId"
    FROM "Attendance"
    WHERE "eventId" = NEW."id"
      AND "status" = 'attended');
INSERT INTO "AttendeeFirst" ("anchorId", "activityId", "personId", "firstAt")
  SELECT pa."id", s."id", r."personId", e."startsAt"
 
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
   
    JOIN "Activity" s ON (s."id" = x."id" OR s."id" = x."parentId")
   
    JOIN "PeriodAnchor" pa ON pa."planId" = x."planId"
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant"
 
    WHERE r."eventId" = NEW."id"
      AND r."status" = 'attended'
  ON CONFLICT ("anchorId", "activityId",
      "personId") DO UPDATE SET "firstAt" = CASE WHEN excluded."firstAt" < "AttendeeFirst"."firstAt" THEN excluded."firstAt" ELSE "AttendeeFirst"."firstAt" END;
END`,
  },
  {
    name: 'AttendeeFirst_count_insert_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "AttendeeFirst_count_insert_v1" AFTER INSERT ON "AttendeeFirst" BEGIN
INSERT INTO "AttendeeCount" ("anchorId", "activityId", "people") VALUES (NEW."anchorId", NEW."activityId", 1)
  ON CONFLICT ("anchorId", "activityId") DO UPDATE SET "people" = "AttendeeCount"."people" + 1;
END`,
  },
  {
    name: 'AttendeeFirst_count_delete_v1',
    sql: `CREATE TRIGGER IF NOT EXISTS "AttendeeFirst_count_delete_v1" AFTER DELETE ON "AttendeeFirst" BEGIN
UPDATE "AttendeeCount" SET "people" = "people" - 1
    WHERE "anchorId" = OLD."anchorId"
      AND "activityId" = OLD."activityId";
END`,
  },
];

/** PostgreSQL: the trigger functions (CREATE OR REPLACE) and triggers (table, timing, function). */
export const PG_PROGRESS_FUNCTIONS: readonly { name: string; body: string }[] = [
  {
    name: 'nabo_delivery_totals_v1',
    body: `BEGIN
  IF TG_OP <> 'INSERT' THEN
INSERT INTO "DeliveryTotal" ("anchorId", "activityId", "kind", "deliveries", "occurrences", "participants", "newParticipants", "completed", "completedOf", "satisfied",
      "satisfiedOf", "volunteers", "volunteerHours")
  SELECT pa."id", OLD."activityId", OLD."kind", -1, -OLD."occurrences", -OLD."participants", -(CASE WHEN OLD."eventId" IS NULL THEN COALESCE(OLD."newParticipants", 0) ELSE 0 END),
      -COALESCE(OLD."completed", 0), -(CASE WHEN OLD."completed" IS NOT NULL THEN OLD."participants" ELSE 0 END), -COALESCE(OLD."satisfied", 0),
      -(CASE WHEN OLD."satisfied" IS NOT NULL THEN COALESCE(OLD."respondents", OLD."participants") ELSE 0 END), -COALESCE(OLD."volunteers", 0), -COALESCE(OLD."volunteerHours", 0)
 
    FROM "Activity" a
    JOIN "PeriodAnchor" pa ON pa."planId" = a."planId"
 
    WHERE a."id" = OLD."activityId"
      AND OLD."deletedAt" IS NULL
      AND OLD."date" >= pa."fromDate"
      AND OLD."date" < pa."toDate"
  ON CONFLICT ("anchorId", "activityId", "kind") DO UPDATE SET "deliveries" = "DeliveryTotal"."deliveries" + excluded."deliveries",
      "occurrences" = "DeliveryTotal"."occurrences" + excluded."occurrences", "participants" = "DeliveryTotal"."participants" + excluded."participants",
      "newParticipants" = "DeliveryTotal"."newParticipants" + excluded."newParticipants", "completed" = "DeliveryTotal"."completed" + excluded."completed",
      "completedOf" = "DeliveryTotal"."completedOf" + excluded."completedOf", "satisfied" = "DeliveryTotal"."satisfied" + excluded."satisfied",
      "satisfiedOf" = "DeliveryTotal"."satisfiedOf" + excluded."satisfiedOf", "volunteers" = "DeliveryTotal"."volunteers" + excluded."volunteers",
      "volunteerHours" = "DeliveryTotal"."volunteerHours" + excluded."volunteerHours";
  END IF;
  IF TG_OP <> 'DELETE' THEN
INSERT INTO "DeliveryTotal" ("anchorId", "activityId", "kind", "deliveries", "occurrences", "participants", "newParticipants", "completed", "completedOf", "satisfied",
      "satisfiedOf", "volunteers", "volunteerHours")
  SELECT pa."id", NEW."activityId", NEW."kind", 1, NEW."occurrences", NEW."participants", (CASE WHEN NEW."eventId" IS NULL THEN COALESCE(NEW."newParticipants", 0) ELSE 0 END),
      COALESCE(NEW."completed", 0), (CASE WHEN NEW."completed" IS NOT NULL THEN NEW."participants" ELSE 0 END), COALESCE(NEW."satisfied", 0),
      (CASE WHEN NEW."satisfied" IS NOT NULL THEN COALESCE(NEW."respondents", NEW."participants") ELSE 0 END), COALESCE(NEW."volunteers", 0), COALESCE(NEW."volunteerHours", 0)
 
    FROM "Activity" a
    JOIN "PeriodAnchor" pa ON pa."planId" = a."planId"
 
    WHERE a."id" = NEW."activityId"
      AND NEW."deletedAt" IS NULL
      AND NEW."date" >= pa."fromDate"
      AND NEW."date" < pa."toDate"
  ON CONFLICT ("anchorId", "activityId", "kind") DO UPDATE SET "deliveries" = "DeliveryTotal"."deliveries" + excluded."deliveries",
      "occurrences" = "DeliveryTotal"."occurrences" + excluded."occurrences", "participants" = "DeliveryTotal"."participants" + excluded."participants",
      "newParticipants" = "DeliveryTotal"."newParticipants" + excluded."newParticipants", "completed" = "DeliveryTotal"."completed" + excluded."completed",
      "completedOf" = "DeliveryTotal"."completedOf" + excluded."completedOf", "satisfied" = "DeliveryTotal"."satisfied" + excluded."satisfied",
      "satisfiedOf" = "DeliveryTotal"."satisfiedOf" + excluded."satisfiedOf", "volunteers" = "DeliveryTotal"."volunteers" + excluded."volunteers",
      "volunteerHours" = "DeliveryTotal"."volunteerHours" + excluded."volunteerHours";
  END IF;
  IF TG_OP <> 'INSERT' THEN
DELETE
    FROM "DeliveryTotal"
    WHERE "activityId" = OLD."activityId"
      AND "kind" = OLD."kind"
      AND "deliveries" = 0;
  END IF;
  RETURN NULL;
END`,
  },
  {
    name: 'nabo_attendee_first_v1',
    body: `BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'attended' THEN
DELETE
    FROM "AttendeeFirst"
    WHERE "personId" IN (OLD."personId")
      AND NOT EXISTS (SELECT 1
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant");
UPDATE "AttendeeFirst" SET "firstAt" = (SELECT MIN(e."startsAt")
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant")
    WHERE "personId" IN (OLD."personId");
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
DELETE
    FROM "AttendeeFirst"
    WHERE "personId" IN (OLD."personId", NEW."personId")
      AND NOT EXISTS (SELECT 1
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant");
UPDATE "AttendeeFirst" SET "firstAt" = (SELECT MIN(e."startsAt")
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant")
    WHERE "personId" IN (OLD."personId", NEW."personId");
  END IF;
  IF NEW."status" = 'attended' THEN
INSERT INTO "AttendeeFirst" ("anchorId", "activityId", "personId", "firstAt")
  SELECT pa."id", s."id", r."personId", e."startsAt"
 
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
   
    JOIN "Activity" s ON (s."id" = x."id" OR s."id" = x."parentId")
   
    JOIN "PeriodAnchor" pa ON pa."planId" = x."planId"
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant"
 
    WHERE r."id" = NEW."id"
      AND r."status" = 'attended'
  ON CONFLICT ("anchorId", "activityId",
      "personId") DO UPDATE SET "firstAt" = CASE WHEN excluded."firstAt" < "AttendeeFirst"."firstAt" THEN excluded."firstAt" ELSE "AttendeeFirst"."firstAt" END;
  END IF;
  RETURN NULL;
END`,
  },
  {
    name: 'nabo_event_first_v1',
    body: `BEGIN
DELETE
    FROM "AttendeeFirst"
    WHERE "personId" IN (SELECT "personId"
    FROM "Attendance"
    WHERE "eventId" = NEW."id"
      AND "status" = 'attended')
      AND NOT EXISTS (SELECT 1
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant");
UPDATE "AttendeeFirst" SET "firstAt" = (SELECT MIN(e."startsAt")
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
    JOIN "PeriodAnchor" pa ON pa."id" = "AttendeeFirst"."anchorId"
    WHERE r."personId" = "AttendeeFirst"."personId"
      AND r."status" = 'attended'
      AND (x."id" = "AttendeeFirst"."activityId" OR x."parentId" = "AttendeeFirst"."activityId")
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant")
    WHERE "personId" IN (SELECT "personId"
    FROM "Attendance"
    WHERE "eventId" = NEW."id"
      AND "status" = 'attended');
INSERT INTO "AttendeeFirst" ("anchorId", "activityId", "personId", "firstAt")
  SELECT pa."id", s."id", r."personId", e."startsAt"
 
    FROM "Attendance" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Activity" x ON x."id" = e."activityId"
   
    JOIN "Activity" s ON (s."id" = x."id" OR s."id" = x."parentId")
   
    JOIN "PeriodAnchor" pa ON pa."planId" = x."planId"
      AND e."startsAt" >= pa."fromInstant"
      AND e."startsAt" < pa."toInstant"
 
    WHERE r."eventId" = NEW."id"
      AND r."status" = 'attended'
  ON CONFLICT ("anchorId", "activityId",
      "personId") DO UPDATE SET "firstAt" = CASE WHEN excluded."firstAt" < "AttendeeFirst"."firstAt" THEN excluded."firstAt" ELSE "AttendeeFirst"."firstAt" END;
  RETURN NULL;
END`,
  },
  {
    name: 'nabo_attendee_count_v1',
    body: `BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "AttendeeCount" ("anchorId", "activityId", "people") VALUES (NEW."anchorId", NEW."activityId", 1)
      ON CONFLICT ("anchorId", "activityId") DO UPDATE SET "people" = "AttendeeCount"."people" + 1;
  ELSE
    UPDATE "AttendeeCount" SET "people" = "people" - 1
    WHERE "anchorId" = OLD."anchorId"
      AND "activityId" = OLD."activityId";
  END IF;
  RETURN NULL;
END`,
  },
];

export const PG_PROGRESS_TRIGGERS: readonly { name: string; table: string; on: string; fn: string }[] = [
  { name: 'Delivery_totals_v1', table: 'Delivery', on: 'AFTER INSERT OR UPDATE OR DELETE ON "Delivery" FOR EACH ROW', fn: 'nabo_delivery_totals_v1' },
  { name: 'Attendance_first_insert_delete_v1', table: 'Attendance', on: 'AFTER INSERT OR DELETE ON "Attendance" FOR EACH ROW', fn: 'nabo_attendee_first_v1' },
  {
    name: 'Attendance_first_update_v1',
    table: 'Attendance',
    on: 'AFTER UPDATE OF "status", "eventId", "personId" ON "Attendance" FOR EACH ROW',
    fn: 'nabo_attendee_first_v1',
  },
  {
    name: 'Event_first_move_v1',
    table: 'Event',
    on: 'AFTER UPDATE OF "startsAt", "activityId" ON "Event" FOR EACH ROW WHEN (OLD."startsAt" IS DISTINCT FROM NEW."startsAt" OR OLD."activityId" IS DISTINCT FROM NEW."activityId")',
    fn: 'nabo_event_first_v1',
  },
  { name: 'AttendeeFirst_count_v1', table: 'AttendeeFirst', on: 'AFTER INSERT OR DELETE ON "AttendeeFirst" FOR EACH ROW', fn: 'nabo_attendee_count_v1' },
];
