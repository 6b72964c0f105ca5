import { Field, ID, ObjectType } from 'type-graphql';
import { AssistKind, AssistStatus } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';


@ObjectType({ description: '协办: a request from one department to another about a case' })
export class AssistRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => AssistKind)
  kind!: AssistKind;

  @Field()
  question!: string;

  @Field(() => DateTimeScalar)
  dueAt!: Date;

  @Field(() => AssistStatus)
  status!: AssistStatus;

  @Field(() => String, { nullable: true })
  reply!: string | null;

  @Field(() => String, { nullable: true })
  declineReason!: string | null;

  @Field()
  requestedBy!: string;

  @Field(() => DateTimeScalar)
  requestedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  repliedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Request id at public security, for on-site support' })
  externalRef!: string | null;

  @Field(() => String, { nullable: true, description: 'Status at public security (SUBMITTED, ACCEPTED, DISPATCHED, COMPLETED, DECLINED)' })
  externalStatus!: string | null;

  caseId!: string;
  fromDepartmentId!: string;
  toDepartmentId!: string;
}
