// Maps whatever node-soap throws to the hub's ConnectorError classification.
//
// node-soap's own errors carry the raw response body (err.body, err.response.data), the request
// envelope with the AppCredential token (err.config.data) and, for faults, the whole detail in
// err.message. None of that may reach an error message, a log line or an error's `cause`: every
// error leaving this connector is built here from the few fields that are safe (fault code, HTTP
// status, Retry-After, a redacted fault message), and never wraps the original.
import { ConnectorError, retryAfterMs as parseRetryAfter, type ConnectorErrorCode, type ConnectorErrorOptions } from '../core';
import { PSB_FAULT_CODES, type PsbFault, type PsbFaultCode, type PsbOperation } from './types';

export const PSB_SYSTEM = 'public-security' as const;

export interface PublicSecurityErrorOptions extends Omit<ConnectorErrorOptions, 'cause'> {
  /** 1-based position, in the caller's list of persons, of the ID number that was refused. */
  itemIndex?: number;
}

/** A ConnectorError of the public-security system; never carries a cause from node-soap. */
export class PublicSecurityError extends ConnectorError {
  readonly itemIndex: number | undefined;

  constructor(code: ConnectorErrorCode, message: string, options: PublicSecurityErrorOptions = {}) {
    const { itemIndex, ...rest } = options;
    super(code, PSB_SYSTEM, message, rest);
    this.itemIndex = itemIndex;
  }
}

/** Anything shaped like an 18-character ID number (or a 15–17 digit run), removed from upstream text. */
const ID_LIKE = /[0-9]{15,17}[0-9Xx]?/g;

/** Removes secrets and ID-number-like runs from an upstream text and shortens it. */
export function redact(text: string, secrets: ReadonlyArray<string> = []): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4) out = out.split(s).join('[redacted]');
  }
  out = out.replace(ID_LIKE, '[redacted]').replace(/\s+/g, ' ').trim();
  return out.length > 160 ? `${out.slice(0, 160)}…` : out;
}

/** The 1-based index an INVALID_ID_NUMBER message names ("第2条：…", "person 2", "#2"). */
export function faultItemIndex(message: string): number | undefined {
  const m = /第\s*(\d{1,2})\s*[条个人项]/.exec(message) ?? /(?:#|index\s*|item\s*|person\s*)(\d{1,2})\b/i.exec(message);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 ? n : undefined;
}

/** An ID number refused (locally before sending, or by the system); the number itself is never named. */
export function invalidIdNumberError(itemIndex: number | undefined, detail: string, httpStatus?: number): PublicSecurityError {
  const where = itemIndex === undefined ? 'an ID number' : `ID number #${itemIndex}`;
  return new PublicSecurityError('UPSTREAM_REJECTED', `public-security refused ${where}: ${detail} (INVALID_ID_NUMBER)`, {
    retryable: false,
    upstreamCode: 'INVALID_ID_NUMBER',
    httpStatus,
    itemIndex,
  });
}

/** A request the hub refuses itself because the system would refuse it (INVALID_REQUEST). */
export function invalidRequestError(detail: string): PublicSecurityError {
  return new PublicSecurityError('UPSTREAM_REJECTED', `public-security request is invalid: ${detail} (INVALID_REQUEST)`, {
    retryable: false,
    upstreamCode: 'INVALID_REQUEST',
  });
}

/** A 200 answer that is not what the contract promises (broken XML, missing or wrong elements). */
export function badResponseError(operation: PsbOperation, what: string): PublicSecurityError {
  return new PublicSecurityError('UPSTREAM_BAD_RESPONSE', `public-security ${operation} answered with an invalid response: ${what}`, {
    retryable: false,
    upstreamCode: 'MALFORMED_RESPONSE',
  });
}

export interface SoapErrorContext {
  operation: PsbOperation;
  /** The call policy's timer fired (the request was aborted). */
  aborted: boolean;
  timeoutMs: number;
  now: number;
  /** Values that must not appear in a message even after ID-number redaction (the token). */
  secrets: ReadonlyArray<string>;
}

interface HttpResponseLike {
  status?: unknown;
  headers?: unknown;
}

function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '$value' in v) return textOf((v as { $value: unknown }).$value);
  return undefined;
}

function headerOf(response: HttpResponseLike | undefined, name: string): string | undefined {
  const headers = response?.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const direct = (headers as Record<string, unknown>)[name];
  const v = Array.isArray(direct) ? direct[0] : direct;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

interface ParsedFault {
  faultcode: string;
  psb: PsbFault | null;
}

/** The soap:Fault of a parsed envelope (node-soap sets err.root when the body was a SOAP fault). */
function soapFaultOf(raw: unknown): ParsedFault | null {
  const root = (raw as { root?: unknown } | null)?.root;
  const fault = (root as { Envelope?: { Body?: { Fault?: unknown } } } | undefined)?.Envelope?.Body?.Fault;
  if (!fault || typeof fault !== 'object') return null;
  const f = fault as { faultcode?: unknown; detail?: unknown };
  const detail = f.detail && typeof f.detail === 'object' ? (f.detail as { PsbFault?: unknown }).PsbFault : undefined;
  let psb: PsbFault | null = null;
  if (detail && typeof detail === 'object') {
    const d = detail as Record<string, unknown>;
    const code = textOf(d.code)?.trim();
    if (code && (PSB_FAULT_CODES as ReadonlyArray<string>).includes(code)) {
      const seconds = Number(textOf(d.retryAfterSeconds));
      psb = {
        code: code as PsbFaultCode,
        message: textOf(d.message) ?? '',
        retryAfterSeconds: Number.isInteger(seconds) && seconds > 0 ? seconds : undefined,
      };
    }
  }
  return { faultcode: textOf(f.faultcode) ?? '', psb };
}

function retryHint(response: HttpResponseLike | undefined, seconds: number | undefined, now: number): number | undefined {
  return parseRetryAfter(headerOf(response, 'retry-after'), now) ?? (seconds === undefined ? undefined : seconds * 1000);
}

function fromPsbFault(psb: PsbFault, status: number | undefined, response: HttpResponseLike | undefined, ctx: SoapErrorContext): PublicSecurityError {
  const op = ctx.operation;
  const said = redact(psb.message, ctx.secrets);
  const reason = said ? `: ${said}` : '';
  switch (psb.code) {
    case 'AUTH_FAILED':
      return new PublicSecurityError('UPSTREAM_REJECTED', `public-security refused the AppCredential on ${op} (AUTH_FAILED)`, {
        retryable: false,
        upstreamCode: 'AUTH_FAILED',
        httpStatus: status,
      });
    case 'INVALID_ID_NUMBER':
      return invalidIdNumberError(faultItemIndex(psb.message), `${op} fault${reason}`, status);
    case 'INVALID_REQUEST':
    case 'REQUEST_NOT_FOUND':
      return new PublicSecurityError('UPSTREAM_REJECTED', `public-security refused ${op} (${psb.code})${reason}`, {
        retryable: false,
        upstreamCode: psb.code,
        httpStatus: status,
      });
    case 'RATE_LIMITED':
      return new PublicSecurityError('UPSTREAM_UNAVAILABLE', `public-security rate limit reached on ${op} (RATE_LIMITED)`, {
        retryable: true,
        upstreamCode: 'RATE_LIMITED',
        httpStatus: 429,
        retryAfterMs: retryHint(response, psb.retryAfterSeconds, ctx.now),
      });
    case 'SERVICE_UNAVAILABLE':
      return new PublicSecurityError('UPSTREAM_UNAVAILABLE', `public-security is unavailable (SERVICE_UNAVAILABLE)${reason}`, {
        retryable: true,
        upstreamCode: 'SERVICE_UNAVAILABLE',
        httpStatus: status ?? 503,
        retryAfterMs: retryHint(response, psb.retryAfterSeconds, ctx.now),
      });
    case 'INTERNAL_ERROR':
      return new PublicSecurityError('UPSTREAM_UNAVAILABLE', `public-security failed on ${op} (INTERNAL_ERROR)`, {
        retryable: true,
        upstreamCode: 'INTERNAL_ERROR',
        httpStatus: status ?? 500,
        retryAfterMs: retryHint(response, psb.retryAfterSeconds, ctx.now),
      });
  }
}

/** An HTTP answer whose body is not a SOAP envelope (gateway page, proxy error, garbage). */
function fromHttpStatus(status: number, response: HttpResponseLike | undefined, ctx: SoapErrorContext): PublicSecurityError {
  const op = ctx.operation;
  if (status === 502 || status === 503 || status === 504) {
    // README: a 502/503/504 whose body is not a SOAP envelope means the same as SERVICE_UNAVAILABLE.
    return new PublicSecurityError('UPSTREAM_UNAVAILABLE', `public-security gateway answered HTTP ${status} without a SOAP envelope (SERVICE_UNAVAILABLE)`, {
      retryable: true,
      upstreamCode: 'SERVICE_UNAVAILABLE',
      httpStatus: status,
      retryAfterMs: retryHint(response, undefined, ctx.now),
    });
  }
  if (status === 429) {
    return new PublicSecurityError('UPSTREAM_UNAVAILABLE', `public-security rate limit reached on ${op} (HTTP 429)`, {
      retryable: true,
      upstreamCode: 'RATE_LIMITED',
      httpStatus: 429,
      retryAfterMs: retryHint(response, undefined, ctx.now),
    });
  }
  if (status >= 500) {
    return new PublicSecurityError('UPSTREAM_UNAVAILABLE', `public-security answered HTTP ${status} without a SOAP envelope`, {
      retryable: true,
      upstreamCode: `HTTP_${status}`,
      httpStatus: status,
    });
  }
  if (status >= 400) {
    return new PublicSecurityError('UPSTREAM_REJECTED', `public-security answered HTTP ${status} without a SOAP envelope`, {
      retryable: false,
      upstreamCode: `HTTP_${status}`,
      httpStatus: status,
    });
  }
  return new PublicSecurityError('UPSTREAM_BAD_RESPONSE', `public-security ${op} answered HTTP ${status} with a body that is not a valid SOAP envelope`, {
    retryable: false,
    upstreamCode: 'MALFORMED_RESPONSE',
    httpStatus: status,
  });
}

export function mapSoapError(raw: unknown, ctx: SoapErrorContext): ConnectorError {
  if (raw instanceof ConnectorError) return raw;
  const name = (raw as { name?: unknown } | null)?.name;
  const errCode = (raw as { code?: unknown } | null)?.code;
  if (ctx.aborted || name === 'CanceledError' || name === 'AbortError' || errCode === 'ERR_CANCELED') {
    return new PublicSecurityError('UPSTREAM_TIMEOUT', `public-security did not answer ${ctx.operation} within ${ctx.timeoutMs} ms`, {
      retryable: true,
    });
  }
  const response = (raw as { response?: HttpResponseLike } | null)?.response;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const fault = soapFaultOf(raw);
  if (fault) {
    if (fault.psb) return fromPsbFault(fault.psb, status, response, ctx);
    // A fault without the typed PsbFault detail breaks the contract; classify by who is to blame.
    if (status === 429 || status === 502 || status === 503 || status === 504) return fromHttpStatus(status, response, ctx);
    const server = /server$/i.test(fault.faultcode);
    return new PublicSecurityError(
      server ? 'UPSTREAM_UNAVAILABLE' : 'UPSTREAM_REJECTED',
      `public-security answered ${ctx.operation} with a soap:Fault without PsbFault detail`,
      { retryable: server, upstreamCode: server ? 'SOAP_SERVER_FAULT' : 'SOAP_CLIENT_FAULT', httpStatus: status },
    );
  }
  if (status !== undefined) return fromHttpStatus(status, response, ctx);
  // No HTTP answer at all: connection refused/reset, DNS, TLS.
  const netCode = typeof errCode === 'string' && /^E[A-Z_]+$/.test(errCode) ? errCode : undefined;
  return new PublicSecurityError('UPSTREAM_UNAVAILABLE', `public-security could not be reached${netCode ? ` (${netCode})` : ''}`, {
    retryable: true,
    upstreamCode: netCode,
  });
}
