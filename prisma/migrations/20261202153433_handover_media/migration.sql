-- AlterTable
ALTER TABLE "HandoverRequest" ADD COLUMN "mediaFileId" TEXT;
ALTER TABLE "HandoverRequest" ADD COLUMN "mediaKind" TEXT;
