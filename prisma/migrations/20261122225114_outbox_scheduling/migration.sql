-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "reminderHoursBefore" INTEGER;

-- AlterTable
ALTER TABLE "SignUp" ADD COLUMN "offerExpiresAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "dueAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "refId" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "channel", "createdAt", "dueAt", "id", "kind", "lastError", "payload", "personId", "sentAt", "status") SELECT "attempts", "channel", "createdAt", "dueAt", "id", "kind", "lastError", "payload", "personId", "sentAt", "status" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE INDEX "OutboxMessage_status_dueAt_idx" ON "OutboxMessage"("status", "dueAt");
CREATE UNIQUE INDEX "OutboxMessage_kind_refId_key" ON "OutboxMessage"("kind", "refId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SignUp_status_offerExpiresAt_idx" ON "SignUp"("status", "offerExpiresAt");
