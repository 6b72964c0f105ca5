// In-process simulator of 公安机关 · 行政执法协作支持服务: a real SOAP server (node-soap's
// soap.listen over the connector's copy of the WSDL) implementing the four operations per the
// contract, with the shared SimulatorControl switches applied in front of node-soap.
//
// Behaviour (README "Public security" and the WSDL's annotations):
// - AppCredential header with unqualified appId/token on every call, else AUTH_FAILED;
// - SOAPAction "urn:gov:psb:lawenforcement:v1/<Operation>" matching the body, else INVALID_REQUEST;
// - purpose and caseNo mandatory (INVALID_REQUEST), ID numbers checked per GB 11643
//   (INVALID_ID_NUMBER; in a batch the whole call fails and the message names the 1-based index),
//   1–20 persons per batch, names compared exactly after trimming (see fixtures.ts);
// - requestSerial: the same serial within 24 h returns the original supportRequestId and status;
// - support requests advance SUBMITTED → ACCEPTED → DISPATCHED → COMPLETED, or → DECLINED, one
//   step per advanceSupportRequests() (or per `advanceEveryMs` tick);
// - faults with HTTP 500, RATE_LIMITED 429 and SERVICE_UNAVAILABLE 503 with Retry-After.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { validateIdNumber, validateUscc, type IdentifierRule } from '../../../src/domain/identifiers';
import { SimulatorControl } from '../../core';
import { isOffsetDateTime, shanghaiCompact, toShanghaiIso } from '../time';
import {
  FINAL_SUPPORT_STATUSES,
  PSB_FAULT_CODES,
  PSB_MAX_BATCH,
  PSB_NAMESPACE,
  PSB_OPERATIONS,
  REQUEST_SERIAL_PATTERN,
  RISK_LEVELS,
  VERIFICATION_PURPOSES,
  type MatchResult,
  type PsbFaultCode,
  type PsbOperation,
  type StationType,
  type SupportStatus,
  type VerificationPurpose,
} from '../types';
import { PSB_SERVICE_PATH, readPsbWsdl } from '../wsdl';
import { DECLINE_DEFAULT_REASON, DECLINE_TOO_MANY_OFFICERS, MAX_DISPATCHABLE_OFFICERS, simulatedVerification, stationFor } from './fixtures';

export interface PublicSecuritySimulatorOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  appId: string;
  token: string;
  /** The simulator's clock (support-request times, serial expiry, birth-date rule). */
  now?: () => Date;
  /** For the errorRate switch. */
  random?: () => number;
  /** Advance every support request one status this often; 0/undefined = only advanceSupportRequests(). */
  advanceEveryMs?: number;
  /** Answer SERVICE_UNAVAILABLE during the daily 00:00–00:30 (Asia/Shanghai) window. Default false. */
  maintenanceWindow?: boolean;
  /** Keep the last 50 raw request envelopes (they contain the credential) for tests. Default false. */
  recordRequests?: boolean;
}

export interface RecordedRequest {
  operation: string;
  /** The SOAPAction header as received (quotes included). */
  soapAction: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** What the simulator audits of each answered call: purpose and case, never names or numbers. */
export interface SimulatorAuditEntry {
  at: Date;
  appId: string;
  operation: PsbOperation;
  purpose?: VerificationPurpose;
  caseNo: string;
  persons: number;
}

export interface SimulatedSupportRequest {
  supportRequestId: string;
  requestSerial: string | undefined;
  caseNo: string;
  officersNeeded: number;
  address: string;
  scheduledAt: string;
  status: SupportStatus;
  assignedStation?: StationType;
  dispatchedOfficers?: number;
  declineReason?: string;
  submittedAt: Date;
  updatedAt: Date;
}

export interface PublicSecuritySimulator {
  /** The SOAP endpoint, e.g. http://127.0.0.1:PORT/services/LawEnforcementSupportService. */
  readonly url: string;
  readonly control: SimulatorControl;
  /** Only filled with `recordRequests: true`. */
  readonly requests: RecordedRequest[];
  readonly audit: SimulatorAuditEntry[];
  /** Moves every open support request one status on; returns how many moved. */
  advanceSupportRequests(): number;
  /** Declines an open (SUBMITTED/ACCEPTED) request, e.g. cancelled by phone; false when not open. */
  declineSupportRequest(supportRequestId: string, reason?: string): boolean;
  supportRequest(supportRequestId: string): SimulatedSupportRequest | undefined;
  close(): Promise<void>;
}

const SERIAL_TTL_MS = 24 * 3_600_000;
const MAX_RECORDED = 50;

const FAULT_STRINGS: Record<PsbFaultCode, string> = {
  AUTH_FAILED: '身份认证失败',
  INVALID_REQUEST: '请求参数错误',
  INVALID_ID_NUMBER: '身份证号码校验失败',
  REQUEST_NOT_FOUND: '支援申请不存在',
  RATE_LIMITED: '调用频率超限',
  SERVICE_UNAVAILABLE: '服务暂不可用',
  INTERNAL_ERROR: '系统内部错误',
};

const SWITCH_MESSAGES: Record<PsbFaultCode, string> = {
  AUTH_FAILED: 'AppCredential 无效或未授权',
  INVALID_REQUEST: '请求不符合接口规范',
  INVALID_ID_NUMBER: '第1条：身份证号码校验位错误',
  REQUEST_NOT_FOUND: '支援申请编号不存在',
  RATE_LIMITED: '调用频率超限（5次/秒）',
  SERVICE_UNAVAILABLE: '系统维护中，请稍后再试',
  INTERNAL_ERROR: '系统内部错误，请稍后重试',
};

const ID_RULE_TEXT: Record<IdentifierRule, string> = {
  LENGTH: '身份证号码长度错误',
  CHARSET: '身份证号码格式错误',
  CHECK_CHARACTER: '身份证号码校验位错误',
  BIRTH_DATE: '身份证号码出生日期无效',
  REGION: '身份证号码地区码错误',
};

const GATEWAY_PAGE =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n' +
  '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

class SimFault extends Error {
  constructor(
    readonly code: PsbFaultCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function faultStatus(code: PsbFaultCode): number {
  return code === 'RATE_LIMITED' ? 429 : code === 'SERVICE_UNAVAILABLE' ? 503 : 500;
}

/** A soap:Fault with the typed PsbFault detail, shaped like examples/public-security/fault.*.xml. */
export function psbFaultEnvelope(code: PsbFaultCode, message: string, retryAfterSeconds?: number): string {
  const side = code === 'SERVICE_UNAVAILABLE' || code === 'INTERNAL_ERROR' ? 'Server' : 'Client';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:le="${PSB_NAMESPACE}">` +
    '<soapenv:Body><soapenv:Fault>' +
    `<faultcode>soapenv:${side}</faultcode>` +
    `<faultstring xml:lang="zh-CN">${escapeXml(FAULT_STRINGS[code])}</faultstring>` +
    '<detail><le:PsbFault>' +
    `<le:code>${code}</le:code><le:message>${escapeXml(message)}</le:message>` +
    (retryAfterSeconds === undefined ? '' : `<le:retryAfterSeconds>${retryAfterSeconds}</le:retryAfterSeconds>`) +
    '</le:PsbFault></detail>' +
    '</soapenv:Fault></soapenv:Body></soapenv:Envelope>'
  );
}

function sendFault(res: ServerResponse, code: PsbFaultCode, message: string, retryAfterSeconds?: number): void {
  const needsRetry = code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE';
  const seconds = needsRetry ? Math.max(1, Math.ceil(retryAfterSeconds ?? 1)) : retryAfterSeconds;
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
  if (needsRetry) headers['retry-after'] = String(seconds);
  res.writeHead(faultStatus(code), headers);
  res.end(psbFaultEnvelope(code, message, seconds));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function unquote(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined) return undefined;
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** The operation whose request element opens the SOAP body. */
function bodyOperation(xml: string): PsbOperation | undefined {
  const m = /<(?:[\w.-]+:)?Body\b[^>]*>\s*<(?:[\w.-]+:)?(\w+)Request[\s/>]/.exec(xml);
  const name = m?.[1];
  return name && (PSB_OPERATIONS as ReadonlyArray<string>).includes(name) ? (name as PsbOperation) : undefined;
}

function countPersons(xml: string): number {
  return (xml.match(/<(?:[\w.-]+:)?person[\s>]/g) ?? []).length;
}

/** Whether the AppCredential element of the raw envelope is in the contract's namespace. */
function credentialInNamespace(xml: string): boolean {
  const m = /<(?:([\w.-]+):)?AppCredential\b([^>]*)>/.exec(xml);
  if (!m) return false;
  const prefix = m[1];
  const decl = prefix ? `xmlns:${prefix}="${PSB_NAMESPACE}"` : `xmlns="${PSB_NAMESPACE}"`;
  return prefix ? xml.includes(decl) : m[2].includes(decl);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function asArray<T>(v: T | T[] | undefined): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function isOneOf<T extends string>(values: ReadonlyArray<T>, v: unknown): v is T {
  return typeof v === 'string' && (values as ReadonlyArray<string>).includes(v);
}

type Args = Record<string, unknown>;

export async function startPublicSecuritySimulator(options: PublicSecuritySimulatorOptions): Promise<PublicSecuritySimulator> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const control = new SimulatorControl();
  const requests: RecordedRequest[] = [];
  const audit: SimulatorAuditEntry[] = [];
  const supportRequests = new Map<string, SimulatedSupportRequest>();
  const serials = new Map<string, { supportRequestId: string; at: number }>();
  let verificationSeq = 0;
  let supportSeq = 0;

  const nextVerificationId = () => `HY440309${shanghaiCompact(now())}${String((verificationSeq = (verificationSeq + 1) % 10_000)).padStart(4, '0')}`;
  const nextSupportId = () => `ZC440309${shanghaiCompact(now()).slice(0, 8)}${String(++supportSeq).padStart(5, '0')}`;

  // ----- validation shared by the operations -----

  const checkCredential = (headers: unknown, rawXml: string): void => {
    const attrs = (headers as { AppCredential?: { attributes?: Record<string, unknown> } } | undefined)?.AppCredential?.attributes;
    const ok = attrs !== undefined && attrs.appId === options.appId && attrs.token === options.token && credentialInNamespace(rawXml);
    if (!ok) throw new SimFault('AUTH_FAILED', 'AppCredential 缺失、无效或未授权');
  };

  const checkPurposeAndCase = (args: Args): { purpose: VerificationPurpose; caseNo: string } => {
    const purpose = str(args.purpose);
    if (!isOneOf(VERIFICATION_PURPOSES, purpose)) throw new SimFault('INVALID_REQUEST', 'purpose 为必填项，取值 CASE_INVESTIGATION / DOCUMENT_SERVICE / PENALTY_ENFORCEMENT');
    const caseNo = str(args.caseNo);
    if (caseNo === undefined || caseNo.trim() === '' || caseNo.length > 64) throw new SimFault('INVALID_REQUEST', 'caseNo 为必填项（1–64 字符）');
    return { purpose, caseNo };
  };

  const checkName = (v: unknown, label: string): string => {
    const name = str(v)?.trim();
    if (!name || name.length > 50) throw new SimFault('INVALID_REQUEST', `${label}姓名为必填项（1–50 字符）`);
    return name;
  };

  const checkId = (v: unknown, label: string): string => {
    const id = str(v) ?? '';
    const problem = validateIdNumber(id, now());
    if (problem) throw new SimFault('INVALID_ID_NUMBER', `${label}${ID_RULE_TEXT[problem.rule]}`);
    return id;
  };

  const record = (operation: PsbOperation, caseNo: string, persons: number, purpose?: VerificationPurpose) => {
    audit.push({ at: now(), appId: options.appId, operation, purpose, caseNo, persons });
    if (audit.length > 1000) audit.splice(0, audit.length - 1000);
  };

  // ----- operations -----

  const verifyIdentity = (args: Args) => {
    const { purpose, caseNo } = checkPurposeAndCase(args);
    const name = checkName(args.name, '');
    const idNumber = checkId(args.idNumber, '');
    record('VerifyIdentity', caseNo, 1, purpose);
    return { match: simulatedVerification(idNumber, name), verifiedAt: toShanghaiIso(now()), verificationId: nextVerificationId() };
  };

  const batchVerifyIdentity = (args: Args) => {
    const persons = asArray((args.persons as { person?: Args | Args[] } | undefined)?.person);
    if (persons.length === 0) throw new SimFault('INVALID_REQUEST', 'persons 至少包含 1 人');
    if (persons.length > PSB_MAX_BATCH) throw new SimFault('INVALID_REQUEST', `persons 超过 ${PSB_MAX_BATCH} 人`);
    const { purpose, caseNo } = checkPurposeAndCase(args);
    const checked = persons.map((p, i) => ({
      name: checkName(p?.name, `第${i + 1}条：`),
      idNumber: checkId(p?.idNumber, `第${i + 1}条：`),
    }));
    record('BatchVerifyIdentity', caseNo, checked.length, purpose);
    const result: Array<{ idNumber: string; match: MatchResult }> = checked.map((p) => ({
      idNumber: p.idNumber,
      match: simulatedVerification(p.idNumber, p.name),
    }));
    return { results: { result }, verifiedAt: toShanghaiIso(now()), verificationId: nextVerificationId() };
  };

  const receipt = (r: SimulatedSupportRequest) => ({
    supportRequestId: r.supportRequestId,
    status: r.status,
    submittedAt: toShanghaiIso(r.submittedAt),
  });

  const requestEnforcementSupport = (args: Args) => {
    const serial = str(args.requestSerial);
    if (serial !== undefined && !REQUEST_SERIAL_PATTERN.test(serial)) throw new SimFault('INVALID_REQUEST', 'requestSerial 格式错误');
    const caseNo = str(args.caseNo);
    if (caseNo === undefined || caseNo.trim() === '' || caseNo.length > 64) throw new SimFault('INVALID_REQUEST', 'caseNo 为必填项（1–64 字符）');
    const unit = (args.requestingUnit ?? {}) as Args;
    for (const f of ['name', 'uscc', 'contactName', 'contactPhone']) {
      if (!str(unit[f])?.trim()) throw new SimFault('INVALID_REQUEST', `requestingUnit.${f} 为必填项`);
    }
    if (validateUscc(str(unit.uscc) ?? '')) throw new SimFault('INVALID_REQUEST', 'requestingUnit.uscc 统一社会信用代码校验失败');
    const location = (args.location ?? {}) as Args;
    const address = str(location.address)?.trim();
    const lng = Number(str(location.lng));
    const lat = Number(str(location.lat));
    if (!address || !Number.isFinite(lng) || !Number.isFinite(lat)) throw new SimFault('INVALID_REQUEST', 'location 不完整');
    const scheduledAt = str(args.scheduledAt)?.trim() ?? '';
    if (!isOffsetDateTime(scheduledAt)) throw new SimFault('INVALID_REQUEST', 'scheduledAt 须为带时区偏移的时间');
    if (!isOneOf(RISK_LEVELS, str(args.expectedRisk))) throw new SimFault('INVALID_REQUEST', 'expectedRisk 取值无效');
    const officersNeeded = Number(str(args.officersNeeded));
    if (!Number.isInteger(officersNeeded) || officersNeeded < 1 || officersNeeded > 20) {
      throw new SimFault('INVALID_REQUEST', 'officersNeeded 须在 1..20 之间');
    }
    if (!str(args.reason)?.trim()) throw new SimFault('INVALID_REQUEST', 'reason 为必填项');

    const t = now();
    if (serial !== undefined) {
      const seen = serials.get(serial);
      const original = seen && t.getTime() - seen.at < SERIAL_TTL_MS ? supportRequests.get(seen.supportRequestId) : undefined;
      if (original) {
        record('RequestEnforcementSupport', caseNo, 0);
        return receipt(original);
      }
    }
    if (Date.parse(scheduledAt) <= t.getTime()) throw new SimFault('INVALID_REQUEST', 'scheduledAt 须晚于当前时间');
    const r: SimulatedSupportRequest = {
      supportRequestId: nextSupportId(),
      requestSerial: serial,
      caseNo,
      officersNeeded,
      address,
      scheduledAt,
      status: 'SUBMITTED',
      submittedAt: t,
      updatedAt: t,
    };
    supportRequests.set(r.supportRequestId, r);
    if (serial !== undefined) serials.set(serial, { supportRequestId: r.supportRequestId, at: t.getTime() });
    record('RequestEnforcementSupport', caseNo, 0);
    return receipt(r);
  };

  const querySupportRequest = (args: Args) => {
    const id = str(args.supportRequestId)?.trim();
    if (!id) throw new SimFault('INVALID_REQUEST', 'supportRequestId 为必填项');
    const r = supportRequests.get(id);
    if (!r) throw new SimFault('REQUEST_NOT_FOUND', '支援申请编号不存在');
    const answer: Args = { supportRequestId: r.supportRequestId, status: r.status };
    if (r.assignedStation) answer.assignedStation = { name: r.assignedStation.name, code: r.assignedStation.code };
    if (r.dispatchedOfficers !== undefined) answer.dispatchedOfficers = r.dispatchedOfficers;
    if (r.declineReason !== undefined) answer.declineReason = r.declineReason;
    answer.updatedAt = toShanghaiIso(r.updatedAt);
    return answer;
  };

  // Each service method checks the credential, then answers or writes the contract's fault itself.
  const method =
    (impl: (args: Args) => object) =>
    (args: unknown, _cb: unknown, headers: unknown, req: IncomingMessage & { body?: Buffer }, res: ServerResponse): object | undefined => {
      try {
        checkCredential(headers, req.body?.toString('utf8') ?? '');
        return impl((args ?? {}) as Args);
      } catch (e) {
        if (e instanceof SimFault) {
          sendFault(res, e.code, e.message, e.retryAfterSeconds);
          return undefined;
        }
        sendFault(res, 'INTERNAL_ERROR', '系统内部错误');
        return undefined;
      }
    };

  const services: soap.IServices = {
    LawEnforcementSupportService: {
      LawEnforcementSupportPort: {
        VerifyIdentity: method(verifyIdentity),
        BatchVerifyIdentity: method(batchVerifyIdentity),
        RequestEnforcementSupport: method(requestEnforcementSupport),
        QuerySupportRequest: method(querySupportRequest),
      },
    },
  };

  // ----- HTTP: switches in front of node-soap -----

  const server = createServer();
  const listenOptions: soap.IServerOptions & { customDeserializer: Record<string, (text: string) => unknown> } = {
    path: PSB_SERVICE_PATH,
    services,
    xml: readPsbWsdl(),
    suppressStack: true,
    // Keep dateTimes as text, so that a value without an offset can be refused.
    customDeserializer: { dateTime: (text: string) => text },
  };
  await new Promise<void>((resolve, reject) => {
    listenOptions.callback = (err: unknown) => (err ? reject(err instanceof Error ? err : new Error('WSDL load failed')) : resolve());
    soap.listen(server, listenOptions);
  });
  const soapListeners = server.listeners('request').slice() as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  const toSoap = (req: IncomingMessage, res: ServerResponse) => {
    for (const l of soapListeners) l.call(server, req, res);
  };

  const maintenanceRetryAfter = (): number | null => {
    if (!options.maintenanceWindow) return null;
    const local = toShanghaiIso(now());
    const minutes = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
    if (minutes >= 30) return null;
    return (30 - minutes) * 60 - Number(local.slice(17, 19));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (control.handleControlRequest(req, res)) return;
    const pathname = new URL(req.url ?? '/', 'http://simulator').pathname.replace(/\/+$/, '');
    if (pathname !== PSB_SERVICE_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    if (req.method !== 'POST') {
      toSoap(req, res); // GET ?wsdl
      return;
    }
    const body = await readBody(req);
    const xml = body.toString('utf8');
    const rawAction = req.headers.soapaction;
    const soapAction = unquote(rawAction);
    const fromBody = bodyOperation(xml);
    const operation = fromBody ?? 'unknown';
    control.count(operation, operation === 'BatchVerifyIdentity' ? countPersons(xml) : 1);
    if (options.recordRequests) {
      requests.push({ operation, soapAction: Array.isArray(rawAction) ? rawAction[0] : rawAction, contentType: req.headers['content-type'], body: xml });
      if (requests.length > MAX_RECORDED) requests.splice(0, requests.length - MAX_RECORDED);
    }

    await control.delay();
    const sw = control.switches;
    if (sw.gatewayError) {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end(GATEWAY_PAGE);
      return;
    }
    const windowRetry = maintenanceRetryAfter();
    if (sw.maintenance || windowRetry !== null) {
      sendFault(res, 'SERVICE_UNAVAILABLE', '系统维护中（每日 00:00–00:30），请稍后再试', windowRetry ?? sw.retryAfterSeconds);
      return;
    }
    if (sw.rateLimited) {
      sendFault(res, 'RATE_LIMITED', SWITCH_MESSAGES.RATE_LIMITED, sw.retryAfterSeconds);
      return;
    }
    if (sw.fault !== null) {
      const code: PsbFaultCode = isOneOf(PSB_FAULT_CODES, sw.fault) ? sw.fault : 'INTERNAL_ERROR';
      sendFault(res, code, SWITCH_MESSAGES[code], code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE' ? sw.retryAfterSeconds : undefined);
      return;
    }
    if (control.shouldFail(random)) {
      sendFault(res, 'INTERNAL_ERROR', SWITCH_MESSAGES.INTERNAL_ERROR);
      return;
    }
    if (sw.malformed) {
      // A response cut off mid-stream, echoing the first ID number it was about.
      const id = /<(?:[\w.-]+:)?idNumber>([^<]*)</.exec(xml)?.[1] ?? '';
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
          `<soapenv:Body><le:${operation}Response xmlns:le="${PSB_NAMESPACE}"><le:results><le:result><le:idNumber>${escapeXml(id)}</le:idNumber><le:match>MAT`,
      );
      return;
    }
    if (!fromBody || soapAction !== `${PSB_NAMESPACE}/${fromBody}`) {
      sendFault(res, 'INVALID_REQUEST', 'SOAPAction 与请求报文不符');
      return;
    }
    (req as IncomingMessage & { body?: Buffer }).body = body;
    toSoap(req, res);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendFault(res, 'INTERNAL_ERROR', '系统内部错误');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${PSB_SERVICE_PATH}`;

  const advanceSupportRequests = (): number => {
    let moved = 0;
    const t = now();
    for (const r of supportRequests.values()) {
      if (FINAL_SUPPORT_STATUSES.has(r.status)) continue;
      if (r.status === 'SUBMITTED') {
        r.assignedStation = stationFor(r.address);
        if (r.officersNeeded > MAX_DISPATCHABLE_OFFICERS) {
          r.status = 'DECLINED';
          r.declineReason = DECLINE_TOO_MANY_OFFICERS;
        } else {
          r.status = 'ACCEPTED';
        }
      } else if (r.status === 'ACCEPTED') {
        r.status = 'DISPATCHED';
        r.dispatchedOfficers = r.officersNeeded;
      } else if (r.status === 'DISPATCHED') {
        r.status = 'COMPLETED';
      }
      r.updatedAt = t;
      moved += 1;
    }
    return moved;
  };

  const timer = options.advanceEveryMs && options.advanceEveryMs > 0 ? setInterval(advanceSupportRequests, options.advanceEveryMs) : null;
  timer?.unref();

  let closed = false;
  return {
    url,
    control,
    requests,
    audit,
    advanceSupportRequests,
    declineSupportRequest(supportRequestId: string, reason: string = DECLINE_DEFAULT_REASON): boolean {
      const r = supportRequests.get(supportRequestId);
      if (!r || (r.status !== 'SUBMITTED' && r.status !== 'ACCEPTED')) return false;
      r.assignedStation ??= stationFor(r.address);
      r.status = 'DECLINED';
      r.declineReason = reason;
      r.updatedAt = now();
      return true;
    },
    supportRequest(supportRequestId: string): SimulatedSupportRequest | undefined {
      const r = supportRequests.get(supportRequestId);
      return r ? { ...r } : undefined;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
