import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { CaseOrder } from '../case/case.input';
import { CaseConnection } from '../case/case.type';
import { PURPOSE_ARGUMENT as PURPOSE } from '../../auth/field-policy';
import { Party } from './party.type';

@Resolver(() => Party)
export class PartyResolver {
  @Query(() => Party, { description: 'A party by 统一社会信用代码 or 居民身份证号 (validated with its check character)' })
  party(
    @Ctx() ctx: HubContext,
    @Arg('code', () => String) code: string,
    @Arg('purpose', () => String, { nullable: true, description: PURPOSE }) _purpose?: string,
  ) {
    return ctx.services.parties.getParty(ctx, code);
  }

  @FieldResolver(() => CaseConnection, { description: 'Cases naming this party that the caller may see' })
  cases(
    @Root() party: Party,
    @Ctx() ctx: HubContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => CaseOrder, { nullable: true }) orderBy?: CaseOrder,
  ) {
    return ctx.services.cases.listCases(ctx, { filter: { partyCode: party.code }, first, after, orderBy });
  }
}
