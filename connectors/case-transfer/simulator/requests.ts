// Request validation of the case-transfer simulator: the contract's request schemas, strictly —
// unknown fields rejected, required fields, lengths, enums, formats, identifier check characters,
// the Party rules — answered as 400 INVALID_ARGUMENT with `field` = JSON pointer of the problem.
import { validateIdNumber, validateUscc } from '../../../src/domain/identifiers';
import { parseDateTime } from '../time';
import {
  MATERIAL_KINDS,
  MAX_UPLOAD_BYTES,
  MONEY_PATTERN,
  PARTY_KINDS,
  PARTY_ROLES,
  RECEIVING_UNIT_KINDS,
  SHA256_PATTERN,
  type CaseTransferErrorCode,
  type MandatoryMaterialKind,
  type Material,
  type Party,
  type ReconsiderationRequest,
  type SupplementRequest,
  type TransferRequest,
  type WithdrawRequest,
} from '../types';

export interface RefusalExtra {
  field?: string;
  missingKinds?: MandatoryMaterialKind[];
  existingTransferId?: string;
  retryAfterSeconds?: number;
}

/** A contract error answer: code (→ HTTP status), Chinese detail, optional structured fields. */
export class Refusal extends Error {
  constructor(
    readonly errorCode: CaseTransferErrorCode,
    readonly detail?: string,
    readonly extra: RefusalExtra = {},
  ) {
    super(errorCode);
  }
}

type Obj = Record<string, unknown>;

function bad(field: string, detail: string): Refusal {
  return new Refusal('INVALID_ARGUMENT', detail, { field: field || '/' });
}

export function jsonObject(raw: Buffer): Obj {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new Refusal('INVALID_ARGUMENT', '请求体不是有效的 JSON');
  }
  return object(parsed, '');
}

function object(value: unknown, at: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(at, `${at || '请求体'} 须为对象`);
  return value as Obj;
}

/** Unknown fields are rejected; required ones must be present (not null: optional fields are omitted). */
function keys(o: Obj, at: string, required: readonly string[], optional: readonly string[] = []): void {
  for (const key of Object.keys(o)) {
    if (!required.includes(key) && !optional.includes(key)) throw bad(`${at}/${key}`, `不支持的字段 ${key}`);
    if (o[key] === null) throw bad(`${at}/${key}`, `${key} 不得为 null（可选字段应省略）`);
  }
  for (const key of required) if (!(key in o)) throw bad(`${at}/${key}`, `缺少必填字段 ${key}`);
}

function text(value: unknown, at: string, min: number, max: number): string {
  if (typeof value !== 'string' || [...value].length < min || [...value].length > max) throw bad(at, `${at} 须为 ${min}–${max} 个字符的字符串`);
  return value;
}

function integer(value: unknown, at: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw bad(at, `${at} 须为 ${min}–${max} 的整数`);
  return value;
}

function enumValue<T extends string>(value: unknown, allowed: readonly T[], at: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw bad(at, `${at} 取值不正确`);
  return value as T;
}

function uscc(value: unknown, at: string): string {
  if (typeof value !== 'string' || validateUscc(value) !== null) throw bad(at, `${at} 不是有效的统一社会信用代码`);
  return value;
}

function list(value: unknown, at: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) throw bad(at, `${at} 须为 ${min}–${max} 项的数组`);
  return value;
}

export function material(value: unknown, at: string): Material {
  const o = object(value, at);
  keys(o, at, ['kind', 'title', 'sha256', 'sizeBytes', 'uploadId']);
  const sha256 = o.sha256;
  if (typeof sha256 !== 'string' || !SHA256_PATTERN.test(sha256)) throw bad(`${at}/sha256`, 'sha256 须为 64 位小写十六进制');
  return {
    kind: enumValue(o.kind, MATERIAL_KINDS, `${at}/kind`),
    title: text(o.title, `${at}/title`, 1, 200),
    sha256,
    sizeBytes: integer(o.sizeBytes, `${at}/sizeBytes`, 1, MAX_UPLOAD_BYTES),
    uploadId: text(o.uploadId, `${at}/uploadId`, 1, 100),
  };
}

function party(value: unknown, at: string, today: Date): Party {
  const o = object(value, at);
  keys(o, at, ['kind', 'name', 'role'], ['idNumber', 'uscc']);
  const kind = enumValue(o.kind, PARTY_KINDS, `${at}/kind`);
  const role = enumValue(o.role, PARTY_ROLES, `${at}/role`);
  const p: Party = { kind, name: text(o.name, `${at}/name`, 1, 200), role };
  if (o.idNumber !== undefined) {
    if (kind === 'ORGANIZATION') throw bad(`${at}/idNumber`, '单位当事人不得填写身份证号');
    if (typeof o.idNumber !== 'string' || validateIdNumber(o.idNumber, today) !== null) throw bad(`${at}/idNumber`, '不是有效的居民身份证号');
    p.idNumber = o.idNumber;
  }
  if (o.uscc !== undefined) {
    if (kind === 'PERSON') throw bad(`${at}/uscc`, '自然人当事人不得填写统一社会信用代码');
    p.uscc = uscc(o.uscc, `${at}/uscc`);
  }
  if (role === 'SUSPECT' && kind === 'PERSON' && p.idNumber === undefined) throw bad(`${at}/idNumber`, '涉嫌人须填写身份证号');
  if (role === 'SUSPECT' && kind === 'ORGANIZATION' && p.uscc === undefined) throw bad(`${at}/uscc`, '涉嫌单位须填写统一社会信用代码');
  return p;
}

export function transferRequest(raw: Buffer, today: Date): TransferRequest {
  const o = jsonObject(raw);
  keys(
    o,
    '',
    ['transferNo', 'caseNo', 'caseName', 'transferringUnit', 'receivingUnit', 'suspectedCharges', 'facts', 'occurredAt', 'location', 'parties', 'materials'],
    ['amountInvolved'],
  );
  const tu = object(o.transferringUnit, '/transferringUnit');
  keys(tu, '/transferringUnit', ['name', 'uscc']);
  const ru = object(o.receivingUnit, '/receivingUnit');
  keys(ru, '/receivingUnit', ['name', 'code', 'kind']);
  const loc = object(o.location, '/location');
  keys(loc, '/location', ['address'], ['lng', 'lat']);
  const occurredAt = o.occurredAt;
  if (typeof occurredAt !== 'string' || parseDateTime(occurredAt) === null) throw bad('/occurredAt', 'occurredAt 须为带时区偏移的 ISO-8601 时间');
  const location: TransferRequest['location'] = { address: text(loc.address, '/location/address', 1, 500) };
  if (loc.lng !== undefined) {
    if (typeof loc.lng !== 'number' || loc.lng < 73 || loc.lng > 136) throw bad('/location/lng', 'lng 超出范围');
    location.lng = loc.lng;
  }
  if (loc.lat !== undefined) {
    if (typeof loc.lat !== 'number' || loc.lat < 3 || loc.lat > 54) throw bad('/location/lat', 'lat 超出范围');
    location.lat = loc.lat;
  }
  const parties = list(o.parties, '/parties', 1, 1000).map((p, i) => party(p, `/parties/${i}`, today));
  if (!parties.some((p) => p.role === 'SUSPECT')) throw bad('/parties', '当事人中须至少有一名涉嫌人（SUSPECT）');
  const request: TransferRequest = {
    transferNo: text(o.transferNo, '/transferNo', 1, 64),
    caseNo: text(o.caseNo, '/caseNo', 1, 64),
    caseName: text(o.caseName, '/caseName', 1, 200),
    transferringUnit: { name: text(tu.name, '/transferringUnit/name', 1, 200), uscc: uscc(tu.uscc, '/transferringUnit/uscc') },
    receivingUnit: {
      name: text(ru.name, '/receivingUnit/name', 1, 200),
      code: uscc(ru.code, '/receivingUnit/code'),
      kind: enumValue(ru.kind, RECEIVING_UNIT_KINDS, '/receivingUnit/kind'),
    },
    suspectedCharges: list(o.suspectedCharges, '/suspectedCharges', 1, 50).map((c, i) => text(c, `/suspectedCharges/${i}`, 1, 200)),
    facts: text(o.facts, '/facts', 1, 20_000),
    occurredAt,
    location,
    parties,
    materials: list(o.materials, '/materials', 1, 100).map((m, i) => material(m, `/materials/${i}`)),
  };
  if (o.amountInvolved !== undefined) {
    if (typeof o.amountInvolved !== 'string' || !MONEY_PATTERN.test(o.amountInvolved)) throw bad('/amountInvolved', 'amountInvolved 须为两位小数的金额字符串');
    request.amountInvolved = o.amountInvolved;
  }
  return request;
}

export function withdrawRequest(raw: Buffer): WithdrawRequest {
  const o = jsonObject(raw);
  keys(o, '', ['reason']);
  return { reason: text(o.reason, '/reason', 1, 2000) };
}

export function reconsiderationRequest(raw: Buffer): ReconsiderationRequest {
  const o = jsonObject(raw);
  keys(o, '', ['reason'], ['materials']);
  const r: ReconsiderationRequest = { reason: text(o.reason, '/reason', 1, 5000) };
  if (o.materials !== undefined) r.materials = list(o.materials, '/materials', 0, 50).map((m, i) => material(m, `/materials/${i}`));
  return r;
}

export function supplementRequest(raw: Buffer): SupplementRequest {
  const o = jsonObject(raw);
  keys(o, '', ['materials'], ['note']);
  const r: SupplementRequest = { materials: list(o.materials, '/materials', 1, 50).map((m, i) => material(m, `/materials/${i}`)) };
  if (o.note !== undefined) r.note = text(o.note, '/note', 0, 2000);
  return r;
}
