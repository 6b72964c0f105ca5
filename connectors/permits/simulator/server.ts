// In-process simulator of the permits system: a real HTTP server (node:http) that implements the
// four endpoints of permits.openapi.yaml to the letter — HMAC signature over the request target
// as received, ±300 s timestamp skew, nonce replay within 600 s, cursor paging with tokens bound
// to the filters and living 15 minutes, batchGet ≤100 with found/notFound, status evaluated at read
// time, `{code, message, requestId}` errors with X-Request-Id — plus the shared SimulatorControl
// switches and counters, served at /__simulator.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateIdNumber, validateUscc } from '../../../src/domain/identifiers';
import { SimulatorControl } from '../../core/simulator-control';
import { NONCE_PATTERN, signatureMatches } from '../signing';
import {
  PERMIT_NO_PATTERN,
  PERMIT_STATUSES,
  PERMIT_TYPE_VALUES,
  PERMITS_ERROR_CODES,
  PERMITS_ERROR_STATUS,
  type Permit,
  type PermitsErrorCode,
} from '../types';
import type { HolderSeed } from './fixtures';
import { PermitStore, present } from './store';

export interface PermitsSimulatorOptions {
  appId: string;
  appSecret: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Server clock in epoch ms (skew checks, token life, read-time status); default Date.now. */
  now?: () => number;
  /** For the errorRate switch; default Math.random. */
  random?: () => number;
  /** Parties to generate permits for from the start, with their names and addresses. */
  holders?: ReadonlyArray<HolderSeed>;
  /** Answer 503 during the weekly window (Sundays 01:00–05:00 Asia/Shanghai). Default off. */
  scheduledMaintenance?: boolean;
}

export interface PermitsSimulator {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly control: SimulatorControl;
  readonly store: PermitStore;
  close(): Promise<void>;
}

export type PermitsOperation = 'getPermit' | 'listPermits' | 'batchGetPermits' | 'listHolderPermits';

const SKEW_S = 300;
const NONCE_TTL_MS = 600_000;
const PAGE_TOKEN_TTL_MS = 15 * 60_000;
const MAX_BODY_BYTES = 1024 * 1024;

const MESSAGES: Record<PermitsErrorCode, string> = {
  INVALID_ARGUMENT: '请求参数不正确',
  INVALID_PAGE_TOKEN: '分页令牌无效或已过期，请从第一页重新查询',
  INVALID_SIGNATURE: '签名校验失败',
  TIMESTAMP_OUT_OF_RANGE: '请求时间戳超出允许范围（±300秒）',
  NONCE_REPLAYED: '请求随机数重复使用',
  NOT_FOUND: '许可证不存在',
  RATE_LIMITED: '请求过于频繁，请稍后重试',
  INTERNAL: '系统内部错误，请稍后重试',
  UPSTREAM_MAINTENANCE: '系统维护中，请稍后重试',
};

const GATEWAY_PAGE =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A reply: status, JSON body, extra headers. */
interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

class Refusal extends Error {
  constructor(
    readonly errorCode: PermitsErrorCode,
    readonly detail?: string,
  ) {
    super(errorCode);
  }
}

interface Route {
  operation: PermitsOperation;
  param?: string;
}

function route(method: string, path: string): Route | null {
  if (method === 'POST' && path === '/api/v1/permits:batchGet') return { operation: 'batchGetPermits' };
  if (method !== 'GET') return null;
  if (path === '/api/v1/permits') return { operation: 'listPermits' };
  let m = /^\/api\/v1\/permits\/([^/]+)$/.exec(path);
  if (m) return { operation: 'getPermit', param: m[1] };
  m = /^\/api\/v1\/holders\/([^/]+)\/permits$/.exec(path);
  if (m) return { operation: 'listHolderPermits', param: m[1] };
  return null;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Refusal('INVALID_ARGUMENT', '路径参数编码不正确');
  }
}

/** Query parameters: only `allowed` names, each at most once. */
function readQuery(search: string, allowed: readonly string[]): Map<string, string> {
  const params = new URLSearchParams(search);
  const out = new Map<string, string>();
  for (const [name, value] of params) {
    if (!allowed.includes(name)) throw new Refusal('INVALID_ARGUMENT', `不支持的查询参数 ${name}`);
    if (out.has(name)) throw new Refusal('INVALID_ARGUMENT', `查询参数 ${name} 重复`);
    out.set(name, value);
  }
  return out;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export async function startPermitsSimulator(options: PermitsSimulatorOptions): Promise<PermitsSimulator> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const control = new SimulatorControl();
  const store = new PermitStore(now(), options.holders);
  const tokenKey = randomBytes(32);
  /** nonce → when first seen (insertion order = time order). */
  const nonces = new Map<string, number>();

  const isValidHolderCode = (code: string): boolean =>
    validateUscc(code) === null || validateIdNumber(code, new Date(now())) === null;

  const signToken = (payload: string): string => createHmac('sha256', tokenKey).update(payload).digest().subarray(0, 12).toString('base64url');

  const pageToken = (after: string, filters: string): string => {
    const payload = base64url(JSON.stringify({ k: after, f: filters, e: now() + PAGE_TOKEN_TTL_MS }));
    return `${payload}.${signToken(payload)}`;
  };

  /** The permitNo a token continues after; refuses tokens that are forged, expired or for other filters. */
  const readPageToken = (token: string, filters: string): string => {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined || token.length > 512) throw new Refusal('INVALID_PAGE_TOKEN');
    const expected = Buffer.from(signToken(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new Refusal('INVALID_PAGE_TOKEN');
    let data: { k?: unknown; f?: unknown; e?: unknown };
    try {
      data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof data;
    } catch {
      throw new Refusal('INVALID_PAGE_TOKEN');
    }
    if (typeof data.k !== 'string' || data.f !== filters || typeof data.e !== 'number' || now() > data.e) {
      throw new Refusal('INVALID_PAGE_TOKEN');
    }
    return data.k;
  };

  const pageSizeOf = (raw: string | undefined): number => {
    if (raw === undefined) return 20;
    if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) {
      throw new Refusal('INVALID_ARGUMENT', 'pageSize 须为 1–100 的整数');
    }
    return Number(raw);
  };

  const paginate = (items: Permit[], filters: string, query: Map<string, string>): Reply => {
    const size = pageSizeOf(query.get('pageSize'));
    const token = query.get('pageToken');
    const after = token === undefined ? null : readPageToken(token, filters);
    const rest = after === null ? items : items.filter((p) => p.permitNo > after);
    const page = rest.slice(0, size);
    const body: { items: Permit[]; nextPageToken?: string } = { items: page };
    if (rest.length > size) body.nextPageToken = pageToken(page[page.length - 1].permitNo, filters);
    return { status: 200, body };
  };

  const checkHolder = (code: string): void => {
    if (!isValidHolderCode(code)) throw new Refusal('INVALID_ARGUMENT', 'holderCode 不是有效的统一社会信用代码或居民身份证号');
  };

  const checkStatus = (status: string | undefined): void => {
    if (status !== undefined && !(PERMIT_STATUSES as readonly string[]).includes(status)) {
      throw new Refusal('INVALID_ARGUMENT', 'status 取值不正确');
    }
  };

  const handlers: Record<PermitsOperation, (param: string | undefined, search: string, body: Buffer) => Reply> = {
    getPermit: (param, search) => {
      readQuery(search, []);
      const permitNo = decode(param ?? '');
      if (!PERMIT_NO_PATTERN.test(permitNo)) throw new Refusal('INVALID_ARGUMENT', '许可证编号格式不正确');
      const permit = store.get(permitNo);
      if (!permit) throw new Refusal('NOT_FOUND');
      return { status: 200, body: present(permit, now()) };
    },
    listHolderPermits: (param, search) => {
      const holderCode = decode(param ?? '');
      checkHolder(holderCode);
      const query = readQuery(search, ['status', 'pageToken', 'pageSize']);
      const status = query.get('status');
      checkStatus(status);
      const items = store
        .byHolder(holderCode)
        .map((p) => present(p, now()))
        .filter((p) => status === undefined || p.status === status);
      return paginate(items, JSON.stringify(['holder', holderCode, status ?? null]), query);
    },
    listPermits: (_param, search) => {
      const query = readQuery(search, ['holderCode', 'type', 'status', 'updatedSince', 'pageToken', 'pageSize']);
      const holderCode = query.get('holderCode');
      const type = query.get('type');
      const status = query.get('status');
      const updatedSince = query.get('updatedSince');
      if (holderCode !== undefined) checkHolder(holderCode);
      if (type !== undefined && !(PERMIT_TYPE_VALUES as readonly string[]).includes(type)) throw new Refusal('INVALID_ARGUMENT', 'type 取值不正确');
      checkStatus(status);
      let since: number | null = null;
      if (updatedSince !== undefined) {
        // ISO-8601 with an explicit offset; without one it is rejected (shared conventions).
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(updatedSince) || Number.isNaN(Date.parse(updatedSince))) {
          throw new Refusal('INVALID_ARGUMENT', 'updatedSince 须为带时区偏移的 ISO-8601 时间');
        }
        since = Date.parse(updatedSince);
      }
      const source = holderCode !== undefined ? store.byHolder(holderCode) : store.all();
      const items = source
        .map((p) => present(p, now()))
        .filter((p) => (type === undefined || p.type === type) && (status === undefined || p.status === status))
        .filter((p) => since === null || Date.parse(p.updatedAt) >= since);
      const filters = JSON.stringify(['list', holderCode ?? null, type ?? null, status ?? null, since]);
      return paginate(items, filters, query);
    },
    batchGetPermits: (_param, search, raw) => {
      readQuery(search, []);
      const permitNos = batchRequest(raw);
      const unique = [...new Set(permitNos)];
      const found: Permit[] = [];
      const notFound: string[] = [];
      for (const n of unique) {
        const permit = store.get(n);
        if (permit) found.push(present(permit, now()));
        else notFound.push(n);
      }
      return { status: 200, body: { found, notFound } };
    },
  };

  const send = (res: ServerResponse, requestId: string, reply: Reply): void => {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'X-Request-Id': requestId,
      ...reply.headers,
    });
    res.end(text);
  };

  const errorReply = (code: PermitsErrorCode, requestId: string, detail?: string, retryAfterSeconds?: number): Reply => {
    const headers: Record<string, string> = {};
    if (code === 'RATE_LIMITED' || code === 'UPSTREAM_MAINTENANCE') headers['Retry-After'] = String(Math.max(1, retryAfterSeconds ?? 1));
    return {
      status: PERMITS_ERROR_STATUS[code],
      body: { code, message: detail ? `${MESSAGES[code]}：${detail}` : MESSAGES[code], requestId },
      headers,
    };
  };

  /** 401 code for the auth headers, or null when the request is authentic and fresh. */
  const authenticate = (req: IncomingMessage, rawTarget: string, body: Buffer): PermitsErrorCode | null => {
    const single = (name: string): string | undefined => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const appId = single('x-app-id');
    const timestamp = single('x-timestamp');
    const nonce = single('x-nonce');
    const signature = single('x-signature');
    if (!appId || !timestamp || !nonce || !signature) return 'INVALID_SIGNATURE';
    if (appId !== options.appId || !/^\d{1,12}$/.test(timestamp) || !NONCE_PATTERN.test(nonce)) return 'INVALID_SIGNATURE';
    const input = { method: req.method ?? '', path: rawTarget, timestamp, nonce, body };
    if (!signatureMatches(options.appSecret, input, signature)) return 'INVALID_SIGNATURE';
    const nowMs = now();
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > SKEW_S) return 'TIMESTAMP_OUT_OF_RANGE';
    for (const [seen, at] of nonces) {
      if (nowMs - at <= NONCE_TTL_MS) break;
      nonces.delete(seen);
    }
    const key = `${appId}\n${nonce}`;
    const seenAt = nonces.get(key);
    if (seenAt !== undefined && nowMs - seenAt <= NONCE_TTL_MS) return 'NONCE_REPLAYED';
    nonces.delete(key);
    nonces.set(key, nowMs);
    return null;
  };

  /** Seconds until the end of the weekly window, or null outside it. */
  const inScheduledMaintenance = (): number | null => {
    if (!options.scheduledMaintenance) return null;
    const local = new Date(now() + 8 * 3600_000);
    if (local.getUTCDay() !== 0) return null;
    const hour = local.getUTCHours();
    if (hour < 1 || hour >= 5) return null;
    const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 5);
    return Math.ceil((end - local.getTime()) / 1000);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (control.handleControlRequest(req, res)) return;
    const requestId = `req-${randomBytes(8).toString('hex')}`;
    const body = await readBody(req);
    const rawTarget = req.url ?? '/';
    const q = rawTarget.indexOf('?');
    const path = q < 0 ? rawTarget : rawTarget.slice(0, q);
    const search = q < 0 ? '' : rawTarget.slice(q + 1);
    const found = route(req.method ?? '', path);
    if (!found) {
      send(res, requestId, { status: 404, body: { code: 'NOT_FOUND', message: '接口不存在', requestId } });
      return;
    }
    control.count(found.operation, found.operation === 'batchGetPermits' ? batchSize(body) : 1);
    await control.delay();
    const sw = control.switches;

    if (sw.gatewayError) {
      if (res.destroyed) return;
      res.writeHead(503, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(GATEWAY_PAGE) });
      res.end(GATEWAY_PAGE);
      return;
    }
    const window = inScheduledMaintenance();
    if (sw.maintenance || window !== null) {
      send(res, requestId, errorReply('UPSTREAM_MAINTENANCE', requestId, undefined, sw.maintenance ? sw.retryAfterSeconds : (window ?? 1)));
      return;
    }
    if (body === null) {
      send(res, requestId, errorReply('INVALID_ARGUMENT', requestId, '请求体过大'));
      return;
    }
    const refused = authenticate(req, rawTarget, body);
    if (refused) {
      send(res, requestId, errorReply(refused, requestId));
      return;
    }
    if (sw.rateLimited) {
      send(res, requestId, errorReply('RATE_LIMITED', requestId, undefined, sw.retryAfterSeconds));
      return;
    }
    if (sw.fault) {
      const code = (PERMITS_ERROR_CODES as readonly string[]).includes(sw.fault) ? (sw.fault as PermitsErrorCode) : 'INTERNAL';
      send(res, requestId, errorReply(code, requestId, undefined, sw.retryAfterSeconds));
      return;
    }
    if (control.shouldFail(random)) {
      send(res, requestId, errorReply('INTERNAL', requestId));
      return;
    }

    let reply: Reply;
    try {
      reply = handlers[found.operation](found.param, search, body);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      send(res, requestId, errorReply(err.errorCode, requestId, err.detail));
      return;
    }
    if (sw.malformed && reply.status === 200 && !res.destroyed) {
      const broken = found.operation === 'batchGetPermits' ? '{"found":[{"permitNo":"440309' : '{"items":[{"permitNo":"440309';
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': requestId });
      res.end(broken);
      return;
    }
    send(res, requestId, reply);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: 'INTERNAL', message: MESSAGES.INTERNAL, requestId: 'req-internal' }));
      }
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

  return {
    url: `http://${host}:${address.port}`,
    control,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The raw body, or null when it exceeds the limit. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** How many numbers a batchGet body asks for (for the item counter), 1 when unreadable. */
function batchSize(body: Buffer | null): number {
  try {
    const parsed = JSON.parse(body?.toString('utf8') ?? '') as { permitNos?: unknown };
    return Array.isArray(parsed.permitNos) ? parsed.permitNos.length : 1;
  } catch {
    return 1;
  }
}

/** BatchGetRequest: exactly `{permitNos}`, 1–100 well-formed numbers; anything else is 400. */
function batchRequest(raw: Buffer): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new Refusal('INVALID_ARGUMENT', '请求体不是有效的 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Refusal('INVALID_ARGUMENT', '请求体须为对象');
  const unknown = Object.keys(parsed).filter((k) => k !== 'permitNos');
  if (unknown.length > 0) throw new Refusal('INVALID_ARGUMENT', `不支持的字段 ${unknown.join(', ')}`);
  const { permitNos } = parsed as { permitNos?: unknown };
  if (!Array.isArray(permitNos) || permitNos.length === 0) throw new Refusal('INVALID_ARGUMENT', 'permitNos 须为非空数组');
  if (permitNos.length > 100) throw new Refusal('INVALID_ARGUMENT', 'permitNos 最多 100 个');
  permitNos.forEach((n, i) => {
    if (typeof n !== 'string' || !PERMIT_NO_PATTERN.test(n)) throw new Refusal('INVALID_ARGUMENT', `permitNos[${i}] 格式不正确`);
  });
  return permitNos as string[];
}
