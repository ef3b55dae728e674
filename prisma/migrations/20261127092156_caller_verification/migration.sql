-- CreateTable
CREATE TABLE "CallerVerification" (
    "id" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "callSid" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3),
    "messageId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallerVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CallerVerification_callSid_idx" ON "CallerVerification"("callSid");

-- CreateIndex
CREATE INDEX "CallerVerification_agencyId_phone_createdAt_idx" ON "CallerVerification"("agencyId", "phone", "createdAt");
