-- CreateIndex
CREATE INDEX "WorkOrder_evaluatedAt_idx" ON "WorkOrder"("evaluatedAt");
