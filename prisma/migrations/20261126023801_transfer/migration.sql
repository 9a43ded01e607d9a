-- CreateEnum
CREATE TYPE "TransferItemState" AS ENUM ('planned', 'sending', 'moved', 'failed', 'skipped');

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "portalId" TEXT NOT NULL,
    "logId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentId" TEXT,
    "fromUserId" INTEGER NOT NULL,
    "receiverIds" INTEGER[],
    "startedBy" INTEGER NOT NULL,
    "jobRunId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "options" JSONB NOT NULL DEFAULT '{}',
    "plannedAt" TIMESTAMP(3),
    "movingSince" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "returnAt" TIMESTAMP(3),
    "returnState" TEXT,
    "forceReturn" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL DEFAULT 0,
    "moved" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferItem" (
    "id" BIGSERIAL NOT NULL,
    "transferId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "recordId" INTEGER NOT NULL,
    "fromUserId" INTEGER NOT NULL,
    "toUserId" INTEGER NOT NULL,
    "state" "TransferItemState" NOT NULL DEFAULT 'planned',
    "errorCode" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TransferItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DismissalWatch" (
    "portalId" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "DismissalWatch_pkey" PRIMARY KEY ("portalId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_logId_key" ON "Transfer"("logId");

-- CreateIndex
CREATE INDEX "Transfer_portalId_createdAt_idx" ON "Transfer"("portalId", "createdAt");

-- CreateIndex
CREATE INDEX "Transfer_returnState_returnAt_idx" ON "Transfer"("returnState", "returnAt");

-- CreateIndex
CREATE INDEX "TransferItem_transferId_state_seq_idx" ON "TransferItem"("transferId", "state", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "TransferItem_transferId_type_role_recordId_key" ON "TransferItem"("transferId", "type", "role", "recordId");

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_logId_fkey" FOREIGN KEY ("logId") REFERENCES "OperationLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferItem" ADD CONSTRAINT "TransferItem_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DismissalWatch" ADD CONSTRAINT "DismissalWatch_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

