// Shapes of 公安机关 · 行政执法协作支持服务 v1 (public-security.wsdl), as node-soap sends and parses
// them, and the smaller shapes the client hands back to the hub.
//
// Minimum necessary (README "Public security"): identity verification answers only
// MATCH / MISMATCH / NOT_FOUND; the hub keeps nothing but that result and the verificationId.

export const PSB_NAMESPACE = 'urn:gov:psb:lawenforcement:v1';

export const PSB_OPERATIONS = [
  'VerifyIdentity',
  'BatchVerifyIdentity',
  'RequestEnforcementSupport',
  'QuerySupportRequest',
] as const;
export type PsbOperation = (typeof PSB_OPERATIONS)[number];

/** `SOAPAction: "<targetNamespace>/<Operation>"` (README "Shared conventions"). */
export function psbSoapAction(operation: PsbOperation): string {
  return `${PSB_NAMESPACE}/${operation}`;
}

/** BatchVerifyIdentityRequest/persons/person maxOccurs. */
export const PSB_MAX_BATCH = 20;

/** CASE_INVESTIGATION 案件调查取证 | DOCUMENT_SERVICE 文书送达 | PENALTY_ENFORCEMENT 处罚执行 */
export const VERIFICATION_PURPOSES = ['CASE_INVESTIGATION', 'DOCUMENT_SERVICE', 'PENALTY_ENFORCEMENT'] as const;
export type VerificationPurpose = (typeof VERIFICATION_PURPOSES)[number];

/** MATCH name and number belong together | MISMATCH number exists, name differs | NOT_FOUND number not registered. */
export const MATCH_RESULTS = ['MATCH', 'MISMATCH', 'NOT_FOUND'] as const;
export type MatchResult = (typeof MATCH_RESULTS)[number];

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** SUBMITTED → ACCEPTED → DISPATCHED → COMPLETED; SUBMITTED or ACCEPTED → DECLINED (declineReason). */
export const SUPPORT_STATUSES = ['SUBMITTED', 'ACCEPTED', 'DISPATCHED', 'COMPLETED', 'DECLINED'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const FINAL_SUPPORT_STATUSES: ReadonlySet<SupportStatus> = new Set<SupportStatus>(['COMPLETED', 'DECLINED']);

export const PSB_FAULT_CODES = [
  'AUTH_FAILED',
  'INVALID_REQUEST',
  'INVALID_ID_NUMBER',
  'REQUEST_NOT_FOUND',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type PsbFaultCode = (typeof PSB_FAULT_CODES)[number];

/** `RequestEnforcementSupportRequest/requestSerial` pattern. */
export const REQUEST_SERIAL_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

// ===== wire shapes (element content of the WSDL's operation elements) =====

/** tns:AppCredential (SOAP header; attributes unqualified). */
export interface AppCredential {
  appId: string;
  token: string;
}

export interface PersonType {
  /** Compared exactly after trimming; multi-part names use U+00B7 (·). 1–50 characters. */
  name: string;
  /** 居民身份证号, GB 11643-1999, upper-case X only. */
  idNumber: string;
}

export interface VerifyIdentityRequest extends PersonType {
  purpose: VerificationPurpose;
  /** The requesting unit's own case number (案件编号), 1–64 characters; audited. */
  caseNo: string;
}

export interface VerifyIdentityResponse {
  match: MatchResult;
  verifiedAt: Date;
  verificationId: string;
}

export interface BatchVerifyIdentityRequest {
  persons: { person: PersonType[] };
  purpose: VerificationPurpose;
  caseNo: string;
}

export interface BatchVerifyIdentityResult {
  idNumber: string;
  match: MatchResult;
}

export interface BatchVerifyIdentityResponse {
  /** One per person, in request order. */
  results: { result: BatchVerifyIdentityResult[] };
  verifiedAt: Date;
  verificationId: string;
}

export interface RequestingUnit {
  name: string;
  /** 统一社会信用代码 of the requesting unit. */
  uscc: string;
  contactName: string;
  contactPhone: string;
}

export interface SupportLocation {
  address: string;
  /** CGCS2000 decimal degrees. */
  lng: number;
  lat: number;
}

export interface StationType {
  name: string;
  code: string;
}

export interface RequestEnforcementSupportRequest {
  /** 请求流水号 [A-Za-z0-9-]{8,64}: a repeat within 24 h returns the original supportRequestId. */
  requestSerial?: string;
  caseNo: string;
  requestingUnit: RequestingUnit;
  location: SupportLocation;
  /** xsd:dateTime, sent as ISO-8601 with an explicit offset. */
  scheduledAt: string;
  expectedRisk: RiskLevel;
  /** 1–20. */
  officersNeeded: number;
  reason: string;
}

export interface RequestEnforcementSupportResponse {
  supportRequestId: string;
  status: SupportStatus;
  submittedAt: Date;
}

export interface QuerySupportRequestRequest {
  supportRequestId: string;
}

export interface QuerySupportRequestResponse {
  supportRequestId: string;
  status: SupportStatus;
  /** Set from ACCEPTED on. */
  assignedStation?: StationType;
  /** Set from DISPATCHED on. */
  dispatchedOfficers?: number;
  /** Set when DECLINED. */
  declineReason?: string;
  updatedAt: Date;
}

/** detail/tns:PsbFault of every soap:Fault. */
export interface PsbFault {
  code: PsbFaultCode;
  message: string;
  retryAfterSeconds?: number;
}

// ===== what the client takes and returns =====

/** One identity check; purpose and caseNo are mandatory and audited upstream. */
export type IdentityCheck = VerifyIdentityRequest;

/** Everything the hub may keep of a verification: the result and the verificationId. */
export interface VerificationOutcome {
  match: MatchResult;
  verificationId: string;
}

/**
 * A 警力支援 request as the hub submits it. `requestSerial` is mandatory here (optional in the
 * WSDL): the caller derives it from the hub's own assist-request id, so a repeat — a retry after
 * a timeout, or a redelivery — returns the original supportRequestId instead of creating a second
 * request.
 */
export interface EnforcementSupportRequest extends Omit<RequestEnforcementSupportRequest, 'requestSerial' | 'scheduledAt'> {
  requestSerial: string;
  /** A Date (sent as +08:00) or an ISO-8601 string with an explicit offset. */
  scheduledAt: Date | string;
}

export type SupportRequestReceipt = RequestEnforcementSupportResponse;

export type SupportRequestState = QuerySupportRequestResponse;
