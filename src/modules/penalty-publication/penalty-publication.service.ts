// 双公示: every administrative penalty decision is reported to the credit platform
// (公共信用信息共享平台) within 7 working days. The publication row and its outbox message are
// created in the decision step's own transaction (a CaseService step hook), so a decision never
// exists without its report queued; publication-delivery.ts sends it and follows its status.
import DataLoader from 'dataloader';
import type { EnforcementCase, PenaltyPublication, Prisma, PrismaClient, PublicationStatus } from '../../generated/prisma/client';
import type { RequestScope } from '../../context';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { IllegalTransitionError, NotFoundError, ValidationError } from '../../errors/domain-errors';
import { enqueueOutbox } from '../../outbox/outbox';
import type { PenaltyRecord } from '../../../connectors/social-credit/types';
import { decodeCursor, encodeCursor } from '../common/cursor';
import type { CaseService, CaseStepContext } from '../case/case.service';
import type { PenaltyPublicationFilter } from './penalty-publication.input';
import { buildPenaltyRecord, isPublishable, RecordBuildError, type RecordLicence, type RecordSource } from './penalty-record';

type Tx = Prisma.TransactionClient;

export const PENALTY_REPORT_TOPIC = 'credit.penalty-report';
/** 行政处罚决定 are published within 7 working days of the decision (Art. 85: working days). */
export const PUBLICATION_WORKING_DAYS = 7;
/** Reports the platform may still change: the poller follows them. */
export const OPEN_AT_PLATFORM: PublicationStatus[] = ['REPORTED', 'VALIDATING'];

const ORDER = 'DUE_AT_DESC';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Payload of a credit.penalty-report message: which publication, and which report of it (1, 2, …). */
export interface PenaltyReportPayload {
  publicationId: string;
  report: number;
}

export interface PublicationPage {
  edges: { cursor: string; node: PenaltyPublication }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Kept so totalCount is only counted when asked for. */
  where: Prisma.PenaltyPublicationWhereInput;
}

export interface PublicationRejection {
  code: string;
  field: string | null;
  message: string;
}

export class PenaltyPublicationService {
  /** Per-request loaders, keyed by the request's own loaders object (fresh for every request). */
  private readonly byCase = new WeakMap<object, DataLoader<string, PenaltyPublication | null>>();
  private readonly visibleCases = new WeakMap<object, DataLoader<string, EnforcementCase | null>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cases: CaseService,
    private readonly calendar: WorkingDayCalendar,
    private readonly maxPageSize: number,
    /** Wakes the outbox worker after a commit that enqueued a report. */
    private readonly onOutbox: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // The decision step's transaction also creates the publication and queues its report.
    cases.onStep((ctx) => this.onCaseStep(ctx));
  }

  // ───────────── creation, in the decision's transaction ─────────────

  private async onCaseStep(ctx: CaseStepContext): Promise<void> {
    if (ctx.eventType !== 'DECIDED') return;
    const decision = await ctx.tx.penaltyDecision.findUnique({ where: { caseId: ctx.after.id } });
    // 不予处罚 is not an administrative penalty: nothing is published.
    if (!decision || !isPublishable(decision.kind)) return;
    const publication = await ctx.tx.penaltyPublication.create({
      data: {
        decisionId: decision.id,
        caseId: ctx.after.id,
        decisionNo: decision.decisionNo,
        status: 'PENDING',
        dueAt: this.dueAt(decision.decidedAt),
      },
    });
    // The worker finds it on its next poll (OUTBOX_POLL_MS): this hook cannot wake it after the step's commit.
    await this.enqueueReport(ctx.tx, publication.id, 1);
  }

  /** 23:59:59.999 (Asia/Shanghai) of the 7th working day after the decision's date. */
  dueAt(decidedAt: Date): Date {
    return this.calendar.endOfWorkingDaysAfter(decidedAt, PUBLICATION_WORKING_DAYS);
  }

  private enqueueReport(tx: Tx, publicationId: string, report: number) {
    const payload: PenaltyReportPayload = { publicationId, report };
    return enqueueOutbox(tx, {
      topic: PENALTY_REPORT_TOPIC,
      aggregateType: 'PenaltyPublication',
      aggregateId: publicationId,
      idempotencyKey: `${PENALTY_REPORT_TOPIC}:${publicationId}:${report}`,
      payload: payload as unknown as Prisma.InputJsonValue,
    });
  }

  // ───────────── the record, built at delivery time ─────────────

  /** Everything the record is built from, as the case stands now (so a correction is picked up). */
  async recordSource(decisionId: string): Promise<RecordSource> {
    const d = await this.prisma.penaltyDecision.findUniqueOrThrow({
      where: { id: decisionId },
      include: {
        case: {
          include: {
            powerItem: true,
            department: true,
            parties: { include: { party: true } },
            permitChecks: { orderBy: { checkedAt: 'desc' } },
          },
        },
      },
    });
    const c = d.case;
    // The record names one party: the respondent (当事人), the earliest recorded if there are several.
    const respondents = c.parties
      .filter((p) => p.role === 'RESPONDENT')
      .map((p) => p.party)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.code.localeCompare(b.code));
    const party = respondents[0];
    if (!party) throw new RecordBuildError('PARTY_REQUIRED', `case ${c.caseNo} names no respondent (当事人) to publish`);
    return {
      case: { caseNo: c.caseNo, summary: c.summary, facts: c.facts, address: c.address, serious: c.serious },
      decision: {
        decisionNo: d.decisionNo,
        kind: d.kind,
        fineAmount: d.fineAmount.toFixed(2),
        confiscatedAmount: d.confiscatedAmount.toFixed(2),
        basis: d.basis,
        reasoning: d.reasoning,
        decidedAt: d.decidedAt,
      },
      party: { kind: party.kind, code: party.code, name: party.name, legalRepName: party.legalRepName, phone: party.phone, address: party.address },
      powerItem: { name: c.powerItem.name, legalBasis: c.powerItem.legalBasis },
      department: { name: c.department.name, kind: c.department.kind, uscc: c.department.uscc },
      licence: licenceOf(c.permitChecks, party.code),
    };
  }

  async buildRecord(decisionId: string): Promise<PenaltyRecord> {
    return buildPenaltyRecord(await this.recordSource(decisionId));
  }

  // ───────────── reads ─────────────

  /** Not yet at the platform although the 7 working days have run out. */
  overdue(p: Pick<PenaltyPublication, 'status' | 'dueAt'>, now: Date = this.clock()): boolean {
    return p.status === 'PENDING' && now.getTime() > p.dueAt.getTime();
  }

  /** The deadline was missed: the report now at the platform arrived after it, or it is overdue. */
  late(p: Pick<PenaltyPublication, 'status' | 'dueAt' | 'reportedAt'>, now: Date = this.clock()): boolean {
    return this.overdue(p, now) || (p.reportedAt !== null && p.reportedAt.getTime() > p.dueAt.getTime());
  }

  rejections(p: { rejections: unknown }): PublicationRejection[] {
    if (!Array.isArray(p.rejections)) return [];
    return (p.rejections as Array<Record<string, unknown>>).map((r) => ({
      code: String(r.code ?? ''),
      field: typeof r.field === 'string' ? r.field : null,
      message: String(r.message ?? ''),
    }));
  }

  async list(
    scope: RequestScope,
    args: { filter?: PenaltyPublicationFilter | null; first?: number | null; after?: string | null },
  ): Promise<PublicationPage> {
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > this.maxPageSize) {
      throw new ValidationError('first', 'PAGE_SIZE', `must be between 1 and ${this.maxPageSize}`);
    }
    const where: Prisma.PenaltyPublicationWhereInput = {
      AND: [{ decision: { is: { case: { is: this.cases.readScope(scope) } } } }, this.filterWhere(args.filter ?? {})],
    };
    const conditions: Prisma.PenaltyPublicationWhereInput[] = [where];
    if (args.after) {
      const cursor = decodeCursor(args.after, ORDER, { valueIsDate: true });
      const dueAt = new Date(cursor.value);
      conditions.push({ OR: [{ dueAt: { lt: dueAt } }, { dueAt, id: { lt: cursor.id } }] });
    }
    const rows = await this.prisma.penaltyPublication.findMany({
      where: { AND: conditions },
      orderBy: [{ dueAt: 'desc' }, { id: 'desc' }],
      take: first + 1,
    });
    const page = rows.slice(0, first);
    for (const p of page) if (p.caseId) scope.audit.caseIds.add(p.caseId);
    const edges = page.map((node) => ({ cursor: encodeCursor(ORDER, node.dueAt, node.id), node }));
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

  count(where: Prisma.PenaltyPublicationWhereInput): Promise<number> {
    return this.prisma.penaltyPublication.count({ where });
  }

  private filterWhere(filter: PenaltyPublicationFilter): Prisma.PenaltyPublicationWhereInput {
    const and: Prisma.PenaltyPublicationWhereInput[] = [];
    const now = this.clock();
    const dueAt = this.prisma.penaltyPublication.fields.dueAt;
    const overdue: Prisma.PenaltyPublicationWhereInput = { status: 'PENDING', dueAt: { lt: now } };
    if (filter.status?.length) and.push({ status: { in: filter.status } });
    if (filter.late === true) and.push({ OR: [overdue, { reportedAt: { gt: dueAt } }] });
    if (filter.late === false) and.push({ NOT: overdue }, { OR: [{ reportedAt: null }, { reportedAt: { lte: dueAt } }] });
    if (filter.departmentCode?.length) {
      and.push({ decision: { is: { case: { is: { department: { is: { code: { in: filter.departmentCode } } } } } } } });
    }
    if (filter.decidedFrom) and.push({ decision: { is: { decidedAt: { gte: filter.decidedFrom } } } });
    if (filter.decidedTo) and.push({ decision: { is: { decidedAt: { lt: filter.decidedTo } } } });
    if (filter.decidedFrom && filter.decidedTo && filter.decidedFrom.getTime() > filter.decidedTo.getTime()) {
      throw new ValidationError('filter.decidedTo', 'RANGE', 'must not be before decidedFrom');
    }
    return { AND: and };
  }

  /** The publication of a case the caller already sees; batched per request (one query for a page of cases). */
  forCase(scope: RequestScope, caseId: string): Promise<PenaltyPublication | null> {
    let loader = this.byCase.get(scope.loaders);
    if (!loader) {
      loader = new DataLoader<string, PenaltyPublication | null>(async (ids) => {
        const rows = await this.prisma.penaltyPublication.findMany({ where: { caseId: { in: [...ids] } } });
        const byId = new Map(rows.map((r) => [r.caseId as string, r]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.byCase.set(scope.loaders, loader);
    }
    return loader.load(caseId);
  }

  /** When the decision was made (batched per request). */
  async decidedAt(scope: RequestScope, p: Pick<PenaltyPublication, 'caseId' | 'decisionId'>): Promise<Date> {
    const decision = p.caseId ? await scope.loaders.decisionByCaseId.load(p.caseId) : null;
    if (decision) return decision.decidedAt;
    return (await this.prisma.penaltyDecision.findUniqueOrThrow({ where: { id: p.decisionId }, select: { decidedAt: true } })).decidedAt;
  }

  /** The case of a publication, batched per request and within the caller's scope. */
  async caseOf(scope: RequestScope, p: Pick<PenaltyPublication, 'caseId'>): Promise<EnforcementCase> {
    if (!p.caseId) throw new NotFoundError('Case', 'of this publication');
    let loader = this.visibleCases.get(scope.loaders);
    if (!loader) {
      loader = new DataLoader<string, EnforcementCase | null>(async (ids) => {
        const rows = await this.prisma.enforcementCase.findMany({ where: { AND: [{ id: { in: [...ids] } }, this.cases.readScope(scope)] } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.visibleCases.set(scope.loaders, loader);
    }
    const found = await loader.load(p.caseId);
    if (found) {
      scope.audit.caseIds.add(found.id);
      return found;
    }
    return this.cases.getCase(scope, { id: p.caseId }); // FORBIDDEN or NOT_FOUND, with the usual wording
  }

  // ───────────── writes ─────────────

  /**
   * After the platform rejected the report and the handling team corrected the case: a new report
   * of the same decision (the platform gives it a new receipt). Only while REJECTED, only by an
   * OFFICER of the handling department.
   */
  async reportAgain(scope: RequestScope, caseId: string): Promise<PenaltyPublication> {
    if (!UUID.test(caseId)) throw new ValidationError('caseId', 'UUID', 'must be a UUID');
    const c = await this.cases.getCase(scope, { id: caseId });
    this.cases.assertMayHandle(scope, c);
    const updated = await this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "PenaltyPublication" WHERE "caseId" = ${c.id}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError('PenaltyPublication', `of case ${c.caseNo}`);
      const p = await tx.penaltyPublication.findUniqueOrThrow({ where: { id: locked[0].id } });
      if (p.status !== 'REJECTED') throw new IllegalTransitionError('reportPenaltyAgain', p.status, ['REJECTED']);
      const next = await tx.penaltyPublication.update({ where: { id: p.id }, data: { status: 'PENDING', nextPollAt: null, lastError: null } });
      await this.enqueueReport(tx, p.id, p.reportCount + 1);
      return next;
    });
    this.onOutbox();
    scope.audit.caseIds.add(c.id);
    return updated;
  }
}

/** 暂扣/吊销: the permit found by the case's latest permit check, the party's own first. */
function licenceOf(checks: Array<{ permitNo: string; snapshot: Prisma.JsonValue }>, partyCode: string): RecordLicence | null {
  const read = (s: Prisma.JsonValue) => (s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : {});
  const own = checks.find((c) => read(c.snapshot).holderCode === partyCode) ?? checks[0];
  if (!own) return null;
  const snapshot = read(own.snapshot);
  const name = typeof snapshot.typeName === 'string' && snapshot.typeName ? snapshot.typeName : '许可证件';
  return { name, number: own.permitNo };
}
