// Configuration of the permits connector. parsePermitsConfig is the only place that reads the
// PERMITS_* variables; the hub passes it its environment once at start-up.
//
//   PERMITS_URL         base URL of the permits system (https://host[/prefix]); unset → the in-process simulator
//   PERMITS_APP_ID      X-App-Id issued at onboarding (required with PERMITS_URL)
//   PERMITS_APP_SECRET  HMAC secret (required with PERMITS_URL); never logged
//   PERMITS_TIMEOUT_MS  per-attempt client timeout, default 5000 (the contract's recommendation)

export interface PermitsConfig {
  /** Base URL of the real system; null runs the in-process simulator. */
  url: string | null;
  appId: string;
  appSecret: string;
  /** Per attempt (contract: clients time out after 5 s; server cut-off 10 s). */
  timeoutMs: number;
  /** Tries per call including the first (contract: max 3). */
  maxAttempts: number;
  /** Backoff before the 2nd try; doubles per try (contract: 1 s, 2 s, 4 s …), with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for inside a request: the call fails with the hint. */
  maxRetryAfterMs: number;
  /** Consecutive failed attempts that open the circuit. */
  breakerFailureThreshold: number;
  /** How long the circuit stays open before one trial call. */
  breakerOpenMs: number;
  /** pageSize used when following pages (contract: 1–100). */
  pageSize: number;
  /** Parallel requests of one batch/list fan-out (contract limit: 20 req/s per app). */
  maxConcurrency: number;
}

/** Credentials of the in-process simulator (not a real secret). */
export const SANDBOX_APP_ID = 'lh-enforcement-hub-sandbox';
export const SANDBOX_APP_SECRET = 'pk_sandbox_7c1e4b9a2d6f3085';

export const PERMITS_DEFAULTS: Omit<PermitsConfig, 'url' | 'appId' | 'appSecret'> = {
  timeoutMs: 5000,
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  maxRetryAfterMs: 10_000,
  breakerFailureThreshold: 5,
  breakerOpenMs: 30_000,
  pageSize: 100,
  maxConcurrency: 4,
};

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function parsePermitsConfig(env: Record<string, string | undefined>): PermitsConfig {
  const rawUrl = present(env.PERMITS_URL);
  let url: string | null = null;
  if (rawUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(rawUrl);
    } catch {
      throw new Error('PERMITS_URL must be an absolute http(s) URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error('PERMITS_URL must be an absolute http(s) URL');
    }
    if (parsed.search || parsed.hash || parsed.username || parsed.password) {
      throw new Error('PERMITS_URL must not carry a query, fragment or credentials');
    }
    url = parsed.toString().replace(/\/+$/, '');
  }

  let appId = present(env.PERMITS_APP_ID);
  let appSecret = present(env.PERMITS_APP_SECRET);
  if (url === null) {
    appId ??= SANDBOX_APP_ID;
    appSecret ??= SANDBOX_APP_SECRET;
  } else {
    if (appId === undefined) throw new Error('PERMITS_APP_ID is required when PERMITS_URL is set');
    if (appSecret === undefined) throw new Error('PERMITS_APP_SECRET is required when PERMITS_URL is set');
  }

  let timeoutMs = PERMITS_DEFAULTS.timeoutMs;
  const rawTimeout = present(env.PERMITS_TIMEOUT_MS);
  if (rawTimeout !== undefined) {
    if (!/^\d+$/.test(rawTimeout) || Number(rawTimeout) < 100 || Number(rawTimeout) > 60_000) {
      throw new Error('PERMITS_TIMEOUT_MS must be a whole number of milliseconds between 100 and 60000');
    }
    timeoutMs = Number(rawTimeout);
  }

  return { ...PERMITS_DEFAULTS, url, appId, appSecret, timeoutMs };
}
