import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { HubContext } from '../../context';
import type { StoredHubEvent } from '../../events/event-bus';
import { delivered } from '../events/events.resolver';
import type { SupervisionAlertPayload } from '../../events/payloads';
import type { SupervisionLevel, SupervisionReason, SupervisionStatus, SupervisionTargetType } from '../../generated/prisma/enums';
import { IssueSupervisionInput, SupervisionItemFilter } from './supervision.input';
import { SupervisionAlert, SupervisionItem, SupervisionItemConnection, SupervisionScanResult } from './supervision.type';

@Resolver(() => SupervisionItem)
export class SupervisionResolver {
  @Query(() => SupervisionItemConnection, { description: '督办 items: all for supervisors, auditors and bureaus; a department its own' })
  supervisionItems(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => SupervisionItemFilter, { nullable: true }) filter?: SupervisionItemFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return ctx.services.supervision.list(ctx, filter ?? {}, first, after);
  }

  @Query(() => SupervisionItem)
  supervisionItem(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return ctx.services.supervision.get(ctx, id);
  }

  @Mutation(() => SupervisionItem, { description: '督办: order a department to act (SUPERVISOR)' })
  issueSupervision(@Ctx() ctx: HubContext, @Arg('input', () => IssueSupervisionInput) input: IssueSupervisionInput) {
    return ctx.services.supervision.issue(ctx, input);
  }

  @Mutation(() => SupervisionItem, { description: 'The department under supervision answers' })
  respondToSupervision(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string, @Arg('response') response: string) {
    return ctx.services.supervision.respond(ctx, id, response);
  }

  @Mutation(() => SupervisionItem, { description: 'A supervisor closes the item' })
  closeSupervision(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note?: string) {
    return ctx.services.supervision.close(ctx, id, note);
  }

  @Mutation(() => SupervisionScanResult, { description: 'Runs the deadline scheduler now (SUPERVISOR or ADMIN); it also runs on its own every SUPERVISION_SCAN_MS' })
  scanDeadlines(@Ctx() ctx: HubContext) {
    return ctx.services.supervision.scanNow(ctx);
  }

  @Subscription(() => SupervisionAlert, {
    description: '督办 alerts for a department (its own; supervisors, auditors and bureaus any)',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { departmentCode: string; since?: string | null }, HubContext>) =>
      context.services.eventSubscriptions.supervisionAlert(context, args.departmentCode, args.since),
  })
  supervisionAlert(
    @Root() event: StoredHubEvent,
    @Arg('departmentCode') _departmentCode: string,
    @Arg('since', () => String, { nullable: true, description: 'Sequence number of the last event you received' }) _since?: string | null,
  ): SupervisionAlert {
    const p = delivered(event).payload as SupervisionAlertPayload;
    return {
      sequence: event.seq,
      supervisionItemId: p.supervisionItemId,
      targetType: p.targetType as SupervisionTargetType,
      targetId: p.targetId,
      reference: p.reference,
      deadlineKind: p.deadlineKind,
      reason: p.reason as SupervisionReason,
      level: p.level as SupervisionLevel,
      status: p.status as SupervisionStatus,
      departmentCode: p.departmentCode,
      dueAt: new Date(p.dueAt),
      change: p.change,
      occurredAt: new Date(p.occurredAt),
    };
  }
}
