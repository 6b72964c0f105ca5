// How answers of the permits system become ConnectorErrors. Messages name the HTTP status, the
// system's error code and its request id (safe, quoted in support tickets) — never the raw body,
// the upstream's free-text message, or a credential.
import { ConnectorError, retryAfterMs } from '../core/connector-error';
import { PERMITS_ERROR_CODES, type PermitsErrorCode } from './types';

const SYSTEM = 'permits' as const;

export interface UpstreamErrorInfo {
  code: PermitsErrorCode | undefined;
  requestId: string | undefined;
}

/** Reads `{code, message, requestId}` from an error body; anything else gives undefined fields. */
export function parseErrorBody(bodyText: string): UpstreamErrorInfo {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body !== 'object' || body === null) return { code: undefined, requestId: undefined };
    const { code, requestId } = body as { code?: unknown; requestId?: unknown };
    return {
      code: typeof code === 'string' && (PERMITS_ERROR_CODES as readonly string[]).includes(code) ? (code as PermitsErrorCode) : undefined,
      requestId: safeRequestId(requestId),
    };
  } catch {
    return { code: undefined, requestId: undefined };
  }
}

/** A request id is only echoed when it looks like one (no injection into messages or logs). */
export function safeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,80}$/.test(value) ? value : undefined;
}

export interface ErrorResponse {
  status: number;
  bodyText: string;
  retryAfter: string | undefined;
  /** X-Request-Id response header. */
  requestIdHeader: string | undefined;
  nowMs: number;
}

function describe(status: number, info: UpstreamErrorInfo): string {
  const parts = [`permits answered HTTP ${status}`];
  if (info.code) parts.push(info.code);
  const text = parts.join(' ');
  return info.requestId ? `${text} (requestId ${info.requestId})` : text;
}

/** Maps a non-2xx answer (other than getPermit's 404) to the ConnectorError the hub sees. */
export function errorFromResponse(response: ErrorResponse): ConnectorError {
  const parsed = parseErrorBody(response.bodyText);
  const info: UpstreamErrorInfo = {
    code: parsed.code,
    requestId: parsed.requestId ?? safeRequestId(response.requestIdHeader),
  };
  const { status } = response;
  const wait = retryAfterMs(response.retryAfter, response.nowMs);
  const message = describe(status, info);

  if (status === 429) {
    return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, message, {
      retryable: true,
      retryAfterMs: wait,
      upstreamCode: info.code ?? 'RATE_LIMITED',
      httpStatus: status,
    });
  }
  if (status >= 500) {
    // 500 INTERNAL, 503 UPSTREAM_MAINTENANCE, or a gateway page (502/503/504 without our body).
    return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, message, {
      retryable: true,
      retryAfterMs: wait,
      upstreamCode: info.code ?? (status === 500 ? 'INTERNAL' : 'GATEWAY_ERROR'),
      httpStatus: status,
    });
  }
  if (status >= 400) {
    // 400 INVALID_ARGUMENT / INVALID_PAGE_TOKEN, 401 INVALID_SIGNATURE / TIMESTAMP_OUT_OF_RANGE /
    // NONCE_REPLAYED, 404 NOT_FOUND elsewhere than getPermit: our request is refused as it is.
    return new ConnectorError('UPSTREAM_REJECTED', SYSTEM, message, {
      retryable: false,
      upstreamCode: info.code ?? `HTTP_${status}`,
      httpStatus: status,
    });
  }
  return badResponse(`permits answered unexpected HTTP ${status}`, status);
}

/** An answer we cannot use: not JSON, or not the contract's shape. Describes where, never what. */
export function badResponse(reason: string, httpStatus?: number): ConnectorError {
  return new ConnectorError('UPSTREAM_BAD_RESPONSE', SYSTEM, reason, { retryable: false, httpStatus });
}

/** A request we refuse to send because the system would answer 400 INVALID_ARGUMENT. */
export function invalidArgument(message: string): ConnectorError {
  return new ConnectorError('UPSTREAM_REJECTED', SYSTEM, message, {
    retryable: false,
    upstreamCode: 'INVALID_ARGUMENT',
  });
}
