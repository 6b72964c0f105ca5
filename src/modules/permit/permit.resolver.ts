import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { EnforcementCase } from '../case/case.type';
import { Party } from '../party/party.type';
import { Permit, PermitCheck } from './permit.type';

@Resolver(() => Permit)
export class PermitResolver {
  @Query(() => Permit, { nullable: true, description: 'A permit by number from the permits system (行政许可); null when it does not exist' })
  permit(@Ctx() ctx: HubContext, @Arg('permitNo', () => String) permitNo: string) {
    return ctx.services.permits.getPermit(ctx, permitNo);
  }

  @Mutation(() => EnforcementCase, {
    description: 'Look a permit up now and keep what the permits system said on the case, as evidence (许可核查)',
  })
  recordPermitCheck(@Ctx() ctx: HubContext, @Arg('caseId', () => ID) caseId: string, @Arg('permitNo', () => String) permitNo: string) {
    return ctx.services.permits.recordPermitCheck(ctx, caseId, permitNo);
  }
}

@Resolver(() => Party)
export class PartyPermitsResolver {
  @FieldResolver(() => [Permit], { nullable: true, description: "The party's permits (null with an UPSTREAM_ error when the permits system fails)" })
  permits(@Root() party: Party, @Ctx() ctx: HubContext) {
    return ctx.services.permits.partyPermits(ctx, party);
  }
}

@Resolver(() => EnforcementCase)
export class CasePermitsResolver {
  @FieldResolver(() => [Permit], {
    nullable: true,
    description: "The parties' permits of the types that matter for the case's power item (e.g. an outdoor-advertising case shows 户外广告设置 permits)",
  })
  relatedPermits(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.services.permits.caseRelatedPermits(ctx, c);
  }

  @FieldResolver(() => [PermitCheck], { description: 'Permits checked for this case, with what the permits system said then' })
  permitChecks(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.permitChecksByCaseId.load(c.id);
  }
}
