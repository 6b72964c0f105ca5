// The permits system's data, typed exactly as permits.openapi.yaml (v1.4.0) defines it.
// Dates and timestamps stay strings as the contract sends them (`YYYY-MM-DD`, ISO-8601 with offset).

/** PermitType enum of the contract, with its Chinese name and the 4-letter code used in permit numbers. */
export const PERMIT_TYPES = {
  OUTDOOR_AD: { code: 'HWGG', name: '户外广告设置许可' },
  ROAD_OCCUPATION: { code: 'ZYDL', name: '临时占用城市道路许可' },
  STREET_VENDING: { code: 'ZDJY', name: '占道经营（临时摊点）许可' },
  ROAD_EXCAVATION: { code: 'WJDL', name: '挖掘城市道路许可' },
  CONSTRUCTION_PLANNING: { code: 'JSGH', name: '建设工程规划许可' },
  GAS_OPERATION: { code: 'RQJY', name: '燃气经营许可' },
  CONSTRUCTION_WASTE: { code: 'JZLJ', name: '城市建筑垃圾处置核准' },
  GREEN_SPACE_OCCUPATION: { code: 'LDZY', name: '临时占用城市绿地许可' },
  TREE_FELLING: { code: 'SMQF', name: '砍伐、迁移城市树木许可' },
  NIGHT_CONSTRUCTION: { code: 'YJSG', name: '夜间施工许可' },
} as const;

export type PermitType = keyof typeof PERMIT_TYPES;
export const PERMIT_TYPE_VALUES = Object.keys(PERMIT_TYPES) as PermitType[];

/** VALID 有效 | EXPIRED 已过期 | REVOKED 已撤销/吊销 | SUSPENDED 暂停/中止 */
export const PERMIT_STATUSES = ['VALID', 'EXPIRED', 'REVOKED', 'SUSPENDED'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

export const HOLDER_TYPES = ['ORGANIZATION', 'PERSON'] as const;
export type HolderType = (typeof HOLDER_TYPES)[number];

/** `^[0-9]{6}[A-Z]{4}[0-9]{10}$`: region + type code + year + sequence, e.g. 440309HWGG2025000123. */
export const PERMIT_NO_PATTERN = /^[0-9]{6}[A-Z]{4}[0-9]{10}$/;

/** 发证机关 */
export interface Authority {
  name: string;
  /** USCC of the issuing authority. */
  code: string;
}

/** CGCS2000 decimal degrees (treat as WGS-84; never GCJ-02). */
export interface Geo {
  lng: number;
  lat: number;
}

export interface Permit {
  permitNo: string;
  type: PermitType;
  /** Chinese name of the type, e.g. 户外广告设置许可 */
  typeName: string;
  holderName: string;
  /** USCC for organisations (incl. 个体工商户), resident ID number for persons. */
  holderCode: string;
  holderType: HolderType;
  address: string;
  /** Absent when the permit has no point location (e.g. GAS_OPERATION). */
  geo?: Geo;
  scope: string;
  issuedBy: Authority;
  /** ISO-8601 with offset. */
  issuedAt: string;
  /** Asia/Shanghai calendar date, inclusive. */
  validFrom: string;
  /** Asia/Shanghai calendar date, inclusive. */
  validTo: string;
  /** Evaluated by the system at read time. */
  status: PermitStatus;
  /** Present for REVOKED and SUSPENDED. */
  statusReason?: string;
  /** Present for REVOKED and SUSPENDED. */
  statusChangedAt?: string;
  conditions: string[];
  updatedAt: string;
}

export interface PermitPage {
  items: Permit[];
  /** Absent on the last page. */
  nextPageToken?: string;
}

export interface BatchGetResult {
  /** In the order of first occurrence in the request. */
  found: Permit[];
  /** Well-formed numbers that do not exist. */
  notFound: string[];
}

/** Filters of `GET /api/v1/permits` (all optional, combined with AND). */
export interface ListPermitsFilter {
  holderCode?: string;
  type?: PermitType;
  status?: PermitStatus;
  /** ISO-8601 instant with an explicit offset; permits whose `updatedAt` is at or after it. */
  updatedSince?: string;
}

/** The `code` enum of the contract's Error schema. */
export const PERMITS_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'INVALID_PAGE_TOKEN',
  'INVALID_SIGNATURE',
  'TIMESTAMP_OUT_OF_RANGE',
  'NONCE_REPLAYED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'INTERNAL',
  'UPSTREAM_MAINTENANCE',
] as const;
export type PermitsErrorCode = (typeof PERMITS_ERROR_CODES)[number];

/** HTTP status the contract gives each error code. */
export const PERMITS_ERROR_STATUS: Record<PermitsErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  INVALID_PAGE_TOKEN: 400,
  INVALID_SIGNATURE: 401,
  TIMESTAMP_OUT_OF_RANGE: 401,
  NONCE_REPLAYED: 401,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_MAINTENANCE: 503,
};

export interface PermitsErrorBody {
  code: PermitsErrorCode;
  message: string;
  requestId: string;
}

/** Asia/Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The status the system would report at `nowMs`, for a permit read earlier (e.g. served from a
 * cache during maintenance): past `validTo` (Asia/Shanghai) a permit is EXPIRED unless REVOKED.
 */
export function effectiveStatus(permit: Pick<Permit, 'status' | 'validTo'>, nowMs: number): PermitStatus {
  if (permit.status === 'REVOKED') return 'REVOKED';
  return permit.validTo < shanghaiDate(nowMs) ? 'EXPIRED' : permit.status;
}
