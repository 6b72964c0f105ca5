// What the simulated credit platform knows. Deterministic: the contract examples' subjects exactly
// as in examples/social-credit/*.xml (as of their moment, 2025-03-18), what happened to them since
// (entries listed later appear once the simulator's clock has passed their listedAt), and a profile
// derived from the code's hash for any other valid code.
import { createHash } from 'node:crypto';
import type { CreditRating, SubjectType } from '../types';
import { shanghaiDate } from '../wsdl';

export interface FixtureEntry {
  listType: string;
  listTypeName: string;
  reason: string;
  listedBy: string;
  /** xsd:dateTime with offset */
  listedAt: string;
  expiresAt?: string;
}

export interface SubjectFixture {
  subjectCode: string;
  subjectType: SubjectType;
  subjectName: string;
  creditRating: CreditRating;
  blacklist: FixtureEntry[];
  redlist: FixtureEntry[];
  penaltiesPublished: number;
  /** The profile's own last refresh (xsd:dateTime); later listings move updatedAt forward. */
  updatedAt: string;
}

/** Codes the platform has no record of: the batch example's notFound, and 李秀英 (a person with no record). */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['91440309MA5G8H3L1D', '43052419920718402X']);

/** Registered names of the subjects in the contract README (PARTY_NOT_MATCHED checks reports against them). */
export const REGISTERED_NAMES: Readonly<Record<string, string>> = {
  '91440309MA5H2R7W2D': '深圳市观澜湖畔餐饮管理有限公司',
  '92440309MA5J3Q1E1R': '深圳市龙华区观湖陈记肠粉店',
  '11440309MB2C17843E': '深圳市龙华区观湖街道办事处',
  '91440309MA5G8H3L1D': '深圳市鹭湖广告传媒有限公司',
  '91440300MA5F9K4P3X': '深圳市龙华建鑫建筑工程有限公司',
  '91440300MA5DTB8661': '深圳市鹏安燃气供应有限公司',
  '11440309MB2C09536C': '深圳市龙华区城市管理和综合执法局',
  '11440309MB2C09114D': '深圳市龙华区住房和建设局',
  '11440300MB2C55372G': '深圳市生态环境局龙华管理局',
  '11440309MB2C34029B': '深圳市公安局龙华分局',
  '440306198503122310': '陈建国',
  '43052419920718402X': '李秀英',
  '360731199005063429': '王丽娟',
  '440304198812031356': '张伟',
  '44148119780925115X': '黄志强',
};

const EXAMPLE_REFRESH = '2025-03-18T02:00:00+08:00';

/** The stories. Entries listed after 2025-03-18 are not in the examples: they happened later. */
export const FIXED_SUBJECTS: Readonly<Record<string, SubjectFixture>> = {
  // Rating B. At the examples' moment: no entries, one published penalty (罚决〔2025〕37号, 5,000 yuan for
  // occupying the pavement). The fine was never paid; the street office applied to the court for
  // compulsory enforcement and the company was listed as a dishonest judgment debtor (失信).
  '91440309MA5H2R7W2D': {
    subjectCode: '91440309MA5H2R7W2D',
    subjectType: 'LEGAL_PERSON',
    subjectName: '深圳市观澜湖畔餐饮管理有限公司',
    creditRating: 'B',
    blacklist: [
      {
        listType: 'DISHONEST_JUDGMENT_DEBTOR',
        listTypeName: '失信被执行人',
        reason: '未缴纳深龙华观湖罚决〔2025〕37号行政处罚决定书确定的罚款5000.00元及加处罚款，经深圳市龙华区观湖街道办事处申请人民法院强制执行，仍未履行',
        listedBy: '广东省深圳市龙华区人民法院',
        listedAt: '2025-09-16T10:00:00+08:00',
        expiresAt: '2027-09-15T23:59:59+08:00',
      },
    ],
    redlist: [],
    penaltiesPublished: 1,
    updatedAt: EXAMPLE_REFRESH,
  },
  // Rating A, on the red list: A-level taxpayer (example), renewed for 2025 as a 守信激励 object.
  '92440309MA5J3Q1E1R': {
    subjectCode: '92440309MA5J3Q1E1R',
    subjectType: 'INDIVIDUAL_BUSINESS',
    subjectName: '深圳市龙华区观湖陈记肠粉店',
    creditRating: 'A',
    blacklist: [],
    redlist: [
      {
        listType: 'A_TAXPAYER',
        listTypeName: 'A级纳税人',
        reason: '2024年度纳税信用评价为A级',
        listedBy: '国家税务总局深圳市龙华区税务局',
        listedAt: '2025-01-15T09:00:00+08:00',
        expiresAt: '2025-12-31T23:59:59+08:00',
      },
      {
        listType: 'A_TAXPAYER',
        listTypeName: 'A级纳税人',
        reason: '2025年度纳税信用评价为A级，列入守信激励对象名单',
        listedBy: '国家税务总局深圳市龙华区税务局',
        listedAt: '2026-01-15T09:00:00+08:00',
        expiresAt: '2026-12-31T23:59:59+08:00',
      },
    ],
    penaltiesPublished: 0,
    updatedAt: EXAMPLE_REFRESH,
  },
  // Rating D, 严重失信: gas licence revoked yet still selling bottled gas (example), and recently
  // listed again for not paying the resulting fines.
  '91440300MA5DTB8661': {
    subjectCode: '91440300MA5DTB8661',
    subjectType: 'LEGAL_PERSON',
    subjectName: '深圳市鹏安燃气供应有限公司',
    creditRating: 'D',
    blacklist: [
      {
        listType: 'SERIOUS_ILLEGAL_DISHONEST',
        listTypeName: '严重违法失信名单',
        reason: '燃气经营许可证被吊销后仍擅自从事瓶装燃气经营活动',
        listedBy: '深圳市龙华区住房和建设局',
        listedAt: '2024-12-10T10:00:00+08:00',
        expiresAt: '2027-12-09T23:59:59+08:00',
      },
      {
        listType: 'DISHONEST_JUDGMENT_DEBTOR',
        listTypeName: '失信被执行人',
        reason: '拒不履行深圳市龙华区住房和建设局行政处罚决定书确定的罚款及没收违法所得义务，经人民法院强制执行仍未履行',
        listedBy: '广东省深圳市龙华区人民法院',
        listedAt: '2026-10-28T10:00:00+08:00',
      },
    ],
    redlist: [],
    penaltiesPublished: 2,
    updatedAt: EXAMPLE_REFRESH,
  },
};

/** Reports the platform already holds: the examples' receipts (QueryReportStatus.response*.xml). */
export interface FixtureReport {
  receiptId: string;
  decisionNo: string;
  partyCode: string;
  status: 'PUBLISHED' | 'REJECTED';
  rejectReasons: Array<{ code: string; field?: string; message: string }>;
  acceptedAt: string;
  publishedAt?: string;
  updatedAt: string;
}

export const FIXED_REPORTS: readonly FixtureReport[] = [
  {
    receiptId: 'RC2025031810300000017',
    decisionNo: '深龙华观湖罚决〔2025〕37号',
    partyCode: '91440309MA5H2R7W2D',
    status: 'PUBLISHED',
    rejectReasons: [],
    acceptedAt: '2025-03-18T10:30:00+08:00',
    publishedAt: '2025-03-18T11:02:44+08:00',
    updatedAt: '2025-03-18T11:02:44+08:00',
  },
  {
    receiptId: 'RC2025031814150000042',
    decisionNo: '深龙华观湖罚决〔2025〕38号',
    partyCode: '92440309MA5J3Q1E1R',
    status: 'REJECTED',
    rejectReasons: [{ code: 'FINE_AMOUNT_MISMATCH', field: 'fineAmount', message: '处罚类别包含罚款，但罚款金额为空或为0' }],
    acceptedAt: '2025-03-18T14:15:00+08:00',
    updatedAt: '2025-03-18T14:27:09+08:00',
  },
];

// ----- derived profiles -----

const TRADE_NAMES = [
  '鹏程', '华辉', '创盛', '恒达', '粤兴', '宏发', '顺鑫', '联创', '鑫源', '嘉宏', '启航', '星辰', '博远', '佳和', '凯旋', '百川',
  '锦绣', '龙腾', '聚福', '万顺', '利达', '信和', '东升', '盛世', '天和', '森宇', '润泽', '合兴', '金湖', '福民', '泰丰', '永昌',
];
const COMPANY_KINDS = ['餐饮管理有限公司', '商贸有限公司', '建筑工程有限公司', '物业管理有限公司', '广告传媒有限公司', '再生资源回收有限公司', '五金制品有限公司', '装饰工程有限公司'];
const SHOP_KINDS = ['烧烤店', '快餐店', '便利店', '水果店', '五金店', '日用品商行', '汽车维修店', '砂锅粥店'];
const PUBLIC_UNITS = ['城市更新和土地整备局', '文化广电旅游体育局', '水务局', '卫生健康局', '教育局', '市场监督管理局', '应急管理局', '交通运输局'];
const SURNAMES = ['陈', '李', '黄', '张', '王', '刘', '林', '吴', '杨', '何', '罗', '梁', '郑', '谢', '周', '徐', '叶', '邓', '钟', '曾'];
const GIVEN = ['伟', '强', '建华', '志强', '国平', '海波', '俊杰', '丽', '敏', '静', '秀英', '丽华', '美玲', '晓燕', '春梅', '嘉欣'];

const BLACKLIST_TEMPLATES = [
  {
    listType: 'SERIOUS_ILLEGAL_DISHONEST',
    listTypeName: '严重违法失信名单',
    reason: '被列入经营异常名录届满3年仍未履行相关义务',
    listedBy: '深圳市市场监督管理局',
  },
  {
    listType: 'DISHONEST_JUDGMENT_DEBTOR',
    listTypeName: '失信被执行人',
    reason: '有履行能力而拒不履行生效法律文书确定的给付义务',
    listedBy: '广东省深圳市龙华区人民法院',
  },
  {
    listType: 'MAJOR_TAX_VIOLATION',
    listTypeName: '重大税收违法失信主体',
    reason: '虚开增值税普通发票，涉案金额较大',
    listedBy: '国家税务总局深圳市税务局稽查局',
  },
];

const DAY_MS = 24 * 3600_000;

function hashBytes(code: string): Buffer {
  return createHash('sha256').update(`social-credit:${code}`).digest();
}

function pick<T>(list: readonly T[], byte: number): T {
  return list[byte % list.length];
}

/** `YYYY-MM-DDT10:00:00+08:00` of the Shanghai day `days` before 2026-06-30. */
function listedDaysBefore(days: number): { listedAt: string; ms: number } {
  const ms = Date.parse('2026-06-30T10:00:00+08:00') - days * DAY_MS;
  return { listedAt: `${shanghaiDate(ms)}T10:00:00+08:00`, ms };
}

function plusYears(ms: number, years: number): string {
  const date = shanghaiDate(ms);
  const year = Number(date.slice(0, 4)) + years;
  const anniversary = Date.parse(`${year}${date.slice(4)}T23:59:59+08:00`);
  const expires = (Number.isNaN(anniversary) ? ms + years * 365 * DAY_MS : anniversary) - DAY_MS;
  return `${shanghaiDate(expires)}T23:59:59+08:00`;
}

/** The latest A-level taxpayer listing as of `now`: every 15 January for the previous year. */
function aTaxpayerEntry(now: number, listedBy: string): FixtureEntry {
  let year = Number(shanghaiDate(now).slice(0, 4));
  if (now < Date.parse(`${year}-01-15T09:00:00+08:00`)) year -= 1;
  return {
    listType: 'A_TAXPAYER',
    listTypeName: 'A级纳税人',
    reason: `${year - 1}年度纳税信用评价为A级`,
    listedBy,
    listedAt: `${year}-01-15T09:00:00+08:00`,
    expiresAt: `${year}-12-31T23:59:59+08:00`,
  };
}

/** The nightly refresh (02:00 Asia/Shanghai) at or before `now`. */
function lastRefresh(now: number): string {
  return `${shanghaiDate(now - 2 * 3600_000)}T02:00:00+08:00`;
}

/**
 * A stable profile for any valid code not among the stories: most organisations rated A or B, a
 * few C or D with a blacklist entry, some with a red-list entry; about one in twenty unknown.
 * Most natural persons have no record. Null = no record (notFound).
 */
export function derivedSubject(code: string, subjectType: SubjectType, now: number): SubjectFixture | null {
  const h = hashBytes(code);
  const longhua = code.slice(2, 8) === '440309';
  const taxBureau = longhua ? '国家税务总局深圳市龙华区税务局' : '国家税务总局深圳市税务局';
  const known = REGISTERED_NAMES[code];

  if (subjectType === 'NATURAL_PERSON') {
    if (h[0] % 100 < 80) return null;
    const rating: CreditRating = h[1] % 100 < 60 ? 'A' : h[1] % 100 < 90 ? 'B' : 'C';
    const listed = listedDaysBefore(30 + ((h[3] * 256 + h[4]) % 600));
    return {
      subjectCode: code,
      subjectType,
      subjectName: known ?? `${pick(SURNAMES, h[7])}${pick(GIVEN, h[8])}`,
      creditRating: rating,
      blacklist: rating === 'C' ? [{ ...BLACKLIST_TEMPLATES[1], listedAt: listed.listedAt, expiresAt: plusYears(listed.ms, 2) }] : [],
      redlist: [],
      penaltiesPublished: rating === 'C' ? 1 : 0,
      updatedAt: lastRefresh(now),
    };
  }

  if (h[0] % 100 < 5 && !known) return null;

  if (code.startsWith('1')) {
    // 机关 (registration authority 1): rated A, no entries.
    return {
      subjectCode: code,
      subjectType,
      subjectName: known ?? `深圳市${longhua ? '龙华区' : ''}${pick(PUBLIC_UNITS, h[7])}`,
      creditRating: 'A',
      blacklist: [],
      redlist: [],
      penaltiesPublished: 0,
      updatedAt: lastRefresh(now),
    };
  }

  const r = h[1] % 100;
  const rating: CreditRating = r < 45 ? 'A' : r < 85 ? 'B' : r < 97 ? 'C' : 'D';
  const blacklist: FixtureEntry[] = [];
  if (rating === 'C' || rating === 'D') {
    const template = rating === 'D' ? BLACKLIST_TEMPLATES[0] : pick(BLACKLIST_TEMPLATES, h[2]);
    const listed = listedDaysBefore(30 + ((h[3] * 256 + h[4]) % 700));
    blacklist.push(
      rating === 'D'
        ? { ...template, listedAt: listed.listedAt }
        : { ...template, listedAt: listed.listedAt, expiresAt: plusYears(listed.ms, 3) },
    );
  }
  const redlist: FixtureEntry[] = [];
  const red = h[5] % 100;
  if ((rating === 'A' && red < 35) || (rating === 'B' && red < 5)) {
    redlist.push(aTaxpayerEntry(now, taxBureau));
  } else if (rating === 'A' && red < 50) {
    redlist.push({
      listType: 'CONTRACT_ABIDING',
      listTypeName: '守合同重信用企业',
      reason: '连续两年公示为“守合同重信用”企业',
      listedBy: '深圳市市场监督管理局',
      listedAt: '2025-07-01T10:00:00+08:00',
      expiresAt: '2027-06-30T23:59:59+08:00',
    });
  }
  const penalties = rating === 'A' ? 0 : rating === 'B' ? h[6] % 2 : rating === 'C' ? 1 + (h[6] % 3) : 2 + (h[6] % 3);
  const name =
    known ??
    (subjectType === 'INDIVIDUAL_BUSINESS'
      ? `深圳市${longhua ? '龙华区' : ''}${pick(TRADE_NAMES, h[7])}${pick(SHOP_KINDS, h[8])}`
      : `深圳市${pick(TRADE_NAMES, h[7])}${pick(COMPANY_KINDS, h[8])}`);
  return {
    subjectCode: code,
    subjectType,
    subjectName: name,
    creditRating: rating,
    blacklist,
    redlist,
    penaltiesPublished: penalties,
    updatedAt: lastRefresh(now),
  };
}

/** The subject behind a valid code, as the platform knows it; null = no record. */
export function lookupSubject(code: string, subjectType: SubjectType, now: number): SubjectFixture | null {
  if (NOT_FOUND_CODES.has(code)) return null;
  return FIXED_SUBJECTS[code] ?? derivedSubject(code, subjectType, now);
}
