// Departments and officers of the demo store (深圳市龙华区). Other code relies on these codes:
// street teams are LH-<2-letter street code>, and a case number starts with that street code.
import type { DepartmentKind } from '../../generated/prisma/enums';

export interface DepartmentSeed {
  code: string;
  name: string;
  shortName?: string;
  kind: DepartmentKind;
  regionCode: string;
  /** Street (街道) served by a street team. */
  street?: string;
  parentCode?: string;
}

/** The six street teams in the order their streets are listed by the district. */
export interface StreetTeamSeed {
  departmentCode: string;
  /** 街道 short name, as stored in Department.street and EnforcementCase.street */
  street: string;
  /** Two-letter code that starts the team's case numbers (GH-2026-00017). */
  caseCode: string;
}

export const STREET_TEAMS: ReadonlyArray<StreetTeamSeed> = [
  { departmentCode: 'LH-GH', street: '观湖', caseCode: 'GH' },
  { departmentCode: 'LH-MZ', street: '民治', caseCode: 'MZ' },
  { departmentCode: 'LH-DL', street: '大浪', caseCode: 'DL' },
  { departmentCode: 'LH-LH', street: '龙华', caseCode: 'LH' },
  { departmentCode: 'LH-FC', street: '福城', caseCode: 'FC' },
  { departmentCode: 'LH-GL', street: '观澜', caseCode: 'GL' },
];

const LONGHUA = '440309';

function streetTeam(code: string, street: string): DepartmentSeed {
  return {
    code,
    name: `深圳市龙华区${street}街道综合行政执法队`,
    shortName: `${street}执法队`,
    kind: 'STREET_TEAM',
    regionCode: LONGHUA,
    street,
    parentCode: 'LH-CGJ',
  };
}

/** Parents come before their children (rows are inserted in this order). */
export const DEPARTMENT_SEEDS: ReadonlyArray<DepartmentSeed> = [
  { code: 'SZ-CGJ', name: '深圳市城市管理和综合执法局', shortName: '市城管局', kind: 'CITY_BUREAU', regionCode: '440300' },
  {
    code: 'LH-CGJ',
    name: '深圳市龙华区城市管理和综合执法局',
    shortName: '区城管局',
    kind: 'DISTRICT_BUREAU',
    regionCode: LONGHUA,
    parentCode: 'SZ-CGJ',
  },
  ...STREET_TEAMS.map((t) => streetTeam(t.departmentCode, t.street)),
  { code: 'LH-GTZY', name: '深圳市规划和自然资源局龙华管理局', shortName: '规划和自然资源局龙华管理局', kind: 'FUNCTIONAL_DEPT', regionCode: LONGHUA },
  { code: 'LH-SCJG', name: '深圳市市场监督管理局龙华监管局', shortName: '市场监管龙华局', kind: 'FUNCTIONAL_DEPT', regionCode: LONGHUA },
  { code: 'LH-ZJJ', name: '深圳市龙华区住房和建设局', shortName: '区住建局', kind: 'FUNCTIONAL_DEPT', regionCode: LONGHUA },
  { code: 'LH-STHJ', name: '深圳市生态环境局龙华管理局', shortName: '生态环境局龙华管理局', kind: 'FUNCTIONAL_DEPT', regionCode: LONGHUA },
  { code: 'LH-WTJ', name: '深圳市龙华区文化广电旅游体育局', shortName: '区文广旅体局', kind: 'FUNCTIONAL_DEPT', regionCode: LONGHUA },
  { code: 'LH-JYJ', name: '深圳市龙华区教育局', shortName: '区教育局', kind: 'FUNCTIONAL_DEPT', regionCode: LONGHUA },
  { code: 'LH-SWJ', name: '深圳市龙华区水务局', shortName: '区水务局', kind: 'FUNCTIONAL_DEPT', regionCode: LONGHUA },
  { code: 'LH-GAJ', name: '深圳市公安局龙华分局', shortName: '龙华公安分局', kind: 'PUBLIC_SECURITY', regionCode: LONGHUA },
  { code: 'LH-JCY', name: '深圳市龙华区人民检察院', shortName: '龙华区检察院', kind: 'PROCURATORATE', regionCode: LONGHUA },
  {
    code: 'LH-12345',
    name: '龙华区12345热线服务中心',
    shortName: '区政务服务和数据管理局12345热线',
    kind: 'HOTLINE_CENTER',
    regionCode: LONGHUA,
  },
];

export interface OfficerSeed {
  name: string;
  /** 队长 / 副队长 / 法制审核员 …; not stored, used to pick who signs what. */
  post?: 'HEAD' | 'REVIEWER';
}

/**
 * Officers per department. The first officer of a street team is its head (负责人, signs
 * decisions); LH-CGJ's officers marked REVIEWER perform 法制审核 (legal review is recorded by
 * the bureau, never by the handling team).
 */
export const OFFICER_SEEDS: Readonly<Record<string, ReadonlyArray<OfficerSeed>>> = {
  'LH-GH': [
    { name: '刘振华', post: 'HEAD' },
    { name: '陈志强' },
    { name: '黄晓东' },
    { name: '林少鹏' },
    { name: '李嘉欣' },
    { name: '吴海涛' },
    { name: '郑伟彬' },
    { name: '钟惠玲' },
  ],
  'LH-MZ': [
    { name: '张国栋', post: 'HEAD' },
    { name: '王立新' },
    { name: '谢晓芬' },
    { name: '罗建军' },
    { name: '邓文杰' },
    { name: '曾丽华' },
    { name: '彭家豪' },
  ],
  'LH-DL': [
    { name: '杨永明', post: 'HEAD' },
    { name: '赖春燕' },
    { name: '周国庆' },
    { name: '何俊杰' },
    { name: '廖志勇' },
    { name: '叶美玲' },
    { name: '温展鹏' },
    { name: '蔡文斌' },
    { name: '邱伟东' },
  ],
  'LH-LH': [
    { name: '梁启明', post: 'HEAD' },
    { name: '朱晓峰' },
    { name: '冯丽娜' },
    { name: '许志鹏' },
    { name: '胡海燕' },
    { name: '江永康' },
  ],
  'LH-FC': [
    { name: '徐建平', post: 'HEAD' },
    { name: '孙立群' },
    { name: '马晓丽' },
    { name: '卢伟强' },
    { name: '戴志华' },
    { name: '范小燕' },
    { name: '袁俊峰' },
    { name: '姚建伟' },
    { name: '潘惠芳' },
    { name: '古振宇' },
  ],
  'LH-GL': [
    { name: '黎国华', post: 'HEAD' },
    { name: '萧敏仪' },
    { name: '严志伟' },
    { name: '韦春梅' },
    { name: '汤俊豪' },
    { name: '凌海波' },
    { name: '巫晓玲' },
    { name: '董卫国' },
  ],
  'LH-CGJ': [
    { name: '高立平', post: 'HEAD' },
    { name: '宋雅琴', post: 'REVIEWER' },
    { name: '唐明远', post: 'REVIEWER' },
    { name: '沈佳怡' },
  ],
};

/** 执法证号: 440309 + a 5-digit number, e.g. 44030900123. */
export function badgeNoFor(departmentIndex: number, officerIndex: number): string {
  return `440309${String(departmentIndex * 100 + officerIndex + 101).padStart(5, '0')}`;
}
