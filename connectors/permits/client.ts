// REST client of the permits system (permits.openapi.yaml). Every call is a safe read and goes
// through the shared CallPolicy: 5 s timeout per attempt, up to 3 tries with backoff (1 s, 2 s …,
// jittered), Retry-After of 429/503 honoured, circuit breaker, one log line per attempt.
// Each attempt is signed anew (new nonce and timestamp), over the request target exactly as sent.
//
// Input validation (a choice): holder codes and permit numbers are checked here, before anything
// is sent, with the same rules the system applies (GB 32100 / GB 11643 check characters, the
// permit number pattern). A malformed one fails fast with UPSTREAM_REJECTED / INVALID_ARGUMENT —
// exactly what the system would have answered — without spending a call, a rate-limit slot or a
// breaker sample. Callers that want field-level user errors still validate first (src/domain).
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { validatePartyCode } from '../../src/domain/identifiers';
import { CallPolicy, policyOptions, realPolicyClock, type CallContext, type PolicyClock } from '../core/call-policy';
import { ConnectorError } from '../core/connector-error';
import { followPages } from '../core/follow-pages';
import { silentLogger, type ConnectorLogger } from '../core/types';
import type { PermitsConfig } from './config';
import { badResponse, errorFromResponse, invalidArgument } from './errors';
import { signRequest } from './signing';
import {
  PERMIT_NO_PATTERN,
  PERMIT_STATUSES,
  PERMIT_TYPE_VALUES,
  type BatchGetResult,
  type ListPermitsFilter,
  type Permit,
  type PermitPage,
  type PermitStatus,
} from './types';
import { chunk, mapLimit } from './util';
import { parseBatchGetBody, parsePermitBody, parsePermitPageBody } from './validate';

/** batchGet accepts at most this many numbers per call. */
export const BATCH_GET_LIMIT = 100;
/** Safety stop when following pages (100 per page → 100,000 permits). */
const MAX_PAGES = 1000;
const MAX_BODY_BYTES = 16 * 1024 * 1024;


export interface PermitsClientOptions {
  /** Base URL actually called (the configured one, or the simulator's). */
  baseUrl: string;
  config: PermitsConfig;
  logger?: ConnectorLogger;
  clock?: PolicyClock;
}

export interface ListHolderPermitsOptions {
  status?: PermitStatus;
}

export interface ListPermitsPageOptions {
  pageToken?: string;
  /** 1–100; defaults to the configured page size. */
  pageSize?: number;
}

interface RawResponse {
  status: number;
  bodyText: string;
  retryAfter: string | undefined;
  requestId: string | undefined;
}

function header(value: unknown): string | undefined {
  if (Array.isArray(value)) return header(value[0]);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export class PermitsClient {
  readonly policy: CallPolicy;
  private readonly http: AxiosInstance;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly baseUrl: string;
  private readonly config: PermitsConfig;
  private readonly clock: PolicyClock;
  private readonly logger: ConnectorLogger;

  constructor(options: PermitsClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.config = options.config;
    this.clock = options.clock ?? realPolicyClock;
    this.logger = options.logger ?? silentLogger;
    this.policy = new CallPolicy(
      'permits',
      policyOptions(this.config, this.config.timeoutMs),
      this.logger,
      this.clock,
    );
    this.http = axios.create({
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      proxy: false,
      maxRedirects: 0,
      responseType: 'text',
      responseEncoding: 'utf8',
      maxContentLength: MAX_BODY_BYTES,
      // The body is signed byte for byte and parsed here: no transformation either way.
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
  }

  /** One permit by number; null when the system answers 404 NOT_FOUND. */
  async getPermit(permitNo: string): Promise<Permit | null> {
    this.checkPermitNo(permitNo, 'permitNo');
    return this.policy.run('getPermit', { safe: true }, async (ctx) => {
      const res = await this.send(ctx, 'GET', `/api/v1/permits/${encodeURIComponent(permitNo)}`, null);
      if (res.status === 404) {
        // 404 NOT_FOUND is an answer, not a failure; another 404 (wrong route) is.
        const code = safeCode(res.bodyText);
        if (code === 'NOT_FOUND') return null;
      }
      if (res.status !== 200) throw this.toError(res);
      const permit = parsePermitBody(res.bodyText);
      if (permit.permitNo !== permitNo) throw badResponse('permits getPermit answered a different permit', 200);
      return permit;
    });
  }

  /** All permits of a holder (USCC or ID number), following nextPageToken to the end. */
  async listHolderPermits(holderCode: string, options: ListHolderPermitsOptions = {}): Promise<Permit[]> {
    this.checkHolderCode(holderCode, 'holderCode');
    if (options.status !== undefined && !PERMIT_STATUSES.includes(options.status)) {
      throw invalidArgument('status is not a PermitStatus');
    }
    const path = `/api/v1/holders/${encodeURIComponent(holderCode)}/permits`;
    const permits = await this.followPages('listHolderPermits', (pageToken) =>
      `${path}${query({ status: options.status, pageToken, pageSize: this.config.pageSize })}`,
    );
    if (permits.some((p) => p.holderCode !== holderCode || (options.status !== undefined && p.status !== options.status))) {
      throw badResponse('permits listHolderPermits answered permits outside the filters asked', 200);
    }
    return permits;
  }

  /**
   * Permits by number, any count: duplicates are asked once, chunks of ≤100 per call, results
   * merged (found in order of first occurrence, notFound likewise). One failed chunk fails the call.
   */
  async batchGetPermits(permitNos: readonly string[]): Promise<BatchGetResult> {
    const unique = [...new Set(permitNos)];
    unique.forEach((n, i) => this.checkPermitNo(n, `permitNos[${i}]`));
    if (unique.length === 0) return { found: [], notFound: [] };
    const results = await mapLimit(chunk(unique, BATCH_GET_LIMIT), this.config.maxConcurrency, (part) => this.batchGetChunk(part));
    return {
      found: results.flatMap((r) => r.found),
      notFound: results.flatMap((r) => r.notFound),
    };
  }

  /** One page of `GET /api/v1/permits` (e.g. incremental sync by `updatedSince`). */
  async listPermitsPage(filter: ListPermitsFilter = {}, options: ListPermitsPageOptions = {}): Promise<PermitPage> {
    if (filter.holderCode !== undefined) this.checkHolderCode(filter.holderCode, 'holderCode');
    if (filter.type !== undefined && !PERMIT_TYPE_VALUES.includes(filter.type)) throw invalidArgument('type is not a PermitType');
    if (filter.status !== undefined && !PERMIT_STATUSES.includes(filter.status)) throw invalidArgument('status is not a PermitStatus');
    if (filter.updatedSince !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(filter.updatedSince)) {
      throw invalidArgument('updatedSince must be an ISO-8601 date-time with an offset');
    }
    const pageSize = options.pageSize ?? this.config.pageSize;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw invalidArgument('pageSize must be 1–100');
    const target = `/api/v1/permits${query({
      holderCode: filter.holderCode,
      type: filter.type,
      status: filter.status,
      updatedSince: filter.updatedSince,
      pageToken: options.pageToken,
      pageSize,
    })}`;
    return this.policy.run('listPermits', { safe: true }, async (ctx) => {
      const res = await this.send(ctx, 'GET', target, null);
      if (res.status !== 200) throw this.toError(res);
      return parsePermitPageBody('listPermits', res.bodyText);
    });
  }

  /** Releases pooled sockets. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async batchGetChunk(permitNos: string[]): Promise<BatchGetResult> {
    const body = Buffer.from(JSON.stringify({ permitNos }), 'utf8');
    return this.policy.run('batchGetPermits', { safe: true }, async (ctx) => {
      const res = await this.send(ctx, 'POST', '/api/v1/permits:batchGet', body);
      if (res.status !== 200) throw this.toError(res);
      const result = parseBatchGetBody(res.bodyText);
      // Every number asked must be answered, as found or notFound, and nothing else.
      const asked = new Set(permitNos);
      const answered = new Set([...result.found.map((p) => p.permitNo), ...result.notFound]);
      if (answered.size !== asked.size || [...asked].some((n) => !answered.has(n))) {
        throw badResponse('permits batchGetPermits answer does not account for exactly the numbers asked', 200);
      }
      return result;
    });
  }

  private followPages(operation: string, target: (pageToken: string | undefined) => string): Promise<Permit[]> {
    return followPages<Permit>({
      system: 'permits',
      operation,
      fetchPage: (pageToken) => {
        const url = target(pageToken);
        return this.policy.run(operation, { safe: true }, async (ctx) => {
          const res = await this.send(ctx, 'GET', url, null);
          if (res.status !== 200) throw this.toError(res);
          return parsePermitPageBody(operation, res.bodyText);
        });
      },
      endless: () => badResponse(`permits ${operation} pagination does not come to an end`, 200),
      logger: this.logger,
      maxPages: MAX_PAGES,
    });
  }

  /** One signed HTTP exchange; network failures are rethrown without the request's details. */
  private async send(ctx: CallContext, method: 'GET' | 'POST', relativeTarget: string, body: Buffer | null): Promise<RawResponse> {
    const url = new URL(`${this.baseUrl}${relativeTarget}`);
    // Signed over the request target as it goes on the request line (axios sends pathname + search).
    const target = `${url.pathname}${url.search}`;
    const auth = signRequest({
      appId: this.config.appId,
      appSecret: this.config.appSecret,
      method,
      path: target,
      body,
      nowMs: this.clock.now(),
    });
    const headers: Record<string, string> = { ...auth, Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json; charset=utf-8';
    try {
      const res = await this.http.request<string>({
        url: url.toString(),
        method,
        headers,
        data: body ?? undefined,
        signal: ctx.signal,
      });
      return {
        status: res.status,
        bodyText: typeof res.data === 'string' ? res.data : String(res.data ?? ''),
        retryAfter: header(res.headers['retry-after']),
        requestId: header(res.headers['x-request-id']),
      };
    } catch (err) {
      throw sanitizeNetworkError(err);
    }
  }

  private toError(res: RawResponse): ConnectorError {
    return errorFromResponse({
      status: res.status,
      bodyText: res.bodyText,
      retryAfter: res.retryAfter,
      requestIdHeader: res.requestId,
      nowMs: this.clock.now(),
    });
  }

  private checkPermitNo(permitNo: string, field: string): void {
    if (typeof permitNo !== 'string' || !PERMIT_NO_PATTERN.test(permitNo)) {
      throw invalidArgument(`${field} is not a permit number (6-digit region, 4-letter type, 10 digits)`);
    }
  }

  private checkHolderCode(holderCode: string, field: string): void {
    const { kind, problem } = validatePartyCode(typeof holderCode === 'string' ? holderCode : '', new Date(this.clock.now()));
    if (problem) {
      const what = kind === 'PERSON' ? 'resident ID number' : 'unified social credit code';
      // The rule only: the detail (e.g. a birth date) is personal data and has no place in logs.
      throw invalidArgument(`${field} is not a valid ${what} (${problem.rule})`);
    }
  }
}

function safeCode(bodyText: string): string | undefined {
  try {
    const body = JSON.parse(bodyText) as { code?: unknown } | null;
    return typeof body?.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * axios errors carry the whole request config (headers, agents). Keep only what CallPolicy
 * classifies by — name, code and message — so nothing of the request travels in `cause`.
 */
function sanitizeNetworkError(err: unknown): Error {
  if (err instanceof ConnectorError) return err;
  const source = err as { name?: unknown; code?: unknown; message?: unknown };
  const clean = new Error(typeof source?.message === 'string' ? source.message : 'request failed');
  clean.name = typeof source?.name === 'string' ? source.name : 'Error';
  if (typeof source?.code === 'string') (clean as Error & { code?: string }).code = source.code;
  return clean;
}
