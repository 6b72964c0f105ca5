import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { HubContext } from '../../context';
import { AssistStatus } from '../common/enums';
import { EnforcementCase } from '../case/case.type';
import { Department } from '../department/department.type';
import { RequestAssistanceInput } from './assist.input';
import { AssistRequest } from './assist.type';

export enum AssistDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}
registerEnumType(AssistDirection, { name: 'AssistDirection', description: 'Requests asked of the department, or asked by it' });

@Resolver(() => AssistRequest)
export class AssistResolver {
  @Query(() => [AssistRequest], { description: '协办 requests of your department (supervisors: any department, or all)' })
  assistRequests(
    @Ctx() ctx: HubContext,
    @Arg('departmentCode', () => String, { nullable: true }) departmentCode?: string,
    @Arg('direction', () => AssistDirection, { nullable: true }) direction?: AssistDirection,
    @Arg('status', () => [AssistStatus], { nullable: true }) status?: AssistStatus[],
    @Arg('overdue', () => Boolean, { nullable: true }) overdue?: boolean,
  ) {
    return ctx.services.assist.list(ctx, { departmentCode, direction, status, overdue });
  }

  @Query(() => AssistRequest)
  assistRequest(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return ctx.services.assist.get(ctx, id);
  }

  @Mutation(() => AssistRequest, { description: '发起协办; ONSITE_SUPPORT goes to public security through its system' })
  requestAssistance(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input', () => RequestAssistanceInput) input: RequestAssistanceInput,
  ) {
    return ctx.services.assist.requestAssistance(ctx, caseId, input);
  }

  @Mutation(() => AssistRequest, { description: 'The department asked takes the request on: REQUESTED → ACCEPTED' })
  acceptAssistRequest(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return ctx.services.assist.accept(ctx, id);
  }

  @Mutation(() => AssistRequest, { description: 'Answer: → REPLIED' })
  replyAssistRequest(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string, @Arg('reply', () => String) reply: string) {
    return ctx.services.assist.reply(ctx, id, reply);
  }

  @Mutation(() => AssistRequest, { description: 'Decline with a reason: → DECLINED' })
  declineAssistRequest(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return ctx.services.assist.decline(ctx, id, reason);
  }

  @Mutation(() => AssistRequest, { description: 'The requester withdraws: → WITHDRAWN' })
  withdrawAssistRequest(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return ctx.services.assist.withdraw(ctx, id);
  }

  @FieldResolver(() => Boolean, { description: 'Still open past its due time' })
  overdue(@Root() a: AssistRequest, @Ctx() ctx: HubContext) {
    return ctx.services.assist.isOverdue(a);
  }

  @FieldResolver(() => Department)
  fromDepartment(@Root() a: AssistRequest, @Ctx() ctx: HubContext) {
    return ctx.loaders.departmentById.load(a.fromDepartmentId);
  }

  @FieldResolver(() => Department)
  toDepartment(@Root() a: AssistRequest, @Ctx() ctx: HubContext) {
    return ctx.loaders.departmentById.load(a.toDepartmentId);
  }

  @FieldResolver(() => ID)
  caseId(@Root() a: AssistRequest) {
    return a.caseId;
  }
}

@Resolver(() => EnforcementCase)
export class CaseAssistResolver {
  @FieldResolver(() => [AssistRequest], { description: '协办 requests about this case' })
  assistRequests(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.services.assist.forCase(ctx, c.id);
  }
}
