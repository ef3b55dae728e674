-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "slackTs" TEXT;

-- CreateIndex
CREATE INDEX "Conversation_slackThreadTs_idx" ON "Conversation"("slackThreadTs");
