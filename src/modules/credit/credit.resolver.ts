import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { Party } from '../party/party.type';
import { CreditProfile } from './credit.type';

@Resolver(() => Party)
export class PartyCreditResolver {
  @FieldResolver(() => CreditProfile, {
    nullable: true,
    description: 'Credit standing (社会信用): rating, blacklist and redlist; null when the platform has no record, or with an UPSTREAM_ error when it fails',
  })
  credit(@Root() party: Party, @Ctx() ctx: HubContext) {
    return ctx.services.credit.partyCredit(ctx, party);
  }
}
