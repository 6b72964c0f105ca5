import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

@ObjectType({ description: 'Writes to other systems waiting in, or delivered from, the outbox' })
export class OutboxStats {
  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  inFlight!: number;

  @Field(() => Int)
  delivered!: number;

  @Field(() => Int, { description: 'Gave up after their attempts or on a permanent refusal: need an operator' })
  dead!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  oldestPendingAt!: Date | null;
}
