-- CreateIndex
CREATE INDEX "Request_conversationId_idx" ON "Request"("conversationId");
