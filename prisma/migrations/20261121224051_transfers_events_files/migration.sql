-- DropIndex
DROP INDEX "OutboxMessage_aggregateType_aggregateId_idx";

-- AlterTable
ALTER TABLE "Transfer" ADD COLUMN     "reconsiderationDeadline" TIMESTAMPTZ(3),
ADD COLUMN     "returnReason" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "HubEvent" (
    "seq" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "caseId" UUID,
    "transferId" UUID,
    "assistRequestId" UUID,
    "departmentCodes" TEXT[],
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HubEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "HubEvent_topic_seq_idx" ON "HubEvent"("topic", "seq");

-- CreateIndex
CREATE INDEX "HubEvent_caseId_seq_idx" ON "HubEvent"("caseId", "seq");

-- CreateIndex
CREATE INDEX "HubEvent_transferId_seq_idx" ON "HubEvent"("transferId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_seq_key" ON "OutboxMessage"("seq");

-- CreateIndex
CREATE INDEX "OutboxMessage_aggregateType_aggregateId_seq_idx" ON "OutboxMessage"("aggregateType", "aggregateId", "seq");
