-- AlterTable
ALTER TABLE "Transfer" ADD COLUMN     "noticeFailures" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "planFailures" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "settledBefore" INTEGER NOT NULL DEFAULT 0;

