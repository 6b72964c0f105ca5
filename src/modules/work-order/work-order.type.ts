import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../common/page-info';
import { DateTimeScalar } from '../common/scalars';

export enum WorkOrderStatus {
  DISPATCHED = 'DISPATCHED',
  SIGNED = 'SIGNED',
  REPLIED = 'REPLIED',
  RETURNED = 'RETURNED',
  RECALLED = 'RECALLED',
  CLOSED = 'CLOSED',
}
registerEnumType(WorkOrderStatus, {
  name: 'WorkOrderStatus',
  description: '12345 工单状态 (the hotline’s)',
  valuesConfig: {
    DISPATCHED: { description: '已派单' },
    SIGNED: { description: '已签收' },
    REPLIED: { description: '已反馈' },
    RETURNED: { description: '已退单' },
    RECALLED: { description: '已撤回 by the hotline centre' },
    CLOSED: { description: '已办结 (evaluated, or 5 working days after the reply)' },
  },
});

export enum WorkOrderCategory {
  CONSULTATION = 'CONSULTATION',
  HELP = 'HELP',
  COMPLAINT = 'COMPLAINT',
  REPORT = 'REPORT',
  SUGGESTION = 'SUGGESTION',
}
registerEnumType(WorkOrderCategory, {
  name: 'WorkOrderCategory',
  valuesConfig: {
    CONSULTATION: { description: '咨询 (reply within 2 working days)' },
    HELP: { description: '求助 (10 working days)' },
    COMPLAINT: { description: '投诉 (15 working days)' },
    REPORT: { description: '举报 (15 working days)' },
    SUGGESTION: { description: '建议 (10 working days)' },
  },
});

export enum WorkOrderUrgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}
registerEnumType(WorkOrderUrgency, {
  name: 'WorkOrderUrgency',
  valuesConfig: {
    NORMAL: { description: '一般' },
    URGENT: { description: '紧急: reply within 1 working day' },
    EMERGENCY: { description: '特急: sign within 30 minutes, reply within 2 hours' },
  },
});

export enum WorkOrderAction {
  SIGN = 'SIGN',
  REPLY = 'REPLY',
  RETURN = 'RETURN',
  EXTENSION = 'EXTENSION',
}
registerEnumType(WorkOrderAction, { name: 'WorkOrderAction', description: 'An action of the handling team sent to the hotline' });

export enum WorkOrderDeadlineKind {
  SIGN = 'SIGN',
  REPLY = 'REPLY',
  RETURN = 'RETURN',
}
registerEnumType(WorkOrderDeadlineKind, {
  name: 'WorkOrderDeadlineKind',
  valuesConfig: {
    SIGN: { description: '签收时限: 2 working hours after dispatch (EMERGENCY 30 minutes)' },
    REPLY: { description: '办结时限: by category and urgency, replaced by an approved extension' },
    RETURN: { description: '退单时限: 18:00 of the first working day after signing' },
  },
});

@ObjectType({ description: 'The citizen who called (诉求人). Name and phone are masked except for the hotline centre and the handling team' })
export class WorkOrderRequester {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 138****8000 when masked' })
  phone!: string | null;

  @Field()
  anonymous!: boolean;

  @Field({ description: '是否需要回复' })
  wantsReply!: boolean;

  @Field({ description: 'Whether name and phone are masked for you' })
  masked!: boolean;
}

@ObjectType()
export class WorkOrderDeadline {
  @Field(() => WorkOrderDeadlineKind)
  kind!: WorkOrderDeadlineKind;

  @Field(() => DateTimeScalar, { description: 'As delivered by the hotline (authoritative)' })
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  metAt!: Date | null;

  @Field()
  overdue!: boolean;
}

@ObjectType({ description: '延期申请 and the hotline’s decision' })
export class WorkOrderExtension {
  @Field(() => String, { nullable: true })
  extensionId!: string | null;

  @Field(() => String, { nullable: true, description: 'PENDING, APPROVED or DENIED; null while the request is being sent' })
  status!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  requestedDeadline!: Date | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType({ description: 'The reply the hub offers once the case opened for the order has ended' })
export class WorkOrderReplyOffer {
  @Field()
  result!: string;

  @Field(() => String, { nullable: true })
  linkedCaseNo!: string | null;

  @Field(() => DateTimeScalar)
  offeredAt!: Date;
}

@ObjectType({ description: '12345 工单: a citizen’s request dispatched by the hotline, mirrored from it' })
export class WorkOrder {
  @Field(() => ID)
  id!: string;

  @Field({ description: '工单编号' })
  orderNo!: string;

  @Field(() => Int, { description: 'The hotline’s version of the order' })
  version!: number;

  @Field(() => Int, { description: '1 on first dispatch; +1 on each re-dispatch' })
  dispatchRound!: number;

  @Field(() => String, { nullable: true })
  relatedOrderNo!: string | null;

  @Field({ description: 'PHONE, WEB, APP or WECHAT' })
  channel!: string;

  @Field(() => WorkOrderCategory)
  category!: WorkOrderCategory;

  @Field(() => WorkOrderUrgency)
  urgency!: WorkOrderUrgency;

  @Field(() => WorkOrderStatus)
  status!: WorkOrderStatus;

  @Field()
  title!: string;

  @Field()
  content!: string;

  @Field()
  address!: string;

  @Field(() => String, { nullable: true, description: '所属街道 as the hotline gave it' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: '权责清单事项编码, if the hotline gave one' })
  powerItemCode!: string | null;

  @Field({ description: 'The handling unit (承办单位) the hotline assigned the order to' })
  assigneeCode!: string;

  @Field(() => DateTimeScalar)
  dispatchedAt!: Date;

  @Field(() => DateTimeScalar)
  signDeadline!: Date;

  @Field(() => DateTimeScalar)
  replyDeadline!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  returnDeadline!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  signedAt!: Date | null;

  @Field(() => String, { nullable: true })
  signedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  repliedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Int, { description: '催办次数 in the current round' })
  urgeCount!: number;

  @Field(() => String, { nullable: true })
  lastUrgeReason!: string | null;

  @Field(() => String, { nullable: true })
  recallReason!: string | null;

  @Field(() => String, { nullable: true, description: 'SATISFIED 满意, BASICALLY_SATISFIED 基本满意 or DISSATISFIED 不满意' })
  evaluation!: string | null;

  @Field(() => String, { nullable: true })
  evaluationComment!: string | null;

  @Field(() => String, { nullable: true })
  replyResult!: string | null;

  @Field(() => String, { nullable: true })
  repliedBy!: string | null;

  @Field(() => String, { nullable: true })
  returnReasonCode!: string | null;

  @Field(() => String, { nullable: true })
  returnReasonText!: string | null;

  @Field(() => WorkOrderAction, { nullable: true, description: 'An action queued for the hotline and not yet answered' })
  pendingAction!: WorkOrderAction | null;

  @Field(() => String, { nullable: true, description: 'Why the hotline refused the last action (its code and message)' })
  lastActionError!: string | null;

  @Field(() => DateTimeScalar, { description: 'The hotline’s last change' })
  hotlineUpdatedAt!: Date;
}

@ObjectType()
export class WorkOrderEdge {
  @Field()
  cursor!: string;

  @Field(() => WorkOrder)
  node!: WorkOrder;
}

@ObjectType({ description: 'A page of work orders, newest dispatch first' })
export class WorkOrderConnection {
  @Field(() => [WorkOrderEdge])
  edges!: WorkOrderEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'A change of a work order (no personal data)' })
export class WorkOrderUpdate {
  @Field({ description: 'Position in the event log: pass it as `since` to resume' })
  sequence!: string;

  @Field(() => ID)
  workOrderId!: string;

  @Field()
  orderNo!: string;

  @Field(() => WorkOrderStatus)
  status!: WorkOrderStatus;

  @Field(() => Int)
  version!: number;

  @Field(() => Int)
  dispatchRound!: number;

  @Field({
    description:
      'DISPATCHED, REDISPATCHED, URGED, RECALLED, EVALUATED, EXTENSION_DECIDED, SYNCED, ACTION_QUEUED, ACTION_CONFIRMED, ACTION_REFUSED, CASE_LINKED, REPLY_OFFERED or ROUTED',
  })
  change!: string;

  @Field(() => WorkOrderAction, { nullable: true })
  action!: WorkOrderAction | null;

  @Field(() => String, { nullable: true })
  departmentCode!: string | null;

  @Field(() => Int)
  urgeCount!: number;

  @Field(() => ID, { nullable: true })
  caseId!: string | null;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;
}
