-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN     "assigneeCode" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'PHONE',
ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "evaluatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "evaluationComment" TEXT,
ADD COLUMN     "extensionComment" TEXT,
ADD COLUMN     "extensionId" TEXT,
ADD COLUMN     "extensionReason" TEXT,
ADD COLUMN     "extensionRequestedDeadline" TIMESTAMPTZ(3),
ADD COLUMN     "extensionStatus" TEXT,
ADD COLUMN     "hotlineUpdatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lastActionError" TEXT,
ADD COLUMN     "lastUrgeReason" TEXT,
ADD COLUMN     "pendingAction" TEXT,
ADD COLUMN     "pendingSince" TIMESTAMPTZ(3),
ADD COLUMN     "powerItemCode" TEXT,
ADD COLUMN     "recallReason" TEXT,
ADD COLUMN     "relatedOrderNo" TEXT,
ADD COLUMN     "repliedBy" TEXT,
ADD COLUMN     "replyDraft" JSONB,
ADD COLUMN     "replyOverdue" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "replyResult" TEXT,
ADD COLUMN     "requesterAnonymous" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "returnReasonCode" TEXT,
ADD COLUMN     "returnReasonText" TEXT,
ADD COLUMN     "signOverdue" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "signedBy" TEXT,
ADD COLUMN     "urgeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "wantsReply" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PenaltyPublication" ADD COLUMN     "caseId" UUID,
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "decisionNo" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "duplicate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lastPolledAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextPollAt" TIMESTAMPTZ(3),
ADD COLUMN     "pollCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "record" JSONB,
ADD COLUMN     "rejectedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reportCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "HubEvent" ADD COLUMN     "workOrderId" UUID;

-- CreateIndex
CREATE INDEX "WorkOrder_hotlineUpdatedAt_idx" ON "WorkOrder"("hotlineUpdatedAt");

-- CreateIndex
CREATE INDEX "WorkOrder_status_replyDeadline_idx" ON "WorkOrder"("status", "replyDeadline");

-- CreateIndex
CREATE INDEX "PenaltyPublication_status_nextPollAt_idx" ON "PenaltyPublication"("status", "nextPollAt");

-- CreateIndex
CREATE INDEX "PenaltyPublication_caseId_idx" ON "PenaltyPublication"("caseId");

-- CreateIndex
CREATE INDEX "HubEvent_workOrderId_seq_idx" ON "HubEvent"("workOrderId", "seq");
