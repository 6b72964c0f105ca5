import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { EnforcementCase } from '../case/case.type';
import { CaseFileChecklistInput } from './case-review.input';
import { CaseReview } from './case-review.type';

@Resolver(() => CaseReview)
export class CaseReviewResolver {
  @Mutation(() => CaseReview, { description: '案卷评查: score a closed case file (bureau reviewer or supervisor, never the handling team)' })
  reviewCaseFile(@Ctx() ctx: HubContext, @Arg('caseId', () => ID) caseId: string, @Arg('checklist', () => CaseFileChecklistInput) checklist: CaseFileChecklistInput) {
    return ctx.services.caseReviews.review(ctx, caseId, checklist);
  }
}

@Resolver(() => EnforcementCase)
export class CaseReviewsResolver {
  @FieldResolver(() => [CaseReview], { description: '案卷评查 results of this case file' })
  reviews(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.services.caseReviews.byCase(c.id);
  }
}
