// SOAP 1.1 client of 公安机关 · 行政执法协作支持服务 (public-security.wsdl), built on node-soap and
// the shared CallPolicy (timeouts, retries of safe calls, Retry-After, circuit breaker, logs).
//
// - The WSDL is the connector's own byte-for-byte copy; its fictitious address is replaced by the
//   configured URL.
// - Every call carries <le:AppCredential xmlns:le="urn:gov:psb:lawenforcement:v1" appId token/>
//   with unqualified attributes, added as a literal XML string (node-soap would otherwise qualify
//   or drop attributes of an object header).
// - SOAPAction is the binding's "urn:gov:psb:lawenforcement:v1/<Operation>", quoted (node-soap).
// - Minimum necessary: the verify methods return only MATCH / MISMATCH / NOT_FOUND and the
//   verificationId, nothing else of the answer.
// - No error or log line carries the token, an ID number or a response body (see errors.ts).
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import * as soap from 'soap';
import { validateIdNumber, validateUscc } from '../../src/domain/identifiers';
import { CallPolicy, policyOptions, silentLogger, type ConnectorLogger, type PolicyClock } from '../core';
import type { PublicSecurityConfig } from './config';
import { badResponseError, invalidIdNumberError, invalidRequestError, mapSoapError, PublicSecurityError, PSB_SYSTEM } from './errors';
import { isOffsetDateTime, parseOffsetDateTime, toShanghaiIso } from './time';
import {
  MATCH_RESULTS,
  PSB_MAX_BATCH,
  PSB_NAMESPACE,
  REQUEST_SERIAL_PATTERN,
  RISK_LEVELS,
  SUPPORT_STATUSES,
  VERIFICATION_PURPOSES,
  type EnforcementSupportRequest,
  type IdentityCheck,
  type MatchResult,
  type PersonType,
  type PsbOperation,
  type RequestEnforcementSupportRequest,
  type SupportRequestReceipt,
  type SupportRequestState,
  type SupportStatus,
  type VerificationOutcome,
  type VerificationPurpose,
} from './types';
import { psbWsdlPath } from './wsdl';

export type PublicSecurityClientConfig = Omit<PublicSecurityConfig, 'url' | 'simulatorAdvanceMs'> & { url: string };

export interface PublicSecurityClientDeps {
  logger?: ConnectorLogger;
  clock?: PolicyClock;
  /** "Today" for the birth-date rule of ID numbers (a birth date in the future is refused). */
  today?: () => Date;
}

export interface PsbCallOptions {
  /** Correlates the call's log lines with the hub's request. */
  requestId?: string;
}

type SoapAsyncMethod = (args: unknown, options?: Record<string, unknown>) => Promise<[unknown, ...unknown[]]>;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The AppCredential header exactly as README "Public security" shows it (attributes unqualified). */
export function appCredentialHeader(appId: string, token: string): string {
  return `<le:AppCredential xmlns:le="${PSB_NAMESPACE}" appId="${escapeAttribute(appId)}" token="${escapeAttribute(token)}"/>`;
}

function isOneOf<T extends string>(values: ReadonlyArray<T>, v: unknown): v is T {
  return typeof v === 'string' && (values as ReadonlyArray<string>).includes(v);
}

function asArray<T>(v: T | T[] | undefined | null): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function nonEmptyText(v: unknown): string | undefined {
  const t = text(v)?.trim();
  return t ? t : undefined;
}

function checkPurposeAndCase(purpose: unknown, caseNo: unknown): { purpose: VerificationPurpose; caseNo: string } {
  if (!isOneOf(VERIFICATION_PURPOSES, purpose)) {
    throw invalidRequestError(`purpose is mandatory and must be one of ${VERIFICATION_PURPOSES.join(', ')}`);
  }
  if (typeof caseNo !== 'string' || caseNo.trim().length === 0 || caseNo.length > 64) {
    throw invalidRequestError('caseNo is mandatory (1–64 characters)');
  }
  return { purpose, caseNo };
}

export class PublicSecurityClient {
  readonly system = PSB_SYSTEM;

  private constructor(
    private readonly soapClient: soap.Client,
    readonly policy: CallPolicy,
    private readonly config: PublicSecurityClientConfig,
    private readonly now: () => number,
    private readonly today: () => Date,
    private readonly httpAgent: HttpAgent,
    private readonly httpsAgent: HttpsAgent,
  ) {}

  static async create(config: PublicSecurityClientConfig, deps: PublicSecurityClientDeps = {}): Promise<PublicSecurityClient> {
    const soapClient = await soap.createClientAsync(psbWsdlPath(), {
      endpoint: config.url,
      disableCache: true,
      // Keep xsd:dateTime as text so that a value without an offset is refused, not misread.
      customDeserializer: { dateTime: (value: string) => value },
    });
    soapClient.addSoapHeader(appCredentialHeader(config.appId, config.token));
    const policy = new CallPolicy(
      PSB_SYSTEM,
      policyOptions(config, config.timeoutMs),
      deps.logger ?? silentLogger,
      deps.clock,
    );
    return new PublicSecurityClient(
      soapClient,
      policy,
      config,
      deps.clock?.now ?? Date.now,
      deps.today ?? (() => new Date()),
      new HttpAgent({ keepAlive: true }),
      new HttpsAgent({ keepAlive: true }),
    );
  }

  /** Releases pooled sockets. */
  async close(): Promise<void> {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** 身份核验: one person. Safe to retry (counts against the daily identity quota). */
  async verifyIdentity(check: IdentityCheck, options: PsbCallOptions = {}): Promise<VerificationOutcome> {
    const { purpose, caseNo } = checkPurposeAndCase(check?.purpose, check?.caseNo);
    const person = this.checkPerson(check, undefined);
    const args = { name: person.name, idNumber: person.idNumber, purpose, caseNo };
    return this.invoke('VerifyIdentity', args, true, [person.idNumber], options, (raw) => {
      const r = (raw ?? {}) as Record<string, unknown>;
      const match = r.match;
      if (!isOneOf(MATCH_RESULTS, match)) throw badResponseError('VerifyIdentity', 'match missing or not MATCH/MISMATCH/NOT_FOUND');
      return { match, verificationId: this.verificationIdOf('VerifyIdentity', r) };
    });
  }

  /**
   * 批量身份核验: results in request order, one per person. Lists longer than 20 go out as
   * consecutive calls of ≤20. One invalid ID number fails the whole call (as upstream does), the
   * error naming its 1-based position in `persons`, never the number.
   */
  async batchVerifyIdentity(
    persons: ReadonlyArray<PersonType>,
    purpose: VerificationPurpose,
    caseNo: string,
    options: PsbCallOptions = {},
  ): Promise<VerificationOutcome[]> {
    const checked = checkPurposeAndCase(purpose, caseNo);
    const people = persons.map((p, i) => this.checkPerson(p, i + 1));
    const out: VerificationOutcome[] = [];
    for (let offset = 0; offset < people.length; offset += PSB_MAX_BATCH) {
      const chunk = people.slice(offset, offset + PSB_MAX_BATCH);
      try {
        out.push(...(await this.batchChunk(chunk, checked.purpose, checked.caseNo, options)));
      } catch (err) {
        // The system numbers persons within its call; report the position in the caller's list.
        if (err instanceof PublicSecurityError && err.upstreamCode === 'INVALID_ID_NUMBER' && err.itemIndex !== undefined && offset > 0) {
          throw invalidIdNumberError(offset + err.itemIndex, 'refused by the system', err.httpStatus);
        }
        throw err;
      }
    }
    return out;
  }

  /**
   * 执法保障（警力支援）申请. The caller supplies `requestSerial`, derived from the hub's own
   * assist-request id, and it is always sent: the system answers a repeat of the same serial
   * within 24 h with the original supportRequestId (and its current status) instead of creating
   * a second request. That makes the call idempotent, so — unlike an ordinary write — it is run
   * as a safe call and retried after timeouts and transient failures: the worst case of a retry
   * whose first attempt did reach the system is getting the same id back.
   */
  async requestEnforcementSupport(request: EnforcementSupportRequest, options: PsbCallOptions = {}): Promise<SupportRequestReceipt> {
    const args = this.checkSupportRequest(request);
    return this.invoke('RequestEnforcementSupport', args, true, [], options, (raw) => {
      const r = (raw ?? {}) as Record<string, unknown>;
      const supportRequestId = nonEmptyText(r.supportRequestId);
      if (!supportRequestId) throw badResponseError('RequestEnforcementSupport', 'supportRequestId missing');
      if (!isOneOf(SUPPORT_STATUSES, r.status)) throw badResponseError('RequestEnforcementSupport', 'status missing or unknown');
      const submittedAt = parseOffsetDateTime(r.submittedAt);
      if (!submittedAt) throw badResponseError('RequestEnforcementSupport', 'submittedAt missing or without offset');
      return { supportRequestId, status: r.status, submittedAt };
    });
  }

  /** 支援申请进度查询. Read-only, safe to retry. */
  async querySupportRequest(supportRequestId: string, options: PsbCallOptions = {}): Promise<SupportRequestState> {
    if (typeof supportRequestId !== 'string' || supportRequestId.trim() === '') {
      throw invalidRequestError('supportRequestId is mandatory');
    }
    return this.invoke('QuerySupportRequest', { supportRequestId }, true, [], options, (raw) => {
      const r = (raw ?? {}) as Record<string, unknown>;
      const id = nonEmptyText(r.supportRequestId);
      if (!id) throw badResponseError('QuerySupportRequest', 'supportRequestId missing');
      if (id !== supportRequestId) throw badResponseError('QuerySupportRequest', 'answer is about another support request');
      const status = r.status;
      if (!isOneOf(SUPPORT_STATUSES, status)) throw badResponseError('QuerySupportRequest', 'status missing or unknown');
      const updatedAt = parseOffsetDateTime(r.updatedAt);
      if (!updatedAt) throw badResponseError('QuerySupportRequest', 'updatedAt missing or without offset');
      const state: SupportRequestState = { supportRequestId: id, status: status as SupportStatus, updatedAt };
      if (r.assignedStation !== undefined) {
        const s = (r.assignedStation ?? {}) as Record<string, unknown>;
        const name = nonEmptyText(s.name);
        const code = nonEmptyText(s.code);
        if (!name || !code) throw badResponseError('QuerySupportRequest', 'assignedStation incomplete');
        state.assignedStation = { name, code };
      }
      if (r.dispatchedOfficers !== undefined) {
        const n = Number(text(r.dispatchedOfficers));
        if (!Number.isInteger(n) || n < 0) throw badResponseError('QuerySupportRequest', 'dispatchedOfficers is not a non-negative integer');
        state.dispatchedOfficers = n;
      }
      if (r.declineReason !== undefined) {
        const reason = text(r.declineReason);
        if (reason === undefined) throw badResponseError('QuerySupportRequest', 'declineReason is not text');
        state.declineReason = reason;
      }
      if (status === 'DECLINED' && state.declineReason === undefined) {
        throw badResponseError('QuerySupportRequest', 'DECLINED without declineReason');
      }
      return state;
    });
  }

  // ===== internals =====

  private async batchChunk(
    chunk: PersonType[],
    purpose: VerificationPurpose,
    caseNo: string,
    options: PsbCallOptions,
  ): Promise<VerificationOutcome[]> {
    const args = { persons: { person: chunk.map((p) => ({ name: p.name, idNumber: p.idNumber })) }, purpose, caseNo };
    return this.invoke('BatchVerifyIdentity', args, true, chunk.map((p) => p.idNumber), options, (raw) => {
      const r = (raw ?? {}) as Record<string, unknown>;
      const results = asArray((r.results as { result?: unknown } | undefined)?.result as unknown[] | unknown);
      if (results.length !== chunk.length) {
        throw badResponseError('BatchVerifyIdentity', `expected ${chunk.length} results, got ${results.length}`);
      }
      const verificationId = this.verificationIdOf('BatchVerifyIdentity', r);
      return results.map((item, i): VerificationOutcome => {
        const res = (item ?? {}) as Record<string, unknown>;
        // Results come in request order; an answer out of order must not be attributed to the wrong person.
        if (text(res.idNumber) !== chunk[i].idNumber) {
          throw badResponseError('BatchVerifyIdentity', `result #${i + 1} is not about person #${i + 1}`);
        }
        const match: unknown = res.match;
        if (!isOneOf<MatchResult>(MATCH_RESULTS, match)) {
          throw badResponseError('BatchVerifyIdentity', `result #${i + 1} has no valid match`);
        }
        return { match, verificationId };
      });
    });
  }

  private verificationIdOf(operation: PsbOperation, r: Record<string, unknown>): string {
    const verificationId = nonEmptyText(r.verificationId);
    if (!verificationId) throw badResponseError(operation, 'verificationId missing');
    if (!parseOffsetDateTime(r.verifiedAt)) throw badResponseError(operation, 'verifiedAt missing or without offset');
    return verificationId;
  }

  /** Refuses locally what the system would refuse, so that nothing invalid is sent (or counted against the quota). */
  private checkPerson(p: PersonType | undefined, itemIndex: number | undefined): PersonType {
    const name = typeof p?.name === 'string' ? p.name.trim() : '';
    if (name.length === 0 || name.length > 50) {
      throw invalidRequestError(`${itemIndex === undefined ? 'name' : `name of person #${itemIndex}`} is mandatory (1–50 characters)`);
    }
    const idNumber = typeof p?.idNumber === 'string' ? p.idNumber : '';
    const problem = validateIdNumber(idNumber, this.today());
    if (problem) throw invalidIdNumberError(itemIndex, `fails the GB 11643 ${problem.rule} rule`);
    return { name, idNumber };
  }

  private checkSupportRequest(r: EnforcementSupportRequest): RequestEnforcementSupportRequest {
    if (!r || typeof r !== 'object') throw invalidRequestError('request is mandatory');
    if (typeof r.requestSerial !== 'string' || !REQUEST_SERIAL_PATTERN.test(r.requestSerial)) {
      throw invalidRequestError('requestSerial is mandatory and must match [A-Za-z0-9-]{8,64}');
    }
    if (typeof r.caseNo !== 'string' || r.caseNo.trim() === '' || r.caseNo.length > 64) {
      throw invalidRequestError('caseNo is mandatory (1–64 characters)');
    }
    const unit = r.requestingUnit;
    for (const field of ['name', 'uscc', 'contactName', 'contactPhone'] as const) {
      if (typeof unit?.[field] !== 'string' || unit[field].trim() === '') throw invalidRequestError(`requestingUnit.${field} is mandatory`);
    }
    if (validateUscc(unit.uscc)) throw invalidRequestError('requestingUnit.uscc fails the GB 32100 check');
    const loc = r.location;
    if (typeof loc?.address !== 'string' || loc.address.trim() === '') throw invalidRequestError('location.address is mandatory');
    if (!Number.isFinite(loc.lng) || !Number.isFinite(loc.lat) || Math.abs(loc.lng) > 180 || Math.abs(loc.lat) > 90) {
      throw invalidRequestError('location.lng/lat must be decimal degrees');
    }
    let scheduledAt: string;
    if (r.scheduledAt instanceof Date) {
      if (!Number.isFinite(r.scheduledAt.getTime())) throw invalidRequestError('scheduledAt is not a valid date');
      scheduledAt = toShanghaiIso(r.scheduledAt);
    } else if (typeof r.scheduledAt === 'string' && isOffsetDateTime(r.scheduledAt)) {
      scheduledAt = r.scheduledAt;
    } else {
      throw invalidRequestError('scheduledAt must be a date-time with an explicit offset');
    }
    if (!isOneOf(RISK_LEVELS, r.expectedRisk)) throw invalidRequestError(`expectedRisk must be one of ${RISK_LEVELS.join(', ')}`);
    if (!Number.isInteger(r.officersNeeded) || r.officersNeeded < 1 || r.officersNeeded > 20) {
      throw invalidRequestError('officersNeeded must be an integer in 1..20');
    }
    if (typeof r.reason !== 'string' || r.reason.trim() === '') throw invalidRequestError('reason is mandatory');
    // Element order of the WSDL's sequence (node-soap writes keys in insertion order).
    return {
      requestSerial: r.requestSerial,
      caseNo: r.caseNo,
      requestingUnit: { name: unit.name, uscc: unit.uscc, contactName: unit.contactName, contactPhone: unit.contactPhone },
      location: { address: loc.address, lng: loc.lng, lat: loc.lat },
      scheduledAt,
      expectedRisk: r.expectedRisk,
      officersNeeded: r.officersNeeded,
      reason: r.reason,
    };
  }

  private invoke<T>(
    operation: PsbOperation,
    args: object,
    safe: boolean,
    idNumbers: ReadonlyArray<string>,
    options: PsbCallOptions,
    parse: (raw: unknown) => T,
  ): Promise<T> {
    const method = (this.soapClient as unknown as Record<string, SoapAsyncMethod>)[`${operation}Async`];
    return this.policy.run(operation, { safe, requestId: options.requestId }, async (ctx) => {
      let result: unknown;
      try {
        [result] = await method.call(this.soapClient, args, {
          signal: ctx.signal,
          httpAgent: this.httpAgent,
          httpsAgent: this.httpsAgent,
        });
      } catch (raw) {
        throw mapSoapError(raw, {
          operation,
          aborted: ctx.signal.aborted,
          timeoutMs: this.config.timeoutMs,
          now: this.now(),
          secrets: [this.config.token, ...idNumbers],
        });
      }
      return parse(result);
    });
  }
}
