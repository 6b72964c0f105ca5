// Demo content of the simulated hotline: the six streets of 龙华区 with communities, roads and
// coordinates, complaint templates of the kind a street enforcement team receives (占道经营, 噪音,
// 乱堆放, 违规广告, 油烟 …), fictitious citizens and phone numbers. Everything is made up.
import type { Category, Channel, Evaluation, Requester, Urgency } from '../types';

export interface StreetFixture {
  /** Full name as location.street carries it, e.g. 观湖街道. */
  street: string;
  communities: readonly string[];
  roads: readonly string[];
  lng: number;
  lat: number;
}

export const DEMO_STREETS: readonly StreetFixture[] = [
  { street: '观湖街道', communities: ['松元厦社区', '樟坑径社区', '观城社区', '鹭湖社区', '新田社区', '润城社区'], roads: ['环观南路', '观澜大道', '松元路', '上围路'], lng: 114.0571, lat: 22.7149 },
  { street: '民治街道', communities: ['民治社区', '白石龙社区', '上塘社区', '北站社区', '樟坑社区'], roads: ['民治大道', '民康路', '龙塘路', '民乐路'], lng: 114.0403, lat: 22.6238 },
  { street: '大浪街道', communities: ['大浪社区', '同胜社区', '浪口社区', '龙胜社区', '陶元社区'], roads: ['华荣路', '大浪南路', '布龙路', '浪静路'], lng: 114.0158, lat: 22.6712 },
  { street: '龙华街道', communities: ['龙华社区', '清湖社区', '油松社区', '三联社区', '景龙社区'], roads: ['人民路', '东环一路', '和平路', '清湖路'], lng: 114.0332, lat: 22.6581 },
  { street: '福城街道', communities: ['福民社区', '大水坑社区', '桔塘社区', '章阁社区', '茜坑社区'], roads: ['福民路', '桔岭路', '章阁路', '观平路'], lng: 114.0836, lat: 22.7085 },
  { street: '观澜街道', communities: ['桂花社区', '库坑社区', '新澜社区', '大富社区', '君子布社区'], roads: ['观光路', '环观中路', '大富路', '库坑大道'], lng: 114.0512, lat: 22.7313 },
];

const PLACES = ['地铁站B出口', '公交站旁', '农贸市场门口', '小学门口', '十字路口', '商业街', '城中村巷口', '小区南门'];
const TIMES = ['每天早上6点至9点', '每晚8点至凌晨1点', '周末全天', '每天傍晚下班高峰'];

export interface IssueTemplate {
  category: Category;
  /** {road} {place} {community} {time} are filled in. */
  title: string;
  content: string;
  powerItemCode?: string;
}

export const ISSUE_TEMPLATES: readonly IssueTemplate[] = [
  {
    category: 'COMPLAINT',
    title: '{road}{place}流动摊贩占道经营',
    content: '市民来电反映：{time}，{road}{place}附近有多个流动摊贩占用人行道经营，影响行人通行，希望相关部门尽快处理。',
    powerItemCode: '440309CF0108',
  },
  {
    category: 'COMPLAINT',
    title: '{community}{place}夜间施工噪音扰民',
    content: '市民反映：{community}{place}附近工地{time}仍在施工，机械噪音很大，严重影响周边居民休息，请求查处。',
    powerItemCode: '440309CF0231',
  },
  {
    category: 'COMPLAINT',
    title: '{road}商铺外放音响噪音扰民',
    content: '市民来电反映：{road}{place}一带多家商铺在门口摆放音响招揽顾客，{time}声音很大，影响附近居民和学生。',
    powerItemCode: '440309CF0232',
  },
  {
    category: 'COMPLAINT',
    title: '{community}{place}餐饮店油烟直排扰民',
    content: '市民反映：{community}{place}附近一家餐饮店未安装油烟净化设施，油烟直接排向居民楼，{time}气味很重。',
    powerItemCode: '440309CF0415',
  },
  {
    category: 'REPORT',
    title: '{community}{place}建筑垃圾乱堆放',
    content: '举报：{community}{place}旁空地近期被倾倒大量装修建筑垃圾，无人清运，已占用部分车行道。',
    powerItemCode: '440309CF0306',
  },
  {
    category: 'REPORT',
    title: '{road}沿线违规设置户外广告',
    content: '举报：{road}{place}附近新设置多块未经审批的户外广告牌和横幅，部分遮挡交通标志。',
    powerItemCode: '440309CF0502',
  },
  {
    category: 'COMPLAINT',
    title: '{road}{place}违规张贴小广告',
    content: '市民反映：{road}{place}附近的电箱、灯杆和公交站牌上贴满小广告，清理后很快又被贴上，影响市容。',
    powerItemCode: '440309CF0503',
  },
  {
    category: 'HELP',
    title: '请求清理{road}{place}堆放的废弃共享单车',
    content: '市民求助：{road}{place}人行道上堆放了几十辆损坏的共享单车，长期无人清理，轮椅和婴儿车无法通过。',
  },
  {
    category: 'CONSULTATION',
    title: '咨询在{community}设置临时便民摊点的审批流程',
    content: '市民咨询：想在{community}{place}附近设置临时便民摊点，需要向哪个部门申请、准备哪些材料、办理时限多久。',
  },
  {
    category: 'SUGGESTION',
    title: '建议在{road}{place}设置便民摊区',
    content: '市民建议：{road}{place}附近摊贩较多，建议在附近空地规划便民摊区，统一管理，既方便居民又不影响通行。',
  },
];

const SURNAMES = ['陈', '李', '王', '张', '刘', '黄', '吴', '赵', '林', '何', '郭', '周', '罗', '梁', '谢'];
const GIVEN_NAMES = ['晓梅', '志强', '婷', '建华', '丽娟', '洋', '伟', '秀兰', '敏', '晓东', '静', '海涛', '嘉欣', '子豪', '美玲'];

export const URGE_REASONS = {
  sign: '工单已超过签收时限，请尽快签收办理',
  reply: '市民再次来电：问题仍未解决，请加快办理',
};

export const EVALUATION_COMMENTS: Record<Evaluation, readonly string[]> = {
  SATISFIED: ['处理及时，问题已解决', '工作人员态度很好，谢谢', '现场已整治，现在通行顺畅'],
  BASICALLY_SATISFIED: ['问题有所改善，希望持续巡查', '处理了，但回复有点慢'],
  DISSATISFIED: ['问题没有解决，摊贩晚上又回来了', '没有人到现场查看'],
};

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}

/** Picks by weight: entries [value, weight]. */
export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>, random: () => number): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) {
    if (r < w) return value;
    r -= w;
  }
  return entries[entries.length - 1][0];
}

export function randomChannel(random: () => number): Channel {
  return weighted<Channel>([['PHONE', 50], ['APP', 20], ['WECHAT', 20], ['WEB', 10]], random);
}

export function randomUrgency(random: () => number): Urgency {
  return weighted<Urgency>([['NORMAL', 85], ['URGENT', 12], ['EMERGENCY', 3]], random);
}

function digits(n: number, random: () => number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += String(Math.floor(random() * 10) % 10);
  return out;
}

/** A fictitious mobile (1[3-9] + 9 digits) or, now and then, a Shenzhen landline. */
export function randomPhone(random: () => number): string {
  if (random() < 0.1) return `0755-2${digits(7, random)}`;
  return `1${3 + Math.floor(random() * 7)}${digits(9, random)}`;
}

/** A citizen; about one in seven anonymous (then no name, and no phone unless a reply is wanted). */
export function randomRequester(random: () => number): Requester {
  if (random() < 0.15) {
    const wantsReply = random() < 0.3;
    return wantsReply ? { phone: randomPhone(random), anonymous: true, wantsReply } : { anonymous: true, wantsReply };
  }
  return { name: `${pick(SURNAMES, random)}${pick(GIVEN_NAMES, random)}`, phone: randomPhone(random), anonymous: false, wantsReply: random() < 0.85 };
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export interface GeneratedIssue {
  category: Category;
  title: string;
  content: string;
  address: string;
  street: string;
  lng: number;
  lat: number;
  powerItemCode?: string;
}

/** A plausible issue on a street (the given one, else a random one of the six). */
export function randomIssue(random: () => number, street?: StreetFixture, category?: Category): GeneratedIssue {
  const s = street ?? pick(DEMO_STREETS, random);
  const candidates = category ? ISSUE_TEMPLATES.filter((t) => t.category === category) : ISSUE_TEMPLATES;
  const template = candidates.length > 0 ? pick(candidates, random) : pick(ISSUE_TEMPLATES, random);
  const values = { road: pick(s.roads, random), place: pick(PLACES, random), community: pick(s.communities, random), time: pick(TIMES, random) };
  const jitter = () => Math.round((random() - 0.5) * 0.02 * 1e6) / 1e6;
  return {
    category: category ?? template.category,
    title: fill(template.title, values),
    content: fill(template.content, values),
    address: `深圳市龙华区${s.street}${values.community}${values.road}${values.place}`,
    street: s.street,
    lng: Math.round((s.lng + jitter()) * 1e6) / 1e6,
    lat: Math.round((s.lat + jitter()) * 1e6) / 1e6,
    ...(template.powerItemCode ? { powerItemCode: template.powerItemCode } : {}),
  };
}

/** 观湖 / 观湖街道 → the fixture of that street, or null. */
export function streetFixture(name: string): StreetFixture | null {
  const full = name.endsWith('街道') ? name : `${name}街道`;
  return DEMO_STREETS.find((s) => s.street === full) ?? null;
}

const STREET_CODES: Record<string, string> = { GH: '观湖', MZ: '民治', DL: '大浪', FC: '福城', GL: '观澜' };

/** Display name of a handling unit code (承办单位名称) for the simulator's orders. */
export function deptNameOf(deptCode: string): string {
  const m = /^440309-([A-Z]{2})-ZHZF$/.exec(deptCode);
  if (m && m[1] === 'LH') return '深圳市龙华区城市管理和综合执法局';
  if (m && STREET_CODES[m[1]]) return `深圳市龙华区${STREET_CODES[m[1]]}街道综合行政执法队`;
  return `承办单位 ${deptCode}`;
}
