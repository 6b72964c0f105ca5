import { ArrayMaxSize, ArrayMinSize, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A person to check: name exactly as registered (multi-part names with ·) and 居民身份证号' })
export class PersonToVerify {
  @Field()
  @Length(1, 50)
  name!: string;

  @Field()
  idNumber!: string;
}

@InputType()
export class PersonsToVerify {
  @Field(() => [PersonToVerify])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  persons!: PersonToVerify[];
}
