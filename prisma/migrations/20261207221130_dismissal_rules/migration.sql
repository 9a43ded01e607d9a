-- CreateTable
CREATE TABLE "DismissalRule" (
    "portalId" TEXT NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "colleagueId" INTEGER,
    "graceDays" INTEGER NOT NULL,
    "updatedBy" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DismissalRule_pkey" PRIMARY KEY ("portalId","departmentId")
);

-- CreateTable
CREATE TABLE "DismissalPlan" (
    "id" TEXT NOT NULL,
    "portalId" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "receiverId" INTEGER,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'planned',
    "transferId" TEXT,
    "problem" TEXT,
    "decidedBy" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DismissalPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DismissalPlan_state_dueAt_idx" ON "DismissalPlan"("state", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "DismissalPlan_portalId_userId_key" ON "DismissalPlan"("portalId", "userId");

-- AddForeignKey
ALTER TABLE "DismissalRule" ADD CONSTRAINT "DismissalRule_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DismissalPlan" ADD CONSTRAINT "DismissalPlan_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

