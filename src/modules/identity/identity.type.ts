import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

export enum IdentityMatch {
  MATCH = 'MATCH',
  MISMATCH = 'MISMATCH',
  NOT_FOUND = 'NOT_FOUND',
}
registerEnumType(IdentityMatch, {
  name: 'IdentityMatch',
  description: 'What public security (公安) answers to an identity check: nothing else about the person is returned or stored',
  valuesConfig: {
    MATCH: { description: 'Name and ID number belong together' },
    MISMATCH: { description: 'The number exists, the name differs' },
    NOT_FOUND: { description: 'The number is not registered' },
  },
});

export enum VerificationPurpose {
  CASE_INVESTIGATION = 'CASE_INVESTIGATION',
  DOCUMENT_SERVICE = 'DOCUMENT_SERVICE',
  PENALTY_ENFORCEMENT = 'PENALTY_ENFORCEMENT',
}
registerEnumType(VerificationPurpose, {
  name: 'VerificationPurpose',
  description: 'Why the identity is checked; audited by public security',
  valuesConfig: {
    CASE_INVESTIGATION: { description: '案件调查取证' },
    DOCUMENT_SERVICE: { description: '文书送达' },
    PENALTY_ENFORCEMENT: { description: '处罚执行' },
  },
});

@ObjectType({ description: 'An identity verification by public security recorded on a case (身份核验): the result only' })
export class IdentityCheck {
  @Field(() => ID)
  id!: string;

  @Field(() => IdentityMatch)
  result!: IdentityMatch;

  @Field({ description: 'Reference of the check at public security' })
  verificationId!: string;

  @Field(() => VerificationPurpose)
  purpose!: VerificationPurpose;

  @Field()
  checkedBy!: string;

  @Field(() => DateTimeScalar)
  checkedAt!: Date;

  partyId!: string | null;
}
