import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import {
  CaseSource,
  CaseStage,
  EvidenceKind,
  LegalReviewOpinion,
  PenaltyKind,
  PowerCategory,
  ServiceMethod,
} from '../common/enums';
import { DateTimeScalar, DecimalScalar } from '../common/scalars';

export enum CaseOrder {
  REGISTERED_AT_DESC = 'REGISTERED_AT_DESC',
  REGISTERED_AT_ASC = 'REGISTERED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  CASE_NO_ASC = 'CASE_NO_ASC',
}
registerEnumType(CaseOrder, { name: 'CaseOrder', description: 'Sort order of a case list; ties are broken by id, so pages are stable' });

@InputType({ description: 'Filters for the case list; all given filters must match' })
export class CaseFilter {
  @Field(() => [CaseStage], { nullable: true })
  stage?: CaseStage[];

  @Field(() => [CaseSource], { nullable: true })
  source?: CaseSource[];

  @Field(() => [String], { nullable: true, description: 'Street names (街道), e.g. 观湖' })
  street?: string[];

  @Field(() => [String], { nullable: true, description: 'Handling department codes' })
  departmentCode?: string[];

  @Field(() => [PowerCategory], { nullable: true })
  category?: PowerCategory[];

  @Field(() => String, { nullable: true, description: '统一社会信用代码 or 居民身份证号 of a party' })
  partyCode?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Registered at or after' })
  registeredFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Registered before' })
  registeredTo?: Date;

  @Field(() => String, { nullable: true, description: 'Free text over case number, summary, facts, address and party names' })
  @IsOptional()
  @Length(1, 100)
  text?: string;
}

@InputType({ description: 'A party named when a case is registered; created if the code is new' })
export class PartyInput {
  @Field({ description: '统一社会信用代码 or 居民身份证号, validated with its check character' })
  code!: string;

  @Field()
  @Length(1, 100)
  name!: string;

  @Field(() => String, { nullable: true })
  legalRepName?: string;

  @Field(() => String, { nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true })
  address?: string;
}

@InputType({ description: '受理: register a case' })
export class RegisterCaseInput {
  @Field(() => CaseSource)
  source!: CaseSource;

  @Field(() => String, { nullable: true })
  sourceRef?: string;

  @Field({ description: 'Code of the power-list item (权责清单事项)' })
  powerItemCode!: string;

  @Field()
  @Length(4, 500)
  summary!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  facts?: string;

  @Field()
  @Length(4, 300)
  address!: string;

  @Field(() => Number, { nullable: true })
  @IsOptional()
  @Min(73)
  @Max(136)
  lng?: number;

  @Field(() => Number, { nullable: true })
  @IsOptional()
  @Min(3)
  @Max(54)
  lat?: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the matter was discovered; defaults to now' })
  discoveredAt?: Date;

  @Field(() => [String], { description: '执法证号 of the officers (at least two, Art. 42); the first leads' })
  @ArrayMaxSize(10)
  officerBadgeNos!: string[];

  @Field(() => [PartyInput], { nullable: true })
  @ArrayMaxSize(20)
  parties?: PartyInput[];

  @Field({ nullable: true, description: 'Serious case (重大案件): legal review required before a decision' })
  serious?: boolean;
}

@InputType()
export class AddEvidenceInput {
  @Field(() => EvidenceKind)
  kind!: EvidenceKind;

  @Field()
  @Length(2, 1000)
  description!: string;

  @Field({ description: 'SHA-256 of the file, 64 lower-case hex characters' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex characters (SHA-256)' })
  sha256!: string;

  @Field(() => String, { nullable: true })
  fileName?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  size?: number;

  @Field({ description: '执法证号 of the collecting officer, one of the case officers' })
  collectorBadgeNo!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  collectedAt?: Date;
}

@InputType({ description: '告知: notify the party of the proposed penalty and its rights (陈述、申辩、听证)' })
export class NotifyPartyInput {
  @Field(() => Int, { description: 'Discretion tier level the facts fall in' })
  @Min(1)
  tierLevel!: number;

  @Field(() => PenaltyKind)
  proposedPenalty!: PenaltyKind;

  @Field(() => DecimalScalar, { nullable: true })
  proposedFine?: string;

  @Field(() => ServiceMethod)
  method!: ServiceMethod;
}

@InputType()
export class LegalReviewInput {
  @Field(() => LegalReviewOpinion)
  opinion!: LegalReviewOpinion;

  @Field()
  @Length(2, 2000)
  comments!: string;
}

@InputType({ description: '作出处罚决定' })
export class DecideCaseInput {
  @Field(() => PenaltyKind)
  kind!: PenaltyKind;

  @Field(() => DecimalScalar, { nullable: true })
  fineAmount?: string;

  @Field(() => DecimalScalar, { nullable: true })
  confiscatedAmount?: string;

  @Field()
  @Length(2, 2000)
  reasoning!: string;

  @Field({
    nullable: true,
    description: 'The party waived statement and hearing rights in writing, so the decision need not wait for the 5-working-day hearing window',
  })
  partyWaivedRights?: boolean;
}

@InputType()
export class ServeDecisionInput {
  @Field(() => ServiceMethod)
  method!: ServiceMethod;
}

@InputType()
export class RecordExecutionInput {
  @Field(() => DecimalScalar, { description: 'Amount paid in this instalment (0 for non-monetary penalties)' })
  amountPaid!: string;

  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType()
export class CloseCaseInput {
  @Field()
  @Length(2, 2000)
  summary!: string;
}

@InputType({ description: 'A correction (更正): the changed fields and why; recorded as a new event, nothing is overwritten in the history' })
export class CorrectCaseInput {
  @Field()
  @Length(5, 1000)
  reason!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(4, 500)
  summary?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  facts?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(4, 300)
  address?: string;

  @Field(() => Number, { nullable: true })
  @IsOptional()
  @Min(73)
  @Max(136)
  lng?: number;

  @Field(() => Number, { nullable: true })
  @IsOptional()
  @Min(3)
  @Max(54)
  lat?: number;

  @Field(() => String, { nullable: true })
  powerItemCode?: string;

  @Field({ nullable: true })
  serious?: boolean;
}
