import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

/** 案卷评查 checklist items and their points (after the provincial 行政执法案卷评查标准; 100 in all). */
export enum CaseFileItem {
  FACTS = 'FACTS',
  EVIDENCE = 'EVIDENCE',
  LEGAL_BASIS = 'LEGAL_BASIS',
  PROCEDURE = 'PROCEDURE',
  DECISION = 'DECISION',
  EXECUTION = 'EXECUTION',
  FILE_ORDER = 'FILE_ORDER',
}
registerEnumType(CaseFileItem, {
  name: 'CaseFileItem',
  description: '案卷评查 checklist item',
  valuesConfig: {
    FACTS: { description: '事实认定: 违法事实清楚 (20 points)' },
    EVIDENCE: { description: '证据: 证据确凿、充分、合法 (20 points)' },
    LEGAL_BASIS: { description: '法律适用: 适用依据正确、裁量适当 (15 points)' },
    PROCEDURE: { description: '程序: 立案、调查、告知、听证、法制审核、决定、送达合法 (20 points)' },
    DECISION: { description: '文书: 处罚决定书制作规范 (10 points)' },
    EXECUTION: { description: '执行: 执行到位、结案及时 (10 points)' },
    FILE_ORDER: { description: '归档: 卷内文件排列有序、装订规范 (5 points)' },
  },
});

export enum CaseFileGrade {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  PASS = 'PASS',
  FAIL = 'FAIL',
}
registerEnumType(CaseFileGrade, {
  name: 'CaseFileGrade',
  valuesConfig: {
    EXCELLENT: { description: '优秀 (≥ 90)' },
    GOOD: { description: '良好 (75–89)' },
    PASS: { description: '合格 (60–74)' },
    FAIL: { description: '不合格 (< 60): a 督办 item is raised for the handling team' },
  },
});

@ObjectType()
export class CaseFileFinding {
  @Field(() => CaseFileItem)
  item!: CaseFileItem;

  @Field(() => Int)
  maxPoints!: number;

  @Field(() => Int)
  deduction!: number;

  @Field(() => String, { nullable: true })
  finding!: string | null;
}

@ObjectType({ description: '案卷评查: a scored review of a closed case file' })
export class CaseReview {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  reviewer!: string;

  @Field(() => Int, { description: '100 minus the deductions' })
  score!: number;

  @Field(() => CaseFileGrade)
  grade!: CaseFileGrade;

  @Field(() => [CaseFileFinding])
  findings!: CaseFileFinding[];

  @Field(() => DateTimeScalar)
  reviewedAt!: Date;
}
