// Configuration of the public-security connector, read once from the environment.
//
//   PSB_URL                 service address; unset → the in-process simulator with sandbox credentials
//   PSB_APP_ID, PSB_TOKEN   AppCredential; required when PSB_URL is set
//   PSB_TIMEOUT_MS          per-attempt client timeout (contract: 15 s; VerifyIdentity may take 8 s)
//   PSB_SIMULATOR_ADVANCE_MS  simulator only: how often support requests move one status on (0 = never)
//
// Error messages name the variable, never its value (the token is a credential).

/** Sandbox credential of the in-process simulator (the fictitious one of the contract's examples). */
export const PSB_SANDBOX_APP_ID = 'lhgh-zhzf-hub';
export const PSB_SANDBOX_TOKEN = 'tk_test_3Fv8Qz1Rb6Nw4Yp2';

export interface PublicSecurityConfig {
  /** Service address (overrides the WSDL's fictitious one); null → in-process simulator. */
  url: string | null;
  appId: string;
  token: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts of safe calls (verifications, queries, serial-keyed support requests). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After (e.g. the daily identity quota) fails the call with the hint instead of waiting. */
  maxRetryAfterMs: number;
  breakerFailureThreshold: number;
  breakerOpenMs: number;
  /** Simulator only: interval of the automatic support-request status advance; 0 = only on demand. */
  simulatorAdvanceMs: number;
}

export type PublicSecurityEnv = Readonly<Record<string, string | undefined>>;

export const PSB_DEFAULTS = {
  timeoutMs: 15_000,
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 10_000,
  breakerFailureThreshold: 5,
  breakerOpenMs: 30_000,
  simulatorAdvanceMs: 60_000,
} as const;

function nonEmpty(env: PublicSecurityEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function integer(env: PublicSecurityEnv, name: string, fallback: number, min: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new Error(`${name} must be an integer ≥ ${min} (milliseconds)`);
  }
  return Number(raw);
}

export function parsePublicSecurityConfig(env: PublicSecurityEnv = process.env): PublicSecurityConfig {
  const url = nonEmpty(env, 'PSB_URL') ?? null;
  if (url !== null) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('PSB_URL must be an absolute http(s) URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error('PSB_URL must be an absolute http(s) URL');
    }
  }
  let appId = nonEmpty(env, 'PSB_APP_ID');
  let token = nonEmpty(env, 'PSB_TOKEN');
  if (url !== null) {
    if (appId === undefined) throw new Error('PSB_APP_ID must be set when PSB_URL is set');
    if (token === undefined) throw new Error('PSB_TOKEN must be set when PSB_URL is set');
  } else {
    appId ??= PSB_SANDBOX_APP_ID;
    token ??= PSB_SANDBOX_TOKEN;
  }
  return {
    url,
    appId,
    token,
    timeoutMs: integer(env, 'PSB_TIMEOUT_MS', PSB_DEFAULTS.timeoutMs, 1),
    maxAttempts: PSB_DEFAULTS.maxAttempts,
    baseDelayMs: PSB_DEFAULTS.baseDelayMs,
    maxDelayMs: PSB_DEFAULTS.maxDelayMs,
    maxRetryAfterMs: PSB_DEFAULTS.maxRetryAfterMs,
    breakerFailureThreshold: PSB_DEFAULTS.breakerFailureThreshold,
    breakerOpenMs: PSB_DEFAULTS.breakerOpenMs,
    simulatorAdvanceMs: integer(env, 'PSB_SIMULATOR_ADVANCE_MS', PSB_DEFAULTS.simulatorAdvanceMs, 0),
  };
}
