import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaterialKind, TransferKind, TransferStatus } from '../common/enums';
import { DateTimeScalar, DecimalScalar, JSONScalar } from '../common/scalars';


export enum TransferDeadlineKind {
  APPROVAL = 'APPROVAL',
  HANDOVER = 'HANDOVER',
  POLICE_DECISION = 'POLICE_DECISION',
  RECONSIDERATION = 'RECONSIDERATION',
}
registerEnumType(TransferDeadlineKind, {
  name: 'TransferDeadlineKind',
  valuesConfig: {
    APPROVAL: { description: 'The head approves or refuses within 3 working days of the request (310号令 Art. 5)' },
    HANDOVER: { description: 'Hand over within 24 hours of approval (310号令 Art. 8)' },
    POLICE_DECISION: { description: 'Public security decides within 3 working days of receipt (310号令 Art. 8)' },
    RECONSIDERATION: { description: 'Reconsideration may be requested within 3 working days of NOT_FILED (310号令 Art. 9)' },
  },
});

@ObjectType()
export class TransferDeadline {
  @Field(() => TransferDeadlineKind)
  kind!: TransferDeadlineKind;

  @Field(() => DateTimeScalar)
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  metAt!: Date | null;

  @Field()
  overdue!: boolean;
}

@ObjectType({ description: 'A material attached to a transfer, identified by its content hash' })
export class TransferMaterial {
  @Field(() => ID)
  id!: string;

  @Field(() => MaterialKind)
  kind!: MaterialKind;

  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field()
  sha256!: string;

  @Field(() => Int)
  size!: number;

  @Field(() => String, { nullable: true, description: 'Upload id at the platform, once uploaded' })
  uploadId!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ description: 'One status a transfer went through' })
export class TransferStatusChange {
  @Field(() => TransferStatus)
  status!: TransferStatus;

  @Field(() => Int, { nullable: true, description: 'Platform sequence number' })
  sequence!: number | null;

  @Field(() => JSONScalar, { nullable: true })
  detail!: unknown;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => DateTimeScalar)
  recordedAt!: Date;
}

export enum DeliveryState {
  PENDING = 'PENDING',
  IN_FLIGHT = 'IN_FLIGHT',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}
registerEnumType(DeliveryState, { name: 'DeliveryState', description: 'State of a write to another system in the outbox; DEAD needs an operator' });

@ObjectType({ description: 'A write to the platform waiting in, or delivered from, the outbox' })
export class OutboxDelivery {
  @Field(() => ID)
  id!: string;

  @Field()
  topic!: string;

  @Field(() => DeliveryState)
  status!: DeliveryState;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => DateTimeScalar)
  availableAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ description: '移送 (to judicial organs) or 移交 (to another department)' })
export class Transfer {
  @Field(() => ID)
  id!: string;

  @Field(() => TransferKind)
  kind!: TransferKind;

  @Field()
  transferNo!: string;

  @Field(() => TransferStatus)
  status!: TransferStatus;

  @Field()
  receivingUnit!: string;

  @Field(() => [String], { description: 'Suspected charges (涉嫌罪名)' })
  suspectedCharges!: string[];

  @Field()
  facts!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount involved (涉案金额), yuan' })
  amountInvolved!: unknown;

  @Field(() => Int, { description: 'Last platform sequence applied' })
  sequence!: number;

  @Field(() => String, { nullable: true })
  platformTransferId!: string | null;

  @Field()
  requestedBy!: string;

  @Field(() => DateTimeScalar)
  requestedAt!: Date;

  @Field(() => String, { nullable: true })
  approvedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  approvedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  receivedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decisionDueAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  reconsiderationDeadline!: Date | null;

  @Field(() => String, { nullable: true })
  returnReason!: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Latest detail from the platform (filedCaseNo, notFiledReason, missingItems…)' })
  detail!: unknown;

  caseId!: string;
  fromDepartmentId!: string;
  toDepartmentId!: string | null;
}
