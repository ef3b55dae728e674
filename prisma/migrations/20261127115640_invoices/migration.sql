-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('draft', 'issued', 'paid', 'void');

-- CreateEnum
CREATE TYPE "BillingCycle" AS ENUM ('per_request', 'weekly', 'monthly');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "billingCycle" "BillingCycle" NOT NULL DEFAULT 'per_request';

-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "agencyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InvoiceCounter_pkey" PRIMARY KEY ("agencyId","year")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "customerId" UUID,
    "kind" TEXT NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'draft',
    "periodStart" TIMESTAMPTZ(3),
    "periodEnd" TIMESTAMPTZ(3),
    "cycleKey" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "totalCents" INTEGER NOT NULL,
    "correctsId" UUID,
    "issuedAt" TIMESTAMPTZ(3),
    "issuedBy" TEXT,
    "paidAt" TIMESTAMPTZ(3),
    "paidBy" TEXT,
    "paymentReference" TEXT,
    "voidedAt" TIMESTAMPTZ(3),
    "voidedBy" TEXT,
    "voidReason" TEXT,
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceItem" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "lines" JSONB NOT NULL,
    "billedMinutes" JSONB NOT NULL DEFAULT '[]',
    "totalCents" INTEGER NOT NULL,
    "voided" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_customerId_cycleKey_idx" ON "Invoice"("customerId", "cycleKey");

-- CreateIndex
CREATE INDEX "Invoice_agencyId_status_createdAt_idx" ON "Invoice"("agencyId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Invoice_customerId_createdAt_idx" ON "Invoice"("customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_agencyId_year_sequence_key" ON "Invoice"("agencyId", "year", "sequence");

-- CreateIndex
CREATE INDEX "InvoiceItem_invoiceId_idx" ON "InvoiceItem"("invoiceId");

-- CreateIndex
CREATE INDEX "InvoiceItem_requestId_idx" ON "InvoiceItem"("requestId");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceItem" ADD CONSTRAINT "InvoiceItem_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceItem" ADD CONSTRAINT "InvoiceItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A request is billed on at most one live (not void) invoice: completion, the cycle close and the
-- recovery sweep may all try, and only one wins. Not expressible in schema.prisma (partial index).
CREATE UNIQUE INDEX "InvoiceItem_one_live_per_request" ON "InvoiceItem" ("requestId") WHERE NOT "voided";

-- One live invoice per account and billing period: a repeated cycle close finds it; a voided one
-- may be replaced by its correction.
CREATE UNIQUE INDEX "Invoice_one_live_per_cycle" ON "Invoice" ("customerId", "cycleKey") WHERE "status" <> 'void' AND "cycleKey" IS NOT NULL;
