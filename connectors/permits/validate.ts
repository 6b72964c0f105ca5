// Checks that an answer has the shape the hub relies on (the contract's required fields, types,
// enums and formats) and copies only the known fields. A problem names the JSON path, never the
// offending value: upstream data must not leak into error messages or logs.
import { badResponse } from './errors';
import {
  HOLDER_TYPES,
  PERMIT_NO_PATTERN,
  PERMIT_STATUSES,
  PERMIT_TYPE_VALUES,
  type BatchGetResult,
  type Geo,
  type Permit,
  type PermitPage,
} from './types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HOLDER_CODE = /^([0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}|[0-9]{17}[0-9X])$/;

class ShapeProblem extends Error {}

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
  if (typeof value !== 'string') throw new ShapeProblem(`${path} is missing or not a string`);
  if (pattern && !pattern.test(value)) throw new ShapeProblem(`${path} is not in the contract's format`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ShapeProblem(`${path} is not one of the contract's values`);
  }
  return value as T;
}

function number(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ShapeProblem(`${path} is not a number in range`);
  }
  return value;
}

function permit(value: unknown, path: string): Permit {
  const o = object(value, path);
  const issuedBy = object(o.issuedBy, `${path}.issuedBy`);
  const result: Permit = {
    permitNo: string(o.permitNo, `${path}.permitNo`, PERMIT_NO_PATTERN),
    type: oneOf(o.type, PERMIT_TYPE_VALUES, `${path}.type`),
    typeName: string(o.typeName, `${path}.typeName`),
    holderName: string(o.holderName, `${path}.holderName`),
    holderCode: string(o.holderCode, `${path}.holderCode`, HOLDER_CODE),
    holderType: oneOf(o.holderType, HOLDER_TYPES, `${path}.holderType`),
    address: string(o.address, `${path}.address`),
    scope: string(o.scope, `${path}.scope`),
    issuedBy: {
      name: string(issuedBy.name, `${path}.issuedBy.name`),
      code: string(issuedBy.code, `${path}.issuedBy.code`),
    },
    issuedAt: string(o.issuedAt, `${path}.issuedAt`, DATE_TIME),
    validFrom: string(o.validFrom, `${path}.validFrom`, DATE),
    validTo: string(o.validTo, `${path}.validTo`, DATE),
    status: oneOf(o.status, PERMIT_STATUSES, `${path}.status`),
    conditions: array(o.conditions, `${path}.conditions`).map((c, i) => string(c, `${path}.conditions[${i}]`)),
    updatedAt: string(o.updatedAt, `${path}.updatedAt`, DATE_TIME),
  };
  // Optional fields are omitted when absent, never null; a null is tolerated as "absent".
  if (o.geo != null) {
    const g = object(o.geo, `${path}.geo`);
    const geo: Geo = { lng: number(g.lng, `${path}.geo.lng`, 73, 136), lat: number(g.lat, `${path}.geo.lat`, 3, 54) };
    result.geo = geo;
  }
  if (o.statusReason != null) result.statusReason = string(o.statusReason, `${path}.statusReason`);
  if (o.statusChangedAt != null) result.statusChangedAt = string(o.statusChangedAt, `${path}.statusChangedAt`, DATE_TIME);
  return result;
}

function parseJson(bodyText: string): unknown {
  try {
    return JSON.parse(bodyText);
  } catch {
    throw badResponse('permits answered 200 with a body that is not JSON', 200);
  }
}

function guarded<T>(operation: string, bodyText: string, read: (body: unknown) => T): T {
  const body = parseJson(bodyText);
  try {
    return read(body);
  } catch (err) {
    if (err instanceof ShapeProblem) throw badResponse(`permits ${operation} answer does not match the contract: ${err.message}`, 200);
    throw err;
  }
}

export function parsePermitBody(bodyText: string): Permit {
  return guarded('getPermit', bodyText, (body) => permit(body, 'permit'));
}

export function parsePermitPageBody(operation: string, bodyText: string): PermitPage {
  return guarded(operation, bodyText, (body) => {
    const o = object(body, 'page');
    const page: PermitPage = { items: array(o.items, 'page.items').map((item, i) => permit(item, `page.items[${i}]`)) };
    if (o.nextPageToken != null) page.nextPageToken = string(o.nextPageToken, 'page.nextPageToken', /^.{1,512}$/s);
    return page;
  });
}

export function parseBatchGetBody(bodyText: string): BatchGetResult {
  return guarded('batchGetPermits', bodyText, (body) => {
    const o = object(body, 'batch');
    return {
      found: array(o.found, 'batch.found').map((item, i) => permit(item, `batch.found[${i}]`)),
      notFound: array(o.notFound, 'batch.notFound').map((n, i) => string(n, `batch.notFound[${i}]`, PERMIT_NO_PATTERN)),
    };
  });
}
