// In-process simulator of the 12345 hotline (12345政务服务便民热线): a real HTTP server (node:http)
// implementing hotline-12345.openapi.yaml for one handling unit — X-Api-Key (401 UNAUTHORIZED),
// the unit check (403 FORBIDDEN), getWorkOrder, listWorkOrders (assignee required, ordered by
// updatedAt and orderNo, updatedSince inclusive, pageSize 1–100, signed page tokens bound to the
// other parameters and living 15 min), sign (idempotent) / reply / return / extension with the
// contract's schemas and state rules (store.ts), deadlines on the working-day calendar
// (deadlines.ts), and signed webhooks with the contract's retries (dispatcher.ts).
//
// The centre's side: dispatch() / redispatch() / urge() / recall() / evaluate() / decideExtension()
// / closeUnevaluated() on demand, and — when dispatchEveryMs > 0 — by itself: a new order for a
// random street every dispatchEveryMs, urges past deadlines, evaluations, extension decisions.
//
// Plus the shared SimulatorControl switches and counters at /__simulator, and for a standalone run:
//   GET  /__simulator/orders                        every order
//   POST /__simulator/dispatch                      {category?, urgency?, street?, …} → the new order
//   POST /__simulator/orders/{orderNo}/{redispatch|urge|recall|evaluate|decide-extension}
//        {reason} / {result, comment?} / {decision, replyDeadline?, comment?}
//   POST /__simulator/close-unevaluated | /__simulator/tick
//   GET|POST|DELETE /__simulator/webhooks           switches {duplicateRate, dropRate, reorder, hold}, deliveries
//   POST /__simulator/webhooks/flush                attempt every queued webhook now
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkingDayCalendar } from '../../../src/domain/calendar';
import { SimulatorControl } from '../../core/simulator-control';
import { formatShanghai, parseDateTime } from '../time';
import {
  DEPT_CODE_PATTERN,
  EVALUATIONS,
  EXTENSION_DECISIONS,
  HOTLINE_ERROR_CODES,
  HOTLINE_ERROR_STATUS,
  MAX_REQUEST_BYTES,
  ORDER_NO_PATTERN,
  WORK_ORDER_STATUSES,
  type Evaluation,
  type ExtensionDecision,
  type HotlineErrorCode,
  type WorkOrder,
  type WorkOrderEvent,
  type WorkOrderStatus,
} from '../types';
import { ShapeProblem, readExtensionRequest, readReplyRequest, readReturnRequest, readSignRequest } from '../validate';
import { WebhookDispatcher, type WebhookDelivery, type WebhookSwitches } from './dispatcher';
import { Refusal, WorkOrderStore, type DispatchOverrides, type SimOrder, type SimReply } from './store';

export interface HotlineSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The X-Api-Key the simulator accepts. */
  apiKey: string;
  /** The handling unit (承办单位) the key is bound to; its orders are the ones dispatched and pushed. */
  assignee: string;
  /** Signs the webhooks. */
  webhookSecret: string;
  /** `{hub}/webhooks/hotline/work-orders`, or null while the hub does not listen (asked on every attempt). */
  webhookUrl?: () => string | null;
  /** The centre's clock in epoch ms (timestamps, deadlines, page tokens, signatures, automation); default Date.now. */
  now?: () => number;
  /** For generated content, the automatic behaviour, errorRate and the webhook rates; default Math.random. */
  random?: () => number;
  /** A new work order this often (real time); 0/undefined = only on demand (and no automatic behaviour). */
  dispatchEveryMs?: number;
  /** Replied orders are evaluated this long (centre time) after the reply; default 60 s. */
  evaluationDelayMs?: number;
  /** Pending extensions are decided this long (centre time) after the request; default 30 s. */
  extensionDecisionDelayMs?: number;
  /** Webhook retry delays (contract: 1, 5, 15, 30, 60 min); tests pass small values. */
  webhookRetryDelaysMs?: readonly number[];
  /** Per webhook attempt (contract: 5 s). */
  webhookTimeoutMs?: number;
  calendar?: WorkingDayCalendar;
}

export type HotlineOperation = 'getWorkOrder' | 'listWorkOrders' | 'signWorkOrder' | 'replyWorkOrder' | 'returnWorkOrder' | 'requestExtension';

export interface HotlineSimulator {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly control: SimulatorControl;
  /** Webhook switches; assign to change them (turning `hold` / `reorder` off sends what they held). */
  readonly webhooks: WebhookSwitches;
  readonly store: WorkOrderStore;
  readonly dispatcher: WebhookDispatcher;
  /** A new order for the simulator's unit (random demo content unless overridden) + WORK_ORDER_DISPATCHED. */
  dispatch(overrides?: DispatchOverrides): WorkOrder;
  /** The same orderNo again: dispatchRound + 1, new deadlines, DISPATCHED, urgeCount 0, WORK_ORDER_DISPATCHED. */
  redispatch(orderNo: string): WorkOrder;
  urge(orderNo: string, reason: string): WorkOrder;
  recall(orderNo: string, reason: string): WorkOrder;
  /** REPLIED → CLOSED with EVALUATION_RECEIVED. */
  evaluate(orderNo: string, result: Evaluation, comment?: string): WorkOrder;
  /** Decides the order's PENDING extension (APPROVED: replyDeadline default = the requested one). */
  decideExtension(orderNo: string, decision: ExtensionDecision, replyDeadline?: string, comment?: string): WorkOrder;
  /** REPLIED orders past 5 working days without evaluation → CLOSED, no webhook; returns them. */
  closeUnevaluated(): WorkOrder[];
  /** One round of the centre's automatic behaviour (urges, evaluations, extension decisions, auto-close) now. */
  tick(): void;
  order(orderNo: string): WorkOrder | null;
  orders(): WorkOrder[];
  /** The last reply the unit sent for an order (attachments reduced to name, type and size), or null. */
  lastReply(orderNo: string): SimReply | null;
  /** Calls received per operation (counted before any switch applies). */
  calls(): Readonly<Record<string, number>>;
  calls(operation: HotlineOperation): number;
  /** Every event emitted for the simulator's unit, in order. */
  events(): WorkOrderEvent[];
  /** Every webhook attempt (eventId, type, orderNo, orderVersion, attempt, outcome, httpStatus). */
  deliveries(): WebhookDelivery[];
  /** Attempts every queued webhook now (retries included) and resolves when each was attempted. */
  flushWebhooks(): Promise<void>;
  /** Webhooks not yet delivered nor given up (queued, in flight, waiting for a retry, held). */
  pendingWebhooks(): number;
  /** Signs webhooks with `next` and the current secret (two v1) until completeWebhookSecretRotation(). */
  rotateWebhookSecret(next: string): void;
  completeWebhookSecretRotation(): void;
  close(): Promise<void>;
}

const PAGE_TOKEN_TTL_MS = 15 * 60_000;
const MAX_JSON_BYTES = 1024 * 1024;
/** Real-time period of the automatic behaviour when dispatchEveryMs > 0. */
const AUTOMATION_EVERY_MS = 5000;

const MESSAGES: Record<HotlineErrorCode, string> = {
  INVALID_ARGUMENT: '请求参数不正确',
  INVALID_PAGE_TOKEN: '分页令牌无效或已过期，请从第一页重新查询',
  UNAUTHORIZED: 'API Key 缺失或无效',
  FORBIDDEN: '无权访问其他承办单位的工单',
  NOT_FOUND: '工单不存在',
  INVALID_STATE: '当前工单状态不允许该操作',
  DEADLINE_PASSED: '已超过时限',
  PAYLOAD_TOO_LARGE: '请求体超过 30 MiB 或附件超过 5 MiB',
  RATE_LIMITED: '请求过于频繁，请稍后重试',
  INTERNAL: '系统内部错误，请稍后重试',
  SERVICE_UNAVAILABLE: '系统维护中，请稍后重试',
};

const GATEWAY_PAGE =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Route {
  operation: HotlineOperation;
  orderNo?: string;
}

function route(method: string, path: string): Route | null {
  if (path === '/api/v1/work-orders') return method === 'GET' ? { operation: 'listWorkOrders' } : null;
  const m = /^\/api\/v1\/work-orders\/([^/]+)(?:\/(sign|reply|return|extension))?$/.exec(path);
  if (!m) return null;
  if (m[2] === undefined) return method === 'GET' ? { operation: 'getWorkOrder', orderNo: m[1] } : null;
  if (method !== 'POST') return null;
  const operation: HotlineOperation =
    m[2] === 'sign' ? 'signWorkOrder' : m[2] === 'reply' ? 'replyWorkOrder' : m[2] === 'return' ? 'returnWorkOrder' : 'requestExtension';
  return { operation, orderNo: m[1] };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Query parameters: only `allowed` names, each at most once. */
function readQuery(search: string, allowed: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(search)) {
    if (!allowed.includes(name)) throw new Refusal('INVALID_ARGUMENT', `不支持的查询参数 ${name}`);
    if (out.has(name)) throw new Refusal('INVALID_ARGUMENT', `查询参数 ${name} 重复`);
    out.set(name, value);
  }
  return out;
}

/** The raw body, or null when it exceeds `limit` (the rest is read and discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A request body through one of the contract's request readers: 400 for a bad shape, 413 for a too-large attachment. */
function requestBody<T>(body: Buffer, read: (value: unknown, strict: boolean) => T): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal('INVALID_ARGUMENT', '请求体不是有效的 JSON');
  }
  try {
    return read(parsed, true);
  } catch (err) {
    if (err instanceof ShapeProblem) throw new Refusal(err.tooLarge ? 'PAYLOAD_TOO_LARGE' : 'INVALID_ARGUMENT', err.message);
    throw err;
  }
}

interface PageCursor {
  assignee: string;
  status: WorkOrderStatus | null;
  since: number | null;
  size: number;
  after: [number, string];
}

export async function startHotlineSimulator(options: HotlineSimulatorOptions): Promise<HotlineSimulator> {
  if (!DEPT_CODE_PATTERN.test(options.assignee)) throw new Error('assignee must be a handling-unit code (^[0-9A-Z-]{2,32}$)');
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const control = new SimulatorControl();
  const evaluationDelayMs = options.evaluationDelayMs ?? 60_000;
  const extensionDecisionDelayMs = options.extensionDecisionDelayMs ?? 30_000;
  let secrets: string[] = [options.webhookSecret];
  const pageKey = randomBytes(32);

  const dispatcher = new WebhookDispatcher({
    url: () => options.webhookUrl?.() ?? null,
    secrets: () => secrets,
    now,
    random,
    retryDelaysMs: options.webhookRetryDelaysMs,
    timeoutMs: options.webhookTimeoutMs,
  });
  const store = new WorkOrderStore({
    now,
    random,
    calendar: options.calendar,
    assignee: options.assignee,
    // Only the simulator's own unit is pushed to this hub; other units' orders exist for 403s.
    onEvent: (event) => {
      if (store.get(event.orderNo)?.assignee.deptCode === options.assignee) dispatcher.emit(event);
    },
  });

  // ───────────── helpers ─────────────

  const orderOf = (orderNo: string | undefined): SimOrder => {
    if (orderNo === undefined || !ORDER_NO_PATTERN.test(orderNo)) throw new Refusal('INVALID_ARGUMENT', 'orderNo 格式不正确');
    const o = store.get(orderNo);
    if (!o) throw new Refusal('NOT_FOUND');
    if (o.assignee.deptCode !== options.assignee) throw new Refusal('FORBIDDEN');
    return o;
  };

  const mac = (payload: string): string => createHmac('sha256', pageKey).update(payload).digest().subarray(0, 16).toString('base64url');

  const pageToken = (cursor: PageCursor): string => {
    const payload = Buffer.from(
      JSON.stringify({ a: cursor.assignee, s: cursor.status, u: cursor.since, n: cursor.size, k: cursor.after, e: now() + PAGE_TOKEN_TTL_MS }),
    ).toString('base64url');
    return `${payload}.${mac(payload)}`;
  };

  /** The cursor of a token, if it is ours, unexpired and sent with the same other parameters. */
  const readPageToken = (token: string, expected: Omit<PageCursor, 'after'>): [number, string] => {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined || token.length > 512) throw new Refusal('INVALID_PAGE_TOKEN');
    const want = Buffer.from(mac(payload));
    const given = Buffer.from(signature);
    if (want.length !== given.length || !timingSafeEqual(want, given)) throw new Refusal('INVALID_PAGE_TOKEN');
    let data: { a?: unknown; s?: unknown; u?: unknown; n?: unknown; k?: unknown; e?: unknown };
    try {
      data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof data;
    } catch {
      throw new Refusal('INVALID_PAGE_TOKEN');
    }
    if (typeof data.e !== 'number' || now() > data.e) throw new Refusal('INVALID_PAGE_TOKEN', '分页令牌已过期（15 分钟）');
    if (data.a !== expected.assignee || data.s !== expected.status || data.u !== expected.since || data.n !== expected.size) {
      throw new Refusal('INVALID_PAGE_TOKEN', '分页令牌须与其他查询参数一起原样传递');
    }
    const k = data.k;
    if (!Array.isArray(k) || typeof k[0] !== 'number' || typeof k[1] !== 'string') throw new Refusal('INVALID_PAGE_TOKEN');
    return [k[0], k[1]];
  };

  // ───────────── handlers ─────────────

  const handlers: Record<HotlineOperation, (r: Route, search: string, body: Buffer) => Reply> = {
    getWorkOrder: (r) => ({ status: 200, body: store.present(orderOf(r.orderNo)) }),

    listWorkOrders: (_r, search) => {
      const q = readQuery(search, ['assignee', 'status', 'updatedSince', 'pageToken', 'pageSize']);
      const assignee = q.get('assignee');
      if (assignee === undefined) throw new Refusal('INVALID_ARGUMENT', '缺少必填参数 assignee');
      if (!DEPT_CODE_PATTERN.test(assignee)) throw new Refusal('INVALID_ARGUMENT', 'assignee 格式不正确');
      if (assignee !== options.assignee) throw new Refusal('FORBIDDEN');
      const rawStatus = q.get('status');
      if (rawStatus !== undefined && !(WORK_ORDER_STATUSES as readonly string[]).includes(rawStatus)) throw new Refusal('INVALID_ARGUMENT', 'status 取值不正确');
      const status = (rawStatus as WorkOrderStatus | undefined) ?? null;
      const rawSince = q.get('updatedSince');
      let since: number | null = null;
      if (rawSince !== undefined) {
        since = parseDateTime(rawSince);
        if (since === null) throw new Refusal('INVALID_ARGUMENT', 'updatedSince 须为带时区偏移的 ISO-8601 时间');
      }
      const rawSize = q.get('pageSize');
      if (rawSize !== undefined && (!/^\d{1,3}$/.test(rawSize) || Number(rawSize) < 1 || Number(rawSize) > 100)) {
        throw new Refusal('INVALID_ARGUMENT', 'pageSize 须为 1–100 的整数');
      }
      const size = rawSize === undefined ? 50 : Number(rawSize);
      const token = q.get('pageToken');
      const after = token === undefined ? null : readPageToken(token, { assignee, status, since, size });
      const matching = [...store.orders.values()]
        .filter((o) => o.assignee.deptCode === assignee && (status === null || o.status === status) && (since === null || o.updatedAt >= since))
        .filter((o) => after === null || o.updatedAt > after[0] || (o.updatedAt === after[0] && o.orderNo > after[1]))
        .sort((a, b) => a.updatedAt - b.updatedAt || (a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : 0));
      const page = matching.slice(0, size);
      const out: { items: WorkOrder[]; nextPageToken?: string } = { items: page.map((o) => store.present(o)) };
      if (matching.length > size) {
        const last = page[page.length - 1];
        out.nextPageToken = pageToken({ assignee, status, since, size, after: [last.updatedAt, last.orderNo] });
      }
      return { status: 200, body: out };
    },

    signWorkOrder: (r, _search, body) => {
      const o = orderOf(r.orderNo);
      const request = requestBody(body, readSignRequest);
      return { status: 200, body: store.present(store.sign(o, request.signedBy)) };
    },

    replyWorkOrder: (r, _search, body) => {
      const o = orderOf(r.orderNo);
      const request = requestBody(body, readReplyRequest);
      return { status: 200, body: store.present(store.reply(o, request)) };
    },

    returnWorkOrder: (r, _search, body) => {
      const o = orderOf(r.orderNo);
      const request = requestBody(body, readReturnRequest);
      return { status: 200, body: store.present(store.returnOrder(o, request)) };
    },

    requestExtension: (r, _search, body) => {
      const o = orderOf(r.orderNo);
      const request = requestBody(body, readExtensionRequest);
      const ext = store.requestExtension(o, request);
      return { status: 202, body: { extensionId: ext.extensionId, status: 'PENDING', requestedAt: formatShanghai(ext.requestedAt) } };
    },
  };

  // ───────────── HTTP plumbing ─────────────

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const errorReply = (refusal: Refusal, retryAfterSeconds?: number): Reply => {
    const code = refusal.errorCode;
    const headers: Record<string, string> = {};
    if (code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE') headers['Retry-After'] = String(Math.max(1, retryAfterSeconds ?? 1));
    return { status: HOTLINE_ERROR_STATUS[code], body: { code, message: refusal.detail ? `${MESSAGES[code]}：${refusal.detail}` : MESSAGES[code] }, headers };
  };

  const handleExtraControl = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path === '/__simulator') return false;
    const body = await readBody(req, MAX_JSON_BYTES);
    let input: Record<string, unknown> = {};
    if (body && body.length > 0) {
      try {
        const parsed: unknown = JSON.parse(body.toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) input = parsed as Record<string, unknown>;
      } catch {
        sendJson(res, 400, { error: 'body must be a JSON object' });
        return true;
      }
    }
    const str = (key: string): string | undefined => (typeof input[key] === 'string' ? (input[key] as string) : undefined);
    const webhookState = () => ({ switches: dispatcher.switches, pending: dispatcher.pending, deliveries: dispatcher.deliveries });
    try {
      if (path === '/__simulator/orders' && req.method === 'GET') {
        sendJson(res, 200, { orders: simulator.orders() });
        return true;
      }
      if (path === '/__simulator/dispatch' && req.method === 'POST') {
        sendJson(res, 200, { order: simulator.dispatch(input as DispatchOverrides) });
        return true;
      }
      const m = /^\/__simulator\/orders\/([^/]+)\/(redispatch|urge|recall|evaluate|decide-extension)$/.exec(path);
      if (m && req.method === 'POST') {
        const orderNo = m[1];
        let order: WorkOrder;
        if (m[2] === 'redispatch') order = simulator.redispatch(orderNo);
        else if (m[2] === 'urge') order = simulator.urge(orderNo, str('reason') ?? '市民再次来电催办');
        else if (m[2] === 'recall') order = simulator.recall(orderNo, str('reason') ?? '派单错误，已改派');
        else if (m[2] === 'evaluate') {
          const result = str('result') ?? 'SATISFIED';
          if (!(EVALUATIONS as readonly string[]).includes(result)) throw new Error('result must be SATISFIED, BASICALLY_SATISFIED or DISSATISFIED');
          order = simulator.evaluate(orderNo, result as Evaluation, str('comment'));
        } else {
          const decision = str('decision') ?? 'APPROVED';
          if (!(EXTENSION_DECISIONS as readonly string[]).includes(decision)) throw new Error('decision must be APPROVED or DENIED');
          order = simulator.decideExtension(orderNo, decision as ExtensionDecision, str('replyDeadline'), str('comment'));
        }
        sendJson(res, 200, { order });
        return true;
      }
      if (path === '/__simulator/close-unevaluated' && req.method === 'POST') {
        sendJson(res, 200, { closed: simulator.closeUnevaluated() });
        return true;
      }
      if (path === '/__simulator/tick' && req.method === 'POST') {
        simulator.tick();
        sendJson(res, 200, { orders: simulator.orders().length });
        return true;
      }
      if (path === '/__simulator/webhooks') {
        if (req.method === 'POST') dispatcher.set(input as Partial<WebhookSwitches>);
        else if (req.method === 'DELETE') dispatcher.reset();
        sendJson(res, 200, webhookState());
        return true;
      }
      if (path === '/__simulator/webhooks/flush' && req.method === 'POST') {
        await dispatcher.flush();
        sendJson(res, 200, webhookState());
        return true;
      }
    } catch (err) {
      sendJson(res, 409, { error: err instanceof Error ? err.message : 'not possible' });
      return true;
    }
    sendJson(res, 404, { error: 'unknown simulator control endpoint' });
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawTarget = req.url ?? '/';
    const q = rawTarget.indexOf('?');
    const path = q < 0 ? rawTarget : rawTarget.slice(0, q);
    const search = q < 0 ? '' : rawTarget.slice(q + 1);
    if (path.startsWith('/__simulator')) {
      if (await handleExtraControl(req, res, path)) return;
      if (control.handleControlRequest(req, res)) return;
    }
    const found = route(req.method ?? '', path);
    const body = await readBody(req, found?.operation === 'replyWorkOrder' ? MAX_REQUEST_BYTES : MAX_JSON_BYTES);
    const send = (reply: Reply) => sendJson(res, reply.status, reply.body, reply.headers);
    if (!found) {
      send(errorReply(new Refusal('NOT_FOUND', '接口不存在')));
      return;
    }
    control.count(found.operation);
    await control.delay();
    const sw = control.switches;

    if (sw.gatewayError) {
      if (res.destroyed) return;
      res.writeHead(503, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(GATEWAY_PAGE) });
      res.end(GATEWAY_PAGE);
      return;
    }
    if (sw.maintenance) {
      send(errorReply(new Refusal('SERVICE_UNAVAILABLE'), sw.retryAfterSeconds));
      return;
    }
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || !safeEqual(key, options.apiKey)) {
      send(errorReply(new Refusal('UNAUTHORIZED')));
      return;
    }
    if (body === null) {
      send(errorReply(new Refusal(found.operation === 'replyWorkOrder' ? 'PAYLOAD_TOO_LARGE' : 'INVALID_ARGUMENT', '请求体过大')));
      return;
    }
    if (sw.rateLimited) {
      send(errorReply(new Refusal('RATE_LIMITED'), sw.retryAfterSeconds));
      return;
    }
    if (sw.fault) {
      const code = (HOTLINE_ERROR_CODES as readonly string[]).includes(sw.fault) ? (sw.fault as HotlineErrorCode) : 'INTERNAL';
      send(errorReply(new Refusal(code), sw.retryAfterSeconds));
      return;
    }
    if (control.shouldFail(random)) {
      send(errorReply(new Refusal('INTERNAL')));
      return;
    }

    let reply: Reply;
    try {
      reply = handlers[found.operation](found, search, body);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      send(errorReply(err));
      return;
    }
    if (sw.malformed && reply.status >= 200 && reply.status < 300 && !res.destroyed) {
      res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end('{"orderNo":"SZ12345202503');
      return;
    }
    send(reply);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, { code: 'INTERNAL', message: MESSAGES.INTERNAL });
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const automate = () => store.automate({ evaluationDelayMs, extensionDecisionDelayMs });
  const timers: NodeJS.Timeout[] = [];
  if (options.dispatchEveryMs && options.dispatchEveryMs > 0) {
    timers.push(setInterval(() => store.dispatch(), options.dispatchEveryMs));
    timers.push(setInterval(automate, Math.min(options.dispatchEveryMs, AUTOMATION_EVERY_MS)));
  }
  timers.forEach((t) => t.unref());

  const present = (o: SimOrder): WorkOrder => store.present(o);
  const webhooks = {} as WebhookSwitches;
  for (const key of ['duplicateRate', 'dropRate', 'reorder', 'hold'] as const) {
    Object.defineProperty(webhooks, key, {
      enumerable: true,
      get: () => dispatcher.switches[key],
      set: (value: never) => dispatcher.set({ [key]: value }),
    });
  }

  let closed = false;
  function calls(): Readonly<Record<string, number>>;
  function calls(operation: HotlineOperation): number;
  function calls(operation?: HotlineOperation): number | Readonly<Record<string, number>> {
    return operation === undefined ? { ...control.calls } : (control.calls[operation] ?? 0);
  }

  const simulator: HotlineSimulator = {
    url: `http://${host}:${address.port}`,
    control,
    webhooks,
    store,
    dispatcher,
    dispatch: (overrides) => present(store.dispatch(overrides)),
    redispatch: (orderNo) => present(store.redispatch(orderNo)),
    urge: (orderNo, reason) => present(store.urge(orderNo, reason)),
    recall: (orderNo, reason) => present(store.recall(orderNo, reason)),
    evaluate: (orderNo, result, comment) => present(store.evaluate(orderNo, result, comment)),
    decideExtension: (orderNo, decision, replyDeadline, comment) => present(store.decideExtension(orderNo, decision, replyDeadline, comment)),
    closeUnevaluated: () => store.closeUnevaluated().map(present),
    tick: automate,
    order: (orderNo) => {
      const o = store.get(orderNo);
      return o ? present(o) : null;
    },
    orders: () => [...store.orders.values()].map(present),
    lastReply: (orderNo) => {
      const reply = store.get(orderNo)?.reply;
      return reply ? { ...reply, attachments: reply.attachments.map((a) => ({ ...a })) } : null;
    },
    calls,
    events: () => [...dispatcher.events],
    deliveries: () => dispatcher.deliveries.map((d) => ({ ...d })),
    flushWebhooks: () => dispatcher.flush(),
    pendingWebhooks: () => dispatcher.pending,
    rotateWebhookSecret: (next) => {
      secrets = [next, secrets[0]];
    },
    completeWebhookSecretRotation: () => {
      secrets = [secrets[0]];
    },
    close: async () => {
      if (closed) return;
      closed = true;
      timers.forEach((t) => clearInterval(t));
      dispatcher.close();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return simulator;
}
