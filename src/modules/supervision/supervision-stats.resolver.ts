import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../context';
import { StatsPeriodInput } from './supervision-stats.input';
import { StatsGroupBy, SupervisionStats } from './supervision-stats.type';

@Resolver()
export class SupervisionStatsResolver {
  @Query(() => SupervisionStats, {
    description:
      '网上监督 statistics: cases received, filed, decided, closed and transferred, 按期办结率 per deadline kind, overdue deadlines, ' +
      'average handling days, fines decided and 12345 satisfaction over a period, per street, department, category or source ' +
      '(SUPERVISOR, AUDITOR, ADMIN and bureaus)',
  })
  supervisionStats(
    @Ctx() ctx: HubContext,
    @Arg('period', () => StatsPeriodInput) period: StatsPeriodInput,
    @Arg('groupBy', () => StatsGroupBy) groupBy: StatsGroupBy,
  ) {
    return ctx.services.supervisionStats.stats(ctx, period, groupBy);
  }
}
