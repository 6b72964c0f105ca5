// Configuration of the 12345 hotline connector (12345政务服务便民热线). parseHotlineConfig is the
// only place that reads the HOTLINE_* variables; the hub passes it its environment once at start-up.
//
//   HOTLINE_URL                      base URL of the hotline (https://host[/prefix]); unset → the in-process simulator
//   HOTLINE_API_KEY                  X-Api-Key, bound to one handling unit (required with HOTLINE_URL); never logged
//   HOTLINE_WEBHOOK_SECRET           secret of X-Hotline-Signature on webhooks (required with HOTLINE_URL)
//   HOTLINE_WEBHOOK_SECRET_PREVIOUS  optional: the secret being rotated out, also accepted meanwhile
//   HOTLINE_ASSIGNEE                 the handling unit (承办单位) the key is bound to, default 440309-LH-ZHZF
//   HOTLINE_TIMEOUT_MS               per-attempt client timeout, default 10000 (contract)
//   HOTLINE_MAX_ATTEMPTS             tries of a safe call (GETs, sign), default 3
//   HOTLINE_RETRY_BASE_DELAY_MS      backoff before the 2nd try (doubles, with jitter), default 1000
//   HOTLINE_RETRY_MAX_DELAY_MS       largest backoff, default 8000
//   HOTLINE_MAX_RETRY_AFTER_MS       a longer Retry-After fails the call with the hint, default 10000
//   HOTLINE_BREAKER_FAILURES         failures in a row that open the circuit, default 5
//   HOTLINE_BREAKER_OPEN_MS          how long it stays open, default 30000
//   HOTLINE_PAGE_SIZE                pageSize when following pages (1–100), default 50
//   HOTLINE_SIMULATOR_DISPATCH_MS    simulator only: a new work order this often (0 = only on demand), default 20000
//
// Error messages name the variable, never its value.
import type { PolicySettings } from '../core/call-policy';
import { DEPT_CODE_PATTERN } from './types';

export interface HotlineConfig extends PolicySettings {
  /** Base URL of the real hotline; null runs the in-process simulator. */
  url: string | null;
  /** X-Api-Key; bound to `assignee` by the hotline. */
  apiKey: string;
  /** Verifies X-Hotline-Signature of webhooks. */
  webhookSecret: string;
  /** The previous webhook secret during a rotation on the hub's side, else null. */
  previousWebhookSecret: string | null;
  /** 承办单位编码 the key is bound to: the `assignee` of list calls. */
  assignee: string;
  /** Per attempt (contract: client timeout 10 s). */
  timeoutMs: number;
  /** pageSize used when following pages of listWorkOrders (contract: 1–100, default 50). */
  pageSize: number;
  /** Simulator only: interval of automatic dispatches; 0 = only on demand. */
  simulatorDispatchMs: number;
}

/** Credentials of the in-process simulator: fictitious, not a real key or secret. */
export const SANDBOX_HOTLINE_API_KEY = 'hk_sandbox_lhzhzf_3c9e7a51d2b84f60';
export const SANDBOX_HOTLINE_WEBHOOK_SECRET = 'whsec_sandbox_12345_8b7a6f5e';
/** The sandbox handling unit: 龙华区 综合行政执法 (receives the orders of all six streets). */
export const SANDBOX_HOTLINE_ASSIGNEE = '440309-LH-ZHZF';

export const HOTLINE_DEFAULTS: Omit<HotlineConfig, 'url' | 'apiKey' | 'webhookSecret' | 'previousWebhookSecret'> = {
  assignee: SANDBOX_HOTLINE_ASSIGNEE,
  timeoutMs: 10_000,
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  maxRetryAfterMs: 10_000,
  breakerFailureThreshold: 5,
  breakerOpenMs: 30_000,
  pageSize: 50,
  simulatorDispatchMs: 20_000,
};

/** A configuration problem; the message names the variable and the rule, never the value. */
export class HotlineConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
  ) {
    super(`Invalid configuration: ${variable} ${rule}`);
    this.name = 'HotlineConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env[name]);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new HotlineConfigError(name, `must be a whole number between ${min} and ${max}`);
  }
  return Number(raw);
}

export function parseHotlineConfig(env: Env = process.env): HotlineConfig {
  const rawUrl = present(env.HOTLINE_URL);
  let url: string | null = null;
  if (rawUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(rawUrl);
    } catch {
      throw new HotlineConfigError('HOTLINE_URL', 'must be an absolute http(s) URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new HotlineConfigError('HOTLINE_URL', 'must be an absolute http(s) URL');
    if (parsed.search || parsed.hash || parsed.username || parsed.password) {
      throw new HotlineConfigError('HOTLINE_URL', 'must not carry a query, fragment or credentials');
    }
    url = parsed.toString().replace(/\/+$/, '');
  }

  let apiKey = present(env.HOTLINE_API_KEY);
  let webhookSecret = present(env.HOTLINE_WEBHOOK_SECRET);
  if (url === null) {
    apiKey ??= SANDBOX_HOTLINE_API_KEY;
    webhookSecret ??= SANDBOX_HOTLINE_WEBHOOK_SECRET;
  } else {
    if (apiKey === undefined) throw new HotlineConfigError('HOTLINE_API_KEY', 'is required when HOTLINE_URL is set');
    if (webhookSecret === undefined) throw new HotlineConfigError('HOTLINE_WEBHOOK_SECRET', 'is required when HOTLINE_URL is set');
  }
  // The key travels in a header: refuse anything a header cannot carry as is.
  if (!/^[\x21-\x7e]+$/.test(apiKey)) throw new HotlineConfigError('HOTLINE_API_KEY', 'must be printable ASCII without spaces');

  const assignee = present(env.HOTLINE_ASSIGNEE) ?? HOTLINE_DEFAULTS.assignee;
  if (!DEPT_CODE_PATTERN.test(assignee)) {
    throw new HotlineConfigError('HOTLINE_ASSIGNEE', 'must be a handling-unit code of 2–32 characters [0-9A-Z-] (e.g. 440309-GH-ZHZF)');
  }

  return {
    url,
    apiKey,
    webhookSecret,
    previousWebhookSecret: present(env.HOTLINE_WEBHOOK_SECRET_PREVIOUS) ?? null,
    assignee,
    timeoutMs: integer(env, 'HOTLINE_TIMEOUT_MS', HOTLINE_DEFAULTS.timeoutMs, 100, 120_000),
    maxAttempts: integer(env, 'HOTLINE_MAX_ATTEMPTS', HOTLINE_DEFAULTS.maxAttempts, 1, 10),
    baseDelayMs: integer(env, 'HOTLINE_RETRY_BASE_DELAY_MS', HOTLINE_DEFAULTS.baseDelayMs, 0, 60_000),
    maxDelayMs: integer(env, 'HOTLINE_RETRY_MAX_DELAY_MS', HOTLINE_DEFAULTS.maxDelayMs, 0, 300_000),
    maxRetryAfterMs: integer(env, 'HOTLINE_MAX_RETRY_AFTER_MS', HOTLINE_DEFAULTS.maxRetryAfterMs, 0, 600_000),
    breakerFailureThreshold: integer(env, 'HOTLINE_BREAKER_FAILURES', HOTLINE_DEFAULTS.breakerFailureThreshold, 1, 1000),
    breakerOpenMs: integer(env, 'HOTLINE_BREAKER_OPEN_MS', HOTLINE_DEFAULTS.breakerOpenMs, 100, 3_600_000),
    pageSize: integer(env, 'HOTLINE_PAGE_SIZE', HOTLINE_DEFAULTS.pageSize, 1, 100),
    simulatorDispatchMs: integer(env, 'HOTLINE_SIMULATOR_DISPATCH_MS', HOTLINE_DEFAULTS.simulatorDispatchMs, 0, 86_400_000),
  };
}

/** The secrets a webhook may be signed with: the current one first. */
export function webhookSecretsOf(config: Pick<HotlineConfig, 'webhookSecret' | 'previousWebhookSecret'>): string[] {
  return config.previousWebhookSecret ? [config.webhookSecret, config.previousWebhookSecret] : [config.webhookSecret];
}
