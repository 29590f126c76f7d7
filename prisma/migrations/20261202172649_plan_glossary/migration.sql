-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Plan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "planYearStartMonth" INTEGER NOT NULL DEFAULT 6,
    "goals" TEXT NOT NULL DEFAULT '[]',
    "sources" TEXT NOT NULL DEFAULT '[]',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "statusThresholds" TEXT,
    "glossary" TEXT NOT NULL DEFAULT '{}',
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Plan" ("endDate", "goals", "id", "importedAt", "isDemo", "key", "name", "planYearStartMonth", "sources", "startDate", "statusThresholds") SELECT "endDate", "goals", "id", "importedAt", "isDemo", "key", "name", "planYearStartMonth", "sources", "startDate", "statusThresholds" FROM "Plan";
DROP TABLE "Plan";
ALTER TABLE "new_Plan" RENAME TO "Plan";
CREATE UNIQUE INDEX "Plan_key_key" ON "Plan"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
