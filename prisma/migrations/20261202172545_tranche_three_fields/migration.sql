-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "statusThresholds" TEXT;

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "priceAdults" INTEGER;
ALTER TABLE "Activity" ADD COLUMN "priceChildren" INTEGER;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "seriesId" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "volunteerHours" REAL;

-- CreateTable
CREATE TABLE "BroadcastPress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "broadcastId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "button" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BroadcastPress_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BroadcastTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "topic" TEXT,
    "buttons" TEXT NOT NULL DEFAULT '[]',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Broadcast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdById" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "topic" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "sendAt" DATETIME NOT NULL,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "withdrawnAt" DATETIME,
    "buttons" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Broadcast" ("audience", "createdAt", "createdById", "id", "recipients", "sendAt", "texts", "topic", "urgent", "withdrawnAt") SELECT "audience", "createdAt", "createdById", "id", "recipients", "sendAt", "texts", "topic", "urgent", "withdrawnAt" FROM "Broadcast";
DROP TABLE "Broadcast";
ALTER TABLE "new_Broadcast" RENAME TO "Broadcast";
CREATE INDEX "Broadcast_createdAt_idx" ON "Broadcast"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastPress_broadcastId_personId_button_key" ON "BroadcastPress"("broadcastId", "personId", "button");

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastTemplate_name_key" ON "BroadcastTemplate"("name");

-- CreateIndex
CREATE INDEX "Event_seriesId_idx" ON "Event"("seriesId");
