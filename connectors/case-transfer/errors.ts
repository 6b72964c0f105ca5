// How answers of the case-transfer platform become ConnectorErrors. Messages name the HTTP status,
// the platform's error code and its request id — never the raw body, the upstream's free-text
// message, a token or a secret. The few structured details a caller acts on (missingKinds,
// existingTransferId, the JSON pointer `field`) are copied only when they have the contract's
// form, onto CaseTransferError (a ConnectorError).
import { ConnectorError, retryAfterMs, type ConnectorErrorCode, type ConnectorErrorOptions } from '../core/connector-error';
import {
  CASE_TRANSFER_ERROR_CODES,
  MANDATORY_MATERIAL_KINDS,
  TOKEN_ERROR_CODES,
  TRANSFER_ID_PATTERN,
  type CaseTransferErrorCode,
  type MandatoryMaterialKind,
  type TokenErrorCode,
} from './types';

const SYSTEM = 'case-transfer' as const;

export interface CaseTransferErrorDetails {
  /** MATERIALS_INCOMPLETE: the mandatory kinds missing from the transfer. */
  missingKinds?: MandatoryMaterialKind[];
  /** DUPLICATE_TRANSFER_NO: the transfer already holding this transferNo (the caller may adopt it). */
  existingTransferId?: string;
  /** INVALID_ARGUMENT, UPLOAD_NOT_FOUND, MATERIAL_MISMATCH: JSON pointer of the offending field. */
  field?: string;
  /** The platform's request id, for support tickets. */
  requestId?: string;
}

/** A ConnectorError of the case-transfer platform, with the contract's safe error details. */
export class CaseTransferError extends ConnectorError {
  readonly missingKinds: MandatoryMaterialKind[] | undefined;
  readonly existingTransferId: string | undefined;
  readonly field: string | undefined;
  readonly requestId: string | undefined;

  constructor(code: ConnectorErrorCode, message: string, options: ConnectorErrorOptions = {}, details: CaseTransferErrorDetails = {}) {
    super(code, SYSTEM, message, options);
    this.name = 'CaseTransferError';
    this.missingKinds = details.missingKinds;
    this.existingTransferId = details.existingTransferId;
    this.field = details.field;
    this.requestId = details.requestId;
  }
}

export interface ParsedErrorBody extends CaseTransferErrorDetails {
  code: CaseTransferErrorCode | undefined;
}

/** A request id is only echoed when it looks like one (no injection into messages or logs). */
export function safeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,80}$/.test(value) ? value : undefined;
}

function safePointer(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 200 && /^(\/[A-Za-z0-9_~.-]*)+$/.test(value) ? value : undefined;
}

/** Reads the contract's Error body; anything unexpected gives undefined fields. */
export function parseErrorBody(bodyText: string): ParsedErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { code: undefined };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { code: undefined };
  const o = body as Record<string, unknown>;
  const code =
    typeof o.code === 'string' && (CASE_TRANSFER_ERROR_CODES as readonly string[]).includes(o.code) ? (o.code as CaseTransferErrorCode) : undefined;
  const result: ParsedErrorBody = { code, requestId: safeRequestId(o.requestId) };
  if (Array.isArray(o.missingKinds)) {
    const kinds = o.missingKinds.filter((k): k is MandatoryMaterialKind => (MANDATORY_MATERIAL_KINDS as readonly unknown[]).includes(k));
    result.missingKinds = [...new Set(kinds)];
  }
  if (typeof o.existingTransferId === 'string' && TRANSFER_ID_PATTERN.test(o.existingTransferId)) result.existingTransferId = o.existingTransferId;
  const field = safePointer(o.field);
  if (field) result.field = field;
  return result;
}

export interface ErrorResponse {
  status: number;
  bodyText: string;
  retryAfter: string | undefined;
  /** X-Request-Id response header. */
  requestIdHeader: string | undefined;
  nowMs: number;
}

function describe(operation: string, status: number, code: string | undefined, requestId: string | undefined): string {
  const text = `case-transfer ${operation} answered HTTP ${status}${code ? ` ${code}` : ''}`;
  return requestId ? `${text} (requestId ${requestId})` : text;
}

/**
 * Maps a non-2xx answer of an API call to the error the hub sees:
 * 429 / 500 / 503 / 409 IDEMPOTENCY_IN_PROGRESS → UPSTREAM_UNAVAILABLE (retryable, Retry-After kept);
 * other 4xx → UPSTREAM_REJECTED with the platform's code and safe details; anything else → BAD_RESPONSE.
 */
export function errorFromResponse(operation: string, response: ErrorResponse): CaseTransferError {
  const parsed = parseErrorBody(response.bodyText);
  const requestId = parsed.requestId ?? safeRequestId(response.requestIdHeader);
  const { status } = response;
  const wait = retryAfterMs(response.retryAfter, response.nowMs);
  const message = describe(operation, status, parsed.code, requestId);
  const details: CaseTransferErrorDetails = {
    missingKinds: parsed.missingKinds,
    existingTransferId: parsed.existingTransferId,
    field: parsed.field,
    requestId,
  };

  if (status === 429) {
    return new CaseTransferError(
      'UPSTREAM_UNAVAILABLE',
      message,
      { retryable: true, retryAfterMs: wait, upstreamCode: parsed.code ?? 'RATE_LIMITED', httpStatus: status },
      details,
    );
  }
  if (status === 409 && parsed.code === 'IDEMPOTENCY_IN_PROGRESS') {
    // The first request with this key is still running: the same bytes may be sent again later.
    return new CaseTransferError(
      'UPSTREAM_UNAVAILABLE',
      message,
      { retryable: true, retryAfterMs: wait ?? 1000, upstreamCode: parsed.code, httpStatus: status },
      details,
    );
  }
  if (status >= 500) {
    // 500 INTERNAL, 503 SERVICE_UNAVAILABLE (maintenance), or a gateway page without our body.
    return new CaseTransferError(
      'UPSTREAM_UNAVAILABLE',
      message,
      {
        retryable: true,
        retryAfterMs: wait,
        upstreamCode: parsed.code ?? (status === 500 ? 'INTERNAL' : 'GATEWAY_ERROR'),
        httpStatus: status,
      },
      details,
    );
  }
  if (status >= 400) {
    // 400 INVALID_ARGUMENT / INVALID_PAGE_TOKEN / CHECKSUM_MISMATCH, 401 after the one renewal,
    // 404 NOT_FOUND, 409 IDEMPOTENCY_CONFLICT / DUPLICATE_TRANSFER_NO / INVALID_STATE /
    // DEADLINE_PASSED, 413, 422 MATERIALS_INCOMPLETE / UPLOAD_NOT_FOUND / MATERIAL_MISMATCH.
    return new CaseTransferError(
      'UPSTREAM_REJECTED',
      message,
      { retryable: false, upstreamCode: parsed.code ?? `HTTP_${status}`, httpStatus: status },
      details,
    );
  }
  return badResponse(`case-transfer ${operation} answered unexpected HTTP ${status}`, status);
}

/** Maps a non-200 answer of `POST /oauth/token` (RFC 6749 §5.2 body) to an error. */
export function tokenErrorFromResponse(response: ErrorResponse): CaseTransferError {
  const { status } = response;
  let error: TokenErrorCode | undefined;
  try {
    const body = JSON.parse(response.bodyText) as { error?: unknown } | null;
    if (typeof body?.error === 'string' && (TOKEN_ERROR_CODES as readonly string[]).includes(body.error)) error = body.error as TokenErrorCode;
  } catch {
    error = undefined;
  }
  // error_description is free text from upstream: never copied.
  const message = `case-transfer issueToken answered HTTP ${status}${error ? ` ${error}` : ''}`;
  const wait = retryAfterMs(response.retryAfter, response.nowMs);
  if (status === 429 || status >= 500) {
    return new CaseTransferError('UPSTREAM_UNAVAILABLE', message, {
      retryable: true,
      retryAfterMs: wait,
      upstreamCode: error ?? (status === 429 ? 'rate_limited' : status === 500 ? 'INTERNAL' : 'SERVICE_UNAVAILABLE'),
      httpStatus: status,
    });
  }
  if (status >= 400) {
    // invalid_client (wrong id/secret), invalid_request, unsupported_grant_type: configuration errors.
    return new CaseTransferError('UPSTREAM_REJECTED', message, { retryable: false, upstreamCode: error ?? `HTTP_${status}`, httpStatus: status });
  }
  return badResponse(`case-transfer issueToken answered unexpected HTTP ${status}`, status);
}

/** An answer we cannot use: not JSON, or not the contract's shape. Describes where, never what. */
export function badResponse(reason: string, httpStatus?: number): CaseTransferError {
  return new CaseTransferError('UPSTREAM_BAD_RESPONSE', reason, { retryable: false, httpStatus });
}

/** A request we refuse to send because the platform would refuse it (400/413). */
export function invalidArgument(message: string, upstreamCode: 'INVALID_ARGUMENT' | 'PAYLOAD_TOO_LARGE' | 'CHECKSUM_MISMATCH' = 'INVALID_ARGUMENT'): CaseTransferError {
  return new CaseTransferError('UPSTREAM_REJECTED', message, { retryable: false, upstreamCode });
}
