// Configuration of the case-transfer connector (两法衔接). parseCaseTransferConfig is the only
// place that reads the TRANSFER_* variables; the hub passes it its environment once at start-up.
//
//   TRANSFER_URL                  base URL of the platform (https://host[/prefix]); unset → the in-process simulator
//   TRANSFER_CLIENT_ID            OAuth2 client id (required with TRANSFER_URL)
//   TRANSFER_CLIENT_SECRET        OAuth2 client secret (required with TRANSFER_URL); never logged
//   TRANSFER_CALLBACK_SECRET      secret of the X-Platform-Signature on status callbacks (required with TRANSFER_URL)
//   TRANSFER_CALLBACK_SECRET_PREVIOUS  optional: the secret being rotated out, also accepted meanwhile
//   TRANSFER_TIMEOUT_MS           per-attempt client timeout, default 10000 (contract)
//   TRANSFER_UPLOAD_TIMEOUT_MS    per-attempt timeout of uploads, default 30000 (contract)
//   TRANSFER_SIMULATOR_ADVANCE_MS simulator only: how often transfers move one status on (0 = only on demand)
//
// Error messages name the variable, never its value.

export interface CaseTransferConfig {
  /** Base URL of the real platform; null runs the in-process simulator. */
  url: string | null;
  clientId: string;
  clientSecret: string;
  /** Verifies X-Platform-Signature of status callbacks. */
  callbackSecret: string;
  /** The previous callback secret during a rotation on the hub's side, else null. */
  previousCallbackSecret: string | null;
  /** Per attempt (contract: 10 s; the platform answers within 5 s). */
  timeoutMs: number;
  /** Per attempt of an upload (contract: 30 s, files up to 50 MiB). */
  uploadTimeoutMs: number;
  /** Tries of a safe call including the first. */
  maxAttempts: number;
  /** Backoff before the 2nd try; doubles per try, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for inside a request: the call fails with the hint. */
  maxRetryAfterMs: number;
  breakerFailureThreshold: number;
  breakerOpenMs: number;
  /** Renew the access token this long before it expires (contract: about 300 s). */
  tokenRenewBeforeMs: number;
  /** pageSize used when following pages of listTransfers (contract: 1–100, default 50). */
  pageSize: number;
  /** Simulator only: interval of the automatic status advance; 0 = only on demand. */
  simulatorAdvanceMs: number;
}

/** Credentials of the in-process simulator: the contract examples' fictitious client, not a real secret. */
export const SANDBOX_TRANSFER_CLIENT_ID = 'lfxj-guanhu-hub';
export const SANDBOX_TRANSFER_CLIENT_SECRET = 'cs_test_8Hq2vT5nW9xK3mP7';
export const SANDBOX_TRANSFER_CALLBACK_SECRET = 'whsec_sandbox_lfxj_5e4d3c2b';

export const CASE_TRANSFER_DEFAULTS: Omit<
  CaseTransferConfig,
  'url' | 'clientId' | 'clientSecret' | 'callbackSecret' | 'previousCallbackSecret'
> = {
  timeoutMs: 10_000,
  uploadTimeoutMs: 30_000,
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  maxRetryAfterMs: 10_000,
  breakerFailureThreshold: 5,
  breakerOpenMs: 30_000,
  tokenRenewBeforeMs: 300_000,
  pageSize: 50,
  simulatorAdvanceMs: 60_000,
};

type Env = Readonly<Record<string, string | undefined>>;

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env[name]);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`${name} must be a whole number of milliseconds between ${min} and ${max}`);
  }
  return Number(raw);
}

export function parseCaseTransferConfig(env: Env = process.env): CaseTransferConfig {
  const rawUrl = present(env.TRANSFER_URL);
  let url: string | null = null;
  if (rawUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(rawUrl);
    } catch {
      throw new Error('TRANSFER_URL must be an absolute http(s) URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('TRANSFER_URL must be an absolute http(s) URL');
    if (parsed.search || parsed.hash || parsed.username || parsed.password) {
      throw new Error('TRANSFER_URL must not carry a query, fragment or credentials');
    }
    url = parsed.toString().replace(/\/+$/, '');
  }

  let clientId = present(env.TRANSFER_CLIENT_ID);
  let clientSecret = present(env.TRANSFER_CLIENT_SECRET);
  let callbackSecret = present(env.TRANSFER_CALLBACK_SECRET);
  if (url === null) {
    clientId ??= SANDBOX_TRANSFER_CLIENT_ID;
    clientSecret ??= SANDBOX_TRANSFER_CLIENT_SECRET;
    callbackSecret ??= SANDBOX_TRANSFER_CALLBACK_SECRET;
  } else {
    if (clientId === undefined) throw new Error('TRANSFER_CLIENT_ID is required when TRANSFER_URL is set');
    if (clientSecret === undefined) throw new Error('TRANSFER_CLIENT_SECRET is required when TRANSFER_URL is set');
    if (callbackSecret === undefined) throw new Error('TRANSFER_CALLBACK_SECRET is required when TRANSFER_URL is set');
  }

  return {
    ...CASE_TRANSFER_DEFAULTS,
    url,
    clientId,
    clientSecret,
    callbackSecret,
    previousCallbackSecret: present(env.TRANSFER_CALLBACK_SECRET_PREVIOUS) ?? null,
    timeoutMs: integer(env, 'TRANSFER_TIMEOUT_MS', CASE_TRANSFER_DEFAULTS.timeoutMs, 100, 120_000),
    uploadTimeoutMs: integer(env, 'TRANSFER_UPLOAD_TIMEOUT_MS', CASE_TRANSFER_DEFAULTS.uploadTimeoutMs, 100, 600_000),
    simulatorAdvanceMs: integer(env, 'TRANSFER_SIMULATOR_ADVANCE_MS', CASE_TRANSFER_DEFAULTS.simulatorAdvanceMs, 0, 86_400_000),
  };
}

/** The secrets a status callback may be signed with: the current one first. */
export function callbackSecretsOf(config: Pick<CaseTransferConfig, 'callbackSecret' | 'previousCallbackSecret'>): string[] {
  return config.previousCallbackSecret ? [config.callbackSecret, config.previousCallbackSecret] : [config.callbackSecret];
}
