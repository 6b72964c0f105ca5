// The 12345 hotline's data (12345政务服务便民热线, hotline-12345.openapi.yaml v3.2.0), typed exactly
// as its schemas define them. Timestamps stay strings as the contract sends them (ISO-8601 with
// offset, emitted as +08:00); optional fields are omitted, never null.

/** 工单编号 `^SZ12345[0-9]{14}$`, e.g. SZ1234520250318000417 (yyyyMMdd + 6-digit serial). */
export const ORDER_NO_PATTERN = /^SZ12345[0-9]{14}$/;
/** 承办单位编码, e.g. 440309-GH-ZHZF. */
export const DEPT_CODE_PATTERN = /^[0-9A-Z-]{2,32}$/;
/** Mobile, or landline with area code. */
export const PHONE_PATTERN = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;
/** ISO-8601 date-time with an explicit offset (inputs without one are rejected). */
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** An opaque page token as the client passes it on (contract: maxLength 512). */
export const PAGE_TOKEN_PATTERN = /^[\x21-\x7e]{1,512}$/;

/** Attachments: at most 5 MiB decoded each, at most 9 per reply. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 9;
/** A request body over 30 MiB is refused with 413. */
export const MAX_REQUEST_BYTES = 30 * 1024 * 1024;

// ───────────────────────────── enums ─────────────────────────────

/** DISPATCHED 已派单 | SIGNED 已签收 | REPLIED 已反馈 | RETURNED 已退单 | RECALLED 已撤回 | CLOSED 已办结 */
export const WORK_ORDER_STATUSES = ['DISPATCHED', 'SIGNED', 'REPLIED', 'RETURNED', 'RECALLED', 'CLOSED'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** PHONE 电话 | WEB 网站 | APP i深圳 | WECHAT 微信 */
export const CHANNELS = ['PHONE', 'WEB', 'APP', 'WECHAT'] as const;
export type Channel = (typeof CHANNELS)[number];

/** CONSULTATION 咨询 | HELP 求助 | COMPLAINT 投诉 | REPORT 举报 | SUGGESTION 建议 */
export const CATEGORIES = ['CONSULTATION', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION'] as const;
export type Category = (typeof CATEGORIES)[number];

/** NORMAL 一般 | URGENT 紧急 | EMERGENCY 特急 */
export const URGENCIES = ['NORMAL', 'URGENT', 'EMERGENCY'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** SATISFIED 满意 | BASICALLY_SATISFIED 基本满意 | DISSATISFIED 不满意 */
export const EVALUATIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

/** NOT_OUR_JURISDICTION 非本单位职责 | INSUFFICIENT_INFO 信息不全无法办理 | DUPLICATE 重复工单 */
export const RETURN_REASON_CODES = ['NOT_OUR_JURISDICTION', 'INSUFFICIENT_INFO', 'DUPLICATE'] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

export const ATTACHMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

export const EXTENSION_DECISIONS = ['APPROVED', 'DENIED'] as const;
export type ExtensionDecision = (typeof EXTENSION_DECISIONS)[number];

// ───────────────────────────── work order ─────────────────────────────

/** name absent when anonymous; phone absent only when anonymous and wantsReply is false. */
export interface Requester {
  name?: string;
  /** Full number, for call-backs only: mask it (138****8000) wherever anyone else sees it. */
  phone?: string;
  anonymous: boolean;
  /** 是否需要回复 */
  wantsReply: boolean;
}

export interface WorkOrderLocation {
  address: string;
  /** 所属街道, e.g. 观湖街道 */
  street: string;
  lng?: number;
  lat?: number;
}

export interface WorkOrderAssignee {
  deptCode: string;
  deptName: string;
}

export interface WorkOrderEvaluation {
  result: Evaluation;
  comment?: string;
  evaluatedAt: string;
}

export interface WorkOrder {
  orderNo: string;
  /** Increments on every change. */
  version: number;
  /** 1 on first dispatch; +1 on each re-dispatch of the same orderNo. */
  dispatchRound: number;
  relatedOrderNo?: string;
  channel: Channel;
  category: Category;
  urgency: Urgency;
  /** ≤ 200 characters. */
  title: string;
  /** ≤ 10,000 characters. */
  content: string;
  requester: Requester;
  location: WorkOrderLocation;
  /** 权责清单事项编码, ≤ 64 characters. */
  powerItemCode?: string;
  assignee: WorkOrderAssignee;
  dispatchedAt: string;
  /** 签收时限 */
  signDeadline: string;
  /** 办结时限 (an approved extension replaces it) */
  replyDeadline: string;
  /** 退单时限, present once signed. */
  returnDeadline?: string;
  status: WorkOrderStatus;
  /** 催办次数 in the current round. */
  urgeCount: number;
  signedAt?: string;
  repliedAt?: string;
  closedAt?: string;
  signOverdue: boolean;
  replyOverdue: boolean;
  evaluation?: WorkOrderEvaluation;
  updatedAt: string;
}

export interface WorkOrderPage {
  items: WorkOrder[];
  /** Absent on the last page. */
  nextPageToken?: string;
}

// ───────────────────────────── actions ─────────────────────────────

export interface SignRequest {
  /** 签收人, at least 1 character. */
  signedBy: string;
}

export interface Attachment {
  /** ≤ 200 characters. */
  fileName: string;
  contentType: AttachmentContentType;
  /** Base64, at most 5 MiB decoded. */
  contentBase64: string;
}

export interface ReplyRequest {
  /** 办理结果, 10–2000 characters. */
  result: string;
  /** 办理人 */
  handledBy: string;
  handledAt: string;
  /** Enforcement case opened for this order, if any (≤ 64 characters). */
  linkedCaseNo?: string;
  /** ≤ 9. */
  attachments?: Attachment[];
}

export interface ReturnRequest {
  reasonCode: ReturnReasonCode;
  /** 5–1000 characters. */
  reasonText: string;
  /** Required when reasonCode is DUPLICATE. */
  duplicateOfOrderNo?: string;
}

export interface ExtensionRequest {
  /** 5–1000 characters. */
  reason: string;
  /** Must be after the current replyDeadline. */
  requestedDeadline: string;
}

export interface ExtensionAccepted {
  extensionId: string;
  status: 'PENDING';
  requestedAt: string;
}

// ───────────────────────────── webhooks ─────────────────────────────

export const WORK_ORDER_EVENT_TYPES = [
  'WORK_ORDER_DISPATCHED',
  'WORK_ORDER_URGED',
  'WORK_ORDER_RECALLED',
  'EVALUATION_RECEIVED',
  'EXTENSION_DECIDED',
] as const;
export type WorkOrderEventType = (typeof WORK_ORDER_EVENT_TYPES)[number];

/** Fields of every event (`EventBase`). */
interface EventBase {
  /** UUID, identical on every retry. */
  eventId: string;
  occurredAt: string;
  orderNo: string;
  /** The order's version after this event. */
  orderVersion: number;
}

/** 派单: data is the full work order (status DISPATCHED). */
export interface DispatchedEvent extends EventBase {
  type: 'WORK_ORDER_DISPATCHED';
  data: WorkOrder;
}

export interface UrgedEventData {
  urgeCount: number;
  reason: string;
}

/** 催办 */
export interface UrgedEvent extends EventBase {
  type: 'WORK_ORDER_URGED';
  data: UrgedEventData;
}

export interface RecalledEventData {
  reason: string;
}

/** 撤回: the order leaves the unit (status RECALLED); stop handling it. */
export interface RecalledEvent extends EventBase {
  type: 'WORK_ORDER_RECALLED';
  data: RecalledEventData;
}

export interface EvaluationEventData {
  evaluation: Evaluation;
  comment?: string;
}

/** 回访评价: the order becomes CLOSED. */
export interface EvaluationEvent extends EventBase {
  type: 'EVALUATION_RECEIVED';
  data: EvaluationEventData;
}

export interface ExtensionDecidedEventData {
  extensionId: string;
  decision: ExtensionDecision;
  /** The new deadline; present iff the decision is APPROVED (checked by parseWorkOrderEvent). */
  replyDeadline?: string;
  comment?: string;
}

/** 延期审批结果 */
export interface ExtensionDecidedEvent extends EventBase {
  type: 'EXTENSION_DECIDED';
  data: ExtensionDecidedEventData;
}

export type WorkOrderEvent = DispatchedEvent | UrgedEvent | RecalledEvent | EvaluationEvent | ExtensionDecidedEvent;

// ───────────────────────────── errors ─────────────────────────────

/** The `code` enum of the contract's Error schema, with its HTTP status. */
export const HOTLINE_ERROR_STATUS = {
  INVALID_ARGUMENT: 400,
  INVALID_PAGE_TOKEN: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  DEADLINE_PASSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type HotlineErrorCode = keyof typeof HOTLINE_ERROR_STATUS;
export const HOTLINE_ERROR_CODES = Object.keys(HOTLINE_ERROR_STATUS) as HotlineErrorCode[];

export interface HotlineErrorBody {
  code: HotlineErrorCode;
  message: string;
}
