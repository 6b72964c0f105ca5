// Configuration of the social credit connector, read once from the environment. A bad value
// stops the hub with a message naming the variable — never echoing a secret.
import type { CircuitBreakerOptions } from '../core';
import type { CreditQueryPurpose } from './types';
import { CREDIT_QUERY_PURPOSES } from './types';

export interface SocialCreditConfig {
  /** Endpoint of CreditSharingService; null → the in-process simulator (sandbox). */
  url: string | null;
  username: string;
  password: string;
  /** Client timeout per attempt (contract: 20 s). */
  timeoutMs: number;
  /** Timeout of one BatchQueryCreditProfile attempt (contract: batches take up to 15 s); defaults to timeoutMs. */
  batchTimeoutMs?: number;
  /** Shared (cross-request) credit profile cache TTL; 0 = off. */
  profileCacheTtlMs: number;
  /** Purpose sent with profile queries when the caller does not give one. Default LAW_ENFORCEMENT. */
  defaultPurpose?: CreditQueryPurpose;
  /** Attempts for safe calls (queries). Default 3. */
  maxAttempts?: number;
  /** First backoff between attempts; doubled each time, with jitter. Default 500 ms. */
  retryBaseDelayMs?: number;
  /** Largest backoff. Default 4 s. */
  retryMaxDelayMs?: number;
  /** A Retry-After longer than this is not waited for inside a request. Default 5 s. */
  maxRetryAfterMs?: number;
  /** Default: open after 5 failures in a row, for 30 s. */
  breaker?: CircuitBreakerOptions;
  /**
   * Consecutive AUTH_FAILED answers after which the client stops calling (the platform locks the
   * account after 5 within 10 minutes). Default 3.
   */
  authFailureLimit?: number;
  /** How long calls stay suspended after authFailureLimit AUTH_FAILED answers. Default 30 min. */
  authSuspendMs?: number;
  /** Simulator only: how often submitted reports advance one status step. Default 5 s; 0 = only by advanceReports(). */
  simulatorReportStepMs?: number;
}

/** Fictitious sandbox account of the contract examples; only ever sent to the in-process simulator. */
export const SANDBOX_CREDIT_USERNAME = 'lhgh_zhzf_hub';
export const SANDBOX_CREDIT_PASSWORD = 'Test#Credit2025';

export const DEFAULT_CREDIT_TIMEOUT_MS = 20_000;

export class SocialCreditConfigError extends Error {
  constructor(variable: string, rule: string) {
    super(`Invalid configuration: ${variable} ${rule}`);
    this.name = 'SocialCreditConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new SocialCreditConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new SocialCreditConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/**
 * Reads CREDIT_URL, CREDIT_USERNAME, CREDIT_PASSWORD, CREDIT_TIMEOUT_MS (default 20000),
 * CREDIT_BATCH_TIMEOUT_MS (default = CREDIT_TIMEOUT_MS), CREDIT_PROFILE_CACHE_TTL_MS (default 0 = off),
 * CREDIT_QUERY_PURPOSE (default LAW_ENFORCEMENT).
 * CREDIT_URL unset → the simulator with the sandbox account; set → CREDIT_USERNAME and CREDIT_PASSWORD are required.
 */
export function parseSocialCreditConfig(env: Env = process.env): SocialCreditConfig {
  const rawUrl = env.CREDIT_URL?.trim();
  let url: string | null = null;
  if (rawUrl) {
    let parsed: URL;
    try {
      parsed = new URL(rawUrl);
    } catch {
      throw new SocialCreditConfigError('CREDIT_URL', 'must be an http:// or https:// URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new SocialCreditConfigError('CREDIT_URL', 'must be an http:// or https:// URL');
    }
    if (parsed.username || parsed.password) {
      throw new SocialCreditConfigError('CREDIT_URL', 'must not carry credentials (use CREDIT_USERNAME / CREDIT_PASSWORD)');
    }
    url = parsed.href;
  }

  const givenUsername = env.CREDIT_USERNAME?.trim() || undefined;
  // Passwords are taken as given: leading or trailing spaces may be part of them.
  const givenPassword = env.CREDIT_PASSWORD === '' ? undefined : env.CREDIT_PASSWORD;
  if (url !== null) {
    if (!givenUsername) throw new SocialCreditConfigError('CREDIT_USERNAME', 'is required when CREDIT_URL is set');
    if (givenPassword === undefined) throw new SocialCreditConfigError('CREDIT_PASSWORD', 'is required when CREDIT_URL is set');
  }

  const timeoutMs = int(env, 'CREDIT_TIMEOUT_MS', DEFAULT_CREDIT_TIMEOUT_MS, 100, 120_000);
  const batchTimeoutMs = int(env, 'CREDIT_BATCH_TIMEOUT_MS', timeoutMs, 100, 120_000);
  const profileCacheTtlMs = int(env, 'CREDIT_PROFILE_CACHE_TTL_MS', 0, 0, 24 * 3600_000);

  const rawPurpose = env.CREDIT_QUERY_PURPOSE?.trim();
  let defaultPurpose: CreditQueryPurpose = 'LAW_ENFORCEMENT';
  if (rawPurpose) {
    if (!(CREDIT_QUERY_PURPOSES as readonly string[]).includes(rawPurpose)) {
      throw new SocialCreditConfigError('CREDIT_QUERY_PURPOSE', `must be one of ${CREDIT_QUERY_PURPOSES.join(', ')}, got "${rawPurpose}"`);
    }
    defaultPurpose = rawPurpose as CreditQueryPurpose;
  }

  return {
    url,
    username: givenUsername ?? SANDBOX_CREDIT_USERNAME,
    password: givenPassword ?? SANDBOX_CREDIT_PASSWORD,
    timeoutMs,
    batchTimeoutMs,
    profileCacheTtlMs,
    defaultPurpose,
  };
}
