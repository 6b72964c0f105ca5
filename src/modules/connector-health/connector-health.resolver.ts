import { Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../context';
import { ConnectorHealthReport } from './connector-health.type';

@Resolver(() => ConnectorHealthReport)
export class ConnectorHealthResolver {
  @Query(() => [ConnectorHealthReport], { description: 'Per external system: circuit state, error rate, p50/p95 latency, last error (SUPERVISOR, ADMIN)' })
  connectorHealth(@Ctx() ctx: HubContext) {
    return ctx.services.connectorHealth.report(ctx);
  }
}
