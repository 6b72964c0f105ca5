import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PenaltyKind, PowerCategory } from '../common/enums';
import { DecimalScalar } from '../common/scalars';

@ObjectType({ description: 'One circumstance tier of the discretion benchmark (自由裁量基准): "罚不罚、罚多少，系统来界定"' })
export class DiscretionTier {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1 = lightest' })
  level!: number;

  @Field()
  name!: string;

  @Field()
  circumstance!: string;

  @Field(() => PenaltyKind)
  penaltyKind!: PenaltyKind;

  @Field(() => DecimalScalar, { nullable: true })
  fineMin!: unknown;

  @Field(() => DecimalScalar, { nullable: true })
  fineMax!: unknown;

  @Field({ description: 'A decision in this tier needs 法制审核 first (行政处罚法 Art. 58)' })
  requiresLegalReview!: boolean;

  powerItemId!: string;
}

@ObjectType({ description: 'A power-list item (权责清单事项) with its legal basis' })
export class PowerItem {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => PowerCategory)
  category!: PowerCategory;

  @Field({ description: 'The provision broken (违法依据)' })
  legalBasis!: string;

  @Field({ description: 'The provision setting the penalty (处罚依据)' })
  penaltyBasis!: string;

  @Field(() => [String], { description: 'Permit types (PermitType of the permits system, e.g. OUTDOOR_AD) relevant to this matter' })
  permitTypes!: string[];
}
