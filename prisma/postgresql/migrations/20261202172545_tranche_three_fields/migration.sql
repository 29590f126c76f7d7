-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "statusThresholds" TEXT;

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "priceAdults" INTEGER,
ADD COLUMN     "priceChildren" INTEGER;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "seriesId" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "volunteerHours" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN     "buttons" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "BroadcastPress" (
    "id" TEXT NOT NULL,
    "broadcastId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "button" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BroadcastPress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BroadcastTemplate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "topic" TEXT,
    "buttons" TEXT NOT NULL DEFAULT '[]',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BroadcastTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastPress_broadcastId_personId_button_key" ON "BroadcastPress"("broadcastId", "personId", "button");

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastTemplate_name_key" ON "BroadcastTemplate"("name");

-- CreateIndex
CREATE INDEX "Event_seriesId_idx" ON "Event"("seriesId");

-- AddForeignKey
ALTER TABLE "BroadcastPress" ADD CONSTRAINT "BroadcastPress_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE CASCADE ON UPDATE CASCADE;
