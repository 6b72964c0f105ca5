import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ORDER_NO_PATTERN } from '../../../connectors/hotline-12345/types';
import { PartyInput } from '../case/case.input';
import { DateTimeScalar } from '../common/scalars';
import { WorkOrderCategory, WorkOrderStatus, WorkOrderUrgency } from './work-order.type';

export enum WorkOrderReturnReason {
  NOT_OUR_JURISDICTION = 'NOT_OUR_JURISDICTION',
  INSUFFICIENT_INFO = 'INSUFFICIENT_INFO',
  DUPLICATE = 'DUPLICATE',
}
registerEnumType(WorkOrderReturnReason, {
  name: 'WorkOrderReturnReason',
  description: '退单原因',
  valuesConfig: {
    NOT_OUR_JURISDICTION: { description: '非本单位职责' },
    INSUFFICIENT_INFO: { description: '信息不全无法办理' },
    DUPLICATE: { description: '重复工单 (duplicateOfOrderNo required)' },
  },
});

@InputType({ description: 'Which work orders to list; all conditions must hold' })
export class WorkOrderFilter {
  @Field(() => [WorkOrderStatus], { nullable: true })
  status?: WorkOrderStatus[];

  @Field(() => [WorkOrderCategory], { nullable: true })
  category?: WorkOrderCategory[];

  @Field(() => [WorkOrderUrgency], { nullable: true })
  urgency?: WorkOrderUrgency[];

  @Field(() => String, { nullable: true, description: 'The street team the order is routed to' })
  departmentCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only orders the hub could not route to a street team' })
  unrouted?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: sign or reply overdue; false: neither' })
  overdue?: boolean;

  @Field(() => ID, { nullable: true })
  caseId?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  dispatchedFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive' })
  dispatchedTo?: Date;
}

@InputType({ description: '反馈办理结果' })
export class ReplyWorkOrderInput {
  @Field(() => String, { nullable: true, description: '办理结果, 10–2000 characters; may be left out with useOfferedReply' })
  @IsOptional()
  @Length(10, 2000)
  result?: string;

  @Field(() => Boolean, { nullable: true, description: 'Send the reply the hub offered when the linked case ended' })
  useOfferedReply?: boolean;

  @Field({ description: '办理人' })
  @Length(1, 100)
  handledBy!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now' })
  handledAt?: Date;

  @Field(() => String, { nullable: true, description: 'Defaults to the case opened for this order, if any' })
  @IsOptional()
  @Length(1, 64)
  linkedCaseNo?: string;
}

@InputType({ description: '退单' })
export class ReturnWorkOrderInput {
  @Field(() => WorkOrderReturnReason)
  reasonCode!: WorkOrderReturnReason;

  @Field()
  @Length(5, 1000)
  reasonText!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ORDER_NO_PATTERN)
  duplicateOfOrderNo?: string;
}

@InputType({ description: '延期申请' })
export class WorkOrderExtensionInput {
  @Field()
  @Length(5, 1000)
  reason!: string;

  @Field(() => DateTimeScalar, { description: 'Must be after the current reply deadline; the hotline may grant an earlier one' })
  requestedDeadline!: Date;
}

@InputType({ description: 'A case (source 12345) registered from a signed work order' })
export class CreateCaseFromWorkOrderInput {
  @Field({ description: 'Code of the power-list item (权责清单事项)' })
  powerItemCode!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the order title' })
  @IsOptional()
  @Length(4, 500)
  summary?: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the order content' })
  @IsOptional()
  @Length(0, 5000)
  facts?: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the order location' })
  @IsOptional()
  @Length(4, 300)
  address?: string;

  @Field(() => [String], { description: '执法证号 of the officers (at least two, 行政处罚法 Art. 42)' })
  @ArrayMaxSize(10)
  officerBadgeNos!: string[];

  @Field(() => [PartyInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  parties?: PartyInput[];

  @Field(() => Boolean, { nullable: true })
  serious?: boolean;
}
