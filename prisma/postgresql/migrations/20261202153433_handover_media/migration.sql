-- AlterTable
ALTER TABLE "HandoverRequest" ADD COLUMN     "mediaFileId" TEXT,
ADD COLUMN     "mediaKind" TEXT;
