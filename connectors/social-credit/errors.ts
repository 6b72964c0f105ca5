// How the platform's answers become ConnectorErrors. node-soap's own errors carry the raw
// response body (and axios errors the request, with the password in it): none of that is ever
// put into a message, a log line or a `cause` — only codes, HTTP status and the fault's own text.
import { ConnectorError, retryAfterMs } from '../core';
import type { CreditFaultCode } from './types';
import { CREDIT_FAULT_CODES } from './types';

const SYSTEM = 'social-credit' as const;

/** A typed fault as the platform sent it (soap:Fault + detail/CreditFault). */
export interface CreditFault {
  /** Local part of faultcode: 'Client' or 'Server' (SOAP 1.1). */
  faultCode: string;
  /** CreditFault/code; null when the fault had no typed detail. */
  code: CreditFaultCode | string | null;
  message: string | null;
  receiptId: string | null;
  retryAfterSeconds: number | null;
  httpStatus: number | null;
  retryAfterHeader: string | null;
}

/** Raised by the screening HTTP client for answers that are not SOAP (gateway pages, empty bodies). */
export class NonSoapResponseError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly retryAfterHeader: string | null,
    /** True when the body was a SOAP envelope but the status is an error and there is no fault. */
    readonly envelopeWithoutFault = false,
  ) {
    super(`social-credit answered HTTP ${httpStatus} without a SOAP ${envelopeWithoutFault ? 'fault' : 'envelope'}`);
    this.name = 'NonSoapResponseError';
  }
}

/** A successful SOAP answer that lacks something the contract requires. */
export class CreditBadResponseError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'CreditBadResponseError';
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Text of a parsed element: plain values, or `{ attributes, $value }` when it had attributes. */
export function textOf(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObj(v) && '$value' in v) return textOf(v.$value);
  return undefined;
}

function headerOf(headers: unknown, name: string): string | null {
  if (!isObj(headers)) return null;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    const v: unknown = (getter as (n: string) => unknown).call(headers, name);
    if (typeof v === 'string') return v;
  }
  const direct = headers[name] ?? headers[name.toLowerCase()];
  return typeof direct === 'string' ? direct : null;
}

function responseOf(raw: unknown): { status: number | null; headers: unknown } | null {
  if (!isObj(raw) || !isObj(raw.response)) return null;
  const status = raw.response.status;
  return { status: typeof status === 'number' ? status : null, headers: raw.response.headers };
}

/** The fault inside a node-soap error, if the platform answered with one. */
export function extractFault(raw: unknown): CreditFault | null {
  if (!isObj(raw) || !isObj(raw.root)) return null;
  const envelope = raw.root.Envelope;
  if (!isObj(envelope) || !isObj(envelope.Body) || !isObj(envelope.Body.Fault)) return null;
  const fault = envelope.Body.Fault;
  const faultCode = (textOf(fault.faultcode) ?? '').split(':').pop() ?? '';
  const detail = isObj(fault.detail) ? fault.detail : null;
  const typed = detail && isObj(detail.CreditFault) ? detail.CreditFault : null;
  const response = responseOf(raw);
  const seconds = typed ? textOf(typed.retryAfterSeconds) : undefined;
  return {
    faultCode,
    code: typed ? (textOf(typed.code) ?? null) : null,
    message: typed ? (textOf(typed.message) ?? null) : (textOf(fault.faultstring) ?? null),
    receiptId: typed ? (textOf(typed.receiptId) ?? null) : null,
    retryAfterSeconds: seconds !== undefined && /^\d+$/.test(seconds.trim()) ? Number(seconds.trim()) : null,
    httpStatus: response?.status ?? null,
    retryAfterHeader: response ? headerOf(response.headers, 'retry-after') : null,
  };
}

/** The platform's human message, safe to show: one line, bounded. */
export function safeText(text: string | null | undefined, max = 200): string {
  if (!text) return '';
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

function waitOf(fault: Pick<CreditFault, 'retryAfterHeader' | 'retryAfterSeconds'>, now: number): number | undefined {
  const fromHeader = retryAfterMs(fault.retryAfterHeader, now);
  if (fromHeader !== undefined) return fromHeader;
  return fault.retryAfterSeconds !== null ? fault.retryAfterSeconds * 1000 : undefined;
}

/** Maps a typed fault (see the WSDL's fault table) to the hub's classification. */
export function faultToConnectorError(fault: CreditFault, now: number): ConnectorError {
  const code = fault.code;
  const known = code !== null && (CREDIT_FAULT_CODES as readonly string[]).includes(code);
  const said = safeText(fault.message);
  const suffix = said ? `: ${said}` : '';
  const status = fault.httpStatus ?? undefined;
  switch (known ? (code as CreditFaultCode) : null) {
    case 'AUTH_FAILED':
      // Never retried: five failures within ten minutes lock the account for thirty.
      return new ConnectorError('UPSTREAM_REJECTED', SYSTEM, 'social-credit refused the hub\'s credentials (AUTH_FAILED)', {
        retryable: false,
        upstreamCode: 'AUTH_FAILED',
        httpStatus: status,
      });
    case 'INVALID_REQUEST':
    case 'INVALID_CODE':
    case 'RECEIPT_NOT_FOUND':
    case 'SUBJECT_NOT_FOUND':
    case 'DUPLICATE_REPORT':
      return new ConnectorError('UPSTREAM_REJECTED', SYSTEM, `social-credit rejected the request (${code})${suffix}`, {
        retryable: false,
        upstreamCode: code as string,
        httpStatus: status,
      });
    case 'QUOTA_EXCEEDED': {
      const wait = waitOf(fault, now);
      return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, 'social-credit call quota exceeded (QUOTA_EXCEEDED)', {
        retryable: true,
        retryAfterMs: wait,
        upstreamCode: 'QUOTA_EXCEEDED',
        httpStatus: status ?? 429,
      });
    }
    case 'SERVICE_UNAVAILABLE':
      return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, 'social-credit is unavailable (SERVICE_UNAVAILABLE)', {
        retryable: true,
        retryAfterMs: waitOf(fault, now),
        upstreamCode: 'SERVICE_UNAVAILABLE',
        httpStatus: status ?? 503,
      });
    case 'INTERNAL_ERROR':
      return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, 'social-credit failed internally (INTERNAL_ERROR)', {
        retryable: true,
        retryAfterMs: waitOf(fault, now),
        upstreamCode: 'INTERNAL_ERROR',
        httpStatus: status,
      });
    default:
      // No typed detail, or a code this hub does not know: soap:Server = transient, soap:Client = do not repeat.
      if (fault.faultCode === 'Server') {
        return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, `social-credit failed (soap:Server${code ? ` ${safeText(code, 40)}` : ''})`, {
          retryable: true,
          retryAfterMs: waitOf(fault, now),
          upstreamCode: code ? safeText(code, 40) : 'SERVER_FAULT',
          httpStatus: status,
        });
      }
      return new ConnectorError('UPSTREAM_REJECTED', SYSTEM, `social-credit rejected the request (soap:${safeText(fault.faultCode, 20) || 'Client'}${code ? ` ${safeText(code, 40)}` : ''})${suffix}`, {
        retryable: false,
        upstreamCode: code ? safeText(code, 40) : 'CLIENT_FAULT',
        httpStatus: status,
      });
  }
}

/** Answers that are not SOAP (a gateway's page, an empty body) or carry an unexpected status. */
export function httpStatusToConnectorError(status: number, retryAfterHeader: string | null, now: number): ConnectorError {
  const wait = retryAfterMs(retryAfterHeader, now);
  if (status === 502 || status === 503 || status === 504) {
    // A gateway page means the same as SERVICE_UNAVAILABLE (README, Shared conventions).
    return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, `social-credit is unavailable (HTTP ${status} from a gateway)`, {
      retryable: true,
      retryAfterMs: wait,
      upstreamCode: 'SERVICE_UNAVAILABLE',
      httpStatus: status,
    });
  }
  if (status === 429) {
    return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, 'social-credit call quota exceeded (HTTP 429)', {
      retryable: true,
      retryAfterMs: wait,
      upstreamCode: 'QUOTA_EXCEEDED',
      httpStatus: status,
    });
  }
  if (status >= 500) {
    return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, `social-credit failed (HTTP ${status})`, {
      retryable: true,
      retryAfterMs: wait,
      upstreamCode: `HTTP_${status}`,
      httpStatus: status,
    });
  }
  return new ConnectorError('UPSTREAM_BAD_RESPONSE', SYSTEM, `social-credit answered HTTP ${status} without a SOAP envelope`, {
    retryable: false,
    upstreamCode: 'NOT_SOAP',
    httpStatus: status,
  });
}

export function badResponse(what: string, httpStatus?: number): ConnectorError {
  return new ConnectorError('UPSTREAM_BAD_RESPONSE', SYSTEM, `social-credit sent an invalid response: ${safeText(what, 160)}`, {
    retryable: false,
    upstreamCode: 'BAD_RESPONSE',
    httpStatus,
  });
}

export interface ErrorContext {
  now: number;
  /** The call policy's abort signal fired (its timeout). */
  aborted: boolean;
  timeoutMs: number;
}

/** Any rejection of a node-soap call → ConnectorError, without the raw body or request. */
export function toConnectorError(raw: unknown, ctx: ErrorContext): ConnectorError {
  if (raw instanceof ConnectorError) return raw;
  if (raw instanceof NonSoapResponseError) return httpStatusToConnectorError(raw.httpStatus, raw.retryAfterHeader, ctx.now);
  if (raw instanceof CreditBadResponseError) return badResponse(raw.message);
  const fault = extractFault(raw);
  if (fault) return faultToConnectorError(fault, ctx.now);

  const code = isObj(raw) && typeof raw.code === 'string' ? raw.code : undefined;
  const timedOut =
    ctx.aborted || code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED' || (raw instanceof Error && raw.name === 'AbortError');
  if (timedOut) {
    return new ConnectorError('UPSTREAM_TIMEOUT', SYSTEM, `social-credit did not answer within ${ctx.timeoutMs} ms`, {
      retryable: true,
      upstreamCode: 'TIMEOUT',
    });
  }

  const response = responseOf(raw);
  if (response && response.status !== null) {
    // An HTTP answer came back but could not be read as the contract's XML (node-soap's
    // "Invalid XML" pseudo-fault, or a parse failure): not the platform's fault code.
    if (response.status === 502 || response.status === 503 || response.status === 504 || response.status === 429) {
      return httpStatusToConnectorError(response.status, headerOf(response.headers, 'retry-after'), ctx.now);
    }
    return badResponse('the body is not well-formed SOAP for this operation', response.status);
  }

  // Connection refused/reset, DNS… Only the error code is kept (axios errors carry the request).
  return new ConnectorError('UPSTREAM_UNAVAILABLE', SYSTEM, 'social-credit could not be reached', {
    retryable: true,
    upstreamCode: code ?? 'NETWORK',
  });
}
