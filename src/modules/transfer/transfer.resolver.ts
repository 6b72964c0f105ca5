import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { MaterialKind, TransferStatus } from '../common/enums';
import { EnforcementCase } from '../case/case.type';
import { Department } from '../department/department.type';
import { CreateTransferInput, HandOverInput, TransferMaterialInput } from './transfer.input';
import { OutboxDelivery, Transfer, TransferDeadline, TransferMaterial, TransferStatusChange } from './transfer.type';

@Resolver(() => Transfer)
export class TransferResolver {
  @Query(() => Transfer)
  transfer(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return ctx.services.transfers.get(ctx, id);
  }

  @Query(() => [Transfer], { description: 'Transfers of cases the caller may see' })
  transfers(
    @Ctx() ctx: HubContext,
    @Arg('caseId', () => ID, { nullable: true }) caseId?: string,
    @Arg('status', () => [TransferStatus], { nullable: true }) status?: TransferStatus[],
    @Arg('overdue', () => Boolean, { nullable: true, description: 'Only those with an open deadline past due' }) overdue?: boolean,
  ) {
    return ctx.services.transfers.list(ctx, { caseId, status, overdue });
  }

  @Mutation(() => Transfer, { description: '移送 request for a suspected crime; waits for the head’s approval' })
  createTransfer(@Ctx() ctx: HubContext, @Arg('caseId', () => ID) caseId: string, @Arg('input', () => CreateTransferInput) input: CreateTransferInput) {
    return ctx.services.transfers.createTransfer(ctx, caseId, input);
  }

  @Mutation(() => TransferMaterial, { description: 'Attach a file (sha256 and size recorded; size limited)' })
  attachTransferMaterial(
    @Ctx() ctx: HubContext,
    @Arg('transferId', () => ID) transferId: string,
    @Arg('input', () => TransferMaterialInput) input: TransferMaterialInput,
  ) {
    return ctx.services.transfers.attachMaterial(ctx, transferId, input);
  }

  @Mutation(() => Transfer, { description: '负责人审批 (SUPERVISOR): approve, or refuse with reasons' })
  approveTransfer(
    @Ctx() ctx: HubContext,
    @Arg('transferId', () => ID) transferId: string,
    @Arg('approve', () => Boolean, { defaultValue: true }) approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    return ctx.services.transfers.approveTransfer(ctx, transferId, approve, comment ?? null);
  }

  @Mutation(() => Transfer, { description: 'Hand over to the platform; refused while a mandatory material is missing (MATERIALS_MISSING)' })
  submitTransfer(@Ctx() ctx: HubContext, @Arg('transferId', () => ID) transferId: string) {
    return ctx.services.transfers.submitTransfer(ctx, transferId);
  }

  @Mutation(() => Transfer, { description: '撤回 (the platform allows it while RECEIVED)' })
  withdrawTransfer(@Ctx() ctx: HubContext, @Arg('transferId', () => ID) transferId: string, @Arg('reason', () => String) reason: string) {
    return ctx.services.transfers.withdrawTransfer(ctx, transferId, reason);
  }

  @Mutation(() => Transfer, { description: '复议 after NOT_FILED, within 3 working days' })
  requestReconsideration(@Ctx() ctx: HubContext, @Arg('transferId', () => ID) transferId: string, @Arg('reason', () => String) reason: string) {
    return ctx.services.transfers.requestReconsideration(ctx, transferId, reason);
  }

  @Mutation(() => Transfer, { description: '补充材料 after RETURNED: sends the materials attached since' })
  supplementTransfer(@Ctx() ctx: HubContext, @Arg('transferId', () => ID) transferId: string, @Arg('note', () => String, { nullable: true }) note?: string) {
    return ctx.services.transfers.supplementTransfer(ctx, transferId, note ?? null);
  }

  @Mutation(() => Transfer, { description: '移交: hand the case to the competent department, which accepts or returns it' })
  handOverCase(@Ctx() ctx: HubContext, @Arg('caseId', () => ID) caseId: string, @Arg('input', () => HandOverInput) input: HandOverInput) {
    return ctx.services.transfers.handOverCase(ctx, caseId, input);
  }

  @Mutation(() => Transfer, { description: 'The receiving department accepts a hand-over and becomes the handling department' })
  acceptHandOver(@Ctx() ctx: HubContext, @Arg('transferId', () => ID) transferId: string) {
    return ctx.services.transfers.acceptHandOver(ctx, transferId);
  }

  @Mutation(() => Transfer, { description: 'The receiving department returns a hand-over with reasons' })
  returnHandOver(@Ctx() ctx: HubContext, @Arg('transferId', () => ID) transferId: string, @Arg('reason', () => String) reason: string) {
    return ctx.services.transfers.returnHandOver(ctx, transferId, reason);
  }

  @FieldResolver(() => [TransferMaterial])
  materials(@Root() t: Transfer, @Ctx() ctx: HubContext) {
    return ctx.loaders.materialsByTransferId.load(t.id);
  }

  @FieldResolver(() => [MaterialKind], { description: 'Mandatory materials not yet attached' })
  async missingMaterials(@Root() t: Transfer, @Ctx() ctx: HubContext) {
    return ctx.services.transfers.missingMaterials(await ctx.loaders.materialsByTransferId.load(t.id));
  }

  @FieldResolver(() => [TransferStatusChange], { description: 'Every status, oldest first' })
  history(@Root() t: Transfer, @Ctx() ctx: HubContext) {
    return ctx.loaders.statusHistoryByTransferId.load(t.id);
  }

  @FieldResolver(() => [TransferDeadline], { description: 'Approval (3 working days), hand-over (24 h), police decision (3 working days), reconsideration' })
  deadlines(@Root() t: Transfer, @Ctx() ctx: HubContext) {
    return ctx.services.transfers.deadlines(t as never);
  }

  @FieldResolver(() => [OutboxDelivery], { description: 'Writes to the platform and their delivery state (DEAD needs an operator)' })
  deliveries(@Root() t: Transfer, @Ctx() ctx: HubContext) {
    return ctx.services.transfers.deliveries(t.id);
  }

  @FieldResolver(() => EnforcementCase)
  case(@Root() t: Transfer, @Ctx() ctx: HubContext) {
    return ctx.services.cases.getCase(ctx, { id: t.caseId });
  }

  @FieldResolver(() => Department)
  fromDepartment(@Root() t: Transfer, @Ctx() ctx: HubContext) {
    return ctx.loaders.departmentById.load(t.fromDepartmentId);
  }

  @FieldResolver(() => Department, { nullable: true })
  toDepartment(@Root() t: Transfer, @Ctx() ctx: HubContext) {
    return t.toDepartmentId ? ctx.loaders.departmentById.load(t.toDepartmentId) : null;
  }
}

@Resolver(() => EnforcementCase)
export class CaseTransfersResolver {
  @FieldResolver(() => [Transfer], { description: '移送 and 移交 of this case' })
  transfers(@Root() c: EnforcementCase, @Ctx() ctx: HubContext) {
    return ctx.loaders.transfersByCaseId.load(c.id);
  }
}
