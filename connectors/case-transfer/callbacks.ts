// Status callbacks of the case-transfer platform (`POST {hub}/callbacks/case-transfer/status`):
// signature verification and body validation, exactly per the contract.
//
//   X-Platform-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]
//   v1 = lowercase hex HMAC-SHA256(callbackSecret, `${t}.${rawBody}`) over the exact raw bytes
//   two v1 entries during a 24 h secret rotation (accept if any matches); reject |now − t| > 300 s.
//
// The receiver must verify on the raw body before parsing it, dedupe by eventId (still 2xx) and
// apply an event only if its sequence is greater than the stored one — never regress. The
// signing scheme itself is the shared one of connectors/core/signed-webhook.ts.
import { SIGNED_WEBHOOK_TOLERANCE_SECONDS, hmacSignature, signedWebhookHeader, verifySignedWebhook, type SignedWebhookVerification } from '../core/signed-webhook';
import { ShapeProblem, readStatusEvent } from './validate';
import type { StatusEvent } from './types';

export const CALLBACK_SIGNATURE_HEADER = 'X-Platform-Signature';
/** Largest accepted |now − t|, in seconds. */
export const CALLBACK_TOLERANCE_SECONDS = SIGNED_WEBHOOK_TOLERANCE_SECONDS;

export type CallbackVerification = SignedWebhookVerification;

/** Lowercase hex HMAC-SHA256(secret, `${t}.${rawBody}`). */
export function computeCallbackSignature(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  return hmacSignature(secret, timestamp, rawBody);
}

/** The header value the platform sends: one v1 per secret (two during a rotation), signed at `nowSeconds`. */
export function signCallback(rawBody: Buffer | string, secrets: readonly string[], nowSeconds: number): string {
  return signedWebhookHeader(rawBody, secrets, nowSeconds);
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
  return verifySignedWebhook(rawBody, header, secrets, nowSeconds, CALLBACK_TOLERANCE_SECONDS);
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
