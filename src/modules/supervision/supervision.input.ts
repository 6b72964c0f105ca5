import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SupervisionLevel, SupervisionReason, SupervisionStatus, SupervisionTargetType } from '../../generated/prisma/enums';
import { DateTimeScalar } from '../common/scalars';

@InputType({ description: '督办' })
export class IssueSupervisionInput {
  @Field(() => SupervisionTargetType)
  targetType!: SupervisionTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => SupervisionReason)
  reason!: SupervisionReason;

  @Field(() => SupervisionLevel)
  level!: SupervisionLevel;

  @Field(() => DateTimeScalar, { description: 'When the department must answer' })
  dueAt!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  note?: string;
}

@InputType()
export class SupervisionItemFilter {
  @Field(() => String, { nullable: true })
  departmentCode?: string;

  @Field(() => [SupervisionStatus], { nullable: true })
  status?: SupervisionStatus[];

  @Field(() => [SupervisionLevel], { nullable: true })
  level?: SupervisionLevel[];

  @Field(() => SupervisionTargetType, { nullable: true })
  targetType?: SupervisionTargetType;

  @Field(() => ID, { nullable: true })
  targetId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: raised by the deadline scheduler; false: issued by a supervisor' })
  automatic?: boolean;
}
