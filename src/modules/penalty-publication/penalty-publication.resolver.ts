import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { EnforcementCase } from '../case/case.type';
import { DateTimeScalar } from '../common/scalars';
import { PenaltyPublicationFilter } from './penalty-publication.input';
import type { PublicationPage } from './penalty-publication.service';
import { PenaltyPublication, PenaltyPublicationConnection, PublicationRejectionReason } from './penalty-publication.type';

@Resolver(() => PenaltyPublication)
export class PenaltyPublicationResolver {
  @Query(() => PenaltyPublicationConnection, {
    description: 'Penalty publications (双公示) of the cases the caller may see — pending, published, rejected or late; latest deadline first',
  })
  penaltyPublications(
    @Ctx() ctx: HubContext,
    @Arg('filter', () => PenaltyPublicationFilter, { nullable: true }) filter?: PenaltyPublicationFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return ctx.services.penaltyPublications.list(ctx, { filter, first, after });
  }

  @Mutation(() => PenaltyPublication, {
    description: 'Report a penalty decision to the credit platform again (双公示) after it was REJECTED and the case was corrected; the platform gives a new receipt',
  })
  reportPenaltyAgain(@Ctx() ctx: HubContext, @Arg('caseId', () => ID) caseId: string) {
    return ctx.services.penaltyPublications.reportAgain(ctx, caseId);
  }

  @FieldResolver(() => Boolean, { description: 'Not yet at the platform although the 7 working days have run out' })
  overdue(@Root() p: PenaltyPublication, @Ctx() ctx: HubContext) {
    return ctx.services.penaltyPublications.overdue(p);
  }

  @FieldResolver(() => Boolean, { description: 'The 7-working-day deadline was missed: the current report reached the platform after it, or it is overdue' })
  late(@Root() p: PenaltyPublication, @Ctx() ctx: HubContext) {
    return ctx.services.penaltyPublications.late(p);
  }

  @FieldResolver(() => [PublicationRejectionReason], { description: 'The platform’s reasons when REJECTED (kept until a corrected report is accepted)' })
  rejections(@Root() p: PenaltyPublication, @Ctx() ctx: HubContext) {
    return ctx.services.penaltyPublications.rejections(p);
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When the decision was made' })
  decidedAt(@Root() p: PenaltyPublication, @Ctx() ctx: HubContext) {
    return ctx.services.penaltyPublications.decidedAt(ctx, p);
  }

  @FieldResolver(() => EnforcementCase)
  case(@Root() p: PenaltyPublication, @Ctx() ctx: HubContext) {
    return ctx.services.penaltyPublications.caseOf(ctx, p);
  }
}

@Resolver(() => PenaltyPublicationConnection)
export class PenaltyPublicationConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: PublicationPage, @Ctx() ctx: HubContext) {
    return ctx.services.penaltyPublications.count(page.where);
  }
}

@Resolver(() => EnforcementCase)
export class CasePenaltyPublicationResolver {
  @FieldResolver(() => PenaltyPublication, {
    nullable: true,
    description: 'Publication of the penalty decision on the credit platform (双公示); null before a decision and for 不予处罚',
  })
  penaltyPublication(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.services.penaltyPublications.forCase(ctx, c.id);
  }
}
