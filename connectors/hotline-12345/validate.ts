// The contract's schemas as code, both ways:
//  - answers and webhooks: checks that what the hotline sent has the shape the hub relies on
//    (required fields, types, enums, patterns, lengths, ranges, the EXTENSION_DECIDED rule) and
//    copies only the contract's fields (unknown ones are dropped, not refused: the hotline may add
//    fields in a minor version);
//  - requests: the client checks what it is about to send (and builds the body in schema order
//    from the known fields only); the simulator checks what it received, strictly (unknown fields
//    and nulls refused, as the hotline does).
// A problem names the JSON path and the rule, never the offending value: work orders carry
// citizens' names and phone numbers, which must not leak into error messages or logs.
import { badResponse } from './errors';
import { parseDateTime } from './time';
import {
  ATTACHMENT_CONTENT_TYPES,
  CATEGORIES,
  CHANNELS,
  DEPT_CODE_PATTERN,
  EVALUATIONS,
  EXTENSION_DECISIONS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  ORDER_NO_PATTERN,
  PAGE_TOKEN_PATTERN,
  PHONE_PATTERN,
  RETURN_REASON_CODES,
  URGENCIES,
  WORK_ORDER_EVENT_TYPES,
  WORK_ORDER_STATUSES,
  type Attachment,
  type ExtensionAccepted,
  type ExtensionDecidedEventData,
  type ExtensionRequest,
  type ReplyRequest,
  type Requester,
  type ReturnRequest,
  type SignRequest,
  type WorkOrder,
  type WorkOrderEvaluation,
  type WorkOrderEvent,
  type WorkOrderLocation,
  type WorkOrderPage,
} from './types';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Base64 alphabet with at most two trailing '='; a plain loop, safe on multi-megabyte strings. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A value that does not match the contract; `path` and rule only. */
export class ShapeProblem extends Error {
  /** An attachment over 5 MiB (the hotline answers 413, not 400). */
  readonly tooLarge: boolean;

  constructor(message: string, tooLarge = false) {
    super(message);
    this.name = 'ShapeProblem';
    this.tooLarge = tooLarge;
  }
}

type Obj = Record<string, unknown>;

function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeProblem(`${path} is missing or not an object`);
  return value as Obj;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeProblem(`${path} is missing or not an array`);
  return value;
}

/** Length in characters (code points), as JSON Schema counts minLength / maxLength. */
function chars(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

function text(value: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): string {
  if (typeof value !== 'string') throw new ShapeProblem(`${path} is missing or not a string`);
  const n = chars(value);
  if (n < min || n > max) throw new ShapeProblem(max === Number.MAX_SAFE_INTEGER ? `${path} must have at least ${min} characters` : `${path} must have ${min}–${max} characters`);
  return value;
}

function matching(value: unknown, path: string, pattern: RegExp): string {
  if (typeof value !== 'string') throw new ShapeProblem(`${path} is missing or not a string`);
  if (!pattern.test(value)) throw new ShapeProblem(`${path} is not in the contract's format`);
  return value;
}

function dateTime(value: unknown, path: string): string {
  if (typeof value !== 'string' || parseDateTime(value) === null) throw new ShapeProblem(`${path} is missing or not a date-time with an offset`);
  return value;
}

function integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new ShapeProblem(`${path} is missing or not an integer ≥ ${min}`);
  return value;
}

function number(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw new ShapeProblem(`${path} is not a number in ${min}–${max}`);
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeProblem(`${path} is missing or not a boolean`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new ShapeProblem(`${path} is missing or not one of the contract's values`);
  return value as T;
}

/** Optional fields are omitted when absent, never null; in answers a null is tolerated as "absent". */
function optional<T>(value: unknown, read: (v: unknown) => T): T | undefined {
  return value == null ? undefined : read(value);
}

/** Requests as the hotline checks them: no unknown fields, no nulls, required ones present. */
function strictKeys(o: Obj, path: string, required: readonly string[], optionalKeys: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (!required.includes(key) && !optionalKeys.includes(key)) throw new ShapeProblem(`${path}.${key} is not a field of the contract`);
    if (o[key] === null) throw new ShapeProblem(`${path}.${key} must be omitted rather than null`);
  }
  for (const key of required) if (o[key] === undefined) throw new ShapeProblem(`${path}.${key} is required`);
}

// ───────────────────────────── work orders ─────────────────────────────

function requester(value: unknown, path: string): Requester {
  const o = object(value, path);
  const name = optional(o.name, (v) => text(v, `${path}.name`));
  const phone = optional(o.phone, (v) => matching(v, `${path}.phone`, PHONE_PATTERN));
  const anonymous = boolean(o.anonymous, `${path}.anonymous`);
  const wantsReply = boolean(o.wantsReply, `${path}.wantsReply`);
  return { ...(name !== undefined ? { name } : {}), ...(phone !== undefined ? { phone } : {}), anonymous, wantsReply };
}

function location(value: unknown, path: string): WorkOrderLocation {
  const o = object(value, path);
  const out: WorkOrderLocation = { address: text(o.address, `${path}.address`), street: text(o.street, `${path}.street`) };
  const lng = optional(o.lng, (v) => number(v, `${path}.lng`, 73, 136));
  if (lng !== undefined) out.lng = lng;
  const lat = optional(o.lat, (v) => number(v, `${path}.lat`, 3, 54));
  if (lat !== undefined) out.lat = lat;
  return out;
}

function evaluation(value: unknown, path: string): WorkOrderEvaluation {
  const o = object(value, path);
  const result = oneOf(o.result, EVALUATIONS, `${path}.result`);
  const comment = optional(o.comment, (v) => text(v, `${path}.comment`));
  const evaluatedAt = dateTime(o.evaluatedAt, `${path}.evaluatedAt`);
  return { result, ...(comment !== undefined ? { comment } : {}), evaluatedAt };
}

/** A WorkOrder, rebuilt in the contract's field order; optional fields only when present. */
export function readWorkOrder(value: unknown, path: string): WorkOrder {
  const o = object(value, path);
  const at = (field: string) => `${path}.${field}`;
  const opt = <T>(field: string, read: (v: unknown, p: string) => T): T | undefined => optional(o[field], (v) => read(v, at(field)));
  const orderNo = matching(o.orderNo, at('orderNo'), ORDER_NO_PATTERN);
  const version = integer(o.version, at('version'), 1);
  const dispatchRound = integer(o.dispatchRound, at('dispatchRound'), 1);
  const relatedOrderNo = opt('relatedOrderNo', (v, p) => matching(v, p, ORDER_NO_PATTERN));
  const channel = oneOf(o.channel, CHANNELS, at('channel'));
  const category = oneOf(o.category, CATEGORIES, at('category'));
  const urgency = oneOf(o.urgency, URGENCIES, at('urgency'));
  const title = text(o.title, at('title'), 0, 200);
  const content = text(o.content, at('content'), 0, 10_000);
  const who = requester(o.requester, at('requester'));
  const where = location(o.location, at('location'));
  const powerItemCode = opt('powerItemCode', (v, p) => text(v, p, 0, 64));
  const unit = object(o.assignee, at('assignee'));
  const assignee = {
    deptCode: matching(unit.deptCode, `${at('assignee')}.deptCode`, DEPT_CODE_PATTERN),
    deptName: text(unit.deptName, `${at('assignee')}.deptName`),
  };
  const dispatchedAt = dateTime(o.dispatchedAt, at('dispatchedAt'));
  const signDeadline = dateTime(o.signDeadline, at('signDeadline'));
  const replyDeadline = dateTime(o.replyDeadline, at('replyDeadline'));
  const returnDeadline = opt('returnDeadline', dateTime);
  const status = oneOf(o.status, WORK_ORDER_STATUSES, at('status'));
  const urgeCount = integer(o.urgeCount, at('urgeCount'), 0);
  const signedAt = opt('signedAt', dateTime);
  const repliedAt = opt('repliedAt', dateTime);
  const closedAt = opt('closedAt', dateTime);
  const signOverdue = boolean(o.signOverdue, at('signOverdue'));
  const replyOverdue = boolean(o.replyOverdue, at('replyOverdue'));
  const evaluated = opt('evaluation', evaluation);
  const updatedAt = dateTime(o.updatedAt, at('updatedAt'));
  return {
    orderNo,
    version,
    dispatchRound,
    ...(relatedOrderNo !== undefined ? { relatedOrderNo } : {}),
    channel,
    category,
    urgency,
    title,
    content,
    requester: who,
    location: where,
    ...(powerItemCode !== undefined ? { powerItemCode } : {}),
    assignee,
    dispatchedAt,
    signDeadline,
    replyDeadline,
    ...(returnDeadline !== undefined ? { returnDeadline } : {}),
    status,
    urgeCount,
    ...(signedAt !== undefined ? { signedAt } : {}),
    ...(repliedAt !== undefined ? { repliedAt } : {}),
    ...(closedAt !== undefined ? { closedAt } : {}),
    signOverdue,
    replyOverdue,
    ...(evaluated !== undefined ? { evaluation: evaluated } : {}),
    updatedAt,
  };
}

export function readWorkOrderPage(value: unknown, path: string): WorkOrderPage {
  const o = object(value, path);
  const page: WorkOrderPage = { items: array(o.items, `${path}.items`).map((item, i) => readWorkOrder(item, `${path}.items[${i}]`)) };
  const token = optional(o.nextPageToken, (v) => matching(v, `${path}.nextPageToken`, PAGE_TOKEN_PATTERN));
  if (token !== undefined) page.nextPageToken = token;
  return page;
}

export function readExtensionAccepted(value: unknown, path: string): ExtensionAccepted {
  const o = object(value, path);
  if (o.status !== 'PENDING') throw new ShapeProblem(`${path}.status is not PENDING`);
  return { extensionId: text(o.extensionId, `${path}.extensionId`, 1, 128), status: 'PENDING', requestedAt: dateTime(o.requestedAt, `${path}.requestedAt`) };
}

// ───────────────────────────── webhook events ─────────────────────────────

function extensionDecidedData(value: unknown, path: string): ExtensionDecidedEventData {
  const o = object(value, path);
  const extensionId = text(o.extensionId, `${path}.extensionId`);
  const decision = oneOf(o.decision, EXTENSION_DECISIONS, `${path}.decision`);
  const comment = optional(o.comment, (v) => text(v, `${path}.comment`));
  const withComment = comment !== undefined ? { comment } : {};
  if (decision === 'APPROVED') {
    if (o.replyDeadline == null) throw new ShapeProblem(`${path}.replyDeadline is required when the decision is APPROVED`);
    return { extensionId, decision, replyDeadline: dateTime(o.replyDeadline, `${path}.replyDeadline`), ...withComment };
  }
  if (o.replyDeadline !== undefined) throw new ShapeProblem(`${path}.replyDeadline must be absent when the decision is DENIED`);
  return { extensionId, decision, ...withComment };
}

/** One webhook body (`WorkOrderEvent`), with the data its `type` requires. */
export function readWorkOrderEvent(value: unknown, path: string): WorkOrderEvent {
  const o = object(value, path);
  if (typeof o.type !== 'string') throw new ShapeProblem(`${path}.type is missing or not a string`);
  const type = oneOf(o.type, WORK_ORDER_EVENT_TYPES, `${path}.type`);
  const base = {
    eventId: matching(o.eventId, `${path}.eventId`, UUID),
    occurredAt: dateTime(o.occurredAt, `${path}.occurredAt`),
    orderNo: matching(o.orderNo, `${path}.orderNo`, ORDER_NO_PATTERN),
    orderVersion: integer(o.orderVersion, `${path}.orderVersion`, 1),
  };
  const dataPath = `${path}.data`;
  const data = object(o.data, dataPath);
  switch (type) {
    case 'WORK_ORDER_DISPATCHED': {
      const order = readWorkOrder(data, dataPath);
      if (order.orderNo !== base.orderNo) throw new ShapeProblem(`${dataPath}.orderNo is not the event's orderNo`);
      return { eventId: base.eventId, type, occurredAt: base.occurredAt, orderNo: base.orderNo, orderVersion: base.orderVersion, data: order };
    }
    case 'WORK_ORDER_URGED':
      return {
        eventId: base.eventId,
        type,
        occurredAt: base.occurredAt,
        orderNo: base.orderNo,
        orderVersion: base.orderVersion,
        data: { urgeCount: integer(data.urgeCount, `${dataPath}.urgeCount`, 1), reason: text(data.reason, `${dataPath}.reason`) },
      };
    case 'WORK_ORDER_RECALLED':
      return { eventId: base.eventId, type, occurredAt: base.occurredAt, orderNo: base.orderNo, orderVersion: base.orderVersion, data: { reason: text(data.reason, `${dataPath}.reason`) } };
    case 'EVALUATION_RECEIVED': {
      const comment = optional(data.comment, (v) => text(v, `${dataPath}.comment`));
      return {
        eventId: base.eventId,
        type,
        occurredAt: base.occurredAt,
        orderNo: base.orderNo,
        orderVersion: base.orderVersion,
        data: { evaluation: oneOf(data.evaluation, EVALUATIONS, `${dataPath}.evaluation`), ...(comment !== undefined ? { comment } : {}) },
      };
    }
    case 'EXTENSION_DECIDED':
      return { eventId: base.eventId, type, occurredAt: base.occurredAt, orderNo: base.orderNo, orderVersion: base.orderVersion, data: extensionDecidedData(data, dataPath) };
  }
}

// ───────────────────────────── answers ─────────────────────────────

function parseJson(operation: string, status: number, bodyText: string): unknown {
  try {
    return JSON.parse(bodyText);
  } catch {
    throw badResponse(`hotline-12345 ${operation} answered ${status} with a body that is not JSON`, status);
  }
}

function guarded<T>(operation: string, status: number, bodyText: string, read: (body: unknown) => T): T {
  const body = parseJson(operation, status, bodyText);
  try {
    return read(body);
  } catch (err) {
    if (err instanceof ShapeProblem) throw badResponse(`hotline-12345 ${operation} answer does not match the contract: ${err.message}`, status);
    throw err;
  }
}

export function parseWorkOrderBody(operation: string, status: number, bodyText: string): WorkOrder {
  return guarded(operation, status, bodyText, (body) => readWorkOrder(body, 'order'));
}

export function parseWorkOrderPageBody(status: number, bodyText: string): WorkOrderPage {
  return guarded('listWorkOrders', status, bodyText, (body) => readWorkOrderPage(body, 'page'));
}

export function parseExtensionAcceptedBody(status: number, bodyText: string): ExtensionAccepted {
  return guarded('requestExtension', status, bodyText, (body) => readExtensionAccepted(body, 'extension'));
}

// ───────────────────────────── requests ─────────────────────────────

/** Decoded size of a base64 string, without decoding it; null when it is not base64. */
export function base64DecodedBytes(value: string): number | null {
  if (value.length % 4 !== 0 || !BASE64.test(value)) return null;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/** `strict`: refuse unknown fields and nulls (the hotline's side); otherwise ignore unknown fields (the client drops them). */
export function readSignRequest(value: unknown, strict: boolean): SignRequest {
  const o = object(value, 'sign');
  if (strict) strictKeys(o, 'sign', ['signedBy'], []);
  return { signedBy: text(o.signedBy, 'sign.signedBy', 1) };
}

function attachment(value: unknown, path: string, strict: boolean): Attachment {
  const o = object(value, path);
  if (strict) strictKeys(o, path, ['fileName', 'contentType', 'contentBase64'], []);
  const fileName = text(o.fileName, `${path}.fileName`, 0, 200);
  const contentType = oneOf(o.contentType, ATTACHMENT_CONTENT_TYPES, `${path}.contentType`);
  if (typeof o.contentBase64 !== 'string') throw new ShapeProblem(`${path}.contentBase64 is missing or not a string`);
  const size = base64DecodedBytes(o.contentBase64);
  if (size === null) throw new ShapeProblem(`${path}.contentBase64 is not base64`);
  if (size > MAX_ATTACHMENT_BYTES) throw new ShapeProblem(`${path} exceeds 5 MiB`, true);
  return { fileName, contentType, contentBase64: o.contentBase64 };
}

export function readReplyRequest(value: unknown, strict: boolean): ReplyRequest {
  const o = object(value, 'reply');
  if (strict) strictKeys(o, 'reply', ['result', 'handledBy', 'handledAt'], ['linkedCaseNo', 'attachments']);
  const out: ReplyRequest = {
    result: text(o.result, 'reply.result', 10, 2000),
    handledBy: text(o.handledBy, 'reply.handledBy', 1),
    handledAt: dateTime(o.handledAt, 'reply.handledAt'),
  };
  if (o.linkedCaseNo !== undefined) out.linkedCaseNo = text(o.linkedCaseNo, 'reply.linkedCaseNo', 0, 64);
  if (o.attachments !== undefined) {
    const items = array(o.attachments, 'reply.attachments');
    if (items.length > MAX_ATTACHMENTS) throw new ShapeProblem(`reply.attachments must hold at most ${MAX_ATTACHMENTS} items`);
    out.attachments = items.map((a, i) => attachment(a, `reply.attachments[${i}]`, strict));
  }
  return out;
}

export function readReturnRequest(value: unknown, strict: boolean): ReturnRequest {
  const o = object(value, 'return');
  if (strict) strictKeys(o, 'return', ['reasonCode', 'reasonText'], ['duplicateOfOrderNo']);
  const out: ReturnRequest = {
    reasonCode: oneOf(o.reasonCode, RETURN_REASON_CODES, 'return.reasonCode'),
    reasonText: text(o.reasonText, 'return.reasonText', 5, 1000),
  };
  if (o.duplicateOfOrderNo !== undefined) out.duplicateOfOrderNo = matching(o.duplicateOfOrderNo, 'return.duplicateOfOrderNo', ORDER_NO_PATTERN);
  if (out.reasonCode === 'DUPLICATE' && out.duplicateOfOrderNo === undefined) throw new ShapeProblem('return.duplicateOfOrderNo is required when reasonCode is DUPLICATE');
  return out;
}

export function readExtensionRequest(value: unknown, strict: boolean): ExtensionRequest {
  const o = object(value, 'extension');
  if (strict) strictKeys(o, 'extension', ['reason', 'requestedDeadline'], []);
  return { reason: text(o.reason, 'extension.reason', 5, 1000), requestedDeadline: dateTime(o.requestedDeadline, 'extension.requestedDeadline') };
}
