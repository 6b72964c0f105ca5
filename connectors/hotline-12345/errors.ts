// How answers of the 12345 hotline become ConnectorErrors. Messages name the operation, the HTTP
// status and the hotline's error code — never the raw body, the hotline's free-text message (it
// may quote the order), the API key or anyone's personal data. The contract's `code` is kept as
// upstreamCode (INVALID_STATE, DEADLINE_PASSED, FORBIDDEN, NOT_FOUND …) for the hub to act on.
import { ConnectorError, retryAfterMs, type ConnectorErrorCode, type ConnectorErrorOptions } from '../core/connector-error';
import { HOTLINE_ERROR_CODES, type HotlineErrorCode } from './types';

const SYSTEM = 'hotline-12345' as const;

/** A ConnectorError of the 12345 hotline. */
export class HotlineError extends ConnectorError {
  /** Retry-After of a 429 / 503 answer, in whole seconds (also as retryAfterMs). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ConnectorErrorCode, message: string, options: ConnectorErrorOptions = {}) {
    super(code, SYSTEM, message, options);
    this.name = 'HotlineError';
    this.retryAfterSeconds = options.retryAfterMs === undefined ? undefined : Math.ceil(options.retryAfterMs / 1000);
  }
}

/** The contract's error code of an Error body; undefined for anything else. */
export function parseErrorBody(bodyText: string): { code: HotlineErrorCode | undefined } {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { code: undefined };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { code: undefined };
  const code = (body as Record<string, unknown>).code;
  return { code: typeof code === 'string' && (HOTLINE_ERROR_CODES as readonly string[]).includes(code) ? (code as HotlineErrorCode) : undefined };
}

export interface ErrorResponse {
  status: number;
  bodyText: string;
  retryAfter: string | undefined;
  nowMs: number;
}

/**
 * Maps a non-2xx answer to the error the hub sees:
 * 429 / 5xx → UPSTREAM_UNAVAILABLE (retryable, Retry-After kept);
 * other 4xx → UPSTREAM_REJECTED with the hotline's code (HTTP_<status> when the body has none);
 * anything else → UPSTREAM_BAD_RESPONSE.
 */
export function errorFromResponse(operation: string, response: ErrorResponse): HotlineError {
  const { code } = parseErrorBody(response.bodyText);
  const { status } = response;
  const wait = retryAfterMs(response.retryAfter, response.nowMs);
  const message = `hotline-12345 ${operation} answered HTTP ${status}${code ? ` ${code}` : ''}`;

  if (status === 429) {
    return new HotlineError('UPSTREAM_UNAVAILABLE', message, { retryable: true, retryAfterMs: wait, upstreamCode: code ?? 'RATE_LIMITED', httpStatus: status });
  }
  if (status >= 500 && status <= 599) {
    // 500 INTERNAL, 503 SERVICE_UNAVAILABLE (maintenance 03:00–03:30), or a gateway page without our body.
    const fallback = status === 500 ? 'INTERNAL' : status === 503 ? 'SERVICE_UNAVAILABLE' : 'GATEWAY_ERROR';
    return new HotlineError('UPSTREAM_UNAVAILABLE', message, { retryable: true, retryAfterMs: wait, upstreamCode: code ?? fallback, httpStatus: status });
  }
  if (status >= 400 && status <= 499) {
    // 400 INVALID_ARGUMENT / INVALID_PAGE_TOKEN, 401 UNAUTHORIZED, 403 FORBIDDEN, 404 NOT_FOUND,
    // 409 INVALID_STATE / DEADLINE_PASSED, 413 PAYLOAD_TOO_LARGE: repeating the same call changes nothing.
    return new HotlineError('UPSTREAM_REJECTED', message, { retryable: false, upstreamCode: code ?? `HTTP_${status}`, httpStatus: status });
  }
  return badResponse(`hotline-12345 ${operation} answered unexpected HTTP ${status}`, status);
}

/** An answer we cannot use: not JSON, or not the contract's shape. Describes where, never what. */
export function badResponse(reason: string, httpStatus?: number): HotlineError {
  return new HotlineError('UPSTREAM_BAD_RESPONSE', reason, { retryable: false, httpStatus });
}

/** A request we refuse to send because the hotline would refuse it (400 / 413). */
export function invalidArgument(message: string, upstreamCode: 'INVALID_ARGUMENT' | 'PAYLOAD_TOO_LARGE' = 'INVALID_ARGUMENT'): HotlineError {
  return new HotlineError('UPSTREAM_REJECTED', message, { retryable: false, upstreamCode });
}
