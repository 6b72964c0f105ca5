import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

/** Longest period a statistics request may span (3 years, leap day included). */
export const MAX_STATS_PERIOD_DAYS = 3 * 365 + 1;

@InputType({
  description: `Statistics period [from, to): from included, to excluded; from must be before to, at most ${MAX_STATS_PERIOD_DAYS} days (3 years)`,
})
export class StatsPeriodInput {
  @Field(() => DateTimeScalar, { description: 'Start of the period (included), e.g. 2026-01-01T00:00:00+08:00' })
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the period (excluded), e.g. 2027-01-01T00:00:00+08:00' })
  to!: Date;
}
