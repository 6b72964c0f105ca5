// Subscriptions over graphql-ws. The subscribe functions decide access and open a stream on the
// event bus; the resolvers map each stored event to its output type (one run per subscriber and event).
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { HubContext } from '../../context';
import type { StoredHubEvent } from '../../events/event-bus';
import type { AssistRequestPayload, CaseUpdatedPayload, TransferStatusPayload } from '../../events/payloads';
import { AssistRequestUpdate, CaseUpdate, TransferStatusUpdate } from './events.type';

/** How often the subscription resolvers ran (benchmarks: GraphQL executions per event). */
export const subscriptionResolverRuns = { count: 0 };

const SINCE =
  'Sequence number of the last event you received: the events after it are sent first, then live ones. Leave out for live events only.';

type Data<A> = SubscribeResolverData<unknown, A, HubContext>;

function date(value: unknown): Date {
  return new Date(value as string);
}

/** The event the field resolves; absent when a subscription was sent as a query over HTTP. */
export function delivered(event: StoredHubEvent | undefined): StoredHubEvent {
  if (!event || typeof event.seq !== 'string') {
    throw new GraphQLError('subscriptions are served over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on /graphql', {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
  subscriptionResolverRuns.count += 1;
  return event;
}

@Resolver()
export class EventsResolver {
  @Subscription(() => CaseUpdate, {
    description: 'The committed steps of a case, in order. FORBIDDEN unless you may read the case.',
    subscribe: ({ args, context }: Data<{ caseId: string; since?: string | null }>) =>
      context.services.eventSubscriptions.caseUpdated(context, args.caseId, args.since),
  })
  caseUpdated(
    @Root() event: StoredHubEvent,
    @Ctx() context: HubContext,
    @Arg('caseId', () => ID) _caseId: string,
    @Arg('since', () => String, { nullable: true, description: SINCE }) _since?: string | null,
  ): CaseUpdate {
    const p = delivered(event).payload as CaseUpdatedPayload;
    context.audit.caseIds.add(p.caseId);
    return {
      sequence: event.seq,
      caseId: p.caseId,
      caseNo: p.caseNo,
      stage: p.stage,
      version: p.version,
      eventType: p.eventType,
      occurredAt: date(p.occurredAt),
    };
  }

  @Subscription(() => TransferStatusUpdate, {
    description: 'Status changes of a transfer, or of every transfer of a case (give at least one). Visible while you may read the case.',
    subscribe: ({ args, context }: Data<{ transferId?: string | null; caseId?: string | null; since?: string | null }>) =>
      context.services.eventSubscriptions.transferStatusChanged(context, args.transferId, args.caseId, args.since),
  })
  transferStatusChanged(
    @Root() event: StoredHubEvent,
    @Ctx() context: HubContext,
    @Arg('transferId', () => ID, { nullable: true }) _transferId?: string | null,
    @Arg('caseId', () => ID, { nullable: true }) _caseId?: string | null,
    @Arg('since', () => String, { nullable: true, description: SINCE }) _since?: string | null,
  ): TransferStatusUpdate {
    const p = delivered(event).payload as TransferStatusPayload;
    context.audit.caseIds.add(p.caseId);
    return {
      sequence: event.seq,
      transferId: p.transferId,
      caseId: p.caseId,
      transferNo: p.transferNo,
      status: p.status,
      platformSequence: p.platformSequence ?? null,
      occurredAt: date(p.occurredAt),
      detail: p.detail ?? null,
    };
  }

  @Subscription(() => AssistRequestUpdate, {
    description: 'Co-handling requests (协办) asked of or by a department. Your own department only, unless SUPERVISOR or ADMIN.',
    subscribe: ({ args, context }: Data<{ departmentCode: string; since?: string | null }>) =>
      context.services.eventSubscriptions.assistRequestUpdated(context, args.departmentCode, args.since),
  })
  assistRequestUpdated(
    @Root() event: StoredHubEvent,
    @Ctx() context: HubContext,
    @Arg('departmentCode', () => String) _departmentCode: string,
    @Arg('since', () => String, { nullable: true, description: SINCE }) _since?: string | null,
  ): AssistRequestUpdate {
    const p = delivered(event).payload as AssistRequestPayload;
    context.audit.caseIds.add(p.caseId);
    return {
      sequence: event.seq,
      assistRequestId: p.assistRequestId,
      caseId: p.caseId,
      fromDepartmentCode: p.fromDepartmentCode,
      toDepartmentCode: p.toDepartmentCode,
      status: p.status,
      kind: p.kind,
      dueAt: p.dueAt ? date(p.dueAt) : null,
      occurredAt: date(p.occurredAt),
    };
  }
}
