// Opaque keyset cursors: the sort key and id of the last row seen. A cursor made for one
// order is refused for another, so a page never silently skips or repeats rows.
import { ValidationError } from '../../errors/domain-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export interface CursorValue {
  value: string;
  id: string;
}

export function encodeCursor(order: string, value: Date | string, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([order, v, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, order: string, options: { valueIsDate: boolean }): CursorValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError('after', 'CURSOR', 'is not a cursor returned by this API');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string')) {
    throw new ValidationError('after', 'CURSOR', 'is not a cursor returned by this API');
  }
  const [o, value, id] = parsed as [string, string, string];
  if (o !== order) throw new ValidationError('after', 'CURSOR_ORDER', `was made for order ${o}, not ${order}`);
  if (!UUID.test(id)) throw new ValidationError('after', 'CURSOR', 'is not a cursor returned by this API');
  if (options.valueIsDate && (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)))) {
    throw new ValidationError('after', 'CURSOR', 'is not a cursor returned by this API');
  }
  return { value, id };
}
