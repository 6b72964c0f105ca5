// State of the simulated hotline centre: work orders, their life cycle and extension requests.
// Every change increments the order's version and sets updatedAt; changes the centre announces
// hand one WorkOrderEvent to `onEvent` (the webhook dispatcher).
//
//   DISPATCHED ──sign──▶ SIGNED ──reply──▶ REPLIED ──evaluation / 5 working days──▶ CLOSED
//       ├──return──────────┴──return (≤ returnDeadline)──▶ RETURNED
//       └──(centre recalls, from DISPATCHED or SIGNED)──▶ RECALLED
//   any ──(centre re-dispatches the same orderNo)──▶ DISPATCHED, dispatchRound + 1, urgeCount 0
//
// The unit's actions (sign, reply, return, extension) check the contract's rules and throw a
// Refusal (→ the contract's error answer); the centre's moves (dispatch, urge, recall, evaluate,
// decide an extension, close unevaluated) are driven by the server's timers or its control methods
// and throw a plain Error when they make no sense in the order's state.
import { randomUUID } from 'node:crypto';
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import { formatShanghai, parseDateTime } from '../time';
import type {
  Category,
  Channel,
  Evaluation,
  ExtensionDecidedEventData,
  ExtensionDecision,
  ExtensionRequest,
  HotlineErrorCode,
  ReplyRequest,
  Requester,
  ReturnRequest,
  Urgency,
  WorkOrder,
  WorkOrderAssignee,
  WorkOrderEvent,
  WorkOrderLocation,
  WorkOrderStatus,
} from '../types';
import { autoCloseAt, replyDeadlineFor, returnDeadlineFor, signDeadlineFor, sixPmAfterWorkingDays } from './deadlines';
import {
  DEMO_STREETS,
  EVALUATION_COMMENTS,
  URGE_REASONS,
  deptNameOf,
  pick,
  randomChannel,
  randomIssue,
  randomRequester,
  randomUrgency,
  streetFixture,
  weighted,
} from './fixtures';

const HOUR_MS = 3_600_000;

/** A contract error answer of the simulated hotline: code (→ HTTP status) and a Chinese detail. */
export class Refusal extends Error {
  constructor(
    readonly errorCode: HotlineErrorCode,
    readonly detail?: string,
  ) {
    super(errorCode);
    this.name = 'Refusal';
  }
}

export interface SimExtension {
  extensionId: string;
  reason: string;
  requestedDeadline: number;
  requestedAt: number;
  status: 'PENDING' | 'APPROVED' | 'DENIED' | 'CANCELLED';
  decidedAt?: number;
  grantedDeadline?: number;
}

/** A reply as the centre keeps it: the request, attachments reduced to name, type and decoded size. */
export type SimReply = Omit<ReplyRequest, 'attachments'> & { attachments: Array<{ fileName: string; contentType: string; bytes: number }> };

/** A work order as the centre holds it (epoch ms), with what the contract's WorkOrder does not show. */
export interface SimOrder {
  orderNo: string;
  version: number;
  dispatchRound: number;
  relatedOrderNo?: string;
  channel: Channel;
  category: Category;
  urgency: Urgency;
  title: string;
  content: string;
  requester: Requester;
  location: WorkOrderLocation;
  powerItemCode?: string;
  assignee: WorkOrderAssignee;
  dispatchedAt: number;
  signDeadline: number;
  replyDeadline: number;
  returnDeadline?: number;
  status: WorkOrderStatus;
  urgeCount: number;
  signedAt?: number;
  repliedAt?: number;
  closedAt?: number;
  signOverdue: boolean;
  replyOverdue: boolean;
  evaluation?: { result: Evaluation; comment?: string; evaluatedAt: number };
  updatedAt: number;
  // ── not part of the contract's WorkOrder ──
  signedBy?: string;
  /** The last reply, attachments reduced to their names, types and sizes. */
  reply?: SimReply;
  returned?: ReturnRequest;
  recallReason?: string;
  /** Last urge of the current round (automatic urges: at most one per hour of the centre's time). */
  lastUrgedAt?: number;
  extensions: SimExtension[];
}

export interface DispatchOverrides {
  category?: Category;
  urgency?: Urgency;
  channel?: Channel;
  /** 观湖 or 观湖街道; location.street carries the full name. */
  street?: string;
  requester?: Requester;
  title?: string;
  content?: string;
  address?: string;
  powerItemCode?: string;
  relatedOrderNo?: string;
  /** ISO-8601 with offset, or epoch ms; default the centre's now. Deadlines are computed from it. */
  dispatchedAt?: string | number;
  /** Another unit's order (for 403 tests); default the simulator's own unit. No webhook reaches this hub for it. */
  assignee?: string;
}

export interface StoreOptions {
  now: () => number;
  random: () => number;
  calendar?: WorkingDayCalendar;
  /** The unit (承办单位) of the API key. */
  assignee: string;
  onEvent: (event: WorkOrderEvent) => void;
}

export interface AutomationOptions {
  evaluationDelayMs: number;
  extensionDecisionDelayMs: number;
}

export class WorkOrderStore {
  readonly orders = new Map<string, SimOrder>();
  // Starts from the time of day: a restarted sandbox (whose hub keeps yesterday's store) must not
  // hand out an order number it already used today.
  private serial = 400 + (Math.floor(Date.now() / 1000) % 86_400) * 10;
  private extensionSerial = 30;
  readonly calendar: WorkingDayCalendar;

  constructor(private readonly options: StoreOptions) {
    this.calendar = options.calendar ?? new WorkingDayCalendar();
  }

  /** The centre's clock in whole seconds (timestamps are emitted without fractions). */
  now(): number {
    return Math.floor(this.options.now() / 1000) * 1000;
  }

  get(orderNo: string): SimOrder | undefined {
    return this.orders.get(orderNo);
  }

  /** A new work order for a unit (by default the simulator's own) → WORK_ORDER_DISPATCHED with the full order. */
  dispatch(overrides: DispatchOverrides = {}): SimOrder {
    const random = this.options.random;
    let dispatchedAt = this.now();
    if (overrides.dispatchedAt !== undefined) {
      const at = typeof overrides.dispatchedAt === 'number' ? overrides.dispatchedAt : parseDateTime(overrides.dispatchedAt);
      if (at === null || !Number.isFinite(at)) throw new Error('dispatchedAt must be an ISO-8601 date-time with an offset, or epoch ms');
      dispatchedAt = Math.floor(at / 1000) * 1000;
    }
    const fixture = overrides.street !== undefined ? streetFixture(overrides.street) : pick(DEMO_STREETS, random);
    const issue = randomIssue(random, fixture ?? undefined, overrides.category);
    const street = overrides.street !== undefined && fixture === null ? (overrides.street.endsWith('街道') ? overrides.street : `${overrides.street}街道`) : issue.street;
    const category = overrides.category ?? issue.category;
    const urgency = overrides.urgency ?? randomUrgency(random);
    const deptCode = overrides.assignee ?? this.options.assignee;
    this.serial += 1;
    const orderNo = `SZ12345${formatShanghai(dispatchedAt).slice(0, 10).replace(/-/g, '')}${String(this.serial % 1_000_000).padStart(6, '0')}`;
    if (this.orders.has(orderNo)) throw new Error(`order number ${orderNo} already in use`);
    const powerItemCode = overrides.powerItemCode ?? issue.powerItemCode;
    const order: SimOrder = {
      orderNo,
      version: 1,
      dispatchRound: 1,
      ...(overrides.relatedOrderNo !== undefined ? { relatedOrderNo: overrides.relatedOrderNo } : {}),
      channel: overrides.channel ?? randomChannel(random),
      category,
      urgency,
      title: overrides.title ?? issue.title,
      content: overrides.content ?? issue.content,
      requester: { ...(overrides.requester ?? randomRequester(random)) },
      location:
        overrides.address !== undefined || fixture === null
          ? { address: overrides.address ?? issue.address.replace(issue.street, street), street }
          : { address: issue.address, street, lng: issue.lng, lat: issue.lat },
      ...(powerItemCode !== undefined ? { powerItemCode } : {}),
      assignee: { deptCode, deptName: deptNameOf(deptCode) },
      dispatchedAt,
      signDeadline: signDeadlineFor(this.calendar, dispatchedAt, urgency),
      replyDeadline: replyDeadlineFor(this.calendar, dispatchedAt, category, urgency),
      status: 'DISPATCHED',
      urgeCount: 0,
      signOverdue: false,
      replyOverdue: false,
      updatedAt: dispatchedAt,
      extensions: [],
    };
    this.orders.set(orderNo, order);
    this.emit(order, 'WORK_ORDER_DISPATCHED');
    return order;
  }

  /** The same orderNo again (return refused, or re-handling after DISSATISFIED): a new round with new deadlines. */
  redispatch(orderNo: string): SimOrder {
    const o = this.required(orderNo);
    const at = this.now();
    o.dispatchRound += 1;
    o.dispatchedAt = at;
    o.signDeadline = signDeadlineFor(this.calendar, at, o.urgency);
    o.replyDeadline = replyDeadlineFor(this.calendar, at, o.category, o.urgency);
    o.status = 'DISPATCHED';
    o.urgeCount = 0;
    o.signOverdue = false;
    o.replyOverdue = false;
    for (const key of ['returnDeadline', 'signedAt', 'repliedAt', 'closedAt', 'evaluation', 'signedBy', 'reply', 'returned', 'recallReason', 'lastUrgedAt'] as const) {
      delete o[key];
    }
    for (const e of o.extensions) if (e.status === 'PENDING') e.status = 'CANCELLED';
    this.touch(o, at);
    this.emit(o, 'WORK_ORDER_DISPATCHED');
    return o;
  }

  /** 催办: only while the unit handles the order (DISPATCHED or SIGNED). */
  urge(orderNo: string, reason: string): SimOrder {
    const o = this.required(orderNo);
    if (o.status !== 'DISPATCHED' && o.status !== 'SIGNED') throw new Error(`order ${orderNo} is ${o.status}: only DISPATCHED or SIGNED orders are urged`);
    o.urgeCount += 1;
    this.touch(o);
    o.lastUrgedAt = o.updatedAt;
    this.emit(o, 'WORK_ORDER_URGED', { urgeCount: o.urgeCount, reason });
    return o;
  }

  /** 撤回: from DISPATCHED or SIGNED. */
  recall(orderNo: string, reason: string): SimOrder {
    const o = this.required(orderNo);
    if (o.status !== 'DISPATCHED' && o.status !== 'SIGNED') throw new Error(`order ${orderNo} is ${o.status}: only DISPATCHED or SIGNED orders can be recalled`);
    o.status = 'RECALLED';
    o.recallReason = reason;
    this.cancelPendingExtension(o);
    this.touch(o);
    this.emit(o, 'WORK_ORDER_RECALLED', { reason });
    return o;
  }

  /** 回访评价: REPLIED → CLOSED. */
  evaluate(orderNo: string, result: Evaluation, comment?: string): SimOrder {
    const o = this.required(orderNo);
    if (o.status !== 'REPLIED') throw new Error(`order ${orderNo} is ${o.status}: only REPLIED orders are evaluated`);
    const at = this.now();
    o.status = 'CLOSED';
    o.closedAt = at;
    o.evaluation = { result, ...(comment !== undefined ? { comment } : {}), evaluatedAt: at };
    this.touch(o, at);
    this.emit(o, 'EVALUATION_RECEIVED', { evaluation: result, ...(comment !== undefined ? { comment } : {}) });
    return o;
  }

  /**
   * 延期审批 of the order's PENDING extension. APPROVED replaces replyDeadline with `replyDeadline`
   * (ISO-8601; default the requested deadline — it may be earlier than requested).
   */
  decideExtension(orderNo: string, decision: ExtensionDecision, replyDeadline?: string, comment?: string): SimOrder {
    const o = this.required(orderNo);
    const ext = o.extensions.find((e) => e.status === 'PENDING');
    if (!ext) throw new Error(`order ${orderNo} has no PENDING extension`);
    const at = this.now();
    ext.status = decision;
    ext.decidedAt = at;
    if (decision === 'APPROVED') {
      let granted = ext.requestedDeadline;
      if (replyDeadline !== undefined) {
        const parsed = parseDateTime(replyDeadline);
        if (parsed === null) throw new Error('replyDeadline must be an ISO-8601 date-time with an offset');
        granted = parsed;
      }
      ext.grantedDeadline = granted;
      o.replyDeadline = granted;
      this.touch(o, at);
      this.emit(o, 'EXTENSION_DECIDED', {
        extensionId: ext.extensionId,
        decision,
        replyDeadline: formatShanghai(granted),
        ...(comment !== undefined ? { comment } : {}),
      });
    } else {
      this.touch(o, at);
      this.emit(o, 'EXTENSION_DECIDED', { extensionId: ext.extensionId, decision, ...(comment !== undefined ? { comment } : {}) });
    }
    return o;
  }

  /** REPLIED orders past the 5th working day after their reply close without evaluation and without a webhook. */
  closeUnevaluated(): SimOrder[] {
    const at = this.now();
    const closed: SimOrder[] = [];
    for (const o of this.orders.values()) {
      if (o.status !== 'REPLIED' || o.repliedAt === undefined || at < autoCloseAt(this.calendar, o.repliedAt)) continue;
      o.status = 'CLOSED';
      o.closedAt = at;
      this.touch(o, at);
      closed.push(o);
    }
    return closed;
  }

  // ───────────── the unit's actions (through the API) ─────────────

  /** 签收 DISPATCHED → SIGNED; SIGNED in this round → unchanged (idempotent); otherwise 409 INVALID_STATE. */
  sign(o: SimOrder, signedBy: string): SimOrder {
    if (o.status === 'SIGNED') return o;
    if (o.status !== 'DISPATCHED') throw new Refusal('INVALID_STATE', `工单状态为 ${o.status}，不能签收`);
    const at = this.now();
    o.status = 'SIGNED';
    o.signedAt = at;
    o.signedBy = signedBy;
    o.signOverdue = at > o.signDeadline;
    o.returnDeadline = returnDeadlineFor(this.calendar, at);
    this.touch(o, at);
    return o;
  }

  /** 反馈 SIGNED → REPLIED (late → replyOverdue). */
  reply(o: SimOrder, request: ReplyRequest): SimOrder {
    if (o.status !== 'SIGNED') throw new Refusal('INVALID_STATE', `工单状态为 ${o.status}，不能反馈`);
    const at = this.now();
    o.status = 'REPLIED';
    o.repliedAt = at;
    o.replyOverdue = at > o.replyDeadline;
    o.reply = {
      result: request.result,
      handledBy: request.handledBy,
      handledAt: request.handledAt,
      ...(request.linkedCaseNo !== undefined ? { linkedCaseNo: request.linkedCaseNo } : {}),
      attachments: (request.attachments ?? []).map((a) => ({ fileName: a.fileName, contentType: a.contentType, bytes: Buffer.from(a.contentBase64, 'base64').length })),
    };
    this.touch(o, at);
    return o;
  }

  /** 退单 DISPATCHED any time; SIGNED until returnDeadline (later 409 DEADLINE_PASSED). */
  returnOrder(o: SimOrder, request: ReturnRequest): SimOrder {
    const at = this.now();
    if (o.status === 'SIGNED') {
      if (o.returnDeadline !== undefined && at > o.returnDeadline) {
        throw new Refusal('DEADLINE_PASSED', `已超过退单时限（${formatShanghai(o.returnDeadline).slice(0, 16).replace('T', ' ')}），不能退单`);
      }
    } else if (o.status !== 'DISPATCHED') {
      throw new Refusal('INVALID_STATE', `工单状态为 ${o.status}，不能退单`);
    }
    if (request.duplicateOfOrderNo === o.orderNo) throw new Refusal('INVALID_ARGUMENT', 'duplicateOfOrderNo 不能是本工单');
    o.status = 'RETURNED';
    o.returned = { ...request };
    this.cancelPendingExtension(o);
    this.touch(o, at);
    return o;
  }

  /**
   * 延期申请: only SIGNED (409 INVALID_STATE), before replyDeadline (409 DEADLINE_PASSED), no other
   * PENDING (409 INVALID_STATE), requestedDeadline after replyDeadline (400). Not a change of the
   * order (its version stays); the decision is.
   */
  requestExtension(o: SimOrder, request: ExtensionRequest): SimExtension {
    if (o.status !== 'SIGNED') throw new Refusal('INVALID_STATE', `工单状态为 ${o.status}，不能申请延期`);
    const at = this.now();
    if (at >= o.replyDeadline) throw new Refusal('DEADLINE_PASSED', '已超过办结时限，不能申请延期');
    if (o.extensions.some((e) => e.status === 'PENDING')) throw new Refusal('INVALID_STATE', '已有待审批的延期申请');
    const requested = parseDateTime(request.requestedDeadline) as number;
    if (requested <= o.replyDeadline) throw new Refusal('INVALID_ARGUMENT', 'requestedDeadline 须晚于当前办结时限');
    this.extensionSerial += 1;
    const ext: SimExtension = {
      extensionId: `EXT${formatShanghai(at).slice(0, 10).replace(/-/g, '')}${String(this.extensionSerial % 100_000).padStart(5, '0')}`,
      reason: request.reason,
      requestedDeadline: requested,
      requestedAt: at,
      status: 'PENDING',
    };
    o.extensions.push(ext);
    return ext;
  }

  // ───────────── the centre's automatic behaviour ─────────────

  /**
   * One round of what the centre does by itself, by its own clock: urge the unit's orders past
   * their sign / reply deadline (at most once per hour per order), evaluate replied orders whose
   * requester wants a call-back after `evaluationDelayMs` (mostly SATISFIED), decide pending
   * extensions after `extensionDecisionDelayMs` (mostly APPROVED, sometimes for an earlier date than
   * asked), and close replied orders nobody evaluated after 5 working days.
   */
  automate(options: AutomationOptions): void {
    const random = this.options.random;
    const at = this.now();
    for (const o of [...this.orders.values()]) {
      if (o.assignee.deptCode !== this.options.assignee) continue;
      const late = (o.status === 'DISPATCHED' && at > o.signDeadline) || (o.status === 'SIGNED' && at > o.replyDeadline);
      if (late && (o.lastUrgedAt === undefined || at - o.lastUrgedAt >= HOUR_MS)) {
        this.urge(o.orderNo, o.status === 'DISPATCHED' ? URGE_REASONS.sign : URGE_REASONS.reply);
      }
      const pending = o.extensions.find((e) => e.status === 'PENDING');
      if (pending && at - pending.requestedAt >= options.extensionDecisionDelayMs) this.autoDecide(o, pending);
      const callBack = o.requester.wantsReply && o.requester.phone !== undefined;
      if (o.status === 'REPLIED' && callBack && o.repliedAt !== undefined && at - o.repliedAt >= options.evaluationDelayMs) {
        const result = weighted<Evaluation>([['SATISFIED', 75], ['BASICALLY_SATISFIED', 17], ['DISSATISFIED', 8]], random);
        this.evaluate(o.orderNo, result, random() < 0.7 ? pick(EVALUATION_COMMENTS[result], random) : undefined);
      }
    }
    this.closeUnevaluated();
  }

  private autoDecide(o: SimOrder, ext: SimExtension): void {
    const random = this.options.random;
    if (o.status !== 'SIGNED') {
      this.decideExtension(o.orderNo, 'DENIED', undefined, '工单已不在办理中，延期申请不予审批');
      return;
    }
    if (random() < 0.2) {
      this.decideExtension(o.orderNo, 'DENIED', undefined, '诉求较为简单，请在原时限内办结');
      return;
    }
    let granted = ext.requestedDeadline;
    // Now and then the centre grants less: 18:00 of a working day halfway to the requested date.
    if (random() < 0.3) {
      const days = this.calendar.workingDaysBetween(new Date(o.replyDeadline), new Date(ext.requestedDeadline));
      if (days >= 2) granted = sixPmAfterWorkingDays(this.calendar, new Date(o.replyDeadline).getTime(), Math.floor(days / 2));
    }
    const date = formatShanghai(granted);
    this.decideExtension(o.orderNo, 'APPROVED', date, `同意延期至${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`);
  }

  // ───────────── presentation ─────────────

  /** The contract's WorkOrder, fields in schema order, optional ones only when set. */
  present(o: SimOrder): WorkOrder {
    return {
      orderNo: o.orderNo,
      version: o.version,
      dispatchRound: o.dispatchRound,
      ...(o.relatedOrderNo !== undefined ? { relatedOrderNo: o.relatedOrderNo } : {}),
      channel: o.channel,
      category: o.category,
      urgency: o.urgency,
      title: o.title,
      content: o.content,
      requester: { ...o.requester },
      location: { ...o.location },
      ...(o.powerItemCode !== undefined ? { powerItemCode: o.powerItemCode } : {}),
      assignee: { ...o.assignee },
      dispatchedAt: formatShanghai(o.dispatchedAt),
      signDeadline: formatShanghai(o.signDeadline),
      replyDeadline: formatShanghai(o.replyDeadline),
      ...(o.returnDeadline !== undefined ? { returnDeadline: formatShanghai(o.returnDeadline) } : {}),
      status: o.status,
      urgeCount: o.urgeCount,
      ...(o.signedAt !== undefined ? { signedAt: formatShanghai(o.signedAt) } : {}),
      ...(o.repliedAt !== undefined ? { repliedAt: formatShanghai(o.repliedAt) } : {}),
      ...(o.closedAt !== undefined ? { closedAt: formatShanghai(o.closedAt) } : {}),
      signOverdue: o.signOverdue,
      replyOverdue: o.replyOverdue,
      ...(o.evaluation !== undefined
        ? {
            evaluation: {
              result: o.evaluation.result,
              ...(o.evaluation.comment !== undefined ? { comment: o.evaluation.comment } : {}),
              evaluatedAt: formatShanghai(o.evaluation.evaluatedAt),
            },
          }
        : {}),
      updatedAt: formatShanghai(o.updatedAt),
    };
  }

  // ───────────── internals ─────────────

  private required(orderNo: string): SimOrder {
    const o = this.orders.get(orderNo);
    if (!o) throw new Error(`no work order ${orderNo} in the simulator`);
    return o;
  }

  private cancelPendingExtension(o: SimOrder): void {
    for (const e of o.extensions) if (e.status === 'PENDING') e.status = 'CANCELLED';
  }

  /** Every change: version + 1 and updatedAt (never backwards, so paging by updatedAt stays ordered). */
  private touch(o: SimOrder, at: number = this.now()): void {
    o.version += 1;
    o.updatedAt = Math.max(at, o.updatedAt);
  }

  private emit(o: SimOrder, type: 'WORK_ORDER_DISPATCHED'): void;
  private emit(o: SimOrder, type: 'WORK_ORDER_URGED', data: { urgeCount: number; reason: string }): void;
  private emit(o: SimOrder, type: 'WORK_ORDER_RECALLED', data: { reason: string }): void;
  private emit(o: SimOrder, type: 'EVALUATION_RECEIVED', data: { evaluation: Evaluation; comment?: string }): void;
  private emit(o: SimOrder, type: 'EXTENSION_DECIDED', data: ExtensionDecidedEventData): void;
  private emit(o: SimOrder, type: WorkOrderEvent['type'], data?: unknown): void {
    const base = { eventId: randomUUID(), occurredAt: formatShanghai(o.updatedAt), orderNo: o.orderNo, orderVersion: o.version };
    const event = (type === 'WORK_ORDER_DISPATCHED' ? { ...base, type, data: this.present(o) } : { ...base, type, data }) as WorkOrderEvent;
    // Field order of the contract's EventBase.
    const ordered = { eventId: event.eventId, type: event.type, occurredAt: event.occurredAt, orderNo: event.orderNo, orderVersion: event.orderVersion, data: event.data } as WorkOrderEvent;
    this.options.onEvent(ordered);
  }
}
