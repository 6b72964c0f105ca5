import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { HubContext } from '../../context';
import type { StoredHubEvent } from '../../events/event-bus';
import { delivered } from '../events/events.resolver';
import type { WorkOrderUpdatedPayload } from '../../events/payloads';
import type { WorkOrder as WorkOrderRow } from '../../generated/prisma/client';
import { EnforcementCase } from '../case/case.type';
import { Department } from '../department/department.type';
import {
  CreateCaseFromWorkOrderInput,
  ReplyWorkOrderInput,
  ReturnWorkOrderInput,
  WorkOrderExtensionInput,
  WorkOrderFilter,
} from './work-order.input';
import {
  WorkOrder,
  WorkOrderAction,
  WorkOrderConnection,
  WorkOrderDeadline,
  WorkOrderExtension,
  WorkOrderReplyOffer,
  WorkOrderRequester,
  WorkOrderStatus,
  WorkOrderUpdate,
} from './work-order.type';

const SINCE = 'Sequence number of the last event you received: the events after it are sent first, then live ones.';

type Row = WorkOrderRow;

@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  @Query(() => WorkOrderConnection, { description: '12345 work orders you may see (a street team: those routed to it)' })
  workOrders(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => WorkOrderFilter, { nullable: true }) filter?: WorkOrderFilter,
    @Arg('first', () => Int, { defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return ctx.services.workOrders.list(ctx, filter ?? {}, first, after);
  }

  @Query(() => WorkOrder)
  workOrder(@Ctx() ctx: HubContext, @Arg('orderNo') orderNo: string) {
    return ctx.services.workOrders.get(ctx, orderNo);
  }

  @Mutation(() => WorkOrder, { description: '签收 (within 2 working hours of dispatch; sent to the hotline through the outbox)' })
  signWorkOrder(@Ctx() ctx: HubContext, @Arg('orderNo') orderNo: string, @Arg('signedBy', () => String, { nullable: true }) signedBy?: string) {
    return ctx.services.workOrders.sign(ctx, orderNo, signedBy);
  }

  @Mutation(() => WorkOrder, { description: '反馈办理结果 (sent through the outbox)' })
  replyWorkOrder(@Ctx() ctx: HubContext, @Arg('orderNo') orderNo: string, @Arg('input', () => ReplyWorkOrderInput) input: ReplyWorkOrderInput) {
    return ctx.services.workOrders.reply(ctx, orderNo, input);
  }

  @Mutation(() => WorkOrder, { description: '退单: before signing at any time, after signing until the return deadline (DEADLINE_PASSED after)' })
  returnWorkOrder(@Ctx() ctx: HubContext, @Arg('orderNo') orderNo: string, @Arg('input', () => ReturnWorkOrderInput) input: ReturnWorkOrderInput) {
    return ctx.services.workOrders.return(ctx, orderNo, input);
  }

  @Mutation(() => WorkOrder, { description: '延期申请: decided by the hotline later (EXTENSION_DECIDED)' })
  requestWorkOrderExtension(
    @Ctx() ctx: HubContext,
    @Arg('orderNo') orderNo: string,
    @Arg('input', () => WorkOrderExtensionInput) input: WorkOrderExtensionInput,
  ) {
    return ctx.services.workOrders.requestExtension(ctx, orderNo, input);
  }

  @Mutation(() => EnforcementCase, { description: 'Registers a case with source 12345 for a signed order and links the two' })
  createCaseFromWorkOrder(
    @Ctx() ctx: HubContext,
    @Arg('orderNo') orderNo: string,
    @Arg('input', () => CreateCaseFromWorkOrderInput) input: CreateCaseFromWorkOrderInput,
  ) {
    return ctx.services.workOrders.createCase(ctx, orderNo, input);
  }

  @Mutation(() => WorkOrder, { description: 'Routes an order to a street team (bureau or supervisor), e.g. one whose street the hub did not recognise' })
  routeWorkOrder(@Ctx() ctx: HubContext, @Arg('orderNo') orderNo: string, @Arg('departmentCode') departmentCode: string) {
    return ctx.services.workOrders.route(ctx, orderNo, departmentCode);
  }

  @FieldResolver(() => WorkOrderRequester)
  requester(@Root() o: Row, @Ctx() ctx: HubContext) {
    return ctx.services.workOrders.requester(ctx, o);
  }

  @FieldResolver(() => [WorkOrderDeadline])
  deadlines(@Root() o: Row, @Ctx() ctx: HubContext) {
    return ctx.services.workOrders.deadlines(o);
  }

  @FieldResolver(() => Boolean, { description: 'Signing or replying is overdue (the hotline’s flags, or past due now)' })
  overdue(@Root() o: Row, @Ctx() ctx: HubContext) {
    return ctx.services.workOrders.isOverdue(o);
  }

  @FieldResolver(() => WorkOrderExtension, { nullable: true })
  extension(@Root() o: Row): WorkOrderExtension | null {
    if (!o.extensionReason && !o.extensionId) return null;
    return {
      extensionId: o.extensionId,
      status: o.extensionStatus,
      reason: o.extensionReason,
      requestedDeadline: o.extensionRequestedDeadline,
      comment: o.extensionComment,
    };
  }

  @FieldResolver(() => WorkOrderReplyOffer, { nullable: true, description: 'Offered once the linked case is closed or not filed' })
  replyOffer(@Root() o: Row): WorkOrderReplyOffer | null {
    const d = o.replyDraft as { result?: string; linkedCaseNo?: string; offeredAt?: string } | null;
    if (!d?.result) return null;
    return { result: d.result, linkedCaseNo: d.linkedCaseNo ?? null, offeredAt: new Date(d.offeredAt ?? o.updatedAt) };
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The street team the order is routed to (null while unrouted)' })
  department(@Root() o: Row, @Ctx() ctx: HubContext) {
    return o.departmentId ? ctx.loaders.departmentById.load(o.departmentId) : null;
  }

  @FieldResolver(() => EnforcementCase, { nullable: true, description: 'The case opened for this order' })
  case(@Root() o: Row, @Ctx() ctx: HubContext) {
    return o.caseId ? ctx.services.cases.getCase(ctx, { id: o.caseId }) : null;
  }

  @Subscription(() => WorkOrderUpdate, {
    description: 'Changes of the work orders routed to a street team (its own team; supervisors, bureaus and the hotline centre any)',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { departmentCode: string; since?: string | null }, HubContext>) =>
      context.services.eventSubscriptions.workOrderUpdated(context, args.departmentCode, args.since),
  })
  workOrderUpdated(
    @Root() event: StoredHubEvent,
    @Arg('departmentCode') _departmentCode: string,
    @Arg('since', () => String, { nullable: true, description: SINCE }) _since?: string | null,
  ): WorkOrderUpdate {
    const p = delivered(event).payload as WorkOrderUpdatedPayload;
    return {
      sequence: event.seq,
      workOrderId: p.workOrderId,
      orderNo: p.orderNo,
      status: p.status as WorkOrderStatus,
      version: p.version,
      dispatchRound: p.dispatchRound,
      change: p.change,
      action: (p.action as WorkOrderAction | null) ?? null,
      departmentCode: p.departmentCode,
      urgeCount: p.urgeCount,
      caseId: p.caseId,
      occurredAt: new Date(p.occurredAt),
    };
  }
}

@Resolver(() => EnforcementCase)
export class CaseWorkOrdersResolver {
  @FieldResolver(() => [WorkOrder], { description: '12345 work orders this case was opened for' })
  workOrders(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.services.workOrders.byCase(ctx, c.id);
  }
}
