-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "remindersOffAt" TIMESTAMP(3);
