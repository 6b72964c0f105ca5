import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssistKind, AssistStatus, CaseEventType, CaseStage, TransferStatus } from '../common/enums';
import { DateTimeScalar, JSONScalar } from '../common/scalars';

const SEQUENCE = 'Position of the event in the hub’s event log; subscribe again with `since` set to it to receive what follows';

@ObjectType({ description: 'A committed step of a case (受理, 立案, 更正…), as pushed to subscribers' })
export class CaseUpdate {
  @Field(() => String, { description: SEQUENCE })
  sequence!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  caseNo!: string;

  @Field(() => CaseStage, { description: 'Stage after the step' })
  stage!: CaseStage;

  @Field(() => Int, { description: 'Version of the case after the step' })
  version!: number;

  @Field(() => CaseEventType, { description: 'The history entry the step wrote' })
  eventType!: CaseEventType;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;
}

@ObjectType({ description: 'A transfer (移送/移交) moved to a new status' })
export class TransferStatusUpdate {
  @Field(() => String, { description: SEQUENCE })
  sequence!: string;

  @Field(() => ID)
  transferId!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  transferNo!: string;

  @Field(() => TransferStatus)
  status!: TransferStatus;

  @Field(() => Int, { nullable: true, description: 'The 两法衔接 platform’s sequence number of the status, when it came from the platform' })
  platformSequence!: number | null;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => JSONScalar, { nullable: true })
  detail!: Record<string, unknown> | null;
}

@ObjectType({ description: 'A co-handling request (协办) was made or changed status' })
export class AssistRequestUpdate {
  @Field(() => String, { description: SEQUENCE })
  sequence!: string;

  @Field(() => ID)
  assistRequestId!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  fromDepartmentCode!: string;

  @Field(() => String)
  toDepartmentCode!: string;

  @Field(() => AssistStatus)
  status!: AssistStatus;

  @Field(() => AssistKind)
  kind!: AssistKind;

  @Field(() => DateTimeScalar, { nullable: true })
  dueAt!: Date | null;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;
}
