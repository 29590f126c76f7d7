-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "glossary" TEXT NOT NULL DEFAULT '{}';
