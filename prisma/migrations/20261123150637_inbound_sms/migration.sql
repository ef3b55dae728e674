-- CreateTable
CREATE TABLE "InboundSms" (
    "seq" BIGSERIAL NOT NULL,
    "providerId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "media" JSONB NOT NULL DEFAULT '[]',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InboundSms_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundSms_providerId_key" ON "InboundSms"("providerId");

-- CreateIndex
CREATE INDEX "InboundSms_agencyId_from_seq_idx" ON "InboundSms"("agencyId", "from", "seq");

-- The recovery sweep looks for webhooks stored but never acted on (their job was lost): only
-- those rows are indexed. Not expressible in schema.prisma (partial index).
CREATE INDEX "InboundSms_unprocessed" ON "InboundSms" ("receivedAt") WHERE "processedAt" IS NULL;
