// Assembles the GraphQL schema from the modules' resolvers.
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type MiddlewareFn } from 'type-graphql';
import '../modules/common/enums';
import type { HubContext } from '../context';
import { CaseConnectionResolver, CaseResolver } from '../modules/case/case.resolver';
import { DepartmentResolver, OfficerResolver } from '../modules/department/department.resolver';
import { PartyResolver } from '../modules/party/party.resolver';
import { PowerItemResolver } from '../modules/power-item/power-item.resolver';
import { CasePermitsResolver, PartyPermitsResolver, PermitResolver } from '../modules/permit/permit.resolver';
import { CaseIdentityResolver, IdentityResolver } from '../modules/identity/identity.resolver';
import { ConnectorHealthResolver } from '../modules/connector-health/connector-health.resolver';
import { PartyCreditResolver } from '../modules/credit/credit.resolver';
import { CaseTransfersResolver, TransferResolver } from '../modules/transfer/transfer.resolver';
import { AssistResolver, CaseAssistResolver } from '../modules/assist/assist.resolver';
import { OutboxResolver } from '../modules/outbox/outbox.resolver';
import { createPubSub } from '@graphql-yoga/subscription';
import { EventsResolver } from '../modules/events/events.resolver';
import { CaseWorkOrdersResolver, WorkOrderResolver } from '../modules/work-order/work-order.resolver';
import { SupervisionResolver } from '../modules/supervision/supervision.resolver';
import { CaseReviewResolver, CaseReviewsResolver } from '../modules/case-review/case-review.resolver';
import { SupervisionStatsResolver } from '../modules/supervision/supervision-stats.resolver';
import { DataSharingResolver } from '../modules/data-sharing/data-sharing.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { enforceFieldPolicy } from '../auth/field-policy';
import {
  CasePenaltyPublicationResolver,
  PenaltyPublicationConnectionResolver,
  PenaltyPublicationResolver,
} from '../modules/penalty-publication/penalty-publication.resolver';

/** Every case object that leaves the API, however nested, is named in the request's audit record. */
const recordCasesTouched: MiddlewareFn<HubContext> = ({ root, info, context }, next) => {
  if (info.parentType.name === 'EnforcementCase' && root && typeof (root as { id?: unknown }).id === 'string') {
    context.audit.caseIds.add((root as { id: string }).id);
  }
  return next();
};

export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      CaseResolver,
      CaseConnectionResolver,
      PartyResolver,
      DepartmentResolver,
      OfficerResolver,
      PowerItemResolver,
      PermitResolver,
      PartyPermitsResolver,
      CasePermitsResolver,
      IdentityResolver,
      CaseIdentityResolver,
      ConnectorHealthResolver,
      PartyCreditResolver,
      TransferResolver,
      CaseTransfersResolver,
      AssistResolver,
      CaseAssistResolver,
      OutboxResolver,
      EventsResolver,
      WorkOrderResolver,
      CaseWorkOrdersResolver,
      SupervisionResolver,
      CaseReviewResolver,
      CaseReviewsResolver,
      SupervisionStatsResolver,
      DataSharingResolver,
      AuditResolver,
      PenaltyPublicationResolver,
      PenaltyPublicationConnectionResolver,
      CasePenaltyPublicationResolver,
    ],
    // Subscriptions bring their own streams (the event bus); type-graphql insists on a pubSub anyway.
    pubSub: createPubSub(),
    validate: { forbidUnknownValues: false },
    // Then the agreement's field rules and the masking of personal data (src/auth/field-policy.ts).
    globalMiddlewares: [recordCasesTouched, enforceFieldPolicy],
  });
}
