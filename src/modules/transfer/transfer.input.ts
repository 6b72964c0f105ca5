import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MaterialKind } from '../common/enums';
import { DecimalScalar } from '../common/scalars';

@InputType({ description: '移送: a suspected crime handed to public security or the procuratorate (行政处罚法 Art. 27)' })
export class CreateTransferInput {
  @Field({ description: 'Department code of the receiving organ, e.g. LH-GAJ (公安) or LH-JCY (检察院)' })
  receivingDepartmentCode!: string;

  @Field(() => [String], { description: 'Suspected charges (涉嫌罪名)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  suspectedCharges!: string[];

  @Field()
  @Length(10, 5000)
  facts!: string;

  @Field(() => DecimalScalar, { nullable: true })
  amountInvolved?: string;
}

@InputType({ description: 'A file for a transfer, sent inline as base64 (size limit TRANSFER_MATERIAL_MAX_BYTES)' })
export class TransferMaterialInput {
  @Field(() => MaterialKind)
  kind!: MaterialKind;

  @Field()
  @Length(1, 200)
  fileName!: string;

  @Field()
  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/i, { message: 'must be a MIME type such as application/pdf' })
  contentType!: string;

  @Field({ description: 'The file, base64-encoded' })
  contentBase64!: string;

  @Field(() => String, { nullable: true, description: 'SHA-256 the client computed; refused if it differs' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex characters' })
  sha256?: string;
}

@InputType({ description: '移交: hand a case to the competent department inside the hub' })
export class HandOverInput {
  @Field()
  toDepartmentCode!: string;

  @Field()
  @Length(5, 2000)
  reason!: string;
}
