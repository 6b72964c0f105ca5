import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PowerCategory } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';

@InputType({ description: 'A new data-sharing agreement (ADMIN)' })
export class CreateDataSharingAgreementInput {
  @Field({ description: 'Unique agreement number, e.g. DSA-LH-2026-003' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{2,39}$/, { message: 'must be 3–40 upper-case letters, digits and dashes' })
  agreementNo!: string;

  @Field({ description: 'The partner department (functional department, public security or procuratorate)' })
  departmentCode!: string;

  @Field({ description: 'What the partner uses the data for (共享用途)' })
  @Length(2, 200)
  purpose!: string;

  @Field(() => [PowerCategory])
  @ArrayMinSize(1)
  @ArrayMaxSize(18)
  categories!: PowerCategory[];

  @Field(() => [String], { description: 'Paths from shareableFields' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  fields!: string[];

  @Field(() => DateTimeScalar)
  validFrom!: Date;

  @Field(() => DateTimeScalar, { description: 'Exclusive' })
  validTo!: Date;
}

@InputType({ description: 'Changes to an agreement (ADMIN); what is left out stays. The next request of the partner follows the change.' })
export class UpdateDataSharingAgreementInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  purpose?: string;

  @Field(() => [PowerCategory], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(18)
  categories?: PowerCategory[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  fields?: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  validFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  validTo?: Date;
}
