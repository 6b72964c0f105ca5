// Signed webhooks as the case-transfer platform and the 12345 hotline send them (same scheme,
// separate secrets and header names):
//
//   <Header>: t=<unix seconds>,v1=<hex>[,v1=<hex>]
//   v1 = lowercase hex HMAC-SHA256(secret, `${t}.${rawBody}`) over the exact raw bytes
//   two v1 entries during a secret rotation (accept if any matches); reject |now − t| > 300 s.
//
// The receiver verifies on the raw body before parsing it. Each system's module wraps these with
// its own header name and exported names.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Largest accepted |now − t|, in seconds (both contracts). */
export const SIGNED_WEBHOOK_TOLERANCE_SECONDS = 300;

export type SignedWebhookVerification = { ok: true } | { ok: false; reason: 'MISSING' | 'MALFORMED' | 'STALE' | 'BAD_SIGNATURE' };

/** `t=<digits>` followed by one or more `,v1=<64 lowercase hex>` (t bounded to stay a safe integer). */
const HEADER_PATTERN = /^t=([0-9]{1,15})((?:,v1=[0-9a-f]{64})+)$/;

export interface SignatureHeader {
  /** The timestamp exactly as written (it is part of the signed text). */
  t: string;
  v1: string[];
}

/** Lowercase hex HMAC-SHA256(secret, `${t}.${rawBody}`). */
export function hmacSignature(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest('hex');
}

/** The header value a sender writes: one v1 per secret (two during a rotation), signed at `nowSeconds`. */
export function signedWebhookHeader(rawBody: Buffer | string, secrets: readonly string[], nowSeconds: number): string {
  const t = Math.floor(nowSeconds);
  return [`t=${t}`, ...secrets.map((s) => `v1=${hmacSignature(s, t, rawBody)}`)].join(',');
}

/** The parts of a well-formed header, or null. Surrounding whitespace is ignored. */
export function parseSignatureHeader(header: string): SignatureHeader | null {
  const match = HEADER_PATTERN.exec(header.trim());
  if (!match) return null;
  return {
    t: match[1],
    v1: match[2]
      .split(',')
      .filter((part) => part !== '')
      .map((part) => part.slice(3)),
  };
}

/**
 * Verifies a signature header on the raw body bytes against the receiver's secret(s) (current
 * one, plus the previous one while the receiver rotates). Every candidate is compared in constant
 * time, without an early exit. The signature is checked before the time: a valid signature with a
 * timestamp more than `toleranceSeconds` away from now is STALE (a replay); a forged one is
 * BAD_SIGNATURE whatever its timestamp.
 */
export function verifySignedWebhook(
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[],
  nowSeconds: number,
  toleranceSeconds: number = SIGNED_WEBHOOK_TOLERANCE_SECONDS,
): SignedWebhookVerification {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'MISSING' };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'MALFORMED' };
  const given = parsed.v1.map((v) => Buffer.from(v, 'utf8'));
  let matched = false;
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue;
    const expected = Buffer.from(hmacSignature(secret, parsed.t, rawBody), 'utf8');
    for (const candidate of given) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  if (!matched) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (!Number.isFinite(nowSeconds) || Math.abs(Math.floor(nowSeconds) - Number(parsed.t)) > toleranceSeconds) return { ok: false, reason: 'STALE' };
  return { ok: true };
}
