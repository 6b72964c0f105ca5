// Demo data of the permits simulator, deterministic:
// - the contract's example permits, exactly as in shared/contracts/examples/permits/*.json;
// - stories of the demo parties (relative to the simulator's start date, so they stay true):
//     91440309MA5H2R7W2D 深圳市观澜湖畔餐饮管理有限公司 — the example's SUSPENDED 外摆 permit, a VALID
//       renewed ROAD_OCCUPATION (外摆) permit and an OUTDOOR_AD (门头招牌) permit past validTo (EXPIRED);
//     92440309MA5J3Q1E1R 观湖陈记肠粉店 — the example's STREET_VENDING permit and a ROAD_OCCUPATION
//       permit recorded VALID whose validTo was last month (read as EXPIRED);
//     91440300MA5DTB8661 深圳市鹏安燃气供应有限公司 — the example's REVOKED GAS_OPERATION permit (with
//       statusReason) and its predecessor, EXPIRED;
//     91440309MA5G8H3L1D 深圳市鹭湖广告传媒有限公司 — the example plus 24 billboards (pagination);
// - for any other valid holder code, 0–3 permits derived from the SHA-256 of the code, of types
//   that fit the holder (persons: stalls; 个体工商户: signs, 外摆, stalls; companies: signs, 外摆, gas,
//   construction waste, night works, excavation, planning; public bodies: excavation, trees, green
//   space), some past validTo, now and then one REVOKED or SUSPENDED with a reason.
// Only the contract's PermitType values exist in this system: 食品经营许可 (issued by 市场监管, not
// by this platform) has no type here, so the restaurant's VALID permit is its 外摆 permit.
import { createHash } from 'node:crypto';
import { validatePartyCode } from '../../../src/domain/identifiers';
import { PERMIT_TYPES, type Authority, type Permit, type PermitType } from '../types';

export interface HolderSeed {
  code: string;
  name: string;
  /** Business address; permits with a point location are placed there. */
  address?: string;
}

const DAY_MS = 86_400_000;

export const AUTHORITIES = {
  urban: { name: '深圳市龙华区城市管理和综合执法局', code: '11440309MB2C09536C' },
  housing: { name: '深圳市龙华区住房和建设局', code: '11440309MB2C09114D' },
  ecology: { name: '深圳市生态环境局龙华管理局', code: '11440300MB2C55372G' },
  planning: { name: '深圳市规划和自然资源局龙华管理局', code: '11440300MB2C73184D' },
} as const satisfies Record<string, Authority>;

// ---------------------------------------------------------------------------------------------
// The contract's examples, verbatim (status as recorded; the simulator evaluates it at read time).

export const EXAMPLE_PERMITS: ReadonlyArray<Permit> = [
  {
    permitNo: '440309HWGG2025000123',
    type: 'OUTDOOR_AD',
    typeName: '户外广告设置许可',
    holderName: '深圳市鹭湖广告传媒有限公司',
    holderCode: '91440309MA5G8H3L1D',
    holderType: 'ORGANIZATION',
    address: '深圳市龙华区观湖街道鹭湖社区观澜大道与环观南路交汇处东北角',
    geo: { lng: 114.065237, lat: 22.710384 },
    scope: '单立柱户外广告设施1座，画面18m×6m，双面，设置高度不超过25m',
    issuedBy: { name: '深圳市龙华区城市管理和综合执法局', code: '11440309MB2C09536C' },
    issuedAt: '2025-01-10T15:20:00+08:00',
    validFrom: '2025-01-15',
    validTo: '2027-01-14',
    status: 'VALID',
    conditions: ['每半年委托有资质机构进行安全检测并报送检测报告', '台风黄色及以上预警期间关闭照明并落实加固措施'],
    updatedAt: '2025-01-10T15:20:00+08:00',
  },
  {
    permitNo: '440309YJSG2025000078',
    type: 'NIGHT_CONSTRUCTION',
    typeName: '夜间施工许可',
    holderName: '深圳市龙华建鑫建筑工程有限公司',
    holderCode: '91440300MA5F9K4P3X',
    holderType: 'ORGANIZATION',
    address: '深圳市龙华区观湖街道新田社区观乐路鹭湖花园二期项目工地',
    geo: { lng: 114.069931, lat: 22.707452 },
    scope: '混凝土连续浇筑，22:00至次日06:00',
    issuedBy: { name: '深圳市生态环境局龙华管理局', code: '11440300MB2C55372G' },
    issuedAt: '2025-03-03T11:30:00+08:00',
    validFrom: '2025-03-05',
    validTo: '2025-03-12',
    status: 'EXPIRED',
    conditions: ['禁止使用高噪声设备', '施工前在周边张贴公告'],
    updatedAt: '2025-03-13T00:00:05+08:00',
  },
  {
    permitNo: '440309RQJY2023000045',
    type: 'GAS_OPERATION',
    typeName: '燃气经营许可',
    holderName: '深圳市鹏安燃气供应有限公司',
    holderCode: '91440300MA5DTB8661',
    holderType: 'ORGANIZATION',
    address: '深圳市龙华区观湖街道樟坑径社区上围路8号',
    scope: '瓶装液化石油气供应站（三级）',
    issuedBy: { name: '深圳市龙华区住房和建设局', code: '11440309MB2C09114D' },
    issuedAt: '2023-05-16T09:00:00+08:00',
    validFrom: '2023-05-16',
    validTo: '2026-05-15',
    status: 'REVOKED',
    statusReason: '存在重大安全隐患且拒不整改，依法吊销燃气经营许可证',
    statusChangedAt: '2024-11-20T16:00:00+08:00',
    conditions: [],
    updatedAt: '2024-11-20T16:00:00+08:00',
  },
  {
    permitNo: '440309ZYDL2024000311',
    type: 'ROAD_OCCUPATION',
    typeName: '临时占用城市道路许可',
    holderName: '深圳市观澜湖畔餐饮管理有限公司',
    holderCode: '91440309MA5H2R7W2D',
    holderType: 'ORGANIZATION',
    address: '深圳市龙华区观湖街道大和社区大和路56号门前人行道',
    geo: { lng: 114.060415, lat: 22.720873 },
    scope: '餐饮外摆，占用人行道18平方米，每日17:00–23:00',
    issuedBy: { name: '深圳市龙华区城市管理和综合执法局', code: '11440309MB2C09536C' },
    issuedAt: '2024-10-08T14:00:00+08:00',
    validFrom: '2024-10-10',
    validTo: '2025-10-09',
    status: 'SUSPENDED',
    statusReason: '超出许可范围占道经营，暂停许可至整改完毕',
    statusChangedAt: '2025-03-17T17:30:00+08:00',
    conditions: ['保留不少于2米的人行通道'],
    updatedAt: '2025-03-17T17:30:00+08:00',
  },
  {
    permitNo: '440309ZDJY2025000456',
    type: 'STREET_VENDING',
    typeName: '占道经营（临时摊点）许可',
    holderName: '深圳市龙华区观湖陈记肠粉店',
    holderCode: '92440309MA5J3Q1E1R',
    holderType: 'ORGANIZATION',
    address: '深圳市龙华区观湖街道松元厦社区环观南路松元厦地铁站A出口东侧便民摊区3号位',
    geo: { lng: 114.057812, lat: 22.715206 },
    scope: '早餐售卖，每日06:30–09:30，占地不超过2m×1.5m',
    issuedBy: { name: '深圳市龙华区城市管理和综合执法局', code: '11440309MB2C09536C' },
    issuedAt: '2025-02-20T10:00:00+08:00',
    validFrom: '2025-03-01',
    validTo: '2025-08-31',
    status: 'VALID',
    conditions: ['限在划定摊位内经营，不得超出标线', '经营结束后30分钟内清理场地'],
    updatedAt: '2025-02-20T10:00:00+08:00',
  },
  {
    permitNo: '440309ZDJY2025000457',
    type: 'STREET_VENDING',
    typeName: '占道经营（临时摊点）许可',
    holderName: '陈建国',
    holderCode: '440306198503122310',
    holderType: 'PERSON',
    address: '深圳市龙华区观湖街道松元厦社区环观南路松元厦地铁站A出口东侧便民摊区4号位',
    geo: { lng: 114.057869, lat: 22.715188 },
    scope: '水果售卖，每日17:00–21:00，占地不超过2m×1.5m',
    issuedBy: { name: '深圳市龙华区城市管理和综合执法局', code: '11440309MB2C09536C' },
    issuedAt: '2025-02-20T10:05:00+08:00',
    validFrom: '2025-03-01',
    validTo: '2025-08-31',
    status: 'VALID',
    conditions: ['限在划定摊位内经营，不得超出标线'],
    updatedAt: '2025-02-20T10:05:00+08:00',
  },
];

/** Parties of the contract README and examples, with the names and addresses the hub's demo uses. */
export const KNOWN_HOLDERS: ReadonlyArray<HolderSeed> = [
  { code: '91440309MA5H2R7W2D', name: '深圳市观澜湖畔餐饮管理有限公司', address: '深圳市龙华区观湖街道大和社区大和路56号' },
  { code: '92440309MA5J3Q1E1R', name: '深圳市龙华区观湖陈记肠粉店', address: '深圳市龙华区观湖街道松元厦社区环观南路松元厦地铁站A出口东侧便民摊区3号位' },
  { code: '11440309MB2C17843E', name: '深圳市龙华区观湖街道办事处', address: '深圳市龙华区观湖街道观城社区观澜大道112号' },
  { code: '440306198503122310', name: '陈建国', address: '深圳市龙华区观湖街道松元厦社区松元新村7栋302' },
  { code: '43052419920718402X', name: '李秀英', address: '深圳市龙华区观湖街道新田社区新田新村23栋501' },
  { code: '360731199005063429', name: '王丽娟', address: '深圳市龙华区观湖街道樟坑径社区上围村一巷9号' },
  { code: '91440309MA5G8H3L1D', name: '深圳市鹭湖广告传媒有限公司', address: '深圳市龙华区观湖街道鹭湖社区观乐路18号鹭湖商务中心6楼' },
  { code: '91440300MA5F9K4P3X', name: '深圳市龙华建鑫建筑工程有限公司', address: '深圳市龙华区观湖街道新田社区新田大道71号建鑫大厦3楼' },
  { code: '91440300MA5DTB8661', name: '深圳市鹏安燃气供应有限公司', address: '深圳市龙华区观湖街道樟坑径社区上围路8号' },
  { code: '11440309MB2C09536C', name: '深圳市龙华区城市管理和综合执法局', address: '深圳市龙华区龙华街道东环二路8号' },
  { code: '11440309MB2C09114D', name: '深圳市龙华区住房和建设局', address: '深圳市龙华区龙华街道清湖社区清湖路23号' },
  { code: '11440300MB2C55372G', name: '深圳市生态环境局龙华管理局', address: '深圳市龙华区龙华街道景龙社区人民路2号' },
  { code: '11440309MB2C34029B', name: '深圳市公安局龙华分局', address: '深圳市龙华区龙华街道人民路3199号' },
  { code: '440304198812031356', name: '张伟', address: '深圳市龙华区观湖街道樟坑径社区上围路12号' },
  { code: '44148119780925115X', name: '黄志强', address: '深圳市龙华区观湖街道大和社区大和村二巷15号' },
];

// ---------------------------------------------------------------------------------------------
// Date helpers on Asia/Shanghai calendar dates (`YYYY-MM-DD`).

function dateMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  return new Date(dateMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The `day`-th of the month `months` away from `date`'s month (day clamped to 28). */
function dayOfMonth(date: string, months: number, day: number): string {
  const d = new Date(dateMs(date));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(day, 28))).toISOString().slice(0, 10);
}

function at(date: string, time: string): string {
  return `${date}T${time}+08:00`;
}

function permitNo(type: PermitType, issuedDate: string, sequence: number): string {
  return `440309${PERMIT_TYPES[type].code}${issuedDate.slice(0, 4)}${String(sequence).padStart(6, '0')}`;
}

function base(
  holder: HolderSeed,
  type: PermitType,
  issuedBy: Authority,
): Pick<Permit, 'type' | 'typeName' | 'holderName' | 'holderCode' | 'holderType' | 'issuedBy'> {
  return {
    type,
    typeName: PERMIT_TYPES[type].name,
    holderName: holder.name,
    holderCode: holder.code,
    holderType: isPerson(holder.code) ? 'PERSON' : 'ORGANIZATION',
    issuedBy,
  };
}

function isPerson(code: string): boolean {
  return validatePartyCode(code).kind === 'PERSON';
}

function holderSeed(code: string): HolderSeed {
  return KNOWN_HOLDERS.find((h) => h.code === code) ?? { code, name: code };
}

// ---------------------------------------------------------------------------------------------
// Stories of the demo parties, relative to `today` (the simulator's start date in Asia/Shanghai).

export function storyPermits(today: string): Permit[] {
  const hupan = holderSeed('91440309MA5H2R7W2D');
  const chenji = holderSeed('92440309MA5J3Q1E1R');
  const pengan = holderSeed('91440300MA5DTB8661');
  const permits: Permit[] = [];

  // 观澜湖畔餐饮: after the suspension (example 440309ZYDL2024000311) the 外摆 permit was renewed
  // with a smaller area — VALID now; its 门头招牌 permit ran out 75 days ago and was not renewed.
  {
    const validFrom = addDays(today, -40);
    const issued = addDays(validFrom, -3);
    permits.push({
      permitNo: permitNo('ROAD_OCCUPATION', issued, 352),
      ...base(hupan, 'ROAD_OCCUPATION', AUTHORITIES.urban),
      address: '深圳市龙华区观湖街道大和社区大和路56号门前人行道',
      geo: { lng: 114.060415, lat: 22.720873 },
      scope: '餐饮外摆，占用人行道12平方米，每日17:00–22:00（整改后重新核准，面积较原许可缩减）',
      issuedAt: at(issued, '10:30:00'),
      validFrom,
      validTo: addDays(validFrom, 364),
      status: 'VALID',
      conditions: ['保留不少于2米的人行通道', '外摆区域以地面标线为界，不得超出', '经营结束后30分钟内清理场地'],
      updatedAt: at(issued, '10:30:00'),
    });
  }
  {
    const validTo = addDays(today, -75);
    const validFrom = addDays(validTo, -729);
    const issued = addDays(validFrom, -6);
    permits.push({
      permitNo: permitNo('OUTDOOR_AD', issued, 208),
      ...base(hupan, 'OUTDOOR_AD', AUTHORITIES.urban),
      address: '深圳市龙华区观湖街道大和社区大和路56号首层外墙',
      geo: { lng: 114.060398, lat: 22.720911 },
      scope: '门头招牌1块，LED发光字，12m×1.5m，设置于建筑首层外墙',
      issuedAt: at(issued, '15:10:00'),
      validFrom,
      validTo,
      status: 'VALID',
      conditions: ['每半年委托有资质机构进行安全检测并报送检测报告', '不得擅自改变设置位置、规格和画面内容'],
      updatedAt: at(issued, '15:10:00'),
    });
  }

  // 陈记肠粉店: a six-month 外摆 permit for its breakfast tables, recorded VALID, whose validTo fell
  // on the 20th of last month — the system reads it as EXPIRED (status evaluated at read time).
  {
    const validTo = dayOfMonth(today, -1, 20);
    const validFrom = dayOfMonth(validTo, -6, 21);
    const issued = addDays(validFrom, -5);
    permits.push({
      permitNo: permitNo('ROAD_OCCUPATION', issued, 587),
      ...base(chenji, 'ROAD_OCCUPATION', AUTHORITIES.urban),
      address: '深圳市龙华区观湖街道松元厦社区环观南路松元厦地铁站A出口东侧便民摊区3号位周边人行道',
      geo: { lng: 114.057835, lat: 22.715231 },
      scope: '临时摆放早餐售卖餐台2张，占用人行道6平方米，每日06:00–10:00',
      issuedAt: at(issued, '09:40:00'),
      validFrom,
      validTo,
      status: 'VALID',
      conditions: ['保留不少于2米的人行通道', '经营结束后30分钟内清理场地'],
      updatedAt: at(issued, '09:40:00'),
    });
  }

  // 鹏安燃气: the permit before the revoked one (example 440309RQJY2023000045) ran its full term.
  permits.push({
    permitNo: '440309RQJY2020000017',
    ...base(pengan, 'GAS_OPERATION', AUTHORITIES.housing),
    address: '深圳市龙华区观湖街道樟坑径社区上围路8号',
    scope: '瓶装液化石油气供应站（三级）',
    issuedAt: '2020-05-14T09:30:00+08:00',
    validFrom: '2020-05-16',
    validTo: '2023-05-15',
    status: 'VALID',
    conditions: ['按规定配备安全管理人员', '每季度开展一次安全检查并留存记录'],
    updatedAt: '2020-05-14T09:30:00+08:00',
  });

  // 鹭湖广告传媒: a portfolio of billboards, enough for several pages.
  permits.push(...generatePermits(holderSeed('91440309MA5G8H3L1D'), today, { count: 24, types: ['OUTDOOR_AD'], salt: 'portfolio' }));
  return permits;
}

/** Holders whose permits are all written out above: no generated ones are added for them. */
export const CURATED_HOLDERS: ReadonlySet<string> = new Set([
  ...EXAMPLE_PERMITS.map((p) => p.holderCode),
  '91440309MA5H2R7W2D',
  '92440309MA5J3Q1E1R',
  '91440300MA5DTB8661',
  '91440309MA5G8H3L1D',
]);

// ---------------------------------------------------------------------------------------------
// Generated permits: everything below is a pure function of the holder code and the start date.

interface Template {
  authority: Authority;
  /** Validity in days. */
  days: number;
  /** Issued at most this many days before the start date (more than `days`: some have expired). */
  maxAgeDays: number;
  noGeo?: boolean;
  scopes: ReadonlyArray<(n: number) => string>;
  conditions: ReadonlyArray<string>;
  revoked: string;
  suspended: string;
  /** Place of the permit when it is not the holder's own address. */
  place?: (n: number, community: string, road: string) => string;
}

const COMMUNITIES = ['鹭湖', '松元厦', '新田', '樟坑径', '大和', '观城', '润城', '樟溪', '君子布', '茜坑'];
const ROADS = ['观澜大道', '环观南路', '观乐路', '大和路', '新田大道', '樟坑径路', '松元路', '观平路', '观天路', '鹭湖路'];

const TEMPLATES: Record<PermitType, Template> = {
  OUTDOOR_AD: {
    authority: AUTHORITIES.urban,
    days: 730,
    maxAgeDays: 1100,
    scopes: [
      (n) => `门头招牌1块，LED发光字，${8 + (n % 8)}m×1.5m，设置于建筑首层外墙`,
      (n) => `落地式广告牌1座，画面${6 + (n % 6)}m×${3 + (n % 3)}m，单面`,
      (n) => `单立柱户外广告设施1座，画面18m×6m，双面，设置高度不超过${20 + (n % 6)}m`,
    ],
    conditions: ['每半年委托有资质机构进行安全检测并报送检测报告', '台风黄色及以上预警期间关闭照明并落实加固措施', '不得擅自改变设置位置、规格和画面内容'],
    revoked: '广告设施存在安全隐患，经责令限期整改逾期未改，依法撤销许可',
    suspended: '未按期报送安全检测报告，暂停许可至补交完毕',
    place: (n, community, road) => `深圳市龙华区观湖街道${community}社区${road}${10 + (n % 180)}号`,
  },
  ROAD_OCCUPATION: {
    authority: AUTHORITIES.urban,
    days: 365,
    maxAgeDays: 600,
    scopes: [
      (n) => `餐饮外摆，占用人行道${6 + (n % 15)}平方米，每日17:00–23:00`,
      (n) => `装修材料临时堆放，占用人行道${4 + (n % 10)}平方米`,
      (n) => `商铺促销活动临时占道，占用人行道${5 + (n % 12)}平方米，每日10:00–20:00`,
    ],
    conditions: ['保留不少于2米的人行通道', '设置警示标志，夜间开启警示灯', '期满后恢复原状并清理场地'],
    revoked: '超出许可范围占道经营，经两次责令改正仍未改正，依法撤销许可',
    suspended: '超出许可范围占道经营，暂停许可至整改完毕',
  },
  STREET_VENDING: {
    authority: AUTHORITIES.urban,
    days: 184,
    maxAgeDays: 500,
    scopes: [
      () => '早餐售卖，每日06:30–09:30，占地不超过2m×1.5m',
      () => '水果售卖，每日17:00–21:00，占地不超过2m×1.5m',
      () => '报刊及饮料售卖，每日07:00–20:00，占地不超过1.5m×1m',
    ],
    conditions: ['限在划定摊位内经营，不得超出标线', '经营结束后30分钟内清理场地', '不得使用明火及高音广播'],
    revoked: '擅自转让摊位经营权，依法撤销许可',
    suspended: '多次超出标线经营，暂停许可30日',
    place: (n, community, road) => `深圳市龙华区观湖街道${community}社区${road}便民摊区${1 + (n % 12)}号位`,
  },
  ROAD_EXCAVATION: {
    authority: AUTHORITIES.urban,
    days: 60,
    maxAgeDays: 400,
    scopes: [
      (n) => `给水管道维修，挖掘车行道${20 + (n % 60)}平方米，分段施工`,
      (n) => `通信管线敷设，挖掘人行道${15 + (n % 40)}平方米`,
      (n) => `雨污分流改造，挖掘车行道${40 + (n % 120)}平方米，分段施工`,
    ],
    conditions: ['施工区域设置连续围挡和夜间警示灯', '每日施工结束前回填或覆盖钢板', '完工后按原标准恢复路面并申请验收'],
    revoked: '未按批准的范围和期限施工，依法撤销许可',
    suspended: '施工围挡不符合要求，暂停施工至整改完毕',
    place: (n, community, road) => `深圳市龙华区观湖街道${community}社区${road}${10 + (n % 180)}号至${200 + (n % 180)}号段`,
  },
  CONSTRUCTION_PLANNING: {
    authority: AUTHORITIES.planning,
    days: 730,
    maxAgeDays: 1200,
    scopes: [(n) => `${3 + (n % 5)}层厂房改建，建筑面积${2000 + (n % 40) * 100}平方米`],
    conditions: ['按批准的规划设计方案施工', '施工前向规划部门申请验线'],
    revoked: '以欺骗手段取得规划许可，依法撤销',
    suspended: '未按规划许可内容施工，责令暂停施工',
  },
  GAS_OPERATION: {
    authority: AUTHORITIES.housing,
    days: 1095,
    maxAgeDays: 1600,
    noGeo: true,
    scopes: [() => '瓶装液化石油气供应站（三级）', () => '瓶装液化石油气供应站（二级）'],
    conditions: ['按规定配备安全管理人员', '每季度开展一次安全检查并留存记录'],
    revoked: '存在重大安全隐患且拒不整改，依法吊销燃气经营许可证',
    suspended: '未按规定开展安全检查，责令停业整顿',
  },
  CONSTRUCTION_WASTE: {
    authority: AUTHORITIES.housing,
    days: 365,
    maxAgeDays: 700,
    scopes: [
      (n) => `建筑废弃物排放核准：基坑土方约${5 + (n % 40)}千立方米，运至龙华区建筑废弃物综合利用厂`,
      (n) => `建筑废弃物排放核准：拆除废料约${2 + (n % 20)}千立方米，运至指定受纳场`,
    ],
    conditions: ['运输车辆密闭运输，按核准路线和时间行驶', '出场车辆冲洗干净，不得带泥上路'],
    revoked: '将建筑废弃物交由无资质单位运输，依法撤销核准',
    suspended: '运输车辆带泥上路污染道路，暂停排放至整改完毕',
    place: (n, community, road) => `深圳市龙华区观湖街道${community}社区${road}${10 + (n % 180)}号项目工地`,
  },
  GREEN_SPACE_OCCUPATION: {
    authority: AUTHORITIES.urban,
    days: 90,
    maxAgeDays: 400,
    scopes: [(n) => `临时占用绿地${30 + (n % 200)}平方米，用于施工材料堆放`],
    conditions: ['不得损毁树木', '期满后恢复绿地原状'],
    revoked: '擅自扩大占用范围并损毁树木，依法撤销许可',
    suspended: '占用范围超出批准面积，暂停占用至整改完毕',
    place: (n, community, road) => `深圳市龙华区观湖街道${community}社区${road}${10 + (n % 180)}号旁绿化带`,
  },
  TREE_FELLING: {
    authority: AUTHORITIES.urban,
    days: 90,
    maxAgeDays: 400,
    scopes: [(n) => `迁移行道树${1 + (n % 6)}株（小叶榕），移植至观澜湖郊野公园`, (n) => `砍伐枯死树木${1 + (n % 4)}株（木棉），原址补种`],
    conditions: ['按"迁一补一"原则补种', '迁移施工避开台风季节'],
    revoked: '超出批准数量迁移树木，依法撤销许可',
    suspended: '未落实补种措施，暂停实施',
    place: (n, community, road) => `深圳市龙华区观湖街道${community}社区${road}${10 + (n % 180)}号前`,
  },
  NIGHT_CONSTRUCTION: {
    authority: AUTHORITIES.ecology,
    days: 14,
    maxAgeDays: 400,
    scopes: [() => '混凝土连续浇筑，22:00至次日06:00', () => '地铁施工围挡内管线迁改，23:00至次日05:00'],
    conditions: ['禁止使用高噪声设备', '施工前在周边张贴公告'],
    revoked: '夜间施工噪声超标且经责令仍未改正，依法撤销许可',
    suspended: '收到噪声投诉经核实超标，暂停夜间施工',
    place: (n, community, road) => `深圳市龙华区观湖街道${community}社区${road}${10 + (n % 180)}号项目工地`,
  },
};

function typesFor(code: string): ReadonlyArray<PermitType> {
  if (isPerson(code)) return ['STREET_VENDING', 'STREET_VENDING', 'ROAD_OCCUPATION'];
  if (code.startsWith('92')) return ['OUTDOOR_AD', 'ROAD_OCCUPATION', 'STREET_VENDING'];
  if (code.startsWith('9')) {
    return ['OUTDOOR_AD', 'ROAD_OCCUPATION', 'GAS_OPERATION', 'CONSTRUCTION_WASTE', 'NIGHT_CONSTRUCTION', 'ROAD_EXCAVATION', 'CONSTRUCTION_PLANNING'];
  }
  return ['ROAD_EXCAVATION', 'TREE_FELLING', 'GREEN_SPACE_OCCUPATION'];
}

/** A deterministic stream of bytes from a seed. */
class Bytes {
  private buffer = Buffer.alloc(0);
  private offset = 0;
  private round = 0;
  constructor(private readonly seed: string) {}

  next(): number {
    if (this.offset >= this.buffer.length) {
      this.buffer = createHash('sha256').update(`${this.seed}#${this.round}`).digest();
      this.round += 1;
      this.offset = 0;
    }
    const value = this.buffer[this.offset];
    this.offset += 1;
    return value;
  }

  /** 0 ≤ n < max (max ≤ 65536). */
  below(max: number): number {
    return ((this.next() << 8) | this.next()) % max;
  }
}

const SURNAMES = ['陈', '李', '黄', '张', '王', '刘', '林', '吴', '杨', '何', '罗', '梁', '郑', '谢', '周', '叶', '邓', '钟', '曾', '赖'];
const MALE = ['志强', '建华', '国平', '伟明', '俊杰', '家豪', '文斌', '海涛', '少波', '永强'];
const FEMALE = ['秀英', '丽娟', '美玲', '晓燕', '海燕', '慧敏', '小红', '春梅', '雪梅', '嘉欣'];
const SHOPS = ['肠粉店', '烧腊店', '水果店', '五金店', '便利店', '茶餐厅', '砂锅粥店'];
const TRADE = ['鹏程', '华辉', '恒达', '粤兴', '宏发', '顺鑫', '鑫源', '嘉宏', '润泽', '金湖'];
const INDUSTRY = ['餐饮管理', '建筑工程', '广告传媒', '商贸', '物业管理', '装饰工程'];
const PUBLIC_BODIES = ['深圳市龙华区城市建设服务中心', '深圳市龙华区公园管理中心', '深圳市龙华区观湖街道鹭湖社区工作站', '深圳市龙华区水务局'];

/** A plausible holder name for a code the simulator has not been told about. */
export function generatedHolderName(code: string): string {
  const b = new Bytes(`name:${code}`);
  if (isPerson(code)) {
    const male = Number(code[16]) % 2 === 1;
    return `${SURNAMES[b.below(SURNAMES.length)]}${(male ? MALE : FEMALE)[b.below(10)]}`;
  }
  if (code.startsWith('92')) return `深圳市龙华区观湖${SURNAMES[b.below(SURNAMES.length)]}记${SHOPS[b.below(SHOPS.length)]}`;
  if (code.startsWith('9')) return `深圳市${TRADE[b.below(TRADE.length)]}${INDUSTRY[b.below(INDUSTRY.length)]}有限公司`;
  return PUBLIC_BODIES[b.below(PUBLIC_BODIES.length)];
}

export interface GenerateOptions {
  /** Number of permits; default 0–3 from the hash. */
  count?: number;
  /** Types to draw from; default by the kind of holder. */
  types?: ReadonlyArray<PermitType>;
  salt?: string;
  /** Demo parties always have something to show: 1–3 permits instead of 0–3. */
  atLeastOne?: boolean;
}

/** Permits of one holder, a pure function of its code, the start date and the options. */
export function generatePermits(holder: HolderSeed, today: string, options: GenerateOptions = {}): Permit[] {
  const b = new Bytes(`permits:${holder.code}:${options.salt ?? ''}`);
  const first = b.next();
  const count = options.count ?? (options.atLeastOne ? 1 + (first % 3) : first % 4);
  const types = options.types ?? typesFor(holder.code);
  const permits: Permit[] = [];
  let revokedOne = false;
  for (let i = 0; i < count; i += 1) {
    const type = types[b.below(types.length)];
    const t = TEMPLATES[type];
    const issued = addDays(today, -(10 + b.below(t.maxAgeDays)));
    const validFrom = addDays(issued, b.below(8));
    const validTo = addDays(validFrom, t.days - 1);
    const n = b.below(10_000);
    const community = COMMUNITIES[b.below(COMMUNITIES.length)];
    const road = ROADS[b.below(ROADS.length)];
    const time = `${String(9 + b.below(8)).padStart(2, '0')}:${String(b.below(60)).padStart(2, '0')}:00`;
    const fate = b.below(100);
    const sequence = 100_000 + b.below(60_000) * 10 + (i % 10);
    const address = t.place ? t.place(n, community, road) : (holder.address ?? `深圳市龙华区观湖街道${community}社区${road}${10 + (n % 180)}号`);
    const permit: Permit = {
      permitNo: permitNo(type, issued, sequence),
      ...base(holder, type, t.authority),
      address,
      scope: t.scopes[n % t.scopes.length](n),
      issuedAt: at(issued, time),
      validFrom,
      validTo,
      status: 'VALID',
      conditions: t.conditions.slice(0, 1 + (n % t.conditions.length)),
      updatedAt: at(issued, time),
    };
    if (!t.noGeo) {
      permit.geo = { lng: Number((114.045 + b.below(35_000) / 1_000_000).toFixed(6)), lat: Number((22.700 + b.below(30_000) / 1_000_000).toFixed(6)) };
    }
    // Now and then one permit of a holder was revoked (any time in its term) or is suspended now.
    const lastDay = validTo < today ? validTo : addDays(today, -1);
    if (!revokedOne && fate < 12 && lastDay > validFrom) {
      revokedOne = true;
      const span = Math.max(1, Math.round((dateMs(lastDay) - dateMs(validFrom)) / DAY_MS));
      const changed = at(addDays(validFrom, 1 + b.below(span)), '16:00:00');
      Object.assign(permit, { status: 'REVOKED', statusReason: t.revoked, statusChangedAt: changed, updatedAt: changed });
    } else if (fate >= 12 && fate < 18 && validTo >= today && validFrom < today) {
      const span = Math.max(1, Math.round((dateMs(today) - dateMs(validFrom)) / DAY_MS));
      const changed = at(addDays(validFrom, b.below(span)), '17:30:00');
      Object.assign(permit, { status: 'SUSPENDED', statusReason: t.suspended, statusChangedAt: changed, updatedAt: changed });
    }
    permits.push(permit);
  }
  return permits;
}
