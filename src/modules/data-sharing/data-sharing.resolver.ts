import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from '../../context';
import { fieldCatalogue } from '../../auth/field-policy';
import { Department } from '../department/department.type';
import { CreateDataSharingAgreementInput, UpdateDataSharingAgreementInput } from './data-sharing.input';
import { AgreementStatus, DataSharingAgreement, ShareableField } from './data-sharing.type';

@Resolver(() => DataSharingAgreement)
export class DataSharingResolver {
  @Query(() => [DataSharingAgreement], { description: '数据共享协议, by agreement number (ADMIN, AUDITOR)' })
  dataSharingAgreements(
    @Ctx() ctx: HubContext,
    @Arg('departmentCode', () => String, { nullable: true }) departmentCode?: string,
    @Arg('status', () => [AgreementStatus], { nullable: true }) status?: AgreementStatus[],
  ) {
    return ctx.services.dataSharing.list(ctx, { departmentCode, status });
  }

  @Query(() => [ShareableField], { description: 'The field catalogue agreements choose from: every field of the types reachable from EnforcementCase' })
  shareableFields(@Info() info: GraphQLResolveInfo): ShareableField[] {
    return fieldCatalogue(info.schema).fields;
  }

  @Mutation(() => DataSharingAgreement, { description: 'Make a data-sharing agreement with a partner department (ADMIN)' })
  createDataSharingAgreement(
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('input', () => CreateDataSharingAgreementInput) input: CreateDataSharingAgreementInput,
  ) {
    return ctx.services.dataSharing.create(ctx, input, fieldCatalogue(info.schema));
  }

  @Mutation(() => DataSharingAgreement, { description: 'Change purpose, categories, fields or validity of an agreement (ADMIN)' })
  updateDataSharingAgreement(
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDataSharingAgreementInput) input: UpdateDataSharingAgreementInput,
  ) {
    return ctx.services.dataSharing.update(ctx, id, input, fieldCatalogue(info.schema));
  }

  @Mutation(() => DataSharingAgreement, { description: 'Revoke an agreement now (ADMIN); final' })
  revokeDataSharingAgreement(@Ctx() ctx: HubContext, @Arg('id', () => ID) id: string) {
    return ctx.services.dataSharing.revoke(ctx, id);
  }

  @FieldResolver(() => Department, { description: 'The partner department' })
  department(@Root() a: DataSharingAgreement, @Ctx() ctx: HubContext) {
    return ctx.loaders.departmentById.load(a.departmentId);
  }

  @FieldResolver(() => AgreementStatus)
  status(@Root() a: DataSharingAgreement, @Ctx() ctx: HubContext): AgreementStatus {
    return ctx.services.dataSharing.statusOf(a);
  }
}
