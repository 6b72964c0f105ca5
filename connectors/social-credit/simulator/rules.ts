// The platform's checks of a penalty report: synchronous ones (schema → INVALID_REQUEST, check
// characters → INVALID_CODE faults) and the asynchronous conditional-field rules of the
// PenaltyRecordType annotation, which end a report in REJECTED with {code, field, message}.
import { validateIdNumber, validateUscc } from '../../../src/domain/identifiers';
import { textOf } from '../errors';
import { ID_TYPES, PENALTY_CATEGORIES, SUBJECT_TYPES, type PenaltyCategory, type SubjectType } from '../types';
import { isCalendarDate } from '../wsdl';

/** A record as the simulator keeps it (texts as sent; optional fields null). */
export interface ReceivedRecord {
  partyName: string;
  partyCategory: SubjectType;
  uscc: string | null;
  legalRepresentative: string | null;
  idType: string | null;
  idNumber: string | null;
  decisionNo: string;
  violationType: string;
  facts: string;
  legalBasis: string;
  penaltyCategories: PenaltyCategory[];
  penaltyContent: string;
  fineAmount: string | null;
  confiscatedAmount: string | null;
  licenceAffected: string | null;
  decisionDate: string;
  validUntil: string;
  publicUntil: string;
  authorityName: string;
  authorityUscc: string;
  sourceUnit: string;
  sourceUnitUscc: string;
  remarks: string | null;
}

export interface RecordProblem {
  fault: 'INVALID_REQUEST' | 'INVALID_CODE';
  message: string;
}

export interface RejectReasonData {
  code: string;
  field?: string;
  message: string;
}

const WAN_AMOUNT = /^[0-9]{1,12}\.[0-9]{6}$/;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(rec: Obj, field: string): string | null {
  const v = textOf(rec[field]);
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Schema and check-character validation, in that order; null when the record may be accepted. */
export function readRecord(raw: unknown, today: Date): { record: ReceivedRecord } | { problem: RecordProblem } {
  const bad = (message: string) => ({ problem: { fault: 'INVALID_REQUEST' as const, message } });
  if (!isObj(raw)) return bad('缺少必填元素 record');
  const required = [
    'partyName',
    'partyCategory',
    'decisionNo',
    'violationType',
    'facts',
    'legalBasis',
    'penaltyContent',
    'decisionDate',
    'validUntil',
    'publicUntil',
    'authorityName',
    'authorityUscc',
    'sourceUnit',
    'sourceUnitUscc',
  ];
  for (const field of required) {
    if (text(raw, field) === null) return bad(`缺少必填元素 ${field}`);
  }
  const partyCategory = text(raw, 'partyCategory') as string;
  if (!(SUBJECT_TYPES as readonly string[]).includes(partyCategory)) return bad(`partyCategory 取值无效：${partyCategory}`);
  const idType = text(raw, 'idType');
  if (idType !== null && !(ID_TYPES as readonly string[]).includes(idType)) return bad(`idType 取值无效：${idType}`);
  const categoriesRaw = isObj(raw.penaltyCategories) ? raw.penaltyCategories.category : undefined;
  const categories = (Array.isArray(categoriesRaw) ? categoriesRaw : categoriesRaw === undefined || categoriesRaw === null ? [] : [categoriesRaw])
    .map((c) => textOf(c)?.trim() ?? '');
  if (categories.length === 0) return bad('penaltyCategories 至少包含一个 category');
  for (const c of categories) {
    if (!(PENALTY_CATEGORIES as readonly string[]).includes(c)) return bad(`penaltyCategories 取值无效：${c}`);
  }
  for (const field of ['fineAmount', 'confiscatedAmount']) {
    const v = text(raw, field);
    if (v !== null && !WAN_AMOUNT.test(v)) return bad(`${field} 须为万元金额、保留6位小数（如 0.500000），收到 ${v}`);
  }
  for (const field of ['decisionDate', 'validUntil', 'publicUntil']) {
    const v = text(raw, field) as string;
    if (!isCalendarDate(v)) return bad(`${field} 须为 YYYY-MM-DD 格式的日期`);
  }
  const record: ReceivedRecord = {
    partyName: text(raw, 'partyName') as string,
    partyCategory: partyCategory as SubjectType,
    uscc: text(raw, 'uscc'),
    legalRepresentative: text(raw, 'legalRepresentative'),
    idType,
    idNumber: text(raw, 'idNumber'),
    decisionNo: text(raw, 'decisionNo') as string,
    violationType: text(raw, 'violationType') as string,
    facts: text(raw, 'facts') as string,
    legalBasis: text(raw, 'legalBasis') as string,
    penaltyCategories: categories as PenaltyCategory[],
    penaltyContent: text(raw, 'penaltyContent') as string,
    fineAmount: text(raw, 'fineAmount'),
    confiscatedAmount: text(raw, 'confiscatedAmount'),
    licenceAffected: text(raw, 'licenceAffected'),
    decisionDate: text(raw, 'decisionDate') as string,
    validUntil: text(raw, 'validUntil') as string,
    publicUntil: text(raw, 'publicUntil') as string,
    authorityName: text(raw, 'authorityName') as string,
    authorityUscc: text(raw, 'authorityUscc') as string,
    sourceUnit: text(raw, 'sourceUnit') as string,
    sourceUnitUscc: text(raw, 'sourceUnitUscc') as string,
    remarks: text(raw, 'remarks'),
  };
  // Check characters: synchronous INVALID_CODE, message names the field and the code.
  for (const field of ['uscc', 'authorityUscc', 'sourceUnitUscc'] as const) {
    const code = record[field];
    if (code === null) continue;
    const problem = validateUscc(code);
    if (problem) return { problem: { fault: 'INVALID_CODE', message: `${field}“${code}”校验失败：${problem.message}` } };
  }
  if (record.idType === 'ID_CARD' && record.idNumber !== null) {
    const problem = validateIdNumber(record.idNumber, today);
    if (problem) return { problem: { fault: 'INVALID_CODE', message: `idNumber“${record.idNumber}”校验失败：${problem.message}` } };
  }
  return { record };
}

function positive(amount: string | null): boolean {
  return amount !== null && /[1-9]/.test(amount);
}

/** `YYYY-MM-DD` plus whole months, the day clamped to the month's end (2025-11-30 + 3 months = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface RuleContext {
  /** Asia/Shanghai calendar date of the check, `YYYY-MM-DD`. */
  today: string;
  /** Name registered under a USCC, when the platform knows it. */
  registeredName: (uscc: string) => string | undefined;
  /** Whether the reporting account may report for this authority. */
  authorised: (authorityUscc: string) => boolean;
}

/** The conditional-field rules of the PenaltyRecordType annotation; empty = publishable. */
export function checkPenaltyRules(r: ReceivedRecord, ctx: RuleContext): RejectReasonData[] {
  const out: RejectReasonData[] = [];
  const organisation = r.partyCategory === 'LEGAL_PERSON' || r.partyCategory === 'INDIVIDUAL_BUSINESS';
  const has = (c: PenaltyCategory) => r.penaltyCategories.includes(c);

  if (organisation && r.uscc === null) {
    out.push({ code: 'USCC_REQUIRED', field: 'uscc', message: '法人及非法人组织、个体工商户须填写统一社会信用代码' });
  } else if (!organisation && r.uscc !== null) {
    out.push({ code: 'USCC_REQUIRED', field: 'uscc', message: '行政相对人为自然人时不得填写统一社会信用代码' });
  }
  if (organisation && r.legalRepresentative === null) {
    out.push({ code: 'LEGAL_REPRESENTATIVE_REQUIRED', field: 'legalRepresentative', message: '法人及非法人组织、个体工商户须填写法定代表人（经营者）' });
  }
  if (!organisation && (r.idType === null || r.idNumber === null)) {
    out.push({ code: 'ID_REQUIRED', field: r.idType === null ? 'idType' : 'idNumber', message: '行政相对人为自然人时须填写证件类型和证件号码' });
  } else if (organisation && (r.idType === null) !== (r.idNumber === null)) {
    out.push({ code: 'ID_REQUIRED', field: r.idType === null ? 'idType' : 'idNumber', message: '证件类型与证件号码须同时填写' });
  }
  if (has('FINE') !== positive(r.fineAmount)) {
    out.push({
      code: 'FINE_AMOUNT_MISMATCH',
      field: 'fineAmount',
      message: has('FINE') ? '处罚类别包含罚款，但罚款金额为空或为0' : '处罚类别不含罚款，但填写了罚款金额',
    });
  }
  const confiscation = has('CONFISCATE_ILLEGAL_GAINS') || has('CONFISCATE_ILLEGAL_PROPERTY');
  if (confiscation !== positive(r.confiscatedAmount)) {
    out.push({
      code: 'CONFISCATED_AMOUNT_MISMATCH',
      field: 'confiscatedAmount',
      message: confiscation ? '处罚类别包含没收违法所得或没收非法财物，但没收金额为空或为0' : '处罚类别不含没收，但填写了没收金额',
    });
  }
  const licence = has('SUSPEND_LICENCE') || has('REVOKE_LICENCE');
  if (licence !== (r.licenceAffected !== null)) {
    out.push({
      code: 'LICENCE_REQUIRED',
      field: 'licenceAffected',
      message: licence ? '处罚类别包含暂扣或吊销许可证件，须填写证照名称及编号' : '处罚类别不含暂扣或吊销许可证件，不应填写证照名称及编号',
    });
  }
  if (r.decisionDate > ctx.today) {
    out.push({ code: 'DATE_ORDER', field: 'decisionDate', message: '处罚决定日期不得晚于报送当日' });
  }
  if (r.validUntil < r.decisionDate) {
    out.push({ code: 'DATE_ORDER', field: 'validUntil', message: '处罚有效期不得早于处罚决定日期' });
  }
  if (r.publicUntil < r.decisionDate) {
    out.push({ code: 'DATE_ORDER', field: 'publicUntil', message: '公示截止期不得早于处罚决定日期' });
  } else if (r.publicUntil < addMonths(r.decisionDate, 3) || r.publicUntil > addMonths(r.decisionDate, 36)) {
    out.push({ code: 'PUBLICITY_PERIOD_OUT_OF_RANGE', field: 'publicUntil', message: '公示截止期须在处罚决定日期后3个月至3年之间' });
  }
  if (r.uscc !== null) {
    const registered = ctx.registeredName(r.uscc);
    if (registered !== undefined && registered !== r.partyName) {
      out.push({ code: 'PARTY_NOT_MATCHED', field: 'partyName', message: `统一社会信用代码登记的名称为“${registered}”，与行政相对人名称不一致` });
    }
  }
  if (!ctx.authorised(r.authorityUscc)) {
    out.push({ code: 'AUTHORITY_NOT_AUTHORISED', field: 'authorityUscc', message: '当前账号无权报送该处罚机关的行政处罚信息' });
  }
  return out;
}
