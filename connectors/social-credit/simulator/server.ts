// The in-process credit platform: a real SOAP 1.1 server (node-soap, from the same WSDL) with the
// contract's behaviour — UsernameToken check and account lock-out, batch ≤ 50, INVALID_CODE for a
// bad check character, notFound, penalty reports keyed by decisionNo with DUPLICATE_REPORT, the
// asynchronous RECEIVED → VALIDATING → PUBLISHED | REJECTED lifecycle, quotas (429 + Retry-After).
// SimulatorControl switches sit in front of node-soap; /__simulator steers them from outside.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';
import { SimulatorControl } from '../../core';
import { validateIdNumber, validateUscc } from '../../../src/domain/identifiers';
import { textOf } from '../errors';
import type { CreditFaultCode, ReportStatusCode, SubjectType } from '../types';
import { CREDIT_QUERY_PURPOSES, SUBJECT_TYPES } from '../types';
import {
  CREDIT_NAMESPACE,
  CREDIT_OPERATIONS,
  CREDIT_SERVICE_PATH,
  KEEP_TEXT_DESERIALIZER,
  PASSWORD_TEXT_TYPE,
  SOAP_ENV_NAMESPACE,
  shanghaiDate,
  shanghaiDateTime,
  socialCreditWsdlPath,
  xmlEscape,
  type CreditOperation,
} from '../wsdl';
import { FIXED_REPORTS, REGISTERED_NAMES, lookupSubject, type FixtureEntry, type SubjectFixture } from './fixtures';
import { checkPenaltyRules, readRecord, type ReceivedRecord, type RejectReasonData } from './rules';
import { readFileSync } from 'node:fs';

export interface SocialCreditSimulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The one account the platform accepts. */
  username: string;
  password: string;
  /** Clock of the platform (lock-outs, quotas, receipts, which listings exist yet). Default Date.now. */
  now?: () => number;
  /** Advance every open report one status step this often; 0/absent = only by advanceReports(). */
  reportStepMs?: number;
  /** Calls per second per account before QUOTA_EXCEEDED (contract: 10); 0 = unlimited. */
  requestsPerSecond?: number;
  /** Subjects queried per Shanghai day before QUOTA_EXCEEDED (contract: 20,000); 0 = unlimited. */
  subjectsPerDay?: number;
  /** Apply the Saturday 22:00–24:00 maintenance window by the clock (default off: switches only). */
  scheduledMaintenance?: boolean;
  /** Authorities the account may report for, by USCC prefix. Default: Shenzhen government bodies ("114403"). */
  authorisedAuthorityPrefixes?: string[];
}

export interface SocialCreditSimulator {
  /** The service endpoint (http://host:port/services/CreditSharingService). */
  readonly url: string;
  readonly control: SimulatorControl;
  /** Moves every open report one step (RECEIVED → VALIDATING → PUBLISHED | REJECTED); returns how many moved. */
  advanceReports(): number;
  close(): Promise<void>;
}

const LOCK_AFTER_FAILURES = 5;
const FAILURE_WINDOW_MS = 10 * 60_000;
const LOCK_MS = 30 * 60_000;

const FAULT_STRINGS: Record<CreditFaultCode, string> = {
  AUTH_FAILED: '身份认证失败',
  INVALID_REQUEST: '请求不符合接口规范',
  INVALID_CODE: '代码校验失败',
  SUBJECT_NOT_FOUND: '主体不存在',
  RECEIPT_NOT_FOUND: '报送回执不存在',
  DUPLICATE_REPORT: '行政处罚决定书文号已报送',
  QUOTA_EXCEEDED: '超出调用配额',
  SERVICE_UNAVAILABLE: '服务暂不可用',
  INTERNAL_ERROR: '系统内部错误',
};

/** A fault the simulator answers with (soap:Fault + detail/CreditFault). */
export class SimulatedFault extends Error {
  constructor(
    readonly code: CreditFaultCode | string,
    message: string,
    readonly extra: { receiptId?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'SimulatedFault';
  }

  get faultCode(): 'Client' | 'Server' {
    return this.code === 'SERVICE_UNAVAILABLE' || this.code === 'INTERNAL_ERROR' ? 'Server' : 'Client';
  }

  get httpStatus(): number {
    if (this.code === 'QUOTA_EXCEEDED') return 429;
    if (this.code === 'SERVICE_UNAVAILABLE') return 503;
    return 500;
  }

  get faultString(): string {
    return FAULT_STRINGS[this.code as CreditFaultCode] ?? '请求处理失败';
  }

  detailXml(): string {
    return (
      `<cs:CreditFault xmlns:cs="${CREDIT_NAMESPACE}">` +
      `<cs:code>${xmlEscape(this.code)}</cs:code>` +
      `<cs:message>${xmlEscape(this.message)}</cs:message>` +
      (this.extra.receiptId ? `<cs:receiptId>${xmlEscape(this.extra.receiptId)}</cs:receiptId>` : '') +
      (this.extra.retryAfterSeconds ? `<cs:retryAfterSeconds>${this.extra.retryAfterSeconds}</cs:retryAfterSeconds>` : '') +
      '</cs:CreditFault>'
    );
  }

  /** What a node-soap service method throws. */
  toSoapFault(): { Fault: Record<string, unknown> } {
    return {
      Fault: {
        faultcode: `soap:${this.faultCode}`,
        faultstring: { attributes: { 'xml:lang': 'zh-CN' }, $value: this.faultString },
        detail: { $xml: this.detailXml() },
        statusCode: this.httpStatus,
      },
    };
  }

  /** The whole envelope, for answers given in front of node-soap. */
  envelope(): string {
    return (
      '<?xml version="1.0" encoding="utf-8"?>' +
      `<soap:Envelope xmlns:soap="${SOAP_ENV_NAMESPACE}"><soap:Body><soap:Fault>` +
      `<faultcode>soap:${this.faultCode}</faultcode>` +
      `<faultstring xml:lang="zh-CN">${xmlEscape(this.faultString)}</faultstring>` +
      `<detail>${this.detailXml()}</detail>` +
      '</soap:Fault></soap:Body></soap:Envelope>'
    );
  }
}

const GATEWAY_PAGE =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n' +
  '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** 200 with an envelope cut off in the middle: not well-formed XML. */
const MALFORMED_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  `<soap:Envelope xmlns:soap="${SOAP_ENV_NAMESPACE}"><soap:Body><cs:QueryCreditProfileResponse xmlns:cs="${CREDIT_NAMESPACE}">` +
  '<cs:profile><cs:subjectCode>91440309MA5H2R7W2D</cs:subjectCode><cs:subjectName>深圳市观澜湖畔';

interface StoredReport {
  receiptId: string;
  decisionNo: string;
  partyCode: string | null;
  record: ReceivedRecord | null;
  status: ReportStatusCode;
  rejectReasons: RejectReasonData[];
  acceptedAt: number;
  publishedAt: number | null;
  updatedAt: number;
  /** Fixture reports are already counted in the fixture profiles' penaltiesPublished. */
  fixture: boolean;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  if (v === null || v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function operationOf(req: IncomingMessage, body: string): string {
  const header = req.headers.soapaction;
  const action = (Array.isArray(header) ? header[0] : header)?.replace(/^"|"$/g, '');
  const fromAction = action?.split('/').pop();
  if (fromAction && (CREDIT_OPERATIONS as readonly string[]).includes(fromAction)) return fromAction;
  const m = /<(?:[\w.-]+:)?Body[^>]*>\s*<(?:[\w.-]+:)?(\w+?)Request[\s>/]/.exec(body);
  return m && (CREDIT_OPERATIONS as readonly string[]).includes(m[1]) ? m[1] : 'unknown';
}

function sendFault(res: ServerResponse, fault: SimulatedFault): void {
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
  if (fault.extra.retryAfterSeconds) headers['retry-after'] = String(fault.extra.retryAfterSeconds);
  res.writeHead(fault.httpStatus, headers);
  res.end(fault.envelope());
}

function entryXml(e: FixtureEntry): Obj {
  const out: Obj = { listType: e.listType, listTypeName: e.listTypeName, reason: e.reason, listedBy: e.listedBy, listedAt: e.listedAt };
  if (e.expiresAt) out.expiresAt = e.expiresAt;
  return out;
}

class CreditPlatform {
  readonly reports = new Map<string, StoredReport>();
  /** decisionNo → receiptId of its latest report. */
  readonly latestByDecision = new Map<string, string>();
  private readonly auth = new Map<string, { failures: number; firstAt: number; lockedUntil: number }>();
  private second = { key: -1, count: 0 };
  private day = { key: '', subjects: 0 };
  private sequence = 0;

  constructor(readonly options: SocialCreditSimulatorOptions, readonly now: () => number) {
    for (const f of FIXED_REPORTS) {
      const report: StoredReport = {
        receiptId: f.receiptId,
        decisionNo: f.decisionNo,
        partyCode: f.partyCode,
        record: null,
        status: f.status,
        rejectReasons: f.rejectReasons,
        acceptedAt: Date.parse(f.acceptedAt),
        publishedAt: f.publishedAt ? Date.parse(f.publishedAt) : null,
        updatedAt: Date.parse(f.updatedAt),
        fixture: true,
      };
      this.reports.set(report.receiptId, report);
      this.latestByDecision.set(report.decisionNo, report.receiptId);
    }
  }

  // ----- authentication and quotas -----

  authenticate(headers: unknown): void {
    const security = isObj(headers) ? headers.Security : undefined;
    const token = isObj(security) ? security.UsernameToken : undefined;
    const username = isObj(token) ? (textOf(token.Username) ?? '') : '';
    const password = isObj(token) ? textOf(token.Password) : undefined;
    const passwordNode = isObj(token) ? token.Password : undefined;
    const type = isObj(passwordNode) && isObj(passwordNode.attributes) ? textOf(passwordNode.attributes.Type) : undefined;
    const now = this.now();
    const state = this.auth.get(username) ?? { failures: 0, firstAt: 0, lockedUntil: 0 };
    this.auth.set(username, state);
    if (now < state.lockedUntil) {
      throw new SimulatedFault('AUTH_FAILED', `账户已锁定，请于${shanghaiDateTime(state.lockedUntil)}后重试`);
    }
    const ok =
      username === this.options.username && password === this.options.password && (type === undefined || type === PASSWORD_TEXT_TYPE);
    if (ok) {
      state.failures = 0;
      return;
    }
    if (state.failures === 0 || now - state.firstAt > FAILURE_WINDOW_MS) {
      state.failures = 0;
      state.firstAt = now;
    }
    state.failures += 1;
    if (state.failures >= LOCK_AFTER_FAILURES) {
      state.lockedUntil = now + LOCK_MS;
      state.failures = 0;
      throw new SimulatedFault('AUTH_FAILED', `连续${LOCK_AFTER_FAILURES}次认证失败，账户已锁定30分钟`);
    }
    throw new SimulatedFault('AUTH_FAILED', token ? '用户名或密码错误' : '缺少 WS-Security UsernameToken');
  }

  throttle(subjects: number): void {
    const now = this.now();
    const perSecond = this.options.requestsPerSecond ?? 10;
    if (perSecond > 0) {
      const key = Math.floor(now / 1000);
      if (this.second.key !== key) this.second = { key, count: 0 };
      if (this.second.count >= perSecond) {
        throw new SimulatedFault('QUOTA_EXCEEDED', `每秒调用次数超过${perSecond}次`, { retryAfterSeconds: 1 });
      }
      this.second.count += 1;
    }
    const perDay = this.options.subjectsPerDay ?? 20_000;
    if (perDay > 0 && subjects > 0) {
      const key = shanghaiDate(now);
      if (this.day.key !== key) this.day = { key, subjects: 0 };
      if (this.day.subjects + subjects > perDay) {
        const midnight = Date.parse(`${key}T00:00:00+08:00`) + 24 * 3600_000;
        throw new SimulatedFault('QUOTA_EXCEEDED', `当日查询主体数超过${perDay}个`, {
          retryAfterSeconds: Math.max(1, Math.ceil((midnight - now) / 1000)),
        });
      }
      this.day.subjects += subjects;
    }
  }

  /** Saturday 22:00–24:00 Asia/Shanghai, when enabled. */
  maintenance(): SimulatedFault | null {
    if (!this.options.scheduledMaintenance) return null;
    const now = this.now();
    const local = new Date(now + 8 * 3600_000);
    if (local.getUTCDay() !== 6 || local.getUTCHours() < 22) return null;
    const end = Date.parse(`${shanghaiDate(now)}T00:00:00+08:00`) + 24 * 3600_000;
    return new SimulatedFault('SERVICE_UNAVAILABLE', '系统维护中（每周六22:00-24:00）', {
      retryAfterSeconds: Math.max(1, Math.ceil((end - now) / 1000)),
    });
  }

  // ----- subjects -----

  private checkCode(code: string, subjectType: SubjectType): string | null {
    const problem = subjectType === 'NATURAL_PERSON' ? validateIdNumber(code, new Date(this.now())) : validateUscc(code);
    return problem ? problem.message : null;
  }

  /** The profile as of now: listings not yet made are left out, onBlacklist is computed. */
  private profile(subject: SubjectFixture): Obj {
    const now = this.now();
    const visible = (e: FixtureEntry) => Date.parse(e.listedAt) <= now;
    const blacklist = subject.blacklist.filter(visible);
    const redlist = subject.redlist.filter(visible);
    const onBlacklist = blacklist.some((e) => !e.expiresAt || Date.parse(e.expiresAt) > now);
    let updated = Date.parse(subject.updatedAt);
    let updatedText = subject.updatedAt;
    for (const e of [...blacklist, ...redlist]) {
      if (Date.parse(e.listedAt) > updated) {
        updated = Date.parse(e.listedAt);
        updatedText = e.listedAt;
      }
    }
    const today = shanghaiDate(now);
    const reported = [...this.reports.values()].filter(
      (r) => !r.fixture && r.status === 'PUBLISHED' && r.partyCode === subject.subjectCode && r.record !== null && r.record.publicUntil >= today,
    );
    for (const r of reported) {
      if (r.updatedAt > updated) {
        updated = r.updatedAt;
        updatedText = shanghaiDateTime(r.updatedAt);
      }
    }
    return {
      subjectCode: subject.subjectCode,
      subjectType: subject.subjectType,
      subjectName: subject.subjectName,
      creditRating: subject.creditRating,
      onBlacklist,
      blacklistEntries: blacklist.length ? { entry: blacklist.map(entryXml) } : {},
      redlistEntries: redlist.length ? { entry: redlist.map(entryXml) } : {},
      penaltiesPublished: subject.penaltiesPublished + reported.length,
      updatedAt: updatedText,
    };
  }

  private enumOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
    const text = textOf(value)?.trim();
    if (!text) throw new SimulatedFault('INVALID_REQUEST', `缺少必填元素 ${field}`);
    if (!(allowed as readonly string[]).includes(text)) throw new SimulatedFault('INVALID_REQUEST', `${field} 取值无效：${text}`);
    return text as T;
  }

  queryCreditProfile(args: Obj): Obj {
    const code = textOf(args.subjectCode)?.trim();
    if (!code) throw new SimulatedFault('INVALID_REQUEST', '缺少必填元素 subjectCode');
    const subjectType = this.enumOf(args.subjectType, SUBJECT_TYPES, 'subjectType');
    this.enumOf(args.purpose, CREDIT_QUERY_PURPOSES, 'purpose');
    const problem = this.checkCode(code, subjectType);
    if (problem) throw new SimulatedFault('INVALID_CODE', `subjectCode“${code}”校验失败：${problem}`);
    this.throttle(1);
    const subject = lookupSubject(code, subjectType, this.now());
    if (!subject) throw new SimulatedFault('SUBJECT_NOT_FOUND', `未找到主体“${code}”的信用信息`);
    return { profile: this.profile(subject) };
  }

  batchQueryCreditProfile(args: Obj): Obj {
    const subjects = isObj(args.subjects) ? list(args.subjects.subject) : [];
    if (subjects.length === 0 || subjects.length > 50) {
      throw new SimulatedFault('INVALID_REQUEST', `单次批量查询须包含1至50个主体，收到${subjects.length}个`);
    }
    this.enumOf(args.purpose, CREDIT_QUERY_PURPOSES, 'purpose');
    const wanted: Array<{ code: string; subjectType: SubjectType }> = [];
    subjects.forEach((s, i) => {
      const item = isObj(s) ? s : {};
      const code = textOf(item.subjectCode)?.trim();
      if (!code) throw new SimulatedFault('INVALID_REQUEST', `第${i + 1}个主体缺少 subjectCode`);
      const subjectType = this.enumOf(item.subjectType, SUBJECT_TYPES, `subjects.subject[${i + 1}].subjectType`);
      wanted.push({ code, subjectType });
    });
    // One bad check character fails the whole call.
    wanted.forEach(({ code, subjectType }, i) => {
      const problem = this.checkCode(code, subjectType);
      if (problem) throw new SimulatedFault('INVALID_CODE', `第${i + 1}个主体代码“${code}”校验失败：${problem}`);
    });
    const seen = new Set<string>();
    const unique = wanted.filter(({ code }) => (seen.has(code) ? false : (seen.add(code), true)));
    this.throttle(unique.length);
    const profiles: Obj[] = [];
    const notFound: string[] = [];
    for (const { code, subjectType } of unique) {
      const subject = lookupSubject(code, subjectType, this.now());
      if (subject) profiles.push(this.profile(subject));
      else notFound.push(code);
    }
    return {
      profiles: profiles.length ? { profile: profiles } : {},
      notFound: notFound.length ? { subjectCode: notFound } : {},
    };
  }

  // ----- reports -----

  private newReceiptId(now: number): string {
    const stamp = shanghaiDateTime(now).slice(0, 19).replace(/[-T:]/g, '');
    for (;;) {
      this.sequence += 1;
      const id = `RC${stamp}${String(this.sequence % 100_000).padStart(5, '0')}`;
      if (!this.reports.has(id)) return id;
    }
  }

  reportAdministrativePenalty(args: Obj): Obj {
    this.throttle(0);
    const now = this.now();
    const read = readRecord(args.record, new Date(now));
    if ('problem' in read) throw new SimulatedFault(read.problem.fault, read.problem.message);
    const record = read.record;
    const latestId = this.latestByDecision.get(record.decisionNo);
    const latest = latestId ? this.reports.get(latestId) : undefined;
    if (latest && latest.status !== 'REJECTED') {
      throw new SimulatedFault(
        'DUPLICATE_REPORT',
        `决定书文号“${record.decisionNo}”已于${shanghaiDateTime(latest.acceptedAt)}报送`,
        { receiptId: latest.receiptId },
      );
    }
    const receiptId = this.newReceiptId(now);
    this.reports.set(receiptId, {
      receiptId,
      decisionNo: record.decisionNo,
      partyCode: record.uscc ?? record.idNumber,
      record,
      status: 'RECEIVED',
      rejectReasons: [],
      acceptedAt: now,
      publishedAt: null,
      updatedAt: now,
      fixture: false,
    });
    this.latestByDecision.set(record.decisionNo, receiptId);
    return { receiptId, acceptedAt: shanghaiDateTime(now) };
  }

  queryReportStatus(args: Obj): Obj {
    const receiptId = textOf(args.receiptId)?.trim();
    if (!receiptId) throw new SimulatedFault('INVALID_REQUEST', '缺少必填元素 receiptId');
    this.throttle(0);
    const report = this.reports.get(receiptId);
    if (!report) throw new SimulatedFault('RECEIPT_NOT_FOUND', `回执“${receiptId}”不存在`);
    const out: Obj = {
      receiptId: report.receiptId,
      decisionNo: report.decisionNo,
      status: report.status,
      rejectReasons: report.rejectReasons.length
        ? {
            reason: report.rejectReasons.map((r) => {
              const reason: Obj = { code: r.code };
              if (r.field) reason.field = r.field;
              reason.message = r.message;
              return reason;
            }),
          }
        : {},
    };
    if (report.publishedAt !== null) out.publishedAt = shanghaiDateTime(report.publishedAt);
    out.updatedAt = shanghaiDateTime(report.updatedAt);
    return out;
  }

  advanceReports(): number {
    const now = this.now();
    const prefixes = this.options.authorisedAuthorityPrefixes ?? ['114403'];
    let moved = 0;
    for (const report of this.reports.values()) {
      if (report.status === 'RECEIVED') {
        report.status = 'VALIDATING';
      } else if (report.status === 'VALIDATING' && report.record) {
        const reasons = checkPenaltyRules(report.record, {
          today: shanghaiDate(report.acceptedAt),
          registeredName: (uscc) => REGISTERED_NAMES[uscc],
          authorised: (authority) => prefixes.some((p) => authority.startsWith(p)),
        });
        if (reasons.length > 0) {
          report.status = 'REJECTED';
          report.rejectReasons = reasons;
        } else {
          report.status = 'PUBLISHED';
          report.publishedAt = now;
        }
      } else {
        continue;
      }
      report.updatedAt = now;
      moved += 1;
    }
    return moved;
  }
}

/** Starts the simulator on host:port (default 127.0.0.1, ephemeral). */
export async function startSocialCreditSimulator(options: SocialCreditSimulatorOptions): Promise<SocialCreditSimulator> {
  const now = options.now ?? Date.now;
  const platform = new CreditPlatform(options, now);
  const control = new SimulatorControl();

  const operation =
    (op: CreditOperation, impl: (args: Obj) => Obj) =>
    (args: unknown, _callback: unknown, headers: unknown, _req: unknown, res: ServerResponse): Obj => {
      try {
        platform.authenticate(headers);
        return impl(isObj(args) ? args : {});
      } catch (err) {
        if (err instanceof SimulatedFault) {
          if (err.extra.retryAfterSeconds) res.setHeader('Retry-After', String(err.extra.retryAfterSeconds));
          throw err.toSoapFault();
        }
        // Anything else is the simulator's own bug: an INTERNAL_ERROR fault, no stack.
        const internal = new SimulatedFault('INTERNAL_ERROR', `处理 ${op} 时发生内部错误`);
        throw internal.toSoapFault();
      }
    };

  const services = {
    CreditSharingService: {
      CreditSharingPort: {
        QueryCreditProfile: operation('QueryCreditProfile', (a) => platform.queryCreditProfile(a)),
        BatchQueryCreditProfile: operation('BatchQueryCreditProfile', (a) => platform.batchQueryCreditProfile(a)),
        ReportAdministrativePenalty: operation('ReportAdministrativePenalty', (a) => platform.reportAdministrativePenalty(a)),
        QueryReportStatus: operation('QueryReportStatus', (a) => platform.queryReportStatus(a)),
      },
    },
  };

  // node-soap listens on a server that is never bound; the real server's listener applies the
  // switches first and hands everything else over by emitting 'request' on it.
  const soapHost = http.createServer();
  await new Promise<void>((resolve, reject) => {
    soap.listen(soapHost, {
      path: CREDIT_SERVICE_PATH,
      services: services as unknown as soap.IServices,
      xml: readFileSync(socialCreditWsdlPath(), 'utf8'),
      customDeserializer: KEEP_TEXT_DESERIALIZER,
      suppressStack: true,
      callback: (err: unknown) => (err ? reject(err instanceof Error ? err : new Error('WSDL failed to load')) : resolve()),
    } as soap.IServerOptions);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (control.handleControlRequest(req, res)) return;
    const pathname = new URL(req.url ?? '/', 'http://simulator').pathname.replace(/\/$/, '');
    if (pathname !== CREDIT_SERVICE_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    if (req.method !== 'POST') {
      soapHost.emit('request', req, res); // GET ?wsdl
      return;
    }
    const body = await readBody(req);
    const text = body.toString('utf8');
    const op = operationOf(req, text);
    const items = op === 'BatchQueryCreditProfile' ? (text.match(/<(?:[\w.-]+:)?subject[\s>/]/g) ?? []).length : 1;
    control.count(op, items);
    await control.delay();
    const sw = control.switches;
    const retryAfterSeconds = Math.max(1, Math.round(sw.retryAfterSeconds));
    if (sw.gatewayError) {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end(GATEWAY_PAGE);
      return;
    }
    const scheduled = platform.maintenance();
    if (sw.maintenance || scheduled) {
      sendFault(res, scheduled ?? new SimulatedFault('SERVICE_UNAVAILABLE', '系统维护中，请稍后重试', { retryAfterSeconds }));
      return;
    }
    if (sw.rateLimited) {
      sendFault(res, new SimulatedFault('QUOTA_EXCEEDED', '每秒调用次数超过10次', { retryAfterSeconds }));
      return;
    }
    if (sw.malformed) {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(MALFORMED_BODY);
      return;
    }
    if (sw.fault) {
      sendFault(res, switchedFault(sw.fault, retryAfterSeconds, platform, text));
      return;
    }
    if (control.shouldFail()) {
      sendFault(res, new SimulatedFault('INTERNAL_ERROR', '系统内部错误，请稍后重试'));
      return;
    }
    (req as IncomingMessage & { body?: Buffer }).body = body;
    soapHost.emit('request', req, res);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
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
  const url = `http://${host}:${address.port}${CREDIT_SERVICE_PATH}`;

  const timer = options.reportStepMs && options.reportStepMs > 0 ? setInterval(() => platform.advanceReports(), options.reportStepMs) : null;
  timer?.unref();

  let closed = false;
  return {
    url,
    control,
    advanceReports: () => platform.advanceReports(),
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The `fault` switch: answer with that code (DUPLICATE_REPORT carries the decision's receipt when known). */
function switchedFault(code: string, retryAfterSeconds: number, platform: CreditPlatform, body: string): SimulatedFault {
  switch (code) {
    case 'QUOTA_EXCEEDED':
    case 'SERVICE_UNAVAILABLE':
      return new SimulatedFault(code, code === 'QUOTA_EXCEEDED' ? '每秒调用次数超过10次' : '系统维护中，请稍后重试', { retryAfterSeconds });
    case 'DUPLICATE_REPORT': {
      const decision = /<(?:[\w.-]+:)?decisionNo>([^<]*)</.exec(body)?.[1];
      const known = decision ? platform.latestByDecision.get(decision) : undefined;
      return new SimulatedFault(code, '行政处罚决定书文号已报送', { receiptId: known ?? 'RC2025031810300000017' });
    }
    default:
      return new SimulatedFault(code, `模拟故障：${code}`);
  }
}
