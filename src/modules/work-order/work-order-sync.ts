// Keeps the hub's copy of 12345 work orders in step with the hotline: signed webhooks (verified on
// the raw bytes, deduplicated by eventId, never letting an older orderVersion overwrite newer
// state), a reconciliation poller for what webhooks missed, and the outbox handler that sends the
// hub's actions (sign, reply, return, extension).
import type { Prisma, PrismaClient, WorkOrder } from '../../generated/prisma/client';
import type { WorkOrderStatus } from '../../generated/prisma/enums';
import {
  parseWorkOrderEvent,
  verifyWebhookSignature,
  type HotlineConnector,
  type WorkOrder as HotlineOrder,
  type WorkOrderEvent,
} from '../../../connectors/hotline-12345';
import { ConnectorError } from '../../../connectors/core/connector-error';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { replyDeadline as expectedReplyDeadline, type WorkOrderCategory, type WorkOrderUrgency } from '../../domain/work-order-deadlines';
import type { EventBus, StoredHubEvent } from '../../events/event-bus';
import type { WorkOrderChange } from '../../events/payloads';
import { PermanentOutboxError, type OutboxHandler } from '../../outbox/outbox';
import { PeriodicTask } from '../../workers/periodic-task';
import { receiveOnce } from '../../events/receive-once';
import {
  WORK_ORDER_ACTION_TOPIC,
  lockOrder,
  type WorkOrderAction,
  type WorkOrderActionPayload,
  type WorkOrderService,
} from './work-order.service';

const SOURCE = 'hotline-12345';
/** Contract: poll from the last seen updatedAt minus 5 minutes. */
const RECONCILE_OVERLAP_MS = 5 * 60_000;

interface Logger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
}

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface ApplyOutcome {
  applied: boolean;
  /** The event could not be applied on its own (unknown order, or versions missing in between): the full order is fetched. */
  needsFetch: boolean;
}

export class WorkOrderSync {
  private readonly reconcileTask: PeriodicTask;
  /** Background fetches of orders an event could not be applied to (tests and stop() wait for them). */
  private readonly fetches = new Set<Promise<unknown>>();
  private streetTeams: Promise<Map<string, string>> | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly connector: HotlineConnector,
    private readonly workOrders: WorkOrderService,
    private readonly events: EventBus,
    private readonly calendar: WorkingDayCalendar,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.reconcileTask = new PeriodicTask('work-order reconciliation', () => this.reconcile(), logger);
  }

  handlers(): Record<string, OutboxHandler> {
    return { [WORK_ORDER_ACTION_TOPIC]: (m, ctx) => this.deliverAction(m.payload as unknown as WorkOrderActionPayload, ctx.attempt) };
  }

  // ───────────── webhooks ─────────────

  /** POST /webhooks/hotline/work-orders: signature and window, dedupe by eventId, then apply. */
  async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<WebhookAnswer> {
    const now = this.clock();
    const verified = verifyWebhookSignature(rawBody, signature, this.connector.webhookSecrets, Math.floor(now.getTime() / 1000));
    if (!verified.ok) {
      this.logger.warn({ reason: verified.reason }, 'hotline webhook refused');
      return { status: 401, body: { code: 'INVALID_SIGNATURE', message: `webhook signature refused: ${verified.reason}` } };
    }
    const parsed = parseWorkOrderEvent(rawBody);
    if (!parsed.ok) return { status: 400, body: { code: 'INVALID_ARGUMENT', message: parsed.problem } };
    const event = parsed.event;
    const payload = JSON.parse(rawBody.toString('utf8')) as Prisma.InputJsonValue;
    const received = await receiveOnce(this.prisma, { source: SOURCE, eventId: event.eventId, payload }, () => this.applyEvent(event));
    if (received.duplicate) return { status: 200, body: { received: true, duplicate: true } };
    // The hotline wants an answer within 5 s: an order to fetch is fetched after answering (a
    // failed fetch is caught by the reconciliation poller).
    if (received.result.needsFetch) this.fetchLater(event.orderNo);
    return { status: 200, body: { received: true, applied: received.result.applied } };
  }

  /** Applies one webhook event; partial events need the stored order at exactly the previous version. */
  async applyEvent(event: WorkOrderEvent): Promise<ApplyOutcome> {
    if (event.type === 'WORK_ORDER_DISPATCHED') {
      const applied = await this.applyOrder(event.data, null);
      return { applied, needsFetch: false };
    }
    let recorded: StoredHubEvent[] = [];
    const outcome = await this.prisma.$transaction(async (tx): Promise<ApplyOutcome> => {
      const existing = await tx.workOrder.findUnique({ where: { orderNo: event.orderNo }, select: { id: true } });
      // An URGED/RECALLED/EVALUATION event may precede the DISPATCHED one: fetch the order.
      if (!existing) return { applied: false, needsFetch: true };
      const order = await lockOrder(tx, existing.id);
      if (event.orderVersion <= order.version) return { applied: false, needsFetch: false }; // older or same: never regress
      if (event.orderVersion > order.version + 1) return { applied: false, needsFetch: true }; // missed a change in between
      const { data, change } = eventChange(event, order);
      const updated = await tx.workOrder.update({ where: { id: order.id }, data: { ...data, version: event.orderVersion } });
      recorded = [await this.workOrders.recordChange(tx, updated, change, null)];
      return { applied: true, needsFetch: false };
    });
    await this.events.broadcast(recorded);
    return outcome;
  }

  /**
   * Stores an order as the hotline delivered it (DISPATCHED webhook, pull, action answer) if its
   * version is newer than the stored one. New orders are routed to the street team of their street.
   */
  async applyOrder(o: HotlineOrder, change: WorkOrderChange | null): Promise<boolean> {
    const teams = await this.streetTeamIds();
    let recorded: StoredHubEvent[] = [];
    const applied = await this.prisma.$transaction(async (tx) => {
      const existing = await tx.workOrder.findUnique({ where: { orderNo: o.orderNo }, select: { id: true } });
      const data = orderData(o);
      if (!existing) {
        const departmentId = teams.get(streetName(o.location.street)) ?? null;
        const created = await tx.workOrder
          .create({ data: { ...data, orderNo: o.orderNo, departmentId } })
          .catch((err: { code?: string }) => {
            if (err.code === 'P2002') return null; // created concurrently: the other writer wins this version
            throw err;
          });
        if (!created) return false;
        if (!departmentId) this.logger.warn({ orderNo: o.orderNo }, 'work order could not be routed by street: waiting for a bureau to route it');
        this.checkDeadline(o);
        recorded = [await this.workOrders.recordChange(tx, created, change ?? 'DISPATCHED', null)];
        return true;
      }
      const merged = this.mergeOrder(await lockOrder(tx, existing.id), o);
      if (!merged) return false;
      const updated = await tx.workOrder.update({ where: { id: existing.id }, data: merged.data });
      recorded = [await this.workOrders.recordChange(tx, updated, change ?? (merged.redispatched ? 'REDISPATCHED' : 'SYNCED'), null)];
      return true;
    });
    await this.events.broadcast(recorded);
    return applied;
  }

  /** GET the order and apply it. */
  async refresh(orderNo: string): Promise<boolean> {
    const order = await this.connector.client.getWorkOrder(orderNo);
    return this.applyOrder(order, null);
  }

  /** Resolves when the background fetches started so far have ended. */
  async idle(): Promise<void> {
    while (this.fetches.size > 0) await Promise.allSettled([...this.fetches]);
  }

  private fetchLater(orderNo: string): void {
    const p = this.refresh(orderNo)
      .catch((err) => this.logger.warn({ orderNo, err: err instanceof Error ? err.message : String(err) }, 'work order fetch failed; reconciliation will catch it'))
      .finally(() => this.fetches.delete(p));
    this.fetches.add(p);
  }

  // ───────────── reconciliation ─────────────

  /** Pulls orders changed since the last stored update (minus 5 minutes) and applies the newer ones. */
  async reconcile(): Promise<number> {
    const latest = await this.prisma.workOrder.aggregate({ _max: { hotlineUpdatedAt: true } });
    const since = latest._max.hotlineUpdatedAt ? new Date(latest._max.hotlineUpdatedAt.getTime() - RECONCILE_OVERLAP_MS) : null;
    const changed = await this.connector.client.listWorkOrdersSince(since ? since.toISOString() : null);
    let applied = 0;
    for (const order of changed) {
      if (await this.applyOrder(order, null)) applied += 1;
    }
    return applied;
  }

  startReconciling(intervalMs: number): void {
    this.reconcileTask.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.reconcileTask.stop();
    await this.idle();
  }

  // ───────────── actions ─────────────

  /**
   * Sends one action. Reply, return and extension are not idempotent at the hotline: on a
   * redelivery the order is read first and an action already visible there is not repeated.
   */
  private async deliverAction(p: WorkOrderActionPayload, attempt: number): Promise<Prisma.InputJsonValue> {
    const stored = await this.prisma.workOrder.findUnique({ where: { id: p.workOrderId } });
    if (!stored) throw new PermanentOutboxError(`work order ${p.orderNo} is no longer stored`);
    if (stored.dispatchRound !== p.dispatchRound) {
      await this.settleAction(p, null, 'STALE: the order was dispatched again');
      return { skipped: 'the order was dispatched again before the action was sent' };
    }
    const client = this.connector.client;
    try {
      if (attempt > 1 && p.action !== 'SIGN') {
        const current = await client.getWorkOrder(p.orderNo);
        if (alreadyDone(p.action, current)) {
          await this.settleAction(p, current, null);
          return { orderNo: p.orderNo, action: p.action, alreadyDone: true, version: current.version };
        }
      }
      switch (p.action) {
        case 'SIGN': {
          const order = await client.signWorkOrder(p.orderNo, p.request as never);
          await this.settleAction(p, order, null);
          return { orderNo: p.orderNo, action: p.action, version: order.version };
        }
        case 'REPLY': {
          const order = await client.replyWorkOrder(p.orderNo, p.request as never);
          await this.settleAction(p, order, null);
          return { orderNo: p.orderNo, action: p.action, version: order.version };
        }
        case 'RETURN': {
          const order = await client.returnWorkOrder(p.orderNo, p.request as never);
          await this.settleAction(p, order, null);
          return { orderNo: p.orderNo, action: p.action, version: order.version };
        }
        case 'EXTENSION': {
          const accepted = await client.requestExtension(p.orderNo, p.request as never);
          await this.settleAction(p, null, null, { extensionId: accepted.extensionId, extensionStatus: 'PENDING' });
          return { orderNo: p.orderNo, action: p.action, extensionId: accepted.extensionId };
        }
      }
    } catch (err) {
      if (err instanceof ConnectorError && p.action === 'EXTENSION' && attempt > 1 && err.upstreamCode === 'INVALID_STATE') {
        // The first attempt's request reached the hotline (one extension may be pending at a time).
        await this.settleAction(p, null, null, { extensionStatus: 'PENDING' });
        return { orderNo: p.orderNo, action: p.action, alreadyPending: true };
      }
      if (err instanceof ConnectorError && !err.retryable) {
        // The hotline refused (INVALID_STATE, DEADLINE_PASSED, FORBIDDEN…): the team sees why, the order is re-read.
        const reason = `${err.upstreamCode ?? err.code}: ${err.message}`.slice(0, 500);
        let current: HotlineOrder | null = null;
        try {
          current = await client.getWorkOrder(p.orderNo);
        } catch {
          // the refusal is recorded anyway; reconciliation brings the order up to date
        }
        await this.settleAction(p, current, reason);
        throw new PermanentOutboxError(`the hotline refused ${p.action}: ${reason}`);
      }
      throw err;
    }
    throw new PermanentOutboxError(`unknown work-order action ${String(p.action)}`);
  }

  /** Ends a pending action: applies the hotline's answer, clears pendingAction, records the outcome. */
  private async settleAction(
    p: WorkOrderActionPayload,
    order: HotlineOrder | null,
    refusal: string | null,
    extra: Prisma.WorkOrderUpdateInput = {},
  ): Promise<void> {
    let recorded: StoredHubEvent[] = [];
    await this.prisma.$transaction(async (tx) => {
      const current = await lockOrder(tx, p.workOrderId);
      // The hotline's answer (when newer) and the end of the pending action in one update.
      const merged = order ? this.mergeOrder(current, order) : null;
      const pendingAction = merged?.redispatched || current.pendingAction === p.action ? null : current.pendingAction;
      const updated = await tx.workOrder.update({
        where: { id: current.id },
        data: { ...extra, ...(merged?.data ?? {}), pendingAction, pendingSince: null, lastActionError: refusal },
      });
      recorded = [await this.workOrders.recordChange(tx, updated, refusal ? 'ACTION_REFUSED' : 'ACTION_CONFIRMED', p.action as WorkOrderAction)];
    });
    await this.events.broadcast(recorded);
  }

  // ───────────── helpers ─────────────

  /** The update bringing a stored order to a delivered version, or null when that version is not newer. */
  private mergeOrder(current: WorkOrder, o: HotlineOrder): { data: Prisma.WorkOrderUpdateInput; redispatched: boolean } | null {
    if (o.version <= current.version) return null;
    const redispatched = o.dispatchRound > current.dispatchRound;
    if (redispatched) this.checkDeadline(o);
    return { data: { ...orderData(o), ...(redispatched ? NEW_ROUND_RESET : {}) }, redispatched };
  }

  private streetTeamIds(): Promise<Map<string, string>> {
    if (!this.streetTeams) {
      this.streetTeams = this.prisma.department
        .findMany({ where: { kind: 'STREET_TEAM', street: { not: null } }, select: { id: true, street: true } })
        .then((rows) => new Map(rows.map((r) => [r.street as string, r.id])));
      this.streetTeams.catch(() => {
        this.streetTeams = null;
      });
    }
    return this.streetTeams;
  }

  /** The hotline's deadlines are authoritative; one that disagrees with the contract's rule is logged for the data team. */
  private checkDeadline(o: HotlineOrder): void {
    try {
      const expected = expectedReplyDeadline(this.calendar, new Date(o.dispatchedAt), o.category as WorkOrderCategory, o.urgency as WorkOrderUrgency);
      if (Math.abs(expected.getTime() - Date.parse(o.replyDeadline)) > 60_000) {
        this.logger.warn({ orderNo: o.orderNo, delivered: o.replyDeadline, expected: expected.toISOString() }, 'delivered reply deadline differs from the contract rule');
      }
    } catch {
      // an unknown category is the hotline's business; its deadline stands
    }
  }
}

/** A new round: what the team did in the last round no longer applies (a case and the reply offered from it stay). */
const NEW_ROUND_RESET: Prisma.WorkOrderUpdateInput = {
  extensionId: null,
  extensionStatus: null,
  extensionReason: null,
  extensionRequestedDeadline: null,
  extensionComment: null,
  pendingAction: null,
  pendingSince: null,
  signedBy: null,
  replyResult: null,
  repliedBy: null,
  returnReasonCode: null,
  returnReasonText: null,
  recallReason: null,
};

/** 观湖街道 → 观湖 (Department.street holds the short name). */
export function streetName(street: string): string {
  return street.trim().replace(/街道(办事处)?$/, '');
}

function date(value: string | undefined | null): Date | null {
  return value ? new Date(value) : null;
}

/** The stored columns of a full order, exactly as the hotline delivered it. */
function orderData(o: HotlineOrder) {
  return {
    version: o.version,
    dispatchRound: o.dispatchRound,
    relatedOrderNo: o.relatedOrderNo ?? null,
    channel: o.channel,
    category: o.category,
    urgency: o.urgency,
    status: o.status as WorkOrderStatus,
    title: o.title,
    content: o.content,
    requesterName: o.requester.name ?? null,
    requesterPhone: o.requester.phone ?? null,
    requesterAnonymous: o.requester.anonymous,
    wantsReply: o.requester.wantsReply,
    address: o.location.address,
    street: o.location.street,
    lng: o.location.lng ?? null,
    lat: o.location.lat ?? null,
    powerItemCode: o.powerItemCode ?? null,
    assigneeCode: o.assignee.deptCode,
    dispatchedAt: new Date(o.dispatchedAt),
    signDeadline: new Date(o.signDeadline),
    replyDeadline: new Date(o.replyDeadline),
    returnDeadline: date(o.returnDeadline),
    signedAt: date(o.signedAt),
    repliedAt: date(o.repliedAt),
    closedAt: date(o.closedAt),
    urgeCount: o.urgeCount,
    signOverdue: o.signOverdue,
    replyOverdue: o.replyOverdue,
    evaluation: o.evaluation?.result ?? null,
    evaluationComment: o.evaluation?.comment ?? null,
    evaluatedAt: date(o.evaluation?.evaluatedAt),
    hotlineUpdatedAt: new Date(o.updatedAt),
    raw: o as unknown as Prisma.InputJsonValue,
  };
}

/** The change a partial event makes to the stored order. */
function eventChange(event: WorkOrderEvent, order: WorkOrder): { data: Prisma.WorkOrderUpdateInput; change: WorkOrderChange } {
  const at = new Date(event.occurredAt);
  switch (event.type) {
    case 'WORK_ORDER_URGED':
      return { data: { urgeCount: event.data.urgeCount, lastUrgeReason: event.data.reason, hotlineUpdatedAt: at }, change: 'URGED' };
    case 'WORK_ORDER_RECALLED':
      return { data: { status: 'RECALLED', recallReason: event.data.reason, pendingAction: null, pendingSince: null, hotlineUpdatedAt: at }, change: 'RECALLED' };
    case 'EVALUATION_RECEIVED':
      return {
        data: { status: 'CLOSED', evaluation: event.data.evaluation, evaluationComment: event.data.comment ?? null, evaluatedAt: at, closedAt: at, hotlineUpdatedAt: at },
        change: 'EVALUATED',
      };
    case 'EXTENSION_DECIDED': {
      const approved = event.data.decision === 'APPROVED';
      return {
        data: {
          extensionId: event.data.extensionId,
          extensionStatus: event.data.decision,
          extensionComment: event.data.comment ?? null,
          ...(approved && event.data.replyDeadline ? { replyDeadline: new Date(event.data.replyDeadline) } : {}),
          hotlineUpdatedAt: at,
        },
        change: 'EXTENSION_DECIDED',
      };
    }
    default:
      return { data: { hotlineUpdatedAt: at, version: order.version }, change: 'SYNCED' };
  }
}

/** Whether the hotline's order already shows the action (a redelivery after a lost answer). */
function alreadyDone(action: WorkOrderAction, o: HotlineOrder): boolean {
  switch (action) {
    case 'REPLY':
      return o.status === 'REPLIED' || o.status === 'CLOSED';
    case 'RETURN':
      return o.status === 'RETURNED';
    default:
      return false;
  }
}
