-- AlterTable
ALTER TABLE "ChannelIdentity" ADD COLUMN "address" TEXT;
ALTER TABLE "ChannelIdentity" ADD COLUMN "blockedAt" DATETIME;

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ProcessedUpdate_createdAt_idx" ON "ProcessedUpdate"("createdAt");
