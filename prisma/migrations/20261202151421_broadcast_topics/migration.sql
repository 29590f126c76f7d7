-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdById" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "topic" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "sendAt" DATETIME NOT NULL,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL DEFAULT 'resident',
    "firstName" TEXT,
    "language" TEXT NOT NULL DEFAULT 'da',
    "housingAreaId" TEXT,
    "consentAt" DATETIME,
    "erasedAt" DATETIME,
    "remindersOffAt" DATETIME,
    "topics" TEXT NOT NULL DEFAULT '',
    "newsOffAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Person_housingAreaId_fkey" FOREIGN KEY ("housingAreaId") REFERENCES "HousingArea" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("consentAt", "createdAt", "erasedAt", "firstName", "housingAreaId", "id", "language", "remindersOffAt", "role") SELECT "consentAt", "createdAt", "erasedAt", "firstName", "housingAreaId", "id", "language", "remindersOffAt", "role" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Broadcast_createdAt_idx" ON "Broadcast"("createdAt");
