// The social credit platform's data (公共信用信息共享平台, social-credit.wsdl), as the hub uses it.
// Field names are the WSDL's; xsd:dateTime values become Date (parsed from their explicit offset),
// xsd:date values stay 'YYYY-MM-DD' strings (Asia/Shanghai calendar dates).
import { validatePartyCode } from '../../src/domain/identifiers';

/** USCC subjects are LEGAL_PERSON (法人及非法人组织) or INDIVIDUAL_BUSINESS (个体工商户); ID numbers NATURAL_PERSON (自然人). */
export type SubjectType = 'LEGAL_PERSON' | 'NATURAL_PERSON' | 'INDIVIDUAL_BUSINESS';
export const SUBJECT_TYPES: readonly SubjectType[] = ['LEGAL_PERSON', 'NATURAL_PERSON', 'INDIVIDUAL_BUSINESS'];

/** 查询用途, audited by the platform: 执法检查 | 处罚裁量 | 日常监管. */
export type CreditQueryPurpose = 'LAW_ENFORCEMENT' | 'PENALTY_DECISION' | 'DAILY_SUPERVISION';
export const CREDIT_QUERY_PURPOSES: readonly CreditQueryPurpose[] = ['LAW_ENFORCEMENT', 'PENALTY_DECISION', 'DAILY_SUPERVISION'];

/** A 守信 | B 基本守信 | C 失信 | D 严重失信. */
export type CreditRating = 'A' | 'B' | 'C' | 'D';
export const CREDIT_RATINGS: readonly CreditRating[] = ['A', 'B', 'C', 'D'];

export type IdType = 'ID_CARD' | 'PASSPORT' | 'HK_MACAO_PERMIT' | 'TAIWAN_PERMIT' | 'FOREIGN_PERMANENT_RESIDENT_ID';
export const ID_TYPES: readonly IdType[] = ['ID_CARD', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT_RESIDENT_ID'];

/** 处罚类别 (行政处罚法 第九条). */
export type PenaltyCategory =
  | 'WARNING'
  | 'NOTICE_OF_CRITICISM'
  | 'FINE'
  | 'CONFISCATE_ILLEGAL_GAINS'
  | 'CONFISCATE_ILLEGAL_PROPERTY'
  | 'SUSPEND_LICENCE'
  | 'LOWER_QUALIFICATION'
  | 'REVOKE_LICENCE'
  | 'RESTRICT_BUSINESS'
  | 'ORDER_SUSPEND_BUSINESS'
  | 'ORDER_CLOSURE'
  | 'RESTRICT_EMPLOYMENT'
  | 'OTHER';
export const PENALTY_CATEGORIES: readonly PenaltyCategory[] = [
  'WARNING',
  'NOTICE_OF_CRITICISM',
  'FINE',
  'CONFISCATE_ILLEGAL_GAINS',
  'CONFISCATE_ILLEGAL_PROPERTY',
  'SUSPEND_LICENCE',
  'LOWER_QUALIFICATION',
  'REVOKE_LICENCE',
  'RESTRICT_BUSINESS',
  'ORDER_SUSPEND_BUSINESS',
  'ORDER_CLOSURE',
  'RESTRICT_EMPLOYMENT',
  'OTHER',
];

export type ReportStatusCode = 'RECEIVED' | 'VALIDATING' | 'PUBLISHED' | 'REJECTED';
export const REPORT_STATUSES: readonly ReportStatusCode[] = ['RECEIVED', 'VALIDATING', 'PUBLISHED', 'REJECTED'];

export type CreditFaultCode =
  | 'AUTH_FAILED'
  | 'INVALID_REQUEST'
  | 'INVALID_CODE'
  | 'SUBJECT_NOT_FOUND'
  | 'RECEIPT_NOT_FOUND'
  | 'DUPLICATE_REPORT'
  | 'QUOTA_EXCEEDED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR';
export const CREDIT_FAULT_CODES: readonly CreditFaultCode[] = [
  'AUTH_FAILED',
  'INVALID_REQUEST',
  'INVALID_CODE',
  'SUBJECT_NOT_FOUND',
  'RECEIPT_NOT_FOUND',
  'DUPLICATE_REPORT',
  'QUOTA_EXCEEDED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
];

/**
 * A black- or red-list entry (ListEntryType). listType codes include DISHONEST_JUDGMENT_DEBTOR,
 * SERIOUS_ILLEGAL_DISHONEST, MAJOR_TAX_VIOLATION (blacklist), A_TAXPAYER, CONTRACT_ABIDING (red list);
 * others must be accepted.
 */
export interface ListEntry {
  listType: string;
  listTypeName: string;
  reason: string;
  listedBy: string;
  listedAt: Date;
  /** Null = indefinite. */
  expiresAt: Date | null;
}

/** CreditProfileType. */
export interface CreditProfile {
  subjectCode: string;
  subjectType: SubjectType;
  subjectName: string;
  creditRating: CreditRating;
  /** True iff a blacklist entry has no expiresAt or one in the future (失信联合惩戒对象), as computed by the platform. */
  onBlacklist: boolean;
  blacklistEntries: ListEntry[];
  redlistEntries: ListEntry[];
  /** Administrative penalties currently in their publicity period. */
  penaltiesPublished: number;
  updatedAt: Date;
}

export interface BatchCreditProfileResult {
  profiles: CreditProfile[];
  /** Codes the platform has no record of. */
  notFound: string[];
}

/**
 * 行政处罚"双公示"数据项 (PenaltyRecordType), in the WSDL's element order. Conditional rules
 * (checked asynchronously by the platform, violations end in REJECTED) are in the WSDL annotation.
 */
export interface PenaltyRecord {
  /** 行政相对人名称 */
  partyName: string;
  /** 行政相对人类别 */
  partyCategory: SubjectType;
  /** Required for LEGAL_PERSON / INDIVIDUAL_BUSINESS, forbidden for NATURAL_PERSON. */
  uscc?: string;
  /** 法定代表人 / 经营者; required for LEGAL_PERSON / INDIVIDUAL_BUSINESS. */
  legalRepresentative?: string;
  /** With idNumber: required for NATURAL_PERSON (the party's own ID), else the legal representative's. */
  idType?: IdType;
  idNumber?: string;
  /** 行政处罚决定书文号 — the report's key. */
  decisionNo: string;
  violationType: string;
  facts: string;
  legalBasis: string;
  penaltyCategories: PenaltyCategory[];
  penaltyContent: string;
  /** 罚款金额 in 万元 with exactly 6 decimals ("0.500000" = 5,000.00 yuan): convert with yuanToWan. */
  fineAmount?: string;
  /** 没收金额 in 万元 with exactly 6 decimals: convert with yuanToWan. */
  confiscatedAmount?: string;
  /** 暂扣或吊销证照名称及编号; required iff SUSPEND_LICENCE or REVOKE_LICENCE. */
  licenceAffected?: string;
  /** YYYY-MM-DD */
  decisionDate: string;
  /** YYYY-MM-DD (2099-12-31 = 长期) */
  validUntil: string;
  /** YYYY-MM-DD, between decisionDate + 3 months and + 3 years */
  publicUntil: string;
  authorityName: string;
  authorityUscc: string;
  sourceUnit: string;
  sourceUnitUscc: string;
  remarks?: string;
}

/** The answer to ReportAdministrativePenalty. */
export interface ReportReceipt {
  receiptId: string;
  /** Null when the report was a duplicate: the platform only returns the original receiptId then. */
  acceptedAt: Date | null;
  /** True when the platform answered DUPLICATE_REPORT: the decision was already reported and this is the original receipt. */
  duplicate: boolean;
}

/** RejectReasonType. */
export interface RejectReason {
  code: string;
  field: string | null;
  message: string;
}

/** QueryReportStatusResponse: RECEIVED → VALIDATING → PUBLISHED | REJECTED. */
export interface ReportStatus {
  receiptId: string;
  decisionNo: string;
  status: ReportStatusCode;
  /** Empty unless REJECTED. */
  rejectReasons: RejectReason[];
  publishedAt: Date | null;
  updatedAt: Date;
}

/** The subject type a code is queried with: ID numbers are persons; USCCs "92…" are 个体工商户 (GB 32100: 9 工商, 2 个体). */
export function subjectTypeOfCode(code: string, today?: Date): SubjectType {
  if (validatePartyCode(code, today).kind === 'PERSON') return 'NATURAL_PERSON';
  return code.startsWith('92') ? 'INDIVIDUAL_BUSINESS' : 'LEGAL_PERSON';
}
