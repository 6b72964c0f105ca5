// REST client of the 12345 hotline (12345政务服务便民热线, hotline-12345.openapi.yaml). Every call
// goes through the shared CallPolicy (timeout per attempt, retries with backoff for safe calls
// only, Retry-After honoured, circuit breaker, one log line per attempt) and carries `X-Api-Key`.
// The key, the requester's name and phone never reach a log line or an error message.
//
// What is safe to repeat (CallPolicy retries it after timeouts, 5xx, 429):
//  - GETs (getWorkOrder, listWorkOrders);
//  - sign: idempotent per contract (signing an order already SIGNED in the current round answers
//    200 with the order unchanged).
// reply, return and extension are not idempotent: they are sent once. After a timeout their
// outcome is unknown; the hub's outbox GETs the order before repeating (contract).
//
// Requests are checked against the contract's schemas before they are sent (a request the
// hotline would refuse fails here with the same code, without a call) and serialized from the
// known fields only, in schema order. Answers are validated (validate.ts): a body that is not
// the contract's shape is UPSTREAM_BAD_RESPONSE naming the field, never echoing values.
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { CallPolicy, policyOptions, realPolicyClock, type CallContext, type PolicyClock } from '../core/call-policy';
import { ConnectorError } from '../core/connector-error';
import { followPages, newestByKey } from '../core/follow-pages';
import { silentLogger, type ConnectorLogger } from '../core/types';
import type { HotlineConfig } from './config';
import { badResponse, errorFromResponse, invalidArgument } from './errors';
import { parseDateTime } from './time';
import {
  MAX_REQUEST_BYTES,
  ORDER_NO_PATTERN,
  PAGE_TOKEN_PATTERN,
  WORK_ORDER_STATUSES,
  type ExtensionAccepted,
  type ExtensionRequest,
  type ReplyRequest,
  type ReturnRequest,
  type SignRequest,
  type WorkOrder,
  type WorkOrderPage,
  type WorkOrderStatus,
} from './types';
import {
  ShapeProblem,
  parseExtensionAcceptedBody,
  parseWorkOrderBody,
  parseWorkOrderPageBody,
  readExtensionRequest,
  readReplyRequest,
  readReturnRequest,
  readSignRequest,
} from './validate';

const SYSTEM = 'hotline-12345' as const;
/** A page of 100 orders of 10,000 characters each stays well below this. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** Safety stop when following pages (100 per page → 100,000 orders). */
const MAX_PAGES = 1000;

export interface HotlineClientOptions {
  /** Base URL actually called (the configured one, or the simulator's). */
  baseUrl: string;
  config: HotlineConfig;
  logger?: ConnectorLogger;
  clock?: PolicyClock;
}

export interface CallOpts {
  /** Correlates the attempt log lines with the caller's work (e.g. an outbox message id). */
  requestId?: string;
}

export interface ListWorkOrdersParams {
  status?: WorkOrderStatus;
  /** Orders with updatedAt ≥ this (ISO-8601 with an offset). */
  updatedSince?: string;
  /** nextPageToken of the previous page; sent with the same other parameters (contract). */
  pageToken?: string;
  /** 1–100; defaults to the configured page size. */
  pageSize?: number;
}

export interface ListWorkOrdersSinceOptions {
  status?: WorkOrderStatus;
  pageSize?: number;
}

interface RawResponse {
  status: number;
  bodyText: string;
  retryAfter: string | undefined;
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

function checkOrderNo(orderNo: string): void {
  if (typeof orderNo !== 'string' || !ORDER_NO_PATTERN.test(orderNo)) throw invalidArgument('orderNo is not a hotline order number (SZ12345 + 14 digits)');
}

/** Runs a request reader; its problem becomes the INVALID_ARGUMENT / PAYLOAD_TOO_LARGE the hotline would answer. */
function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof ShapeProblem) throw invalidArgument(`request refused before sending: ${err.message}`, err.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'INVALID_ARGUMENT');
    throw err;
  }
}

export class HotlineClient {
  readonly policy: CallPolicy;
  private readonly http: AxiosInstance;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly baseUrl: string;
  private readonly config: HotlineConfig;
  private readonly clock: PolicyClock;
  private readonly logger: ConnectorLogger;

  constructor(options: HotlineClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.config = options.config;
    this.clock = options.clock ?? realPolicyClock;
    this.logger = options.logger ?? silentLogger;
    this.policy = new CallPolicy(SYSTEM, policyOptions(this.config, this.config.timeoutMs), this.logger, this.clock);
    this.http = axios.create({
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      proxy: false,
      maxRedirects: 0,
      responseType: 'text',
      responseEncoding: 'utf8',
      maxContentLength: MAX_RESPONSE_BYTES,
      maxBodyLength: MAX_REQUEST_BYTES + 1024,
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
  }

  /** The handling unit the key is bound to (the `assignee` of list calls). */
  get assignee(): string {
    return this.config.assignee;
  }

  /** `GET /api/v1/work-orders/{orderNo}`. 404 → UPSTREAM_REJECTED NOT_FOUND; another unit's order → FORBIDDEN. */
  async getWorkOrder(orderNo: string, opts: CallOpts = {}): Promise<WorkOrder> {
    checkOrderNo(orderNo);
    return this.policy.run('getWorkOrder', { safe: true, requestId: opts.requestId }, async (ctx) => {
      const res = await this.exchange(ctx, 'GET', `/api/v1/work-orders/${orderNo}`, null);
      if (res.status !== 200) throw this.toError('getWorkOrder', res);
      return this.sameOrder('getWorkOrder', orderNo, res);
    });
  }

  /** One page of `GET /api/v1/work-orders` for the connector's own unit, ordered by (updatedAt, orderNo). */
  async listWorkOrders(params: ListWorkOrdersParams = {}, opts: CallOpts = {}): Promise<WorkOrderPage> {
    if (params.status !== undefined && !(WORK_ORDER_STATUSES as readonly string[]).includes(params.status)) throw invalidArgument('status is not a work-order status');
    if (params.updatedSince !== undefined && parseDateTime(params.updatedSince) === null) {
      throw invalidArgument('updatedSince must be an ISO-8601 date-time with an offset');
    }
    if (params.pageToken !== undefined && (typeof params.pageToken !== 'string' || !PAGE_TOKEN_PATTERN.test(params.pageToken))) {
      throw invalidArgument('pageToken is not a page token');
    }
    const pageSize = params.pageSize ?? this.config.pageSize;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw invalidArgument('pageSize must be 1–100');
    const target = `/api/v1/work-orders${query({
      assignee: this.config.assignee,
      status: params.status,
      updatedSince: params.updatedSince,
      pageToken: params.pageToken,
      pageSize,
    })}`;
    return this.policy.run('listWorkOrders', { safe: true, requestId: opts.requestId }, async (ctx) => {
      const res = await this.exchange(ctx, 'GET', target, null);
      if (res.status !== 200) throw this.toError('listWorkOrders', res);
      return parseWorkOrderPageBody(res.status, res.bodyText);
    });
  }

  /**
   * Every order of the unit with updatedAt ≥ updatedSince (all of them for null), following
   * nextPageToken to the end. An order updated while paging can come twice: the higher version is
   * kept. An expired page token (400 INVALID_PAGE_TOKEN, 15 min) restarts from updatedSince, once.
   */
  async listWorkOrdersSince(updatedSince: string | null, opts: ListWorkOrdersSinceOptions = {}): Promise<WorkOrder[]> {
    const orders = await followPages<WorkOrder>({
      system: SYSTEM,
      operation: 'listWorkOrders',
      fetchPage: (pageToken) => this.listWorkOrders({ status: opts.status, updatedSince: updatedSince ?? undefined, pageToken, pageSize: opts.pageSize }),
      endless: () => badResponse('hotline-12345 listWorkOrders pagination does not come to an end', 200),
      logger: this.logger,
      maxPages: MAX_PAGES,
    });
    return newestByKey(orders, (o) => o.orderNo, (o) => o.version);
  }

  /** `POST …/sign` 签收: DISPATCHED → SIGNED (late → signOverdue). Idempotent, so retried like a read. */
  async signWorkOrder(orderNo: string, req: SignRequest, opts: CallOpts = {}): Promise<WorkOrder> {
    checkOrderNo(orderNo);
    const body = checked(() => readSignRequest(req, false));
    return this.action('signWorkOrder', orderNo, 'sign', body, true, opts);
  }

  /** `POST …/reply` 反馈: SIGNED → REPLIED (late → replyOverdue). Sent once. */
  async replyWorkOrder(orderNo: string, req: ReplyRequest, opts: CallOpts = {}): Promise<WorkOrder> {
    checkOrderNo(orderNo);
    const body = checked(() => readReplyRequest(req, false));
    return this.action('replyWorkOrder', orderNo, 'reply', body, false, opts);
  }

  /** `POST …/return` 退单: DISPATCHED any time, SIGNED until returnDeadline (later → 409 DEADLINE_PASSED). Sent once. */
  async returnWorkOrder(orderNo: string, req: ReturnRequest, opts: CallOpts = {}): Promise<WorkOrder> {
    checkOrderNo(orderNo);
    const body = checked(() => readReturnRequest(req, false));
    return this.action('returnWorkOrder', orderNo, 'return', body, false, opts);
  }

  /** `POST …/extension` 延期申请 → 202 PENDING; decided later by an EXTENSION_DECIDED webhook. Sent once. */
  async requestExtension(orderNo: string, req: ExtensionRequest, opts: CallOpts = {}): Promise<ExtensionAccepted> {
    checkOrderNo(orderNo);
    const body = checked(() => readExtensionRequest(req, false));
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    return this.policy.run('requestExtension', { safe: false, requestId: opts.requestId }, async (ctx) => {
      const res = await this.exchange(ctx, 'POST', `/api/v1/work-orders/${orderNo}/extension`, bytes);
      if (res.status !== 202) throw this.toError('requestExtension', res);
      return parseExtensionAcceptedBody(res.status, res.bodyText);
    });
  }

  /** Releases pooled sockets. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async action(operation: string, orderNo: string, verb: string, body: object, safe: boolean, opts: CallOpts): Promise<WorkOrder> {
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    if (bytes.length > MAX_REQUEST_BYTES) throw invalidArgument('request body exceeds 30 MiB', 'PAYLOAD_TOO_LARGE');
    return this.policy.run(operation, { safe, requestId: opts.requestId }, async (ctx) => {
      const res = await this.exchange(ctx, 'POST', `/api/v1/work-orders/${orderNo}/${verb}`, bytes);
      if (res.status !== 200) throw this.toError(operation, res);
      return this.sameOrder(operation, orderNo, res);
    });
  }

  private sameOrder(operation: string, orderNo: string, res: RawResponse): WorkOrder {
    const order = parseWorkOrderBody(operation, res.status, res.bodyText);
    if (order.orderNo !== orderNo) throw badResponse(`hotline-12345 ${operation} answered with a different order`, res.status);
    return order;
  }

  /** One HTTP exchange under the attempt's signal (CallPolicy's per-attempt timeout). */
  private async exchange(ctx: CallContext, method: 'GET' | 'POST', target: string, body: Buffer | null): Promise<RawResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', 'X-Api-Key': this.config.apiKey };
    if (body) headers['Content-Type'] = 'application/json; charset=utf-8';
    try {
      const res = await this.http.request<string>({ url: `${this.baseUrl}${target}`, method, headers, data: body ?? undefined, signal: ctx.signal });
      return {
        status: res.status,
        bodyText: typeof res.data === 'string' ? res.data : String(res.data ?? ''),
        retryAfter: header(res.headers['retry-after']),
      };
    } catch (err) {
      throw sanitizeNetworkError(err);
    }
  }

  private toError(operation: string, res: RawResponse): ConnectorError {
    return errorFromResponse(operation, { status: res.status, bodyText: res.bodyText, retryAfter: res.retryAfter, nowMs: this.clock.now() });
  }
}

/**
 * axios errors carry the whole request config (headers with the API key, the body with the
 * requester's reply). Keep only what CallPolicy classifies by — name, code and message.
 */
function sanitizeNetworkError(err: unknown): Error {
  if (err instanceof ConnectorError) return err;
  const source = err as { name?: unknown; code?: unknown; message?: unknown };
  const clean = new Error(typeof source?.message === 'string' ? source.message : 'request failed');
  clean.name = typeof source?.name === 'string' ? source.name : 'Error';
  if (typeof source?.code === 'string') (clean as Error & { code?: string }).code = source.code;
  return clean;
}
