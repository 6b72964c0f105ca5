// 网上监督 statistics: output types of supervisionStats. The definitions of every figure are in the
// field descriptions (they are what supervisors read) and in supervision-stats.service.ts.
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../common/scalars';
import { CaseDeadlineKindEnum } from '../case/case.type';

export enum StatsGroupBy {
  STREET = 'STREET',
  DEPARTMENT = 'DEPARTMENT',
  CATEGORY = 'CATEGORY',
  SOURCE = 'SOURCE',
}
registerEnumType(StatsGroupBy, {
  name: 'StatsGroupBy',
  description: 'How supervision statistics are broken down (统计维度)',
  valuesConfig: {
    STREET: {
      description: "街道: the case's street; 12345 work orders by the street of the team they are routed to",
    },
    DEPARTMENT: {
      description: '承办部门: the handling department of the case; 12345 work orders by the team they are routed to',
    },
    CATEGORY: {
      description: "事项类别: the power item's category (街道综合执法 18 类); 12345 work orders by their linked case",
    },
    SOURCE: {
      description: '案件来源 (巡查, 市民举报, 数字城管, 12345, 部门移交, 视频识别); 12345 work orders by their linked case',
    },
  },
});

/** Key of the row for what belongs to no group (a work order not routed, or without a linked case). */
export const UNASSIGNED_KEY = 'UNASSIGNED';

@ObjectType({ description: 'The statistics period [from, to): from included, to excluded' })
export class StatsPeriod {
  @Field(() => DateTimeScalar)
  from!: Date;

  @Field(() => DateTimeScalar)
  to!: Date;
}

@ObjectType({
  description:
    '按期办结率 of one kind of statutory deadline (as src/domain/case-deadlines.ts computes it for each case). ' +
    'due = met + overdueOpen + deadlines still open that were not yet past due at asOf.',
})
export class DeadlineOnTimeStats {
  @Field(() => CaseDeadlineKindEnum, {
    description: 'FILING 立案, DECISION 作出决定, SERVICE 送达, PAYMENT 缴纳罚款 (HEARING_REQUEST is the party’s window and is not counted)',
  })
  kind!: CaseDeadlineKindEnum;

  @Field(() => Int, {
    description: '应办结: deadlines that fell due in the period (dueAt in [from, to)) or were met in it (metAt in [from, to))',
  })
  due!: number;

  @Field(() => Int, { description: '已办结: of `due`, those met before the end of the period (metAt < to), on time or late' })
  met!: number;

  @Field(() => Int, { description: '按期办结: of `met`, those met by their due time (metAt ≤ dueAt)' })
  metOnTime!: number;

  @Field(() => Int, {
    description: '逾期未办结: of `due`, those still open at the end of the period (no metAt before to) and past due at asOf',
  })
  overdueOpen!: number;

  @Field(() => Float, {
    nullable: true,
    description: '按期办结率 = metOnTime / (met + overdueOpen), rounded to 4 decimals; null when no counted deadline has an outcome yet',
  })
  rate!: number | null;
}

@ObjectType({ description: '12345 满意度: evaluations of 12345 work orders made in the period (evaluatedAt in [from, to))' })
export class SatisfactionStats {
  @Field(() => Int, { description: 'Work orders evaluated in the period' })
  evaluated!: number;

  @Field(() => Int, { description: '满意' })
  satisfied!: number;

  @Field(() => Int, { description: '基本满意' })
  basicallySatisfied!: number;

  @Field(() => Int, { description: '不满意' })
  dissatisfied!: number;

  @Field(() => Float, {
    nullable: true,
    description: '满意率 = (satisfied + basicallySatisfied) / evaluated, rounded to 4 decimals; null when nothing was evaluated',
  })
  rate!: number | null;
}

@ObjectType({ description: '案卷评查: case files reviewed in the period (reviewedAt in [from, to))' })
export class FileReviewStats {
  @Field(() => Int)
  reviewed!: number;

  @Field(() => Float, { nullable: true, description: 'Mean score (0–100), 1 decimal; null when none was reviewed' })
  averageScore!: number | null;

  @Field(() => Int, { description: 'Files scored below 60 (不合格)' })
  failed!: number;
}

@ObjectType({ description: 'Supervision figures of one group (or of all groups: the total)' })
export class StatsRow {
  @Field({
    description:
      'Street name (e.g. 观湖), department code, PowerCategory or CaseSource value; UNASSIGNED for work orders that belong to no group; TOTAL for the total',
  })
  key!: string;

  @Field({ description: 'Street name, department name, category or source in Chinese (e.g. 观湖, 城市管理（市容环卫）, 巡查)' })
  label!: string;

  @Field(() => Int, { description: '受理: cases registered in the period (registeredAt in [from, to))' })
  received!: number;

  @Field(() => Int, { description: '立案: cases filed in the period (filedAt in the period; 不予立案 cases excluded)' })
  filed!: number;

  @Field(() => Int, { description: '作出决定: cases decided in the period (decidedAt in the period)' })
  decided!: number;

  @Field(() => Int, { description: '结案: cases closed in the period (stage CLOSED, closedAt in the period; 不予立案 is not 结案)' })
  closed!: number;

  @Field(() => Int, { description: '移送: cases transferred in the period (transferredAt in the period)' })
  transferred!: number;

  @Field(() => [DeadlineOnTimeStats], { description: '按期办结率 per deadline kind: FILING, DECISION, SERVICE, PAYMENT' })
  onTime!: DeadlineOnTimeStats[];

  @Field(() => Int, {
    description:
      '逾期: deadlines (all kinds but HEARING_REQUEST, whenever they fell due) open and past due at asOf = min(to, now), counted per deadline',
  })
  overdue!: number;

  @Field(() => Float, {
    nullable: true,
    description: '平均办案天数: mean of closedAt − registeredAt in calendar days over the cases counted in `closed`, 1 decimal; null when none',
  })
  averageHandlingDays!: number | null;

  @Field(() => DecimalScalar, {
    description: '罚款金额: sum of the fine amounts of the penalty decisions made in the period (PenaltyDecision.decidedAt in the period)',
  })
  finesDecided!: string;

  @Field(() => SatisfactionStats)
  satisfaction!: SatisfactionStats;

  @Field(() => FileReviewStats, { description: '案卷评查 of the group’s cases in the period' })
  fileReviews!: FileReviewStats;
}

@ObjectType({ description: '网上监督 statistics for supervisors over a period, broken down by street, department, category or source' })
export class SupervisionStats {
  @Field(() => StatsPeriod)
  period!: StatsPeriod;

  @Field(() => StatsGroupBy)
  groupBy!: StatsGroupBy;

  @Field(() => DateTimeScalar, { description: 'The instant open deadlines are judged at: the end of the period, or now if earlier' })
  asOf!: Date;

  @Field(() => [StatsRow], {
    description:
      'One row per group that has a case registered before the end of the period or a work order evaluated in it (a row may be all zeros); ' +
      'ordered by key (categories and sources in their enum order), UNASSIGNED last',
  })
  rows!: StatsRow[];

  @Field(() => StatsRow, { description: 'All groups together: every count and sum equals the sum over the rows' })
  total!: StatsRow;
}
