-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "handledAt" TIMESTAMPTZ(3);

-- Messages stored before this column existed were all acted on.
UPDATE "Message" SET "handledAt" = "createdAt" WHERE "direction" = 'inbound';

-- One open conversation per participant and channel: two first messages arriving together
-- must land in the same conversation. Not expressible in schema.prisma (partial index).
CREATE UNIQUE INDEX "Conversation_one_open_per_participant"
  ON "Conversation" ("agencyId", "channel", "participant", "role")
  WHERE "closedAt" IS NULL;
