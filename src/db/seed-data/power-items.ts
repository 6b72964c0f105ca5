// 权责清单事项 of the demo store: every one of the 18 street matters (街道综合执法 18 类) with
// 1–3 items, their legal bases (违法依据 = the rule broken, 处罚依据 = the rule setting the
// penalty) and a discretion benchmark (自由裁量基准) of 2–4 tiers whose penalties and fine
// ranges stay inside the statute. Each item also carries what the seed needs to write
// believable cases about it: the act for the case name, finding sentences, evidence kinds.
import type { EvidenceKind, PenaltyKind, PowerCategory } from '../../generated/prisma/enums';

export interface TierSeed {
  level: number;
  name: string;
  circumstance: string;
  penaltyKind: PenaltyKind;
  fineMin: string | null;
  fineMax: string | null;
  requiresLegalReview: boolean;
}

/** What a finding sentence may draw on; all randomness comes from the seed's PRNG. */
export interface FactContext {
  /** Respondent's name */
  party: string;
  /** Full address of the place */
  place: string;
  /** Community (社区) of the place, e.g. 松元厦 */
  community: string;
  /** Road of the place, e.g. 环观南路 */
  road: string;
  /** Planned tier level (1 = 轻微) */
  level: number;
  /** Date of discovery, e.g. 2026年3月15日 */
  date: string;
  int(min: number, max: number): number;
  pick<T>(items: ReadonlyArray<T>): T;
}

export type PlaceKind = 'SHOPFRONT' | 'ROADSIDE' | 'SITE' | 'RESIDENCE' | 'INDUSTRIAL' | 'HILL' | 'RIVER' | 'VILLAGE';

/** Kinds of business a respondent organisation does (see parties.ts). */
export type BusinessTag =
  | 'catering'
  | 'retail'
  | 'advertising'
  | 'gas'
  | 'construction'
  | 'transport'
  | 'decoration'
  | 'education'
  | 'aftercare'
  | 'netcafe'
  | 'culture'
  | 'funeral'
  | 'rental'
  | 'factory'
  | 'earthwork'
  | 'cooperative';

export interface PowerItemSeed {
  code: string;
  name: string;
  category: PowerCategory;
  legalBasis: string;
  penaltyBasis: string;
  permitTypes: string[];
  tiers: TierSeed[];
  /** The act, as it reads in a case name: `${party}${act}案` */
  act: string;
  /** Finding sentences (what was found), without the source of the clue. */
  facts: ReadonlyArray<(c: FactContext) => string>;
  place: PlaceKind;
  /** Evidence kinds that fit, the most typical first. */
  evidence: EvidenceKind[];
  /** What the photos and videos show */
  scene: string;
  /** 书证 typical for the matter */
  documentary: string;
  /** 物证 / 先行登记保存 items, when any */
  physical?: string;
  /** 鉴定意见 / 认定 typical for the matter, when any */
  expert?: string;
  /** Organisations this matter concerns; empty = persons only */
  businesses: BusinessTag[];
  /** Share of respondents that are natural persons */
  personShare: number;
  /** The respondent holds the permit and breaks its terms (the permit check finds it) */
  holdsPermit?: boolean;
  /** Charges when a case of this item is transferred to the police (两法衔接) */
  transferCharges?: string[];
}

export const CATEGORY_NAMES: Readonly<Record<PowerCategory, string>> = {
  CITY_APPEARANCE: '城市管理（市容环卫）',
  OUTDOOR_ADVERTISING: '户外广告',
  ROAD_OCCUPATION: '占道',
  FORESTRY: '林业',
  INTERIOR_RENOVATION: '二次装修',
  EDUCATION_TRAINING: '教育培训',
  AFTER_SCHOOL_CARE: '校外托管',
  GAS: '燃气',
  WASTE_BURNING: '焚烧固废',
  CULTURE: '文化',
  QUARRYING: '采石取土',
  FUNERAL: '殡葬',
  INTERNET_CAFE: '网吧',
  RIVER_CHANNEL: '河道',
  HOUSING_RENTAL: '房屋租赁',
  CONSTRUCTION_WASTE: '建筑废弃物',
  ILLEGAL_CONSTRUCTION: '查违',
  OTHER: '其他',
};

/** Department that hands a clue of this category over to the street team (source DEPT_TRANSFER). */
export const HANDING_DEPARTMENT: Readonly<Record<PowerCategory, string>> = {
  CITY_APPEARANCE: 'LH-ZJJ',
  OUTDOOR_ADVERTISING: 'LH-SCJG',
  ROAD_OCCUPATION: 'LH-GAJ',
  FORESTRY: 'LH-GTZY',
  INTERIOR_RENOVATION: 'LH-ZJJ',
  EDUCATION_TRAINING: 'LH-JYJ',
  AFTER_SCHOOL_CARE: 'LH-JYJ',
  GAS: 'LH-ZJJ',
  WASTE_BURNING: 'LH-STHJ',
  CULTURE: 'LH-WTJ',
  QUARRYING: 'LH-GTZY',
  FUNERAL: 'LH-SCJG',
  INTERNET_CAFE: 'LH-WTJ',
  RIVER_CHANNEL: 'LH-SWJ',
  HOUSING_RENTAL: 'LH-ZJJ',
  CONSTRUCTION_WASTE: 'LH-ZJJ',
  ILLEGAL_CONSTRUCTION: 'LH-GTZY',
  OTHER: 'LH-STHJ',
};

const yuan = (n: number): string => n.toFixed(2);

function tier(
  level: number,
  name: string,
  circumstance: string,
  penaltyKind: PenaltyKind,
  fine: [number, number] | null = null,
  requiresLegalReview = false,
): TierSeed {
  return {
    level,
    name,
    circumstance,
    penaltyKind,
    fineMin: fine ? yuan(fine[0]) : null,
    fineMax: fine ? yuan(fine[1]) : null,
    requiresLegalReview,
  };
}

const FIRST_OFFENCE = '初次违法且危害后果轻微并及时改正（首违不罚，《中华人民共和国行政处罚法》第三十三条第一款），予以批评教育';

export const POWER_ITEM_SEEDS: ReadonlyArray<PowerItemSeed> = [
  // ───────────── 01 城市管理（市容环卫） ─────────────
  {
    code: 'LH-QZ-0101-001',
    name: '在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品',
    category: 'CITY_APPEARANCE',
    legalBasis: '《城市市容和环境卫生管理条例》第十七条；《深圳经济特区市容和环境卫生管理条例》关于禁止乱张贴、乱涂写、乱刻画的规定',
    penaltyBasis: '《城市市容和环境卫生管理条例》第三十四条第（二）项',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '张贴、涂写5处以下，当场清除，未造成其他影响', 'WARNING'),
      tier(2, '一般', '张贴、涂写6至20处，或经责令后在限期内清除', 'FINE', [100, 500]),
      tier(3, '严重', '成批张贴、涂写20处以上，或拒不清除、一年内再次违法', 'FINE', [500, 2000], true),
    ],
    act: '擅自张贴小广告',
    facts: [
      (c) => `当事人${c.party}在${c.place}附近的电箱、灯杆及居民楼外墙张贴"${c.pick(['疏通下水道', '开锁换锁', '搬家拉货', '房屋出租', '办证刻章'])}"类小广告共${c.level === 1 ? c.int(2, 5) : c.level === 2 ? c.int(6, 20) : c.int(21, 80)}处，影响市容。`,
      (c) => `${c.road}沿线多处公共设施被喷涂联系电话，经核查系当事人${c.party}所为，共${c.level === 1 ? c.int(2, 5) : c.level === 2 ? c.int(6, 20) : c.int(21, 60)}处。`,
    ],
    place: 'ROADSIDE',
    evidence: ['PHOTO', 'INSPECTION_RECORD', 'PARTY_STATEMENT', 'VIDEO', 'ELECTRONIC_DATA'],
    scene: '小广告张贴、涂写位置',
    documentary: '小广告所留电话号码的机主登记信息',
    physical: '未张贴的小广告传单一批',
    businesses: ['retail'],
    personShare: 0.8,
  },
  {
    code: 'LH-QZ-0102-001',
    name: '临街工地不设置护栏或者不作遮挡、停工场地不及时整理并作必要覆盖',
    category: 'CITY_APPEARANCE',
    legalBasis: '《城市市容和环境卫生管理条例》第十六条',
    penaltyBasis: '《城市市容和环境卫生管理条例》第三十四条第（七）项',
    permitTypes: ['NIGHT_CONSTRUCTION', 'ROAD_EXCAVATION'],
    tiers: [
      tier(1, '轻微', '围挡局部缺损或裸土覆盖不全，面积100平方米以下，当场整改', 'WARNING'),
      tier(2, '一般', '未设置围挡或裸土未覆盖面积100至500平方米', 'FINE', [200, 1000]),
      tier(3, '严重', '面积500平方米以上，或经责令改正逾期不改、造成扬尘投诉', 'FINE', [1000, 5000], true),
    ],
    act: '临街工地未设置围挡、裸土未覆盖',
    facts: [
      (c) => `当事人${c.party}承建的位于${c.place}的临街工地，${c.pick(['沿街一侧约', '东侧围挡缺失约', '出入口两侧约'])}${c.int(20, 120)}米未设置围挡，场内裸土约${c.level === 1 ? c.int(40, 100) : c.level === 2 ? c.int(100, 500) : c.int(500, 2000)}平方米未覆盖防尘网。`,
    ],
    place: 'SITE',
    evidence: ['PHOTO', 'INSPECTION_RECORD', 'VIDEO', 'DOCUMENTARY', 'PARTY_STATEMENT'],
    scene: '工地围挡及裸土覆盖情况',
    documentary: '建筑工程施工许可证、施工合同复印件',
    businesses: ['construction'],
    personShare: 0,
  },

  // ───────────── 02 户外广告 ─────────────
  {
    code: 'LH-QZ-0201-001',
    name: '未经批准擅自设置大型户外广告',
    category: 'OUTDOOR_ADVERTISING',
    legalBasis: '《城市市容和环境卫生管理条例》第十一条；《深圳市户外广告管理办法》关于户外广告设施设置许可的规定',
    penaltyBasis: '《城市市容和环境卫生管理条例》第三十六条第（一）项',
    permitTypes: ['OUTDOOR_AD'],
    tiers: [
      tier(1, '轻微', '广告画面面积10平方米以下，在责令期限内自行拆除', 'WARNING'),
      tier(2, '一般', '广告画面面积10至50平方米', 'FINE', [1000, 5000]),
      tier(3, '严重', '广告画面面积50平方米以上，或存在安全隐患、拒不拆除', 'FINE', [5000, 10000], true),
    ],
    act: '未经批准擅自设置户外广告',
    facts: [
      (c) => `当事人${c.party}未取得户外广告设置许可，在${c.place}${c.pick(['楼顶', '外墙', '路侧空地'])}设置${c.pick(['喷绘广告牌', 'LED显示屏', '立柱式广告牌', '楼顶发光字'])}一处，画面面积约${c.level === 1 ? c.int(4, 10) : c.level === 2 ? c.int(11, 50) : c.int(51, 180)}平方米。`,
    ],
    place: 'SHOPFRONT',
    evidence: ['PHOTO', 'PERMIT_CHECK', 'INSPECTION_RECORD', 'PARTY_STATEMENT', 'DOCUMENTARY'],
    scene: '户外广告设施',
    documentary: '广告发布合同、营业执照复印件',
    expert: '户外广告设施结构安全检测报告',
    businesses: ['advertising', 'retail', 'catering'],
    personShare: 0.1,
  },
  {
    code: 'LH-QZ-0202-001',
    name: '未按照户外广告设置许可的内容设置户外广告或者期满未拆除',
    category: 'OUTDOOR_ADVERTISING',
    legalBasis: '《城市市容和环境卫生管理条例》第十一条；《深圳市户外广告管理办法》关于按照许可内容设置、期满拆除的规定',
    penaltyBasis: '《城市市容和环境卫生管理条例》第三十六条第（一）项',
    permitTypes: ['OUTDOOR_AD'],
    tiers: [
      tier(1, '轻微', '超出许可面积20%以下或期满30日以内，当场承诺整改并按期完成', 'WARNING'),
      tier(2, '一般', '超出许可面积20%至50%，或期满30日以上未拆除', 'FINE', [1000, 5000]),
      tier(3, '严重', '超出许可面积50%以上，或经责令改正拒不整改', 'FINE', [5000, 10000], true),
    ],
    act: '超出许可内容设置户外广告',
    facts: [
      (c) => `当事人${c.party}持有户外广告设置许可，但在${c.place}设置的广告设施${c.pick(['画面尺寸超出许可核准尺寸', '设置高度超出许可核准高度', '许可期满后仍未拆除'])}，超出部分约${c.int(5, 90)}平方米。`,
    ],
    place: 'ROADSIDE',
    evidence: ['PERMIT_CHECK', 'PHOTO', 'INSPECTION_RECORD', 'DOCUMENTARY', 'PARTY_STATEMENT'],
    scene: '户外广告设施尺寸测量',
    holdsPermit: true,
    documentary: '户外广告设置许可决定书复印件',
    businesses: ['advertising'],
    personShare: 0,
  },

  // ───────────── 03 占道 ─────────────
  {
    code: 'LH-QZ-0301-001',
    name: '在划定的摊贩经营场所外占用城市道路、公共场所摆摊设点、销售商品',
    category: 'ROAD_OCCUPATION',
    legalBasis: '《深圳经济特区市容和环境卫生管理条例》（2023年修订）第十八条第二款',
    penaltyBasis:
      '《深圳经济特区市容和环境卫生管理条例》（2023年修订）法律责任章：责令改正；拒不改正的，按照占地面积每平方米一千元处以罚款；情节严重的，并处没收违法摆卖的物品和实施违法行为的工具',
    permitTypes: ['ROAD_OCCUPATION', 'STREET_VENDING'],
    tiers: [
      tier(1, '轻微', FIRST_OFFENCE, 'NO_PENALTY'),
      tier(2, '一般', '经责令改正拒不改正，占地面积5平方米以下', 'FINE', [1000, 5000]),
      tier(3, '较重', '经责令改正拒不改正，占地面积5平方米以上', 'FINE', [5000, 20000]),
      tier(4, '严重', '拒不改正且一年内被处罚两次以上，或阻碍执法、严重影响通行安全', 'CONFISCATION', [20000, 50000], true),
    ],
    act: '占用城市道路摆摊设点',
    facts: [
      (c) => `当事人${c.party}在${c.place}人行道上摆摊销售${c.pick(['水果', '早餐', '烧烤小吃', '日用百货', '鞋袜', '手机配件'])}，占地面积约${c.level <= 2 ? c.int(2, 5) : c.int(6, 20)}平方米，执法队员现场责令改正后仍继续经营。`,
      (c) => `当事人${c.party}驾驶${c.pick(['三轮车', '小货车', '手推车'])}在${c.place}附近占道摆卖${c.pick(['水果', '蔬菜', '熟食', '玩具'])}，占地约${c.level <= 2 ? c.int(2, 5) : c.int(6, 15)}平方米，影响行人通行。`,
    ],
    place: 'ROADSIDE',
    evidence: ['PHOTO', 'VIDEO', 'INSPECTION_RECORD', 'PARTY_STATEMENT', 'PHYSICAL', 'ELECTRONIC_DATA'],
    scene: '占道摆卖现场',
    documentary: '责令改正通知书及送达回证',
    physical: '先行登记保存的摆卖物品及工具',
    businesses: ['retail', 'catering'],
    personShare: 0.75,
  },
  {
    code: 'LH-QZ-0302-001',
    name: '未按照批准的位置、面积、期限占用城市道路',
    category: 'ROAD_OCCUPATION',
    legalBasis: '《城市道路管理条例》第三十一条',
    penaltyBasis: '《城市道路管理条例》第四十二条第（六）项',
    permitTypes: ['ROAD_OCCUPATION', 'STREET_VENDING'],
    tiers: [
      tier(1, '轻微', '超出批准面积10平方米以下或超时1小时以内，当场改正', 'WARNING'),
      tier(2, '一般', '超出批准面积10至30平方米，或多次超时占用', 'FINE', [2000, 8000]),
      tier(3, '严重', '超出批准面积30平方米以上，或经责令改正后仍未改正', 'FINE', [8000, 20000], true),
    ],
    act: '超出许可范围占用城市道路经营',
    facts: [
      (c) => `当事人${c.party}超出临时占用城市道路许可核准的范围，在${c.place}门前人行道摆放餐桌椅约${c.level === 1 ? c.int(20, 28) : c.level === 2 ? c.int(28, 48) : c.int(48, 80)}平方米从事经营，超出核准面积，经责令改正后${c.level === 3 ? '仍未改正' : '部分改正'}。`,
      (c) => `当事人${c.party}在许可时段外（${c.pick(['23时后', '早上7时前', '午间12时至14时'])}）占用${c.place}附近人行道经营，占地约${c.int(6, 30)}平方米。`,
    ],
    place: 'SHOPFRONT',
    evidence: ['PERMIT_CHECK', 'PHOTO', 'INSPECTION_RECORD', 'VIDEO', 'PARTY_STATEMENT'],
    scene: '超范围占道经营现场及丈量',
    holdsPermit: true,
    documentary: '临时占用城市道路许可证复印件',
    businesses: ['catering', 'retail'],
    personShare: 0.2,
  },

  // ───────────── 04 林业 ─────────────
  {
    code: 'LH-QZ-0401-001',
    name: '滥伐林木',
    category: 'FORESTRY',
    legalBasis: '《中华人民共和国森林法》第五十六条第一款',
    penaltyBasis: '《中华人民共和国森林法》第七十六条第二款',
    permitTypes: ['TREE_FELLING'],
    tiers: [
      tier(1, '轻微', '滥伐林木价值1000元以下，主动补种', 'FINE', [1000, 5000]),
      tier(2, '一般', '滥伐林木价值1000元至5000元', 'FINE', [5000, 25000]),
      tier(3, '严重', '滥伐林木价值5000元以上或蓄积量较大，接近刑事立案标准', 'FINE', [25000, 100000], true),
    ],
    act: '滥伐林木',
    facts: [
      (c) => `当事人${c.party}未取得林木采伐许可证，在${c.place}砍伐${c.pick(['桉树', '荔枝树', '相思树', '马尾松'])}${c.level === 1 ? c.int(3, 10) : c.level === 2 ? c.int(11, 40) : c.int(41, 150)}株，用于${c.pick(['平整场地', '搭建菜地', '清理山边空地'])}。`,
    ],
    place: 'HILL',
    evidence: ['PHOTO', 'INSPECTION_RECORD', 'EXPERT_OPINION', 'PARTY_STATEMENT', 'WITNESS_STATEMENT'],
    scene: '伐区及伐桩',
    documentary: '林地权属证明、林木价值核算表',
    expert: '林业调查规划设计单位出具的林木蓄积及价值鉴定意见',
    businesses: ['cooperative'],
    personShare: 0.7,
    transferCharges: ['滥伐林木罪'],
  },
  {
    code: 'LH-QZ-0402-001',
    name: '进行开垦、采石、采砂、采土或者其他活动造成林木、林地毁坏',
    category: 'FORESTRY',
    legalBasis: '《中华人民共和国森林法》第三十九条第一款',
    penaltyBasis: '《中华人民共和国森林法》第七十四条第一款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '毁坏林地100平方米以下或林木价值1000元以下，已恢复植被', 'FINE', [500, 3000]),
      tier(2, '一般', '毁坏林地100至1000平方米', 'FINE', [3000, 15000]),
      tier(3, '严重', '毁坏林地1000平方米以上，或拒不恢复植被', 'FINE', [15000, 50000], true),
    ],
    act: '毁林开垦',
    facts: [
      (c) => `当事人${c.party}在${c.place}毁林开垦种植${c.pick(['蔬菜', '番薯', '香蕉'])}，毁坏林地面积约${c.level === 1 ? c.int(40, 100) : c.level === 2 ? c.int(100, 1000) : c.int(1000, 4000)}平方米。`,
    ],
    place: 'HILL',
    evidence: ['PHOTO', 'INSPECTION_RECORD', 'EXPERT_OPINION', 'PARTY_STATEMENT', 'ELECTRONIC_DATA'],
    scene: '毁林开垦现场',
    documentary: '林地范围图、卫星影像比对图',
    expert: '林地毁坏面积测绘报告',
    businesses: ['cooperative'],
    personShare: 0.8,
  },

  // ───────────── 05 二次装修 ─────────────
  {
    code: 'LH-QZ-0501-001',
    name: '房屋建筑使用者在装修过程中擅自变动房屋建筑主体和承重结构',
    category: 'INTERIOR_RENOVATION',
    legalBasis: '《建设工程质量管理条例》第十五条第二款；《住宅室内装饰装修管理办法》第五条第一款第（一）项',
    penaltyBasis: '《建设工程质量管理条例》第六十九条第一款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '拆改范围较小，已按原设计恢复并经鉴定安全', 'FINE', [50000, 60000]),
      tier(2, '一般', '拆除或开凿承重墙、梁、柱，尚未危及结构安全', 'FINE', [60000, 80000]),
      tier(3, '严重', '拆改导致房屋结构安全隐患或邻户受损', 'FINE', [80000, 100000], true),
    ],
    act: '装修中擅自拆改承重结构',
    facts: [
      (c) => `当事人${c.party}在${c.place}装修过程中，未经原设计单位出具设计方案，擅自${c.pick(['拆除客厅与卧室之间的承重墙约', '在承重墙上开凿门洞约', '切割楼板开设楼梯洞口约'])}${c.int(3, 12)}平方米。`,
    ],
    place: 'RESIDENCE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'EXPERT_OPINION', 'PARTY_STATEMENT', 'DOCUMENTARY', 'WITNESS_STATEMENT'],
    scene: '装修拆改部位',
    documentary: '房屋产权证明、装修合同及原结构图纸',
    expert: '房屋安全鉴定机构出具的结构安全鉴定报告',
    businesses: ['decoration'],
    personShare: 0.7,
  },
  {
    code: 'LH-QZ-0502-001',
    name: '将没有防水要求的房间或者阳台改为卫生间、厨房间，或者拆除连接阳台的砖、混凝土墙体',
    category: 'INTERIOR_RENOVATION',
    legalBasis: '《住宅室内装饰装修管理办法》第五条第一款第（二）项、第（三）项',
    penaltyBasis: '《住宅室内装饰装修管理办法》第三十八条第（一）项',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', FIRST_OFFENCE, 'NO_PENALTY'),
      tier(2, '一般', '装修人实施，经责令未及时恢复', 'FINE', [500, 1000]),
      tier(3, '严重', '装饰装修企业实施，或造成楼下渗漏', 'FINE', [1000, 10000], true),
    ],
    act: '擅自将阳台改为卫生间',
    facts: [
      (c) => `当事人${c.party}在${c.place}装修时将${c.pick(['阳台改建为卫生间', '卧室改建为厨房', '拆除连接阳台的混凝土墙体'])}，${c.level === 3 ? '已造成楼下住户天花渗水' : '经物业管理处劝阻未停止'}。`,
    ],
    place: 'RESIDENCE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'PARTY_STATEMENT', 'WITNESS_STATEMENT', 'DOCUMENTARY'],
    scene: '改建部位',
    documentary: '物业管理处出具的装修登记及劝阻记录',
    businesses: ['decoration'],
    personShare: 0.75,
  },

  // ───────────── 06 教育培训 ─────────────
  {
    code: 'LH-QZ-0601-001',
    name: '未经批准擅自举办校外培训机构（无证办学）',
    category: 'EDUCATION_TRAINING',
    legalBasis: '《中华人民共和国民办教育促进法》第十二条；《校外培训行政处罚暂行办法》关于未经审批开展校外培训的规定',
    penaltyBasis: '《中华人民共和国民办教育促进法》第六十四条',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', FIRST_OFFENCE + '；招生10人以下，已停止办学并退还费用', 'NO_PENALTY'),
      tier(2, '一般', '违法所得一倍以上二倍以下；招生10至50人', 'FINE', [5000, 30000]),
      tier(3, '严重', '违法所得三倍以上五倍以下；招生50人以上或责令停止后继续办学', 'FINE', [30000, 150000], true),
    ],
    act: '无证开展学科类校外培训',
    facts: [
      (c) => `当事人${c.party}未取得办学许可证，在${c.place}开设${c.pick(['小学数学、英语', '初中物理、化学', '小学语文作文', '初中数学'])}学科类培训班，共招收学员${c.level === 1 ? c.int(3, 9) : c.level === 2 ? c.int(10, 50) : c.int(51, 160)}人，按每学期${c.pick(['2800', '3600', '4200', '5800'])}元收费。`,
    ],
    place: 'VILLAGE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'DOCUMENTARY', 'PARTY_STATEMENT', 'ELECTRONIC_DATA', 'WITNESS_STATEMENT'],
    scene: '培训场所及上课情况',
    documentary: '学员名册、收费收据及微信收款记录',
    businesses: ['education'],
    personShare: 0.35,
  },

  // ───────────── 07 校外托管 ─────────────
  {
    code: 'LH-QZ-0701-001',
    name: '校外托管机构未经登记从事经营活动',
    category: 'AFTER_SCHOOL_CARE',
    legalBasis: '《中华人民共和国市场主体登记管理条例》第三条第一款',
    penaltyBasis: '《中华人民共和国市场主体登记管理条例》第四十三条',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', FIRST_OFFENCE + '；已在责令期限内办理登记', 'NO_PENALTY'),
      tier(2, '一般', '责令改正，没收违法所得', 'CONFISCATION'),
      tier(3, '严重', '经责令改正拒不改正', 'FINE', [10000, 100000], true),
    ],
    act: '未经登记开办校外托管',
    facts: [
      (c) => `当事人${c.party}未办理市场主体登记，在${c.place}开办"${c.pick(['爱心', '阳光', '小太阳', '优学', '七彩'])}托管"，接收附近小学学生${c.int(8, 45)}人，提供午托、晚托服务并按月收费${c.pick(['800', '1200', '1500', '1800'])}元/人。`,
    ],
    place: 'VILLAGE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'PARTY_STATEMENT', 'DOCUMENTARY', 'ELECTRONIC_DATA'],
    scene: '托管场所',
    documentary: '托管学生名单、收费记录',
    businesses: ['aftercare'],
    personShare: 0.6,
  },
  {
    code: 'LH-QZ-0702-001',
    name: '校外托管机构未取得食品经营许可从事餐饮服务',
    category: 'AFTER_SCHOOL_CARE',
    legalBasis: '《中华人民共和国食品安全法》第三十五条第一款',
    penaltyBasis: '《中华人民共和国食品安全法》第一百二十二条第一款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', FIRST_OFFENCE + '；已停止供餐并申领许可，无危害后果', 'NO_PENALTY'),
      tier(2, '一般', '违法经营的食品货值金额不足一万元', 'FINE', [50000, 100000]),
      tier(3, '严重', '货值金额一万元以上（货值金额十倍以上二十倍以下）', 'FINE', [100000, 300000], true),
    ],
    act: '托管机构无证供餐',
    facts: [
      (c) => `当事人${c.party}在${c.place}开办的托管机构未取得食品经营许可证，每日为${c.int(10, 60)}名托管学生自行加工午餐、晚餐，现场厨房未设置${c.pick(['留样冰箱', '消毒设施', '防蝇设施'])}。`,
    ],
    place: 'VILLAGE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'DOCUMENTARY', 'PARTY_STATEMENT', 'PERMIT_CHECK'],
    scene: '托管机构厨房及用餐区',
    documentary: '食材采购单据、收费记录',
    businesses: ['aftercare'],
    personShare: 0.5,
  },

  // ───────────── 08 燃气 ─────────────
  {
    code: 'LH-QZ-0801-001',
    name: '未取得燃气经营许可证从事燃气经营活动',
    category: 'GAS',
    legalBasis: '《城镇燃气管理条例》第十五条第一款',
    penaltyBasis: '《城镇燃气管理条例》第四十五条第一款',
    permitTypes: ['GAS_OPERATION'],
    tiers: [
      tier(1, '轻微', '储存、销售液化石油气钢瓶10瓶以下，经营时间短', 'FINE', [50000, 100000]),
      tier(2, '一般', '储存、销售钢瓶10至50瓶，或经营时间1个月以上', 'FINE', [100000, 300000]),
      tier(3, '严重', '钢瓶50瓶以上、在人员密集场所储存，或许可被吊销后继续经营', 'FINE', [300000, 500000], true),
    ],
    act: '无证经营瓶装液化石油气',
    facts: [
      (c) => `当事人${c.party}未取得燃气经营许可证，在${c.place}${c.pick(['一楼仓库', '出租屋内', '铁皮房内'])}储存、销售瓶装液化石油气，现场查获15kg装液化石油气钢瓶${c.level === 1 ? c.int(3, 10) : c.level === 2 ? c.int(11, 50) : c.int(51, 140)}个。`,
    ],
    place: 'VILLAGE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'PHYSICAL', 'PERMIT_CHECK', 'PARTY_STATEMENT', 'DOCUMENTARY', 'EXPERT_OPINION'],
    scene: '非法储存钢瓶现场',
    documentary: '送气登记本、销售记录',
    physical: '依法扣押的液化石油气钢瓶',
    expert: '液化石油气钢瓶检验报告',
    businesses: ['gas'],
    personShare: 0.45,
    transferCharges: ['非法经营罪', '危险作业罪'],
  },
  {
    code: 'LH-QZ-0802-001',
    name: '燃气经营者不按照燃气经营许可证的规定从事燃气经营活动',
    category: 'GAS',
    legalBasis: '《城镇燃气管理条例》第十八条',
    penaltyBasis: '《城镇燃气管理条例》第四十五条第二款',
    permitTypes: ['GAS_OPERATION'],
    tiers: [
      tier(1, '轻微', '初次违反，涉及钢瓶10瓶以下并立即改正', 'FINE', [30000, 60000]),
      tier(2, '一般', '向无证单位或个人供应经营用气，或超出许可区域经营', 'FINE', [60000, 200000]),
      tier(3, '严重', '情节严重，多次违反或造成安全事故隐患', 'REVOCATION', [100000, 200000], true),
    ],
    act: '违反燃气经营许可规定经营',
    facts: [
      (c) => `当事人${c.party}${c.pick(['向未取得燃气经营许可证的个人供应用于经营的瓶装液化石油气', '超出燃气经营许可证核准的经营区域设置送气点', '使用未经检验的钢瓶充装液化石油气'])}，涉及钢瓶${c.int(8, 90)}个，地点位于${c.place}。`,
    ],
    place: 'INDUSTRIAL',
    evidence: ['PERMIT_CHECK', 'INSPECTION_RECORD', 'DOCUMENTARY', 'PHOTO', 'PARTY_STATEMENT'],
    scene: '供应站及送气点',
    holdsPermit: true,
    documentary: '燃气经营许可证、供气台账',
    businesses: ['gas'],
    personShare: 0,
  },
  {
    code: 'LH-QZ-0803-001',
    name: '燃气用户在不具备安全条件的场所使用、储存燃气',
    category: 'GAS',
    legalBasis: '《城镇燃气管理条例》第二十八条第（五）项',
    penaltyBasis: '《城镇燃气管理条例》第四十九条第一款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '在责令期限内改正', 'NO_PENALTY'),
      tier(2, '一般', '个人逾期不改正', 'FINE', [200, 1000]),
      tier(3, '严重', '单位逾期不改正，或在地下、半地下室使用瓶装燃气', 'FINE', [5000, 100000], true),
    ],
    act: '在不具备安全条件的场所使用燃气',
    facts: [
      (c) => `当事人${c.party}在${c.place}${c.pick(['地下室后厨', '无通风的隔间内', '人员密集的餐厅大堂'])}使用、存放液化石油气钢瓶${c.int(2, 9)}个，未安装可燃气体报警装置，经责令限期改正${c.level === 1 ? '后已按期整改' : '逾期未改正'}。`,
    ],
    place: 'SHOPFRONT',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'PARTY_STATEMENT', 'DOCUMENTARY'],
    scene: '用气场所',
    documentary: '责令限期改正通知书及复查记录',
    businesses: ['catering'],
    personShare: 0.3,
  },

  // ───────────── 09 焚烧固废 ─────────────
  {
    code: 'LH-QZ-0901-001',
    name: '在人口集中地区焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质',
    category: 'WASTE_BURNING',
    legalBasis: '《中华人民共和国大气污染防治法》第八十二条第一款',
    penaltyBasis: '《中华人民共和国大气污染防治法》第一百一十九条第二款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '个人焚烧少量垃圾，及时扑灭', 'FINE', [500, 1000]),
      tier(2, '一般', '个人多次焚烧或焚烧量较大', 'FINE', [1000, 2000]),
      tier(3, '较重', '单位焚烧', 'FINE', [10000, 50000]),
      tier(4, '严重', '单位焚烧量大、造成周边居民投诉或拒不改正', 'FINE', [50000, 100000], true),
    ],
    act: '露天焚烧垃圾',
    facts: [
      (c) => `当事人${c.party}在${c.place}空地露天焚烧${c.pick(['废旧电线外皮', '塑料边角料', '生活垃圾', '废旧皮革', '泡沫包装'])}，产生浓烟和刺激性气味，焚烧量约${c.level <= 2 ? c.int(10, 80) : c.int(100, 800)}公斤。`,
    ],
    place: 'INDUSTRIAL',
    evidence: ['PHOTO', 'VIDEO', 'INSPECTION_RECORD', 'PARTY_STATEMENT', 'ELECTRONIC_DATA', 'WITNESS_STATEMENT'],
    scene: '焚烧现场及残留物',
    documentary: '周边居民投诉记录',
    businesses: ['factory'],
    personShare: 0.5,
    transferCharges: ['污染环境罪'],
  },
  {
    code: 'LH-QZ-0902-001',
    name: '露天焚烧秸秆、落叶等产生烟尘污染的物质',
    category: 'WASTE_BURNING',
    legalBasis: '《中华人民共和国大气污染防治法》第七十七条',
    penaltyBasis: '《中华人民共和国大气污染防治法》第一百一十九条第一款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', FIRST_OFFENCE + '；焚烧量少并立即熄灭', 'NO_PENALTY'),
      tier(2, '一般', '经劝阻后继续焚烧', 'FINE', [500, 1000]),
      tier(3, '严重', '焚烧面积大、一年内再次违法或引发火情', 'FINE', [1000, 2000], true),
    ],
    act: '露天焚烧落叶杂草',
    facts: [
      (c) => `当事人${c.party}在${c.place}附近菜地露天焚烧${c.pick(['落叶', '杂草', '枯枝', '秸秆'])}，烟尘影响周边道路及居民区，焚烧面积约${c.int(5, 60)}平方米。`,
    ],
    place: 'VILLAGE',
    evidence: ['PHOTO', 'VIDEO', 'INSPECTION_RECORD', 'PARTY_STATEMENT', 'ELECTRONIC_DATA'],
    scene: '焚烧现场',
    documentary: '现场周边情况说明',
    businesses: [],
    personShare: 1,
  },

  // ───────────── 10 文化 ─────────────
  {
    code: 'LH-QZ-1001-001',
    name: '未经批准擅自从事出版物发行业务',
    category: 'CULTURE',
    legalBasis: '《出版管理条例》第三十五条',
    penaltyBasis: '《出版管理条例》第六十一条',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '违法经营额很小，没收出版物和违法所得，不予罚款', 'CONFISCATION'),
      tier(2, '一般', '违法经营额不足1万元', 'FINE', [1000, 20000]),
      tier(3, '严重', '违法经营额1万元以上（违法经营额5倍以上10倍以下）', 'FINE', [50000, 150000], true),
    ],
    act: '无证销售出版物',
    facts: [
      (c) => `当事人${c.party}未取得出版物经营许可证，在${c.place}销售${c.pick(['教辅图书', '儿童绘本', '期刊', '音像制品'])}，现场查获待售出版物${c.level === 1 ? c.int(20, 60) : c.level === 2 ? c.int(60, 400) : c.int(400, 2000)}册（张）。`,
    ],
    place: 'SHOPFRONT',
    evidence: ['INSPECTION_RECORD', 'PHYSICAL', 'PHOTO', 'PERMIT_CHECK', 'PARTY_STATEMENT', 'DOCUMENTARY'],
    scene: '经营场所及出版物',
    documentary: '进货单据、销售记录',
    physical: '先行登记保存的出版物',
    businesses: ['culture', 'retail'],
    personShare: 0.4,
  },

  // ───────────── 11 采石取土 ─────────────
  {
    code: 'LH-QZ-1101-001',
    name: '未取得采矿权擅自采石、采砂、取土',
    category: 'QUARRYING',
    legalBasis: '《中华人民共和国矿产资源法》（2024年11月8日修订，2025年7月1日起施行）关于开采矿产资源应当依法取得采矿权的规定',
    penaltyBasis:
      '《中华人民共和国矿产资源法》（2024年修订）法律责任章：未取得采矿权擅自开采矿产资源的，责令停止违法行为，没收违法开采的矿产品和违法所得，并处罚款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '开采量100立方米以下，已停止并恢复', 'FINE', [10000, 50000]),
      tier(2, '一般', '开采量100至1000立方米', 'CONFISCATION', [50000, 200000]),
      tier(3, '严重', '开采量1000立方米以上或破坏山体、拒不停止', 'CONFISCATION', [200000, 500000], true),
    ],
    act: '非法采石取土',
    facts: [
      (c) => `当事人${c.party}未取得采矿许可证，组织${c.pick(['挖掘机2台', '挖掘机1台及泥头车3辆', '挖掘机3台'])}在${c.place}开挖山体取土、采石，经测量开采量约${c.level === 1 ? c.int(40, 100) : c.level === 2 ? c.int(100, 1000) : c.int(1000, 6000)}立方米。`,
    ],
    place: 'HILL',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'EXPERT_OPINION', 'PHYSICAL', 'PARTY_STATEMENT', 'ELECTRONIC_DATA'],
    scene: '开采面及作业机械',
    documentary: '土石方销售单据',
    physical: '扣押的挖掘机及已采出的石料',
    expert: '测绘单位出具的开采量测量报告',
    businesses: ['earthwork', 'transport'],
    personShare: 0.3,
    transferCharges: ['非法采矿罪'],
  },
  {
    code: 'LH-QZ-1102-001',
    name: '占用耕地挖砂、采石、采矿、取土破坏种植条件',
    category: 'QUARRYING',
    legalBasis: '《中华人民共和国土地管理法》第三十七条第二款',
    penaltyBasis: '《中华人民共和国土地管理法》第七十五条；《中华人民共和国土地管理法实施条例》相关罚则',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '破坏耕地200平方米以下，已恢复种植条件', 'FINE', [5000, 20000]),
      tier(2, '一般', '破坏耕地200至1000平方米', 'FINE', [20000, 100000]),
      tier(3, '严重', '破坏耕地1000平方米以上或涉及永久基本农田', 'FINE', [100000, 300000], true),
    ],
    act: '占用耕地取土',
    facts: [
      (c) => `当事人${c.party}在${c.place}附近耕地内取土外运，破坏耕地面积约${c.level === 1 ? c.int(60, 200) : c.level === 2 ? c.int(200, 1000) : c.int(1000, 3000)}平方米，取土深度约${c.int(1, 4)}米。`,
    ],
    place: 'HILL',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'EXPERT_OPINION', 'PARTY_STATEMENT', 'DOCUMENTARY'],
    scene: '取土坑',
    documentary: '土地利用现状图、耕地范围核查意见',
    expert: '耕地破坏程度鉴定意见',
    businesses: ['earthwork', 'cooperative'],
    personShare: 0.4,
  },

  // ───────────── 12 殡葬 ─────────────
  {
    code: 'LH-QZ-1201-001',
    name: '制造、销售封建迷信殡葬用品',
    category: 'FUNERAL',
    legalBasis: '《殡葬管理条例》第十七条第一款',
    penaltyBasis: '《殡葬管理条例》第二十二条第二款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '销售金额较小，予以没收，不并处罚款', 'CONFISCATION'),
      tier(2, '一般', '没收并处制造、销售金额1倍的罚款', 'FINE', [500, 3000]),
      tier(3, '严重', '没收并处制造、销售金额2倍以上3倍以下的罚款，或为制造者', 'FINE', [3000, 15000], true),
    ],
    act: '销售封建迷信殡葬用品',
    facts: [
      (c) => `当事人${c.party}在${c.place}的店铺内销售纸扎${c.pick(['别墅', '豪车', '"冥币"', '纸人'])}等封建迷信殡葬用品，现场查获${c.int(30, 400)}件，销售金额约${c.int(800, 5000)}元。`,
    ],
    place: 'SHOPFRONT',
    evidence: ['INSPECTION_RECORD', 'PHYSICAL', 'PHOTO', 'PARTY_STATEMENT', 'DOCUMENTARY'],
    scene: '店铺及在售物品',
    documentary: '进货单据、销售记录',
    physical: '没收的封建迷信殡葬用品',
    businesses: ['funeral'],
    personShare: 0.4,
  },
  {
    code: 'LH-QZ-1202-001',
    name: '未经批准擅自兴建殡葬设施',
    category: 'FUNERAL',
    legalBasis: '《殡葬管理条例》第八条',
    penaltyBasis: '《殡葬管理条例》第十八条',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '规模较小且已自行拆除恢复，没收违法所得', 'CONFISCATION'),
      tier(2, '一般', '没收违法所得，并处违法所得1倍以上2倍以下罚款', 'FINE', [10000, 50000]),
      tier(3, '严重', '规模较大、已出售墓穴，并处违法所得2倍以上3倍以下罚款', 'FINE', [50000, 150000], true),
    ],
    act: '擅自兴建骨灰堂',
    facts: [
      (c) => `当事人${c.party}未经民政部门批准，在${c.place}${c.pick(['山边空地修建墓穴', '旧厂房内改建骨灰存放架', '祠堂旁加建骨灰楼'])}，共${c.int(12, 300)}个位，已对外出售${c.int(0, 40)}个。`,
    ],
    place: 'HILL',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'DOCUMENTARY', 'PARTY_STATEMENT', 'WITNESS_STATEMENT'],
    scene: '殡葬设施现场',
    documentary: '墓穴销售合同及收款凭证',
    businesses: ['cooperative', 'funeral'],
    personShare: 0.5,
  },

  // ───────────── 13 网吧 ─────────────
  {
    code: 'LH-QZ-1301-001',
    name: '擅自从事互联网上网服务经营活动',
    category: 'INTERNET_CAFE',
    legalBasis: '《互联网上网服务营业场所管理条例》第七条',
    penaltyBasis: '《互联网上网服务营业场所管理条例》第二十七条',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '违法经营额不足1万元，电脑10台以下', 'CONFISCATION', [10000, 20000]),
      tier(2, '一般', '违法经营额不足1万元，电脑10台以上或接纳未成年人', 'CONFISCATION', [20000, 50000]),
      tier(3, '严重', '违法经营额1万元以上（违法经营额5倍以上10倍以下）', 'CONFISCATION', [50000, 200000], true),
    ],
    act: '擅自经营"黑网吧"',
    facts: [
      (c) => `当事人${c.party}未取得网络文化经营许可证，在${c.place}${c.pick(['出租屋二楼', '民房一楼', '工业区宿舍楼底商'])}设置电脑${c.level === 1 ? c.int(4, 10) : c.int(11, 45)}台向公众提供上网服务，按每小时${c.pick(['3', '4', '5'])}元收费，现场有上网人员${c.int(3, 20)}名。`,
    ],
    place: 'VILLAGE',
    evidence: ['INSPECTION_RECORD', 'PHYSICAL', 'PHOTO', 'ELECTRONIC_DATA', 'PARTY_STATEMENT', 'PERMIT_CHECK'],
    scene: '经营场所及电脑设备',
    documentary: '收费记录、场地租赁合同',
    physical: '扣押的电脑主机及显示器',
    businesses: ['netcafe'],
    personShare: 0.6,
    transferCharges: ['非法经营罪'],
  },
  {
    code: 'LH-QZ-1302-001',
    name: '互联网上网服务营业场所接纳未成年人进入营业场所',
    category: 'INTERNET_CAFE',
    legalBasis: '《互联网上网服务营业场所管理条例》第二十一条',
    penaltyBasis: '《互联网上网服务营业场所管理条例》第三十一条第（二）项',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '首次接纳未成年人1名', 'WARNING'),
      tier(2, '一般', '接纳未成年人2名以上，或一年内第二次', 'FINE', [5000, 15000]),
      tier(3, '严重', '多次接纳或接纳人数较多，责令停业整顿', 'BUSINESS_RESTRICTION', [10000, 15000], true),
    ],
    act: '接纳未成年人进入网吧',
    facts: [
      (c) => `当事人${c.party}经营的位于${c.place}的网吧，未核对上网人员身份证件，接纳未成年人${c.level === 1 ? 1 : c.int(2, 6)}名进入营业场所上网。`,
    ],
    place: 'SHOPFRONT',
    evidence: ['INSPECTION_RECORD', 'ELECTRONIC_DATA', 'PHOTO', 'WITNESS_STATEMENT', 'PARTY_STATEMENT', 'PERMIT_CHECK'],
    scene: '营业场所及上网人员',
    documentary: '上网登记记录、网络文化经营许可证',
    businesses: ['netcafe'],
    personShare: 0,
  },

  // ───────────── 14 河道 ─────────────
  {
    code: 'LH-QZ-1401-001',
    name: '在河道管理范围内弃置、堆放阻碍行洪的物体',
    category: 'RIVER_CHANNEL',
    legalBasis: '《中华人民共和国河道管理条例》第二十四条第一款',
    penaltyBasis: '《中华人民共和国河道管理条例》第四十四条第一款第（一）项',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '堆放量少，在责令期限内清除', 'WARNING'),
      tier(2, '一般', '堆放量10至100立方米', 'FINE', [1000, 10000]),
      tier(3, '严重', '堆放量100立方米以上或汛期影响行洪', 'FINE', [10000, 50000], true),
    ],
    act: '在河道管理范围内堆放杂物',
    facts: [
      (c) => `当事人${c.party}在${c.place}河道管理范围内堆放${c.pick(['建筑余泥', '废旧木料', '砂石', '生活垃圾'])}约${c.level === 1 ? c.int(2, 9) : c.level === 2 ? c.int(10, 100) : c.int(100, 600)}立方米，侵占行洪断面。`,
    ],
    place: 'RIVER',
    evidence: ['PHOTO', 'INSPECTION_RECORD', 'ELECTRONIC_DATA', 'PARTY_STATEMENT', 'EXPERT_OPINION'],
    scene: '河道堆放物',
    documentary: '河道管理范围线图',
    expert: '水务部门出具的河道管理范围认定意见',
    businesses: ['construction', 'factory'],
    personShare: 0.4,
  },
  {
    code: 'LH-QZ-1402-001',
    name: '在河道管理范围内建设妨碍行洪的建筑物、构筑物',
    category: 'RIVER_CHANNEL',
    legalBasis: '《中华人民共和国水法》第三十七条第二款',
    penaltyBasis: '《中华人民共和国水法》第六十五条第一款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '建筑面积20平方米以下，在责令期限内自行拆除', 'FINE', [10000, 30000]),
      tier(2, '一般', '建筑面积20至100平方米', 'FINE', [30000, 60000]),
      tier(3, '严重', '建筑面积100平方米以上或逾期不拆除', 'FINE', [60000, 100000], true),
    ],
    act: '在河道管理范围内违法搭建',
    facts: [
      (c) => `当事人${c.party}在${c.place}河道管理范围内搭建${c.pick(['铁皮房', '砖混结构仓库', '钢结构雨棚'])}一处，面积约${c.level === 1 ? c.int(8, 20) : c.level === 2 ? c.int(21, 100) : c.int(101, 400)}平方米，妨碍行洪。`,
    ],
    place: 'RIVER',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'EXPERT_OPINION', 'PARTY_STATEMENT', 'DOCUMENTARY'],
    scene: '河道内建筑物',
    documentary: '河道管理范围线图、测量记录',
    expert: '水务部门出具的妨碍行洪认定意见',
    businesses: ['cooperative', 'factory'],
    personShare: 0.5,
  },

  // ───────────── 15 房屋租赁 ─────────────
  {
    code: 'LH-QZ-1501-001',
    name: '出租住房未以原设计房间为最小出租单位，或将厨房、卫生间、阳台和地下储藏室出租供人员居住',
    category: 'HOUSING_RENTAL',
    legalBasis: '《商品房屋租赁管理办法》第八条',
    penaltyBasis: '《商品房屋租赁管理办法》第二十二条第二款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '在责令期限内改正', 'NO_PENALTY'),
      tier(2, '一般', '逾期不改正，分割出租5间以下', 'FINE', [5000, 15000]),
      tier(3, '严重', '逾期不改正，分割出租5间以上或存在消防安全隐患', 'FINE', [15000, 30000], true),
    ],
    act: '分割出租住房（群租）',
    facts: [
      (c) => `当事人${c.party}将${c.place}的住房${c.pick(['用石膏板分割为', '连同客厅、阳台隔出'])}${c.level === 3 ? c.int(6, 12) : c.int(3, 5)}个单间分别出租，共居住${c.int(6, 22)}人，经责令限期改正${c.level === 1 ? '后已恢复原状' : '逾期未改正'}。`,
    ],
    place: 'RESIDENCE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'DOCUMENTARY', 'PARTY_STATEMENT', 'WITNESS_STATEMENT'],
    scene: '分割出租房屋内部',
    documentary: '租赁合同、租金收款记录',
    businesses: ['rental'],
    personShare: 0.7,
  },
  {
    code: 'LH-QZ-1502-001',
    name: '房屋租赁合同订立后未按规定办理租赁登记备案',
    category: 'HOUSING_RENTAL',
    legalBasis: '《商品房屋租赁管理办法》第十四条第一款',
    penaltyBasis: '《商品房屋租赁管理办法》第二十三条',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '在责令期限内补办登记备案', 'NO_PENALTY'),
      tier(2, '一般', '个人逾期不改正', 'FINE', [200, 1000]),
      tier(3, '严重', '单位逾期不改正', 'FINE', [1000, 10000], true),
    ],
    act: '未办理房屋租赁登记备案',
    facts: [
      (c) => `当事人${c.party}将${c.place}的${c.int(1, 36)}套（间）房屋出租，租赁合同订立后未在三十日内办理租赁登记备案，经责令限期改正${c.level === 1 ? '后已补办' : '逾期仍未办理'}。`,
    ],
    place: 'RESIDENCE',
    evidence: ['DOCUMENTARY', 'INSPECTION_RECORD', 'PARTY_STATEMENT', 'ELECTRONIC_DATA'],
    scene: '出租房屋',
    documentary: '租赁合同及租赁登记系统查询结果',
    businesses: ['rental'],
    personShare: 0.6,
  },

  // ───────────── 16 建筑废弃物 ─────────────
  {
    code: 'LH-QZ-1601-001',
    name: '未经核准擅自处置建筑废弃物或者处置超出核准范围的建筑废弃物',
    category: 'CONSTRUCTION_WASTE',
    legalBasis: '《城市建筑垃圾管理规定》第七条；《深圳市建筑废弃物管理办法》关于建筑废弃物排放核准的规定',
    penaltyBasis: '《城市建筑垃圾管理规定》第二十五条',
    permitTypes: ['CONSTRUCTION_WASTE'],
    tiers: [
      tier(1, '轻微', '建设单位、运输单位处置量50立方米以下', 'FINE', [5000, 15000]),
      tier(2, '一般', '建设单位、运输单位处置量50立方米以上', 'FINE', [15000, 30000]),
      tier(3, '严重', '施工单位未经核准擅自处置', 'FINE', [10000, 100000], true),
    ],
    act: '未经核准擅自处置建筑废弃物',
    facts: [
      (c) => `当事人${c.party}未取得建筑废弃物排放核准，将${c.place}附近工地产生的${c.pick(['工程渣土', '拆除废弃物', '工程泥浆'])}约${c.level === 1 ? c.int(10, 50) : c.int(50, 600)}立方米运出处置，未纳入电子联单管理。`,
    ],
    place: 'SITE',
    evidence: ['PERMIT_CHECK', 'INSPECTION_RECORD', 'PHOTO', 'ELECTRONIC_DATA', 'DOCUMENTARY', 'PARTY_STATEMENT'],
    scene: '工地出入口及运输车辆',
    documentary: '运输台账、车辆GPS轨迹',
    businesses: ['construction', 'transport'],
    personShare: 0,
  },
  {
    code: 'LH-QZ-1602-001',
    name: '工程施工单位擅自倾倒、抛撒或者堆放建筑垃圾',
    category: 'CONSTRUCTION_WASTE',
    legalBasis: '《中华人民共和国固体废物污染环境防治法》第六十三条第二款',
    penaltyBasis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（五）项、第二款',
    permitTypes: ['CONSTRUCTION_WASTE'],
    tiers: [
      tier(1, '轻微', '倾倒量100立方米以下，及时清运', 'FINE', [100000, 200000]),
      tier(2, '一般', '倾倒量100至1000立方米', 'FINE', [200000, 500000]),
      tier(3, '严重', '倾倒量1000立方米以上或倾倒于水源保护区、林地等', 'FINE', [500000, 1000000], true),
    ],
    act: '非法倾倒建筑垃圾',
    facts: [
      (c) => `当事人${c.party}组织泥头车${c.int(3, 30)}车次，将工地产生的建筑垃圾倾倒于${c.place}，经测量倾倒量约${c.level === 1 ? c.int(40, 100) : c.level === 2 ? c.int(100, 1000) : c.int(1000, 8000)}立方米。`,
    ],
    place: 'HILL',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'VIDEO', 'ELECTRONIC_DATA', 'EXPERT_OPINION', 'PARTY_STATEMENT', 'WITNESS_STATEMENT'],
    scene: '倾倒点',
    documentary: '泥头车GPS轨迹、出土记录',
    expert: '倾倒量测绘报告及固体废物属性鉴定',
    businesses: ['construction', 'transport'],
    personShare: 0,
    transferCharges: ['污染环境罪'],
  },

  // ───────────── 17 查违 ─────────────
  {
    code: 'LH-QZ-1701-001',
    name: '未取得建设工程规划许可证进行建设',
    category: 'ILLEGAL_CONSTRUCTION',
    legalBasis: '《中华人民共和国城乡规划法》第四十条第一款；《深圳经济特区规划土地监察条例》关于违法建筑的规定',
    penaltyBasis: '《中华人民共和国城乡规划法》第六十四条',
    permitTypes: ['CONSTRUCTION_PLANNING'],
    tiers: [
      tier(1, '轻微', '尚可采取改正措施消除对规划实施的影响，处建设工程造价5%以上7%以下罚款', 'FINE', [5000, 30000]),
      tier(2, '一般', '尚可改正，处建设工程造价7%以上10%以下罚款', 'FINE', [30000, 100000]),
      tier(3, '严重', '无法采取改正措施消除影响且不能拆除的，没收实物或者违法收入，可以并处建设工程造价10%以下罚款', 'CONFISCATION', [0, 200000], true),
    ],
    act: '未取得建设工程规划许可证违法建设',
    facts: [
      (c) => `当事人${c.party}未取得建设工程规划许可证，在${c.place}${c.pick(['新建', '加建'])}${c.pick(['钢结构厂房', '砖混结构住宅', '铁皮仓库', '框架结构商铺'])}一栋，建筑面积约${c.level === 1 ? c.int(30, 150) : c.level === 2 ? c.int(150, 600) : c.int(600, 2400)}平方米。`,
    ],
    place: 'VILLAGE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'EXPERT_OPINION', 'DOCUMENTARY', 'PARTY_STATEMENT', 'ELECTRONIC_DATA'],
    scene: '违法建筑现场',
    documentary: '规划许可查询结果、工程造价资料',
    expert: '规划和自然资源部门出具的违法建筑认定意见',
    businesses: ['cooperative', 'construction', 'factory'],
    personShare: 0.6,
    transferCharges: ['非法占用农用地罪'],
  },
  {
    code: 'LH-QZ-1702-001',
    name: '擅自在建筑物楼顶、天台、外墙搭建建筑物、构筑物',
    category: 'ILLEGAL_CONSTRUCTION',
    legalBasis: '《中华人民共和国城乡规划法》第四十条第一款；《深圳经济特区规划土地监察条例》关于违法建筑的规定',
    penaltyBasis: '《中华人民共和国城乡规划法》第六十四条',
    permitTypes: ['CONSTRUCTION_PLANNING'],
    tiers: [
      tier(1, '轻微', '搭建面积20平方米以下，在责令期限内自行拆除', 'NO_PENALTY'),
      tier(2, '一般', '尚可改正，处建设工程造价5%以上10%以下罚款', 'FINE', [2000, 20000]),
      tier(3, '严重', '搭建面积100平方米以上或影响结构、消防安全，逾期不拆除', 'FINE', [20000, 60000], true),
    ],
    act: '楼顶违法加建',
    facts: [
      (c) => `当事人${c.party}在${c.place}楼顶擅自搭建${c.pick(['铁皮房', '玻璃阳光房', '砖混结构房屋'])}，面积约${c.level === 1 ? c.int(8, 20) : c.level === 2 ? c.int(21, 100) : c.int(101, 260)}平方米。`,
    ],
    place: 'RESIDENCE',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'PARTY_STATEMENT', 'DOCUMENTARY', 'EXPERT_OPINION'],
    scene: '楼顶加建部分',
    documentary: '房屋产权资料及竣工图',
    expert: '违法建筑认定意见',
    businesses: ['rental'],
    personShare: 0.85,
  },

  // ───────────── 18 其他 ─────────────
  {
    code: 'LH-QZ-1801-001',
    name: '排放油烟的餐饮服务业经营者未安装或者不正常使用油烟净化设施，超过排放标准排放油烟',
    category: 'OTHER',
    legalBasis: '《中华人民共和国大气污染防治法》第八十一条第一款',
    penaltyBasis: '《中华人民共和国大气污染防治法》第一百一十八条第一款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '已安装净化设施但未正常使用，当场改正', 'FINE', [5000, 10000]),
      tier(2, '一般', '未安装油烟净化设施', 'FINE', [10000, 30000]),
      tier(3, '严重', '多次投诉、经责令改正拒不改正（可责令停业整治）', 'FINE', [30000, 50000], true),
    ],
    act: '餐饮油烟超标排放',
    facts: [
      (c) => `当事人${c.party}在${c.place}经营餐饮，${c.level === 1 ? '油烟净化设施未正常开启' : '未安装油烟净化设施'}，油烟直排${c.pick(['后巷', '居民楼天井', '人行道'])}，周边居民多次投诉。`,
    ],
    place: 'SHOPFRONT',
    evidence: ['INSPECTION_RECORD', 'PHOTO', 'EXPERT_OPINION', 'PARTY_STATEMENT', 'DOCUMENTARY'],
    scene: '排烟口及净化设施',
    documentary: '营业执照、食品经营许可证',
    expert: '油烟排放浓度检测报告',
    businesses: ['catering'],
    personShare: 0.2,
  },
  {
    code: 'LH-QZ-1802-001',
    name: '在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地',
    category: 'OTHER',
    legalBasis: '《中华人民共和国大气污染防治法》第八十一条第三款',
    penaltyBasis: '《中华人民共和国大气污染防治法》第一百一十八条第三款',
    permitTypes: [],
    tiers: [
      tier(1, '轻微', '没收烧烤工具和违法所得，并处500元以上2000元以下罚款', 'CONFISCATION', [500, 2000]),
      tier(2, '一般', '烧烤炉2个以上或经劝阻仍继续经营', 'CONFISCATION', [2000, 10000]),
      tier(3, '严重', '为露天烧烤提供场地或一年内再次违法', 'CONFISCATION', [10000, 20000], true),
    ],
    act: '露天烧烤',
    facts: [
      (c) => `当事人${c.party}在${c.place}人行道上设置烧烤炉${c.level === 1 ? 1 : c.int(2, 5)}个露天烧烤食品，烟气影响周边居民。`,
    ],
    place: 'ROADSIDE',
    evidence: ['PHOTO', 'VIDEO', 'PHYSICAL', 'INSPECTION_RECORD', 'PARTY_STATEMENT', 'ELECTRONIC_DATA'],
    scene: '露天烧烤现场',
    documentary: '周边居民投诉记录',
    physical: '没收的烧烤炉及工具',
    businesses: ['catering'],
    personShare: 0.6,
  },
];
