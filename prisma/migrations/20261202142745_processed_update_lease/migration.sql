-- AlterTable
ALTER TABLE "ProcessedUpdate" ADD COLUMN "leaseUntil" DATETIME;
