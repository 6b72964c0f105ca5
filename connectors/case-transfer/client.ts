// REST client of the case-transfer platform (两法衔接, case-transfer.openapi.yaml). Every call goes
// through the shared CallPolicy (retries with backoff for safe calls only, Retry-After honoured,
// circuit breaker, one log line per attempt) and carries `Authorization: Bearer <token>`.
//
// Token: see token.ts. A 401 TOKEN_EXPIRED drops the token, fetches a new one and repeats the call
// exactly once (the platform checks auth first, so the refused call did nothing); a 401
// INVALID_TOKEN, or a second 401, stops with UPSTREAM_REJECTED — a configuration error, no loop.
//
// What is safe to repeat (CallPolicy retries it after timeouts, 5xx, 429):
//  - GETs (getTransfer, listTransfers);
//  - uploads: each call creates a new upload (the platform does not de-duplicate), but a
//    repeated upload only leaves an unreferenced copy behind, which the platform deletes after
//    72 h; the transfer references the uploadId we got back, so a retry changes nothing that
//    matters and is cheaper than failing the hand-over of a large file;
//  - createTransfer: always sent with its Idempotency-Key and the same bytes (serialize.ts), so
//    the platform answers a repeat with the stored 202 as 200 + `Idempotent-Replayed: true`
//    (reported as success, `replayed: true`) — never a second transfer. 409
//    IDEMPOTENCY_IN_PROGRESS (the first attempt is still running) is retried after Retry-After.
//  - withdraw / reconsideration / supplement only when the caller passes an Idempotency-Key;
//    without one they are sent once (their redelivery belongs to the outbox, which should pass a key).
//
// Timeouts per HTTP exchange: 10 s, uploads 30 s (contract); the policy's own timeout is only a
// backstop over the whole attempt (token request + at most two exchanges).
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { CallPolicy, policyOptions, realPolicyClock, type CallContext, type PolicyClock } from '../core/call-policy';
import { ConnectorError } from '../core/connector-error';
import { followPages, newestByKey } from '../core/follow-pages';
import { silentLogger, type ConnectorLogger } from '../core/types';
import type { CaseTransferConfig } from './config';
import { badResponse, CaseTransferError, errorFromResponse, invalidArgument, parseErrorBody, tokenErrorFromResponse } from './errors';
import {
  serializeReconsiderationRequest,
  serializeSupplementRequest,
  serializeTransferRequest,
  serializeWithdrawRequest,
} from './serialize';
import { parseDateTime } from './time';
import { TokenManager } from './token';
import {
  IDEMPOTENCY_KEY_PATTERN,
  MAX_UPLOAD_BYTES,
  SHA256_PATTERN,
  TRANSFER_ID_PATTERN,
  type ActionResult,
  type ReconsiderationRequest,
  type SupplementRequest,
  type TokenResponse,
  type Transfer,
  type TransferAccepted,
  type TransferPage,
  type TransferRequest,
  type Upload,
  type WithdrawRequest,
} from './types';
import {
  parseAcceptedBody,
  parseActionBody,
  parseTokenBody,
  parseTransferBody,
  parseTransferPageBody,
  parseUploadBody,
} from './validate';

const SYSTEM = 'case-transfer' as const;
/** Answers are small JSON documents; a page of 100 transfers with history stays far below this. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** Safety stop when following pages (100 per page → 100,000 transfers). */
const MAX_PAGES = 1000;
/** X-File-Name: percent-encoded UTF-8, at most 512 characters. */
const MAX_FILE_NAME_CHARS = 512;

export interface CaseTransferClientOptions {
  /** Base URL actually called (the configured one, or the simulator's). */
  baseUrl: string;
  config: CaseTransferConfig;
  logger?: ConnectorLogger;
  clock?: PolicyClock;
}

export interface UploadMaterialInput {
  /** Original file name; sent percent-encoded in X-File-Name (shortened to fit 512 characters). */
  fileName: string;
  /** Kept by the caller; the platform takes every file as application/octet-stream. */
  contentType: string;
  content: Buffer;
  /** Lowercase hex SHA-256 of `content` (checked here before sending). */
  sha256: string;
}

/** createTransfer's answer: 202 RECEIVED, or the replay of it (200, `Idempotent-Replayed: true`). */
export interface CreateTransferResult extends TransferAccepted {
  /** True when the platform replayed the stored answer of an earlier call with the same key and body. */
  replayed: boolean;
}

/** withdraw / reconsideration / supplement: the transition applied (or its idempotent replay). */
export interface ActionOutcome extends ActionResult {
  replayed: boolean;
}

export interface ListTransfersParams {
  /** First page: transfers with updatedAt ≥ this (ISO-8601 with offset). Ignored with pageToken. */
  updatedSince?: string;
  /** Later pages: only the token is sent (the platform binds the filters to it). */
  pageToken?: string;
  /** 1–100; defaults to the configured page size. First page only. */
  pageSize?: number;
}

export interface ListTransfersSinceOptions {
  pageSize?: number;
}

interface Exchange {
  method: 'GET' | 'POST';
  /** Path plus query, relative to the base URL. */
  target: string;
  body: Buffer | null;
  contentType?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
}

interface RawResponse {
  status: number;
  bodyText: string;
  retryAfter: string | undefined;
  requestId: string | undefined;
  replayed: boolean;
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

/** Percent-encoded UTF-8 file name of at most 512 characters (shortened by whole characters). */
export function encodeFileName(fileName: string): string | undefined {
  const chars = [...fileName.replace(/[\r\n]/g, ' ')];
  while (chars.length > 0) {
    const encoded = encodeURIComponent(chars.join(''));
    if (encoded.length <= MAX_FILE_NAME_CHARS) return encoded;
    chars.pop();
  }
  return undefined;
}

export class CaseTransferClient {
  readonly policy: CallPolicy;
  readonly tokens: TokenManager;
  private readonly http: AxiosInstance;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly baseUrl: string;
  private readonly config: CaseTransferConfig;
  private readonly clock: PolicyClock;
  private readonly logger: ConnectorLogger;

  constructor(options: CaseTransferClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.config = options.config;
    this.clock = options.clock ?? realPolicyClock;
    this.logger = options.logger ?? silentLogger;
    const longest = Math.max(this.config.timeoutMs, this.config.uploadTimeoutMs);
    this.policy = new CallPolicy(
      SYSTEM,
      // Backstop over a whole attempt: token request + the call + its one repeat after TOKEN_EXPIRED.
      policyOptions(this.config, this.config.timeoutMs + 2 * longest),
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
      maxContentLength: MAX_RESPONSE_BYTES,
      maxBodyLength: MAX_UPLOAD_BYTES + 1024,
      // Bodies are sent byte for byte (idempotent retries must be identical) and parsed here.
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
    this.tokens = new TokenManager({
      fetchToken: () => this.fetchToken(),
      now: this.clock.now,
      renewBeforeMs: this.config.tokenRenewBeforeMs,
      logger: this.logger,
    });
  }

  /** `POST /api/v1/uploads`: stores one file (1 byte – 50 MiB) and returns its uploadId. */
  async uploadMaterial(input: UploadMaterialInput): Promise<Upload> {
    const { content } = input;
    if (!Buffer.isBuffer(content) || content.length === 0) throw invalidArgument('upload content must be a non-empty Buffer');
    if (content.length > MAX_UPLOAD_BYTES) throw invalidArgument('upload content exceeds 50 MiB', 'PAYLOAD_TOO_LARGE');
    if (typeof input.sha256 !== 'string' || !SHA256_PATTERN.test(input.sha256)) throw invalidArgument('sha256 must be 64 lowercase hex digits');
    if (createHash('sha256').update(content).digest('hex') !== input.sha256) {
      throw invalidArgument('sha256 does not match the content', 'CHECKSUM_MISMATCH');
    }
    const headers: Record<string, string> = { 'X-Content-SHA256': input.sha256 };
    const fileName = typeof input.fileName === 'string' ? encodeFileName(input.fileName) : undefined;
    if (fileName) headers['X-File-Name'] = fileName;
    return this.policy.run('uploadMaterial', { safe: true }, async (ctx) => {
      const res = await this.authorized(ctx, 'uploadMaterial', {
        method: 'POST',
        target: '/api/v1/uploads',
        body: content,
        contentType: 'application/octet-stream',
        headers,
        timeoutMs: this.config.uploadTimeoutMs,
      });
      if (res.status !== 201) throw this.toError('uploadMaterial', res);
      const upload = parseUploadBody(res.status, res.bodyText);
      if (upload.sha256 !== input.sha256 || upload.sizeBytes !== content.length) {
        throw badResponse('case-transfer uploadMaterial answered a different sha256 or size than the file sent', res.status);
      }
      return upload;
    });
  }

  /**
   * `POST /api/v1/transfers` with `Idempotency-Key`. The key must be the same for every delivery
   * of the same transfer (e.g. the outbox message's key); the body is serialized byte-stably.
   * 202 → `{…, replayed: false}`; 200 + Idempotent-Replayed → `{…, replayed: true}`.
   * 409 DUPLICATE_TRANSFER_NO fails with `existingTransferId` on the error (the caller may adopt it).
   */
  async createTransfer(request: TransferRequest, idempotencyKey: string): Promise<CreateTransferResult> {
    checkIdempotencyKey(idempotencyKey);
    const body = serializeTransferRequest(request);
    return this.policy.run('createTransfer', { safe: true }, async (ctx) => {
      const res = await this.authorized(ctx, 'createTransfer', {
        method: 'POST',
        target: '/api/v1/transfers',
        body,
        contentType: 'application/json; charset=utf-8',
        headers: { 'Idempotency-Key': idempotencyKey },
        timeoutMs: this.config.timeoutMs,
      });
      if (res.status !== 202 && res.status !== 200) throw this.toError('createTransfer', res);
      const accepted = parseAcceptedBody(res.status, res.bodyText);
      // Only a replay answers 200 (the header is required with it).
      const replayed = res.status === 200 || res.replayed;
      if (replayed) {
        this.logger.info({ system: SYSTEM, operation: 'createTransfer', requestId: ctx.requestId }, 'transfer already created with this key (idempotent replay)');
      }
      return { ...accepted, replayed };
    });
  }

  /** `GET /api/v1/transfers/{id}`: status with full history; null when the platform answers 404 NOT_FOUND. */
  async getTransfer(transferId: string): Promise<Transfer | null> {
    checkTransferId(transferId);
    return this.policy.run('getTransfer', { safe: true }, async (ctx) => {
      const res = await this.authorized(ctx, 'getTransfer', {
        method: 'GET',
        target: `/api/v1/transfers/${transferId}`,
        body: null,
        timeoutMs: this.config.timeoutMs,
      });
      if (res.status === 404 && parseErrorBody(res.bodyText).code === 'NOT_FOUND') return null;
      if (res.status !== 200) throw this.toError('getTransfer', res);
      const transfer = parseTransferBody(res.status, res.bodyText);
      if (transfer.transferId !== transferId) throw badResponse('case-transfer getTransfer answered a different transfer', res.status);
      return transfer;
    });
  }

  /** One page of `GET /api/v1/transfers` (reconciliation): the first by updatedSince, later ones by pageToken only. */
  async listTransfers(params: ListTransfersParams): Promise<TransferPage> {
    let target: string;
    if (params.pageToken !== undefined) {
      if (typeof params.pageToken !== 'string' || !/^[\x21-\x7e]{1,512}$/.test(params.pageToken)) throw invalidArgument('pageToken is not a page token');
      target = `/api/v1/transfers${query({ pageToken: params.pageToken })}`;
    } else {
      if (params.updatedSince === undefined || parseDateTime(params.updatedSince) === null) {
        throw invalidArgument('updatedSince must be an ISO-8601 date-time with an offset');
      }
      const pageSize = params.pageSize ?? this.config.pageSize;
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw invalidArgument('pageSize must be 1–100');
      target = `/api/v1/transfers${query({ updatedSince: params.updatedSince, pageSize })}`;
    }
    return this.policy.run('listTransfers', { safe: true }, async (ctx) => {
      const res = await this.authorized(ctx, 'listTransfers', { method: 'GET', target, body: null, timeoutMs: this.config.timeoutMs });
      if (res.status !== 200) throw this.toError('listTransfers', res);
      return parseTransferPageBody(res.status, res.bodyText);
    });
  }

  /**
   * Every transfer with updatedAt ≥ updatedSince, following nextPageToken to the end. A transfer
   * updated while paging can come twice: the one with the higher sequence is kept. An expired
   * page token (400 INVALID_PAGE_TOKEN, 15 min) restarts from the first page, once.
   */
  async listTransfersSince(updatedSince: string, options: ListTransfersSinceOptions = {}): Promise<Transfer[]> {
    const transfers = await followPages<Transfer>({
      system: SYSTEM,
      operation: 'listTransfers',
      fetchPage: (pageToken: string | undefined): Promise<TransferPage> =>
        pageToken === undefined ? this.listTransfers({ updatedSince, pageSize: options.pageSize }) : this.listTransfers({ pageToken }),
      endless: () => badResponse('case-transfer listTransfers pagination does not come to an end', 200),
      logger: this.logger,
      maxPages: MAX_PAGES,
    });
    return newestByKey(transfers, (t) => t.transferId, (t) => t.sequence);
  }

  /** `POST …/withdraw`: only in RECEIVED (else 409 INVALID_STATE) → WITHDRAWN. */
  withdrawTransfer(transferId: string, request: WithdrawRequest, idempotencyKey?: string): Promise<ActionOutcome> {
    return this.action('withdrawTransfer', transferId, 'withdraw', serializeWithdrawRequest(request), idempotencyKey);
  }

  /** `POST …/reconsideration`: only in NOT_FILED, not after reconsiderationDeadline (409 DEADLINE_PASSED). */
  requestReconsideration(transferId: string, request: ReconsiderationRequest, idempotencyKey?: string): Promise<ActionOutcome> {
    return this.action('requestReconsideration', transferId, 'reconsideration', serializeReconsiderationRequest(request), idempotencyKey);
  }

  /** `POST …/supplement`: only in RETURNED → UNDER_REVIEW. */
  supplementMaterials(transferId: string, request: SupplementRequest, idempotencyKey?: string): Promise<ActionOutcome> {
    return this.action('supplementMaterials', transferId, 'supplement', serializeSupplementRequest(request), idempotencyKey);
  }

  /** Releases pooled sockets. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async action(operation: string, transferId: string, verb: string, body: Buffer, idempotencyKey: string | undefined): Promise<ActionOutcome> {
    checkTransferId(transferId);
    if (idempotencyKey !== undefined) checkIdempotencyKey(idempotencyKey);
    const headers: Record<string, string> = idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey };
    return this.policy.run(operation, { safe: idempotencyKey !== undefined }, async (ctx) => {
      const res = await this.authorized(ctx, operation, {
        method: 'POST',
        target: `/api/v1/transfers/${transferId}/${verb}`,
        body,
        contentType: 'application/json; charset=utf-8',
        headers,
        timeoutMs: this.config.timeoutMs,
      });
      if (res.status !== 200) throw this.toError(operation, res);
      const result = parseActionBody(operation, res.status, res.bodyText);
      if (result.transferId !== transferId) throw badResponse(`case-transfer ${operation} answered for a different transfer`, res.status);
      return { ...result, replayed: res.replayed };
    });
  }

  /** One exchange with the current token; after 401 TOKEN_EXPIRED, a new token and exactly one repeat. */
  private async authorized(ctx: CallContext, operation: string, exchange: Exchange): Promise<RawResponse> {
    const token = await this.tokens.get(ctx.signal);
    const first = await this.send(ctx, exchange, token);
    if (first.status !== 401) return first;
    const code = parseErrorBody(first.bodyText).code;
    // Whatever the 401, this token is of no further use; a second 401 ends the call either way.
    this.tokens.invalidate(token);
    if (code !== 'TOKEN_EXPIRED') return first;
    this.logger.info({ system: SYSTEM, operation, requestId: ctx.requestId }, 'access token expired; renewing it and repeating the call once');
    const fresh = await this.tokens.get(ctx.signal);
    const second = await this.send(ctx, exchange, fresh);
    if (second.status === 401) this.tokens.invalidate(fresh);
    return second;
  }

  private async fetchToken(): Promise<TokenResponse> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
    }).toString();
    const res = await this.exchange(
      {
        method: 'POST',
        target: '/oauth/token',
        body: Buffer.from(form, 'utf8'),
        contentType: 'application/x-www-form-urlencoded',
        timeoutMs: this.config.timeoutMs,
      },
      null,
      undefined,
    );
    if (res.status !== 200) {
      throw tokenErrorFromResponse({
        status: res.status,
        bodyText: res.bodyText,
        retryAfter: res.retryAfter,
        requestIdHeader: res.requestId,
        nowMs: this.clock.now(),
      });
    }
    return parseTokenBody(res.status, res.bodyText);
  }

  private send(ctx: CallContext, exchange: Exchange, token: string): Promise<RawResponse> {
    return this.exchange(exchange, token, ctx.signal);
  }

  /** One HTTP exchange with its own timeout; network failures are rethrown without the request's details. */
  private async exchange(exchange: Exchange, token: string | null, outer: AbortSignal | undefined): Promise<RawResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', ...exchange.headers };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (exchange.body) headers['Content-Type'] = exchange.contentType ?? 'application/json; charset=utf-8';
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), exchange.timeoutMs);
    const signal = outer ? AbortSignal.any([outer, timer.signal]) : timer.signal;
    try {
      const res = await this.http.request<string>({
        url: `${this.baseUrl}${exchange.target}`,
        method: exchange.method,
        headers,
        data: exchange.body ?? undefined,
        signal,
      });
      return {
        status: res.status,
        bodyText: typeof res.data === 'string' ? res.data : String(res.data ?? ''),
        retryAfter: header(res.headers['retry-after']),
        requestId: header(res.headers['x-request-id']),
        replayed: header(res.headers['idempotent-replayed'])?.toLowerCase() === 'true',
      };
    } catch (err) {
      if (timer.signal.aborted && !outer?.aborted) {
        throw new CaseTransferError('UPSTREAM_TIMEOUT', `case-transfer did not answer within ${exchange.timeoutMs} ms`, { retryable: true });
      }
      throw sanitizeNetworkError(err);
    } finally {
      clearTimeout(timeout);
    }
  }

  private toError(operation: string, res: RawResponse): ConnectorError {
    return errorFromResponse(operation, {
      status: res.status,
      bodyText: res.bodyText,
      retryAfter: res.retryAfter,
      requestIdHeader: res.requestId,
      nowMs: this.clock.now(),
    });
  }
}

function checkTransferId(transferId: string): void {
  if (typeof transferId !== 'string' || !TRANSFER_ID_PATTERN.test(transferId)) throw invalidArgument('transferId is not a platform transfer id (LT + 14 digits)');
}

function checkIdempotencyKey(key: string): void {
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) throw invalidArgument('Idempotency-Key must be 8–64 characters of [A-Za-z0-9-]');
}

/**
 * axios errors carry the whole request config (headers with the Bearer token, the form with the
 * client secret). Keep only what CallPolicy classifies by — name, code and message.
 */
function sanitizeNetworkError(err: unknown): Error {
  if (err instanceof ConnectorError) return err;
  const source = err as { name?: unknown; code?: unknown; message?: unknown };
  const clean = new Error(typeof source?.message === 'string' ? source.message : 'request failed');
  clean.name = typeof source?.name === 'string' ? source.name : 'Error';
  if (typeof source?.code === 'string') (clean as Error & { code?: string }).code = source.code;
  return clean;
}
