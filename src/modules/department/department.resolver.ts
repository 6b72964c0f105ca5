import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { DepartmentKind } from '../common/enums';
import { Department, Officer } from './department.type';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'Departments known to the hub' })
  departments(@Ctx() ctx: HubContext, @Arg('kind', () => DepartmentKind, { nullable: true }) kind?: DepartmentKind) {
    return ctx.services.departments.list(kind);
  }

  @FieldResolver(() => [Officer], { description: 'Active officers of the department' })
  officers(@Root() d: Department, @Ctx() ctx: HubContext) {
    return ctx.loaders.officersByDepartmentId.load(d.id);
  }

  @FieldResolver(() => Department, { nullable: true })
  parent(@Root() d: Department, @Ctx() ctx: HubContext) {
    return d.parentId ? ctx.loaders.departmentById.load(d.parentId) : null;
  }
}

@Resolver(() => Officer)
export class OfficerResolver {
  @FieldResolver(() => Department)
  department(@Root() o: Officer, @Ctx() ctx: HubContext) {
    return ctx.loaders.departmentById.load(o.departmentId);
  }
}
