-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "newsOffAt" TIMESTAMP(3),
ADD COLUMN     "topics" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "topic" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Broadcast_createdAt_idx" ON "Broadcast"("createdAt");
