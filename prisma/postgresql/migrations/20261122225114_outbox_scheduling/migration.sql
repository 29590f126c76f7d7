-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "reminderHoursBefore" INTEGER;

-- AlterTable
ALTER TABLE "SignUp" ADD COLUMN     "offerExpiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "refId" TEXT,
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "SignUp_status_offerExpiresAt_idx" ON "SignUp"("status", "offerExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_kind_refId_key" ON "OutboxMessage"("kind", "refId");
