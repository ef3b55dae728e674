-- CreateIndex
CREATE INDEX "Request_customerId_status_idx" ON "Request"("customerId", "status");
