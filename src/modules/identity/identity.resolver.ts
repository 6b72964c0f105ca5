import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { EnforcementCase } from '../case/case.type';
import { PersonsToVerify } from './identity.input';
import { IdentityCheck, VerificationPurpose } from './identity.type';

@Resolver(() => IdentityCheck)
export class IdentityResolver {
  @Mutation(() => IdentityCheck, { description: '身份核验 through public security; records MATCH/MISMATCH/NOT_FOUND on the case, nothing else' })
  async verifyIdentity(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('name', () => String) name: string,
    @Arg('idNumber', () => String) idNumber: string,
    @Arg('purpose', () => VerificationPurpose) purpose: VerificationPurpose,
  ) {
    const [check] = await ctx.services.identity.verify(ctx, caseId, [{ name, idNumber }], purpose);
    return check;
  }

  @Mutation(() => [IdentityCheck], { description: 'Several persons in one batched call (≤ 20 per upstream call)' })
  verifyIdentities(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => PersonsToVerify) input: PersonsToVerify,
    @Arg('purpose', () => VerificationPurpose) purpose: VerificationPurpose,
  ) {
    return ctx.services.identity.verify(ctx, caseId, input.persons, purpose);
  }

  @Mutation(() => [IdentityCheck], { description: "Every natural-person party of the case, with the case's records, in one batched call" })
  verifyCaseParties(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('purpose', () => VerificationPurpose) purpose: VerificationPurpose,
  ) {
    return ctx.services.identity.verifyCaseParties(ctx, caseId, purpose);
  }
}

@Resolver(() => EnforcementCase)
export class CaseIdentityResolver {
  @FieldResolver(() => [IdentityCheck], { description: 'Identity checks recorded on the case (results only)' })
  identityChecks(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.identityChecksByCaseId.load(c.id);
  }
}
