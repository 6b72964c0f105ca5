import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  CaseEventType,
  CaseSource,
  CaseStage,
  DocumentKind,
  EvidenceKind,
  LegalReviewOpinion,
  PartyRole,
  PenaltyKind,
  ServiceMethod,
} from '../common/enums';
import { PageInfo } from '../common/page-info';
import { DateTimeScalar, DecimalScalar, JSONScalar } from '../common/scalars';
import { Party } from '../party/party.type';
import { Officer } from '../department/department.type';

export enum CaseDeadlineKindEnum {
  FILING = 'FILING',
  HEARING_REQUEST = 'HEARING_REQUEST',
  DECISION = 'DECISION',
  SERVICE = 'SERVICE',
  PAYMENT = 'PAYMENT',
}
registerEnumType(CaseDeadlineKindEnum, {
  name: 'CaseDeadlineKind',
  valuesConfig: {
    FILING: { description: '立案: decide whether to file within 15 working days of registration' },
    HEARING_REQUEST: { description: '听证申请: the party may ask for a hearing within 5 working days of notification (Art. 64)' },
    DECISION: { description: '作出决定: within 90 days of filing (Art. 60)' },
    SERVICE: { description: '送达: within 7 working days of the decision (Art. 61)' },
    PAYMENT: { description: '缴纳罚款: within 15 days of service (Art. 67)' },
  },
});

export enum ChainProblemKind {
  HASH_MISMATCH = 'HASH_MISMATCH',
  PREV_HASH_MISMATCH = 'PREV_HASH_MISMATCH',
  SEQUENCE_GAP = 'SEQUENCE_GAP',
}
registerEnumType(ChainProblemKind, {
  name: 'ChainProblemKind',
  valuesConfig: {
    HASH_MISMATCH: { description: 'The row content no longer matches its own hash: it was changed' },
    PREV_HASH_MISMATCH: { description: 'The row does not link to the one before it: a row was changed, removed or inserted' },
    SEQUENCE_GAP: { description: 'A sequence number is missing or repeated' },
  },
});

@ObjectType({ description: 'A statutory deadline of a case' })
export class CaseDeadline {
  @Field(() => CaseDeadlineKindEnum)
  kind!: CaseDeadlineKindEnum;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the step was taken; null while open' })
  metAt!: Date | null;

  @Field({ description: 'Open past its due time, or met late' })
  overdue!: boolean;

  @Field()
  legalBasis!: string;
}

@ObjectType()
export class Location {
  @Field(() => Number)
  lng!: number;

  @Field(() => Number)
  lat!: number;
}

@ObjectType({ description: 'A party of a case and its role' })
export class CaseParty {
  @Field(() => PartyRole)
  role!: PartyRole;

  @Field(() => Party)
  party!: Party;
}

@ObjectType({ description: 'An officer assigned to a case' })
export class CaseOfficer {
  @Field()
  lead!: boolean;

  @Field(() => Officer)
  officer!: Officer;
}

@ObjectType({ description: 'A piece of evidence (证据), identified by its content hash' })
export class Evidence {
  @Field(() => ID)
  id!: string;

  @Field(() => EvidenceKind)
  kind!: EvidenceKind;

  @Field()
  description!: string;

  @Field({ description: 'SHA-256 of the file, lower-case hex' })
  sha256!: string;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => Int, { nullable: true })
  size!: number | null;

  @Field(() => DateTimeScalar)
  collectedAt!: Date;

  collectorId!: string;
}

@ObjectType({ description: 'An enforcement document (执法文书)' })
export class CaseDocument {
  @Field(() => ID)
  id!: string;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field({ description: '文书号' })
  docNo!: string;

  @Field()
  title!: string;

  @Field(() => DateTimeScalar)
  issuedAt!: Date;
}

@ObjectType({ description: 'A legal review (法制审核) of a proposed decision' })
export class LegalReview {
  @Field(() => ID)
  id!: string;

  @Field()
  reviewer!: string;

  @Field(() => LegalReviewOpinion)
  opinion!: LegalReviewOpinion;

  @Field()
  comments!: string;

  @Field(() => DateTimeScalar)
  reviewedAt!: Date;
}

@ObjectType({ description: 'An administrative penalty decision (行政处罚决定)' })
export class PenaltyDecision {
  @Field(() => ID)
  id!: string;

  @Field({ description: '决定书文号' })
  decisionNo!: string;

  @Field(() => PenaltyKind)
  kind!: PenaltyKind;

  @Field(() => DecimalScalar)
  fineAmount!: unknown;

  @Field(() => DecimalScalar)
  confiscatedAmount!: unknown;

  @Field()
  basis!: string;

  @Field()
  reasoning!: string;

  @Field(() => DateTimeScalar)
  decidedAt!: Date;

  @Field()
  decidedBy!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  servedAt!: Date | null;

  @Field(() => ServiceMethod, { nullable: true })
  serviceMethod!: ServiceMethod | null;

  @Field(() => DecimalScalar)
  paidAmount!: unknown;

  @Field(() => DateTimeScalar, { nullable: true })
  paidAt!: Date | null;
}

@ObjectType({ description: 'One entry of the append-only, hash-chained case history' })
export class CaseEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1-based position in the chain' })
  seq!: number;

  @Field(() => CaseEventType)
  type!: CaseEventType;

  @Field(() => CaseStage, { nullable: true })
  stageBefore!: CaseStage | null;

  @Field(() => CaseStage)
  stageAfter!: CaseStage;

  @Field(() => JSONScalar)
  payload!: unknown;

  @Field(() => String, { nullable: true, description: 'Reason given (required for corrections)' })
  reason!: string | null;

  @Field()
  actorSub!: string;

  @Field()
  actorDept!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field()
  prevHash!: string;

  @Field()
  hash!: string;
}

@ObjectType({ description: 'A link of the case history that does not verify' })
export class ChainProblem {
  @Field(() => Int)
  seq!: number;

  @Field(() => ID, { nullable: true })
  eventId!: string | null;

  @Field(() => ChainProblemKind)
  kind!: ChainProblemKind;

  @Field()
  message!: string;
}

@ObjectType({ description: 'Result of recomputing every hash of a case history' })
export class HistoryVerification {
  @Field(() => ID)
  caseId!: string;

  @Field()
  valid!: boolean;

  @Field(() => Int)
  length!: number;

  @Field(() => Int, { nullable: true, description: 'Sequence number of the first broken link' })
  firstBrokenSeq!: number | null;

  @Field(() => [ChainProblem])
  problems!: ChainProblem[];

  @Field(() => DateTimeScalar)
  verifiedAt!: Date;
}

@ObjectType({ description: 'An enforcement case (案件)' })
export class EnforcementCase {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Case number, e.g. GH-2026-00017' })
  caseNo!: string;

  @Field(() => CaseSource)
  source!: CaseSource;

  @Field(() => String, { nullable: true, description: 'Reference in the source system (e.g. 12345 order number)' })
  sourceRef!: string | null;

  @Field(() => CaseStage)
  stage!: CaseStage;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true })
  facts!: string | null;

  @Field()
  address!: string;

  @Field({ description: 'Street (街道)' })
  street!: string;

  @Field({ description: 'Serious case (重大案件): needs 法制审核 before a decision whatever its tier' })
  serious!: boolean;

  @Field(() => DateTimeScalar)
  discoveredAt!: Date;

  @Field(() => DateTimeScalar)
  registeredAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  filedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the case was not filed (不予立案理由)' })
  notFiledReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  notifiedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  servedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  executedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  transferredAt!: Date | null;

  @Field(() => Int, { description: 'Bumped by every event; pass as expectedVersion to guard against concurrent edits' })
  version!: number;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  departmentId!: string;
  powerItemId!: string;
  tierId!: string | null;
  lng!: unknown;
  lat!: unknown;
  hearingRequested!: boolean;
}

@ObjectType()
export class CaseEdge {
  @Field()
  cursor!: string;

  @Field(() => EnforcementCase)
  node!: EnforcementCase;
}

@ObjectType({ description: 'A page of cases' })
export class CaseConnection {
  @Field(() => [CaseEdge])
  edges!: CaseEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Cases matching the filter that the caller may see' })
  totalCount!: number;
}
