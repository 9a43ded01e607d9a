-- AlterTable
ALTER TABLE "PrivacyArchive" DROP COLUMN "content",
ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "jobRunId" TEXT;

-- CreateTable
CREATE TABLE "PrivacyArchiveChunk" (
    "archiveId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "PrivacyArchiveChunk_pkey" PRIMARY KEY ("archiveId","seq")
);

-- CreateTable
CREATE TABLE "PrivacyRequest" (
    "id" TEXT NOT NULL,
    "portalId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectUserId" INTEGER NOT NULL,
    "requestedBy" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "jobRunId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PrivacyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PrivacyRequest_portalId_createdAt_idx" ON "PrivacyRequest"("portalId", "createdAt");

-- CreateIndex
CREATE INDEX "PrivacyRequest_portalId_subjectUserId_idx" ON "PrivacyRequest"("portalId", "subjectUserId");

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyArchive_jobRunId_key" ON "PrivacyArchive"("jobRunId");

-- AddForeignKey
ALTER TABLE "PrivacyArchiveChunk" ADD CONSTRAINT "PrivacyArchiveChunk_archiveId_fkey" FOREIGN KEY ("archiveId") REFERENCES "PrivacyArchive"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrivacyRequest" ADD CONSTRAINT "PrivacyRequest_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

