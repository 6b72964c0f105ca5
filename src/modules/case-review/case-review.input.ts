import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CaseFileItem } from './case-review.type';

@InputType({ description: 'One checklist item: the points deducted and what was found' })
export class CaseFileItemInput {
  @Field(() => CaseFileItem)
  item!: CaseFileItem;

  @Field(() => Int, { description: '0 up to the item’s points' })
  @Min(0)
  @Max(20)
  deduction!: number;

  @Field(() => String, { nullable: true, description: 'Required when points are deducted' })
  @IsOptional()
  @Length(0, 2000)
  finding?: string;
}

@InputType({ description: '案卷评查 checklist: every item exactly once' })
export class CaseFileChecklistInput {
  @Field(() => [CaseFileItemInput])
  items!: CaseFileItemInput[];
}
