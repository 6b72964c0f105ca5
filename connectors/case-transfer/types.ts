// The case-transfer platform's data (两法衔接, case-transfer.openapi.yaml v2.1.0), typed exactly as
// its schemas define them. Timestamps stay strings as the contract sends them (ISO-8601 with
// offset, emitted as +08:00); optional fields are omitted, never null.

/** `^LT[0-9]{14}$`, e.g. LT20250318000127 */
export const TRANSFER_ID_PATTERN = /^LT[0-9]{14}$/;
/** Idempotency-Key: 8–64 characters of [A-Za-z0-9-] (a UUID is recommended). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
/** Lowercase hex SHA-256. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const UPLOAD_ID_PATTERN = /^UP[0-9A-Za-z]{20,40}$/;
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
export const ID_NUMBER_PATTERN = /^[0-9]{17}[0-9X]$/;
/** Yuan with exactly two decimals. */
export const MONEY_PATTERN = /^(0|[1-9][0-9]{0,12})\.[0-9]{2}$/;
/** ISO-8601 date-time with an explicit offset (inputs without one are rejected). */
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Uploads: 1 byte to 50 MiB. */
export const MAX_UPLOAD_BYTES = 52_428_800;

// ───────────────────────────── auth ─────────────────────────────

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export const TOKEN_ERROR_CODES = ['invalid_request', 'invalid_client', 'unsupported_grant_type', 'rate_limited'] as const;
export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number];

export interface TokenError {
  error: TokenErrorCode;
  error_description?: string;
}

// ───────────────────────────── uploads and materials ─────────────────────────────

export interface Upload {
  uploadId: string;
  sha256: string;
  sizeBytes: number;
  /** Expiry if not referenced by a transfer (72 h after the upload). */
  expiresAt: string;
}

/** TRANSFER_LETTER 移送书 | INVESTIGATION_REPORT 调查报告 | EVIDENCE_LIST 涉案物品清单 | INSPECTION_REPORT 检验报告或鉴定结论 | OTHER 其他材料 */
export const MATERIAL_KINDS = ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT', 'OTHER'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** A transfer needs at least one material of each (else 422 MATERIALS_INCOMPLETE with missingKinds). */
export const MANDATORY_MATERIAL_KINDS = ['TRANSFER_LETTER', 'INVESTIGATION_REPORT', 'EVIDENCE_LIST', 'INSPECTION_REPORT'] as const;
export type MandatoryMaterialKind = (typeof MANDATORY_MATERIAL_KINDS)[number];

export interface Material {
  kind: MaterialKind;
  title: string;
  sha256: string;
  sizeBytes: number;
  /** Must exist, belong to the caller and match sha256/sizeBytes (else 422). */
  uploadId: string;
}

// ───────────────────────────── transfer request ─────────────────────────────

/** PUBLIC_SECURITY 公安机关 | PROCURATORATE 人民检察院 | SUPERVISORY_COMMISSION 监察委员会 */
export const RECEIVING_UNIT_KINDS = ['PUBLIC_SECURITY', 'PROCURATORATE', 'SUPERVISORY_COMMISSION'] as const;
export type ReceivingUnitKind = (typeof RECEIVING_UNIT_KINDS)[number];

export interface TransferringUnit {
  name: string;
  uscc: string;
}

export interface ReceivingUnit {
  name: string;
  /** The receiving unit's USCC, as listed in the platform's unit directory. */
  code: string;
  kind: ReceivingUnitKind;
}

export const PARTY_KINDS = ['PERSON', 'ORGANIZATION'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
/** SUSPECT 涉嫌人 | VICTIM 被害人 | WITNESS 证人 */
export const PARTY_ROLES = ['SUSPECT', 'VICTIM', 'WITNESS'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** A PERSON never carries uscc, an ORGANIZATION never idNumber; a suspect carries its code. */
export interface Party {
  kind: PartyKind;
  name: string;
  idNumber?: string;
  uscc?: string;
  role: PartyRole;
}

export interface Location {
  address: string;
  lng?: number;
  lat?: number;
}

export interface TransferRequest {
  /** 移送文书号, unique per transferring unit. */
  transferNo: string;
  /** The sender's administrative case number. */
  caseNo: string;
  caseName: string;
  transferringUnit: TransferringUnit;
  receivingUnit: ReceivingUnit;
  /** 涉嫌罪名, e.g. 非法经营罪 (at least one). */
  suspectedCharges: string[];
  /** 涉嫌犯罪事实 */
  facts: string;
  amountInvolved?: string;
  occurredAt: string;
  location: Location;
  /** At least one SUSPECT. */
  parties: Party[];
  /** 1–100. */
  materials: Material[];
}

export interface TransferAccepted {
  transferId: string;
  status: 'RECEIVED';
  receivedAt: string;
}

// ───────────────────────────── status ─────────────────────────────

export const TRANSFER_STATUSES = [
  'RECEIVED',
  'UNDER_REVIEW',
  'FILED',
  'NOT_FILED',
  'RETURNED',
  'RECONSIDERATION_REQUESTED',
  'RECONSIDERED_FILED',
  'RECONSIDERED_UPHELD',
  'WITHDRAWN',
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Statuses after which nothing happens any more. */
export const FINAL_TRANSFER_STATUSES: ReadonlyArray<TransferStatus> = ['FILED', 'RECONSIDERED_FILED', 'RECONSIDERED_UPHELD', 'WITHDRAWN'];

export interface HistoryEntry {
  status: TransferStatus;
  at: string;
  sequence: number;
  note?: string;
}

/** Status-specific fields; the same names are used in Transfer and in a callback's `detail`. */
export interface StatusDetail {
  /** 立案编号 (FILED, RECONSIDERED_FILED) */
  filedCaseNo?: string;
  /** 不予立案理由 (NOT_FILED) */
  notFiledReason?: string;
  /** 复议申请截止时间 (NOT_FILED) */
  reconsiderationDeadline?: string;
  /** 需补充的材料 (RETURNED) */
  missingItems?: string[];
  /** 维持不予立案的理由 (RECONSIDERED_UPHELD) */
  upheldReason?: string;
  note?: string;
}

export interface Transfer {
  transferId: string;
  transferNo: string;
  caseNo: string;
  caseName: string;
  receivingUnit: ReceivingUnit;
  status: TransferStatus;
  /** Sequence of the current status. */
  sequence: number;
  receivedAt: string;
  updatedAt: string;
  /** Each keeps the last value set, also after later transitions. */
  filedCaseNo?: string;
  notFiledReason?: string;
  reconsiderationDeadline?: string;
  missingItems?: string[];
  upheldReason?: string;
  /** All transitions, ascending by sequence (1..sequence, no gaps). */
  history: HistoryEntry[];
}

export interface TransferPage {
  items: Transfer[];
  /** Absent on the last page. */
  nextPageToken?: string;
}

// ───────────────────────────── actions ─────────────────────────────

export interface ReconsiderationRequest {
  /** 复议理由, 1–5000 characters. */
  reason: string;
  /** ≤50. */
  materials?: Material[];
}

export interface SupplementRequest {
  /** 1–50. */
  materials: Material[];
  note?: string;
}

export interface WithdrawRequest {
  reason: string;
}

export interface ActionResult {
  transferId: string;
  status: TransferStatus;
  sequence: number;
  at: string;
}

// ───────────────────────────── callbacks ─────────────────────────────

/** Body of `POST {hub}/callbacks/case-transfer/status`: one event per transition. */
export interface StatusEvent {
  /** UUID, unique per transition, identical on every retry. */
  eventId: string;
  transferId: string;
  transferNo: string;
  status: TransferStatus;
  /** Monotonic per transfer; equals the history entry's sequence. */
  sequence: number;
  occurredAt: string;
  detail: StatusDetail;
}

// ───────────────────────────── errors ─────────────────────────────

/** The `code` enum of the contract's Error schema, with its HTTP status. */
export const CASE_TRANSFER_ERROR_STATUS = {
  INVALID_ARGUMENT: 400,
  INVALID_PAGE_TOKEN: 400,
  CHECKSUM_MISMATCH: 400,
  TOKEN_EXPIRED: 401,
  INVALID_TOKEN: 401,
  NOT_FOUND: 404,
  IDEMPOTENCY_CONFLICT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  DUPLICATE_TRANSFER_NO: 409,
  INVALID_STATE: 409,
  DEADLINE_PASSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  MATERIALS_INCOMPLETE: 422,
  UPLOAD_NOT_FOUND: 422,
  MATERIAL_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type CaseTransferErrorCode = keyof typeof CASE_TRANSFER_ERROR_STATUS;
export const CASE_TRANSFER_ERROR_CODES = Object.keys(CASE_TRANSFER_ERROR_STATUS) as CaseTransferErrorCode[];

export interface CaseTransferErrorBody {
  code: CaseTransferErrorCode;
  message: string;
  requestId: string;
  /** MATERIALS_INCOMPLETE only. */
  missingKinds?: MandatoryMaterialKind[];
  /** DUPLICATE_TRANSFER_NO only. */
  existingTransferId?: string;
  /** INVALID_ARGUMENT, UPLOAD_NOT_FOUND, MATERIAL_MISMATCH: JSON pointer of the offending field. */
  field?: string;
}
