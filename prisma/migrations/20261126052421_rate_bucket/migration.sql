-- CreateTable
CREATE TABLE "RateBucket" (
    "portalId" TEXT NOT NULL,
    "level" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "RateBucket_pkey" PRIMARY KEY ("portalId")
);

-- AddForeignKey
ALTER TABLE "RateBucket" ADD CONSTRAINT "RateBucket_portalId_fkey" FOREIGN KEY ("portalId") REFERENCES "Portal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

