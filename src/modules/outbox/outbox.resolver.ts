import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../context';
import { OutboxDelivery } from '../transfer/transfer.type';
import { OutboxStats } from './outbox.type';

@Resolver()
export class OutboxResolver {
  @Query(() => OutboxStats, { description: 'Outbox backlog and dead letters (SUPERVISOR, ADMIN)' })
  outboxStats(@Ctx() ctx: HubContext, @Arg('topic', () => String, { nullable: true }) topic?: string) {
    return ctx.services.outboxAdmin.stats(ctx, topic);
  }

  @Mutation(() => OutboxDelivery, { description: 'Put a DEAD delivery back in line, its attempts reset (ADMIN)' })
  retryOutboxMessage(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return ctx.services.outboxAdmin.retry(ctx, id);
  }
}
