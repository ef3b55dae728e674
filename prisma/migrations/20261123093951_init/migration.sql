-- CreateEnum
CREATE TYPE "Rank" AS ENUM ('officer', 'sergeant', 'commander');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('sms', 'voice', 'web');

-- CreateEnum
CREATE TYPE "ConversationRole" AS ENUM ('customer', 'officer');

-- CreateEnum
CREATE TYPE "ConversationHolder" AS ENUM ('bot', 'dispatcher');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('received', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'recorded');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('draft', 'submitted', 'pending_approval', 'approved', 'denied', 'staffing', 'staffed', 'in_progress', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "PositionStatus" AS ENUM ('open', 'offered', 'filled', 'cancelled');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('sent', 'accepted', 'declined', 'filled_by_other', 'expired', 'withdrawn');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('assigned', 'checked_in', 'checked_out', 'dropped', 'no_show', 'cancelled');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('pending', 'approved', 'denied', 'escalated');

-- CreateEnum
CREATE TYPE "ApproverRole" AS ENUM ('supervisor', 'chief');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('customer', 'officer', 'supervisor', 'dispatcher', 'system');

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "phoneNumbers" TEXT[],
    "slackApprovalsChannel" TEXT,
    "slackDispatchChannel" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "badgeNumber" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "rank" "Rank" NOT NULL,
    "seniorityDate" DATE NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "assignedVehicle" TEXT,
    "livesInCity" BOOLEAN NOT NULL DEFAULT false,
    "regularDuty" JSONB NOT NULL DEFAULT '[]',
    "slackUserId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "name" TEXT,
    "organization" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "role" "ConversationRole" NOT NULL DEFAULT 'customer',
    "participant" TEXT NOT NULL,
    "customerId" UUID,
    "state" JSONB NOT NULL DEFAULT '{}',
    "stateName" TEXT NOT NULL DEFAULT 'collecting',
    "language" TEXT NOT NULL DEFAULT 'en',
    "holder" "ConversationHolder" NOT NULL DEFAULT 'bot',
    "holderId" TEXT,
    "slackThreadTs" TEXT,
    "misunderstoodCount" INTEGER NOT NULL DEFAULT 0,
    "lastMessageAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "channel" "Channel" NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "media" JSONB NOT NULL DEFAULT '[]',
    "providerId" TEXT,
    "status" "MessageStatus" NOT NULL,
    "statusUpdatedAt" TIMESTAMPTZ(3),
    "errorCode" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "agencyId" TEXT NOT NULL,
    "customerId" UUID,
    "conversationId" UUID,
    "status" "RequestStatus" NOT NULL DEFAULT 'draft',
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "officers" INTEGER NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'regular',
    "vehicles" INTEGER NOT NULL DEFAULT 0,
    "vehicleMiles" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "eventType" TEXT,
    "address" JSONB,
    "flags" JSONB NOT NULL DEFAULT '{}',
    "postOrders" TEXT,
    "requestedAt" TIMESTAMPTZ(3),
    "approvedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancellationFeeCents" INTEGER,
    "slackChannel" TEXT,
    "slackMessageTs" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteSnapshot" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "decision" TEXT NOT NULL,
    "quote" JSONB NOT NULL,
    "requestData" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "rank" "Rank" NOT NULL,
    "status" "PositionStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" UUID NOT NULL,
    "positionId" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "wave" INTEGER NOT NULL,
    "status" "OfferStatus" NOT NULL DEFAULT 'sent',
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "positionId" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'assigned',
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "checkedInAt" TIMESTAMPTZ(3),
    "checkedOutAt" TIMESTAMPTZ(3),
    "minutesWorked" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "role" "ApproverRole" NOT NULL,
    "decision" "ApprovalDecision" NOT NULL DEFAULT 'pending',
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "reason" TEXT,
    "reminders" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FieldNote" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "media" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FieldNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptOut" (
    "id" UUID NOT NULL,
    "agencyId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OptOut_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "agencyId" TEXT,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Officer_agencyId_active_rank_idx" ON "Officer"("agencyId", "active", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "Officer_agencyId_phone_key" ON "Officer"("agencyId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "Officer_agencyId_badgeNumber_key" ON "Officer"("agencyId", "badgeNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_agencyId_contact_key" ON "Customer"("agencyId", "contact");

-- CreateIndex
CREATE INDEX "Conversation_agencyId_channel_participant_closedAt_idx" ON "Conversation"("agencyId", "channel", "participant", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_providerId_key" ON "Message"("providerId");

-- CreateIndex
CREATE INDEX "Message_conversationId_createdAt_idx" ON "Message"("conversationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Request_number_key" ON "Request"("number");

-- CreateIndex
CREATE INDEX "Request_agencyId_status_start_idx" ON "Request"("agencyId", "status", "start");

-- CreateIndex
CREATE INDEX "QuoteSnapshot_requestId_createdAt_idx" ON "QuoteSnapshot"("requestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Position_requestId_index_key" ON "Position"("requestId", "index");

-- CreateIndex
CREATE INDEX "Offer_officerId_status_idx" ON "Offer"("officerId", "status");

-- CreateIndex
CREATE INDEX "Offer_code_idx" ON "Offer"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_positionId_officerId_key" ON "Offer"("positionId", "officerId");

-- CreateIndex
CREATE INDEX "Assignment_officerId_start_idx" ON "Assignment"("officerId", "start");

-- CreateIndex
CREATE INDEX "Assignment_positionId_idx" ON "Assignment"("positionId");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_requestId_role_key" ON "Approval"("requestId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "OptOut_agencyId_phone_key" ON "OptOut"("agencyId", "phone");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_at_idx" ON "AuditEvent"("agencyId", "at");

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteSnapshot" ADD CONSTRAINT "QuoteSnapshot_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldNote" ADD CONSTRAINT "FieldNote_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldNote" ADD CONSTRAINT "FieldNote_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptOut" ADD CONSTRAINT "OptOut_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;
