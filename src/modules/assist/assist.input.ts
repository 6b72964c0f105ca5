import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AssistKind } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';

@InputType({ description: '协办 request' })
export class RequestAssistanceInput {
  @Field({ description: 'Department asked, e.g. LH-GTZY, LH-SCJG, LH-GAJ' })
  toDepartmentCode!: string;

  @Field(() => AssistKind)
  kind!: AssistKind;

  @Field()
  @Length(5, 2000)
  question!: string;

  @Field(() => DateTimeScalar, { description: 'When the answer is needed' })
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'On-site support: when the police are needed (defaults to dueAt)' })
  scheduledAt?: Date;

  @Field(() => String, { nullable: true, description: 'On-site support: where' })
  location?: string;
}
