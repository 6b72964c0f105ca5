// The payloads of the hub's events, for the writers that record them (case, transfer and assist
// modules) and the subscription resolvers that read them. Times are ISO-8601 strings, as stored.
import type { AssistKind, AssistStatus, CaseEventType, CaseStage, TransferStatus } from '../generated/prisma/enums';
import type { HubEventInput } from './types';

/** CASE_UPDATED: one lifecycle step of a case committed. */
export type CaseUpdatedPayload = {
  caseId: string;
  caseNo: string;
  stage: CaseStage;
  version: number;
  /** The CaseEvent type of the step (REGISTERED, FILED, CORRECTED…). */
  eventType: CaseEventType;
  occurredAt: string;
};

/** TRANSFER_STATUS_CHANGED: a transfer (移送/移交) moved to a new status. */
export type TransferStatusPayload = {
  transferId: string;
  caseId: string;
  transferNo: string;
  status: TransferStatus;
  /** The platform's sequence number of the status callback, when the change came from the platform. */
  platformSequence: number | null;
  occurredAt: string;
  /** What the status carries (return reason, platform case number…); no personal data. */
  detail: Record<string, unknown> | null;
};

/** ASSIST_REQUEST_UPDATED: a co-handling request (协办) was made or changed status. */
export type AssistRequestPayload = {
  assistRequestId: string;
  caseId: string;
  fromDepartmentCode: string;
  toDepartmentCode: string;
  status: AssistStatus;
  kind: AssistKind;
  dueAt: string | null;
  occurredAt: string;
};

/** The event of a case step; the handling department is the one it concerns. */
export function caseUpdatedEvent(payload: CaseUpdatedPayload, handlingDepartmentCode: string): HubEventInput {
  return { topic: 'CASE_UPDATED', caseId: payload.caseId, departmentCodes: [handlingDepartmentCode], payload: { ...payload } };
}

/** For the transfer module: `events.record(tx, transferStatusEvent(payload, [from, to]))`. */
export function transferStatusEvent(payload: TransferStatusPayload, departmentCodes: string[]): HubEventInput {
  return { topic: 'TRANSFER_STATUS_CHANGED', caseId: payload.caseId, transferId: payload.transferId, departmentCodes, payload: { ...payload } };
}

/** For the assist module: departmentCodes are the requesting and the asked department. */
export function assistRequestEvent(payload: AssistRequestPayload): HubEventInput {
  return {
    topic: 'ASSIST_REQUEST_UPDATED',
    caseId: payload.caseId,
    assistRequestId: payload.assistRequestId,
    departmentCodes: [payload.fromDepartmentCode, payload.toDepartmentCode],
    payload: { ...payload },
  };
}

/** What happened to a 12345 work order (the hotline's event, or the hub's own action on it). */
export type WorkOrderChange =
  | 'DISPATCHED'
  | 'REDISPATCHED'
  | 'URGED'
  | 'RECALLED'
  | 'EVALUATED'
  | 'EXTENSION_DECIDED'
  | 'SYNCED'
  | 'ACTION_QUEUED'
  | 'ACTION_CONFIRMED'
  | 'ACTION_REFUSED'
  | 'CASE_LINKED'
  | 'REPLY_OFFERED'
  | 'ROUTED';

/** WORK_ORDER_UPDATED: no personal data (the requester is never in an event). */
export type WorkOrderUpdatedPayload = {
  workOrderId: string;
  orderNo: string;
  status: string;
  version: number;
  dispatchRound: number;
  change: WorkOrderChange;
  /** SIGN | REPLY | RETURN | EXTENSION for ACTION_* changes. */
  action: string | null;
  departmentCode: string | null;
  urgeCount: number;
  caseId: string | null;
  occurredAt: string;
};

/** departmentCodes: the street team the order is routed to (none while unrouted). */
export function workOrderUpdatedEvent(payload: WorkOrderUpdatedPayload): HubEventInput {
  return {
    topic: 'WORK_ORDER_UPDATED',
    workOrderId: payload.workOrderId,
    caseId: payload.caseId,
    departmentCodes: payload.departmentCode ? [payload.departmentCode] : [],
    payload: { ...payload },
  };
}

/** SUPERVISION_ALERT: a 督办 item was raised (by the deadline scheduler or a supervisor) or changed. */
export type SupervisionAlertPayload = {
  supervisionItemId: string;
  targetType: string;
  targetId: string;
  /** Case number, transfer number or order number of the target. */
  reference: string;
  deadlineKind: string | null;
  reason: string;
  level: string;
  status: string;
  departmentCode: string;
  dueAt: string;
  /** RAISED, ISSUED, RESPONDED, CLOSED */
  change: string;
  occurredAt: string;
};

/** departmentCodes: the department that must act. */
export function supervisionAlertEvent(payload: SupervisionAlertPayload, caseId: string | null): HubEventInput {
  return { topic: 'SUPERVISION_ALERT', caseId, departmentCodes: [payload.departmentCode], payload: { ...payload } };
}
