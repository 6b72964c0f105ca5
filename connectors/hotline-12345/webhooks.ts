// Webhooks of the 12345 hotline (`POST {hub}/webhooks/hotline/work-orders`): signature
// verification and body validation, exactly per the contract.
//
//   X-Hotline-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]
//   v1 = lowercase hex HMAC-SHA256(webhookSecret, `${t}.${rawBody}`) over the exact raw bytes —
//   the case-transfer scheme (connectors/core/signed-webhook.ts) with its own secret; two v1
//   during a rotation (accept if any matches); reject |now − t| > 300 s.
//
// The receiver verifies on the raw body, answers 2xx within 5 s, dedupes by eventId (still 2xx),
// and applies an event only if its orderVersion is higher than the stored version; an event for an
// unknown order means GET /api/v1/work-orders/{orderNo} (an URGED/RECALLED/EVALUATION event may
// precede the DISPATCHED one).
import { SIGNED_WEBHOOK_TOLERANCE_SECONDS, hmacSignature, signedWebhookHeader, verifySignedWebhook, type SignedWebhookVerification } from '../core/signed-webhook';
import type { WorkOrderEvent } from './types';
import { ShapeProblem, readWorkOrderEvent } from './validate';

export const WEBHOOK_SIGNATURE_HEADER = 'X-Hotline-Signature';
/** Largest accepted |now − t|, in seconds. */
export const WEBHOOK_TOLERANCE_SECONDS = SIGNED_WEBHOOK_TOLERANCE_SECONDS;

export type WebhookVerification = SignedWebhookVerification;

/** Lowercase hex HMAC-SHA256(secret, `${t}.${rawBody}`). */
export function computeWebhookSignature(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  return hmacSignature(secret, timestamp, rawBody);
}

/** The header value the hotline sends: one v1 per secret (two during a rotation), signed at `nowSeconds`. */
export function signWebhook(rawBody: Buffer | string, secrets: readonly string[], nowSeconds: number): string {
  return signedWebhookHeader(rawBody, secrets, nowSeconds);
}

/**
 * Verifies X-Hotline-Signature on the raw body bytes against the hub's secret(s) (current one
 * first, plus the previous one while the hub rotates). Constant-time comparison; a correctly
 * signed body whose t is more than 300 s from now is STALE (a replay).
 */
export function verifyWebhookSignature(rawBody: Buffer, header: string | undefined, secrets: string[], nowSeconds: number): WebhookVerification {
  return verifySignedWebhook(rawBody, header, secrets, nowSeconds, WEBHOOK_TOLERANCE_SECONDS);
}

export type WorkOrderEventParse = { ok: true; event: WorkOrderEvent } | { ok: false; problem: string };

/**
 * Validates a webhook body — `{eventId, type, occurredAt, orderNo, orderVersion, data}` with the
 * data its type requires (the full order for WORK_ORDER_DISPATCHED; replyDeadline iff APPROVED for
 * EXTENSION_DECIDED) — and returns only the contract's fields. Accepts the parsed JSON, or the raw
 * body (Buffer / string) after its signature was verified. An unknown type is a problem. A problem
 * names the field, never its value.
 */
export function parseWorkOrderEvent(json: unknown): WorkOrderEventParse {
  let value = json;
  if (Buffer.isBuffer(json) || typeof json === 'string') {
    try {
      value = JSON.parse(Buffer.isBuffer(json) ? json.toString('utf8') : json);
    } catch {
      return { ok: false, problem: 'body is not JSON' };
    }
  }
  try {
    return { ok: true, event: readWorkOrderEvent(value, 'event') };
  } catch (err) {
    if (err instanceof ShapeProblem) return { ok: false, problem: err.message };
    throw err;
  }
}
