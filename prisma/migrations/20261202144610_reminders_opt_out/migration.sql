-- AlterTable
ALTER TABLE "Person" ADD COLUMN "remindersOffAt" DATETIME;
