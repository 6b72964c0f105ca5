import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';
import { PublicationStatus } from './penalty-publication.type';

@InputType({ description: 'Which penalty publications (双公示) to list' })
export class PenaltyPublicationFilter {
  @Field(() => [PublicationStatus], { nullable: true })
  @IsOptional()
  status?: PublicationStatus[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: the 7-working-day deadline was missed (reported after it, or still unreported past it); false: the others',
  })
  @IsOptional()
  late?: boolean;

  @Field(() => [String], { nullable: true, description: 'Handling department codes, e.g. LH-GH' })
  @IsOptional()
  departmentCode?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Decided at or after' })
  @IsOptional()
  decidedFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Decided before' })
  @IsOptional()
  decidedTo?: Date;
}
