import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../common/scalars';

/** PermitType of the permits system's contract. */
export enum PermitType {
  OUTDOOR_AD = 'OUTDOOR_AD',
  ROAD_OCCUPATION = 'ROAD_OCCUPATION',
  STREET_VENDING = 'STREET_VENDING',
  ROAD_EXCAVATION = 'ROAD_EXCAVATION',
  CONSTRUCTION_PLANNING = 'CONSTRUCTION_PLANNING',
  GAS_OPERATION = 'GAS_OPERATION',
  CONSTRUCTION_WASTE = 'CONSTRUCTION_WASTE',
  GREEN_SPACE_OCCUPATION = 'GREEN_SPACE_OCCUPATION',
  TREE_FELLING = 'TREE_FELLING',
  NIGHT_CONSTRUCTION = 'NIGHT_CONSTRUCTION',
}
registerEnumType(PermitType, {
  name: 'PermitType',
  description: 'Type of an administrative permit (行政许可类型)',
  valuesConfig: {
    OUTDOOR_AD: { description: '户外广告设置许可' },
    ROAD_OCCUPATION: { description: '临时占用城市道路许可' },
    STREET_VENDING: { description: '占道经营（临时摊点）许可' },
    ROAD_EXCAVATION: { description: '挖掘城市道路许可' },
    CONSTRUCTION_PLANNING: { description: '建设工程规划许可' },
    GAS_OPERATION: { description: '燃气经营许可' },
    CONSTRUCTION_WASTE: { description: '城市建筑垃圾处置核准' },
    GREEN_SPACE_OCCUPATION: { description: '临时占用城市绿地许可' },
    TREE_FELLING: { description: '砍伐、迁移城市树木许可' },
    NIGHT_CONSTRUCTION: { description: '夜间施工许可' },
  },
});

export enum PermitStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(PermitStatus, {
  name: 'PermitStatus',
  description: 'Status evaluated by the permits system at read time',
  valuesConfig: {
    VALID: { description: '有效' },
    EXPIRED: { description: '已过期' },
    REVOKED: { description: '已撤销/吊销' },
    SUSPENDED: { description: '暂停/中止' },
  },
});

@ObjectType({ description: 'Issuing authority (发证机关)' })
export class PermitIssuer {
  @Field()
  name!: string;

  @Field({ description: '统一社会信用代码 of the authority' })
  code!: string;
}

@ObjectType({ description: 'An administrative permit (行政许可) as the permits system reports it now' })
export class Permit {
  @Field({ description: '许可证号' })
  permitNo!: string;

  @Field(() => PermitType)
  type!: PermitType;

  @Field()
  typeName!: string;

  @Field()
  holderName!: string;

  @Field({ description: '统一社会信用代码 or 居民身份证号 of the holder' })
  holderCode!: string;

  @Field()
  address!: string;

  @Field({ description: 'What the permit allows (许可范围)' })
  scope!: string;

  @Field(() => PermitIssuer)
  issuedBy!: PermitIssuer;

  @Field(() => DateTimeScalar)
  issuedAt!: string;

  @Field({ description: 'Asia/Shanghai calendar date, inclusive' })
  validFrom!: string;

  @Field({ description: 'Asia/Shanghai calendar date, inclusive' })
  validTo!: string;

  @Field(() => PermitStatus)
  status!: PermitStatus;

  @Field(() => String, { nullable: true })
  statusReason?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  statusChangedAt?: string;

  @Field(() => [String])
  conditions!: string[];

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

@ObjectType({ description: 'A permit checked for a case, with what the permits system said at that moment (evidence)' })
export class PermitCheck {
  @Field(() => ID)
  id!: string;

  @Field()
  permitNo!: string;

  @Field(() => JSONScalar, { description: 'The permit exactly as the permits system returned it' })
  snapshot!: unknown;

  @Field()
  checkedBy!: string;

  @Field(() => DateTimeScalar)
  checkedAt!: Date;
}
