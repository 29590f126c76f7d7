-- CreateTable
CREATE TABLE "PeriodAnchor" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromDate" TIMESTAMP(3) NOT NULL,
    "toDate" TIMESTAMP(3) NOT NULL,
    "fromInstant" TIMESTAMP(3) NOT NULL,
    "toInstant" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeriodAnchor_pkey" PRIMARY KEY ("id")
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
    "volunteerHours" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "DeliveryTotal_pkey" PRIMARY KEY ("anchorId","activityId","kind")
);

-- CreateTable
CREATE TABLE "AttendeeFirst" (
    "anchorId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AttendeeFirst_pkey" PRIMARY KEY ("anchorId","activityId","personId")
);

-- CreateTable
CREATE TABLE "AttendeeCount" (
    "anchorId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "AttendeeCount_pkey" PRIMARY KEY ("anchorId","activityId")
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

-- AddForeignKey
ALTER TABLE "PeriodAnchor" ADD CONSTRAINT "PeriodAnchor_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryTotal" ADD CONSTRAINT "DeliveryTotal_anchorId_fkey" FOREIGN KEY ("anchorId") REFERENCES "PeriodAnchor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendeeFirst" ADD CONSTRAINT "AttendeeFirst_anchorId_fkey" FOREIGN KEY ("anchorId") REFERENCES "PeriodAnchor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendeeCount" ADD CONSTRAINT "AttendeeCount_anchorId_fkey" FOREIGN KEY ("anchorId") REFERENCES "PeriodAnchor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
