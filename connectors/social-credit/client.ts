// SOAP client of the social credit platform (CreditSharingService, SOAP 1.1 doc/literal), built
// by node-soap from the contract's WSDL, every call through the shared CallPolicy: timeout per
// attempt, retries with backoff only for queries, Retry-After, circuit breaker, one log line per
// attempt. Every request carries the WS-Security UsernameToken (PasswordText).
import http from 'node:http';
import https from 'node:https';
import * as soap from 'soap';
import { CallPolicy, ConnectorError, silentLogger, type CallContext, type ConnectorLogger, type PolicyClock } from '../core';
import {
  CreditBadResponseError,
  NonSoapResponseError,
  extractFault,
  faultToConnectorError,
  textOf,
  toConnectorError,
} from './errors';
import type {
  BatchCreditProfileResult,
  CreditProfile,
  CreditQueryPurpose,
  CreditRating,
  ListEntry,
  PenaltyRecord,
  RejectReason,
  ReportReceipt,
  ReportStatus,
  ReportStatusCode,
  SubjectType,
} from './types';
import { CREDIT_RATINGS, REPORT_STATUSES, SUBJECT_TYPES, subjectTypeOfCode } from './types';
import {
  KEEP_TEXT_DESERIALIZER,
  PASSWORD_TEXT_TYPE,
  WSSE_NAMESPACE,
  parseOffsetDateTime,
  socialCreditWsdlPath,
  xmlEscape,
  type CreditOperation,
} from './wsdl';

/** The platform refuses more than this many subjects in one BatchQueryCreditProfile. */
export const CREDIT_BATCH_LIMIT = 50;

const AUTH_FAILURE_WINDOW_MS = 10 * 60_000;

export interface SocialCreditClientOptions {
  /** The service endpoint (overrides the WSDL's fictitious address). */
  endpoint: string;
  username: string;
  password: string;
  timeoutMs: number;
  batchTimeoutMs?: number;
  defaultPurpose?: CreditQueryPurpose;
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  maxRetryAfterMs?: number;
  breaker?: { failureThreshold: number; openMs: number };
  authFailureLimit?: number;
  authSuspendMs?: number;
  logger?: ConnectorLogger;
  clock?: PolicyClock;
}

export interface CallOptionsBase {
  /** Correlates the attempts' log lines; one is generated when absent. */
  requestId?: string;
}

export interface ProfileQueryOptions extends CallOptionsBase {
  /** Derived from the code when absent (ID number → NATURAL_PERSON, "92…" → INDIVIDUAL_BUSINESS, else LEGAL_PERSON). */
  subjectType?: SubjectType;
  purpose?: CreditQueryPurpose;
}

export interface BatchQueryOptions extends CallOptionsBase {
  purpose?: CreditQueryPurpose;
}

type SoapAsyncMethod = (args: unknown, options?: Record<string, unknown>) => Promise<[unknown, unknown, unknown, unknown]>;

/**
 * node-soap's HTTP client, screening answers before they are parsed: a body that is not a SOAP
 * envelope (a gateway's HTML page, an empty body), or an error status without a fault, becomes a
 * NonSoapResponseError carrying only the status and Retry-After — never the body.
 */
class ScreeningHttpClient extends soap.HttpClient {
  override request(
    rurl: string,
    data: unknown,
    callback: (error: unknown, res?: unknown, body?: unknown) => unknown,
    exheaders?: soap.IHeaders,
    exoptions?: soap.IExOptions,
  ): ReturnType<soap.HttpClient['request']> {
    return super.request(
      rurl,
      data,
      (error: unknown, res?: unknown, body?: unknown) => {
        if (error) return callback(error);
        const response = res as { status?: number; headers?: Record<string, unknown> } | undefined;
        const status = response?.status ?? 0;
        const retryAfter = typeof response?.headers?.['retry-after'] === 'string' ? (response.headers['retry-after'] as string) : null;
        const text = typeof body === 'string' ? body : '';
        if (!/<(?:[A-Za-z_][\w.-]*:)?Envelope[\s>/]/.test(text)) {
          return callback(new NonSoapResponseError(status, retryAfter));
        }
        if ((status < 200 || status >= 300) && !/<(?:[A-Za-z_][\w.-]*:)?Fault[\s>/]/.test(text)) {
          return callback(new NonSoapResponseError(status, retryAfter, true));
        }
        return callback(null, res, body);
      },
      exheaders,
      exoptions,
    );
  }
}

/**
 * Stops calling after repeated AUTH_FAILED answers: the platform locks the account for 30 min after
 * 5 failures within 10 min, which would outlive a fixed configuration. Reset by any success.
 */
class AuthFailureGuard {
  private failures = 0;
  private firstFailureAt = 0;
  private suspendedUntil = 0;

  constructor(
    private readonly limit: number,
    private readonly suspendMs: number,
    private readonly now: () => number,
  ) {}

  check(): void {
    const now = this.now();
    if (now < this.suspendedUntil) {
      throw new ConnectorError(
        'UPSTREAM_REJECTED',
        'social-credit',
        'social-credit refused the hub\'s credentials repeatedly; calls are suspended to keep the account from being locked (AUTH_FAILED)',
        { retryable: false, upstreamCode: 'AUTH_FAILED', retryAfterMs: this.suspendedUntil - now },
      );
    }
  }

  onAuthFailure(): void {
    const now = this.now();
    if (this.failures === 0 || now - this.firstFailureAt > AUTH_FAILURE_WINDOW_MS) {
      this.failures = 0;
      this.firstFailureAt = now;
    }
    this.failures += 1;
    if (this.failures >= this.limit) {
      this.suspendedUntil = now + this.suspendMs;
      this.failures = 0;
    }
  }

  onSuccess(): void {
    this.failures = 0;
  }

  get suspended(): boolean {
    return this.now() < this.suspendedUntil;
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toArray(v: unknown): unknown[] {
  if (v === null || v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

function requiredText(obj: Obj, field: string, where: string): string {
  const value = textOf(obj[field]);
  if (value === undefined) throw new CreditBadResponseError(`${where}.${field} is missing`);
  return value;
}

function optionalText(obj: Obj, field: string): string | null {
  const value = textOf(obj[field]);
  return value === undefined || value === '' ? null : value;
}

function requiredDateTime(obj: Obj, field: string, where: string): Date {
  const text = requiredText(obj, field, where);
  const date = parseOffsetDateTime(text.trim());
  if (!date) throw new CreditBadResponseError(`${where}.${field} is not an xsd:dateTime with an offset`);
  return date;
}

function optionalDateTime(obj: Obj, field: string, where: string): Date | null {
  const text = optionalText(obj, field);
  if (text === null) return null;
  const date = parseOffsetDateTime(text.trim());
  if (!date) throw new CreditBadResponseError(`${where}.${field} is not an xsd:dateTime with an offset`);
  return date;
}

function requiredEnum<T extends string>(obj: Obj, field: string, allowed: readonly T[], where: string): T {
  const value = requiredText(obj, field, where).trim();
  if (!(allowed as readonly string[]).includes(value)) throw new CreditBadResponseError(`${where}.${field} has an unknown value`);
  return value as T;
}

function requiredBoolean(obj: Obj, field: string, where: string): boolean {
  const v = obj[field];
  if (typeof v === 'boolean') return v;
  const text = textOf(v)?.trim();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new CreditBadResponseError(`${where}.${field} is not a boolean`);
}

function requiredCount(obj: Obj, field: string, where: string): number {
  const text = requiredText(obj, field, where).trim();
  if (!/^\d+$/.test(text)) throw new CreditBadResponseError(`${where}.${field} is not a non-negative integer`);
  return Number(text);
}

function mapEntries(v: unknown, where: string): ListEntry[] {
  if (v === null || v === undefined || v === '') return [];
  if (!isObj(v)) throw new CreditBadResponseError(`${where} is not a list of entries`);
  return toArray(v.entry).map((e, i) => {
    const at = `${where}.entry[${i}]`;
    if (!isObj(e)) throw new CreditBadResponseError(`${at} is empty`);
    return {
      listType: requiredText(e, 'listType', at),
      listTypeName: requiredText(e, 'listTypeName', at),
      reason: requiredText(e, 'reason', at),
      listedBy: requiredText(e, 'listedBy', at),
      listedAt: requiredDateTime(e, 'listedAt', at),
      expiresAt: optionalDateTime(e, 'expiresAt', at),
    };
  });
}

export function mapCreditProfile(v: unknown, where = 'profile'): CreditProfile {
  if (!isObj(v)) throw new CreditBadResponseError(`${where} is missing`);
  for (const list of ['blacklistEntries', 'redlistEntries']) {
    if (!(list in v)) throw new CreditBadResponseError(`${where}.${list} is missing`);
  }
  return {
    subjectCode: requiredText(v, 'subjectCode', where).trim(),
    subjectType: requiredEnum(v, 'subjectType', SUBJECT_TYPES, where),
    subjectName: requiredText(v, 'subjectName', where),
    creditRating: requiredEnum<CreditRating>(v, 'creditRating', CREDIT_RATINGS, where),
    onBlacklist: requiredBoolean(v, 'onBlacklist', where),
    blacklistEntries: mapEntries(v.blacklistEntries, `${where}.blacklistEntries`),
    redlistEntries: mapEntries(v.redlistEntries, `${where}.redlistEntries`),
    penaltiesPublished: requiredCount(v, 'penaltiesPublished', where),
    updatedAt: requiredDateTime(v, 'updatedAt', where),
  };
}

export function mapReportStatus(v: unknown): ReportStatus {
  const where = 'QueryReportStatusResponse';
  if (!isObj(v)) throw new CreditBadResponseError(`${where} is missing`);
  if (!('rejectReasons' in v)) throw new CreditBadResponseError(`${where}.rejectReasons is missing`);
  const reasons = isObj(v.rejectReasons) ? toArray(v.rejectReasons.reason) : [];
  const rejectReasons: RejectReason[] = reasons.map((r, i) => {
    const at = `${where}.rejectReasons.reason[${i}]`;
    if (!isObj(r)) throw new CreditBadResponseError(`${at} is empty`);
    return { code: requiredText(r, 'code', at), field: optionalText(r, 'field'), message: requiredText(r, 'message', at) };
  });
  return {
    receiptId: requiredText(v, 'receiptId', where).trim(),
    decisionNo: requiredText(v, 'decisionNo', where),
    status: requiredEnum<ReportStatusCode>(v, 'status', REPORT_STATUSES, where),
    rejectReasons,
    publishedAt: optionalDateTime(v, 'publishedAt', where),
    updatedAt: requiredDateTime(v, 'updatedAt', where),
  };
}

/** The record in the WSDL's element order (order is significant), optional fields omitted. */
function recordArgs(record: PenaltyRecord): Obj {
  const out: Obj = {};
  const put = (key: keyof PenaltyRecord, value: unknown) => {
    if (value !== undefined && value !== null) out[key] = value;
  };
  put('partyName', record.partyName);
  put('partyCategory', record.partyCategory);
  put('uscc', record.uscc);
  put('legalRepresentative', record.legalRepresentative);
  put('idType', record.idType);
  put('idNumber', record.idNumber);
  put('decisionNo', record.decisionNo);
  put('violationType', record.violationType);
  put('facts', record.facts);
  put('legalBasis', record.legalBasis);
  put('penaltyCategories', { category: [...record.penaltyCategories] });
  put('penaltyContent', record.penaltyContent);
  put('fineAmount', record.fineAmount);
  put('confiscatedAmount', record.confiscatedAmount);
  put('licenceAffected', record.licenceAffected);
  put('decisionDate', record.decisionDate);
  put('validUntil', record.validUntil);
  put('publicUntil', record.publicUntil);
  put('authorityName', record.authorityName);
  put('authorityUscc', record.authorityUscc);
  put('sourceUnit', record.sourceUnit);
  put('sourceUnitUscc', record.sourceUnitUscc);
  put('remarks', record.remarks);
  return out;
}

/** `<wsse:Security>` exactly as in the contract's example envelopes (PasswordText, no nonce or timestamp). */
function usernameTokenHeader(username: string, password: string): string {
  return (
    `<wsse:Security soap:mustUnderstand="1" xmlns:wsse="${WSSE_NAMESPACE}">` +
    '<wsse:UsernameToken>' +
    `<wsse:Username>${xmlEscape(username)}</wsse:Username>` +
    `<wsse:Password Type="${PASSWORD_TEXT_TYPE}">${xmlEscape(password)}</wsse:Password>` +
    '</wsse:UsernameToken>' +
    '</wsse:Security>'
  );
}

export class SocialCreditClient {
  readonly policy: CallPolicy;
  private readonly authGuard: AuthFailureGuard;
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });
  private readonly now: () => number;

  private constructor(
    private readonly soapClient: soap.Client,
    private readonly options: SocialCreditClientOptions,
  ) {
    const clock = options.clock;
    this.now = clock ? clock.now : Date.now;
    const timeoutMs = Math.max(options.timeoutMs, options.batchTimeoutMs ?? options.timeoutMs);
    this.policy = new CallPolicy(
      'social-credit',
      {
        timeoutMs,
        maxAttempts: options.maxAttempts ?? 3,
        baseDelayMs: options.retryBaseDelayMs ?? 500,
        maxDelayMs: options.retryMaxDelayMs ?? 4_000,
        maxRetryAfterMs: options.maxRetryAfterMs ?? 5_000,
        breaker: options.breaker ?? { failureThreshold: 5, openMs: 30_000 },
      },
      options.logger ?? silentLogger,
      clock,
    );
    this.authGuard = new AuthFailureGuard(options.authFailureLimit ?? 3, options.authSuspendMs ?? 30 * 60_000, this.now);
  }

  /** Loads the WSDL copied next to this file and points the client at `options.endpoint`. */
  static async create(options: SocialCreditClientOptions): Promise<SocialCreditClient> {
    const soapClient = await soap.createClientAsync(socialCreditWsdlPath(), {
      endpoint: options.endpoint,
      customDeserializer: KEEP_TEXT_DESERIALIZER,
      httpClient: new ScreeningHttpClient(),
      disableCache: true,
      envelopeKey: 'soap',
    });
    soapClient.setEndpoint(options.endpoint);
    soapClient.addSoapHeader(usernameTokenHeader(options.username, options.password));
    return new SocialCreditClient(soapClient, options);
  }

  get endpoint(): string {
    return this.options.endpoint;
  }

  /** True while calls are suspended after repeated AUTH_FAILED answers. */
  get authSuspended(): boolean {
    return this.authGuard.suspended;
  }

  /** Single-subject query; null when the platform has no such subject (SUBJECT_NOT_FOUND). Safe to retry. */
  async queryCreditProfile(code: string, options: ProfileQueryOptions = {}): Promise<CreditProfile | null> {
    const args = {
      subjectCode: code,
      subjectType: options.subjectType ?? subjectTypeOfCode(code),
      purpose: options.purpose ?? this.options.defaultPurpose ?? 'LAW_ENFORCEMENT',
    };
    return this.call('QueryCreditProfile', args, { safe: true, requestId: options.requestId }, (result) => {
      if (!isObj(result)) throw new CreditBadResponseError('QueryCreditProfileResponse is missing');
      const profile = mapCreditProfile(result.profile, 'QueryCreditProfileResponse.profile');
      if (profile.subjectCode !== code) throw new CreditBadResponseError('the profile is for another subject');
      return profile;
    }, (fault) => (fault.code === 'SUBJECT_NOT_FOUND' ? { value: null } : undefined));
  }

  /**
   * Batch query. The platform takes at most 50 subjects per call, so longer lists are sent in
   * chunks of 50, one after the other (its rate limit is 10 calls/s); any failed chunk fails the
   * whole call. Duplicates are sent once. One bad checksum fails its whole chunk (INVALID_CODE):
   * validate codes first (the loaders do).
   */
  async batchQueryCreditProfile(codes: readonly string[], options: BatchQueryOptions = {}): Promise<BatchCreditProfileResult> {
    const unique = [...new Set(codes)];
    const out: BatchCreditProfileResult = { profiles: [], notFound: [] };
    for (let i = 0; i < unique.length; i += CREDIT_BATCH_LIMIT) {
      const chunk = unique.slice(i, i + CREDIT_BATCH_LIMIT);
      const part = await this.batchChunk(chunk, options);
      out.profiles.push(...part.profiles);
      out.notFound.push(...part.notFound);
    }
    return out;
  }

  private batchChunk(codes: string[], options: BatchQueryOptions): Promise<BatchCreditProfileResult> {
    const args = {
      subjects: { subject: codes.map((code) => ({ subjectCode: code, subjectType: subjectTypeOfCode(code) })) },
      purpose: options.purpose ?? this.options.defaultPurpose ?? 'LAW_ENFORCEMENT',
    };
    const where = 'BatchQueryCreditProfileResponse';
    return this.call(
      'BatchQueryCreditProfile',
      args,
      { safe: true, requestId: options.requestId, timeoutMs: this.options.batchTimeoutMs ?? this.options.timeoutMs },
      (result) => {
        if (!isObj(result)) throw new CreditBadResponseError(`${where} is missing`);
        if (!('profiles' in result)) throw new CreditBadResponseError(`${where}.profiles is missing`);
        if (!('notFound' in result)) throw new CreditBadResponseError(`${where}.notFound is missing`);
        const profiles = isObj(result.profiles)
          ? toArray(result.profiles.profile).map((p, i) => mapCreditProfile(p, `${where}.profiles.profile[${i}]`))
          : [];
        const notFound = isObj(result.notFound)
          ? toArray(result.notFound.subjectCode).map((c, i) => {
              const text = textOf(c);
              if (text === undefined) throw new CreditBadResponseError(`${where}.notFound.subjectCode[${i}] is empty`);
              return text.trim();
            })
          : [];
        return { profiles, notFound };
      },
    );
  }

  /**
   * Reports an administrative penalty (双公示). Not safe to repeat inside the call: exactly one
   * attempt. A repeat after a timeout gets DUPLICATE_REPORT, which is a success carrying the
   * original receiptId (`duplicate: true`). The result arrives asynchronously: poll queryReportStatus.
   */
  async reportAdministrativePenalty(record: PenaltyRecord, options: CallOptionsBase = {}): Promise<ReportReceipt> {
    const where = 'ReportAdministrativePenaltyResponse';
    return this.call(
      'ReportAdministrativePenalty',
      { record: recordArgs(record) },
      { safe: false, requestId: options.requestId },
      (result): ReportReceipt => {
        if (!isObj(result)) throw new CreditBadResponseError(`${where} is missing`);
        return {
          receiptId: requiredText(result, 'receiptId', where).trim(),
          acceptedAt: requiredDateTime(result, 'acceptedAt', where),
          duplicate: false,
        };
      },
      (fault) => {
        if (fault.code !== 'DUPLICATE_REPORT' || !fault.receiptId) return undefined;
        this.options.logger?.info(
          { system: 'social-credit', operation: 'ReportAdministrativePenalty', requestId: options.requestId, receiptId: fault.receiptId },
          'penalty already reported: keeping the original receipt',
        );
        return { value: { receiptId: fault.receiptId.trim(), acceptedAt: null, duplicate: true } };
      },
    );
  }

  /** Status of a report (RECEIVED → VALIDATING → PUBLISHED | REJECTED). Safe to retry. */
  async queryReportStatus(receiptId: string, options: CallOptionsBase = {}): Promise<ReportStatus> {
    return this.call('QueryReportStatus', { receiptId }, { safe: true, requestId: options.requestId }, (result) => mapReportStatus(result));
  }

  /** Releases pooled sockets. */
  async close(): Promise<void> {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /**
   * One operation through the call policy. `onFault` may turn a typed fault into a value (e.g.
   * SUBJECT_NOT_FOUND → null); everything else becomes a ConnectorError.
   */
  private async call<T>(
    operation: CreditOperation,
    args: unknown,
    callOptions: { safe: boolean; requestId?: string; timeoutMs?: number },
    map: (result: unknown) => T,
    onFault?: (fault: NonNullable<ReturnType<typeof extractFault>>) => { value: T } | undefined,
  ): Promise<T> {
    this.authGuard.check();
    const timeoutMs = callOptions.timeoutMs ?? this.options.timeoutMs;
    const method = (this.soapClient as unknown as Record<string, SoapAsyncMethod>)[`${operation}Async`];
    return this.policy.run(operation, { safe: callOptions.safe, requestId: callOptions.requestId }, async (ctx: CallContext) => {
      let result: unknown;
      try {
        [result] = await method.call(this.soapClient, args, {
          timeout: timeoutMs,
          signal: ctx.signal,
          httpAgent: this.httpAgent,
          httpsAgent: this.httpsAgent,
        });
      } catch (raw) {
        const fault = extractFault(raw);
        if (fault) {
          const handled = onFault?.(fault);
          if (handled) {
            this.authGuard.onSuccess();
            return handled.value;
          }
          const err = faultToConnectorError(fault, this.now());
          if (err.upstreamCode === 'AUTH_FAILED') this.authGuard.onAuthFailure();
          throw err;
        }
        throw toConnectorError(raw, { now: this.now(), aborted: ctx.signal.aborted, timeoutMs });
      }
      this.authGuard.onSuccess();
      try {
        return map(result);
      } catch (err) {
        throw toConnectorError(err, { now: this.now(), aborted: false, timeoutMs });
      }
    });
  }
}
