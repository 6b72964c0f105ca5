import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

export enum CreditRating {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
registerEnumType(CreditRating, {
  name: 'CreditRating',
  description: 'Public credit rating (公共信用综合评价等级)',
  valuesConfig: {
    A: { description: '诚信' },
    B: { description: '良好' },
    C: { description: '警示' },
    D: { description: '失信' },
  },
});

@ObjectType({ description: 'An entry of the blacklist (失信名单) or redlist (守信红名单)' })
export class CreditListEntry {
  @Field()
  listType!: string;

  @Field()
  listTypeName!: string;

  @Field()
  reason!: string;

  @Field({ description: 'Listing authority' })
  listedBy!: string;

  @Field(() => DateTimeScalar)
  listedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Null: indefinite' })
  expiresAt!: Date | null;
}

@ObjectType({ description: 'Credit standing of a party on the public credit platform (社会信用)' })
export class CreditProfile {
  @Field()
  subjectCode!: string;

  @Field()
  subjectName!: string;

  @Field({ description: 'LEGAL_PERSON, INDIVIDUAL_BUSINESS, NATURAL_PERSON… as the platform classifies the subject' })
  subjectType!: string;

  @Field(() => CreditRating)
  creditRating!: CreditRating;

  @Field({ description: '失信联合惩戒对象: a blacklist entry in force' })
  onBlacklist!: boolean;

  @Field(() => [CreditListEntry])
  blacklistEntries!: CreditListEntry[];

  @Field(() => [CreditListEntry])
  redlistEntries!: CreditListEntry[];

  @Field(() => Int, { description: 'Administrative penalties in their publicity period (双公示)' })
  penaltiesPublished!: number;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
