// Demo data for the case store: the departments of 深圳市龙华区, their officers, the power list
// with its discretion benchmark, ~120 parties and a year of cases (2026) in every stage, each
// with its documents, evidence, decision, transfer or co-handling requests and its full
// hash-chained history.
//
// Deterministic: one seeded PRNG (mulberry32) and fixed dates; ids are name-based UUIDs, so two
// runs on empty stores write identical rows. Idempotent: nothing is written when a department
// exists. Atomic and fast: every row goes in with createMany inside one batch transaction.
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import type {
  AssistKind,
  AssistStatus,
  CaseEventType,
  CaseSource,
  CaseStage,
  DepartmentKind,
  DocumentKind,
  EvidenceKind,
  MaterialKind,
  PartyRole,
  PowerCategory,
  ServiceMethod,
  TransferStatus,
} from '../generated/prisma/enums';
import { buildCaseEvent, type ChainTip } from '../domain/case-events';
import { USCC_ALPHABET, idNumberCheckChar, usccCheckChar, validateIdNumber, validateUscc } from '../domain/identifiers';
import { DEPARTMENT_SEEDS, OFFICER_SEEDS, STREET_TEAMS, badgeNoFor } from './seed-data/departments';
import { BUSINESS_KINDS, COOPERATIVE_VILLAGES, FEMALE_GIVEN, FIXED_PARTIES, MALE_GIVEN, SURNAMES, TRADE_NAMES, type PartyTag } from './seed-data/parties';
import { ID_REGION_PREFIXES, STREET_PLACES, type CommunitySeed } from './seed-data/places';
import { WorkingDayCalendar } from '../domain/calendar';
import { seedCalendar } from './seed-calendar';
import { DEMO_AGREEMENT_FIELDS, seedAgreements } from './seed-agreements';
import { buildSeedPublications } from './seed-publications';
import {
  HANDING_DEPARTMENT,
  POWER_ITEM_SEEDS,
  type BusinessTag,
  type FactContext,
  type PowerItemSeed,
  type TierSeed,
} from './seed-data/power-items';

export interface SeedOptions {
  /** Number of cases; default 240. */
  cases?: number;
}

export interface SeedSummary {
  departments: number;
  officers: number;
  powerItems: number;
  parties: number;
  cases: number;
  events: number;
  skipped: boolean;
}

export const DEMO_DEPARTMENTS: ReadonlyArray<{ code: string; name: string; kind: DepartmentKind; street?: string }> = DEPARTMENT_SEEDS;

const DEFAULT_CASES = 240;
const SEED = 0x1c0ffee5;

// ───────────────────────────── deterministic randomness ─────────────────────────────

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: ReadonlyArray<T>): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  shuffle<T>(items: ReadonlyArray<T>): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
    return s.slice(0, length);
  }

  digits(length: number): string {
    let s = '';
    for (let i = 0; i < length; i += 1) s += String(this.int(0, 9));
    return s;
  }

  /** An independent stream, so one case's draws never shift another's. */
  fork(label: string): Rng {
    return new Rng((fnv1a(label) ^ SEED) >>> 0);
  }
}

const UUID_NAMESPACE = 'enforcement-data-hub/demo-seed/v1';

/** Name-based UUID (version 5 layout over SHA-1), stable across runs. */
function uuidFor(key: string): string {
  const h = createHash('sha1').update(UUID_NAMESPACE).update('\u0000').update(key).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

// ───────────────────────────── time (Asia/Shanghai, UTC+8, no DST) ─────────────────────────────

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SHANGHAI = 8 * HOUR;

/** A Shanghai wall-clock time as epoch milliseconds. */
function sh(y: number, m: number, d: number, hh = 0, mm = 0): number {
  return Date.UTC(y, m - 1, d, hh, mm) - SHANGHAI;
}

/** First registration and the moment nothing in the demo happens after. */
const START = sh(2026, 1, 5, 9, 0);
const HORIZON = sh(2026, 11, 18, 18, 0);
/** Reference data (departments, officers, power list) exists from here. */
const REFERENCE_CREATED = sh(2025, 12, 15, 9, 0);
const IDENTIFIER_TODAY = new Date(HORIZON);

const CALENDAR = new WorkingDayCalendar();

function localDateString(ms: number): string {
  return new Date(ms + SHANGHAI).toISOString().slice(0, 10);
}

function isWorkday(ms: number): boolean {
  return CALENDAR.isWorkingDay(new Date(ms));
}

/** Local midnight (as epoch ms) of the Shanghai day containing ms. */
function dayStart(ms: number): number {
  const local = ms + SHANGHAI;
  return local - (((local % DAY) + DAY) % DAY) - SHANGHAI;
}

/** Minutes after midnight of an office-hours moment (09:00–12:00, 14:00–18:00) for a fraction in [0, 1). */
function officeMinute(fraction: number): number {
  const m = 9 * 60 + Math.floor(fraction * 420);
  return m >= 12 * 60 ? m + 120 : m;
}

/** Start of the first working day on or after the day of ms, then n working days further. */
function workingDayPlus(ms: number, n: number): number {
  let day = dayStart(ms);
  while (!isWorkday(day + 12 * HOUR)) day += DAY;
  for (let i = 0; i < n; ) {
    day += DAY;
    if (isWorkday(day + 12 * HOUR)) i += 1;
  }
  return day;
}

/**
 * Moves a time forward into office hours of a working day. A time already inside office hours
 * of a working day stays; otherwise the clock time is spread (deterministically) over the
 * hours of the next possible office period, so snapped times do not all read 09:00.
 */
function snapWork(ms: number): number {
  const start = dayStart(ms);
  const minuteOfDay = (ms - start) / MINUTE;
  const spread = (Math.floor(ms / MINUTE) * 2654435761) % 4294967296 / 4294967296;
  const inOffice = (minuteOfDay >= 9 * 60 && minuteOfDay < 12 * 60) || (minuteOfDay >= 14 * 60 && minuteOfDay < 18 * 60);
  if (isWorkday(start + 12 * HOUR)) {
    if (inOffice) return ms;
    if (minuteOfDay < 9 * 60) return start + officeMinute(spread) * MINUTE;
    if (minuteOfDay < 14 * 60) return start + (14 * 60 + Math.floor(spread * 240)) * MINUTE;
  }
  return workingDayPlus(start + DAY, 0) + officeMinute(spread) * MINUTE;
}

/** 23:59:59.999 (Shanghai) of the n-th working day after the day of ms. */
function endOfWorkingDaysAfter(ms: number, n: number): number {
  let day = dayStart(ms);
  let counted = 0;
  while (counted < n) {
    day += DAY;
    if (isWorkday(day + 12 * HOUR)) counted += 1;
  }
  return day + DAY - 1;
}

function chineseDate(ms: number): string {
  const d = new Date(ms + SHANGHAI);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function chineseTime(ms: number): string {
  const d = new Date(ms + SHANGHAI);
  return `${d.getUTCHours()}时${String(d.getUTCMinutes()).padStart(2, '0')}分`;
}

function compactDate(ms: number): string {
  return localDateString(ms).replace(/-/g, '');
}

function compactDateTime(ms: number): string {
  return new Date(ms + SHANGHAI).toISOString().slice(0, 19).replace(/[-:T]/g, '');
}

const yuan = (n: number): string => n.toFixed(2);

// ───────────────────────────── reference data ─────────────────────────────

interface DepartmentRow {
  id: string;
  code: string;
  name: string;
}

interface OfficerRow {
  id: string;
  badgeNo: string;
  name: string;
  departmentCode: string;
  post?: 'HEAD' | 'REVIEWER';
}

interface Team {
  departmentId: string;
  departmentCode: string;
  street: string;
  caseCode: string;
  index: number;
  head: OfficerRow;
  officers: OfficerRow[];
}

interface ItemRow {
  id: string;
  seed: PowerItemSeed;
  tiers: Array<TierSeed & { id: string }>;
}

interface PartyRow {
  id: string;
  kind: 'PERSON' | 'ORGANISATION';
  code: string;
  name: string;
  legalRepName: string | null;
  phone: string;
  address: string;
  street: string;
  tag?: PartyTag;
  /** From the contract examples */
  fixed?: boolean;
}

/**
 * A valid 统一社会信用代码 for each demo department: 观湖 uses the contract's example of its
 * street office; the others get organisation codes derived from their department code.
 */
function departmentUscc(code: string): string {
  if (code === 'LH-GH') return '11440309MB2C17843E';
  let n = 0;
  for (const ch of code) n = (n * 31 + ch.charCodeAt(0)) % 100000;
  const first17 = `11${code.startsWith('SZ-') ? '440300' : '440309'}MB2D${String(n).padStart(5, '0')}`;
  return first17 + usccCheckChar(first17);
}

function buildDepartments(): { rows: Prisma.DepartmentCreateManyInput[]; byCode: Map<string, DepartmentRow> } {
  const byCode = new Map<string, DepartmentRow>();
  const rows: Prisma.DepartmentCreateManyInput[] = [];
  for (const d of DEPARTMENT_SEEDS) {
    const id = uuidFor(`department:${d.code}`);
    byCode.set(d.code, { id, code: d.code, name: d.name });
    rows.push({
      id,
      code: d.code,
      name: d.name,
      shortName: d.shortName ?? null,
      kind: d.kind,
      regionCode: d.regionCode,
      uscc: departmentUscc(d.code),
      street: d.street ?? null,
      parentId: d.parentCode ? uuidFor(`department:${d.parentCode}`) : null,
      createdAt: new Date(REFERENCE_CREATED),
    });
  }
  return { rows, byCode };
}

function buildOfficers(departments: Map<string, DepartmentRow>): OfficerRow[] {
  const out: OfficerRow[] = [];
  Object.entries(OFFICER_SEEDS).forEach(([code, officers], departmentIndex) => {
    if (!departments.has(code)) throw new Error(`officers listed for unknown department ${code}`);
    officers.forEach((o, i) => {
      const badgeNo = badgeNoFor(departmentIndex, i);
      out.push({ id: uuidFor(`officer:${badgeNo}`), badgeNo, name: o.name, departmentCode: code, post: o.post });
    });
  });
  return out;
}

function buildPowerItems(): ItemRow[] {
  return POWER_ITEM_SEEDS.map((seed) => {
    const levels = seed.tiers.map((t) => t.level);
    if (seed.tiers.length < 2 || seed.tiers.length > 4) throw new Error(`${seed.code}: 2–4 tiers expected`);
    if (!levels.every((l, i) => l === i + 1)) throw new Error(`${seed.code}: tiers must be levels 1..n in order`);
    if (!seed.tiers[seed.tiers.length - 1].requiresLegalReview) throw new Error(`${seed.code}: the top tier must require legal review`);
    return {
      id: uuidFor(`power-item:${seed.code}`),
      seed,
      tiers: seed.tiers.map((t) => ({ ...t, id: uuidFor(`tier:${seed.code}:${t.level}`) })),
    };
  });
}

// ───────────────────────────── parties ─────────────────────────────

const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '158', '159', '186', '188', '189', '177', '133', '150', '152', '187', '199', '180'];

function mobile(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}${rng.digits(8)}`;
}

function personName(rng: Rng, male: boolean): string {
  return `${rng.pick(SURNAMES)}${rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN)}`;
}

function community(rng: Rng, street: string): CommunitySeed {
  return rng.pick(STREET_PLACES[street].communities);
}

function generateParties(rng: Rng): PartyRow[] {
  const parties: PartyRow[] = [];
  const codes = new Set<string>();
  const names = new Set<string>();
  const streets = STREET_TEAMS.map((t) => t.street);

  const add = (p: Omit<PartyRow, 'id'>): void => {
    const problem = p.kind === 'PERSON' ? validateIdNumber(p.code, IDENTIFIER_TODAY) : validateUscc(p.code);
    if (problem) throw new Error(`seed party ${p.name} has an invalid code ${p.code}: ${problem.rule} ${problem.message}`);
    if (codes.has(p.code)) throw new Error(`duplicate party code ${p.code}`);
    codes.add(p.code);
    names.add(p.name);
    parties.push({ ...p, id: uuidFor(`party:${p.code}`) });
  };

  for (const f of FIXED_PARTIES) {
    add({
      kind: f.kind,
      code: f.code,
      name: f.name,
      legalRepName: f.legalRepName ?? null,
      phone: f.phone,
      address: f.address,
      street: f.street,
      tag: f.tag,
      fixed: true,
    });
  }

  const uscc = (individual: boolean): string => {
    for (;;) {
      const region = rng.chance(0.8) ? '440309' : '440300';
      let org = 'MA5';
      for (let i = 0; i < 6; i += 1) org += USCC_ALPHABET[rng.int(0, USCC_ALPHABET.length - 1)];
      const first17 = `9${individual ? '2' : '1'}${region}${org}`;
      const code = first17 + usccCheckChar(first17);
      if (!codes.has(code)) return code;
    }
  };

  const tradeNamesUsed = new Set<string>();
  const tradeName = (): string => {
    for (;;) {
      const t = rng.pick(TRADE_NAMES);
      if (!tradeNamesUsed.has(t) || tradeNamesUsed.size >= TRADE_NAMES.length) {
        tradeNamesUsed.add(t);
        return t;
      }
    }
  };

  // Organisations
  let cooperative = 0;
  for (const [tag, kind] of Object.entries(BUSINESS_KINDS) as Array<[BusinessTag, (typeof BUSINESS_KINDS)[BusinessTag]]>) {
    for (let i = 0; i < kind.count; i += 1) {
      const street = rng.pick(streets);
      const c = community(rng, street);
      const road = rng.pick(c.roads);
      const places = STREET_PLACES[street];
      const individual = kind.individual.length > 0 && rng.chance(0.4);
      const rep = personName(rng, rng.chance(0.7));
      let name: string;
      if (tag === 'cooperative') {
        const village = COOPERATIVE_VILLAGES[cooperative % COOPERATIVE_VILLAGES.length];
        cooperative += 1;
        name = `深圳市龙华区${village}股份合作公司`;
      } else if (individual) {
        const shop = rng.pick(kind.individual);
        name = rng.chance(0.5) ? `深圳市龙华区${street}${rep.slice(0, 1)}记${shop}` : `深圳市龙华区${street}${tradeName()}${shop}`;
      } else {
        name = `深圳市${tradeName()}${rng.pick(kind.company)}`;
      }
      if (names.has(name)) {
        i -= 1;
        continue;
      }
      let address: string;
      if (tag === 'factory' || tag === 'earthwork' || tag === 'transport') {
        address = `深圳市龙华区${street}街道${c.name}社区${rng.pick(places.industrialParks)}${rng.int(1, 18)}栋${rng.int(1, 5)}楼`;
      } else if (tag === 'catering' || tag === 'retail' || tag === 'funeral' || tag === 'culture' || individual) {
        address = `深圳市龙华区${street}街道${c.name}社区${road}${rng.int(1, 380)}号${rng.chance(0.5) ? '一楼' : `${rng.int(101, 112)}铺`}`;
      } else if (tag === 'cooperative') {
        address = `深圳市龙华区${street}街道${c.name}社区${rng.pick(c.villages)}村委大楼`;
      } else {
        address = `深圳市龙华区${street}街道${c.name}社区${road}${rng.int(1, 500)}号${rng.pick(['创业大厦', '商务中心', '综合楼', '科技园'])}${rng.int(2, 18)}楼${rng.int(1, 20)}室`;
      }
      add({
        kind: 'ORGANISATION',
        code: uscc(individual),
        name,
        legalRepName: rep,
        phone: individual || rng.chance(0.3) ? mobile(rng) : `0755-${rng.pick(['2', '8'])}${rng.digits(7)}`,
        address,
        street,
        tag,
      });
    }
  }

  // Persons
  const persons = 56;
  for (let i = 0; i < persons; i += 1) {
    const male = rng.chance(0.6);
    const name = personName(rng, male);
    if (names.has(name)) {
      i -= 1;
      continue;
    }
    const birth = sh(1960, 1, 1, 12) + Math.floor(rng.next() * (sh(2002, 12, 31, 12) - sh(1960, 1, 1, 12)));
    const seq = rng.int(0, 99) * 10 + (male ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
    const first17 = `${rng.pick(ID_REGION_PREFIXES)}${compactDate(birth)}${String(seq).padStart(3, '0')}`;
    const code = first17 + idNumberCheckChar(first17);
    if (codes.has(code)) {
      i -= 1;
      continue;
    }
    const street = rng.pick(streets);
    const c = community(rng, street);
    const address = rng.chance(0.7)
      ? `深圳市龙华区${street}街道${c.name}社区${rng.pick(c.villages)}${rng.int(1, 40)}栋${rng.int(1, 8)}0${rng.int(1, 6)}`
      : `深圳市龙华区${street}街道${c.name}社区${rng.pick(c.roads)}${rng.int(1, 300)}号${rng.pick(['花园', '公寓', '小区'])}${rng.int(1, 12)}栋${rng.int(2, 30)}0${rng.int(1, 8)}`;
    add({ kind: 'PERSON', code, name, legalRepName: null, phone: mobile(rng), address, street });
  }
  return parties;
}

// ───────────────────────────── case planning ─────────────────────────────

const STAGE_SHARES: ReadonlyArray<readonly [CaseStage, number]> = [
  ['TRANSFERRED', 6],
  ['NOT_FILED', 14],
  ['RECEIVED', 8],
  ['FILED', 10],
  ['INVESTIGATING', 16],
  ['NOTIFIED', 10],
  ['LEGAL_REVIEW', 5],
  ['DECIDED', 6],
  ['SERVED', 6],
  ['EXECUTING', 8],
];
const SMALL_RUN_ORDER: ReadonlyArray<CaseStage> = [
  'CLOSED',
  'INVESTIGATING',
  'NOT_FILED',
  'TRANSFERRED',
  'RECEIVED',
  'FILED',
  'NOTIFIED',
  'LEGAL_REVIEW',
  'DECIDED',
  'SERVED',
  'EXECUTING',
];

function stageQuotas(n: number): Map<CaseStage, number> {
  const q = new Map<CaseStage, number>();
  if (n < 11) {
    SMALL_RUN_ORDER.slice(0, n).forEach((s) => q.set(s, 1));
    return q;
  }
  let used = 0;
  for (const [stage, share] of STAGE_SHARES) {
    const count = Math.max(1, Math.round((share * n) / DEFAULT_CASES));
    q.set(stage, count);
    used += count;
  }
  q.set('CLOSED', Math.max(1, n - used));
  // Very small runs can overshoot by a few: take them back from the largest open quotas.
  let excess = [...q.values()].reduce((a, b) => a + b, 0) - n;
  while (excess > 0) {
    const [stage] = [...q.entries()].filter(([s]) => s !== 'CLOSED').sort((a, b) => b[1] - a[1])[0];
    q.set(stage, (q.get(stage) ?? 1) - 1);
    excess -= 1;
  }
  return q;
}

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [PowerCategory, number]> = [
  ['ROAD_OCCUPATION', 40],
  ['CITY_APPEARANCE', 22],
  ['ILLEGAL_CONSTRUCTION', 20],
  ['OUTDOOR_ADVERTISING', 16],
  ['CONSTRUCTION_WASTE', 16],
  ['OTHER', 16],
  ['GAS', 14],
  ['HOUSING_RENTAL', 12],
  ['INTERIOR_RENOVATION', 10],
  ['WASTE_BURNING', 10],
  ['EDUCATION_TRAINING', 8],
  ['AFTER_SCHOOL_CARE', 7],
  ['RIVER_CHANNEL', 7],
  ['INTERNET_CAFE', 6],
  ['FORESTRY', 6],
  ['CULTURE', 5],
  ['QUARRYING', 4],
  ['FUNERAL', 4],
];

const SOURCES: ReadonlyArray<CaseSource> = ['PATROL', 'CITIZEN_REPORT', 'DIGITAL_CITY', 'HOTLINE_12345', 'DEPT_TRANSFER', 'VIDEO_DETECTION'];
const BASE_SOURCE_WEIGHTS: Readonly<Record<CaseSource, number>> = {
  PATROL: 30,
  CITIZEN_REPORT: 15,
  DIGITAL_CITY: 15,
  HOTLINE_12345: 20,
  DEPT_TRANSFER: 8,
  VIDEO_DETECTION: 12,
};
const SOURCE_OVERRIDES: Partial<Record<PowerCategory, Partial<Record<CaseSource, number>>>> = {
  ROAD_OCCUPATION: { VIDEO_DETECTION: 25, DIGITAL_CITY: 20, DEPT_TRANSFER: 2 },
  CITY_APPEARANCE: { DIGITAL_CITY: 25, VIDEO_DETECTION: 15 },
  OUTDOOR_ADVERTISING: { DIGITAL_CITY: 25, VIDEO_DETECTION: 5 },
  EDUCATION_TRAINING: { DEPT_TRANSFER: 25, CITIZEN_REPORT: 25, VIDEO_DETECTION: 0, DIGITAL_CITY: 0 },
  AFTER_SCHOOL_CARE: { DEPT_TRANSFER: 25, CITIZEN_REPORT: 25, VIDEO_DETECTION: 0, DIGITAL_CITY: 0 },
  INTERNET_CAFE: { DEPT_TRANSFER: 25, VIDEO_DETECTION: 0, DIGITAL_CITY: 0 },
  CULTURE: { DEPT_TRANSFER: 20, VIDEO_DETECTION: 0, DIGITAL_CITY: 0 },
  HOUSING_RENTAL: { VIDEO_DETECTION: 0, DIGITAL_CITY: 5, CITIZEN_REPORT: 25 },
  INTERIOR_RENOVATION: { VIDEO_DETECTION: 0, DIGITAL_CITY: 0, CITIZEN_REPORT: 30, HOTLINE_12345: 30 },
  FORESTRY: { DEPT_TRANSFER: 20, VIDEO_DETECTION: 15, DIGITAL_CITY: 5 },
  QUARRYING: { DEPT_TRANSFER: 20, VIDEO_DETECTION: 15, DIGITAL_CITY: 5 },
  ILLEGAL_CONSTRUCTION: { DEPT_TRANSFER: 15, VIDEO_DETECTION: 10 },
  GAS: { DEPT_TRANSFER: 15, VIDEO_DETECTION: 0 },
  WASTE_BURNING: { VIDEO_DETECTION: 25 },
  RIVER_CHANNEL: { DEPT_TRANSFER: 20, VIDEO_DETECTION: 10 },
  FUNERAL: { VIDEO_DETECTION: 0, DIGITAL_CITY: 0 },
};

function sourceWeights(category: PowerCategory): Array<[CaseSource, number]> {
  const o = SOURCE_OVERRIDES[category] ?? {};
  return SOURCES.map((s) => [s, o[s] ?? BASE_SOURCE_WEIGHTS[s]]);
}

/** 函 prefixes of the departments that hand clues over (source DEPT_TRANSFER). */
const HANDING_LETTER_PREFIX: Readonly<Record<string, string>> = {
  'LH-GTZY': '深规划资源龙函',
  'LH-SCJG': '深市监龙函',
  'LH-ZJJ': '深龙建函',
  'LH-STHJ': '深环龙函',
  'LH-WTJ': '深龙文广旅体函',
  'LH-JYJ': '深龙教函',
  'LH-SWJ': '深龙水函',
  'LH-GAJ': '深公龙函',
};

const NOT_FILED_REASONS: ReadonlyArray<string> = [
  '经现场核查，反映的违法事实不存在',
  '经核查，当事人已取得相关许可且在许可范围内经营，其行为不构成违法',
  '违法行为轻微并已及时改正，没有造成危害后果，依据《中华人民共和国行政处罚法》第三十三条第一款不予立案，已对当事人进行批评教育',
  '经核查，当事人的行为已于2025年被处理，不得重复处罚（《中华人民共和国行政处罚法》第二十九条）',
  '经核查属于其他部门职责范围，已转交有关部门处理',
];

type OpenMode =
  | { kind: 'ANY' }
  | { kind: 'RECENT'; anchor: Anchor; maxDays: number }
  | { kind: 'OVERDUE' };

type Anchor = 'reg' | 'filed' | 'lastEvidence' | 'notified' | 'reviewed' | 'decided' | 'served' | 'payment' | 'submitted' | 'underReview';

interface StorySpec {
  itemCode: string;
  stage: CaseStage;
  tierLevel: number;
  source: CaseSource;
  respondents: string[];
  summary?: string;
  facts?: (date: string) => string;
  address?: { text: string; community: string; road: string; lng: number; lat: number };
  transferStatus?: TransferStatus;
  amountInvolved?: string;
  witness?: string;
  evidence?: EvidenceKind[];
}

/** Cases about the contract examples' parties (all in 观湖); later connectors' simulators tell stories about them. */
const STORIES: ReadonlyArray<StorySpec> = [
  {
    itemCode: 'LH-QZ-0801-001',
    stage: 'TRANSFERRED',
    tierLevel: 3,
    source: 'PATROL',
    respondents: ['91440300MA5DTB8661', '440304198812031356'],
    summary: '深圳市鹏安燃气供应有限公司、张伟涉嫌非法经营瓶装液化石油气案',
    facts: (date) =>
      `${date}，观湖街道综合行政执法队在检查中发现，深圳市鹏安燃气供应有限公司在其燃气经营许可证（编号440309RQJY2023000045）被吊销后，仍以张伟为实际经营者，在龙华区观湖街道樟坑径社区上围路12号一楼仓库内储存、销售瓶装液化石油气。现场查获15kg装液化石油气钢瓶126个，其中充装气瓶98个。经查，当事人近三个月共销售瓶装液化石油气约4660瓶，非法经营额约人民币186400元。`,
    address: { text: '深圳市龙华区观湖街道樟坑径社区上围路12号', community: '樟坑径', road: '上围路', lng: 114.071806, lat: 22.703517 },
    transferStatus: 'FILED',
    amountInvolved: '186400.00',
    witness: '王丽娟',
    evidence: ['INSPECTION_RECORD', 'PHYSICAL', 'WITNESS_STATEMENT', 'EXPERT_OPINION'],
  },
  {
    itemCode: 'LH-QZ-1602-001',
    stage: 'TRANSFERRED',
    tierLevel: 3,
    source: 'VIDEO_DETECTION',
    respondents: ['91440300MA5F9K4P3X'],
    summary: '深圳市龙华建鑫建筑工程有限公司涉嫌非法倾倒建筑垃圾案',
    facts: (date) =>
      `${date}凌晨，视频智能识别系统在樟坑径社区五和大道以东山地发现泥头车倾倒告警。经查，深圳市龙华建鑫建筑工程有限公司将其承建的鹭湖花园二期项目工地产生的建筑垃圾，分86车次倾倒于该处林地内，经测量倾倒量约2600立方米，部分渣土已滑入樟坑径河河道管理范围。`,
    address: { text: '深圳市龙华区观湖街道樟坑径社区五和大道以东山地', community: '樟坑径', road: '五和大道', lng: 114.0761, lat: 22.6998 },
    transferStatus: 'UNDER_REVIEW',
    amountInvolved: '78000.00',
    evidence: ['ELECTRONIC_DATA', 'INSPECTION_RECORD', 'EXPERT_OPINION', 'PARTY_STATEMENT'],
  },
  {
    itemCode: 'LH-QZ-0302-001',
    stage: 'CLOSED',
    tierLevel: 3,
    source: 'CITIZEN_REPORT',
    respondents: ['91440309MA5H2R7W2D'],
    summary: '深圳市观澜湖畔餐饮管理有限公司超出许可范围占用城市道路经营案',
    facts: (date) =>
      `${date}起，当事人深圳市观澜湖畔餐饮管理有限公司超出临时占用城市道路许可（编号440309ZYDL2024000311）核准的18平方米范围，在大和路56号门前人行道摆放餐桌椅约45平方米从事餐饮经营，经责令改正后仍未改正。`,
    address: { text: '深圳市龙华区观湖街道大和社区大和路56号门前人行道', community: '大和', road: '大和路', lng: 114.0519, lat: 22.7046 },
    evidence: ['PERMIT_CHECK', 'PHOTO', 'INSPECTION_RECORD', 'PARTY_STATEMENT'],
  },
  {
    itemCode: 'LH-QZ-0301-001',
    stage: 'CLOSED',
    tierLevel: 1,
    source: 'HOTLINE_12345',
    respondents: ['92440309MA5J3Q1E1R'],
    summary: '深圳市龙华区观湖陈记肠粉店超出便民摊区摆卖早餐案',
    facts: (date) =>
      `${date}，接12345热线工单反映环观南路松元厦地铁站B出口早餐摊贩占道经营。经核查，当事人深圳市龙华区观湖陈记肠粉店超出街道划定的便民摊区（A出口东侧3号位），在B出口人行道摆卖早餐，占地约3平方米；经现场劝导，当事人立即撤回摊区经营。`,
    address: { text: '深圳市龙华区观湖街道松元厦社区环观南路松元厦地铁站B出口', community: '松元厦', road: '环观南路', lng: 114.057126, lat: 22.714893 },
    evidence: ['PHOTO', 'PERMIT_CHECK', 'INSPECTION_RECORD'],
  },
  {
    itemCode: 'LH-QZ-0301-001',
    stage: 'SERVED',
    tierLevel: 2,
    source: 'PATROL',
    respondents: ['440306198503122310'],
    summary: '陈建国超出便民摊区占道摆卖水果案',
    facts: (date) =>
      `当事人陈建国持有便民摊区4号位（水果售卖，每日17:00–21:00）临时摊点许可，${date}晚间将摊档移至环观南路88号旁空地人行道摆卖水果，占地约4平方米，经执法队员当场责令改正后拒不改正。`,
    address: { text: '深圳市龙华区观湖街道松元厦社区环观南路88号旁空地', community: '松元厦', road: '环观南路', lng: 114.0583, lat: 22.7139 },
    evidence: ['PHOTO', 'VIDEO', 'PERMIT_CHECK', 'PARTY_STATEMENT'],
  },
  {
    itemCode: 'LH-QZ-0202-001',
    stage: 'INVESTIGATING',
    tierLevel: 2,
    source: 'DIGITAL_CITY',
    respondents: ['91440309MA5G8H3L1D'],
    summary: '深圳市鹭湖广告传媒有限公司超出许可内容设置户外广告案',
    facts: () =>
      '当事人深圳市鹭湖广告传媒有限公司持有户外广告设置许可（编号440309HWGG2025000123，单立柱户外广告设施1座，画面18m×6m，双面），经现场测量，其在观澜大道与环观南路交汇处东北角设置的单立柱广告画面实际尺寸约21m×7m，超出许可核准尺寸。',
    address: {
      text: '深圳市龙华区观湖街道鹭湖社区观澜大道与环观南路交汇处东北角',
      community: '鹭湖',
      road: '观澜大道',
      lng: 114.0647,
      lat: 22.7198,
    },
    evidence: ['PERMIT_CHECK', 'PHOTO'],
  },
  {
    itemCode: 'LH-QZ-1501-001',
    stage: 'CLOSED',
    tierLevel: 2,
    source: 'HOTLINE_12345',
    respondents: ['43052419920718402X'],
    summary: '李秀英分割出租住房案',
    address: { text: '深圳市龙华区观湖街道新田社区新田新村23栋601', community: '新田', road: '新田路', lng: 114.0709, lat: 22.7085 },
  },
];

interface CasePlan {
  index: number;
  rng: Rng;
  team: Team;
  item: ItemRow;
  stage: CaseStage;
  source: CaseSource;
  tierLevel: number;
  serious: boolean;
  mode: OpenMode;
  story?: StorySpec;
  transferStatus?: TransferStatus;
}

// ───────────────────────────── timelines ─────────────────────────────

interface Timeline {
  discovered: number;
  reg: number;
  declined?: number;
  filed?: number;
  evidence: number[];
  notified?: number;
  hearingWindowEnds?: number;
  hearing?: number;
  reviewed?: number;
  decided?: number;
  served?: number;
  payment?: number;
  closed?: number;
  transfer?: {
    requested: number;
    approved: number;
    submitted: number;
    received: number;
    decisionDue: number;
    underReview?: number;
    policeFiled?: number;
  };
  last: number;
}

interface Shape {
  stage: CaseStage;
  source: CaseSource;
  evidenceCount: number;
  reviewNeeded: boolean;
  hearing: boolean;
  monetary: boolean;
  transferStatus?: TransferStatus;
}

const STAGE_ORDER: ReadonlyArray<CaseStage> = [
  'RECEIVED',
  'FILED',
  'INVESTIGATING',
  'NOTIFIED',
  'LEGAL_REVIEW',
  'DECIDED',
  'SERVED',
  'EXECUTING',
  'CLOSED',
];

function reached(stage: CaseStage, target: CaseStage): boolean {
  if (stage === 'TRANSFERRED') return target === 'RECEIVED' || target === 'FILED' || target === 'INVESTIGATING';
  if (stage === 'NOT_FILED') return target === 'RECEIVED';
  return STAGE_ORDER.indexOf(stage) >= STAGE_ORDER.indexOf(target);
}

/** Lays the steps out from a registration time; u holds the case's own uniform draws. */
function buildTimeline(regWanted: number, shape: Shape, u: ReadonlyArray<number>, scale: number): Timeline {
  let k = 0;
  const draw = (min: number, max: number): number => min + (max - min) * u[k++ % u.length] * scale;
  /** An office-hours moment some working days after t (0 = later the same working day when possible). */
  const after = (t: number, minDays: number, maxDays: number): number => {
    const n = Math.floor(draw(minDays, maxDays));
    const minutes = officeMinute(u[k++ % u.length]);
    const at = workingDayPlus(t, n) + minutes * MINUTE;
    return at > t ? at : workingDayPlus(t, n + 1) + minutes * MINUTE;
  };
  const later = (prev: number, t: number): number => (t > prev ? t : snapWork(prev + 7 * MINUTE));

  const reg = snapWork(regWanted);
  const discoveredBefore =
    shape.source === 'DEPT_TRANSFER'
      ? draw(3, 15) * DAY
      : shape.source === 'PATROL' || shape.source === 'VIDEO_DETECTION'
        ? draw(0.01, 0.2) * DAY
        : draw(0.02, 1.2) * DAY;
  const tl: Timeline = { discovered: reg - Math.round(discoveredBefore / MINUTE) * MINUTE, reg, evidence: [], last: reg };
  const stage = shape.stage;
  if (stage === 'RECEIVED') return tl;
  if (stage === 'NOT_FILED') {
    tl.declined = after(reg, 0.5, 8);
    tl.last = tl.declined;
    return tl;
  }
  tl.filed = after(reg, 0.1, 8);
  tl.last = tl.filed;
  if (!reached(stage, 'INVESTIGATING')) return tl;
  let t = tl.filed;
  for (let i = 0; i < shape.evidenceCount; i += 1) {
    t = later(t, i === 0 ? after(t, 0.05, 3) : after(t, 0.05, 6));
    tl.evidence.push(t);
  }
  tl.last = t;
  if (stage === 'TRANSFERRED') {
    const requested = later(t, after(t, 1, 8));
    const approved = later(requested, after(requested, 0.1, 2));
    const submitted = approved + Math.round(draw(1, 20)) * HOUR;
    const received = submitted + Math.round(draw(2, 30)) * MINUTE;
    const decisionDue = endOfWorkingDaysAfter(received, 3);
    tl.transfer = { requested, approved, submitted, received, decisionDue };
    tl.last = received;
    if (shape.transferStatus === 'UNDER_REVIEW' || shape.transferStatus === 'FILED') {
      tl.transfer.underReview = later(received, after(received, 0.1, 1));
      tl.last = tl.transfer.underReview;
    }
    if (shape.transferStatus === 'FILED' && tl.transfer.underReview) {
      let filed = later(tl.transfer.underReview, after(tl.transfer.underReview, 0.3, 1.5));
      if (filed > decisionDue) filed = Math.max(tl.transfer.underReview + HOUR, decisionDue - 2 * HOUR);
      tl.transfer.policeFiled = filed;
      tl.last = filed;
    }
    return tl;
  }
  if (!reached(stage, 'NOTIFIED')) return tl;
  tl.notified = later(t, after(t, 2, 14));
  tl.hearingWindowEnds = endOfWorkingDaysAfter(tl.notified, 5);
  tl.last = tl.notified;
  if (shape.hearing) {
    let h = later(tl.notified, after(tl.notified, 0.5, 3));
    if (h > tl.hearingWindowEnds) h = tl.notified + HOUR;
    tl.hearing = h;
    tl.last = h;
  }
  if (shape.reviewNeeded && reached(stage, 'LEGAL_REVIEW')) {
    tl.reviewed = later(tl.last, after(tl.notified, 1, 10));
    tl.last = tl.reviewed;
  }
  if (!reached(stage, 'DECIDED')) return tl;
  const earliestDecision = Math.max(tl.hearingWindowEnds, tl.hearing ? tl.hearing + 6 * DAY : 0, tl.reviewed ?? 0);
  tl.decided = later(earliestDecision, after(earliestDecision, 0.1, 5));
  tl.last = tl.decided;
  if (!reached(stage, 'SERVED')) return tl;
  let served = later(tl.decided, after(tl.decided, 0, 3));
  if (served > endOfWorkingDaysAfter(tl.decided, 7)) served = tl.decided + HOUR;
  tl.served = served;
  tl.last = served;
  if (shape.monetary && reached(stage, 'EXECUTING')) {
    let paid = later(served, after(served, 1, 12));
    if (paid > served + 15 * DAY) paid = served + 10 * DAY;
    tl.payment = paid;
    tl.last = paid;
  }
  if (stage === 'CLOSED') {
    tl.closed = later(tl.last, after(tl.last, 1, 8));
    tl.last = tl.closed;
  }
  return tl;
}

function anchorTime(tl: Timeline, anchor: Anchor): number {
  switch (anchor) {
    case 'reg':
      return tl.reg;
    case 'filed':
      return tl.filed ?? tl.reg;
    case 'lastEvidence':
      return tl.evidence[tl.evidence.length - 1] ?? tl.filed ?? tl.reg;
    case 'notified':
      return tl.notified ?? tl.last;
    case 'reviewed':
      return tl.reviewed ?? tl.last;
    case 'decided':
      return tl.decided ?? tl.last;
    case 'served':
      return tl.served ?? tl.last;
    case 'payment':
      return tl.payment ?? tl.last;
    case 'submitted':
      return tl.transfer?.submitted ?? tl.last;
    case 'underReview':
      return tl.transfer?.underReview ?? tl.last;
  }
}

/** Picks the registration so the case sits where its stage says (recent tail, overdue, anywhere). */
function placeTimeline(plan: CasePlan, shape: Shape): Timeline {
  const r = plan.rng;
  const u = Array.from({ length: 48 }, () => r.next());
  const pos = r.next();
  for (const scale of [1, 0.75, 0.5, 0.3]) {
    const trial = buildTimeline(sh(2026, 3, 2, 10), shape, u, scale);
    const span = trial.last - trial.reg;
    let reg: number;
    if (plan.mode.kind === 'ANY') {
      reg = START + pos * Math.max(0, HORIZON - START - span - 2 * DAY);
    } else if (plan.mode.kind === 'RECENT') {
      const offset = anchorTime(trial, plan.mode.anchor) - trial.reg;
      reg = HORIZON - pos * plan.mode.maxDays * DAY - offset - 2 * HOUR;
    } else {
      const offset = (trial.filed ?? trial.reg) - trial.reg;
      reg = HORIZON - (96 + pos * 50) * DAY - offset;
    }
    reg = Math.max(reg, START);
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const tl = buildTimeline(reg, shape, u, scale);
      const decisionOk = !tl.decided || !tl.filed || tl.decided - tl.filed <= 88 * DAY;
      if (tl.last <= HORIZON && decisionOk) return tl;
      if (!decisionOk) break;
      if (reg <= START) break;
      reg = Math.max(START, reg - (tl.last - HORIZON) - 3 * HOUR);
    }
  }
  throw new Error(`case plan ${plan.index} (${plan.stage}) does not fit between 2026-01-05 and 2026-11-18`);
}

// ───────────────────────────── the seed ─────────────────────────────

/** Every row the seed writes, table by table. */
export interface DemoRows {
  departments: Prisma.DepartmentCreateManyInput[];
  officers: Prisma.OfficerCreateManyInput[];
  powerItems: Prisma.PowerItemCreateManyInput[];
  tiers: Prisma.DiscretionTierCreateManyInput[];
  parties: Prisma.PartyCreateManyInput[];
  cases: Prisma.EnforcementCaseCreateManyInput[];
  caseParties: Prisma.CasePartyCreateManyInput[];
  caseOfficers: Prisma.CaseOfficerCreateManyInput[];
  evidence: Prisma.EvidenceCreateManyInput[];
  documents: Prisma.DocumentCreateManyInput[];
  legalReviews: Prisma.LegalReviewCreateManyInput[];
  decisions: Prisma.PenaltyDecisionCreateManyInput[];
  transfers: Prisma.TransferCreateManyInput[];
  materials: Prisma.TransferMaterialCreateManyInput[];
  statusChanges: Prisma.TransferStatusChangeCreateManyInput[];
  assistRequests: Prisma.AssistRequestCreateManyInput[];
  events: Prisma.CaseEventCreateManyInput[];
  agreements: Prisma.DataSharingAgreementCreateManyInput[];
}

/** Builds every row of the demo store in memory; exported for tests and for inspection. */
export function buildDemoData(options: SeedOptions = {}): DemoRows {
  const caseCount = options.cases ?? DEFAULT_CASES;
  if (!Number.isInteger(caseCount) || caseCount < 0 || caseCount > 5000) {
    throw new Error(`options.cases must be an integer from 0 to 5000, got ${String(options.cases)}`);
  }
  const rng = new Rng(SEED);

  const { rows: departmentRows, byCode: departments } = buildDepartments();
  const dept = (code: string): DepartmentRow => {
    const d = departments.get(code);
    if (!d) throw new Error(`unknown department ${code}`);
    return d;
  };
  const officers = buildOfficers(departments);
  const items = buildPowerItems();
  const itemByCode = new Map(items.map((i) => [i.seed.code, i]));
  const parties = generateParties(rng.fork('parties'));
  const partyByCode = new Map(parties.map((p) => [p.code, p]));
  const reviewers = officers.filter((o) => o.departmentCode === 'LH-CGJ' && o.post === 'REVIEWER');

  const teams: Team[] = STREET_TEAMS.map((t, index) => {
    const teamOfficers = officers.filter((o) => o.departmentCode === t.departmentCode);
    const head = teamOfficers.find((o) => o.post === 'HEAD') ?? teamOfficers[0];
    return {
      departmentId: dept(t.departmentCode).id,
      departmentCode: t.departmentCode,
      street: t.street,
      caseCode: t.caseCode,
      index,
      head,
      officers: teamOfficers,
    };
  });
  const teamByCode = new Map(teams.map((t) => [t.departmentCode, t]));

  const rows: DemoRows = {
    departments: departmentRows,
    officers: officers.map((o) => ({
      id: o.id,
      badgeNo: o.badgeNo,
      name: o.name,
      departmentId: dept(o.departmentCode).id,
      active: true,
      createdAt: new Date(REFERENCE_CREATED),
    })),
    powerItems: items.map((i) => ({
      id: i.id,
      code: i.seed.code,
      name: i.seed.name,
      category: i.seed.category,
      legalBasis: i.seed.legalBasis,
      penaltyBasis: i.seed.penaltyBasis,
      permitTypes: i.seed.permitTypes,
      active: true,
      createdAt: new Date(REFERENCE_CREATED),
    })),
    tiers: items.flatMap((i) =>
      i.tiers.map((t) => ({
        id: t.id,
        powerItemId: i.id,
        level: t.level,
        name: t.name,
        circumstance: t.circumstance,
        penaltyKind: t.penaltyKind,
        fineMin: t.fineMin,
        fineMax: t.fineMax,
        requiresLegalReview: t.requiresLegalReview,
      })),
    ),
    parties: [],
    cases: [],
    caseParties: [],
    caseOfficers: [],
    evidence: [],
    documents: [],
    legalReviews: [],
    decisions: [],
    transfers: [],
    materials: [],
    statusChanges: [],
    assistRequests: [],
    events: [],
    agreements: [
      {
        id: uuidFor('agreement:DSA-LH-2026-001'),
        agreementNo: 'DSA-LH-2026-001',
        departmentId: dept('LH-SCJG').id,
        purpose: '市场主体信用监管',
        categories: ['EDUCATION_TRAINING', 'AFTER_SCHOOL_CARE', 'GAS', 'CITY_APPEARANCE'],
        fields: [...DEMO_AGREEMENT_FIELDS['DSA-LH-2026-001']],
        validFrom: new Date(sh(2026, 1, 1)),
        validTo: new Date(sh(2028, 1, 1) - 1),
        createdAt: new Date(sh(2025, 12, 20, 10)),
      },
      {
        id: uuidFor('agreement:DSA-LH-2026-002'),
        agreementNo: 'DSA-LH-2026-002',
        departmentId: dept('LH-GTZY').id,
        purpose: '查违协同',
        categories: ['ILLEGAL_CONSTRUCTION', 'QUARRYING'],
        fields: [...DEMO_AGREEMENT_FIELDS['DSA-LH-2026-002']],
        validFrom: new Date(sh(2026, 1, 1)),
        validTo: new Date(sh(2027, 1, 1) - 1),
        createdAt: new Date(sh(2025, 12, 20, 10, 30)),
      },
    ],
  };

  // ── plan the cases ──
  const quotas = stageQuotas(caseCount);
  const plans: CasePlan[] = [];
  const itemsByCategory = new Map<PowerCategory, ItemRow[]>();
  for (const i of items) itemsByCategory.set(i.seed.category, [...(itemsByCategory.get(i.seed.category) ?? []), i]);
  const take = (stage: CaseStage): boolean => {
    const left = quotas.get(stage) ?? 0;
    if (left <= 0) return false;
    quotas.set(stage, left - 1);
    return true;
  };
  const planRng = rng.fork('plans');
  const gh = teamByCode.get('LH-GH') as Team;

  if (caseCount >= 20) {
    for (const story of STORIES) {
      if (!take(story.stage)) continue;
      const item = itemByCode.get(story.itemCode);
      if (!item) throw new Error(`story names unknown power item ${story.itemCode}`);
      const index = plans.length;
      plans.push({
        index,
        rng: rng.fork(`case:${index}`),
        team: gh,
        item,
        stage: story.stage,
        source: story.source,
        tierLevel: story.tierLevel,
        serious: false,
        mode: openMode(story.stage, false, story.transferStatus),
        story,
        transferStatus: story.transferStatus,
      });
    }
  }

  const remaining: CaseStage[] = [];
  for (const [stage, count] of quotas) for (let i = 0; i < count; i += 1) remaining.push(stage);
  const stageOrder = planRng.shuffle(remaining);
  const overdueLeft = new Map<CaseStage, number>();
  for (const s of ['FILED', 'INVESTIGATING', 'NOTIFIED'] as const) {
    const total = stageOrder.filter((x) => x === s).length;
    overdueLeft.set(s, total >= 2 ? Math.max(1, Math.floor(total / 4)) : 0);
  }
  const uncovered = planRng.shuffle(CATEGORY_WEIGHTS.map(([c]) => c));
  const transferItems = items.filter((i) => i.seed.transferCharges);
  const transferCycle: TransferStatus[] = ['FILED', 'RECEIVED', 'UNDER_REVIEW', 'FILED'];
  let transferN = 0;
  let teamCursor = 0;
  let teamOrder = planRng.shuffle(teams);

  for (const stage of stageOrder) {
    if (teamCursor === teamOrder.length) {
      teamOrder = planRng.shuffle(teams);
      teamCursor = 0;
    }
    const team = teamOrder[teamCursor++];
    let item: ItemRow;
    if (stage === 'TRANSFERRED') {
      item = planRng.pick(transferItems);
    } else {
      const category = uncovered.length ? (uncovered.shift() as PowerCategory) : planRng.weighted(CATEGORY_WEIGHTS);
      const candidates = itemsByCategory.get(category) ?? [];
      item = planRng.weighted(candidates.map((c, i) => [c, candidates.length - i] as const));
    }
    // Remove the category from the coverage list if it came up by weight.
    const at = uncovered.indexOf(item.seed.category);
    if (at >= 0) uncovered.splice(at, 1);

    const top = item.tiers.length;
    let tierLevel: number;
    if (stage === 'TRANSFERRED') tierLevel = top;
    else if (stage === 'LEGAL_REVIEW') tierLevel = planRng.chance(0.8) ? top : planRng.int(1, top);
    else tierLevel = planRng.weighted([[1, 25], [Math.max(1, Math.round(top / 2)), 55], [top, 20]] as const);
    if (stage === 'EXECUTING') {
      const monetary = item.tiers.filter((t) => t.fineMax !== null && Number(t.fineMax) > 0);
      if (!monetary.some((t) => t.level === tierLevel)) tierLevel = planRng.pick(monetary).level;
    }
    const tier = item.tiers[tierLevel - 1];
    let serious = !tier.requiresLegalReview && planRng.chance(0.06);
    if (stage === 'LEGAL_REVIEW' && !tier.requiresLegalReview) serious = true;

    let overdue = false;
    if ((stage === 'FILED' || stage === 'INVESTIGATING' || stage === 'NOTIFIED') && (overdueLeft.get(stage) ?? 0) > 0) {
      overdue = true;
      overdueLeft.set(stage, (overdueLeft.get(stage) ?? 0) - 1);
    }
    const transferStatus = stage === 'TRANSFERRED' ? transferCycle[transferN++ % transferCycle.length] : undefined;
    const index = plans.length;
    plans.push({
      index,
      rng: rng.fork(`case:${index}`),
      team,
      item,
      stage,
      source: planRng.weighted(sourceWeights(item.seed.category)),
      tierLevel,
      serious,
      mode: openMode(stage, overdue, transferStatus),
      transferStatus,
    });
  }
  // Every source at least once (the weights make this near certain; small runs need the nudge).
  for (const source of SOURCES) {
    if (plans.some((p) => p.source === source) || plans.length < SOURCES.length) continue;
    const counts = new Map<CaseSource, number>();
    for (const p of plans) counts.set(p.source, (counts.get(p.source) ?? 0) + 1);
    const donor = plans.find(
      (p) => !p.story && (counts.get(p.source) ?? 0) > 1 && (sourceWeights(p.item.seed.category).find(([s]) => s === source)?.[1] ?? 0) > 0,
    );
    if (donor) donor.source = source;
  }

  // ── lay out each case ──
  interface Laid {
    plan: CasePlan;
    shape: Shape;
    tl: Timeline;
    tier: TierSeed & { id: string };
    officers: OfficerRow[];
    parties: Array<{ party: PartyRow; role: PartyRole }>;
    place: { address: string; community: string; road: string; lng: number; lat: number };
    fine: number;
    confiscated: number;
    evidenceKinds: EvidenceKind[];
  }
  const respondentUses = new Map<string, number>();
  const laid: Laid[] = plans.map((plan) => {
    const r = plan.rng;
    const item = plan.item;
    const tier = item.tiers[plan.tierLevel - 1];
    const investigated = reached(plan.stage, 'INVESTIGATING');
    const fine = decideFine(r, item.seed, tier);
    const confiscated = tier.penaltyKind === 'CONFISCATION' ? roundTo(r.range(500, 6000) * tier.level, 100) : 0;
    const monetary = fine > 0;
    const hearing =
      reached(plan.stage, 'NOTIFIED') &&
      plan.stage !== 'TRANSFERRED' &&
      (fine >= 10000 || tier.penaltyKind === 'REVOCATION' || tier.penaltyKind === 'BUSINESS_RESTRICTION') &&
      r.chance(0.3);
    const evidenceKinds = investigated ? chooseEvidence(r, item.seed, plan.source, plan.story) : [];
    const shape: Shape = {
      stage: plan.stage,
      source: plan.source,
      evidenceCount: evidenceKinds.length,
      reviewNeeded: tier.requiresLegalReview || plan.serious,
      hearing,
      monetary,
      transferStatus: plan.transferStatus,
    };
    const tl = placeTimeline(plan, shape);

    // officers: 2–3 of the team (never its head, who signs decisions); the first one leads
    const pool = plan.team.officers.filter((o) => o.post !== 'HEAD');
    const caseOfficers = r.shuffle(pool).slice(0, r.chance(0.35) ? 3 : 2);

    // parties
    const caseParties: Array<{ party: PartyRow; role: PartyRole }> = [];
    if (plan.story) {
      for (const code of plan.story.respondents) {
        const p = partyByCode.get(code);
        if (!p) throw new Error(`story names unknown party ${code}`);
        caseParties.push({ party: p, role: 'RESPONDENT' });
      }
    } else {
      caseParties.push({ party: chooseRespondent(r, parties, item.seed, plan.team.street, respondentUses), role: 'RESPONDENT' });
      if (r.chance(0.22)) {
        const others = parties.filter(
          (p) => !p.fixed && p.kind === 'PERSON' && p.street === plan.team.street && !caseParties.some((c) => c.party.id === p.id),
        );
        if (others.length) caseParties.push({ party: r.pick(others), role: 'RELATED' });
      }
    }

    const place = plan.story?.address
      ? { address: plan.story.address.text, ...plan.story.address }
      : choosePlace(r, item.seed, plan.team.street);
    return { plan, shape, tl, tier, officers: caseOfficers, parties: caseParties, place, fine, confiscated, evidenceKinds };
  });

  // ── numbers: case numbers per street, documents per prefix and kind, transfers, payments ──
  const caseNoOf = new Map<number, string>();
  for (const team of teams) {
    laid
      .filter((l) => l.plan.team === team)
      .sort((a, b) => a.tl.reg - b.tl.reg || a.plan.index - b.plan.index)
      .forEach((l, i) => caseNoOf.set(l.plan.index, `${team.caseCode}-2026-${String(i + 1).padStart(5, '0')}`));
  }

  interface DocPlan {
    caseIndex: number;
    kind: DocumentKind;
    at: number;
    title: string;
    prefix: string;
    key: string;
  }
  const docPlans: DocPlan[] = [];
  for (const l of laid) {
    const { plan, tl } = l;
    const caseNo = caseNoOf.get(plan.index) as string;
    const pre = `深龙${plan.team.street}综执`;
    const add = (kind: DocumentKind, at: number | undefined, title: string, code: string, key: string = kind): void => {
      if (at === undefined) return;
      docPlans.push({ caseIndex: plan.index, kind, at, title, prefix: code === 'REVIEW' ? '深龙城管法审' : `${pre}${code}`, key });
    };
    const noPenalty = l.tier.penaltyKind === 'NO_PENALTY';
    add('FILING_APPROVAL', tl.filed, '立案审批表', '立');
    add('NOT_FILED_DECISION', tl.declined, '不予立案审批表', '不立');
    add('INSPECTION_RECORD', tl.evidence[0], '现场检查（勘验）笔录', '检');
    const statementAt = l.evidenceKinds.indexOf('PARTY_STATEMENT');
    if (statementAt >= 0) add('INQUIRY_RECORD', tl.evidence[statementAt], `询问笔录（${l.parties[0].party.name}）`, '询');
    add('PRIOR_NOTICE', tl.notified, noPenalty ? '不予行政处罚事先告知书' : '行政处罚事先告知书', '告');
    if (tl.notified !== undefined && (l.fine >= 10000 || l.tier.penaltyKind === 'REVOCATION' || l.tier.penaltyKind === 'BUSINESS_RESTRICTION')) {
      add('HEARING_NOTICE', tl.notified, '行政处罚听证告知书', '听告');
    }
    add('LEGAL_REVIEW_OPINION', tl.reviewed, '法制审核意见书', 'REVIEW');
    add('PENALTY_DECISION', tl.decided, `${noPenalty ? '不予行政处罚决定书' : '行政处罚决定书'}（${caseNo}）`, '罚决');
    add('SERVICE_RECEIPT', tl.served, '送达回证', '送');
    add('CLOSING_REPORT', tl.closed, '结案报告', '结');
    add('TRANSFER_LETTER', tl.transfer?.approved, '涉嫌犯罪案件移送书', '移');
  }
  const docNoByCaseKey = new Map<string, string>();
  const docCounters = new Map<string, number>();
  for (const d of [...docPlans].sort((a, b) => a.at - b.at || a.caseIndex - b.caseIndex)) {
    const n = (docCounters.get(d.prefix) ?? 0) + 1;
    docCounters.set(d.prefix, n);
    docNoByCaseKey.set(`${d.caseIndex}:${d.key}`, `${d.prefix}〔2026〕${n}号`);
  }

  const transferNoOf = new Map<number, string>();
  laid
    .filter((l) => l.tl.transfer)
    .sort((a, b) => (a.tl.transfer?.submitted ?? 0) - (b.tl.transfer?.submitted ?? 0))
    .forEach((l, i) => transferNoOf.set(l.plan.index, `YS-LH-2026-${String(i + 1).padStart(4, '0')}`));

  const paymentNoOf = new Map<number, string>();
  laid
    .filter((l) => l.tl.payment !== undefined)
    .sort((a, b) => (a.tl.payment ?? 0) - (b.tl.payment ?? 0))
    .forEach((l, i) => paymentNoOf.set(l.plan.index, `4403092026${l.plan.team.index + 1}${String(i + 1).padStart(9, '0')}`));

  const letterCounters = new Map<string, number>();
  const hotlineCounters = new Map<string, number>();

  // ── assist requests: pick cases and times before writing events ──
  const assists = planAssists(rng.fork('assists'), laid.map((l) => ({ index: l.plan.index, stage: l.plan.stage, tl: l.tl, item: l.plan.item.seed, hasPerson: l.parties.some((p) => p.party.kind === 'PERSON') })), caseCount);
  const assistsByCase = new Map<number, AssistPlan[]>();
  for (const a of assists) assistsByCase.set(a.caseIndex, [...(assistsByCase.get(a.caseIndex) ?? []), a]);

  // ── rows ──
  const firstUse = new Map<string, number>();
  for (const l of laid) {
    const { plan, tl, tier, place } = l;
    const r = plan.rng.fork(`rows:${plan.index}`);
    const item = plan.item.seed;
    const caseNo = caseNoOf.get(plan.index) as string;
    const caseId = uuidFor(`case:${caseNo}`);
    const team = plan.team;
    const lead = l.officers[0];
    const respondent = l.parties[0].party;
    const docNo = (key: string): string => {
      const v = docNoByCaseKey.get(`${plan.index}:${key}`);
      if (!v) throw new Error(`no document number for ${caseNo} ${key}`);
      return v;
    };
    for (const p of l.parties) firstUse.set(p.party.id, Math.min(firstUse.get(p.party.id) ?? Infinity, tl.reg));

    // source reference
    let sourceRef: string | null = null;
    const handing = plan.source === 'DEPT_TRANSFER' ? dept(HANDING_DEPARTMENT[item.category]) : null;
    switch (plan.source) {
      case 'HOTLINE_12345': {
        const day = compactDate(tl.discovered);
        const n = (hotlineCounters.get(day) ?? 100 + r.int(0, 300)) + r.int(7, 60);
        hotlineCounters.set(day, n);
        sourceRef = `GD${day}${String(n).padStart(6, '0')}`;
        break;
      }
      case 'DIGITAL_CITY':
        sourceRef = `SZCG${compactDate(tl.discovered)}${r.digits(4)}`;
        break;
      case 'VIDEO_DETECTION':
        sourceRef = `AIV-${team.caseCode}-${compactDate(tl.discovered)}-${r.digits(4)}`;
        break;
      case 'DEPT_TRANSFER': {
        const code = HANDING_DEPARTMENT[item.category];
        const n = (letterCounters.get(code) ?? 0) + r.int(1, 9);
        letterCounters.set(code, n);
        sourceRef = `${HANDING_LETTER_PREFIX[code] ?? '深龙函'}〔2026〕${n}号`;
        break;
      }
      case 'CITIZEN_REPORT':
        sourceRef = r.chance(0.6) ? `JB${compactDate(tl.discovered)}${r.digits(3)}` : null;
        break;
      case 'PATROL':
        sourceRef = null;
        break;
    }

    // facts
    const ctx: FactContext = {
      party: respondent.name,
      place: place.address,
      community: place.community,
      road: place.road,
      level: plan.tierLevel,
      date: chineseDate(tl.discovered),
      int: (a, b) => r.int(a, b),
      pick: <T>(xs: ReadonlyArray<T>) => r.pick(xs),
    };
    const finding = plan.story?.facts ? plan.story.facts(chineseDate(tl.discovered)) : r.pick(item.facts)(ctx);
    const checked = plan.stage !== 'RECEIVED' && plan.stage !== 'NOT_FILED';
    const opening = sourceOpening(plan.source, checked, tl.discovered, sourceRef, place.address, handing?.name ?? '', lead.name, l.officers[1].name);
    const notFiledReason = plan.stage === 'NOT_FILED' ? r.pick(NOT_FILED_REASONS) : null;
    const clue = `${place.address}疑似存在${item.act}行为，涉及${respondent.name}。`;
    const facts = plan.story?.facts
      ? finding
      : notFiledReason
        ? `${opening}${clue}受理后核查结论：${notFiledReason}。`
        : checked
          ? `${opening}${finding}`
          : `${opening}${clue}`;
    const summary = plan.story?.summary ?? `${respondent.name}${item.act}案`;

    const investigated = reached(plan.stage, 'INVESTIGATING');

    // events (collected with their times, then sorted and chained)
    interface Step {
      at: number;
      order: number;
      type: CaseEventType;
      stageAfter: CaseStage | null;
      actor: OfficerRow;
      actorDept: string;
      payload: Record<string, unknown>;
      reason?: string | null;
    }
    const steps: Step[] = [];
    let order = 0;
    const step = (s: Omit<Step, 'order'>): void => {
      steps.push({ ...s, order: order++ });
    };
    step({
      at: tl.reg,
      type: 'REGISTERED',
      stageAfter: 'RECEIVED',
      actor: lead,
      actorDept: team.departmentCode,
      payload: {
        caseNo,
        source: plan.source,
        sourceRef,
        powerItemCode: item.code,
        officers: l.officers.map((o) => o.badgeNo),
        partyIds: l.parties.map((p) => p.party.id),
      },
    });
    if (tl.declined !== undefined) {
      step({
        at: tl.declined,
        type: 'DECLINED',
        stageAfter: 'NOT_FILED',
        actor: lead,
        actorDept: team.departmentCode,
        payload: { docNo: docNo('NOT_FILED_DECISION') },
        reason: notFiledReason,
      });
    }
    if (tl.filed !== undefined) {
      step({
        at: tl.filed,
        type: 'FILED',
        stageAfter: 'FILED',
        actor: lead,
        actorDept: team.departmentCode,
        payload: { note: `经审批同意立案调查（${docNo('FILING_APPROVAL')}）`, docNo: docNo('FILING_APPROVAL') },
      });
    }

    // evidence
    l.evidenceKinds.forEach((kind, k) => {
      const at = tl.evidence[k];
      const collector = l.officers[k % l.officers.length];
      const id = uuidFor(`evidence:${caseNo}:${k + 1}`);
      const sha256 = r.hex(64);
      const file = evidenceFile(r, kind, at, caseNo, respondent.name, sourceRef);
      rows.evidence.push({
        id,
        caseId,
        kind,
        description: evidenceDescription(r, kind, item, respondent.name, plan.story?.witness, plan.source, sourceRef),
        sha256,
        fileName: file.name,
        size: file.size,
        collectorId: collector.id,
        collectedAt: new Date(at),
        createdAt: new Date(at),
      });
      step({
        at,
        type: 'EVIDENCE_ADDED',
        stageAfter: 'INVESTIGATING',
        actor: collector,
        actorDept: team.departmentCode,
        payload: { evidenceId: id, kind, sha256, collector: collector.badgeNo },
      });
    });

    // notification, hearing, review
    const proposedFine = l.fine > 0 ? yuan(l.fine) : null;
    if (tl.notified !== undefined) {
      step({
        at: tl.notified,
        type: 'PARTY_NOTIFIED',
        stageAfter: 'NOTIFIED',
        actor: lead,
        actorDept: team.departmentCode,
        payload: {
          tierLevel: tier.level,
          proposedPenalty: tier.penaltyKind,
          proposedFine,
          method: r.pick(['IN_PERSON', 'IN_PERSON', 'BY_POST', 'ELECTRONIC']),
          hearingWindowEnds: new Date(tl.hearingWindowEnds as number).toISOString(),
          docNo: docNo('PRIOR_NOTICE'),
        },
      });
    }
    if (tl.hearing !== undefined) {
      step({
        at: tl.hearing,
        type: 'HEARING_REQUESTED',
        stageAfter: null,
        actor: lead,
        actorDept: team.departmentCode,
        payload: { partyId: respondent.id, requestedIn: 'WRITING' },
      });
    }
    let reviewId: string | null = null;
    if (tl.reviewed !== undefined) {
      const reviewer = reviewers[plan.index % reviewers.length];
      reviewId = uuidFor(`legal-review:${caseNo}:1`);
      const comments = `事实清楚，证据确凿，适用依据正确，程序合法，拟按自由裁量基准第${tier.level}档"${tier.name}"处理裁量适当，同意作出决定。`;
      rows.legalReviews.push({ id: reviewId, caseId, reviewer: reviewer.badgeNo, opinion: 'APPROVED', comments, reviewedAt: new Date(tl.reviewed) });
      step({
        at: tl.reviewed,
        type: 'LEGAL_REVIEWED',
        stageAfter: 'LEGAL_REVIEW',
        actor: reviewer,
        actorDept: 'LH-CGJ',
        payload: { reviewId, opinion: 'APPROVED', docNo: docNo('LEGAL_REVIEW_OPINION') },
        reason: comments,
      });
    }

    // decision, service, execution, closing
    let paidTotal = 0;
    if (tl.decided !== undefined) {
      const decisionId = uuidFor(`decision:${caseNo}`);
      const decisionNo = docNo('PENALTY_DECISION');
      const serviceMethod: ServiceMethod | null =
        tl.served !== undefined ? r.weighted<ServiceMethod>([['IN_PERSON', 60], ['ELECTRONIC', 20], ['BY_POST', 12], ['LEFT_AT_DOMICILE', 8]]) : null;
      const fullyPaid = plan.stage === 'CLOSED' || (plan.stage === 'EXECUTING' && r.chance(0.4));
      const paid = tl.payment === undefined ? 0 : fullyPaid ? l.fine : roundTo(l.fine * r.range(0.3, 0.7), 100);
      rows.decisions.push({
        id: decisionId,
        caseId,
        decisionNo,
        kind: tier.penaltyKind,
        fineAmount: yuan(l.fine),
        confiscatedAmount: yuan(l.confiscated),
        basis: item.penaltyBasis,
        reasoning: decisionReasoning(respondent.name, item, tier, l.fine, l.confiscated, r),
        decidedAt: new Date(tl.decided),
        decidedBy: team.head.badgeNo,
        servedAt: tl.served !== undefined ? new Date(tl.served) : null,
        serviceMethod,
        paidAmount: yuan(paid),
        paidAt: tl.payment !== undefined ? new Date(tl.payment) : null,
      });
      step({
        at: tl.decided,
        type: 'DECIDED',
        stageAfter: 'DECIDED',
        actor: team.head,
        actorDept: team.departmentCode,
        payload: {
          decisionId,
          decisionNo,
          kind: tier.penaltyKind,
          fineAmount: yuan(l.fine),
          confiscatedAmount: yuan(l.confiscated),
          partyWaivedRights: false,
        },
      });
      if (tl.served !== undefined) {
        step({
          at: tl.served,
          type: 'SERVED',
          stageAfter: 'SERVED',
          actor: lead,
          actorDept: team.departmentCode,
          payload: { method: serviceMethod, docNo: docNo('SERVICE_RECEIPT') },
        });
      }
      if (tl.payment !== undefined) {
        step({
          at: tl.payment,
          type: 'EXECUTION_RECORDED',
          stageAfter: 'EXECUTING',
          actor: lead,
          actorDept: team.departmentCode,
          payload: {
            amountPaid: yuan(paid),
            paidTotal: yuan(paid),
            outstanding: yuan(l.fine - paid),
            note: paid < l.fine ? '当事人申请分期缴纳罚款，经批准首期已缴' : '当事人已通过非税收入缴款系统缴清罚款',
            receiptNo: paymentNoOf.get(plan.index) ?? null,
          },
        });
        rows.documents.push({
          id: uuidFor(`document:${caseNo}:PAYMENT_RECEIPT`),
          caseId,
          kind: 'PAYMENT_RECEIPT',
          docNo: paymentNoOf.get(plan.index) as string,
          title: '罚没款缴款凭证',
          issuedAt: new Date(tl.payment),
          sha256: r.hex(64),
          createdAt: new Date(tl.payment),
        });
        paidTotal = paid;
      }
      if (tl.closed !== undefined) {
        step({
          at: tl.closed,
          type: 'CLOSED',
          stageAfter: 'CLOSED',
          actor: lead,
          actorDept: team.departmentCode,
          payload: {
            summary: l.fine > 0 ? '罚款已全部缴纳，行政处罚决定执行完毕，予以结案' : '处理决定已送达，当事人已改正违法行为，予以结案',
            docNo: docNo('CLOSING_REPORT'),
          },
        });
      }
    }

    // transfer (两法衔接)
    let transferredAt: number | null = null;
    if (tl.transfer) {
      const tt = tl.transfer;
      const transferNo = transferNoOf.get(plan.index) as string;
      const transferId = uuidFor(`transfer:${transferNo}`);
      const platformTransferId = `LFXJ-440309-2026-${String(plan.index + 1).padStart(6, '0')}`;
      const charges = item.transferCharges ?? ['非法经营罪'];
      const status = plan.transferStatus ?? 'RECEIVED';
      const history: Array<{ status: TransferStatus; at: number; sequence: number | null; detail?: Record<string, unknown> }> = [
        { status: 'PENDING_APPROVAL', at: tt.requested, sequence: null },
        { status: 'APPROVED', at: tt.approved, sequence: null, detail: { approvedBy: team.head.badgeNo } },
        { status: 'SUBMITTED', at: tt.submitted, sequence: null },
        { status: 'RECEIVED', at: tt.received, sequence: 1 },
      ];
      if (tt.underReview !== undefined) history.push({ status: 'UNDER_REVIEW', at: tt.underReview, sequence: 2 });
      const filedCaseNo = `A4403095000002026${String(plan.index + 1).padStart(5, '0')}`;
      if (tt.policeFiled !== undefined) history.push({ status: 'FILED', at: tt.policeFiled, sequence: 3, detail: { filedCaseNo } });
      const amount =
        plan.story?.amountInvolved ?? (item.category === 'GAS' || item.category === 'INTERNET_CAFE' ? yuan(roundTo(r.range(30000, 260000), 100)) : null);
      rows.transfers.push({
        id: transferId,
        caseId,
        kind: 'JUDICIAL',
        transferNo,
        fromDepartmentId: team.departmentId,
        toDepartmentId: dept('LH-GAJ').id,
        receivingUnit: '深圳市公安局龙华分局',
        suspectedCharges: charges,
        facts,
        amountInvolved: amount,
        status,
        sequence: history.filter((h) => h.sequence !== null).length,
        platformTransferId,
        requestedBy: lead.badgeNo,
        requestedAt: new Date(tt.requested),
        approvedBy: team.head.badgeNo,
        approvedAt: new Date(tt.approved),
        submittedAt: new Date(tt.submitted),
        receivedAt: new Date(tt.received),
        decisionDueAt: new Date(tt.decisionDue),
        decidedAt: tt.policeFiled !== undefined ? new Date(tt.policeFiled) : null,
        detail: tt.policeFiled !== undefined ? { filedCaseNo } : undefined,
        updatedAt: new Date(history[history.length - 1].at),
      });
      history.forEach((h, i) => {
        rows.statusChanges.push({
          id: uuidFor(`transfer-status:${transferNo}:${i + 1}`),
          transferId,
          status: h.status,
          sequence: h.sequence,
          eventId: h.sequence !== null ? `evt_${platformTransferId}_${h.sequence}` : null,
          detail: h.detail as Prisma.InputJsonValue | undefined,
          occurredAt: new Date(h.at),
          recordedAt: new Date(h.at + (h.sequence !== null ? r.int(2, 40) * 1000 : 0)),
        });
      });
      const materials: Array<[MaterialKind, string]> = [
        ['TRANSFER_LETTER', '涉嫌犯罪案件移送书'],
        ['INVESTIGATION_REPORT', '涉嫌犯罪案件情况的调查报告'],
        ['EVIDENCE_LIST', '涉案物品清单'],
        ['INSPECTION_REPORT', '检验报告或鉴定结论'],
      ];
      materials.forEach(([kind, title], i) => {
        const uploadedAt = tt.approved + (i + 1) * 3 * MINUTE;
        rows.materials.push({
          id: uuidFor(`transfer-material:${transferNo}:${kind}`),
          transferId,
          kind,
          fileName: `${title}.pdf`,
          contentType: 'application/pdf',
          sha256: r.hex(64),
          size: r.int(180_000, 4_800_000),
          storagePath: `transfers/${transferNo}/${kind.toLowerCase()}.pdf`,
          uploadId: `UP${compactDateTime(uploadedAt)}${r.hex(10).toUpperCase()}`,
          createdAt: new Date(uploadedAt),
        });
      });
      transferredAt = tt.submitted;
      step({
        at: tt.submitted,
        type: 'TRANSFERRED',
        stageAfter: 'TRANSFERRED',
        actor: lead,
        actorDept: team.departmentCode,
        payload: { transferId, transferNo, kind: 'JUDICIAL', receivingUnit: '深圳市公安局龙华分局', suspectedCharges: charges },
      });
    }

    // assist requests
    for (const a of assistsByCase.get(plan.index) ?? []) {
      const id = uuidFor(`assist:${caseNo}:${a.seq}`);
      const to = dept(a.toDepartment);
      rows.assistRequests.push({
        id,
        caseId,
        fromDepartmentId: team.departmentId,
        toDepartmentId: to.id,
        kind: a.kind,
        question: a.question(respondent.name, place.address),
        dueAt: new Date(a.dueAt),
        status: a.status,
        reply: a.reply ?? null,
        declineReason: a.declineReason ?? null,
        requestedBy: lead.badgeNo,
        requestedAt: new Date(a.requestedAt),
        acceptedAt: a.acceptedAt !== undefined ? new Date(a.acceptedAt) : null,
        repliedAt: a.repliedAt !== undefined ? new Date(a.repliedAt) : null,
        closedAt: a.closedAt !== undefined ? new Date(a.closedAt) : null,
        externalRef: a.externalRef ?? null,
        externalStatus: a.externalStatus ?? null,
        updatedAt: new Date(Math.max(a.requestedAt, a.acceptedAt ?? 0, a.repliedAt ?? 0, a.closedAt ?? 0)),
      });
      step({
        at: a.requestedAt,
        type: 'ASSIST_REQUESTED',
        stageAfter: null,
        actor: lead,
        actorDept: team.departmentCode,
        payload: { assistRequestId: id, toDepartment: a.toDepartment, kind: a.kind, dueAt: new Date(a.dueAt).toISOString() },
      });
    }

    // documents
    for (const d of docPlans.filter((x) => x.caseIndex === plan.index)) {
      rows.documents.push({
        id: uuidFor(`document:${caseNo}:${d.key}`),
        caseId,
        kind: d.kind,
        docNo: docNo(d.key),
        title: d.title,
        issuedAt: new Date(d.at),
        sha256: r.hex(64),
        createdAt: new Date(d.at),
      });
    }

    // chain the history
    steps.sort((a, b) => a.at - b.at || a.order - b.order);
    let tip: ChainTip | null = null;
    let stage: CaseStage | null = null;
    let lastAt = 0;
    for (const s of steps) {
      const occurredAt = Math.max(s.at, lastAt + MINUTE);
      lastAt = occurredAt;
      const stageAfter: CaseStage = s.stageAfter ?? (stage as CaseStage);
      const event = buildCaseEvent(tip, {
        caseId,
        type: s.type,
        stageBefore: stage,
        stageAfter,
        payload: s.payload,
        reason: s.reason ?? null,
        actorSub: s.actor.badgeNo,
        actorDept: s.actorDept,
        occurredAt: new Date(occurredAt),
      });
      rows.events.push({
        id: uuidFor(`event:${caseNo}:${event.seq}`),
        caseId,
        seq: event.seq,
        type: event.type,
        stageBefore: event.stageBefore,
        stageAfter: event.stageAfter,
        payload: event.payload as Prisma.InputJsonValue,
        reason: event.reason,
        actorSub: event.actorSub,
        actorDept: event.actorDept,
        occurredAt: event.occurredAt,
        prevHash: event.prevHash,
        hash: event.hash,
      });
      tip = { seq: event.seq, hash: event.hash };
      stage = stageAfter;
    }
    if (stage !== plan.stage) throw new Error(`${caseNo}: history ends in ${String(stage)}, planned ${plan.stage}`);

    const closedAt = tl.closed ?? tl.declined ?? null;
    const executedAt =
      plan.stage === 'CLOSED'
        ? (tl.payment ?? tl.closed ?? null)
        : plan.stage === 'EXECUTING' && paidTotal === l.fine
          ? (tl.payment ?? null)
          : null;
    rows.cases.push({
      id: caseId,
      caseNo,
      source: plan.source,
      sourceRef,
      powerItemId: plan.item.id,
      tierId: investigated ? tier.id : null,
      departmentId: team.departmentId,
      stage: plan.stage,
      summary,
      facts,
      address: place.address,
      street: team.street,
      lng: place.lng.toFixed(6),
      lat: place.lat.toFixed(6),
      serious: plan.serious,
      discoveredAt: new Date(tl.discovered),
      registeredAt: new Date(tl.reg),
      filedAt: tl.filed !== undefined ? new Date(tl.filed) : null,
      notFiledReason,
      notifiedAt: tl.notified !== undefined ? new Date(tl.notified) : null,
      hearingRequested: tl.hearing !== undefined,
      reviewedAt: tl.reviewed !== undefined ? new Date(tl.reviewed) : null,
      decidedAt: tl.decided !== undefined ? new Date(tl.decided) : null,
      servedAt: tl.served !== undefined ? new Date(tl.served) : null,
      executedAt: executedAt !== null ? new Date(executedAt) : null,
      closedAt: closedAt !== null ? new Date(closedAt) : null,
      transferredAt: transferredAt !== null ? new Date(transferredAt) : null,
      version: steps.length,
      updatedAt: new Date(lastAt),
    });
    l.parties.forEach((p) => rows.caseParties.push({ caseId, partyId: p.party.id, role: p.role }));
    l.officers.forEach((o, i) => rows.caseOfficers.push({ caseId, officerId: o.id, lead: i === 0 }));
  }

  rows.parties = parties.map((p) => ({
    id: p.id,
    kind: p.kind,
    code: p.code,
    name: p.name,
    legalRepName: p.legalRepName,
    phone: p.phone,
    address: p.address,
    // A party is recorded with the first case that names it (the examples' government units: with the reference data).
    createdAt: new Date(firstUse.get(p.id) ?? REFERENCE_CREATED),
  }));
  rows.cases.sort((a, b) => (a.caseNo < b.caseNo ? -1 : 1));
  return rows;
}

function openMode(stage: CaseStage, overdue: boolean, transferStatus?: TransferStatus): OpenMode {
  if (overdue) return { kind: 'OVERDUE' };
  switch (stage) {
    case 'RECEIVED':
      return { kind: 'RECENT', anchor: 'reg', maxDays: 6 };
    case 'FILED':
      return { kind: 'RECENT', anchor: 'filed', maxDays: 12 };
    case 'INVESTIGATING':
      return { kind: 'RECENT', anchor: 'lastEvidence', maxDays: 25 };
    case 'NOTIFIED':
      return { kind: 'RECENT', anchor: 'notified', maxDays: 10 };
    case 'LEGAL_REVIEW':
      return { kind: 'RECENT', anchor: 'reviewed', maxDays: 5 };
    case 'DECIDED':
      return { kind: 'RECENT', anchor: 'decided', maxDays: 3 };
    case 'SERVED':
      return { kind: 'RECENT', anchor: 'served', maxDays: 10 };
    case 'EXECUTING':
      return { kind: 'RECENT', anchor: 'payment', maxDays: 12 };
    case 'TRANSFERRED':
      if (transferStatus === 'RECEIVED') return { kind: 'RECENT', anchor: 'submitted', maxDays: 1.5 };
      if (transferStatus === 'UNDER_REVIEW') return { kind: 'RECENT', anchor: 'underReview', maxDays: 2 };
      return { kind: 'ANY' };
    default:
      return { kind: 'ANY' };
  }
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function decideFine(r: Rng, item: PowerItemSeed, tier: TierSeed): number {
  if (tier.fineMin === null || tier.fineMax === null) return 0;
  const min = Number(tier.fineMin);
  const max = Number(tier.fineMax);
  const step = item.code === 'LH-QZ-0301-001' ? 1000 : max <= 2000 ? 50 : max <= 20000 ? 100 : max <= 200000 ? 1000 : 10000;
  const lo = Math.ceil(min / step);
  const hi = Math.floor(max / step);
  const amount = r.int(lo, hi) * step;
  return amount > 0 ? amount : hi * step;
}

function chooseEvidence(r: Rng, item: PowerItemSeed, source: CaseSource, story?: StorySpec): EvidenceKind[] {
  if (story?.evidence) return story.evidence.slice(0, 4);
  const count = r.weighted([[1, 15], [2, 35], [3, 35], [4, 15]] as const);
  const kinds: EvidenceKind[] = [];
  if (source === 'VIDEO_DETECTION') kinds.push('ELECTRONIC_DATA');
  kinds.push(item.evidence[0]);
  for (const k of r.shuffle(item.evidence.slice(1))) if (!kinds.includes(k)) kinds.push(k);
  const chosen = [...new Set(kinds)].slice(0, count);
  return chosen.length ? chosen : [item.evidence[0]];
}

function chooseRespondent(r: Rng, all: PartyRow[], item: PowerItemSeed, street: string, uses: Map<string, number>): PartyRow {
  // The contract examples' parties appear only in their own stories.
  const parties = all.filter((p) => !p.fixed);
  const wantsPerson = item.businesses.length === 0 || r.chance(item.personShare);
  const candidates = wantsPerson
    ? parties.filter((p) => p.kind === 'PERSON')
    : parties.filter((p) => p.kind === 'ORGANISATION' && p.tag !== undefined && p.tag !== 'government' && item.businesses.includes(p.tag as BusinessTag));
  const pool = candidates.length ? candidates : parties.filter((p) => p.kind === 'PERSON');
  const local = pool.filter((p) => p.street === street);
  const from = local.length && r.chance(0.7) ? local : pool;
  // Repeat offenders exist, but the more cases a party already has, the less likely another.
  const chosen = r.weighted(from.map((p) => [p, 1 / (1 + 2 * (uses.get(p.id) ?? 0))] as const));
  uses.set(chosen.id, (uses.get(chosen.id) ?? 0) + 1);
  return chosen;
}

function choosePlace(r: Rng, item: PowerItemSeed, street: string): { address: string; community: string; road: string; lng: number; lat: number } {
  const places = STREET_PLACES[street];
  const c = r.pick(places.communities);
  const road = r.pick(c.roads);
  const base = `深圳市龙华区${street}街道${c.name}社区`;
  let address: string;
  switch (item.place) {
    case 'SHOPFRONT':
      address = `${base}${road}${r.int(1, 380)}号`;
      break;
    case 'ROADSIDE': {
      const x = r.next();
      address =
        x < 0.5
          ? `${base}${road}${r.int(1, 380)}号门前人行道`
          : x < 0.75
            ? `${base}${road}${r.pick(places.metroExits)}附近`
            : `${base}${r.pick(places.markets)}周边${road}路段`;
      break;
    }
    case 'SITE':
      address = `${base}${r.pick(places.sites)}`;
      break;
    case 'RESIDENCE':
      address = `${base}${r.pick(c.villages)}${r.int(1, 40)}栋${r.int(2, 9)}0${r.int(1, 6)}`;
      break;
    case 'INDUSTRIAL':
      address = `${base}${r.pick(places.industrialParks)}${r.int(1, 18)}栋旁空地`;
      break;
    case 'HILL':
      address = `${base}${r.pick(places.hills)}（${road}以${r.pick(['东', '西', '南', '北'])}）`;
      break;
    case 'RIVER':
      address = `${base}${r.pick(places.rivers)}${road}段`;
      break;
    case 'VILLAGE':
      address = `${base}${r.pick(c.villages)}${r.pick(['一', '二', '三', '四', '五', '六'])}巷${r.int(1, 40)}号`;
      break;
  }
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  return {
    address,
    community: c.name,
    road,
    lng: clamp(c.lng + r.range(-0.005, 0.005), 114.0005, 114.0995),
    lat: clamp(c.lat + r.range(-0.004, 0.004), 22.6005, 22.7495),
  };
}

/** How the facts open: where the clue came from, and whether officers have checked it on site. */
function sourceOpening(
  source: CaseSource,
  checked: boolean,
  discovered: number,
  ref: string | null,
  place: string,
  handingDept: string,
  lead: string,
  second: string,
): string {
  const date = chineseDate(discovered);
  const time = chineseTime(discovered);
  if (!checked) {
    switch (source) {
      case 'PATROL':
        return `${date}${time}，执法队员${lead}、${second}巡查时发现疑似违法线索：`;
      case 'CITIZEN_REPORT':
        return `${date}，市民举报${ref ? `（登记号${ref}）` : ''}反映：`;
      case 'DIGITAL_CITY':
        return `${date}，数字城管平台派遣案件（编号${ref}）反映：`;
      case 'HOTLINE_12345':
        return `${date}，12345热线工单（${ref}）反映：`;
      case 'DEPT_TRANSFER':
        return `${date}，${handingDept}以《${ref}》移交线索反映：`;
      case 'VIDEO_DETECTION':
        return `${date}${time}，视频智能识别系统在${place}告警（${ref}）：`;
    }
  }
  switch (source) {
    case 'PATROL':
      return `${date}${time}，执法队员${lead}、${second}在日常巡查中发现：`;
    case 'CITIZEN_REPORT':
      return `${date}，接市民举报${ref ? `（登记号${ref}）` : ''}反映${place}存在违法行为，执法队员到场核查发现：`;
    case 'DIGITAL_CITY':
      return `${date}，数字城管平台派遣案件（编号${ref}），执法队员到场核查发现：`;
    case 'HOTLINE_12345':
      return `${date}，接12345热线工单（${ref}）反映，执法队员到场核查发现：`;
    case 'DEPT_TRANSFER':
      return `${date}，${handingDept}以《${ref}》移交案件线索，执法队员到场核查发现：`;
    case 'VIDEO_DETECTION':
      return `${date}${time}，视频智能识别系统在${place}抓拍到疑似违法行为并告警（${ref}），执法队员到场核查发现：`;
  }
}

function evidenceDescription(
  r: Rng,
  kind: EvidenceKind,
  item: PowerItemSeed,
  respondent: string,
  witness: string | undefined,
  source: CaseSource,
  ref: string | null,
): string {
  switch (kind) {
    case 'PHOTO':
      return `${item.scene}照片（${r.int(3, 16)}张）`;
    case 'VIDEO':
      return `执法记录仪拍摄的${item.scene}视频`;
    case 'INSPECTION_RECORD':
      return `现场检查（勘验）笔录：${item.scene}`;
    case 'PARTY_STATEMENT':
      return `当事人${respondent}询问笔录`;
    case 'WITNESS_STATEMENT':
      return `证人${witness ?? personName(r, r.chance(0.5))}证言笔录`;
    case 'DOCUMENTARY':
      return item.documentary;
    case 'PHYSICAL':
      return item.physical ?? '涉案物品照片及清单';
    case 'EXPERT_OPINION':
      return item.expert ?? '鉴定意见';
    case 'ELECTRONIC_DATA':
      return source === 'VIDEO_DETECTION' && ref ? `视频智能识别告警截图及原始视频（${ref}）` : `${item.scene}监控视频调取记录`;
    case 'PERMIT_CHECK':
      return `行政许可信息共享平台核查结果：${item.permitTypes[0] ?? '相关许可'}${item.holdsPermit ? '许可有效，但现场情况超出许可核准的范围' : '，未查询到当事人的有效许可'}`;
  }
}

function evidenceFile(r: Rng, kind: EvidenceKind, at: number, caseNo: string, party: string, ref: string | null): { name: string; size: number } {
  const stamp = compactDateTime(at);
  switch (kind) {
    case 'PHOTO':
      return { name: `现场照片_${stamp}.zip`, size: r.int(4_000_000, 48_000_000) };
    case 'VIDEO':
      return { name: `DSJ_${stamp}.mp4`, size: r.int(30_000_000, 420_000_000) };
    case 'INSPECTION_RECORD':
      return { name: `现场检查笔录_${caseNo}.pdf`, size: r.int(120_000, 900_000) };
    case 'PARTY_STATEMENT':
      return { name: `询问笔录_${party}.pdf`, size: r.int(150_000, 1_200_000) };
    case 'WITNESS_STATEMENT':
      return { name: `证人证言_${caseNo}.pdf`, size: r.int(120_000, 800_000) };
    case 'DOCUMENTARY':
      return { name: `书证_${caseNo}.pdf`, size: r.int(300_000, 6_000_000) };
    case 'PHYSICAL':
      return { name: `物证清单及照片_${caseNo}.pdf`, size: r.int(500_000, 9_000_000) };
    case 'EXPERT_OPINION':
      return { name: `鉴定意见_${caseNo}.pdf`, size: r.int(400_000, 5_000_000) };
    case 'ELECTRONIC_DATA':
      return { name: `${ref ?? `电子数据_${caseNo}`}.zip`, size: r.int(8_000_000, 160_000_000) };
    case 'PERMIT_CHECK':
      return { name: `许可核查_${caseNo}.json`, size: r.int(2_000, 24_000) };
  }
}

function decisionReasoning(respondent: string, item: PowerItemSeed, tier: TierSeed, fine: number, confiscated: number, r: Rng): string {
  let outcome: string;
  switch (tier.penaltyKind) {
    case 'NO_PENALTY':
      outcome = '不予行政处罚，并对当事人进行批评教育';
      break;
    case 'WARNING':
      outcome = '给予警告';
      break;
    case 'FINE':
      outcome = `处罚款人民币${yuan(fine)}元`;
      break;
    case 'CONFISCATION':
      outcome = `没收违法所得及非法财物（折合人民币${yuan(confiscated)}元）${fine > 0 ? `，并处罚款人民币${yuan(fine)}元` : ''}`;
      break;
    case 'REVOCATION':
      outcome = `吊销${item.permitTypes[0] ?? ''}许可证件，并处罚款人民币${yuan(fine)}元`;
      break;
    case 'BUSINESS_RESTRICTION':
      outcome = `责令停业整顿${r.pick([7, 15, 30])}日${fine > 0 ? `，并处罚款人民币${yuan(fine)}元` : ''}`;
      break;
    case 'SUSPENSION':
      outcome = `暂扣${item.permitTypes[0] ?? ''}许可证件`;
      break;
  }
  return `当事人${respondent}${item.act}的行为，违反了${item.legalBasis}的规定。经调查，当事人的违法情节属于本事项自由裁量基准第${tier.level}档"${tier.name}"情形（${tier.circumstance}）。依据${item.penaltyBasis}，决定${outcome}。`;
}

// ───────────────────────────── assist requests (协办) ─────────────────────────────

interface AssistCandidate {
  index: number;
  stage: CaseStage;
  tl: Timeline;
  item: PowerItemSeed;
  hasPerson: boolean;
}

interface AssistPlan {
  caseIndex: number;
  seq: number;
  kind: AssistKind;
  toDepartment: string;
  status: AssistStatus;
  requestedAt: number;
  dueAt: number;
  acceptedAt?: number;
  repliedAt?: number;
  closedAt?: number;
  reply?: string;
  declineReason?: string;
  externalRef?: string;
  externalStatus?: string;
  question: (party: string, place: string) => string;
}

function assistTarget(r: Rng, item: PowerItemSeed, hasPerson: boolean): { kind: AssistKind; to: string } {
  const options: Array<{ kind: AssistKind; to: string }> = [];
  switch (item.category) {
    case 'GAS':
      options.push({ kind: 'PERMIT_VERIFICATION', to: 'LH-ZJJ' }, { kind: 'ONSITE_SUPPORT', to: 'LH-GAJ' });
      break;
    case 'ILLEGAL_CONSTRUCTION':
    case 'QUARRYING':
    case 'FORESTRY':
      options.push({ kind: 'EXPERT_DETERMINATION', to: 'LH-GTZY' });
      break;
    case 'RIVER_CHANNEL':
      options.push({ kind: 'EXPERT_DETERMINATION', to: 'LH-SWJ' });
      break;
    case 'WASTE_BURNING':
    case 'OTHER':
      options.push({ kind: 'EXPERT_DETERMINATION', to: 'LH-STHJ' });
      break;
    case 'EDUCATION_TRAINING':
    case 'AFTER_SCHOOL_CARE':
      options.push({ kind: 'PERMIT_VERIFICATION', to: 'LH-JYJ' }, { kind: 'DATA_REQUEST', to: 'LH-SCJG' });
      break;
    case 'INTERNET_CAFE':
    case 'CULTURE':
      options.push({ kind: 'PERMIT_VERIFICATION', to: 'LH-WTJ' });
      break;
    case 'CONSTRUCTION_WASTE':
    case 'INTERIOR_RENOVATION':
    case 'HOUSING_RENTAL':
      options.push({ kind: 'DATA_REQUEST', to: 'LH-ZJJ' });
      break;
    case 'ROAD_OCCUPATION':
      options.push({ kind: 'ONSITE_SUPPORT', to: 'LH-GAJ' });
      break;
    default:
      options.push({ kind: 'DATA_REQUEST', to: 'LH-SCJG' });
  }
  if (hasPerson) options.push({ kind: 'IDENTITY_CHECK', to: 'LH-GAJ' });
  return r.pick(options);
}

const ASSIST_QUESTIONS: Readonly<Record<AssistKind, (party: string, place: string) => string>> = {
  IDENTITY_CHECK: (party) => `当事人${party}拒绝出示身份证件，请协助核实其身份信息（仅需核验结果）。`,
  PERMIT_VERIFICATION: (party) => `请协助核实${party}是否取得相关行政许可及许可的有效期、核准范围。`,
  ONSITE_SUPPORT: (party, place) => `拟于近日对${place}${party}的违法行为依法采取强制措施，当事人曾有暴力抗法倾向，请派员到场保障。`,
  EXPERT_DETERMINATION: (_party, place) => `请对${place}的涉案情况出具专业认定意见（性质、范围及面积/数量）。`,
  DATA_REQUEST: (party) => `请提供${party}的登记备案信息及近两年相关监管记录，用于案件调查。`,
};

const ASSIST_REPLIES: Readonly<Record<AssistKind, string>> = {
  IDENTITY_CHECK: '经核验，当事人提供的姓名与身份证号码一致（MATCH）。',
  PERMIT_VERIFICATION: '经查询，当事人未取得相关许可（或许可已过期），详见附件查询截图。',
  ONSITE_SUPPORT: '已安排辖区派出所民警2名按约定时间到场保障，现场秩序良好，行动已完成。',
  EXPERT_DETERMINATION: '经现场勘查并比对规划及用地资料，认定涉案行为违法，涉及范围与执法队测量结果基本一致，认定意见书另行送达。',
  DATA_REQUEST: '已调取当事人登记备案信息及监管记录，通过政务数据共享平台推送，请查收。',
};

function planAssists(r: Rng, cases: AssistCandidate[], caseCount: number): AssistPlan[] {
  const total = caseCount >= 20 ? Math.max(5, Math.round(caseCount / 16)) : 0;
  if (total === 0) return [];
  // [status, overdue when still open]
  const pattern: Array<[AssistStatus, boolean]> = [
    ['REQUESTED', true],
    ['ACCEPTED', true],
    ['REPLIED', false],
    ['REPLIED', false],
    ['REQUESTED', false],
    ['DECLINED', false],
    ['ACCEPTED', false],
    ['REPLIED', false],
    ['WITHDRAWN', false],
    ['REPLIED', false],
    ['REQUESTED', true],
    ['REPLIED', false],
  ];
  const statuses = Array.from({ length: total }, (_, i) => pattern[i % pattern.length]);

  const open = r.shuffle(cases.filter((c) => (c.stage === 'FILED' || c.stage === 'INVESTIGATING' || c.stage === 'NOTIFIED') && c.tl.filed !== undefined));
  const done = r.shuffle(cases.filter((c) => c.tl.evidence.length > 0 && c.stage !== 'FILED' && c.stage !== 'INVESTIGATING'));
  const used = new Map<number, number>();
  const out: AssistPlan[] = [];
  for (const [status, openOverdue] of statuses) {
    const isOpen = status === 'REQUESTED' || status === 'ACCEPTED';
    const pool = isOpen ? open : done;
    let placed = false;
    while (pool.length && !placed) {
      const c = pool.shift() as AssistCandidate;
      const filed = c.tl.filed as number;
      const { kind, to } = assistTarget(r, c.item, c.hasPerson);
      let requestedAt: number;
      if (isOpen) {
        // overdue ones were asked long enough ago that the due date has passed; others are fresh
        const earliest = filed + HOUR;
        const latest = HORIZON - (openOverdue ? 9 * DAY : 0);
        if (latest <= earliest) continue;
        requestedAt = snapWork(openOverdue ? earliest + r.next() * (latest - earliest) : Math.max(earliest, HORIZON - r.range(0.2, 1.5) * DAY));
        if (requestedAt > HORIZON) requestedAt = HORIZON - 2 * HOUR;
      } else {
        const end = c.tl.notified ?? c.tl.transfer?.requested ?? c.tl.last;
        const windowStart = filed + HOUR;
        const windowEnd = end - 6 * DAY;
        if (windowEnd <= windowStart) continue;
        requestedAt = snapWork(windowStart + r.next() * (windowEnd - windowStart));
        if (requestedAt >= end) continue;
      }
      const dueAt = endOfWorkingDaysAfter(requestedAt, kind === 'ONSITE_SUPPORT' ? 2 : 5);
      const plan: AssistPlan = {
        caseIndex: c.index,
        seq: (used.get(c.index) ?? 0) + 1,
        kind,
        toDepartment: to,
        status,
        requestedAt,
        dueAt,
        question: ASSIST_QUESTIONS[kind],
      };
      if (status === 'ACCEPTED' || status === 'REPLIED') {
        plan.acceptedAt = Math.min(snapWork(requestedAt + r.range(0.1, 1.2) * DAY), HORIZON - HOUR);
        if (plan.acceptedAt <= requestedAt) plan.acceptedAt = requestedAt + 30 * MINUTE;
      }
      if (status === 'REPLIED') {
        const acceptedAt = plan.acceptedAt as number;
        plan.repliedAt = snapWork(acceptedAt + r.range(0.3, r.chance(0.2) ? 9 : 4) * DAY);
        plan.closedAt = plan.repliedAt;
        plan.reply = ASSIST_REPLIES[kind];
      }
      if (status === 'DECLINED') {
        plan.closedAt = snapWork(requestedAt + r.range(0.2, 2) * DAY);
        plan.declineReason = '该事项不属于本单位职责范围，建议向属地主管部门提出。';
      }
      if (status === 'WITHDRAWN') plan.closedAt = snapWork(requestedAt + r.range(0.2, 2) * DAY);
      if (to === 'LH-GAJ' && kind === 'ONSITE_SUPPORT') {
        plan.externalRef = `ZC${compactDate(requestedAt)}${r.digits(4)}`;
        plan.externalStatus =
          status === 'REQUESTED' ? 'SUBMITTED' : status === 'ACCEPTED' ? 'ACCEPTED' : status === 'REPLIED' ? 'COMPLETED' : 'DECLINED';
      }
      const latestTime = Math.max(plan.acceptedAt ?? 0, plan.repliedAt ?? 0, plan.closedAt ?? 0);
      if (latestTime > HORIZON) continue;
      used.set(c.index, plan.seq);
      out.push(plan);
      placed = true;
    }
  }
  return out;
}

// ───────────────────────────── writing ─────────────────────────────

async function existingSummary(prisma: PrismaClient): Promise<SeedSummary> {
  const [departments, officers, powerItems, parties, cases, events] = await Promise.all([
    prisma.department.count(),
    prisma.officer.count(),
    prisma.powerItem.count(),
    prisma.party.count(),
    prisma.enforcementCase.count(),
    prisma.caseEvent.count(),
  ]);
  return { departments, officers, powerItems, parties, cases, events, skipped: true };
}

/**
 * Seeds the demo data into an empty store. Does nothing (skipped: true) when any department
 * exists, including when another process seeds at the same moment and wins the race.
 */
export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  await seedCalendar(prisma); // the working-day calendar for SQL (idempotent, also on an already seeded store)
  await seedAgreements(prisma); // demo agreements of older stores get catalogue field paths (idempotent)
  if ((await prisma.department.count()) > 0) return existingSummary(prisma);
  const rows = buildDemoData(options);
  try {
    await prisma.$transaction([
      prisma.department.createMany({ data: rows.departments }),
      prisma.officer.createMany({ data: rows.officers }),
      prisma.powerItem.createMany({ data: rows.powerItems }),
      prisma.discretionTier.createMany({ data: rows.tiers }),
      prisma.party.createMany({ data: rows.parties }),
      prisma.enforcementCase.createMany({ data: rows.cases }),
      prisma.caseParty.createMany({ data: rows.caseParties }),
      prisma.caseOfficer.createMany({ data: rows.caseOfficers }),
      prisma.evidence.createMany({ data: rows.evidence }),
      prisma.document.createMany({ data: rows.documents }),
      prisma.legalReview.createMany({ data: rows.legalReviews }),
      prisma.penaltyDecision.createMany({ data: rows.decisions }),
      prisma.transfer.createMany({ data: rows.transfers }),
      prisma.transferMaterial.createMany({ data: rows.materials }),
      prisma.transferStatusChange.createMany({ data: rows.statusChanges }),
      prisma.assistRequest.createMany({ data: rows.assistRequests }),
      prisma.caseEvent.createMany({ data: rows.events }),
      prisma.dataSharingAgreement.createMany({ data: rows.agreements }),
      prisma.penaltyPublication.createMany({ data: buildSeedPublications(rows) }), // 双公示
      // A loaded machine (PGlite on 2 cores) can need more than Prisma's default 5 s.
    ], { timeout: 60_000, maxWait: 10_000 });
  } catch (err) {
    // Lost a race with another seeder: its rows are there, ours were rolled back.
    if ((err as { code?: string }).code === 'P2002' && (await prisma.department.count()) > 0) return existingSummary(prisma);
    throw err;
  }
  return {
    departments: rows.departments.length,
    officers: rows.officers.length,
    powerItems: rows.powerItems.length,
    parties: rows.parties.length,
    cases: rows.cases.length,
    events: rows.events.length,
    skipped: false,
  };
}
