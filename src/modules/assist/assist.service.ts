// 协办: one department asks another for help on a case. Every change is one transaction that
// also records the event subscribers see; on-site police support goes to public security
// through the outbox and is followed by polling until it is final.
import type { AssistRequest, AssistStatus, Department, Prisma, PrismaClient } from '../../generated/prisma/client';
import type { RequestScope } from '../../context';
import { hasRole } from '../../auth/principal';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import { ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from '../../errors/domain-errors';
import { enqueueOutbox } from '../../outbox/outbox';
import type { CaseService } from '../case/case.service';
import type { RequestAssistanceInput } from './assist.input';

type Tx = Prisma.TransactionClient;

export const SUPPORT_REQUEST_TOPIC = 'public-security.support-request';
const OPEN: AssistStatus[] = ['REQUESTED', 'ACCEPTED'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AssistFilter {
  departmentCode?: string | null;
  direction?: 'INCOMING' | 'OUTGOING' | null;
  status?: AssistStatus[] | null;
  overdue?: boolean | null;
}

export class AssistService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cases: CaseService,
    private readonly events: EventBus,
    private readonly onOutbox: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  isOverdue(a: Pick<AssistRequest, 'status' | 'dueAt'>): boolean {
    return OPEN.includes(a.status) && a.dueAt.getTime() < this.clock().getTime();
  }

  async requestAssistance(scope: RequestScope, caseId: string, input: RequestAssistanceInput): Promise<AssistRequest> {
    const c = await this.cases.getCase(scope, { id: caseId });
    this.cases.assertMayHandle(scope, c);
    const now = this.clock();
    if (input.dueAt.getTime() <= now.getTime()) throw new ValidationError('dueAt', 'IN_FUTURE', 'must be in the future');
    // Public security refuses a support request for a time already past (INVALID_REQUEST): the
    // outbox message would die on its first attempt and the request stay REQUESTED for ever.
    if (input.scheduledAt && input.scheduledAt.getTime() <= now.getTime()) {
      throw new ValidationError('scheduledAt', 'IN_FUTURE', 'must be in the future');
    }
    const to = await this.prisma.department.findUnique({ where: { code: input.toDepartmentCode } });
    if (!to) throw new ValidationError('toDepartmentCode', 'UNKNOWN_DEPARTMENT', `no department ${input.toDepartmentCode}`);
    if (to.id === c.departmentId) throw new ValidationError('toDepartmentCode', 'OTHER_DEPARTMENT', 'a department does not ask itself for help');
    if (input.kind === 'ONSITE_SUPPORT' && to.kind !== 'PUBLIC_SECURITY') {
      throw new ValidationError('toDepartmentCode', 'PUBLIC_SECURITY_REQUIRED', 'on-site support (公安保障) is asked of public security');
    }
    if (input.kind === 'ONSITE_SUPPORT' && (c.lng === null || c.lat === null)) {
      throw new ValidationError('caseId', 'LOCATION_REQUIRED', 'on-site support needs the case location (lng/lat)');
    }
    const from = await this.prisma.department.findUniqueOrThrow({ where: { id: c.departmentId } });
    const { request, events } = await this.prisma.$transaction(async (tx) => {
      const request = await tx.assistRequest.create({
        data: {
          caseId: c.id,
          fromDepartmentId: from.id,
          toDepartmentId: to.id,
          kind: input.kind,
          question: input.question,
          dueAt: input.dueAt,
          requestedBy: scope.principal.sub,
          requestedAt: now,
        },
      });
      if (input.kind === 'ONSITE_SUPPORT') {
        await enqueueOutbox(tx, {
          topic: SUPPORT_REQUEST_TOPIC,
          aggregateType: 'AssistRequest',
          aggregateId: request.id,
          idempotencyKey: `assist:${request.id}:support-request`,
          payload: {
            assistRequestId: request.id,
            scheduledAt: (input.scheduledAt ?? input.dueAt).toISOString(),
            location: input.location ?? c.address,
          },
        });
      }
      const event = await this.record(tx, request, from, to, now);
      return { request, events: [event] };
    });
    await this.events.broadcast(events);
    if (input.kind === 'ONSITE_SUPPORT') this.onOutbox();
    return request;
  }

  accept(scope: RequestScope, id: string) {
    return this.transition(scope, id, 'acceptAssistRequest', 'to', ['REQUESTED'], (now) => ({ status: 'ACCEPTED', acceptedAt: now }));
  }

  reply(scope: RequestScope, id: string, reply: string) {
    if (reply.trim().length < 2) throw new ValidationError('reply', 'MIN_LENGTH', 'must not be empty');
    return this.transition(scope, id, 'replyAssistRequest', 'to', OPEN, (now) => ({ status: 'REPLIED', reply, repliedAt: now, closedAt: now }));
  }

  decline(scope: RequestScope, id: string, reason: string) {
    if (reason.trim().length < 2) throw new ValidationError('reason', 'MIN_LENGTH', 'must give a reason');
    return this.transition(scope, id, 'declineAssistRequest', 'to', OPEN, (now) => ({ status: 'DECLINED', declineReason: reason, closedAt: now }));
  }

  withdraw(scope: RequestScope, id: string) {
    return this.transition(scope, id, 'withdrawAssistRequest', 'from', OPEN, (now) => ({ status: 'WITHDRAWN', closedAt: now }));
  }

  async get(scope: RequestScope, id: string): Promise<AssistRequest> {
    if (!UUID.test(id)) throw new ValidationError('id', 'UUID', 'must be a UUID');
    const a = await this.prisma.assistRequest.findUnique({ where: { id } });
    if (!a) throw new NotFoundError('AssistRequest', id);
    if (!this.mayRead(scope, a)) throw new ForbiddenError('this assist request is between other departments', { rule: 'ASSIST_PARTIES' });
    scope.audit.caseIds.add(a.caseId);
    return a;
  }

  async list(scope: RequestScope, filter: AssistFilter): Promise<AssistRequest[]> {
    const all = hasRole(scope.principal, 'SUPERVISOR', 'AUDITOR', 'ADMIN');
    let departmentId = scope.principal.departmentId;
    if (filter.departmentCode && filter.departmentCode !== scope.principal.dept) {
      if (!all) throw new ForbiddenError('you may list the assist requests of your own department', { rule: 'OWN_DEPARTMENT' });
      const d = await this.prisma.department.findUnique({ where: { code: filter.departmentCode } });
      if (!d) throw new ValidationError('filter.departmentCode', 'UNKNOWN_DEPARTMENT', `no department ${filter.departmentCode}`);
      departmentId = d.id;
    }
    const sides: Prisma.AssistRequestWhereInput[] =
      filter.direction === 'INCOMING'
        ? [{ toDepartmentId: departmentId }]
        : filter.direction === 'OUTGOING'
          ? [{ fromDepartmentId: departmentId }]
          : [{ toDepartmentId: departmentId }, { fromDepartmentId: departmentId }];
    const where: Prisma.AssistRequestWhereInput = {
      AND: [
        all && !filter.departmentCode ? {} : { OR: sides },
        filter.status?.length ? { status: { in: filter.status } } : {},
        filter.overdue ? { status: { in: OPEN }, dueAt: { lt: this.clock() } } : {},
      ],
    };
    return this.prisma.assistRequest.findMany({ where, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: 500 });
  }

  /**
   * Requests of a case the caller may see (the case itself was already checked): the same rule as
   * get(), so a department that may read the case (a partner under a data-sharing agreement, public
   * security for a transferred case) does not see requests between other departments through it.
   */
  async forCase(scope: RequestScope, caseId: string): Promise<AssistRequest[]> {
    const requests = await scope.loaders.assistRequestsByCaseId.load(caseId);
    return requests.filter((a) => this.mayRead(scope, a));
  }

  /** Applies a status from public security to an on-site support request (poller and outbox handler). */
  async applySupportStatus(
    id: string,
    state: { supportRequestId: string; status: string; declineReason?: string | null; dispatchedOfficers?: number | null },
  ): Promise<void> {
    const now = this.clock();
    const events: StoredHubEvent[] = [];
    await this.prisma.$transaction(async (tx) => {
      const a = await tx.assistRequest.findUnique({ where: { id } });
      if (!a || !OPEN.includes(a.status)) {
        if (a && a.externalStatus !== state.status) {
          await tx.assistRequest.update({ where: { id }, data: { externalRef: state.supportRequestId, externalStatus: state.status } });
        }
        return;
      }
      const data: Prisma.AssistRequestUpdateInput = { externalRef: state.supportRequestId, externalStatus: state.status };
      if ((state.status === 'ACCEPTED' || state.status === 'DISPATCHED') && a.status === 'REQUESTED') {
        Object.assign(data, { status: 'ACCEPTED', acceptedAt: now });
      } else if (state.status === 'COMPLETED') {
        const officers = state.dispatchedOfficers ? `，出警 ${state.dispatchedOfficers} 人` : '';
        Object.assign(data, { status: 'REPLIED', reply: `公安机关已完成现场保障${officers}`, repliedAt: now, closedAt: now });
      } else if (state.status === 'DECLINED') {
        Object.assign(data, { status: 'DECLINED', declineReason: state.declineReason ?? '公安机关未予支援', closedAt: now });
      }
      if (a.externalStatus === state.status && data.status === undefined) return;
      const updated = await tx.assistRequest.update({ where: { id }, data });
      if (updated.status !== a.status) {
        const [from, to] = await Promise.all([
          tx.department.findUniqueOrThrow({ where: { id: updated.fromDepartmentId } }),
          tx.department.findUniqueOrThrow({ where: { id: updated.toDepartmentId } }),
        ]);
        events.push(await this.record(tx, updated, from, to, now));
      }
    });
    await this.events.broadcast(events);
  }

  private mayRead(scope: RequestScope, a: Pick<AssistRequest, 'fromDepartmentId' | 'toDepartmentId'>): boolean {
    return (
      hasRole(scope.principal, 'SUPERVISOR', 'AUDITOR', 'ADMIN') ||
      a.fromDepartmentId === scope.principal.departmentId ||
      a.toDepartmentId === scope.principal.departmentId
    );
  }

  private async transition(
    scope: RequestScope,
    id: string,
    action: string,
    side: 'from' | 'to',
    allowedFrom: AssistStatus[],
    change: (now: Date) => Prisma.AssistRequestUpdateManyMutationInput & { status: AssistStatus },
  ): Promise<AssistRequest> {
    const current = await this.get(scope, id);
    const departmentId = side === 'to' ? current.toDepartmentId : current.fromDepartmentId;
    if (scope.principal.departmentId !== departmentId || !hasRole(scope.principal, 'OFFICER', 'PARTNER', 'TRANSFER_OFFICER')) {
      throw new ForbiddenError(
        side === 'to' ? 'only the department asked may answer this request' : 'only the requesting department may withdraw it',
        { rule: side === 'to' ? 'ASSISTING_DEPARTMENT' : 'REQUESTING_DEPARTMENT' },
      );
    }
    if (current.kind === 'ONSITE_SUPPORT' && side === 'to') {
      throw new IllegalTransitionError(`${action} (public security answers on-site support through its own system)`, current.status, []);
    }
    const now = this.clock();
    const { updated, events } = await this.prisma.$transaction(async (tx) => {
      // Guarded on the status read, so two concurrent answers cannot both apply.
      const res = await tx.assistRequest.updateMany({ where: { id, status: { in: allowedFrom } }, data: change(now) });
      if (res.count === 0) {
        const latest = await tx.assistRequest.findUniqueOrThrow({ where: { id } });
        throw new IllegalTransitionError(action, latest.status, allowedFrom);
      }
      const updated = await tx.assistRequest.findUniqueOrThrow({ where: { id } });
      const [from, to] = await Promise.all([
        tx.department.findUniqueOrThrow({ where: { id: updated.fromDepartmentId } }),
        tx.department.findUniqueOrThrow({ where: { id: updated.toDepartmentId } }),
      ]);
      return { updated, events: [await this.record(tx, updated, from, to, now)] };
    });
    await this.events.broadcast(events);
    return updated;
  }

  private record(tx: Tx, a: AssistRequest, from: Department, to: Department, now: Date) {
    return this.events.record(tx, {
      topic: 'ASSIST_REQUEST_UPDATED',
      caseId: a.caseId,
      assistRequestId: a.id,
      departmentCodes: [from.code, to.code],
      payload: {
        assistRequestId: a.id,
        caseId: a.caseId,
        fromDepartmentCode: from.code,
        toDepartmentCode: to.code,
        status: a.status,
        kind: a.kind,
        dueAt: a.dueAt.toISOString(),
        occurredAt: now.toISOString(),
      },
    });
  }
}
