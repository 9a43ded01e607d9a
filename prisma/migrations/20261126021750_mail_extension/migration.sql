-- AlterTable
ALTER TABLE "ExtensionSession" ADD COLUMN     "claimChallenge" TEXT,
ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "MailLoggedEmail" (
    "portalId" TEXT NOT NULL,
    "messageIdHash" TEXT NOT NULL,
    "activityId" INTEGER NOT NULL,
    "ownerTypeId" INTEGER NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailLoggedEmail_pkey" PRIMARY KEY ("portalId","messageIdHash")
);

-- CreateIndex
CREATE INDEX "ExtensionSession_portalId_userId_idx" ON "ExtensionSession"("portalId", "userId");

-- AddForeignKey
ALTER TABLE "MailLoggedEmail" ADD CONSTRAINT "MailLoggedEmail_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

