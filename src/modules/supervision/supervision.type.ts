import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SupervisionLevel, SupervisionReason, SupervisionStatus, SupervisionTargetType } from '../../generated/prisma/enums';
import { PageInfo } from '../common/page-info';
import { DateTimeScalar } from '../common/scalars';

registerEnumType(SupervisionTargetType, {
  name: 'SupervisionTargetType',
  description: 'What a 督办 item is about',
  valuesConfig: {
    CASE: { description: '案件' },
    ASSIST_REQUEST: { description: '协办请求' },
    TRANSFER: { description: '移送' },
    WORK_ORDER: { description: '12345 工单' },
    PENALTY_PUBLICATION: { description: '双公示 report' },
  },
});
registerEnumType(SupervisionReason, {
  name: 'SupervisionReason',
  valuesConfig: {
    OVERDUE: { description: 'A deadline is near or past (raised by the deadline scheduler, or by a supervisor)' },
    COMPLAINT: { description: '投诉' },
    REVIEW_FINDING: { description: '案卷评查 finding' },
    OTHER: { description: 'Other' },
  },
});
registerEnumType(SupervisionLevel, {
  name: 'SupervisionLevel',
  valuesConfig: {
    REMINDER: { description: '提醒: the deadline is near' },
    YELLOW: { description: '黄牌: overdue' },
    RED: { description: '红牌: long overdue' },
  },
});
registerEnumType(SupervisionStatus, {
  name: 'SupervisionStatus',
  valuesConfig: {
    OPEN: { description: 'Waiting for the department’s answer' },
    RESPONDED: { description: 'Answered; waiting for the supervisor' },
    CLOSED: { description: 'Closed by a supervisor, or by the scheduler once the deadline was met' },
  },
});

@ObjectType({ description: '督办: an order to a department to act on a case, request, transfer, work order or publication' })
export class SupervisionItem {
  @Field(() => ID)
  id!: string;

  @Field(() => SupervisionTargetType)
  targetType!: SupervisionTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => String, { nullable: true, description: 'The deadline kind that raised it (FILING, DECISION, ASSIST_REPLY, WORK_ORDER_SIGN, PUBLICATION …); null when issued by a supervisor' })
  deadlineKind!: string | null;

  @Field(() => SupervisionReason)
  reason!: SupervisionReason;

  @Field(() => SupervisionLevel)
  level!: SupervisionLevel;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field({ description: 'sub of the supervisor, or deadline-scheduler' })
  issuedBy!: string;

  @Field(() => DateTimeScalar)
  issuedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the department must answer (for a REMINDER: the deadline itself)' })
  dueAt!: Date;

  @Field(() => SupervisionStatus)
  status!: SupervisionStatus;

  @Field(() => String, { nullable: true })
  response!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;
}

@ObjectType()
export class SupervisionItemEdge {
  @Field()
  cursor!: string;

  @Field(() => SupervisionItem)
  node!: SupervisionItem;
}

@ObjectType({ description: 'A page of supervision items, newest first' })
export class SupervisionItemConnection {
  @Field(() => [SupervisionItemEdge])
  edges!: SupervisionItemEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'A 督办 item raised or changed, for the department that must act' })
export class SupervisionAlert {
  @Field({ description: 'Position in the event log: pass it as `since` to resume' })
  sequence!: string;

  @Field(() => ID)
  supervisionItemId!: string;

  @Field(() => SupervisionTargetType)
  targetType!: SupervisionTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field({ description: 'Case number, transfer number or order number' })
  reference!: string;

  @Field(() => String, { nullable: true })
  deadlineKind!: string | null;

  @Field(() => SupervisionReason)
  reason!: SupervisionReason;

  @Field(() => SupervisionLevel)
  level!: SupervisionLevel;

  @Field(() => SupervisionStatus)
  status!: SupervisionStatus;

  @Field()
  departmentCode!: string;

  @Field(() => DateTimeScalar)
  dueAt!: Date;

  @Field({ description: 'RAISED (by the scheduler), ISSUED (by a supervisor), RESPONDED or CLOSED' })
  change!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;
}

@ObjectType({ description: 'One run of the deadline scheduler' })
export class SupervisionScanResult {
  @Field({ description: 'false when another hub instance was scanning at that moment' })
  ran!: boolean;

  @Field(() => Int)
  openDeadlines!: number;

  @Field(() => Int)
  raised!: number;

  @Field(() => Int)
  closed!: number;
}
