import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PowerCategory } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';

export enum AgreementStatus {
  PENDING = 'PENDING',
  IN_FORCE = 'IN_FORCE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where a data-sharing agreement stands now',
  valuesConfig: {
    PENDING: { description: 'validFrom is still ahead: nothing is shared yet' },
    IN_FORCE: { description: 'validFrom ≤ now < validTo and not revoked: the partner reads what it lists' },
    EXPIRED: { description: 'validTo has passed' },
    REVOKED: { description: 'Revoked by an administrator; final' },
  },
});

@ObjectType({
  description:
    '数据共享协议: which case categories and which fields (see shareableFields) a partner department may read, for which purpose, ' +
    'from validFrom (inclusive) until validTo (exclusive). No agreement in force, no data.',
})
export class DataSharingAgreement {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Agreement number, e.g. DSA-LH-2026-001' })
  agreementNo!: string;

  @Field({ description: 'What the partner uses the data for (共享用途)' })
  purpose!: string;

  @Field(() => [PowerCategory], { description: 'Case categories shared' })
  categories!: PowerCategory[];

  @Field(() => [String], { description: 'Shareable field paths ("EnforcementCase.caseNo", "Party.name"…) the partner may read' })
  fields!: string[];

  @Field(() => DateTimeScalar)
  validFrom!: Date;

  @Field(() => DateTimeScalar)
  validTo!: Date;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: Date | null;

  departmentId!: string;
}

@ObjectType({ description: 'A field an agreement may share, as "Type.field" (derived from the schema: the types reachable from EnforcementCase)' })
export class ShareableField {
  @Field({ description: 'As listed in DataSharingAgreement.fields, e.g. Party.name' })
  path!: string;

  @Field()
  typeName!: string;

  @Field()
  fieldName!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'Personal data of natural persons: shared masked (partners never see it in full)' })
  personalData!: boolean;
}
