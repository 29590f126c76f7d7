-- CreateTable
CREATE TABLE "PeriodAnchor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromDate" DATETIME NOT NULL,
    "toDate" DATETIME NOT NULL,
    "fromInstant" DATETIME NOT NULL,
    "toInstant" DATETIME NOT NULL,
    CONSTRAINT "PeriodAnchor_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliveryTotal" (
    "anchorId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deliveries" INTEGER NOT NULL,
    "occurrences" INTEGER NOT NULL,
    "participants" INTEGER NOT NULL,
    "newParticipants" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "completedOf" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "satisfiedOf" INTEGER NOT NULL,
    "volunteers" INTEGER NOT NULL,
    "volunteerHours" REAL NOT NULL,

    PRIMARY KEY ("anchorId", "activityId", "kind"),
    CONSTRAINT "DeliveryTotal_anchorId_fkey" FOREIGN KEY ("anchorId") REFERENCES "PeriodAnchor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttendeeFirst" (
    "anchorId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "firstAt" DATETIME NOT NULL,

    PRIMARY KEY ("anchorId", "activityId", "personId"),
    CONSTRAINT "AttendeeFirst_anchorId_fkey" FOREIGN KEY ("anchorId") REFERENCES "PeriodAnchor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttendeeCount" (
    "anchorId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "people" INTEGER NOT NULL,

    PRIMARY KEY ("anchorId", "activityId"),
    CONSTRAINT "AttendeeCount_anchorId_fkey" FOREIGN KEY ("anchorId") REFERENCES "PeriodAnchor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PeriodAnchor_planId_fromDate_idx" ON "PeriodAnchor"("planId", "fromDate");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodAnchor_planId_kind_fromDate_key" ON "PeriodAnchor"("planId", "kind", "fromDate");

-- CreateIndex
CREATE INDEX "DeliveryTotal_activityId_idx" ON "DeliveryTotal"("activityId");

-- CreateIndex
CREATE INDEX "AttendeeFirst_anchorId_activityId_firstAt_idx" ON "AttendeeFirst"("anchorId", "activityId", "firstAt");

-- CreateIndex
CREATE INDEX "AttendeeFirst_personId_idx" ON "AttendeeFirst"("personId");
