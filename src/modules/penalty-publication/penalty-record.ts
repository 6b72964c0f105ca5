// 双公示 record building: the PenaltyRecordType of social-credit.wsdl built from a decided case,
// and the redaction the publication rules require. Pure: no database, no clock, no I/O — the
// delivery handler (publication-delivery.ts) and the demo seed (src/db/seed-publications.ts) feed
// it plain rows.
//
// Personal data (what is published, what is sent, what is scrubbed) — the reconciliation of the
// issue ("no ID number, phone or address of a natural person") with the contract (ID_REQUIRED:
// idType + idNumber are mandatory for NATURAL_PERSON):
// - The ID number of a natural person is sent ONLY in the two identity fields idType/idNumber,
//   because the contract makes them the platform's matching key for NATURAL_PERSON (the platform
//   does not publish the key in full). It never appears in any published text field.
// - Organisations (LEGAL_PERSON, INDIVIDUAL_BUSINESS): uscc and legalRepresentative (name only) are
//   sent; the legal representative's ID is optional in the contract and is NOT sent (minimum
//   necessary), so idType/idNumber stay empty for organisations.
// - Every published text field (partyName, violationType, facts, legalBasis, penaltyContent,
//   remarks) is scrubbed, for every record, of ID numbers (18- and 15-digit 居民身份证号) and
//   mainland phone numbers (mobile and landline): in a case file they belong to people (a shop
//   manager's mobile, a witness's ID) even when the party is an organisation.
// - For a natural person, addresses are scrubbed too: the party's address and the case's address
//   (each, and each shorter form of it, is cut back to its street — 街道/镇 — or removed), and
//   door-level details (…路12号, 7栋302, 501室) anywhere in the text. An organisation's business
//   premises and the place of the offence stay in its facts, as in the contract's example.
import { yuanToWan } from '../../../connectors/social-credit/amounts';
import { PENALTY_CATEGORIES, subjectTypeOfCode, type PenaltyCategory, type PenaltyRecord, type SubjectType } from '../../../connectors/social-credit/types';
import { shanghaiDate } from '../../domain/calendar';
import type { DepartmentKind, PenaltyKind } from '../../generated/prisma/enums';

// ───────────────────────────── input ─────────────────────────────

export interface RecordCase {
  caseNo: string;
  summary: string;
  facts: string | null;
  /** Place of the offence */
  address: string;
  /** 重大案件 */
  serious: boolean;
}

export interface RecordDecision {
  decisionNo: string;
  kind: PenaltyKind;
  /** Yuan with exactly 2 decimals ("5000.00"). */
  fineAmount: string;
  /** Yuan with exactly 2 decimals. */
  confiscatedAmount: string;
  /** 处罚依据 (the power item's penalty provision, copied into the decision) */
  basis: string;
  reasoning: string;
  decidedAt: Date;
}

export interface RecordParty {
  kind: 'PERSON' | 'ORGANISATION';
  /** 居民身份证号 or 统一社会信用代码 */
  code: string;
  name: string;
  legalRepName: string | null;
  phone: string | null;
  address: string | null;
}

export interface RecordPowerItem {
  /** 违法行为类型 as the power list names it */
  name: string;
  /** 违法依据 (the provision broken) */
  legalBasis: string;
}

export interface RecordDepartment {
  name: string;
  kind: DepartmentKind;
  uscc: string | null;
}

/** The permit a suspension or revocation affects (from the case's permit check). */
export interface RecordLicence {
  name: string;
  number: string;
}

export interface RecordSource {
  case: RecordCase;
  decision: RecordDecision;
  /** The respondent (当事人) the record is about. */
  party: RecordParty;
  powerItem: RecordPowerItem;
  /** The handling department. */
  department: RecordDepartment;
  licence?: RecordLicence | null;
}

/** The record cannot be built from the case as it stands (the data must be fixed first). */
export class RecordBuildError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecordBuildError';
  }
}

/** Decisions of these kinds are administrative penalties and are published; 不予处罚 is not. */
export function isPublishable(kind: PenaltyKind): boolean {
  return kind !== 'NO_PENALTY';
}

// ───────────────────────────── amounts ─────────────────────────────

const YUAN = /^(0|[1-9][0-9]{0,12})\.([0-9]{2})$/;
const UPPER_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['仟', '佰', '拾', ''];
const SECTION_UNITS = ['', '万', '亿', '万亿'];

function integerUpper(digits: string): string {
  const sections: string[] = [];
  for (let end = digits.length; end > 0; end -= 4) sections.unshift(digits.slice(Math.max(0, end - 4), end).padStart(4, '0'));
  let out = '';
  let zero = false;
  sections.forEach((section, i) => {
    if (Number(section) === 0) {
      if (out) zero = true;
      return;
    }
    for (let p = 0; p < 4; p += 1) {
      const d = Number(section[p]);
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += UPPER_DIGITS[d] + SMALL_UNITS[p];
    }
    out += SECTION_UNITS[sections.length - 1 - i];
  });
  return out;
}

/**
 * 人民币大写金额 as written on 行政处罚决定书 and cheques (支付结算办法): "5000.00" → 伍仟元整,
 * "186400.00" → 壹拾捌万陆仟肆佰元整, "1005.50" → 壹仟零伍元伍角整, "16409.02" → 壹万陆仟肆佰零玖元零贰分.
 */
export function chineseUpperAmount(yuan: string): string {
  const m = YUAN.exec(yuan);
  if (!m) throw new RangeError(`not a yuan amount with exactly 2 decimals: "${yuan}"`);
  const jiao = Number(m[2][0]);
  const fen = Number(m[2][1]);
  let out = m[1] === '0' ? '' : `${integerUpper(m[1])}元`;
  if (jiao === 0 && fen === 0) return `${out || '零元'}整`;
  if (jiao > 0) out += `${UPPER_DIGITS[jiao]}角`;
  else if (out) out += '零';
  out += fen > 0 ? `${UPPER_DIGITS[fen]}分` : '整';
  return out;
}

function positive(yuan: string): boolean {
  return /[1-9]/.test(yuan);
}

/** "人民币伍仟元整（5000.00元）" */
function rmb(yuan: string): string {
  return `人民币${chineseUpperAmount(yuan)}（${yuan}元）`;
}

// ───────────────────────────── dates ─────────────────────────────

/** 长期 in the 双公示 schema. */
export const INDEFINITE = '2099-12-31';

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole months, the day clamped to the month's end (2025-11-30 + 3 months = 2026-02-28), as the platform counts. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

// ───────────────────────────── penalty categories ─────────────────────────────

/** The operative part of a decision's text: what follows the last "决定" (the whole text if none). */
function operative(reasoning: string): string {
  const at = reasoning.lastIndexOf('决定');
  return at >= 0 ? reasoning.slice(at + 2) : reasoning;
}

/**
 * 处罚类别 (行政处罚法 Art. 9) of a decision, in the contract's order. The hub's PenaltyKind groups
 * two statutory kinds in some values; the decision's operative text says which one it is:
 * WARNING → WARNING (警告) and/or NOTICE_OF_CRITICISM (通报批评); CONFISCATION →
 * CONFISCATE_ILLEGAL_GAINS (违法所得) and/or CONFISCATE_ILLEGAL_PROPERTY (非法财物), gains when the text
 * names neither (the hub records a confiscated sum); SUSPENSION → SUSPEND_LICENCE, or
 * LOWER_QUALIFICATION (降低资质); REVOCATION → REVOKE_LICENCE; BUSINESS_RESTRICTION →
 * ORDER_SUSPEND_BUSINESS (停产停业/停业), ORDER_CLOSURE (责令关闭) or else RESTRICT_BUSINESS.
 * A fine or a confiscated sum on the decision adds FINE / a confiscation category, so that
 * FINE_AMOUNT_MISMATCH and CONFISCATED_AMOUNT_MISMATCH hold.
 */
export function penaltyCategoriesOf(decision: Pick<RecordDecision, 'kind' | 'fineAmount' | 'confiscatedAmount' | 'reasoning'>): PenaltyCategory[] {
  const text = operative(decision.reasoning);
  const out = new Set<PenaltyCategory>();
  switch (decision.kind) {
    case 'NO_PENALTY':
      break;
    case 'WARNING':
      if (text.includes('通报批评')) out.add('NOTICE_OF_CRITICISM');
      if (text.includes('警告') || !text.includes('通报批评')) out.add('WARNING');
      break;
    case 'FINE':
      out.add('FINE');
      break;
    case 'CONFISCATION':
      if (text.includes('违法所得')) out.add('CONFISCATE_ILLEGAL_GAINS');
      if (text.includes('非法财物')) out.add('CONFISCATE_ILLEGAL_PROPERTY');
      if (out.size === 0) out.add('CONFISCATE_ILLEGAL_GAINS');
      break;
    case 'SUSPENSION':
      if (text.includes('降低资质')) out.add('LOWER_QUALIFICATION');
      if (text.includes('暂扣') || !text.includes('降低资质')) out.add('SUSPEND_LICENCE');
      break;
    case 'REVOCATION':
      out.add('REVOKE_LICENCE');
      break;
    case 'BUSINESS_RESTRICTION':
      if (/停产|停业/.test(text)) out.add('ORDER_SUSPEND_BUSINESS');
      if (text.includes('责令关闭')) out.add('ORDER_CLOSURE');
      if (text.includes('限制开展生产经营') || out.size === 0) out.add('RESTRICT_BUSINESS');
      break;
  }
  if (out.size > 0 && positive(decision.fineAmount)) out.add('FINE');
  if (out.size > 0 && positive(decision.confiscatedAmount) && !out.has('CONFISCATE_ILLEGAL_GAINS') && !out.has('CONFISCATE_ILLEGAL_PROPERTY')) {
    out.add('CONFISCATE_ILLEGAL_GAINS');
  }
  return PENALTY_CATEGORIES.filter((c) => out.has(c));
}

/** A period stated after a keyword of the operative text ("责令停业整顿15日", "暂扣…3个月"). */
function statedPeriod(text: string, keyword: RegExp): { days?: number; months?: number } | null {
  const m = new RegExp(`(?:${keyword.source})[^，。；,;]{0,30}?(\\d+)\\s*(日|天|个月|年)`).exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === '个月') return { months: n };
  if (m[2] === '年') return { months: n * 12 };
  return { days: n };
}

function afterPeriod(date: string, period: { days?: number; months?: number } | null): string {
  if (!period) return INDEFINITE;
  return period.months !== undefined ? addMonths(date, period.months) : addDays(date, period.days ?? 0);
}

/**
 * 处罚有效期 (validUntil), the latest of the categories' own ends:
 * - WARNING, NOTICE_OF_CRITICISM, OTHER: the decision date (the penalty takes effect and ends with the decision);
 * - FINE and confiscations: decisionDate + 15 days, the payment period of Art. 67 (as in the contract's
 *   example: decided 2025-03-17, valid until 2025-04-01);
 * - ORDER_SUSPEND_BUSINESS, RESTRICT_BUSINESS, SUSPEND_LICENCE, RESTRICT_EMPLOYMENT: the period the
 *   decision states ("停业整顿15日", "暂扣…3个月"); 2099-12-31 (长期, until lifted) when it states none;
 * - REVOKE_LICENCE, ORDER_CLOSURE, LOWER_QUALIFICATION: 2099-12-31 (长期).
 */
export function validUntilOf(categories: readonly PenaltyCategory[], decisionDate: string, reasoning: string): string {
  const text = operative(reasoning);
  let latest = decisionDate;
  for (const c of categories) {
    let end: string;
    switch (c) {
      case 'FINE':
      case 'CONFISCATE_ILLEGAL_GAINS':
      case 'CONFISCATE_ILLEGAL_PROPERTY':
        end = addDays(decisionDate, 15);
        break;
      case 'ORDER_SUSPEND_BUSINESS':
        end = afterPeriod(decisionDate, statedPeriod(text, /停产|停业/));
        break;
      case 'RESTRICT_BUSINESS':
        end = afterPeriod(decisionDate, statedPeriod(text, /限制/));
        break;
      case 'SUSPEND_LICENCE':
        end = afterPeriod(decisionDate, statedPeriod(text, /暂扣/));
        break;
      case 'RESTRICT_EMPLOYMENT':
        end = afterPeriod(decisionDate, statedPeriod(text, /限制从业|从业/));
        break;
      case 'REVOKE_LICENCE':
      case 'ORDER_CLOSURE':
      case 'LOWER_QUALIFICATION':
        end = INDEFINITE;
        break;
      default:
        end = decisionDate;
    }
    if (end > latest) latest = end;
  }
  return latest;
}

/** 较大数额罚款 (the hearing thresholds the hub applies): fines from these amounts are not "light". */
export const LARGE_FINE_YUAN = { NATURAL_PERSON: 10_000, ORGANISATION: 100_000 } as const;

/**
 * Publicity period in months (publicUntil = decisionDate + this), within the contract's 3 months …
 * 3 years, following the national credit-repair rules for administrative penalty information:
 * - 36 (3 years): revocation, closure, lowered qualification or employment restriction (严重失信);
 * - 3: only a warning, a notice of criticism and/or a fine below 较大数额 (LARGE_FINE_YUAN), in a
 *   case that is not 重大 — as the contract's example (a 5,000-yuan fine published for 3 months);
 * - 12 (1 year): everything else (confiscation, suspension, business restriction, large fines, 重大案件).
 */
export function publicityMonths(categories: readonly PenaltyCategory[], fineYuan: string, partyCategory: SubjectType, serious: boolean): number {
  const severe: PenaltyCategory[] = ['REVOKE_LICENCE', 'ORDER_CLOSURE', 'LOWER_QUALIFICATION', 'RESTRICT_EMPLOYMENT'];
  if (categories.some((c) => severe.includes(c))) return 36;
  const light: PenaltyCategory[] = ['WARNING', 'NOTICE_OF_CRITICISM', 'FINE'];
  const threshold = partyCategory === 'NATURAL_PERSON' ? LARGE_FINE_YUAN.NATURAL_PERSON : LARGE_FINE_YUAN.ORGANISATION;
  if (!serious && categories.every((c) => light.includes(c)) && Number(fineYuan) < threshold) return 3;
  return 12;
}

// ───────────────────────────── texts ─────────────────────────────

/** "《城市道路管理条例》第三十一条" + "《城市道路管理条例》第四十二条第（六）项" → "《城市道路管理条例》第三十一条、第四十二条第（六）项". */
export function combinedLegalBasis(violated: string, penalty: string): string {
  const a = violated.trim();
  const b = penalty.trim();
  if (!a) return b;
  if (!b || a === b || a.includes(b)) return a;
  const lastClause = a.split(/[；;]/).pop()?.trim() ?? '';
  const law = /^《[^》]+》/.exec(lastClause)?.[0];
  if (law && b.startsWith(law) && !b.slice(law.length).includes('《')) return `${a}、${b.slice(law.length)}`;
  return `${a}；${b}`;
}

/** 处罚内容 in the usual wording, one clause per category: "罚款人民币伍仟元整（5000.00元）". */
export function penaltyContentOf(
  categories: readonly PenaltyCategory[],
  decision: Pick<RecordDecision, 'fineAmount' | 'confiscatedAmount' | 'reasoning'>,
  licence: RecordLicence | null,
): string {
  const text = operative(decision.reasoning);
  const licenceText = licence ? `${licence.name}（${licence.number}）` : '许可证件';
  const confiscated = positive(decision.confiscatedAmount) ? decision.confiscatedAmount : null;
  const parts: string[] = [];
  const gains = categories.includes('CONFISCATE_ILLEGAL_GAINS');
  const property = categories.includes('CONFISCATE_ILLEGAL_PROPERTY');
  for (const c of categories) {
    switch (c) {
      case 'WARNING':
        parts.push('警告');
        break;
      case 'NOTICE_OF_CRITICISM':
        parts.push('通报批评');
        break;
      case 'FINE':
        parts.push(positive(decision.fineAmount) ? `罚款${rmb(decision.fineAmount)}` : '罚款');
        break;
      case 'CONFISCATE_ILLEGAL_GAINS':
        if (property) parts.push(`没收违法所得及非法财物${confiscated ? `，折合${rmb(confiscated)}` : ''}`);
        else parts.push(`没收违法所得${confiscated ? rmb(confiscated) : ''}`);
        break;
      case 'CONFISCATE_ILLEGAL_PROPERTY':
        if (!gains) parts.push(`没收非法财物${confiscated ? `，折合${rmb(confiscated)}` : ''}`);
        break;
      case 'SUSPEND_LICENCE':
        parts.push(`暂扣${licenceText}`);
        break;
      case 'LOWER_QUALIFICATION':
        parts.push('降低资质等级');
        break;
      case 'REVOKE_LICENCE':
        parts.push(`吊销${licenceText}`);
        break;
      case 'RESTRICT_BUSINESS':
        parts.push('限制开展生产经营活动');
        break;
      case 'ORDER_SUSPEND_BUSINESS':
        parts.push(/责令停(?:产停)?业(?:整顿)?\d+\s*(?:日|天|个月)/.exec(text)?.[0] ?? '责令停产停业');
        break;
      case 'ORDER_CLOSURE':
        parts.push('责令关闭');
        break;
      case 'RESTRICT_EMPLOYMENT':
        parts.push('限制从业');
        break;
      case 'OTHER':
        parts.push('其他行政处罚');
        break;
    }
  }
  return parts.join('；');
}

// ───────────────────────────── redaction ─────────────────────────────

export const REDACTED = '***';

const NOT_ALNUM_BEFORE = '(?<![0-9A-Za-z])';
const NOT_ALNUM_AFTER = '(?![0-9A-Za-z])';
/** 18-digit 居民身份证号 (GB 11643, birth date shaped), then first-generation 15-digit numbers. */
const ID_18 = new RegExp(`${NOT_ALNUM_BEFORE}[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${NOT_ALNUM_AFTER}`, 'g');
const ID_15 = new RegExp(`${NOT_ALNUM_BEFORE}[1-9]\\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}${NOT_ALNUM_AFTER}`, 'g');
/** Mainland mobile numbers, with +86 and spaces or hyphens between digits (138 0256 7314). */
const MOBILE = new RegExp(`${NOT_ALNUM_BEFORE}(?:\\+?86[-\\s]?)?1[3-9]\\d(?:[-\\s]?\\d){8}${NOT_ALNUM_AFTER}`, 'g');
/** Landlines with an area code: 0755-28012356, (0755)28012356, 075528012356, with an extension. */
const LANDLINE = new RegExp(`${NOT_ALNUM_BEFORE}(?:[(（]0\\d{2,3}[)）]|0\\d{2,3})[-\\s]?\\d{7,8}(?:(?:-|转)\\d{1,6})?${NOT_ALNUM_AFTER}`, 'g');
/** Door-level details of a home: 7栋302, 3幢2单元501, 501室, 环观南路12号 → 环观南路***. */
const DOOR_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(大道|路|街|巷|弄|里)\s*\d+(?:[-－之]\d+)?\s*号(?:之\d+)?(?:\s*\d+\s*(?:栋|幢|座|单元|楼|层|室|房))*/g, `$1${REDACTED}`],
  [/\d+\s*(?:栋|幢|座)(?:\s*\d+\s*单元)?(?:\s*\d+\s*(?:楼|层|室|房|号))*(?:\s*\d+)?/g, REDACTED],
  [/\d+\s*单元\s*\d+\s*(?:室|房)?/g, REDACTED],
  [/\d{3,4}\s*(?:室|房)/g, REDACTED],
];

export interface RedactionContext {
  /** The record's party is a natural person: addresses are scrubbed as well. */
  naturalPerson: boolean;
  /** ID numbers and phones known from the case, removed in whatever form they are written. */
  knownNumbers: ReadonlyArray<string | null | undefined>;
  /** The person's address and the case's address (natural persons only). */
  addresses: ReadonlyArray<string | null | undefined>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A known number in any spacing: "138 0256 7314", "138-0256-7314", "13802567314". */
function numberPattern(n: string): RegExp | null {
  const chars = n.replace(/[\s-]/g, '');
  if (chars.length < 7) return null;
  return new RegExp(`${NOT_ALNUM_BEFORE}${[...chars].map(escapeRegExp).join('[-\\s]?')}${NOT_ALNUM_AFTER}`, 'gi');
}

/** The address and each shorter form of it (from each administrative level down), with what replaces it. */
function addressForms(address: string): Array<[string, string]> {
  const out = new Map<string, string>();
  const levels = /(?:省|自治区|市|区|县|街道|镇|乡|社区|村)/g;
  const cuts = [0];
  for (let m = levels.exec(address); m; m = levels.exec(address)) cuts.push(m.index + m[0].length);
  for (const cut of cuts) {
    const form = address.slice(cut).trim();
    if (form.length < 4) continue;
    const area = /^.*?(?:街道|镇|乡)/.exec(form)?.[0];
    out.set(form, area && area.length < form.length ? area : REDACTED);
  }
  return [...out.entries()].sort((a, b) => b[0].length - a[0].length);
}

/** Removes ID numbers and phone numbers (and, for a natural person, addresses) from a published text. */
export function redactText(text: string, ctx: RedactionContext): string {
  let out = text;
  if (ctx.naturalPerson) {
    for (const address of ctx.addresses) {
      if (!address) continue;
      for (const [form, area] of addressForms(address.trim())) out = out.split(form).join(area);
    }
  }
  for (const n of ctx.knownNumbers) {
    const p = n ? numberPattern(n) : null;
    if (p) out = out.replace(p, REDACTED);
  }
  out = out.replace(ID_18, REDACTED).replace(ID_15, REDACTED).replace(MOBILE, REDACTED).replace(LANDLINE, REDACTED);
  if (ctx.naturalPerson) {
    for (const [pattern, replacement] of DOOR_PATTERNS) out = out.replace(pattern, replacement);
  }
  return out;
}

/** The fields of a record that are published as text (and therefore redacted). */
export const PUBLISHED_TEXT_FIELDS = ['partyName', 'violationType', 'facts', 'legalBasis', 'penaltyContent', 'remarks'] as const;

// ───────────────────────────── the record ─────────────────────────────

/** The authority (处罚机关): a street team acts in the name of its street office (街道办事处). */
export function authorityNameOf(department: RecordDepartment): string {
  if (department.kind === 'STREET_TEAM' && department.name.endsWith('综合行政执法队')) {
    return `${department.name.slice(0, -'综合行政执法队'.length)}办事处`;
  }
  return department.name;
}

export function partyCategoryOf(party: Pick<RecordParty, 'kind' | 'code'>): SubjectType {
  return party.kind === 'PERSON' ? 'NATURAL_PERSON' : subjectTypeOfCode(party.code) === 'INDIVIDUAL_BUSINESS' ? 'INDIVIDUAL_BUSINESS' : 'LEGAL_PERSON';
}

/**
 * The PenaltyRecordType of a decision, field by field in the contract's order, redacted. Throws
 * RecordBuildError when the decision is not a penalty or the department has no USCC.
 */
export function buildPenaltyRecord(src: RecordSource): PenaltyRecord {
  const { decision, party, department } = src;
  if (!isPublishable(decision.kind)) {
    throw new RecordBuildError('NOT_A_PENALTY', `decision ${decision.decisionNo} is 不予处罚 (NO_PENALTY): nothing to publish`);
  }
  if (!department.uscc) {
    throw new RecordBuildError('AUTHORITY_USCC_MISSING', `the handling department ${department.name} has no 统一社会信用代码 configured`);
  }
  const partyCategory = partyCategoryOf(party);
  const natural = partyCategory === 'NATURAL_PERSON';
  const licence = src.licence ?? null;
  const categories = penaltyCategoriesOf(decision);
  const decisionDate = shanghaiDate(decision.decidedAt);
  const ctx: RedactionContext = {
    naturalPerson: natural,
    knownNumbers: [natural ? party.code : null, party.phone],
    addresses: natural ? [party.address, src.case.address] : [],
  };
  const clean = (text: string) => redactText(text, ctx);

  const record: PenaltyRecord = {
    partyName: clean(party.name),
    partyCategory,
    uscc: natural ? undefined : party.code,
    legalRepresentative: natural ? undefined : (party.legalRepName?.trim() || undefined),
    idType: natural ? 'ID_CARD' : undefined,
    idNumber: natural ? party.code : undefined,
    decisionNo: decision.decisionNo,
    violationType: clean(src.powerItem.name),
    facts: clean(src.case.facts?.trim() || src.case.summary),
    legalBasis: clean(combinedLegalBasis(src.powerItem.legalBasis, decision.basis)),
    penaltyCategories: categories,
    penaltyContent: clean(penaltyContentOf(categories, decision, licence)),
    fineAmount: categories.includes('FINE') && positive(decision.fineAmount) ? yuanToWan(decision.fineAmount) : undefined,
    confiscatedAmount:
      (categories.includes('CONFISCATE_ILLEGAL_GAINS') || categories.includes('CONFISCATE_ILLEGAL_PROPERTY')) && positive(decision.confiscatedAmount)
        ? yuanToWan(decision.confiscatedAmount)
        : undefined,
    licenceAffected:
      licence && (categories.includes('SUSPEND_LICENCE') || categories.includes('REVOKE_LICENCE')) ? `${licence.name}（${licence.number}）` : undefined,
    decisionDate,
    validUntil: validUntilOf(categories, decisionDate, decision.reasoning),
    publicUntil: addMonths(decisionDate, publicityMonths(categories, decision.fineAmount, partyCategory, src.case.serious)),
    authorityName: authorityNameOf(department),
    authorityUscc: department.uscc,
    sourceUnit: authorityNameOf(department),
    sourceUnitUscc: department.uscc,
  };
  // Optional fields that are absent are left out altogether (the client omits them on the wire).
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as unknown as PenaltyRecord;
}
