-- CreateTable
CREATE TABLE "RequestAmendment" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "proposedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestData" JSONB NOT NULL,
    "quote" JSONB NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "previousTotalCents" INTEGER NOT NULL,
    "outcome" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RequestAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestAmendment_requestId_status_idx" ON "RequestAmendment"("requestId", "status");

-- AddForeignKey
ALTER TABLE "RequestAmendment" ADD CONSTRAINT "RequestAmendment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
