// 督办 (supervision items): issued by supervisors, raised automatically by the deadline scheduler,
// answered by the department that must act, closed by supervisors. Every change is pushed to the
// department's supervisionAlert subscribers.
import type { Prisma, PrismaClient, SupervisionItem, SupervisionLevel, SupervisionReason, SupervisionStatus, SupervisionTargetType } from '../../generated/prisma/client';
import { seesEveryDepartment } from '../../auth/access-policy';
import { hasRole, type Principal } from '../../auth/principal';
import type { RequestScope } from '../../context';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from '../../errors/domain-errors';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import { supervisionAlertEvent } from '../../events/payloads';
import { decodeCursor, encodeCursor } from '../common/cursor';

type Tx = Prisma.TransactionClient;

export interface SupervisionFilter {
  departmentCode?: string | null;
  status?: SupervisionStatus[] | null;
  level?: SupervisionLevel[] | null;
  targetType?: SupervisionTargetType | null;
  targetId?: string | null;
  /** true: raised by the deadline scheduler; false: issued by a supervisor. */
  automatic?: boolean | null;
}

export interface IssueSupervisionInput {
  targetType: SupervisionTargetType;
  targetId: string;
  reason: SupervisionReason;
  level: SupervisionLevel;
  dueAt: Date;
  note?: string | null;
}

export interface SupervisionTarget {
  departmentId: string;
  departmentCode: string;
  reference: string;
  caseId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class SupervisionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly events: EventBus,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private scopeWhere(principal: Principal): Prisma.SupervisionItemWhereInput {
    return seesEveryDepartment(principal) ? {} : { departmentId: principal.departmentId };
  }

  async get(scope: RequestScope, id: string): Promise<SupervisionItem> {
    if (!UUID.test(id)) throw new ValidationError('id', 'UUID', 'must be a UUID');
    const item = await this.prisma.supervisionItem.findUnique({ where: { id } });
    if (!item) throw new NotFoundError('SupervisionItem', id);
    if (!seesEveryDepartment(scope.principal) && item.departmentId !== scope.principal.departmentId) {
      throw new ForbiddenError('this supervision item concerns another department', { rule: 'OWN_DEPARTMENT' });
    }
    return item;
  }

  async list(scope: RequestScope, filter: SupervisionFilter = {}, first = 50, after?: string | null) {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw new ValidationError('first', 'RANGE', 'must be between 1 and 200');
    const where: Prisma.SupervisionItemWhereInput[] = [this.scopeWhere(scope.principal)];
    if (filter.departmentCode) where.push({ department: { is: { code: filter.departmentCode } } });
    if (filter.status?.length) where.push({ status: { in: filter.status } });
    if (filter.level?.length) where.push({ level: { in: filter.level } });
    if (filter.targetType) where.push({ targetType: filter.targetType });
    if (filter.targetId) where.push({ targetId: filter.targetId });
    if (filter.automatic === true) where.push({ deadlineKind: { not: null } });
    if (filter.automatic === false) where.push({ deadlineKind: null });
    const base: Prisma.SupervisionItemWhereInput = { AND: where };
    const page = [base];
    if (after) {
      const c = decodeCursor(after, 'ISSUED_DESC', { valueIsDate: true });
      const at = new Date(c.value);
      page.push({ OR: [{ issuedAt: { lt: at } }, { issuedAt: at, id: { lt: c.id } }] });
    }
    const [rows, totalCount] = await Promise.all([
      this.prisma.supervisionItem.findMany({ where: { AND: page }, orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }], take: first + 1 }),
      this.prisma.supervisionItem.count({ where: base }),
    ]);
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor('ISSUED_DESC', node.issuedAt, node.id), node }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** 督办: a supervisor orders a department to act on a case, request, transfer, work order or publication. */
  async issue(scope: RequestScope, input: IssueSupervisionInput): Promise<SupervisionItem> {
    if (!hasRole(scope.principal, 'SUPERVISOR', 'ADMIN')) {
      throw new ForbiddenError('督办 is issued by a SUPERVISOR', { requiredRole: 'SUPERVISOR' });
    }
    if (!UUID.test(input.targetId)) throw new ValidationError('targetId', 'UUID', 'must be a UUID');
    const now = this.clock();
    if (input.dueAt.getTime() <= now.getTime()) throw new ValidationError('dueAt', 'FUTURE', 'must be in the future');
    const note = input.note?.trim() || null;
    if (note !== null && note.length > 2000) throw new ValidationError('note', 'LENGTH', 'must be at most 2000 characters');
    const target = await this.target(this.prisma, input.targetType, input.targetId);
    let recorded: StoredHubEvent[] = [];
    const item = await this.prisma.$transaction(async (tx) => {
      const created = await tx.supervisionItem.create({
        data: {
          targetType: input.targetType,
          targetId: input.targetId,
          reason: input.reason,
          level: input.level,
          note,
          departmentId: target.departmentId,
          issuedBy: scope.principal.sub,
          issuedAt: now,
          dueAt: input.dueAt,
        },
      });
      recorded = [await this.recordAlert(tx, created, target, 'ISSUED')];
      return created;
    });
    await this.events.broadcast(recorded);
    if (target.caseId) scope.audit.caseIds.add(target.caseId);
    return item;
  }

  /** The department answers (what it did, or why it could not). */
  async respond(scope: RequestScope, id: string, response: string): Promise<SupervisionItem> {
    const text = response.trim();
    if (text.length < 2 || text.length > 2000) throw new ValidationError('response', 'LENGTH', 'must be 2–2000 characters');
    return this.change(scope, id, 'RESPONDED', (item) => {
      if (item.departmentId !== scope.principal.departmentId) {
        throw new ForbiddenError('only the department under supervision answers it', { rule: 'OWN_DEPARTMENT' });
      }
      if (item.status !== 'OPEN') throw new IllegalTransitionError('respondToSupervision', item.status, ['OPEN']);
      return { status: 'RESPONDED', response: text, respondedAt: this.clock() };
    });
  }

  /** A supervisor closes the item (after the answer, or when the matter is settled). */
  async close(scope: RequestScope, id: string, note?: string | null): Promise<SupervisionItem> {
    if (!hasRole(scope.principal, 'SUPERVISOR', 'ADMIN')) throw new ForbiddenError('督办 is closed by a SUPERVISOR', { requiredRole: 'SUPERVISOR' });
    return this.change(scope, id, 'CLOSED', (item) => {
      if (item.status === 'CLOSED') throw new IllegalTransitionError('closeSupervision', item.status, ['OPEN', 'RESPONDED']);
      const n = note?.trim();
      return { status: 'CLOSED', closedAt: this.clock(), ...(n ? { note: item.note ? `${item.note}\n${n}` : n } : {}) };
    });
  }

  private async change(
    scope: RequestScope,
    id: string,
    change: string,
    apply: (item: SupervisionItem) => Prisma.SupervisionItemUpdateInput,
  ): Promise<SupervisionItem> {
    await this.get(scope, id);
    let recorded: StoredHubEvent[] = [];
    const updated = await this.prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe('SELECT "id" FROM "SupervisionItem" WHERE "id" = $1::uuid FOR UPDATE', id);
      const item = await tx.supervisionItem.findUniqueOrThrow({ where: { id } });
      const u = await tx.supervisionItem.update({ where: { id }, data: apply(item) });
      const target = await this.target(tx, u.targetType, u.targetId).catch(() => null);
      if (target) recorded = [await this.recordAlert(tx, u, target, change)];
      return u;
    });
    await this.events.broadcast(recorded);
    return updated;
  }

  /** The department that must act on a target, with a reference people recognise. */
  async target(db: Tx | PrismaClient, type: SupervisionTargetType, id: string): Promise<SupervisionTarget> {
    const dept = async (departmentId: string) => (await db.department.findUniqueOrThrow({ where: { id: departmentId }, select: { code: true } })).code;
    switch (type) {
      case 'CASE': {
        const c = await db.enforcementCase.findUnique({ where: { id }, select: { departmentId: true, caseNo: true } });
        if (!c) throw new NotFoundError('Case', id);
        return { departmentId: c.departmentId, departmentCode: await dept(c.departmentId), reference: c.caseNo, caseId: id };
      }
      case 'ASSIST_REQUEST': {
        const a = await db.assistRequest.findUnique({ where: { id }, select: { toDepartmentId: true, caseId: true, case: { select: { caseNo: true } } } });
        if (!a) throw new NotFoundError('AssistRequest', id);
        return { departmentId: a.toDepartmentId, departmentCode: await dept(a.toDepartmentId), reference: a.case.caseNo, caseId: a.caseId };
      }
      case 'TRANSFER': {
        const t = await db.transfer.findUnique({ where: { id }, select: { fromDepartmentId: true, transferNo: true, caseId: true } });
        if (!t) throw new NotFoundError('Transfer', id);
        return { departmentId: t.fromDepartmentId, departmentCode: await dept(t.fromDepartmentId), reference: t.transferNo, caseId: t.caseId };
      }
      case 'WORK_ORDER': {
        const o = await db.workOrder.findUnique({ where: { id }, select: { departmentId: true, orderNo: true, caseId: true } });
        if (!o) throw new NotFoundError('WorkOrder', id);
        if (!o.departmentId) throw new ValidationError('targetId', 'ROUTED', 'the work order is not routed to a street team yet');
        return { departmentId: o.departmentId, departmentCode: await dept(o.departmentId), reference: o.orderNo, caseId: o.caseId };
      }
      case 'PENALTY_PUBLICATION': {
        const p = await db.penaltyPublication.findUnique({ where: { id }, select: { decision: { select: { case: { select: { id: true, caseNo: true, departmentId: true } } } } } });
        if (!p) throw new NotFoundError('PenaltyPublication', id);
        const c = p.decision.case;
        return { departmentId: c.departmentId, departmentCode: await dept(c.departmentId), reference: c.caseNo, caseId: c.id };
      }
    }
  }

  /** SUPERVISION_ALERT for the department's subscribers (the last write of the transaction). */
  recordAlert(tx: Tx, item: SupervisionItem, target: SupervisionTarget, change: string): Promise<StoredHubEvent> {
    return this.events.record(
      tx,
      supervisionAlertEvent(
        {
          supervisionItemId: item.id,
          targetType: item.targetType,
          targetId: item.targetId,
          reference: target.reference,
          deadlineKind: item.deadlineKind,
          reason: item.reason,
          level: item.level,
          status: item.status,
          departmentCode: target.departmentCode,
          dueAt: item.dueAt.toISOString(),
          change,
          occurredAt: this.clock().toISOString(),
        },
        target.caseId,
      ),
    );
  }

  /** Runs the deadline scheduler now (also on its own timer): supervisors and admins. */
  async scanNow(scope: RequestScope) {
    if (!hasRole(scope.principal, 'SUPERVISOR', 'ADMIN')) throw new ForbiddenError('the deadline scan is run by a SUPERVISOR or ADMIN', { requiredRole: 'SUPERVISOR' });
    if (!this.scheduler) throw new ForbiddenError('the deadline scheduler is not configured on this instance', { rule: 'SCHEDULER' });
    return this.scheduler.runOnce();
  }

  /** Set once the scheduler exists (it needs this service). */
  scheduler: { runOnce(): Promise<{ ran: boolean; openDeadlines: number; raised: number; closed: number }> } | null = null;

  /** When an automatic YELLOW/RED item should be answered: the end of the next working day. */
  answerBy(now: Date): Date {
    return this.calendar.endOfWorkingDaysAfter(now, 1);
  }
}
