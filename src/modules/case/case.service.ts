// Case rules of 行政处罚法 (2021): who may see a case, which step may follow which, and what
// each step must satisfy. Every change runs in one transaction that locks the case row,
// appends a hash-chained event and bumps the version, so a step is all-or-nothing.
import { createHash } from 'node:crypto';
import type { CaseEventType, CaseStage, EnforcementCase, IdentityCheck, Prisma, PrismaClient } from '../../generated/prisma/client';
import { assertMayHandle, assertMayReview, caseReadScope } from '../../auth/access-policy';
import type { RequestScope } from '../../context';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { caseDeadlines, type CaseDeadline, type CaseTimestamps } from '../../domain/case-deadlines';
import { buildCaseEvent, caseEventHashContent } from '../../domain/case-events';
import { canonicalJson, chainHash, GENESIS_HASH } from '../../domain/hash-chain';
import { validatePartyCode } from '../../domain/identifiers';
import {
  ConflictError,
  DiscretionOutOfRangeError,
  ExecutionIncompleteError,
  ForbiddenError,
  HearingWindowOpenError,
  IllegalTransitionError,
  InsufficientOfficersError,
  LegalReviewRequiredError,
  NotFoundError,
  PreconditionError,
  ValidationError,
} from '../../errors/domain-errors';
import { decodeCursor, encodeCursor, type CursorValue } from '../common/cursor';
import { identifierError } from '../common/identifier-error';
import type {
  AddEvidenceInput,
  CaseFilter,
  CloseCaseInput,
  CorrectCaseInput,
  DecideCaseInput,
  LegalReviewInput,
  NotifyPartyInput,
  RecordExecutionInput,
  RegisterCaseInput,
  ServeDecisionInput,
} from './case.input';
import { CaseOrder } from './case.input';
import { ChainProblemKind, type HistoryVerification } from './case.type';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import { caseUpdatedEvent } from '../../events/payloads';

type Tx = Prisma.TransactionClient;

export const MIN_OFFICERS = 2;
/** 行政处罚法 Art. 64: a hearing may be requested within 5 working days of notification. */
export const HEARING_WINDOW_WORKING_DAYS = 5;

export interface CasePage {
  edges: { cursor: string; node: EnforcementCase }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Kept so totalCount is only counted when asked for. */
  where: Prisma.EnforcementCaseWhereInput;
}

export interface StepResult {
  stageAfter: CaseStage;
  type: CaseEventType;
  payload: Record<string, unknown>;
  reason?: string | null;
  data?: Prisma.EnforcementCaseUncheckedUpdateInput;
}

const ORDERS: Record<CaseOrder, { field: 'registeredAt' | 'updatedAt' | 'caseNo'; dir: 'asc' | 'desc' }> = {
  [CaseOrder.REGISTERED_AT_DESC]: { field: 'registeredAt', dir: 'desc' },
  [CaseOrder.REGISTERED_AT_ASC]: { field: 'registeredAt', dir: 'asc' },
  [CaseOrder.UPDATED_AT_DESC]: { field: 'updatedAt', dir: 'desc' },
  [CaseOrder.CASE_NO_ASC]: { field: 'caseNo', dir: 'asc' },
};

function money(value: string | number | { toString(): string } | null | undefined): number {
  return value === null || value === undefined ? 0 : Math.round(Number(value.toString()) * 100);
}

function yuan(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** What a step hook sees: the case before and after the step, inside the step's transaction. */
export interface CaseStepContext {
  tx: Tx;
  scope: RequestScope;
  before: EnforcementCase;
  after: EnforcementCase;
  eventType: CaseEventType;
  now: Date;
}

export type CaseStepHook = (ctx: CaseStepContext) => Promise<StoredHubEvent[] | void>;

export class CaseService {
  private readonly stepHooks: CaseStepHook[] = [];

  constructor(
    private readonly prisma: PrismaClient,
    private readonly calendar: WorkingDayCalendar,
    private readonly maxPageSize: number,
    private readonly events: EventBus,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  // ───────────── reads ─────────────

  /** A case the caller may see; FORBIDDEN (not NOT_FOUND) when it exists outside the caller's scope. */
  async getCase(scope: RequestScope, key: { id?: string | null; caseNo?: string | null }): Promise<EnforcementCase> {
    if ((key.id ? 1 : 0) + (key.caseNo ? 1 : 0) !== 1) {
      throw new ValidationError('id', 'EXACTLY_ONE_KEY', 'give exactly one of id or caseNo');
    }
    if (key.id && !isUuid(key.id)) throw new ValidationError('id', 'UUID', 'must be a UUID');
    const where: Prisma.EnforcementCaseWhereInput = key.id ? { id: key.id } : { caseNo: key.caseNo as string };
    const found = await this.prisma.enforcementCase.findFirst({ where: { AND: [where, caseReadScope(scope.principal)] } });
    if (found) {
      scope.audit.caseIds.add(found.id);
      return found;
    }
    const exists = await this.prisma.enforcementCase.findFirst({ where, select: { id: true } });
    if (exists) throw new ForbiddenError('this case is outside your department’s scope', { rule: 'CASE_SCOPE' });
    throw new NotFoundError('Case', key.id ?? (key.caseNo as string));
  }

  async listCases(
    scope: RequestScope,
    args: { filter?: CaseFilter | null; first?: number | null; after?: string | null; orderBy?: CaseOrder | null },
  ): Promise<CasePage> {
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > this.maxPageSize) {
      throw new ValidationError('first', 'PAGE_SIZE', `must be between 1 and ${this.maxPageSize}`);
    }
    const orderBy = args.orderBy ?? CaseOrder.REGISTERED_AT_DESC;
    const order = ORDERS[orderBy];
    const where: Prisma.EnforcementCaseWhereInput = { AND: [caseReadScope(scope.principal), this.filterWhere(args.filter ?? {})] };

    const conditions: Prisma.EnforcementCaseWhereInput[] = [where];
    if (args.after) {
      const cursor = decodeCursor(args.after, orderBy, { valueIsDate: order.field !== 'caseNo' });
      conditions.push(keysetAfter(order.field, order.dir, cursor));
    }
    const rows = await this.prisma.enforcementCase.findMany({
      where: { AND: conditions },
      orderBy: [{ [order.field]: order.dir }, { id: order.dir }],
      take: first + 1,
    });
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({
      cursor: encodeCursor(orderBy, node[order.field] as Date | string, node.id),
      node,
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      where,
    };
  }

  countCases(where: Prisma.EnforcementCaseWhereInput): Promise<number> {
    return this.prisma.enforcementCase.count({ where });
  }

  private filterWhere(filter: CaseFilter): Prisma.EnforcementCaseWhereInput {
    const and: Prisma.EnforcementCaseWhereInput[] = [];
    if (filter.stage?.length) and.push({ stage: { in: filter.stage } });
    if (filter.source?.length) and.push({ source: { in: filter.source } });
    if (filter.street?.length) and.push({ street: { in: filter.street } });
    if (filter.departmentCode?.length) and.push({ department: { is: { code: { in: filter.departmentCode } } } });
    if (filter.category?.length) and.push({ powerItem: { is: { category: { in: filter.category } } } });
    if (filter.partyCode) {
      const { kind, problem } = validatePartyCode(filter.partyCode, this.clock());
      if (problem) throw identifierError('filter.partyCode', kind, problem);
      and.push({ parties: { some: { party: { is: { code: filter.partyCode } } } } });
    }
    if (filter.registeredFrom) and.push({ registeredAt: { gte: filter.registeredFrom } });
    if (filter.registeredTo) and.push({ registeredAt: { lt: filter.registeredTo } });
    if (filter.text) {
      const text = filter.text.trim();
      and.push({
        OR: [
          { caseNo: { contains: text, mode: 'insensitive' } },
          { summary: { contains: text, mode: 'insensitive' } },
          { facts: { contains: text, mode: 'insensitive' } },
          { address: { contains: text, mode: 'insensitive' } },
          { parties: { some: { party: { is: { name: { contains: text, mode: 'insensitive' } } } } } },
        ],
      });
    }
    return { AND: and };
  }

  latestEvents(scope: RequestScope, caseId: string, last: number) {
    if (!Number.isInteger(last) || last < 1 || last > 50) throw new ValidationError('last', 'RANGE', 'must be between 1 and 50');
    return scope.loaders.latestEventsByCase.load(`${caseId}:${last}`);
  }

  deadlines(c: Omit<CaseTimestamps, 'hasFine'>, hasFine: boolean): CaseDeadline[] {
    return caseDeadlines({ ...c, hasFine }, this.clock(), this.calendar);
  }

  async history(scope: RequestScope, caseId: string) {
    const c = await this.getCase(scope, { id: caseId });
    return this.prisma.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { seq: 'asc' } });
  }

  /** Recomputes every hash; names each row that was changed, removed or inserted behind the hub's back. */
  async verifyHistory(scope: RequestScope, caseId: string): Promise<HistoryVerification> {
    const c = await this.getCase(scope, { id: caseId });
    const events = await this.prisma.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { seq: 'asc' } });
    const problems: HistoryVerification['problems'] = [];
    let prevHash = GENESIS_HASH;
    events.forEach((e, i) => {
      if (e.seq !== i + 1) {
        problems.push({ seq: e.seq, eventId: e.id, kind: ChainProblemKind.SEQUENCE_GAP, message: `expected sequence ${i + 1}, found ${e.seq}` });
      }
      if (e.prevHash !== prevHash) {
        problems.push({
          seq: e.seq,
          eventId: e.id,
          kind: ChainProblemKind.PREV_HASH_MISMATCH,
          message: `event ${e.seq} does not link to event ${e.seq - 1}`,
        });
      }
      const expected = chainHash(e.prevHash, caseEventHashContent(e));
      if (expected !== e.hash) {
        problems.push({
          seq: e.seq,
          eventId: e.id,
          kind: ChainProblemKind.HASH_MISMATCH,
          message: `event ${e.seq} (${e.type}) was changed after it was written`,
        });
      }
      prevHash = e.hash;
    });
    return {
      caseId: c.id,
      valid: problems.length === 0,
      length: events.length,
      firstBrokenSeq: problems.length ? Math.min(...problems.map((p) => p.seq)) : null,
      problems,
      verifiedAt: this.clock(),
    };
  }

  // ───────────── lifecycle ─────────────

  /** 受理: registers a case handled by the caller's street team. */
  /**
   * `within` runs inside the registration's transaction before its event is recorded (a work
   * order linked to the new case commits with it, or neither does); it may return events to broadcast.
   */
  async registerCase(
    scope: RequestScope,
    input: RegisterCaseInput,
    within?: (tx: Tx, created: EnforcementCase) => Promise<StoredHubEvent[] | void>,
  ): Promise<EnforcementCase> {
    const { principal } = scope;
    if (!principal.roles.includes('OFFICER')) {
      throw new ForbiddenError('only an OFFICER may register a case', { requiredRole: 'OFFICER' });
    }
    const now = this.clock();
    const discoveredAt = input.discoveredAt ?? now;
    if (discoveredAt.getTime() > now.getTime()) {
      throw new ValidationError('discoveredAt', 'NOT_IN_FUTURE', 'must not be in the future');
    }
    const badgeNos = input.officerBadgeNos.map((b) => b.trim());
    if (new Set(badgeNos).size !== badgeNos.length) {
      throw new ValidationError('officerBadgeNos', 'UNIQUE', 'lists the same officer twice');
    }
    if (badgeNos.length < MIN_OFFICERS) throw new InsufficientOfficersError(badgeNos.length);
    const parties = (input.parties ?? []).map((p, i) => {
      const { kind, problem } = validatePartyCode(p.code, now);
      if (problem) throw identifierError(`parties[${i}].code`, kind, problem);
      return { ...p, kind };
    });

    const recorded: StoredHubEvent[] = []; // CASE_UPDATED for subscribers, broadcast after commit
    const created = await this.prisma.$transaction(async (tx) => {
      const department = await tx.department.findUniqueOrThrow({ where: { id: principal.departmentId } });
      if (department.kind !== 'STREET_TEAM' || !department.street) {
        throw new ForbiddenError('cases are registered by a street team (街道综合行政执法队)', { rule: 'STREET_TEAM' });
      }
      const powerItem = await tx.powerItem.findUnique({ where: { code: input.powerItemCode } });
      if (!powerItem || !powerItem.active) {
        throw new ValidationError('powerItemCode', 'UNKNOWN_POWER_ITEM', `no active power-list item ${input.powerItemCode}`);
      }
      const officers = await tx.officer.findMany({ where: { badgeNo: { in: badgeNos } } });
      for (const badge of badgeNos) {
        const officer = officers.find((o) => o.badgeNo === badge);
        if (!officer || !officer.active) throw new ValidationError('officerBadgeNos', 'UNKNOWN_OFFICER', `no active officer ${badge}`);
        if (officer.departmentId !== department.id) {
          throw new ValidationError('officerBadgeNos', 'OFFICER_DEPARTMENT', `officer ${badge} is not in ${department.code}`);
        }
      }
      const caseNo = await nextCaseNo(tx, department.code, now);
      const c = await tx.enforcementCase.create({
        data: {
          caseNo,
          source: input.source,
          sourceRef: input.sourceRef ?? null,
          powerItemId: powerItem.id,
          departmentId: department.id,
          stage: 'RECEIVED',
          summary: input.summary,
          facts: input.facts ?? null,
          address: input.address,
          street: department.street,
          lng: input.lng ?? null,
          lat: input.lat ?? null,
          serious: input.serious ?? false,
          discoveredAt,
          registeredAt: now,
          officers: {
            create: badgeNos.map((badge, i) => ({
              officerId: officers.find((o) => o.badgeNo === badge)!.id,
              lead: i === 0,
            })),
          },
        },
      });
      const partyIds: string[] = [];
      for (const p of parties) {
        const party = await tx.party.upsert({
          where: { code: p.code },
          update: {},
          create: {
            kind: p.kind,
            code: p.code,
            name: p.name,
            legalRepName: p.legalRepName ?? null,
            phone: p.phone ?? null,
            address: p.address ?? null,
          },
        });
        if (!partyIds.includes(party.id)) partyIds.push(party.id);
      }
      if (partyIds.length) await tx.caseParty.createMany({ data: partyIds.map((partyId) => ({ caseId: c.id, partyId })) });
      if (within) recorded.push(...((await within(tx, c)) ?? []));
      await appendEvent(tx, scope, c.id, null, {
        stageAfter: 'RECEIVED',
        type: 'REGISTERED',
        payload: {
          caseNo,
          source: input.source,
          powerItemCode: powerItem.code,
          officers: badgeNos,
          partyIds,
        },
      }, now);
      const update = { caseId: c.id, caseNo, stage: c.stage, version: c.version, eventType: 'REGISTERED' as const, occurredAt: now.toISOString() };
      recorded.push(await this.events.record(tx, caseUpdatedEvent(update, department.code)));
      return c;
    });
    await this.events.broadcast(recorded);
    scope.audit.caseIds.add(created.id);
    return created;
  }

  /** 立案 */
  fileCase(scope: RequestScope, caseId: string, note: string | null, expectedVersion?: number | null) {
    return this.step(scope, caseId, 'fileCase', ['RECEIVED'], expectedVersion, async (tx, c, now) => {
      const officers = await tx.caseOfficer.count({ where: { caseId: c.id } });
      if (officers < MIN_OFFICERS) throw new InsufficientOfficersError(officers);
      return { stageAfter: 'FILED', type: 'FILED', payload: { note }, data: { filedAt: now } };
    });
  }

  /** 不予立案 */
  declineCase(scope: RequestScope, caseId: string, reason: string, expectedVersion?: number | null) {
    if (reason.trim().length < 5) throw new ValidationError('reason', 'MIN_LENGTH', 'must give a reason of at least 5 characters');
    return this.step(scope, caseId, 'declineCase', ['RECEIVED'], expectedVersion, async (_tx, _c, now) => ({
      stageAfter: 'NOT_FILED',
      type: 'DECLINED',
      payload: {},
      reason,
      data: { notFiledReason: reason, closedAt: now },
    }));
  }

  /** 调查取证: evidence identified by its content hash; the first evidence of a filed case starts the investigation. */
  addEvidence(scope: RequestScope, caseId: string, input: AddEvidenceInput, expectedVersion?: number | null) {
    return this.step(scope, caseId, 'addEvidence', ['RECEIVED', 'FILED', 'INVESTIGATING'], expectedVersion, async (tx, c, now) => {
      const collector = await tx.caseOfficer.findFirst({
        where: { caseId: c.id, officer: { is: { badgeNo: input.collectorBadgeNo } } },
        include: { officer: true },
      });
      if (!collector) {
        throw new ValidationError('collectorBadgeNo', 'NOT_CASE_OFFICER', `officer ${input.collectorBadgeNo} is not assigned to this case`);
      }
      const collectedAt = input.collectedAt ?? now;
      if (collectedAt.getTime() > now.getTime()) throw new ValidationError('collectedAt', 'NOT_IN_FUTURE', 'must not be in the future');
      const evidence = await tx.evidence.create({
        data: {
          caseId: c.id,
          kind: input.kind,
          description: input.description,
          sha256: input.sha256,
          fileName: input.fileName ?? null,
          size: input.size ?? null,
          collectorId: collector.officerId,
          collectedAt,
        },
      });
      return {
        stageAfter: c.stage === 'FILED' ? 'INVESTIGATING' : c.stage,
        type: 'EVIDENCE_ADDED',
        payload: { evidenceId: evidence.id, kind: input.kind, sha256: input.sha256, collector: input.collectorBadgeNo },
      };
    });
  }

  /** Throws unless the caller may take steps on this case. */
  assertMayHandle(scope: RequestScope, c: Pick<EnforcementCase, 'departmentId'>): void {
    assertMayHandle(scope.principal, c.departmentId);
  }

  /** Identity checks (results only) recorded on the case in one event. */
  async recordIdentityChecks(
    scope: RequestScope,
    caseId: string,
    checks: { result: 'MATCH' | 'MISMATCH' | 'NOT_FOUND'; verificationId: string; purpose: string; partyId: string | null }[],
  ) {
    const created: IdentityCheck[] = [];
    await this.step(scope, caseId, 'verifyIdentity', OPEN_STAGES, null, async (tx, c, now) => {
      for (const check of checks) {
        created.push(await tx.identityCheck.create({ data: { ...check, caseId: c.id, checkedBy: scope.principal.sub, checkedAt: now } }));
      }
      return {
        stageAfter: c.stage,
        type: 'IDENTITY_VERIFIED',
        payload: { checks: created.map((x) => ({ identityCheckId: x.id, result: x.result, verificationId: x.verificationId, purpose: x.purpose })) },
      };
    });
    return created;
  }

  /** A permit looked up for the case, kept with its content hash as evidence of what the permits system said. */
  recordPermitCheck(scope: RequestScope, caseId: string, permit: Record<string, unknown> & { permitNo: string; status: string }) {
    return this.step(scope, caseId, 'recordPermitCheck', ['RECEIVED', 'FILED', 'INVESTIGATING'], null, async (tx, c, now) => {
      const officers = await tx.caseOfficer.findMany({ where: { caseId: c.id }, include: { officer: true }, orderBy: { lead: 'desc' } });
      const collector = officers.find((o) => o.officer.badgeNo === scope.principal.sub) ?? officers[0];
      const snapshot = JSON.parse(JSON.stringify(permit)) as Prisma.InputJsonObject;
      const sha256 = createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
      const check = await tx.permitCheck.create({
        data: { caseId: c.id, permitNo: permit.permitNo, snapshot, checkedBy: scope.principal.sub, checkedAt: now },
      });
      await tx.evidence.create({
        data: {
          caseId: c.id,
          kind: 'PERMIT_CHECK',
          description: `许可核查 ${permit.permitNo}: ${permit.status}`,
          sha256,
          collectorId: collector.officerId,
          collectedAt: now,
        },
      });
      return {
        stageAfter: c.stage === 'FILED' ? 'INVESTIGATING' : c.stage,
        type: 'PERMIT_CHECKED',
        payload: { permitCheckId: check.id, permitNo: permit.permitNo, status: permit.status, sha256 },
      };
    });
  }

  /** 告知: proposed penalty within the discretion benchmark; opens the 陈述申辩/听证 window. */
  notifyParty(scope: RequestScope, caseId: string, input: NotifyPartyInput, expectedVersion?: number | null) {
    return this.step(scope, caseId, 'notifyParty', ['INVESTIGATING'], expectedVersion, async (tx, c, now) => {
      const evidence = await tx.evidence.count({ where: { caseId: c.id } });
      if (evidence === 0) {
        throw new PreconditionError('EVIDENCE_REQUIRED', 'a party is notified only once evidence has been collected (行政处罚法 Art. 40)');
      }
      const parties = await tx.caseParty.count({ where: { caseId: c.id } });
      if (parties === 0) throw new PreconditionError('PARTY_REQUIRED', 'the case names no party to notify');
      const tier = await tx.discretionTier.findUnique({ where: { powerItemId_level: { powerItemId: c.powerItemId, level: input.tierLevel } } });
      if (!tier) throw new ValidationError('tierLevel', 'UNKNOWN_TIER', `the power item has no discretion tier ${input.tierLevel}`);
      checkWithinTier(tier, input.proposedPenalty, input.proposedFine ?? null, 'proposedFine');
      const hearingWindowEnds = this.calendar.endOfWorkingDaysAfter(now, HEARING_WINDOW_WORKING_DAYS);
      return {
        stageAfter: 'NOTIFIED',
        type: 'PARTY_NOTIFIED',
        payload: {
          tierLevel: tier.level,
          proposedPenalty: input.proposedPenalty,
          proposedFine: input.proposedFine ? yuan(money(input.proposedFine)) : null,
          method: input.method,
          hearingWindowEnds: hearingWindowEnds.toISOString(),
        },
        data: { notifiedAt: now, tierId: tier.id },
      };
    });
  }

  /** 法制审核 (Art. 58): recorded by the bureau; a rejection sends the case back to investigation. */
  recordLegalReview(scope: RequestScope, caseId: string, input: LegalReviewInput, expectedVersion?: number | null) {
    assertMayReview(scope.principal);
    return this.step(
      scope,
      caseId,
      'recordLegalReview',
      ['NOTIFIED', 'LEGAL_REVIEW'],
      expectedVersion,
      async (tx, c, now) => {
        const review = await tx.legalReview.create({
          data: { caseId: c.id, reviewer: scope.principal.sub, opinion: input.opinion, comments: input.comments, reviewedAt: now },
        });
        return {
          stageAfter: input.opinion === 'REJECTED' ? 'INVESTIGATING' : 'LEGAL_REVIEW',
          type: 'LEGAL_REVIEWED',
          payload: { reviewId: review.id, opinion: input.opinion },
          reason: input.comments,
          data: { reviewedAt: now },
        };
      },
      { reviewer: true },
    );
  }

  /** 作出决定: within the benchmark, after the hearing window, after review where required. */
  decideCase(scope: RequestScope, caseId: string, input: DecideCaseInput, expectedVersion?: number | null) {
    return this.step(scope, caseId, 'decideCase', ['NOTIFIED', 'LEGAL_REVIEW'], expectedVersion, async (tx, c, now) => {
      const tier = c.tierId ? await tx.discretionTier.findUnique({ where: { id: c.tierId } }) : null;
      if (!tier) throw new PreconditionError('TIER_REQUIRED', 'the case has no discretion tier; notify the party first');
      const reviewRequired = c.serious || tier.requiresLegalReview;
      if (reviewRequired) {
        const latest = await tx.legalReview.findFirst({ where: { caseId: c.id }, orderBy: { reviewedAt: 'desc' } });
        if (c.stage !== 'LEGAL_REVIEW' || !latest || latest.opinion === 'REJECTED') {
          throw new LegalReviewRequiredError(
            'this case needs an approving legal review (法制审核) before a decision (行政处罚法 Art. 58)',
            { serious: c.serious, tierLevel: tier.level },
          );
        }
      }
      if (!input.partyWaivedRights && c.notifiedAt) {
        const windowEnds = this.calendar.endOfWorkingDaysAfter(c.notifiedAt, HEARING_WINDOW_WORKING_DAYS);
        if (now.getTime() <= windowEnds.getTime()) {
          throw new HearingWindowOpenError(
            `the party may state a defence or ask for a hearing until ${windowEnds.toISOString()} (Art. 64); decide after it or record a written waiver`,
            { windowEndsAt: windowEnds.toISOString() },
          );
        }
      }
      checkWithinTier(tier, input.kind, input.fineAmount ?? null, 'fineAmount');
      const powerItem = await tx.powerItem.findUniqueOrThrow({ where: { id: c.powerItemId } });
      const department = await tx.department.findUniqueOrThrow({ where: { id: c.departmentId } });
      const decisionNo = await nextDecisionNo(tx, department, now);
      const decision = await tx.penaltyDecision.create({
        data: {
          caseId: c.id,
          decisionNo,
          kind: input.kind,
          fineAmount: input.fineAmount ?? '0',
          confiscatedAmount: input.confiscatedAmount ?? '0',
          basis: powerItem.penaltyBasis,
          reasoning: input.reasoning,
          decidedAt: now,
          decidedBy: scope.principal.sub,
        },
      });
      await tx.document.create({
        data: { caseId: c.id, kind: 'PENALTY_DECISION', docNo: decisionNo, title: `行政处罚决定书（${c.caseNo}）`, issuedAt: now },
      });
      return {
        stageAfter: 'DECIDED',
        type: 'DECIDED',
        payload: {
          decisionId: decision.id,
          decisionNo,
          kind: input.kind,
          fineAmount: yuan(money(input.fineAmount)),
          confiscatedAmount: yuan(money(input.confiscatedAmount)),
          partyWaivedRights: Boolean(input.partyWaivedRights),
        },
        data: { decidedAt: now },
      };
    });
  }

  /** 送达 (Art. 61) */
  serveDecision(scope: RequestScope, caseId: string, input: ServeDecisionInput, expectedVersion?: number | null) {
    return this.step(scope, caseId, 'serveDecision', ['DECIDED'], expectedVersion, async (tx, c, now) => {
      await tx.penaltyDecision.update({ where: { caseId: c.id }, data: { servedAt: now, serviceMethod: input.method } });
      return { stageAfter: 'SERVED', type: 'SERVED', payload: { method: input.method }, data: { servedAt: now } };
    });
  }

  /** 执行: records a payment; the case is executed once the fine is paid in full. */
  recordExecution(scope: RequestScope, caseId: string, input: RecordExecutionInput, expectedVersion?: number | null) {
    return this.step(scope, caseId, 'recordExecution', ['SERVED', 'EXECUTING'], expectedVersion, async (tx, c, now) => {
      const decision = await tx.penaltyDecision.findUniqueOrThrow({ where: { caseId: c.id } });
      const due = money(decision.fineAmount);
      const paidBefore = money(decision.paidAmount);
      const amount = money(input.amountPaid);
      if (due > 0 && amount === 0) throw new ValidationError('amountPaid', 'POSITIVE', 'must be more than 0.00 for a fine');
      if (paidBefore + amount > due) {
        throw new ValidationError('amountPaid', 'OVERPAYMENT', `only ${yuan(due - paidBefore)} remains to be paid`);
      }
      const paid = paidBefore + amount;
      await tx.penaltyDecision.update({ where: { caseId: c.id }, data: { paidAmount: yuan(paid), paidAt: amount > 0 ? now : decision.paidAt } });
      const complete = paid >= due;
      return {
        stageAfter: 'EXECUTING',
        type: 'EXECUTION_RECORDED',
        payload: { amountPaid: yuan(amount), paidTotal: yuan(paid), outstanding: yuan(due - paid), note: input.note ?? null },
        data: complete && !c.executedAt ? { executedAt: now } : {},
      };
    });
  }

  /** 结案: only once the decision is fully executed. */
  closeCase(scope: RequestScope, caseId: string, input: CloseCaseInput, expectedVersion?: number | null) {
    return this.step(scope, caseId, 'closeCase', ['SERVED', 'EXECUTING'], expectedVersion, async (tx, c, now) => {
      const decision = await tx.penaltyDecision.findUniqueOrThrow({ where: { caseId: c.id } });
      const outstanding = money(decision.fineAmount) - money(decision.paidAmount);
      if (outstanding > 0) {
        throw new ExecutionIncompleteError(`${yuan(outstanding)} of the fine is still unpaid; a case closes once executed`, {
          outstanding: yuan(outstanding),
        });
      }
      return {
        stageAfter: 'CLOSED',
        type: 'CLOSED',
        payload: { summary: input.summary },
        data: { closedAt: now, executedAt: c.executedAt ?? now },
      };
    });
  }

  /** 更正: a new event with a reason and the values before and after; the history is never rewritten. */
  correctCase(scope: RequestScope, caseId: string, input: CorrectCaseInput, expectedVersion?: number | null) {
    return this.step(scope, caseId, 'correctCase', ALL_STAGES, expectedVersion, async (tx, c) => {
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const data: Prisma.EnforcementCaseUncheckedUpdateInput = {};
      const plain = ['summary', 'facts', 'address', 'serious'] as const;
      for (const field of plain) {
        const value = input[field];
        if (value !== undefined && value !== null && value !== c[field]) {
          before[field] = c[field];
          after[field] = value;
          (data as Record<string, unknown>)[field] = value;
        }
      }
      for (const field of ['lng', 'lat'] as const) {
        const value = input[field];
        if (value !== undefined && value !== null && Number(c[field] ?? NaN) !== value) {
          before[field] = c[field] === null ? null : Number(c[field]);
          after[field] = value;
          data[field] = value;
        }
      }
      if (input.powerItemCode) {
        const item = await tx.powerItem.findUnique({ where: { code: input.powerItemCode } });
        if (!item) throw new ValidationError('powerItemCode', 'UNKNOWN_POWER_ITEM', `no power-list item ${input.powerItemCode}`);
        if (item.id !== c.powerItemId) {
          if (!['RECEIVED', 'FILED', 'INVESTIGATING'].includes(c.stage)) {
            throw new IllegalTransitionError('correcting the power item', c.stage, ['RECEIVED', 'FILED', 'INVESTIGATING']);
          }
          const old = await tx.powerItem.findUniqueOrThrow({ where: { id: c.powerItemId } });
          before.powerItemCode = old.code;
          after.powerItemCode = item.code;
          data.powerItemId = item.id;
          data.tierId = null;
        }
      }
      if (Object.keys(after).length === 0) {
        throw new ValidationError('input', 'NO_CHANGE', 'names no field whose value differs from the current one');
      }
      return { stageAfter: c.stage, type: 'CORRECTED', payload: { before, after }, reason: input.reason, data };
    });
  }

  /**
   * One lifecycle step: lock the row, check who and which stage, run the step, append the event.
   * `reviewer` steps are taken by the bureau's reviewers rather than the handling team.
   */
  private async step(
    scope: RequestScope,
    caseId: string,
    action: string,
    allowedFrom: readonly CaseStage[],
    expectedVersion: number | null | undefined,
    run: (tx: Tx, c: EnforcementCase, now: Date) => Promise<StepResult>,
    options: { reviewer?: boolean } = {},
  ): Promise<EnforcementCase> {
    if (!isUuid(caseId)) throw new ValidationError('caseId', 'UUID', 'must be a UUID');
    const { updated, events } = await this.prisma.$transaction((tx) =>
      this.applyStep(tx, scope, caseId, action, allowedFrom, expectedVersion, run, { skipHandlerCheck: options.reviewer }),
    );
    await this.events.broadcast(events);
    scope.audit.caseIds.add(updated.id);
    return updated;
  }

  /**
   * A step taken inside another module's transaction (a transfer's submission, a platform status):
   * the same lock, stage check, hash-chained event and version bump. The caller has already decided
   * who may act; it broadcasts the returned events after its commit.
   */
  async transitionInTransaction(
    tx: Tx,
    scope: RequestScope,
    caseId: string,
    action: string,
    allowedFrom: readonly CaseStage[],
    step: StepResult,
    options: { skipHandlerCheck?: boolean } = {},
  ): Promise<StoredHubEvent[]> {
    const { events } = await this.applyStep(tx, scope, caseId, action, allowedFrom, null, async () => step, {
      skipHandlerCheck: options.skipHandlerCheck,
      skipScope: true,
    });
    return events;
  }

  /**
   * Lets another module act on a case step inside the step's own transaction (双公示 on a
   * decision, the 12345 reply offered on closing), so the step and its consequence commit together.
   * A hook may return hub events recorded in the transaction; they are broadcast after the commit.
   */
  onStep(hook: CaseStepHook): void {
    this.stepHooks.push(hook);
  }

  /** The where-clause of the cases the caller may read (for other modules' queries). */
  readScope(scope: RequestScope): Prisma.EnforcementCaseWhereInput {
    return caseReadScope(scope.principal);
  }

  private async applyStep(
    tx: Tx,
    scope: RequestScope,
    caseId: string,
    action: string,
    allowedFrom: readonly CaseStage[],
    expectedVersion: number | null | undefined,
    run: (tx: Tx, c: EnforcementCase, now: Date) => Promise<StepResult>,
    options: { skipHandlerCheck?: boolean; skipScope?: boolean },
  ): Promise<{ updated: EnforcementCase; events: StoredHubEvent[] }> {
    const locked = await tx.$queryRawUnsafe<{ id: string }[]>('SELECT "id" FROM "EnforcementCase" WHERE "id" = $1::uuid FOR UPDATE', caseId);
    if (locked.length === 0) throw new NotFoundError('Case', caseId);
    const c = await tx.enforcementCase.findFirst({ where: { AND: [{ id: caseId }, options.skipScope ? {} : caseReadScope(scope.principal)] } });
    if (!c) throw new ForbiddenError('this case is outside your department’s scope', { rule: 'CASE_SCOPE' });
    if (!options.skipHandlerCheck) assertMayHandle(scope.principal, c.departmentId);
    if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== c.version) {
      throw new ConflictError(`the case changed since you read it (version ${c.version}, you had ${expectedVersion})`, {
        currentVersion: c.version,
      });
    }
    if (!allowedFrom.includes(c.stage)) throw new IllegalTransitionError(action, c.stage, allowedFrom);
    const now = this.clock();
    const result = await run(tx, c, now);
    await appendEvent(tx, scope, c.id, c.stage, result, now);
    const updated = await tx.enforcementCase.update({
      where: { id: c.id },
      data: { ...(result.data ?? {}), stage: result.stageAfter, version: { increment: 1 } },
    });
    const extra: StoredHubEvent[] = [];
    for (const hook of this.stepHooks) {
      const recorded = await hook({ tx, scope, before: c, after: updated, eventType: result.type, now });
      if (recorded) extra.push(...recorded);
    }
    // CASE_UPDATED for subscribers is recorded last (after every row lock), broadcast after commit.
    const handling = await tx.department.findUniqueOrThrow({ where: { id: updated.departmentId }, select: { code: true } });
    const update = { caseId: updated.id, caseNo: updated.caseNo, stage: updated.stage, version: updated.version, eventType: result.type, occurredAt: now.toISOString() };
    return { updated, events: [...extra, await this.events.record(tx, caseUpdatedEvent(update, handling.code))] };
  }
}

const ALL_STAGES: readonly CaseStage[] = [
  'RECEIVED',
  'FILED',
  'NOT_FILED',
  'INVESTIGATING',
  'NOTIFIED',
  'LEGAL_REVIEW',
  'DECIDED',
  'SERVED',
  'EXECUTING',
  'CLOSED',
  'TRANSFERRED',
];

/** Stages in which a case is still being handled. */
const OPEN_STAGES: readonly CaseStage[] = ['RECEIVED', 'FILED', 'INVESTIGATING', 'NOTIFIED', 'LEGAL_REVIEW', 'DECIDED', 'SERVED', 'EXECUTING'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return UUID.test(value);
}


function keysetAfter(field: 'registeredAt' | 'updatedAt' | 'caseNo', dir: 'asc' | 'desc', cursor: CursorValue): Prisma.EnforcementCaseWhereInput {
  const op = dir === 'asc' ? 'gt' : 'lt';
  const value = field === 'caseNo' ? cursor.value : new Date(cursor.value);
  return {
    OR: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: cursor.id } }],
  };
}

function checkWithinTier(
  tier: { level: number; penaltyKind: string; fineMin: unknown; fineMax: unknown },
  kind: string,
  fine: string | null,
  field: string,
): void {
  if (kind !== tier.penaltyKind) {
    throw new DiscretionOutOfRangeError(`tier ${tier.level} of the discretion benchmark sets penalty ${tier.penaltyKind}, not ${kind}`, {
      field,
      tierLevel: tier.level,
      penaltyKind: tier.penaltyKind,
    });
  }
  if (kind === 'FINE') {
    const amount = money(fine);
    const min = money(tier.fineMin as string | null);
    const max = money(tier.fineMax as string | null);
    if (fine === null || amount < min || (tier.fineMax !== null && amount > max)) {
      throw new DiscretionOutOfRangeError(`the fine must lie within tier ${tier.level}: ${yuan(min)}–${yuan(max)} yuan`, {
        field,
        tierLevel: tier.level,
        fineMin: yuan(min),
        fineMax: yuan(max),
      });
    }
  }
}

async function appendEvent(tx: Tx, scope: RequestScope, caseId: string, stageBefore: CaseStage | null, step: StepResult, now: Date) {
  const tip = await tx.caseEvent.findFirst({ where: { caseId }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const event = buildCaseEvent(tip, {
    caseId,
    type: step.type,
    stageBefore,
    stageAfter: step.stageAfter,
    payload: step.payload,
    reason: step.reason ?? null,
    actorSub: scope.principal.sub,
    actorDept: scope.principal.dept,
    occurredAt: now,
  });
  await tx.caseEvent.create({ data: { ...event, payload: event.payload as Prisma.InputJsonValue } });
}

/** Case numbers run per street team and year: GH-2026-00017. */
async function nextCaseNo(tx: Tx, departmentCode: string, now: Date): Promise<string> {
  const prefix = `${departmentCode.split('-').pop()}-${shanghaiYear(now)}-`;
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `caseNo:${prefix}`);
  const last = await tx.enforcementCase.findFirst({ where: { caseNo: { startsWith: prefix } }, orderBy: { caseNo: 'desc' }, select: { caseNo: true } });
  const n = last ? Number(last.caseNo.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(5, '0')}`;
}

/** 决定书文号 per team and year: 深龙观湖综执罚决〔2026〕9号. */
async function nextDecisionNo(tx: Tx, department: { code: string; street: string | null }, now: Date): Promise<string> {
  const year = shanghaiYear(now);
  const prefix = `深龙${department.street ?? department.code}综执罚决〔${year}〕`;
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `decisionNo:${prefix}`);
  const numbers = await tx.penaltyDecision.findMany({ where: { decisionNo: { startsWith: prefix } }, select: { decisionNo: true } });
  const max = numbers.reduce((m, d) => Math.max(m, Number(d.decisionNo.slice(prefix.length).replace('号', '')) || 0), 0);
  return `${prefix}${max + 1}号`;
}

function shanghaiYear(date: Date): number {
  return new Date(date.getTime() + 8 * 3600_000).getUTCFullYear();
}
