-- AlterTable
ALTER TABLE "ExtensionSession" ADD COLUMN     "revokedReason" TEXT,
ADD COLUMN     "uninstallCodeHash" TEXT;

-- CreateIndex
CREATE INDEX "MailLoggedEmail_createdAt_idx" ON "MailLoggedEmail"("createdAt");

