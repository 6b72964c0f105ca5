// Checks that an answer of the platform has the shape the hub relies on (the contract's required
// fields, types, enums, formats and status-dependent fields) and copies only the known fields.
// A problem names the JSON path, never the offending value: upstream data must not leak into
// error messages or logs. The same readers parse status callbacks (callbacks.ts).
import { badResponse } from './errors';
import {
  DATE_TIME_PATTERN,
  RECEIVING_UNIT_KINDS,
  SHA256_PATTERN,
  TRANSFER_ID_PATTERN,
  TRANSFER_STATUSES,
  UPLOAD_ID_PATTERN,
  type ActionResult,
  type HistoryEntry,
  type ReceivingUnit,
  type StatusDetail,
  type StatusEvent,
  type TokenResponse,
  type Transfer,
  type TransferAccepted,
  type TransferPage,
  type TransferStatus,
  type Upload,
} from './types';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export class ShapeProblem extends Error {}

type Obj = Record<string, unknown>;

function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeProblem(`${path} is not an object`);
  return value as Obj;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeProblem(`${path} is not an array`);
  return value;
}

function string(value: unknown, path: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.length === 0) throw new ShapeProblem(`${path} is missing or not a non-empty string`);
  if (pattern && !pattern.test(value)) throw new ShapeProblem(`${path} is not in the contract's format`);
  return value;
}

function dateTime(value: unknown, path: string): string {
  const s = string(value, path, DATE_TIME_PATTERN);
  if (Number.isNaN(Date.parse(s))) throw new ShapeProblem(`${path} is not a real date-time`);
  return s;
}

function integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new ShapeProblem(`${path} is not an integer in range`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new ShapeProblem(`${path} is not one of the contract's values`);
  return value as T;
}

/** Optional fields are omitted when absent, never null; a null is tolerated as "absent". */
function optional<T>(value: unknown, read: (v: unknown) => T): T | undefined {
  return value == null ? undefined : read(value);
}

function receivingUnit(value: unknown, path: string): ReceivingUnit {
  const o = object(value, path);
  return {
    name: string(o.name, `${path}.name`),
    code: string(o.code, `${path}.code`),
    kind: oneOf(o.kind, RECEIVING_UNIT_KINDS, `${path}.kind`),
  };
}

function stringList(value: unknown, path: string): string[] {
  const items = array(value, path).map((s, i) => string(s, `${path}[${i}]`));
  if (items.length === 0) throw new ShapeProblem(`${path} is empty`);
  return items;
}

/** The status-specific fields present in `o`, in the contract's order. */
function statusFields(o: Obj, path: string): StatusDetail {
  const d: StatusDetail = {};
  const filedCaseNo = optional(o.filedCaseNo, (v) => string(v, `${path}.filedCaseNo`));
  if (filedCaseNo !== undefined) d.filedCaseNo = filedCaseNo;
  const notFiledReason = optional(o.notFiledReason, (v) => string(v, `${path}.notFiledReason`));
  if (notFiledReason !== undefined) d.notFiledReason = notFiledReason;
  const deadline = optional(o.reconsiderationDeadline, (v) => dateTime(v, `${path}.reconsiderationDeadline`));
  if (deadline !== undefined) d.reconsiderationDeadline = deadline;
  const missingItems = optional(o.missingItems, (v) => stringList(v, `${path}.missingItems`));
  if (missingItems !== undefined) d.missingItems = missingItems;
  const upheldReason = optional(o.upheldReason, (v) => string(v, `${path}.upheldReason`));
  if (upheldReason !== undefined) d.upheldReason = upheldReason;
  return d;
}

/** The fields the contract requires for a status (Transfer: `allOf`; StatusEvent: on `detail`). */
function requireFor(status: TransferStatus, d: StatusDetail, path: string, inTransfer: boolean): void {
  const need = (field: keyof StatusDetail) => {
    if (d[field] === undefined) throw new ShapeProblem(`${path}.${field} is required in status ${status}`);
  };
  if (status === 'FILED' || status === 'RECONSIDERED_FILED') need('filedCaseNo');
  if (status === 'NOT_FILED' || (inTransfer && ['RECONSIDERATION_REQUESTED', 'RECONSIDERED_UPHELD', 'RECONSIDERED_FILED'].includes(status))) {
    need('notFiledReason');
    need('reconsiderationDeadline');
  }
  if (status === 'RETURNED') need('missingItems');
  if (status === 'RECONSIDERED_UPHELD') need('upheldReason');
}

function historyEntry(value: unknown, path: string): HistoryEntry {
  const o = object(value, path);
  const entry: HistoryEntry = {
    status: oneOf(o.status, TRANSFER_STATUSES, `${path}.status`),
    at: dateTime(o.at, `${path}.at`),
    sequence: integer(o.sequence, `${path}.sequence`, 1),
  };
  const note = optional(o.note, (v) => (typeof v === 'string' ? v : string(v, `${path}.note`)));
  if (note !== undefined) entry.note = note;
  return entry;
}

export function readTransfer(value: unknown, path: string): Transfer {
  const o = object(value, path);
  const status = oneOf(o.status, TRANSFER_STATUSES, `${path}.status`);
  const sequence = integer(o.sequence, `${path}.sequence`, 1);
  const history = array(o.history, `${path}.history`).map((h, i) => historyEntry(h, `${path}.history[${i}]`));
  if (history.length === 0) throw new ShapeProblem(`${path}.history is empty`);
  history.forEach((h, i) => {
    if (i > 0 && h.sequence <= history[i - 1].sequence) throw new ShapeProblem(`${path}.history is not ascending by sequence`);
  });
  const last = history[history.length - 1];
  if (last.sequence !== sequence || last.status !== status) throw new ShapeProblem(`${path}.history does not end with the current status`);
  const detail = statusFields(o, path);
  requireFor(status, detail, path, true);
  return {
    transferId: string(o.transferId, `${path}.transferId`, TRANSFER_ID_PATTERN),
    transferNo: string(o.transferNo, `${path}.transferNo`),
    caseNo: string(o.caseNo, `${path}.caseNo`),
    caseName: string(o.caseName, `${path}.caseName`),
    receivingUnit: receivingUnit(o.receivingUnit, `${path}.receivingUnit`),
    status,
    sequence,
    receivedAt: dateTime(o.receivedAt, `${path}.receivedAt`),
    updatedAt: dateTime(o.updatedAt, `${path}.updatedAt`),
    ...detail,
    history,
  };
}

export function readStatusEvent(value: unknown, path: string): StatusEvent {
  const o = object(value, path);
  const status = oneOf(o.status, TRANSFER_STATUSES, `${path}.status`);
  const d = object(o.detail, `${path}.detail`);
  const detail = statusFields(d, `${path}.detail`);
  if (d.note != null) {
    if (typeof d.note !== 'string') throw new ShapeProblem(`${path}.detail.note is not a string`);
    detail.note = d.note;
  }
  requireFor(status, detail, `${path}.detail`, false);
  return {
    eventId: string(o.eventId, `${path}.eventId`, UUID),
    transferId: string(o.transferId, `${path}.transferId`, TRANSFER_ID_PATTERN),
    transferNo: string(o.transferNo, `${path}.transferNo`),
    status,
    sequence: integer(o.sequence, `${path}.sequence`, 1),
    occurredAt: dateTime(o.occurredAt, `${path}.occurredAt`),
    detail,
  };
}

function parseJson(operation: string, status: number, bodyText: string): unknown {
  try {
    return JSON.parse(bodyText);
  } catch {
    throw badResponse(`case-transfer ${operation} answered ${status} with a body that is not JSON`, status);
  }
}

function guarded<T>(operation: string, status: number, bodyText: string, read: (body: unknown) => T): T {
  const body = parseJson(operation, status, bodyText);
  try {
    return read(body);
  } catch (err) {
    if (err instanceof ShapeProblem) throw badResponse(`case-transfer ${operation} answer does not match the contract: ${err.message}`, status);
    throw err;
  }
}

export function parseTokenBody(status: number, bodyText: string): TokenResponse {
  return guarded('issueToken', status, bodyText, (body) => {
    const o = object(body, 'token');
    if (typeof o.access_token !== 'string' || !/^[\x21-\x7e]{8,4096}$/.test(o.access_token)) {
      throw new ShapeProblem('token.access_token is missing or not a token');
    }
    if (typeof o.token_type !== 'string' || o.token_type.toLowerCase() !== 'bearer') throw new ShapeProblem('token.token_type is not Bearer');
    return { access_token: o.access_token, token_type: 'Bearer', expires_in: integer(o.expires_in, 'token.expires_in', 1, 366 * 86_400) };
  });
}

export function parseUploadBody(status: number, bodyText: string): Upload {
  return guarded('uploadMaterial', status, bodyText, (body) => {
    const o = object(body, 'upload');
    return {
      uploadId: string(o.uploadId, 'upload.uploadId', UPLOAD_ID_PATTERN),
      sha256: string(o.sha256, 'upload.sha256', SHA256_PATTERN),
      sizeBytes: integer(o.sizeBytes, 'upload.sizeBytes', 1),
      expiresAt: dateTime(o.expiresAt, 'upload.expiresAt'),
    };
  });
}

export function parseAcceptedBody(status: number, bodyText: string): TransferAccepted {
  return guarded('createTransfer', status, bodyText, (body) => {
    const o = object(body, 'accepted');
    if (o.status !== 'RECEIVED') throw new ShapeProblem('accepted.status is not RECEIVED');
    return {
      transferId: string(o.transferId, 'accepted.transferId', TRANSFER_ID_PATTERN),
      status: 'RECEIVED',
      receivedAt: dateTime(o.receivedAt, 'accepted.receivedAt'),
    };
  });
}

export function parseTransferBody(status: number, bodyText: string): Transfer {
  return guarded('getTransfer', status, bodyText, (body) => readTransfer(body, 'transfer'));
}

export function parseTransferPageBody(status: number, bodyText: string): TransferPage {
  return guarded('listTransfers', status, bodyText, (body) => {
    const o = object(body, 'page');
    const page: TransferPage = { items: array(o.items, 'page.items').map((item, i) => readTransfer(item, `page.items[${i}]`)) };
    const token = optional(o.nextPageToken, (v) => string(v, 'page.nextPageToken', /^[\x21-\x7e]{1,512}$/));
    if (token !== undefined) page.nextPageToken = token;
    return page;
  });
}

export function parseActionBody(operation: string, status: number, bodyText: string): ActionResult {
  return guarded(operation, status, bodyText, (body) => {
    const o = object(body, 'result');
    return {
      transferId: string(o.transferId, 'result.transferId', TRANSFER_ID_PATTERN),
      status: oneOf(o.status, TRANSFER_STATUSES, 'result.status'),
      sequence: integer(o.sequence, 'result.sequence', 2),
      at: dateTime(o.at, 'result.at'),
    };
  });
}
