-- AlterTable
ALTER TABLE "Officer" ADD COLUMN     "offersPausedAt" TIMESTAMPTZ(3),
ADD COLUMN     "offersPausedUntil" TIMESTAMPTZ(3),
ADD COLUMN     "quietHoursEnd" TEXT,
ADD COLUMN     "quietHoursStart" TEXT;

-- CreateTable
CREATE TABLE "PayrollPeriod" (
    "id" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closedAt" TIMESTAMPTZ(3),
    "closedBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayrollPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayrollEntry" (
    "id" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "officerId" UUID NOT NULL,
    "assignmentId" UUID,
    "requestId" UUID,
    "kind" TEXT NOT NULL,
    "minutes" JSONB NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "lines" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayrollEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PayrollPeriod_agencyId_startDate_key" ON "PayrollPeriod"("agencyId", "startDate");

-- CreateIndex
CREATE INDEX "PayrollEntry_periodId_officerId_idx" ON "PayrollEntry"("periodId", "officerId");

-- CreateIndex
CREATE INDEX "PayrollEntry_assignmentId_idx" ON "PayrollEntry"("assignmentId");

-- AddForeignKey
ALTER TABLE "PayrollEntry" ADD CONSTRAINT "PayrollEntry_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PayrollPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayrollEntry" ADD CONSTRAINT "PayrollEntry_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
