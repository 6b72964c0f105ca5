// In-process simulator of the case-transfer platform (两法衔接): a real HTTP server (node:http)
// implementing case-transfer.openapi.yaml — OAuth2 client-credentials tokens that expire (TTL
// configurable; expireTokens() forces 401 TOKEN_EXPIRED), 20 tokens/hour; uploads with SHA-256
// check, size limit and 72 h expiry; createTransfer with the checks in the contract's order
// (auth → idempotency → schema → mandatory materials → uploads → transferNo uniqueness) and the
// Idempotency-Key semantics (replay 200 + Idempotent-Replayed, IDEMPOTENCY_CONFLICT,
// IDEMPOTENCY_IN_PROGRESS while the first request is still processing, only 2xx stored, 24 h);
// getTransfer, listTransfers (updatedSince inclusive, ordered by updatedAt and transferId, signed
// page tokens living 15 min), withdraw / reconsideration / supplement with their state rules and
// the reconsideration deadline; the status machine (store.ts) moved on a timer or by advance();
// signed status callbacks with at-least-once delivery (dispatcher.ts). Plus the shared
// SimulatorControl switches and counters at /__simulator, and:
//   GET|POST|DELETE /__simulator/callbacks   callback switches {duplicate, reorder, drop}, deliveries
//   POST /__simulator/advance                {transferId?, to?} → the events of the transitions
//   POST /__simulator/tokens/expire          every issued token answers 401 TOKEN_EXPIRED from now on
//   GET  /__simulator/transfers              the record of created transfers, and the transfers
//   POST /__simulator/behaviour              {tokenTtlSeconds?, createProcessingMs?}
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkingDayCalendar } from '../../../src/domain/calendar';
import { SimulatorControl } from '../../core/simulator-control';
import { formatShanghai, parseDateTime } from '../time';
import {
  CASE_TRANSFER_ERROR_CODES,
  CASE_TRANSFER_ERROR_STATUS,
  IDEMPOTENCY_KEY_PATTERN,
  MANDATORY_MATERIAL_KINDS,
  MAX_UPLOAD_BYTES,
  SHA256_PATTERN,
  TRANSFER_ID_PATTERN,
  TRANSFER_STATUSES,
  type ActionResult,
  type CaseTransferErrorCode,
  type Material,
  type StatusEvent,
  type Transfer,
  type TransferStatus,
} from '../types';
import { CallbackDispatcher } from './dispatcher';
import { Refusal, reconsiderationRequest, supplementRequest, transferRequest, withdrawRequest } from './requests';
import { TransferStore, type CreatedTransferRecord, type DecisionInput, type ReconsiderationOutcome, type ReviewOutcome, type SimTransfer } from './store';

export interface CaseTransferSimulatorOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the status callbacks. */
  callbackSecret: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The hub's `POST …/callbacks/case-transfer/status` URL, when there is one (asked on every attempt). */
  callbackUrl?: () => string | null;
  /** The platform's clock in epoch ms (timestamps, token and upload expiry, deadlines, signatures); default Date.now. */
  now?: () => number;
  /** For the errorRate switch; default Math.random. */
  random?: () => number;
  /** Move every transfer one automatic step this often; 0/undefined = only advance(). */
  advanceEveryMs?: number;
  /** Token lifetime (contract: 7200). */
  tokenTtlSeconds?: number;
  /** Token requests allowed per rolling hour (contract: 20). */
  tokensPerHour?: number;
  /** Upload size limit (contract: 50 MiB); smaller in tests of 413. */
  maxUploadBytes?: number;
  /** How long createTransfer "processes" while its key is IN_PROGRESS (default 0). */
  createProcessingMs?: number;
  /** Callback backoff (contract: 10 s, 30 s … hourly); the last value repeats. */
  callbackRetryDelaysMs?: readonly number[];
  /** Callback retries stop this long after the first attempt (contract: 24 h). */
  callbackRetryForMs?: number;
  /** Per callback attempt (contract: 10 s). */
  callbackTimeoutMs?: number;
  /** Review outcome; default deterministic from the transferNo (FILED after a supplement). */
  decide?: (t: DecisionInput) => ReviewOutcome;
  decideReconsideration?: (t: DecisionInput) => ReconsiderationOutcome;
  calendar?: WorkingDayCalendar;
  /** Answer 503 in the monthly window (first Sunday 00:00–06:00 Asia/Shanghai). Default off. */
  scheduledMaintenance?: boolean;
}

/** Behaviour that tests may change while the simulator runs. */
export interface CaseTransferBehaviour {
  tokenTtlSeconds: number;
  createProcessingMs: number;
}

export type CaseTransferOperation =
  | 'issueToken'
  | 'uploadMaterial'
  | 'createTransfer'
  | 'listTransfers'
  | 'getTransfer'
  | 'withdrawTransfer'
  | 'requestReconsideration'
  | 'supplementMaterials';

export interface CaseTransferSimulator {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly control: SimulatorControl;
  /** Callback delivery: switches (`set({duplicate, reorder, drop})`), events, deliveries, idle(). */
  readonly callbacks: CallbackDispatcher;
  readonly store: TransferStore;
  readonly behaviour: Readonly<CaseTransferBehaviour>;
  setBehaviour(partial: Partial<CaseTransferBehaviour>): void;
  /** Moves transfers on (see TransferStore.advance); returns the events of the transitions. */
  advance(transferId?: string, to?: TransferStatus): StatusEvent[];
  /** A transfer as getTransfer presents it, or null. */
  transfer(transferId: string): Transfer | null;
  /** Transfers created (not replays), optionally for one transferNo. */
  createdTransfers(transferNo?: string): CreatedTransferRecord[];
  /** Every token issued so far answers 401 TOKEN_EXPIRED from now on (as after a key rotation); returns how many. */
  expireTokens(): number;
  /** Tokens issued so far. */
  tokensIssued(): number;
  /** Signs callbacks with `next` and the current secret (two v1) until completeCallbackSecretRotation(). */
  rotateCallbackSecret(next: string): void;
  completeCallbackSecretRotation(): void;
  close(): Promise<void>;
}

const PAGE_TOKEN_TTL_MS = 15 * 60_000;
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const MAX_JSON_BYTES = 1024 * 1024;

const MESSAGES: Record<CaseTransferErrorCode, string> = {
  INVALID_ARGUMENT: '请求参数不正确',
  INVALID_PAGE_TOKEN: '分页令牌无效或已过期，请从第一页重新查询',
  CHECKSUM_MISMATCH: '文件内容与 X-Content-SHA256 不一致',
  TOKEN_EXPIRED: '访问令牌已过期',
  INVALID_TOKEN: '访问令牌无效',
  NOT_FOUND: '移送案件不存在',
  IDEMPOTENCY_CONFLICT: 'Idempotency-Key 已用于内容不同的请求',
  IDEMPOTENCY_IN_PROGRESS: '相同 Idempotency-Key 的请求正在处理中',
  DUPLICATE_TRANSFER_NO: '移送文书号已被使用',
  INVALID_STATE: '当前状态不允许该操作',
  DEADLINE_PASSED: '已超过复议申请截止时间',
  PAYLOAD_TOO_LARGE: '文件超过 50 MiB',
  MATERIALS_INCOMPLETE: '移送材料不全',
  UPLOAD_NOT_FOUND: '材料上传记录不存在或已过期',
  MATERIAL_MISMATCH: '材料的 sha256 或大小与上传记录不一致',
  RATE_LIMITED: '请求过于频繁，请稍后重试',
  INTERNAL: '系统内部错误，请稍后重试',
  SERVICE_UNAVAILABLE: '系统维护中，请稍后重试',
};

const KIND_NAMES: Record<string, string> = {
  TRANSFER_LETTER: '涉嫌犯罪案件移送书',
  INVESTIGATION_REPORT: '涉嫌犯罪案件情况的调查报告',
  EVIDENCE_LIST: '涉案物品清单',
  INSPECTION_REPORT: '检验报告或鉴定结论',
};

const GATEWAY_PAGE =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

interface Reply {
  status: number;
  body?: unknown;
  /** Sent as is (a replayed stored answer). */
  text?: string;
  headers?: Record<string, string>;
}

interface Route {
  operation: CaseTransferOperation;
  transferId?: string;
}

function route(method: string, path: string): Route | null {
  if (method === 'POST' && path === '/oauth/token') return { operation: 'issueToken' };
  if (method === 'POST' && path === '/api/v1/uploads') return { operation: 'uploadMaterial' };
  if (path === '/api/v1/transfers') {
    if (method === 'POST') return { operation: 'createTransfer' };
    if (method === 'GET') return { operation: 'listTransfers' };
    return null;
  }
  const m = /^\/api\/v1\/transfers\/([^/]+)(?:\/(withdraw|reconsideration|supplement))?$/.exec(path);
  if (!m) return null;
  if (m[2] === undefined) return method === 'GET' ? { operation: 'getTransfer', transferId: m[1] } : null;
  if (method !== 'POST') return null;
  const operation: CaseTransferOperation =
    m[2] === 'withdraw' ? 'withdrawTransfer' : m[2] === 'reconsideration' ? 'requestReconsideration' : 'supplementMaterials';
  return { operation, transferId: m[1] };
}

function single(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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

interface IdempotencyRecord {
  fingerprint: string;
  bodyHash: string;
  state: 'IN_PROGRESS' | 'DONE';
  text?: string;
  status?: number;
  createdAt: number;
}

export async function startCaseTransferSimulator(options: CaseTransferSimulatorOptions): Promise<CaseTransferSimulator> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const control = new SimulatorControl();
  const behaviour: CaseTransferBehaviour = {
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    createProcessingMs: options.createProcessingMs ?? 0,
  };
  const tokensPerHour = options.tokensPerHour ?? 20;
  const maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  let secrets: string[] = [options.callbackSecret];

  const callbacks = new CallbackDispatcher({
    url: () => options.callbackUrl?.() ?? null,
    secrets: () => secrets,
    now,
    retryDelaysMs: options.callbackRetryDelaysMs,
    retryForMs: options.callbackRetryForMs,
    timeoutMs: options.callbackTimeoutMs,
  });
  const store = new TransferStore({
    now,
    calendar: options.calendar,
    decide: options.decide,
    decideReconsideration: options.decideReconsideration,
    onEvent: (event) => callbacks.emit(event),
  });

  /** token → expiry (epoch ms) and whether it was expired early. */
  const tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  const tokenIssuedAt: number[] = [];
  let issuedTotal = 0;
  const idempotency = new Map<string, IdempotencyRecord>();
  const pageKey = randomBytes(32);

  // ───────────── tokens ─────────────

  const tokenError = (status: number, error: string, description: string, headers: Record<string, string> = {}): Reply => ({
    status,
    body: { error, error_description: description },
    headers: { 'Cache-Control': 'no-store', ...headers },
  });

  const issueToken = (req: IncomingMessage, body: Buffer): Reply => {
    const type = (single(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return tokenError(400, 'invalid_request', '请求须为 application/x-www-form-urlencoded');
    const form = new URLSearchParams(body.toString('utf8'));
    const grant = form.get('grant_type');
    const clientId = form.get('client_id');
    const clientSecret = form.get('client_secret');
    if (!grant || !clientId || !clientSecret) return tokenError(400, 'invalid_request', '缺少 grant_type、client_id 或 client_secret');
    if (grant !== 'client_credentials') return tokenError(400, 'unsupported_grant_type', '仅支持 client_credentials');
    const idOk = safeEqual(clientId, options.clientId);
    const secretOk = safeEqual(clientSecret, options.clientSecret);
    if (!idOk || !secretOk) return tokenError(401, 'invalid_client', '客户端认证失败');
    const nowMs = now();
    while (tokenIssuedAt.length > 0 && nowMs - tokenIssuedAt[0] >= 3600_000) tokenIssuedAt.shift();
    if (tokenIssuedAt.length >= tokensPerHour) {
      const wait = Math.max(1, Math.ceil((tokenIssuedAt[0] + 3600_000 - nowMs) / 1000));
      return tokenError(429, 'rate_limited', '每小时最多签发 20 个令牌', { 'Retry-After': String(wait) });
    }
    tokenIssuedAt.push(nowMs);
    issuedTotal += 1;
    const token = `at_${randomBytes(24).toString('base64url')}`;
    tokens.set(token, { expiresAt: nowMs + behaviour.tokenTtlSeconds * 1000, revoked: false });
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: behaviour.tokenTtlSeconds },
      headers: { 'Cache-Control': 'no-store' },
    };
  };

  /** 401 code, or null when the Bearer token is current. */
  const authenticate = (req: IncomingMessage): CaseTransferErrorCode | null => {
    const m = /^Bearer ([\x21-\x7e]+)$/.exec(single(req, 'authorization') ?? '');
    if (!m) return 'INVALID_TOKEN';
    const entry = tokens.get(m[1]);
    if (!entry) return 'INVALID_TOKEN';
    if (entry.revoked || now() >= entry.expiresAt) return 'TOKEN_EXPIRED';
    return null;
  };

  // ───────────── idempotency ─────────────

  const idempotent = async (key: string | undefined, fingerprint: string, body: Buffer, run: () => Promise<Reply> | Reply): Promise<Reply> => {
    if (key === undefined) return run();
    const nowMs = now();
    for (const [k, r] of idempotency) if (nowMs - r.createdAt > IDEMPOTENCY_TTL_MS) idempotency.delete(k);
    const bodyHash = sha256(body);
    const existing = idempotency.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint || existing.bodyHash !== bodyHash) throw new Refusal('IDEMPOTENCY_CONFLICT');
      if (existing.state === 'IN_PROGRESS') throw new Refusal('IDEMPOTENCY_IN_PROGRESS', undefined, { retryAfterSeconds: 1 });
      return { status: 200, text: existing.text, headers: { 'Idempotent-Replayed': 'true' } };
    }
    const record: IdempotencyRecord = { fingerprint, bodyHash, state: 'IN_PROGRESS', createdAt: nowMs };
    idempotency.set(key, record);
    try {
      const reply = await run();
      if (reply.status >= 200 && reply.status < 300) {
        record.state = 'DONE';
        record.status = reply.status;
        record.text = JSON.stringify(reply.body);
      } else {
        idempotency.delete(key);
      }
      return reply;
    } catch (err) {
      // Only 2xx outcomes are stored: after a refusal the key may be reused with a corrected body.
      idempotency.delete(key);
      throw err;
    }
  };

  const idempotencyKey = (req: IncomingMessage, required: boolean): string | undefined => {
    const key = single(req, 'idempotency-key');
    if (key === undefined) {
      if (required) throw new Refusal('INVALID_ARGUMENT', '缺少 Idempotency-Key 请求头');
      return undefined;
    }
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new Refusal('INVALID_ARGUMENT', 'Idempotency-Key 须为 8–64 位 [A-Za-z0-9-]');
    return key;
  };

  // ───────────── materials ─────────────

  const checkMandatory = (materials: Material[]): void => {
    const missing = MANDATORY_MATERIAL_KINDS.filter((k) => !materials.some((m) => m.kind === k));
    if (missing.length > 0) {
      throw new Refusal('MATERIALS_INCOMPLETE', `缺少${missing.map((k) => KIND_NAMES[k]).join('、')}`, { missingKinds: missing });
    }
  };

  const checkUploads = (materials: Material[]): void => {
    materials.forEach((m, i) => {
      const upload = store.usableUpload(m.uploadId);
      if (!upload) throw new Refusal('UPLOAD_NOT_FOUND', undefined, { field: `/materials/${i}/uploadId` });
      if (upload.sha256 !== m.sha256) throw new Refusal('MATERIAL_MISMATCH', undefined, { field: `/materials/${i}/sha256` });
      if (upload.sizeBytes !== m.sizeBytes) throw new Refusal('MATERIAL_MISMATCH', undefined, { field: `/materials/${i}/sizeBytes` });
    });
  };

  const transferOr404 = (transferId: string | undefined): SimTransfer => {
    const t = transferId !== undefined && TRANSFER_ID_PATTERN.test(transferId) ? store.transfers.get(transferId) : undefined;
    if (!t) throw new Refusal('NOT_FOUND');
    return t;
  };

  const actionResult = (t: SimTransfer): Reply => {
    const result: ActionResult = { transferId: t.transferId, status: t.status, sequence: t.sequence, at: formatShanghai(t.updatedAt) };
    return { status: 200, body: result };
  };

  // ───────────── list paging ─────────────

  const mac = (payload: string): string => createHmac('sha256', pageKey).update(payload).digest().subarray(0, 16).toString('base64url');

  const pageToken = (since: number, size: number, last: SimTransfer): string => {
    const payload = Buffer.from(JSON.stringify({ s: since, n: size, a: [last.updatedAt, last.transferId], e: now() + PAGE_TOKEN_TTL_MS })).toString('base64url');
    return `${payload}.${mac(payload)}`;
  };

  const readPageToken = (token: string): { since: number; size: number; after: [number, string] } => {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined || token.length > 512) throw new Refusal('INVALID_PAGE_TOKEN');
    const expected = Buffer.from(mac(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new Refusal('INVALID_PAGE_TOKEN');
    let data: { s?: unknown; n?: unknown; a?: unknown; e?: unknown };
    try {
      data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof data;
    } catch {
      throw new Refusal('INVALID_PAGE_TOKEN');
    }
    const a = data.a;
    if (typeof data.s !== 'number' || typeof data.n !== 'number' || typeof data.e !== 'number' || now() > data.e) throw new Refusal('INVALID_PAGE_TOKEN');
    if (!Array.isArray(a) || typeof a[0] !== 'number' || typeof a[1] !== 'string') throw new Refusal('INVALID_PAGE_TOKEN');
    return { since: data.s, size: data.n, after: [a[0], a[1]] };
  };

  // ───────────── handlers ─────────────

  const handlers: Record<Exclude<CaseTransferOperation, 'issueToken'>, (req: IncomingMessage, r: Route, search: string, body: Buffer) => Promise<Reply> | Reply> = {
    uploadMaterial: (req, _r, _search, body) => {
      const declared = single(req, 'x-content-sha256');
      if (!declared || !SHA256_PATTERN.test(declared)) throw new Refusal('INVALID_ARGUMENT', 'X-Content-SHA256 须为 64 位小写十六进制');
      if (body.length === 0) throw new Refusal('INVALID_ARGUMENT', '文件不得为空');
      if (sha256(body) !== declared) throw new Refusal('CHECKSUM_MISMATCH');
      let fileName: string | null = null;
      const rawName = single(req, 'x-file-name');
      if (rawName !== undefined) {
        if (rawName.length > 512) throw new Refusal('INVALID_ARGUMENT', 'X-File-Name 过长');
        try {
          fileName = decodeURIComponent(rawName);
        } catch {
          throw new Refusal('INVALID_ARGUMENT', 'X-File-Name 须为百分号编码的 UTF-8');
        }
      }
      const upload = store.addUpload(declared, body.length, fileName);
      return {
        status: 201,
        body: { uploadId: upload.uploadId, sha256: upload.sha256, sizeBytes: upload.sizeBytes, expiresAt: formatShanghai(upload.expiresAt) },
      };
    },

    createTransfer: (req, _r, _search, body) => {
      const key = idempotencyKey(req, true) as string;
      return idempotent(key, 'POST /api/v1/transfers', body, async () => {
        if (behaviour.createProcessingMs > 0) await sleep(behaviour.createProcessingMs);
        const request = transferRequest(body, new Date(now()));
        checkMandatory(request.materials);
        checkUploads(request.materials);
        const existing = store.activeWithTransferNo(request.transferringUnit.uscc, request.transferNo);
        if (existing) throw new Refusal('DUPLICATE_TRANSFER_NO', undefined, { existingTransferId: existing.transferId });
        const t = store.create(request, key);
        return { status: 202, body: { transferId: t.transferId, status: 'RECEIVED', receivedAt: formatShanghai(t.receivedAt) } };
      });
    },

    getTransfer: (_req, r) => ({ status: 200, body: store.present(transferOr404(r.transferId)) }),

    listTransfers: (_req, _r, search) => {
      const query = readQuery(search, ['updatedSince', 'pageToken', 'pageSize']);
      let since: number;
      let size: number;
      let after: [number, string] | null = null;
      const token = query.get('pageToken');
      if (token !== undefined) {
        if (query.has('updatedSince') || query.has('pageSize')) throw new Refusal('INVALID_ARGUMENT', '后续页只传 pageToken');
        ({ since, size, after } = readPageToken(token));
      } else {
        const raw = query.get('updatedSince');
        if (raw === undefined) throw new Refusal('INVALID_ARGUMENT', '第一页须传 updatedSince');
        const parsed = parseDateTime(raw);
        if (parsed === null) throw new Refusal('INVALID_ARGUMENT', 'updatedSince 须为带时区偏移的 ISO-8601 时间');
        since = parsed;
        const rawSize = query.get('pageSize');
        if (rawSize !== undefined && (!/^\d{1,3}$/.test(rawSize) || Number(rawSize) < 1 || Number(rawSize) > 100)) {
          throw new Refusal('INVALID_ARGUMENT', 'pageSize 须为 1–100 的整数');
        }
        size = rawSize === undefined ? 50 : Number(rawSize);
      }
      const items = [...store.transfers.values()]
        .filter((t) => t.updatedAt >= since)
        .sort((a, b) => a.updatedAt - b.updatedAt || (a.transferId < b.transferId ? -1 : a.transferId > b.transferId ? 1 : 0));
      const rest = after === null ? items : items.filter((t) => t.updatedAt > after[0] || (t.updatedAt === after[0] && t.transferId > after[1]));
      const page = rest.slice(0, size);
      const out: { items: Transfer[]; nextPageToken?: string } = { items: page.map((t) => store.present(t)) };
      if (rest.length > size) out.nextPageToken = pageToken(since, size, page[page.length - 1]);
      return { status: 200, body: out };
    },

    withdrawTransfer: (req, r, _search, body) => {
      const key = idempotencyKey(req, false);
      return idempotent(key, `POST /api/v1/transfers/${r.transferId}/withdraw`, body, () => {
        const t = transferOr404(r.transferId);
        const request = withdrawRequest(body);
        if (t.status !== 'RECEIVED') throw new Refusal('INVALID_STATE', `当前状态 ${t.status}，仅 RECEIVED 可撤回`);
        store.withdraw(t, request.reason);
        return actionResult(t);
      });
    },

    requestReconsideration: (req, r, _search, body) => {
      const key = idempotencyKey(req, false);
      return idempotent(key, `POST /api/v1/transfers/${r.transferId}/reconsideration`, body, () => {
        const t = transferOr404(r.transferId);
        const request = reconsiderationRequest(body);
        if (t.status !== 'NOT_FILED') throw new Refusal('INVALID_STATE', `当前状态 ${t.status}，仅 NOT_FILED 可提请复议`);
        if (t.reconsiderationDeadline !== undefined && now() > t.reconsiderationDeadline) throw new Refusal('DEADLINE_PASSED');
        const materials = request.materials ?? [];
        checkUploads(materials);
        store.requestReconsideration(t, materials);
        return actionResult(t);
      });
    },

    supplementMaterials: (req, r, _search, body) => {
      const key = idempotencyKey(req, false);
      return idempotent(key, `POST /api/v1/transfers/${r.transferId}/supplement`, body, () => {
        const t = transferOr404(r.transferId);
        const request = supplementRequest(body);
        if (t.status !== 'RETURNED') throw new Refusal('INVALID_STATE', `当前状态 ${t.status}，仅 RETURNED 可补充材料`);
        checkUploads(request.materials);
        store.supplement(t, request.materials, request.note);
        return actionResult(t);
      });
    },
  };

  // ───────────── HTTP plumbing ─────────────

  const send = (res: ServerResponse, requestId: string, reply: Reply): void => {
    if (res.destroyed || res.writableEnded) return;
    const text = reply.text ?? JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'X-Request-Id': requestId,
      ...reply.headers,
    });
    res.end(text);
  };

  const errorReply = (refusal: Refusal, requestId: string, retryAfterSeconds?: number): Reply => {
    const code = refusal.errorCode;
    const body: Record<string, unknown> = {
      code,
      message: refusal.detail ? `${MESSAGES[code]}：${refusal.detail}` : MESSAGES[code],
      requestId,
    };
    if (refusal.extra.missingKinds) body.missingKinds = refusal.extra.missingKinds;
    if (refusal.extra.existingTransferId) body.existingTransferId = refusal.extra.existingTransferId;
    if (refusal.extra.field) body.field = refusal.extra.field;
    const headers: Record<string, string> = {};
    const wait = refusal.extra.retryAfterSeconds ?? retryAfterSeconds;
    if (code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE' || code === 'IDEMPOTENCY_IN_PROGRESS') headers['Retry-After'] = String(Math.max(1, wait ?? 1));
    if (code === 'TOKEN_EXPIRED' || code === 'INVALID_TOKEN') headers['WWW-Authenticate'] = 'Bearer error="invalid_token"';
    return { status: CASE_TRANSFER_ERROR_STATUS[code], body, headers };
  };

  /** Seconds until the end of the monthly window, or null outside it. */
  const inScheduledMaintenance = (): number | null => {
    if (!options.scheduledMaintenance) return null;
    const local = new Date(now() + 8 * 3600_000);
    if (local.getUTCDay() !== 0 || local.getUTCDate() > 7 || local.getUTCHours() >= 6) return null;
    const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 6);
    return Math.max(1, Math.ceil((end - local.getTime()) / 1000));
  };

  const handleExtraControl = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path === '/__simulator') return false;
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    const body = await readBody(req, MAX_JSON_BYTES);
    let input: Record<string, unknown> = {};
    if (body && body.length > 0) {
      try {
        const parsed: unknown = JSON.parse(body.toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) input = parsed as Record<string, unknown>;
      } catch {
        reply(400, { error: 'body must be a JSON object' });
        return true;
      }
    }
    const callbackState = () => ({ switches: callbacks.switches, holding: callbacks.holding, pending: callbacks.pending, deliveries: callbacks.deliveries });
    if (path === '/__simulator/callbacks') {
      if (req.method === 'POST') {
        const partial: Record<string, boolean> = {};
        for (const k of ['duplicate', 'reorder', 'drop'] as const) if (typeof input[k] === 'boolean') partial[k] = input[k] as boolean;
        callbacks.set(partial);
      } else if (req.method === 'DELETE') {
        callbacks.reset();
      }
      reply(200, callbackState());
      return true;
    }
    if (path === '/__simulator/advance' && req.method === 'POST') {
      const transferId = typeof input.transferId === 'string' ? input.transferId : undefined;
      const to = typeof input.to === 'string' && (TRANSFER_STATUSES as readonly string[]).includes(input.to) ? (input.to as TransferStatus) : undefined;
      try {
        reply(200, { events: store.advance(transferId, to) });
      } catch (err) {
        reply(409, { error: err instanceof Error ? err.message : 'cannot advance' });
      }
      return true;
    }
    if (path === '/__simulator/tokens/expire' && req.method === 'POST') {
      reply(200, { expired: expireTokens() });
      return true;
    }
    if (path === '/__simulator/transfers' && req.method === 'GET') {
      reply(200, { created: store.created, transfers: [...store.transfers.values()].map((t) => store.present(t)) });
      return true;
    }
    if (path === '/__simulator/behaviour' && req.method === 'POST') {
      if (typeof input.tokenTtlSeconds === 'number' && input.tokenTtlSeconds > 0) behaviour.tokenTtlSeconds = input.tokenTtlSeconds;
      if (typeof input.createProcessingMs === 'number' && input.createProcessingMs >= 0) behaviour.createProcessingMs = input.createProcessingMs;
      reply(200, { behaviour });
      return true;
    }
    reply(404, { error: 'unknown simulator control endpoint' });
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
    const requestId = `req-lfxj-${randomBytes(4).toString('hex')}`;
    const found = route(req.method ?? '', path);
    const body = await readBody(req, found?.operation === 'uploadMaterial' ? maxUploadBytes : MAX_JSON_BYTES);
    if (!found) {
      send(res, requestId, errorReply(new Refusal('NOT_FOUND', '接口不存在'), requestId));
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
    const window = inScheduledMaintenance();
    if (sw.maintenance || window !== null) {
      send(res, requestId, errorReply(new Refusal('SERVICE_UNAVAILABLE'), requestId, sw.maintenance ? sw.retryAfterSeconds : (window ?? 1)));
      return;
    }
    if (found.operation === 'issueToken') {
      send(res, requestId, issueToken(req, body ?? Buffer.alloc(0)));
      return;
    }
    const refused = authenticate(req);
    if (refused) {
      send(res, requestId, errorReply(new Refusal(refused), requestId));
      return;
    }
    if (body === null) {
      send(
        res,
        requestId,
        errorReply(found.operation === 'uploadMaterial' ? new Refusal('PAYLOAD_TOO_LARGE') : new Refusal('INVALID_ARGUMENT', '请求体过大'), requestId),
      );
      return;
    }
    if (sw.rateLimited) {
      send(res, requestId, errorReply(new Refusal('RATE_LIMITED'), requestId, sw.retryAfterSeconds));
      return;
    }
    if (sw.fault) {
      const code = (CASE_TRANSFER_ERROR_CODES as readonly string[]).includes(sw.fault) ? (sw.fault as CaseTransferErrorCode) : 'INTERNAL';
      send(res, requestId, errorReply(new Refusal(code), requestId, sw.retryAfterSeconds));
      return;
    }
    if (control.shouldFail(random)) {
      send(res, requestId, errorReply(new Refusal('INTERNAL'), requestId));
      return;
    }

    let reply: Reply;
    try {
      reply = await handlers[found.operation](req, found, search, body);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      send(res, requestId, errorReply(err, requestId));
      return;
    }
    if (sw.malformed && reply.status >= 200 && reply.status < 300 && !res.destroyed) {
      res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': requestId });
      res.end('{"transferId":"LT2025');
      return;
    }
    send(res, requestId, reply);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: 'INTERNAL', message: MESSAGES.INTERNAL, requestId: 'req-lfxj-internal' }));
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

  const timer = options.advanceEveryMs && options.advanceEveryMs > 0 ? setInterval(() => store.advance(), options.advanceEveryMs) : null;
  timer?.unref();

  const expireTokens = (): number => {
    let n = 0;
    for (const entry of tokens.values()) {
      if (!entry.revoked) n += 1;
      entry.revoked = true;
    }
    return n;
  };

  let closed = false;
  return {
    url: `http://${host}:${address.port}`,
    control,
    callbacks,
    store,
    behaviour,
    setBehaviour: (partial) => {
      if (partial.tokenTtlSeconds !== undefined) behaviour.tokenTtlSeconds = partial.tokenTtlSeconds;
      if (partial.createProcessingMs !== undefined) behaviour.createProcessingMs = partial.createProcessingMs;
    },
    advance: (transferId, to) => store.advance(transferId, to),
    transfer: (transferId) => {
      const t = store.transfers.get(transferId);
      return t ? store.present(t) : null;
    },
    createdTransfers: (transferNo) => store.created.filter((c) => transferNo === undefined || c.transferNo === transferNo),
    expireTokens,
    tokensIssued: () => issuedTotal,
    rotateCallbackSecret: (next) => {
      secrets = [next, secrets[0]];
    },
    completeCallbackSecretRotation: () => {
      secrets = [secrets[0]];
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      callbacks.close();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
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
