// Failures of external systems, classified the same way for every connector. The hub maps
// them to GraphQL errors carrying the code and the system's name — never a stack or a raw body.
import type { SystemName } from './types';

export type ConnectorErrorCode = 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_TIMEOUT' | 'UPSTREAM_REJECTED' | 'UPSTREAM_BAD_RESPONSE';

export interface ConnectorErrorOptions {
  /** Safe to try again later (server-side or transient failures). */
  retryable?: boolean;
  /** The upstream asked us to wait this long (429/503 Retry-After). */
  retryAfterMs?: number;
  /** The system's own error code (e.g. INVALID_CODE, RATE_LIMITED), safe to show. */
  upstreamCode?: string;
  httpStatus?: number;
  /** For logs only. */
  cause?: unknown;
}

export class ConnectorError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly upstreamCode: string | undefined;
  readonly httpStatus: number | undefined;

  constructor(
    readonly code: ConnectorErrorCode,
    readonly system: SystemName,
    message: string,
    options: ConnectorErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.retryable = options.retryable ?? (code === 'UPSTREAM_UNAVAILABLE' || code === 'UPSTREAM_TIMEOUT');
    this.retryAfterMs = options.retryAfterMs;
    this.upstreamCode = options.upstreamCode;
    this.httpStatus = options.httpStatus;
  }
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
