// Status callbacks of the case-transfer platform (`POST {hub}/callbacks/case-transfer/status`):
// signature verification and body validation, exactly per the contract.
//
//   X-Platform-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]
//   v1 = lowercase hex HMAC-SHA256(callbackSecret, `${t}.${rawBody}`) over the exact raw bytes
//   two v1 entries during a 24 h secret rotation (accept if any matches); reject |now − t| > 300 s.
//
// The receiver must verify on the raw body before parsing it, dedupe by eventId (still 2xx) and
// apply an event only if its sequence is greater than the stored one — never regress.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ShapeProblem, readStatusEvent } from './validate';
import type { StatusEvent } from './types';

export const CALLBACK_SIGNATURE_HEADER = 'X-Platform-Signature';
/** Largest accepted |now − t|, in seconds. */
export const CALLBACK_TOLERANCE_SECONDS = 300;

const HEADER_PATTERN = /^t=([0-9]{1,15})((?:,v1=[0-9a-f]{64})+)$/;

export type CallbackVerification = { ok: true } | { ok: false; reason: 'MISSING' | 'MALFORMED' | 'STALE' | 'BAD_SIGNATURE' };

/** Lowercase hex HMAC-SHA256(secret, `${t}.${rawBody}`). */
export function computeCallbackSignature(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest('hex');
}

/** The header value the platform sends: one v1 per secret (two during a rotation), signed at `nowSeconds`. */
export function signCallback(rawBody: Buffer | string, secrets: readonly string[], nowSeconds: number): string {
  const t = Math.floor(nowSeconds);
  return [`t=${t}`, ...secrets.map((s) => `v1=${computeCallbackSignature(s, t, rawBody)}`)].join(',');
}

/**
 * Verifies X-Platform-Signature on the raw body bytes against the hub's secret(s) (current one,
 * plus the previous one while the hub rotates). Signatures are compared in constant time; a
 * valid signature with a timestamp more than 300 s away from now is STALE (a replay).
 */
export function verifyCallbackSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: string[],
  nowSeconds: number,
): CallbackVerification {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'MISSING' };
  const match = HEADER_PATTERN.exec(header.trim());
  if (!match) return { ok: false, reason: 'MALFORMED' };
  const t = match[1];
  const given = match[2]
    .split(',')
    .filter((part) => part !== '')
    .map((part) => Buffer.from(part.slice(3), 'utf8'));
  let matched = false;
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue;
    const expected = Buffer.from(computeCallbackSignature(secret, t, rawBody), 'utf8');
    for (const candidate of given) {
      // Every candidate is compared (no early exit), each in constant time.
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  if (!matched) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (!Number.isFinite(nowSeconds) || Math.abs(Math.floor(nowSeconds) - Number(t)) > CALLBACK_TOLERANCE_SECONDS) return { ok: false, reason: 'STALE' };
  return { ok: true };
}

export type StatusCallbackParse = { ok: true; event: StatusEvent } | { ok: false; problem: string };

/**
 * Validates a callback body (`{eventId, transferId, transferNo, status, sequence, occurredAt,
 * detail}`, with the status-dependent detail fields) and returns only the contract's fields.
 * Accepts the parsed JSON, or the raw body (Buffer / string) after its signature was verified.
 * A problem names the field, never its value.
 */
export function parseStatusCallback(json: unknown): StatusCallbackParse {
  let value = json;
  if (Buffer.isBuffer(json) || typeof json === 'string') {
    try {
      value = JSON.parse(Buffer.isBuffer(json) ? json.toString('utf8') : json);
    } catch {
      return { ok: false, problem: 'body is not JSON' };
    }
  }
  try {
    return { ok: true, event: readStatusEvent(value, 'event') };
  } catch (err) {
    if (err instanceof ShapeProblem) return { ok: false, problem: err.message };
    throw err;
  }
}
