-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('STREET_TEAM', 'DISTRICT_BUREAU', 'CITY_BUREAU', 'FUNCTIONAL_DEPT', 'PUBLIC_SECURITY', 'PROCURATORATE', 'HOTLINE_CENTER');

-- CreateEnum
CREATE TYPE "PowerCategory" AS ENUM ('CITY_APPEARANCE', 'OUTDOOR_ADVERTISING', 'ROAD_OCCUPATION', 'FORESTRY', 'INTERIOR_RENOVATION', 'EDUCATION_TRAINING', 'AFTER_SCHOOL_CARE', 'GAS', 'WASTE_BURNING', 'CULTURE', 'QUARRYING', 'FUNERAL', 'INTERNET_CAFE', 'RIVER_CHANNEL', 'HOUSING_RENTAL', 'CONSTRUCTION_WASTE', 'ILLEGAL_CONSTRUCTION', 'OTHER');

-- CreateEnum
CREATE TYPE "PenaltyKind" AS ENUM ('NO_PENALTY', 'WARNING', 'FINE', 'CONFISCATION', 'SUSPENSION', 'REVOCATION', 'BUSINESS_RESTRICTION');

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('PATROL', 'CITIZEN_REPORT', 'DIGITAL_CITY', 'HOTLINE_12345', 'DEPT_TRANSFER', 'VIDEO_DETECTION');

-- CreateEnum
CREATE TYPE "CaseStage" AS ENUM ('RECEIVED', 'FILED', 'NOT_FILED', 'INVESTIGATING', 'NOTIFIED', 'LEGAL_REVIEW', 'DECIDED', 'SERVED', 'EXECUTING', 'CLOSED', 'TRANSFERRED');

-- CreateEnum
CREATE TYPE "PartyKind" AS ENUM ('PERSON', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('RESPONDENT', 'RELATED');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('PHOTO', 'VIDEO', 'DOCUMENTARY', 'PHYSICAL', 'WITNESS_STATEMENT', 'PARTY_STATEMENT', 'INSPECTION_RECORD', 'EXPERT_OPINION', 'ELECTRONIC_DATA', 'PERMIT_CHECK');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('FILING_APPROVAL', 'NOT_FILED_DECISION', 'INSPECTION_RECORD', 'INQUIRY_RECORD', 'PRIOR_NOTICE', 'HEARING_NOTICE', 'LEGAL_REVIEW_OPINION', 'PENALTY_DECISION', 'SERVICE_RECEIPT', 'PAYMENT_RECEIPT', 'CLOSING_REPORT', 'TRANSFER_LETTER', 'OTHER');

-- CreateEnum
CREATE TYPE "LegalReviewOpinion" AS ENUM ('APPROVED', 'AMEND', 'REJECTED');

-- CreateEnum
CREATE TYPE "ServiceMethod" AS ENUM ('IN_PERSON', 'BY_POST', 'ELECTRONIC', 'LEFT_AT_DOMICILE', 'PUBLIC_NOTICE');

-- CreateEnum
CREATE TYPE "CaseEventType" AS ENUM ('REGISTERED', 'FILED', 'DECLINED', 'EVIDENCE_ADDED', 'PARTY_NOTIFIED', 'HEARING_REQUESTED', 'LEGAL_REVIEWED', 'DECIDED', 'SERVED', 'EXECUTION_RECORDED', 'CLOSED', 'CORRECTED', 'TRANSFERRED', 'PERMIT_CHECKED', 'IDENTITY_VERIFIED', 'ASSIST_REQUESTED', 'HANDED_OVER', 'REVIEWED');

-- CreateEnum
CREATE TYPE "IdentityResult" AS ENUM ('MATCH', 'MISMATCH', 'NOT_FOUND');

-- CreateEnum
CREATE TYPE "AssistKind" AS ENUM ('IDENTITY_CHECK', 'PERMIT_VERIFICATION', 'ONSITE_SUPPORT', 'EXPERT_DETERMINATION', 'DATA_REQUEST');

-- CreateEnum
CREATE TYPE "AssistStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'REPLIED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "TransferKind" AS ENUM ('JUDICIAL', 'INTERNAL');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SUBMITTED', 'RECEIVED', 'UNDER_REVIEW', 'FILED', 'NOT_FILED', 'RETURNED', 'RECONSIDERATION_REQUESTED', 'RECONSIDERED_FILED', 'RECONSIDERED_UPHELD', 'WITHDRAWN', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "WorkOrderStatus" AS ENUM ('DISPATCHED', 'SIGNED', 'REPLIED', 'RETURNED', 'RECALLED', 'CLOSED');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('PENDING', 'REPORTED', 'VALIDATING', 'PUBLISHED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SupervisionTargetType" AS ENUM ('CASE', 'ASSIST_REQUEST', 'TRANSFER', 'WORK_ORDER', 'PENALTY_PUBLICATION');

-- CreateEnum
CREATE TYPE "SupervisionReason" AS ENUM ('OVERDUE', 'COMPLAINT', 'REVIEW_FINDING', 'OTHER');

-- CreateEnum
CREATE TYPE "SupervisionLevel" AS ENUM ('REMINDER', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "SupervisionStatus" AS ENUM ('OPEN', 'RESPONDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'DEAD');

-- CreateTable
CREATE TABLE "Department" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "DepartmentKind" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "street" TEXT,
    "parentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" UUID NOT NULL,
    "badgeNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PowerItem" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "PowerCategory" NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "penaltyBasis" TEXT NOT NULL,
    "permitTypes" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PowerItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscretionTier" (
    "id" UUID NOT NULL,
    "powerItemId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "circumstance" TEXT NOT NULL,
    "penaltyKind" "PenaltyKind" NOT NULL,
    "fineMin" DECIMAL(14,2),
    "fineMax" DECIMAL(14,2),
    "requiresLegalReview" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DiscretionTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementCase" (
    "id" UUID NOT NULL,
    "caseNo" TEXT NOT NULL,
    "source" "CaseSource" NOT NULL,
    "sourceRef" TEXT,
    "powerItemId" UUID NOT NULL,
    "tierId" UUID,
    "departmentId" UUID NOT NULL,
    "stage" "CaseStage" NOT NULL,
    "summary" TEXT NOT NULL,
    "facts" TEXT,
    "address" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "lng" DECIMAL(10,6),
    "lat" DECIMAL(10,6),
    "serious" BOOLEAN NOT NULL DEFAULT false,
    "discoveredAt" TIMESTAMPTZ(3) NOT NULL,
    "registeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filedAt" TIMESTAMPTZ(3),
    "notFiledReason" TEXT,
    "notifiedAt" TIMESTAMPTZ(3),
    "hearingRequested" BOOLEAN NOT NULL DEFAULT false,
    "reviewedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "servedAt" TIMESTAMPTZ(3),
    "executedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "transferredAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EnforcementCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" UUID NOT NULL,
    "kind" "PartyKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalRepName" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseParty" (
    "caseId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "role" "PartyRole" NOT NULL DEFAULT 'RESPONDENT',

    CONSTRAINT "CaseParty_pkey" PRIMARY KEY ("caseId","partyId")
);

-- CreateTable
CREATE TABLE "CaseOfficer" (
    "caseId" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CaseOfficer_pkey" PRIMARY KEY ("caseId","officerId")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "description" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT,
    "size" INTEGER,
    "collectorId" UUID NOT NULL,
    "collectedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "docNo" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "sha256" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalReview" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reviewer" TEXT NOT NULL,
    "opinion" "LegalReviewOpinion" NOT NULL,
    "comments" TEXT NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LegalReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PenaltyDecision" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "decisionNo" TEXT NOT NULL,
    "kind" "PenaltyKind" NOT NULL,
    "fineAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "confiscatedAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "basis" TEXT NOT NULL,
    "reasoning" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "servedAt" TIMESTAMPTZ(3),
    "serviceMethod" "ServiceMethod",
    "paidAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "paidAt" TIMESTAMPTZ(3),

    CONSTRAINT "PenaltyDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" "CaseEventType" NOT NULL,
    "stageBefore" "CaseStage",
    "stageAfter" "CaseStage" NOT NULL,
    "payload" JSONB NOT NULL,
    "reason" TEXT,
    "actorSub" TEXT NOT NULL,
    "actorDept" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitCheck" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "permitNo" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "checkedBy" TEXT NOT NULL,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PermitCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityCheck" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "partyId" UUID,
    "result" "IdentityResult" NOT NULL,
    "verificationId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "checkedBy" TEXT NOT NULL,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdentityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistRequest" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "fromDepartmentId" UUID NOT NULL,
    "toDepartmentId" UUID NOT NULL,
    "kind" "AssistKind" NOT NULL,
    "question" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "AssistStatus" NOT NULL DEFAULT 'REQUESTED',
    "reply" TEXT,
    "declineReason" TEXT,
    "requestedBy" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMPTZ(3),
    "repliedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "externalRef" TEXT,
    "externalStatus" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AssistRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "TransferKind" NOT NULL,
    "transferNo" TEXT NOT NULL,
    "fromDepartmentId" UUID NOT NULL,
    "toDepartmentId" UUID,
    "receivingUnit" TEXT NOT NULL,
    "suspectedCharges" TEXT[],
    "facts" TEXT NOT NULL,
    "amountInvolved" DECIMAL(14,2),
    "status" "TransferStatus" NOT NULL DEFAULT 'DRAFT',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "platformTransferId" TEXT,
    "requestedBy" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "receivedAt" TIMESTAMPTZ(3),
    "decisionDueAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "detail" JSONB,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferMaterial" (
    "id" UUID NOT NULL,
    "transferId" UUID NOT NULL,
    "kind" "MaterialKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storagePath" TEXT NOT NULL,
    "uploadId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransferMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferStatusChange" (
    "id" UUID NOT NULL,
    "transferId" UUID NOT NULL,
    "status" "TransferStatus" NOT NULL,
    "sequence" INTEGER,
    "eventId" TEXT,
    "detail" JSONB,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransferStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrder" (
    "id" UUID NOT NULL,
    "orderNo" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "dispatchRound" INTEGER NOT NULL DEFAULT 1,
    "category" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "status" "WorkOrderStatus" NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "requesterName" TEXT,
    "requesterPhone" TEXT,
    "address" TEXT NOT NULL,
    "street" TEXT,
    "lng" DECIMAL(10,6),
    "lat" DECIMAL(10,6),
    "departmentId" UUID,
    "caseId" UUID,
    "dispatchedAt" TIMESTAMPTZ(3) NOT NULL,
    "signDeadline" TIMESTAMPTZ(3) NOT NULL,
    "replyDeadline" TIMESTAMPTZ(3) NOT NULL,
    "returnDeadline" TIMESTAMPTZ(3),
    "signedAt" TIMESTAMPTZ(3),
    "repliedAt" TIMESTAMPTZ(3),
    "evaluation" TEXT,
    "raw" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PenaltyPublication" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "status" "PublicationStatus" NOT NULL DEFAULT 'PENDING',
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "receiptId" TEXT,
    "reportedAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "rejections" JSONB,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PenaltyPublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionItem" (
    "id" UUID NOT NULL,
    "targetType" "SupervisionTargetType" NOT NULL,
    "targetId" TEXT NOT NULL,
    "deadlineKind" TEXT,
    "reason" "SupervisionReason" NOT NULL,
    "level" "SupervisionLevel" NOT NULL,
    "note" TEXT,
    "departmentId" UUID NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "SupervisionStatus" NOT NULL DEFAULT 'OPEN',
    "response" TEXT,
    "respondedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SupervisionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseReview" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reviewer" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "score" INTEGER NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditRecord" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sub" TEXT NOT NULL,
    "dept" TEXT,
    "roles" TEXT[],
    "purpose" TEXT,
    "operationType" TEXT NOT NULL,
    "operationName" TEXT,
    "fields" TEXT[],
    "caseIds" TEXT[],
    "personalFields" TEXT[],
    "outcome" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataSharingAgreement" (
    "id" UUID NOT NULL,
    "agreementNo" TEXT NOT NULL,
    "departmentId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "categories" "PowerCategory"[],
    "fields" TEXT[],
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validTo" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DataSharingAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "aggregateType" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 12,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundEvent" (
    "source" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,

    CONSTRAINT "InboundEvent_pkey" PRIMARY KEY ("source","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Officer_badgeNo_key" ON "Officer"("badgeNo");

-- CreateIndex
CREATE INDEX "Officer_departmentId_idx" ON "Officer"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "PowerItem_code_key" ON "PowerItem"("code");

-- CreateIndex
CREATE INDEX "PowerItem_category_idx" ON "PowerItem"("category");

-- CreateIndex
CREATE UNIQUE INDEX "DiscretionTier_powerItemId_level_key" ON "DiscretionTier"("powerItemId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementCase_caseNo_key" ON "EnforcementCase"("caseNo");

-- CreateIndex
CREATE INDEX "EnforcementCase_departmentId_registeredAt_idx" ON "EnforcementCase"("departmentId", "registeredAt");

-- CreateIndex
CREATE INDEX "EnforcementCase_stage_idx" ON "EnforcementCase"("stage");

-- CreateIndex
CREATE INDEX "EnforcementCase_source_idx" ON "EnforcementCase"("source");

-- CreateIndex
CREATE INDEX "EnforcementCase_street_idx" ON "EnforcementCase"("street");

-- CreateIndex
CREATE INDEX "EnforcementCase_powerItemId_idx" ON "EnforcementCase"("powerItemId");

-- CreateIndex
CREATE INDEX "EnforcementCase_registeredAt_id_idx" ON "EnforcementCase"("registeredAt", "id");

-- CreateIndex
CREATE INDEX "EnforcementCase_updatedAt_id_idx" ON "EnforcementCase"("updatedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Party_code_key" ON "Party"("code");

-- CreateIndex
CREATE INDEX "Party_name_idx" ON "Party"("name");

-- CreateIndex
CREATE INDEX "CaseParty_partyId_idx" ON "CaseParty"("partyId");

-- CreateIndex
CREATE INDEX "CaseOfficer_officerId_idx" ON "CaseOfficer"("officerId");

-- CreateIndex
CREATE INDEX "Evidence_caseId_idx" ON "Evidence"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_docNo_key" ON "Document"("docNo");

-- CreateIndex
CREATE INDEX "Document_caseId_idx" ON "Document"("caseId");

-- CreateIndex
CREATE INDEX "LegalReview_caseId_idx" ON "LegalReview"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "PenaltyDecision_caseId_key" ON "PenaltyDecision"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "PenaltyDecision_decisionNo_key" ON "PenaltyDecision"("decisionNo");

-- CreateIndex
CREATE INDEX "PenaltyDecision_decidedAt_idx" ON "PenaltyDecision"("decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_caseId_seq_key" ON "CaseEvent"("caseId", "seq");

-- CreateIndex
CREATE INDEX "PermitCheck_caseId_idx" ON "PermitCheck"("caseId");

-- CreateIndex
CREATE INDEX "IdentityCheck_caseId_idx" ON "IdentityCheck"("caseId");

-- CreateIndex
CREATE INDEX "AssistRequest_toDepartmentId_status_idx" ON "AssistRequest"("toDepartmentId", "status");

-- CreateIndex
CREATE INDEX "AssistRequest_fromDepartmentId_status_idx" ON "AssistRequest"("fromDepartmentId", "status");

-- CreateIndex
CREATE INDEX "AssistRequest_caseId_idx" ON "AssistRequest"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_transferNo_key" ON "Transfer"("transferNo");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_platformTransferId_key" ON "Transfer"("platformTransferId");

-- CreateIndex
CREATE INDEX "Transfer_caseId_idx" ON "Transfer"("caseId");

-- CreateIndex
CREATE INDEX "Transfer_status_idx" ON "Transfer"("status");

-- CreateIndex
CREATE INDEX "TransferMaterial_transferId_idx" ON "TransferMaterial"("transferId");

-- CreateIndex
CREATE UNIQUE INDEX "TransferStatusChange_eventId_key" ON "TransferStatusChange"("eventId");

-- CreateIndex
CREATE INDEX "TransferStatusChange_transferId_occurredAt_idx" ON "TransferStatusChange"("transferId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_orderNo_key" ON "WorkOrder"("orderNo");

-- CreateIndex
CREATE INDEX "WorkOrder_departmentId_status_idx" ON "WorkOrder"("departmentId", "status");

-- CreateIndex
CREATE INDEX "WorkOrder_caseId_idx" ON "WorkOrder"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "PenaltyPublication_decisionId_key" ON "PenaltyPublication"("decisionId");

-- CreateIndex
CREATE INDEX "PenaltyPublication_status_dueAt_idx" ON "PenaltyPublication"("status", "dueAt");

-- CreateIndex
CREATE INDEX "SupervisionItem_departmentId_status_idx" ON "SupervisionItem"("departmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionItem_targetType_targetId_deadlineKind_level_key" ON "SupervisionItem"("targetType", "targetId", "deadlineKind", "level");

-- CreateIndex
CREATE INDEX "CaseReview_caseId_idx" ON "CaseReview"("caseId");

-- CreateIndex
CREATE INDEX "AuditRecord_sub_at_idx" ON "AuditRecord"("sub", "at");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

-- CreateIndex
CREATE UNIQUE INDEX "DataSharingAgreement_agreementNo_key" ON "DataSharingAgreement"("agreementNo");

-- CreateIndex
CREATE INDEX "DataSharingAgreement_departmentId_idx" ON "DataSharingAgreement"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_aggregateType_aggregateId_idx" ON "OutboxMessage"("aggregateType", "aggregateId");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscretionTier" ADD CONSTRAINT "DiscretionTier_powerItemId_fkey" FOREIGN KEY ("powerItemId") REFERENCES "PowerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementCase" ADD CONSTRAINT "EnforcementCase_powerItemId_fkey" FOREIGN KEY ("powerItemId") REFERENCES "PowerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementCase" ADD CONSTRAINT "EnforcementCase_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "DiscretionTier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementCase" ADD CONSTRAINT "EnforcementCase_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParty" ADD CONSTRAINT "CaseParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseParty" ADD CONSTRAINT "CaseParty_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseOfficer" ADD CONSTRAINT "CaseOfficer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseOfficer" ADD CONSTRAINT "CaseOfficer_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_collectorId_fkey" FOREIGN KEY ("collectorId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalReview" ADD CONSTRAINT "LegalReview_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyDecision" ADD CONSTRAINT "PenaltyDecision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitCheck" ADD CONSTRAINT "PermitCheck_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityCheck" ADD CONSTRAINT "IdentityCheck_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistRequest" ADD CONSTRAINT "AssistRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistRequest" ADD CONSTRAINT "AssistRequest_fromDepartmentId_fkey" FOREIGN KEY ("fromDepartmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistRequest" ADD CONSTRAINT "AssistRequest_toDepartmentId_fkey" FOREIGN KEY ("toDepartmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_fromDepartmentId_fkey" FOREIGN KEY ("fromDepartmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_toDepartmentId_fkey" FOREIGN KEY ("toDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferMaterial" ADD CONSTRAINT "TransferMaterial_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferStatusChange" ADD CONSTRAINT "TransferStatusChange_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenaltyPublication" ADD CONSTRAINT "PenaltyPublication_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "PenaltyDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionItem" ADD CONSTRAINT "SupervisionItem_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReview" ADD CONSTRAINT "CaseReview_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataSharingAgreement" ADD CONSTRAINT "DataSharingAgreement_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
