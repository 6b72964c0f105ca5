// HMAC request signing of the permits system (permits.openapi.yaml, "Authentication"):
//   X-Signature = lowercase hex HMAC-SHA256(appSecret,
//     METHOD + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + sha256hex(body))
// where `path` is the request target exactly as sent on the request line (percent-encoded path
// plus `?query`), `timestamp` Unix seconds and `nonce` unique per request. Every attempt (also a
// retry) gets a new nonce and timestamp, hence a new signature. Used by the client, by the
// simulator and by the tests' fake server, so all three sign and verify the same way.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** X-Nonce: 16–64 characters of [A-Za-z0-9-]. */
export const NONCE_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

export type SignableBody = string | Uint8Array | null | undefined;

function bodyBytes(body: SignableBody): Uint8Array {
  if (body == null) return new Uint8Array(0);
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

/** Lowercase hex SHA-256 of the raw body bytes (of the empty string when there is no body). */
export function sha256Hex(body: SignableBody): string {
  return createHash('sha256').update(bodyBytes(body)).digest('hex');
}

export interface SignatureInput {
  method: string;
  /** Request target as sent: path plus `?query` when there is one; no scheme or host. */
  path: string;
  /** X-Timestamp header value (Unix seconds, decimal digits). */
  timestamp: string;
  /** X-Nonce header value. */
  nonce: string;
  body?: SignableBody;
}

export function stringToSign(input: SignatureInput): string {
  return [input.method.toUpperCase(), input.path, input.timestamp, input.nonce, sha256Hex(input.body)].join('\n');
}

/** Lowercase hex HMAC-SHA256(appSecret, stringToSign). */
export function computeSignature(appSecret: string, input: SignatureInput): string {
  return createHmac('sha256', appSecret).update(stringToSign(input), 'utf8').digest('hex');
}

/** Constant-time comparison of a received X-Signature with the expected one. */
export function signatureMatches(appSecret: string, input: SignatureInput, received: string): boolean {
  const expected = Buffer.from(computeSignature(appSecret, input), 'utf8');
  const actual = Buffer.from(received, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export interface SignedHeaders {
  'X-App-Id': string;
  'X-Timestamp': string;
  'X-Nonce': string;
  'X-Signature': string;
}

export interface SignRequestInput {
  appId: string;
  appSecret: string;
  method: string;
  path: string;
  body?: SignableBody;
  /** Epoch milliseconds; the header carries whole seconds. */
  nowMs: number;
  /** Defaults to a new UUID; pass one only to reproduce a test vector. */
  nonce?: string;
}

/** The four auth headers for one attempt: a fresh nonce and the current timestamp. */
export function signRequest(input: SignRequestInput): SignedHeaders {
  const timestamp = String(Math.floor(input.nowMs / 1000));
  const nonce = input.nonce ?? randomUUID();
  const signature = computeSignature(input.appSecret, {
    method: input.method,
    path: input.path,
    timestamp,
    nonce,
    body: input.body,
  });
  return { 'X-App-Id': input.appId, 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': signature };
}
