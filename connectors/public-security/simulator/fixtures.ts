// Deterministic data of the public-security simulator: a small population register, names derived
// from any other valid ID number, and the police stations of 龙华区. All people are fictitious.
import { createHash } from 'node:crypto';
import type { MatchResult, StationType } from '../types';

export interface PopulationEntry {
  idNumber: string;
  name: string;
}

/**
 * Persons of the contract's README and examples. The holder of 44148119780925115X is registered
 * as 黄志强: examples/public-security/BatchVerifyIdentity.response.xml answers the example's
 * 黄志刚 with MISMATCH, and the simulator reproduces that exchange.
 */
export const POPULATION_FIXTURE: ReadonlyArray<PopulationEntry> = [
  { idNumber: '440306198503122310', name: '陈建国' },
  { idNumber: '43052419920718402X', name: '李秀英' },
  { idNumber: '360731199005063429', name: '王丽娟' },
  { idNumber: '440304198812031356', name: '张伟' },
  { idNumber: '44148119780925115X', name: '黄志强' },
];

const FIXTURE_BY_ID = new Map(POPULATION_FIXTURE.map((p) => [p.idNumber, p.name]));

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const MALE_CHARS = [...'伟强磊军勇杰涛明超辉刚平健建国志文华斌鹏俊峰浩宇博洋林海波东亮晨凯'];
const FEMALE_CHARS = [...'芳娜敏静丽艳娟霞秀英燕玲桂兰萍红梅琳雪婷慧颖佳欣怡倩月露琴瑶蓉'];
const MULTI_FIRST = ['买买提', '艾力', '阿不都', '热依拉', '古丽', '努尔', '阿依', '迪丽'];
const MULTI_LAST = ['吐尔逊', '艾买提', '库尔班', '依明', '阿布拉', '木合塔尔', '沙吾提', '肉孜'];

function digest(idNumber: string): Buffer {
  return createHash('sha256').update(`psb-sim:${idNumber}`).digest();
}

/**
 * The registered name of an ID number in the simulator: the fixture's name for the README's
 * persons, otherwise a name derived from the number's hash (gender from the 17th digit; about
 * 3 % are multi-part names joined with U+00B7 ·). Tests and the sandbox use it to get a MATCH.
 */
export function simulatedNameFor(idNumber: string): string {
  const fixed = FIXTURE_BY_ID.get(idNumber);
  if (fixed !== undefined) return fixed;
  const h = digest(idNumber);
  if (h[0] % 32 === 0) return `${MULTI_FIRST[h[1] % MULTI_FIRST.length]}·${MULTI_LAST[h[2] % MULTI_LAST.length]}`;
  const male = Number(idNumber[16]) % 2 === 1;
  const pool = male ? MALE_CHARS : FEMALE_CHARS;
  const surname = SURNAMES[h[1] % SURNAMES.length];
  const first = pool[h[3] % pool.length];
  return h[2] % 3 === 0 ? `${surname}${first}` : `${surname}${first}${pool[h[4] % pool.length]}`;
}

/** Whether a non-fixture ID number answers NOT_FOUND for a wrong name (about 10 %, by hash). */
export function simulatedNotFound(idNumber: string): boolean {
  if (FIXTURE_BY_ID.has(idNumber)) return false;
  return digest(idNumber)[5] % 10 === 0;
}

/**
 * The register's answer for a (valid) ID number and a name, compared exactly after trimming:
 * fixture persons MATCH their name and MISMATCH any other; any other number MATCHes its
 * simulatedNameFor name, otherwise NOT_FOUND (~10 %, by hash) or MISMATCH.
 */
export function simulatedVerification(idNumber: string, name: string): MatchResult {
  const given = name.trim();
  const fixed = FIXTURE_BY_ID.get(idNumber);
  if (fixed !== undefined) return given === fixed ? 'MATCH' : 'MISMATCH';
  if (given === simulatedNameFor(idNumber)) return 'MATCH';
  return simulatedNotFound(idNumber) ? 'NOT_FOUND' : 'MISMATCH';
}

/** Police stations of 龙华区 by street (codes fictitious except 观湖 from the examples). */
const STATIONS: ReadonlyArray<{ street: string; station: StationType }> = [
  { street: '观湖', station: { name: '深圳市公安局龙华分局观湖派出所', code: '440309580000' } },
  { street: '民治', station: { name: '深圳市公安局龙华分局民治派出所', code: '440309520000' } },
  { street: '大浪', station: { name: '深圳市公安局龙华分局大浪派出所', code: '440309530000' } },
  { street: '福城', station: { name: '深圳市公安局龙华分局福城派出所', code: '440309560000' } },
  { street: '观澜', station: { name: '深圳市公安局龙华分局观澜派出所', code: '440309570000' } },
  { street: '龙华街道', station: { name: '深圳市公安局龙华分局龙华派出所', code: '440309510000' } },
];

/** The station responsible for an address (by the street named in it; 观湖 otherwise). */
export function stationFor(address: string): StationType {
  return (STATIONS.find((s) => address.includes(s.street)) ?? STATIONS[0]).station;
}

/** Largest number of officers a station dispatches; larger requests are DECLINED. */
export const MAX_DISPATCHABLE_OFFICERS = 10;

export const DECLINE_TOO_MANY_OFFICERS = `申请警力超出辖区派出所可调配警力（${MAX_DISPATCHABLE_OFFICERS}人），请调整后重新申请`;

/** The example's decline reason, used for declines ordered by a test (e.g. cancellation by phone). */
export const DECLINE_DEFAULT_REASON = '申请时段与辖区重大活动安保任务冲突，请调整执法时间后重新申请';
