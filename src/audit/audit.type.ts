import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { ChainProblemKind } from '../modules/case/case.type';
import { PageInfo } from '../modules/common/page-info';
import { DateTimeScalar } from '../modules/common/scalars';

@ObjectType('AuditRecord', { description: 'One request through the hub, read or write: who, why, what, which cases and which personal data (append-only, hash-chained)' })
export class AuditRecordView {
  @Field(() => ID, { description: 'Position in the chain, from 1' })
  id!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field({ description: 'Officer or system id (token sub); anonymous when refused at authentication' })
  sub!: string;

  @Field(() => String, { nullable: true, description: 'Department code' })
  dept!: string | null;

  @Field(() => [String])
  roles!: string[];

  @Field(() => String, { nullable: true, description: '查询事由 stated with the request (X-Purpose header or purpose arguments)' })
  purpose!: string | null;

  @Field({ description: 'query, mutation, subscription, ws-connect or unknown' })
  operationType!: string;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => [String], { description: 'Root fields of the operation' })
  rootFields!: string[];

  @Field(() => [String], { description: 'Ids of the cases the answer touched' })
  caseIds!: string[];

  @Field(() => [String], { description: 'Personal data returned in full, as Type.field (e.g. Party.phone)' })
  personalFields!: string[];

  @Field({ description: 'OK, PARTIAL:<codes> or ERROR:<codes>' })
  outcome!: string;

  @Field()
  requestId!: string;

  @Field()
  prevHash!: string;

  @Field()
  hash!: string;
}

@ObjectType()
export class AuditRecordEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditRecordView)
  node!: AuditRecordView;
}

@ObjectType({ description: 'A page of audit records, newest first' })
export class AuditRecordConnection {
  @Field(() => [AuditRecordEdge])
  edges!: AuditRecordEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@InputType('AuditRecordFilter', { description: 'Filters for audit records; all given filters must match' })
export class AuditRecordFilterInput {
  @Field(() => String, { nullable: true, description: 'Token sub' })
  @IsOptional()
  @Length(1, 200)
  sub?: string;

  @Field(() => String, { nullable: true, description: 'Department code' })
  @IsOptional()
  @Length(1, 50)
  dept?: string;

  @Field(() => String, { nullable: true, description: 'Operation name, or a root field (e.g. cases)' })
  @IsOptional()
  @Length(1, 200)
  operation?: string;

  @Field(() => String, { nullable: true, description: 'OK, PARTIAL or ERROR (any code), or exactly e.g. ERROR:FORBIDDEN' })
  @IsOptional()
  @Length(1, 200)
  outcome?: string;

  @Field(() => ID, { nullable: true, description: 'Records that touched this case' })
  caseId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'At or after' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Before' })
  to?: Date;

  @Field(() => Boolean, { nullable: true, description: 'Only records that returned personal data in full' })
  personalDataOnly?: boolean;
}

@ObjectType({ description: 'A record of the audit chain that does not verify' })
export class AuditChainProblem {
  @Field(() => ID)
  recordId!: string;

  @Field(() => ChainProblemKind)
  kind!: ChainProblemKind;

  @Field()
  message!: string;
}

@ObjectType({ description: 'Result of recomputing every hash of the audit log' })
export class AuditVerification {
  @Field()
  valid!: boolean;

  @Field(() => Int, { description: 'Records checked' })
  checked!: number;

  @Field(() => [AuditChainProblem], { description: 'Every record that does not verify (at most 100)' })
  problems!: AuditChainProblem[];

  @Field(() => ID, { nullable: true, description: 'The newest record; keep it with its hash elsewhere to detect a removed or re-hashed tail' })
  headId!: string | null;

  @Field(() => String, { nullable: true })
  headHash!: string | null;

  @Field(() => DateTimeScalar)
  verifiedAt!: Date;
}
