// 12345 work orders (工单) as the hub's users see and act on them. The hotline is the source of
// truth: every action is queued through the outbox (pendingAction) and the order only changes
// when the hotline's answer, webhook or pull says so (WorkOrderSync applies those).
import type { EnforcementCase, Prisma, PrismaClient, WorkOrder } from '../../generated/prisma/client';
import {
  assertMayHandleWorkOrder,
  assertMayRouteWorkOrder,
  maySeeWorkOrderRequester,
  workOrderReadScope,
} from '../../auth/access-policy';
import type { RequestScope } from '../../context';
import { maskName, maskPhone } from '../../domain/masking';
import {
  ConflictError,
  DeadlinePassedError,
  ForbiddenError,
  IllegalTransitionError,
  NotFoundError,
  ValidationError,
} from '../../errors/domain-errors';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import { workOrderUpdatedEvent, type WorkOrderChange } from '../../events/payloads';
import { enqueueOutbox } from '../../outbox/outbox';
import { ORDER_NO_PATTERN } from '../../../connectors/hotline-12345/types';
import type { CaseService, CaseStepContext } from '../case/case.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import type {
  CreateCaseFromWorkOrderInput,
  ReplyWorkOrderInput,
  ReturnWorkOrderInput,
  WorkOrderExtensionInput,
  WorkOrderFilter,
} from './work-order.input';

type Tx = Prisma.TransactionClient;

export const WORK_ORDER_ACTION_TOPIC = 'hotline.work-order-action';

export type WorkOrderAction = 'SIGN' | 'REPLY' | 'RETURN' | 'EXTENSION';

/** What the outbox carries to the hotline: the request exactly as the contract wants it. */
export interface WorkOrderActionPayload {
  workOrderId: string;
  orderNo: string;
  action: WorkOrderAction;
  /** The dispatch round the action was taken in: a re-dispatched order makes it stale. */
  dispatchRound: number;
  request: Record<string, unknown>;
}

export interface WorkOrderDeadlineView {
  kind: 'SIGN' | 'REPLY' | 'RETURN';
  dueAt: Date;
  metAt: Date | null;
  overdue: boolean;
}

export interface RequesterView {
  name: string | null;
  phone: string | null;
  anonymous: boolean;
  wantsReply: boolean;
  masked: boolean;
}

const OPEN_FOR_REPLY = ['DISPATCHED', 'SIGNED'];

export class WorkOrderService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cases: CaseService,
    private readonly events: EventBus,
    private readonly wake: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // Closing (or not filing) a case opened for an order offers the reply to the citizen.
    cases.onStep((ctx) => this.offerReplyOnCaseEnd(ctx));
  }

  // ───────────── reads ─────────────

  async get(scope: RequestScope, orderNo: string): Promise<WorkOrder> {
    checkOrderNo(orderNo);
    const order = await this.prisma.workOrder.findFirst({ where: { AND: [{ orderNo }, workOrderReadScope(scope.principal)] } });
    if (order) return order;
    const exists = await this.prisma.workOrder.count({ where: { orderNo } });
    if (!exists) throw new NotFoundError('WorkOrder', orderNo);
    throw new ForbiddenError('this work order is routed to another street team', { rule: 'WORK_ORDER_SCOPE' });
  }

  async list(scope: RequestScope, filter: WorkOrderFilter = {}, first = 20, after?: string | null) {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError('first', 'RANGE', 'must be between 1 and 100');
    const now = this.clock();
    const where: Prisma.WorkOrderWhereInput[] = [workOrderReadScope(scope.principal)];
    if (filter.status?.length) where.push({ status: { in: filter.status } });
    if (filter.category?.length) where.push({ category: { in: filter.category } });
    if (filter.urgency?.length) where.push({ urgency: { in: filter.urgency } });
    if (filter.departmentCode) where.push({ department: { is: { code: filter.departmentCode } } });
    if (filter.unrouted) where.push({ departmentId: null });
    if (filter.caseId) where.push({ caseId: filter.caseId });
    if (filter.dispatchedFrom) where.push({ dispatchedAt: { gte: filter.dispatchedFrom } });
    if (filter.dispatchedTo) where.push({ dispatchedAt: { lt: filter.dispatchedTo } });
    if (filter.overdue === true) where.push({ OR: overdueWhere(now) });
    if (filter.overdue === false) where.push({ NOT: { OR: overdueWhere(now) } });
    const base: Prisma.WorkOrderWhereInput = { AND: where };
    const page: Prisma.WorkOrderWhereInput[] = [base];
    if (after) {
      const c = decodeCursor(after, 'DISPATCHED_DESC', { valueIsDate: true });
      const at = new Date(c.value);
      page.push({ OR: [{ dispatchedAt: { lt: at } }, { dispatchedAt: at, id: { lt: c.id } }] });
    }
    const [rows, totalCount] = await Promise.all([
      this.prisma.workOrder.findMany({ where: { AND: page }, orderBy: [{ dispatchedAt: 'desc' }, { id: 'desc' }], take: first + 1 }),
      this.prisma.workOrder.count({ where: base }),
    ]);
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor('DISPATCHED_DESC', node.dispatchedAt, node.id), node }));
    return {
      edges,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  /** Work orders linked to a case the caller may already read (batched per request), within the work-order scope. */
  async byCase(scope: RequestScope, caseId: string): Promise<WorkOrder[]> {
    const rows = await scope.loaders.workOrdersByCaseId.load(caseId);
    const where = workOrderReadScope(scope.principal);
    if (Object.keys(where).length === 0) return rows;
    if (typeof where.departmentId === 'string') return rows.filter((r) => r.departmentId === where.departmentId);
    return [];
  }

  /** The requester, masked unless the caller is the hotline centre or the handling team; unmasked reads are audited. */
  requester(scope: RequestScope, order: WorkOrder): RequesterView {
    const full = maySeeWorkOrderRequester(scope.principal, order.departmentId);
    if (full && (order.requesterName || order.requesterPhone)) {
      scope.audit.personalFields.add('WorkOrder.requester.name');
      scope.audit.personalFields.add('WorkOrder.requester.phone');
    }
    return {
      name: full ? order.requesterName : maskName(order.requesterName),
      phone: full ? order.requesterPhone : maskPhone(order.requesterPhone),
      anonymous: order.requesterAnonymous,
      wantsReply: order.wantsReply,
      masked: !full,
    };
  }

  /** 签收, 办结 and 退单 deadlines as the hotline delivered them, with the hub's overdue flags. */
  deadlines(order: WorkOrder): WorkOrderDeadlineView[] {
    const now = this.clock().getTime();
    const out: WorkOrderDeadlineView[] = [
      {
        kind: 'SIGN',
        dueAt: order.signDeadline,
        metAt: order.signedAt,
        overdue: order.signOverdue || (order.signedAt === null && order.status === 'DISPATCHED' && now > order.signDeadline.getTime()),
      },
      {
        kind: 'REPLY',
        dueAt: order.replyDeadline,
        metAt: order.repliedAt,
        overdue: order.replyOverdue || (order.repliedAt === null && OPEN_FOR_REPLY.includes(order.status) && now > order.replyDeadline.getTime()),
      },
    ];
    if (order.returnDeadline) out.push({ kind: 'RETURN', dueAt: order.returnDeadline, metAt: null, overdue: false });
    return out;
  }

  isOverdue(order: WorkOrder): boolean {
    return this.deadlines(order).some((d) => d.kind !== 'RETURN' && d.overdue);
  }

  // ───────────── actions (through the outbox) ─────────────

  /** 签收: within 2 working hours of dispatch (a late signature is accepted and flagged by the hotline). */
  sign(scope: RequestScope, orderNo: string, signedBy?: string | null): Promise<WorkOrder> {
    return this.queueAction(scope, orderNo, 'SIGN', (order) => {
      if (order.status !== 'DISPATCHED') throw new IllegalTransitionError('signWorkOrder', order.status, ['DISPATCHED']);
      const by = (signedBy ?? scope.principal.sub).trim();
      if (by === '') throw new ValidationError('signedBy', 'REQUIRED', 'must name who signs');
      return { request: { signedBy: by }, data: { signedBy: by } };
    });
  }

  /** 反馈: the result, who handled it, the linked case; may take the reply the hub offered when the case closed. */
  reply(scope: RequestScope, orderNo: string, input: ReplyWorkOrderInput): Promise<WorkOrder> {
    return this.queueAction(scope, orderNo, 'REPLY', async (order, tx) => {
      if (order.status !== 'SIGNED') throw new IllegalTransitionError('replyWorkOrder', order.status, ['SIGNED']);
      const draft = (order.replyDraft ?? null) as { result?: string; linkedCaseNo?: string } | null;
      const result = (input.result ?? (input.useOfferedReply ? draft?.result : undefined) ?? '').trim();
      if (result.length < 10 || result.length > 2000) {
        throw new ValidationError('result', 'LENGTH', 'must be 10–2000 characters (12345 contract), or set useOfferedReply once a reply is offered');
      }
      let linkedCaseNo = input.linkedCaseNo ?? null;
      if (linkedCaseNo === null && order.caseId) {
        linkedCaseNo = (await tx.enforcementCase.findUniqueOrThrow({ where: { id: order.caseId }, select: { caseNo: true } })).caseNo;
      }
      if (linkedCaseNo !== null && linkedCaseNo.length > 64) throw new ValidationError('linkedCaseNo', 'LENGTH', 'must be at most 64 characters');
      const handledBy = input.handledBy.trim();
      if (handledBy === '') throw new ValidationError('handledBy', 'REQUIRED', 'must name who handled the order');
      const handledAt = input.handledAt ?? this.clock();
      const request: Record<string, unknown> = { result, handledBy, handledAt: handledAt.toISOString() };
      if (linkedCaseNo) request.linkedCaseNo = linkedCaseNo;
      return { request, data: { replyResult: result, repliedBy: handledBy } };
    });
  }

  /** 退单: before signing at any time; after signing only until the return deadline (DEADLINE_PASSED after). */
  return(scope: RequestScope, orderNo: string, input: ReturnWorkOrderInput): Promise<WorkOrder> {
    return this.queueAction(scope, orderNo, 'RETURN', (order) => {
      if (order.status !== 'DISPATCHED' && order.status !== 'SIGNED') {
        throw new IllegalTransitionError('returnWorkOrder', order.status, ['DISPATCHED', 'SIGNED']);
      }
      if (order.status === 'SIGNED' && order.returnDeadline && this.clock().getTime() > order.returnDeadline.getTime()) {
        throw new DeadlinePassedError('returnWorkOrder', order.returnDeadline, { orderNo: order.orderNo });
      }
      const reasonText = input.reasonText.trim();
      if (reasonText.length < 5 || reasonText.length > 1000) throw new ValidationError('reasonText', 'LENGTH', 'must be 5–1000 characters');
      if (input.reasonCode === 'DUPLICATE') {
        if (!input.duplicateOfOrderNo) throw new ValidationError('duplicateOfOrderNo', 'REQUIRED', 'is required when the reason is DUPLICATE');
        checkOrderNo(input.duplicateOfOrderNo, 'duplicateOfOrderNo');
        if (input.duplicateOfOrderNo === order.orderNo) throw new ValidationError('duplicateOfOrderNo', 'SELF', 'must name another order');
      }
      const request: Record<string, unknown> = { reasonCode: input.reasonCode, reasonText };
      if (input.reasonCode === 'DUPLICATE') request.duplicateOfOrderNo = input.duplicateOfOrderNo;
      return { request, data: { returnReasonCode: input.reasonCode, returnReasonText: reasonText } };
    });
  }

  /** 延期申请: while SIGNED, before the reply deadline, one at a time, to a later date. */
  requestExtension(scope: RequestScope, orderNo: string, input: WorkOrderExtensionInput): Promise<WorkOrder> {
    return this.queueAction(scope, orderNo, 'EXTENSION', (order) => {
      if (order.status !== 'SIGNED') throw new IllegalTransitionError('requestWorkOrderExtension', order.status, ['SIGNED']);
      if (this.clock().getTime() > order.replyDeadline.getTime()) {
        throw new DeadlinePassedError('requestWorkOrderExtension', order.replyDeadline, { orderNo: order.orderNo });
      }
      if (order.extensionStatus === 'PENDING') throw new ConflictError('an extension request is already pending for this order', { rule: 'ONE_PENDING_EXTENSION' });
      if (input.requestedDeadline.getTime() <= order.replyDeadline.getTime()) {
        throw new ValidationError('requestedDeadline', 'AFTER_REPLY_DEADLINE', 'must be after the current reply deadline');
      }
      const reason = input.reason.trim();
      if (reason.length < 5 || reason.length > 1000) throw new ValidationError('reason', 'LENGTH', 'must be 5–1000 characters');
      return {
        request: { reason, requestedDeadline: input.requestedDeadline.toISOString() },
        data: { extensionReason: reason, extensionRequestedDeadline: input.requestedDeadline, extensionStatus: null, extensionComment: null },
      };
    });
  }

  /**
   * Registers a case (source 12345) for a signed order and links both ways, in one transaction:
   * the case's sourceRef is the order number, the order's case is the new case.
   */
  async createCase(scope: RequestScope, orderNo: string, input: CreateCaseFromWorkOrderInput): Promise<EnforcementCase> {
    const found = await this.get(scope, orderNo);
    assertMayHandleWorkOrder(scope.principal, found.departmentId);
    let events: StoredHubEvent[] = [];
    const created = await this.cases.registerCase(
      scope,
      {
        source: 'HOTLINE_12345',
        sourceRef: orderNo,
        powerItemCode: input.powerItemCode,
        summary: input.summary ?? found.title.slice(0, 500),
        facts: input.facts ?? found.content.slice(0, 5000),
        address: input.address ?? found.address,
        lng: found.lng === null ? undefined : Number(found.lng),
        lat: found.lat === null ? undefined : Number(found.lat),
        officerBadgeNos: input.officerBadgeNos,
        parties: input.parties,
        serious: input.serious,
      } as never,
      async (tx, c) => {
        const order = await lockOrder(tx, found.id);
        if (order.caseId) throw new ConflictError('this work order already has a case', { rule: 'ALREADY_LINKED', caseId: order.caseId });
        if (order.status !== 'SIGNED') throw new IllegalTransitionError('createCaseFromWorkOrder', order.status, ['SIGNED']);
        const updated = await tx.workOrder.update({ where: { id: order.id }, data: { caseId: c.id } });
        events = [await this.recordChange(tx, updated, 'CASE_LINKED', null)];
        return events;
      },
    );
    return created;
  }

  /** Routes an order the hub could not place by street (or moves it) to a street team. */
  async route(scope: RequestScope, orderNo: string, departmentCode: string): Promise<WorkOrder> {
    assertMayRouteWorkOrder(scope.principal);
    const found = await this.get(scope, orderNo);
    const team = await this.prisma.department.findUnique({ where: { code: departmentCode } });
    if (!team) throw new NotFoundError('Department', departmentCode);
    if (team.kind !== 'STREET_TEAM') throw new ValidationError('departmentCode', 'STREET_TEAM', 'work orders are handled by a street team');
    if (found.caseId) throw new ConflictError('a case has been opened for this order; hand the case over instead', { rule: 'CASE_LINKED' });
    const { updated, events } = await this.prisma.$transaction(async (tx) => {
      await lockOrder(tx, found.id);
      const u = await tx.workOrder.update({ where: { id: found.id }, data: { departmentId: team.id } });
      return { updated: u, events: [await this.recordChange(tx, u, 'ROUTED', null)] };
    });
    await this.events.broadcast(events);
    return updated;
  }

  /** Records WORK_ORDER_UPDATED (last write of the transaction: it takes the event log's lock). */
  async recordChange(tx: Tx, order: WorkOrder, change: WorkOrderChange, action: WorkOrderAction | null): Promise<StoredHubEvent> {
    const department = order.departmentId
      ? await tx.department.findUnique({ where: { id: order.departmentId }, select: { code: true } })
      : null;
    return this.events.record(
      tx,
      workOrderUpdatedEvent({
        workOrderId: order.id,
        orderNo: order.orderNo,
        status: order.status,
        version: order.version,
        dispatchRound: order.dispatchRound,
        change,
        action,
        departmentCode: department?.code ?? null,
        urgeCount: order.urgeCount,
        caseId: order.caseId,
        occurredAt: this.clock().toISOString(),
      }),
    );
  }

  private async queueAction(
    scope: RequestScope,
    orderNo: string,
    action: WorkOrderAction,
    prepare: (order: WorkOrder, tx: Tx) => { request: Record<string, unknown>; data: Prisma.WorkOrderUpdateInput } | Promise<{ request: Record<string, unknown>; data: Prisma.WorkOrderUpdateInput }>,
  ): Promise<WorkOrder> {
    const found = await this.get(scope, orderNo);
    assertMayHandleWorkOrder(scope.principal, found.departmentId);
    const { updated, events } = await this.prisma.$transaction(async (tx) => {
      const order = await lockOrder(tx, found.id);
      if (order.pendingAction) {
        throw new ConflictError(`${order.pendingAction} is still being sent to the hotline; wait for its answer`, {
          rule: 'ACTION_PENDING',
          pendingAction: order.pendingAction,
        });
      }
      const { request, data } = await prepare(order, tx);
      const now = this.clock();
      const u = await tx.workOrder.update({
        where: { id: order.id },
        data: { ...data, pendingAction: action, pendingSince: now, lastActionError: null },
      });
      const payload: WorkOrderActionPayload = { workOrderId: order.id, orderNo: order.orderNo, action, dispatchRound: order.dispatchRound, request };
      await enqueueOutbox(tx, {
        topic: WORK_ORDER_ACTION_TOPIC,
        aggregateType: 'WorkOrder',
        aggregateId: order.id,
        // One message per action on one version of the order: a repeated mutation cannot send twice.
        idempotencyKey: `work-order:${order.orderNo}:${order.dispatchRound}:v${order.version}:${action}`,
        payload: payload as unknown as Prisma.InputJsonValue,
      });
      return { updated: u, events: [await this.recordChange(tx, u, 'ACTION_QUEUED', action)] };
    });
    await this.events.broadcast(events);
    this.wake();
    return updated;
  }

  /** Case hook: a case of an order ends (结案 or 不予立案) → the reply is offered on the order. */
  private async offerReplyOnCaseEnd(ctx: CaseStepContext): Promise<StoredHubEvent[] | void> {
    if (ctx.eventType !== 'CLOSED' && ctx.eventType !== 'DECLINED') return;
    const orders = await ctx.tx.workOrder.findMany({ where: { caseId: ctx.after.id, status: { in: ['DISPATCHED', 'SIGNED'] } }, select: { id: true } });
    const events: StoredHubEvent[] = [];
    for (const { id } of orders) {
      const order = await lockOrder(ctx.tx, id);
      const result =
        ctx.eventType === 'CLOSED'
          ? `您反映的问题已立案查处（案件编号${ctx.after.caseNo}），依法作出处理并已结案。${ctx.after.summary}`
          : `您反映的问题经现场核查，不符合立案条件（案件编号${ctx.after.caseNo}），已依法作不予立案处理。`;
      const draft = { result: result.slice(0, 2000), linkedCaseNo: ctx.after.caseNo, offeredAt: ctx.now.toISOString(), caseEvent: ctx.eventType };
      const u = await ctx.tx.workOrder.update({ where: { id: order.id }, data: { replyDraft: draft } });
      events.push(await this.recordChange(ctx.tx, u, 'REPLY_OFFERED', null));
    }
    return events;
  }
}

export async function lockOrder(tx: Tx, id: string): Promise<WorkOrder> {
  await tx.$queryRawUnsafe('SELECT "id" FROM "WorkOrder" WHERE "id" = $1::uuid FOR UPDATE', id);
  return tx.workOrder.findUniqueOrThrow({ where: { id } });
}

export function checkOrderNo(orderNo: string, field = 'orderNo'): void {
  if (!ORDER_NO_PATTERN.test(orderNo)) throw new ValidationError(field, 'ORDER_NO', 'must be SZ12345 followed by 14 digits (12345 工单编号)');
}

function overdueWhere(now: Date): Prisma.WorkOrderWhereInput[] {
  return [
    { signOverdue: true },
    { replyOverdue: true },
    { status: 'DISPATCHED', signDeadline: { lt: now } },
    { status: { in: ['DISPATCHED', 'SIGNED'] }, replyDeadline: { lt: now } },
  ];
}
