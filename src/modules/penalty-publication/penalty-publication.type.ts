import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PublicationStatus } from '../../generated/prisma/enums';
import { PageInfo } from '../common/page-info';
import { DateTimeScalar } from '../common/scalars';

registerEnumType(PublicationStatus, {
  name: 'PublicationStatus',
  description: 'Where a penalty decision stands in its publication (双公示) on the credit platform',
  valuesConfig: {
    PENDING: { description: 'Queued in the outbox, not yet accepted by the platform (also after reportPenaltyAgain)' },
    REPORTED: { description: 'Accepted by the platform with a receipt (RECEIVED); its checks have not started' },
    VALIDATING: { description: 'The platform is checking the record' },
    PUBLISHED: { description: 'Published (公示) by the platform' },
    REJECTED: { description: 'Refused by the platform’s checks; correct the case, then reportPenaltyAgain' },
  },
});

export { PublicationStatus };

@ObjectType({ description: 'Why the credit platform refused a 双公示 report (a rule of the platform’s PenaltyRecordType)' })
export class PublicationRejectionReason {
  @Field({ description: 'The platform’s rule, e.g. PARTY_NOT_MATCHED, FINE_AMOUNT_MISMATCH' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The record field the rule concerns' })
  field!: string | null;

  @Field({ description: 'The platform’s explanation (Chinese)' })
  message!: string;
}

@ObjectType({
  description:
    'Publication of a penalty decision (双公示, 行政处罚信息公示): reported to the credit platform (公共信用信息共享平台) within 7 working days of the decision, then followed until published or rejected',
})
export class PenaltyPublication {
  @Field(() => ID)
  id!: string;

  @Field({ description: '决定书文号 of the decision, the report’s key at the platform' })
  decisionNo!: string;

  @Field(() => PublicationStatus)
  status!: PublicationStatus;

  @Field(() => DateTimeScalar, { description: 'End (23:59:59 Asia/Shanghai) of the 7th working day after the decision' })
  dueAt!: Date;

  @Field(() => String, { nullable: true, description: 'Receipt of the platform for the current report' })
  receiptId!: string | null;

  @Field({ description: 'The platform answered DUPLICATE_REPORT: the decision had already reached it and receiptId is the original receipt' })
  duplicate!: boolean;

  @Field(() => Int, { description: 'Reports accepted by the platform so far (a corrected report after a rejection counts again)' })
  reportCount!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the platform accepted the current report' })
  reportedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  rejectedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last status query (QueryReportStatus)' })
  lastPolledAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Next status query; null once final' })
  nextPollAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last delivery or status query failed (cleared by the next success)' })
  lastError!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  caseId!: string | null;
  decisionId!: string;
  rejections!: unknown;
}

@ObjectType()
export class PenaltyPublicationEdge {
  @Field()
  cursor!: string;

  @Field(() => PenaltyPublication)
  node!: PenaltyPublication;
}

@ObjectType({ description: 'A page of penalty publications (双公示), latest deadline first' })
export class PenaltyPublicationConnection {
  @Field(() => [PenaltyPublicationEdge])
  edges!: PenaltyPublicationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Publications matching the filter that the caller may see' })
  totalCount!: number;
}
