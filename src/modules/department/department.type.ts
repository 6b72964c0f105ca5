import { Field, ID, ObjectType } from 'type-graphql';
import { DepartmentKind } from '../common/enums';

@ObjectType({ description: 'A department (部门): street team, bureau, functional department, public security, procuratorate or hotline centre' })
export class Department {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Department code, the `dept` claim of its tokens' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => DepartmentKind)
  kind!: DepartmentKind;

  @Field({ description: 'Administrative division code (行政区划代码)' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: 'Street (街道) served by a street team' })
  street!: string | null;

  parentId!: string | null;
}

@ObjectType({ description: 'A law-enforcement officer (执法人员)' })
export class Officer {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Law-enforcement certificate number (执法证号)' })
  badgeNo!: string;

  @Field()
  name!: string;

  departmentId!: string;
}
