import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { PowerCategory } from '../common/enums';
import { DiscretionTier, PowerItem } from './power-item.type';

@Resolver(() => PowerItem)
export class PowerItemResolver {
  @Query(() => [PowerItem], { description: 'The power list (权责清单), optionally one of the 18 categories' })
  powerItems(@Ctx() ctx: HubContext, @Arg('category', () => PowerCategory, { nullable: true }) category?: PowerCategory) {
    return ctx.services.powerItems.list(category);
  }

  @FieldResolver(() => [DiscretionTier], { description: 'Discretion benchmark (自由裁量基准), lightest first' })
  tiers(@Root() item: PowerItem, @Ctx() ctx: HubContext) {
    return ctx.loaders.tiersByPowerItemId.load(item.id);
  }
}
