-- AlterTable
ALTER TABLE "ProcessedUpdate" ADD COLUMN     "leaseUntil" TIMESTAMP(3);
