import { Field, ID, ObjectType } from 'type-graphql';
import { PartyKind } from '../common/enums';

@ObjectType({ description: 'A party (当事人): a person by 居民身份证号 or an organisation by 统一社会信用代码' })
export class Party {
  @Field(() => ID)
  id!: string;

  @Field(() => PartyKind)
  kind!: PartyKind;

  @Field({ description: '统一社会信用代码 (organisation) or 居民身份证号 (person)' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Legal representative (法定代表人) of an organisation' })
  legalRepName!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;
}
